import Foundation
import Testing
@testable import Triglot

@Suite struct SpaceTrimmingTests {
    @Test func trimsWhatFoundationTrimsAsWhitespace() {
        // Every scalar of the basic multilingual plane, alone, around a word and inside one.
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(scalar)
            for text in [s, s + "từ" + s, "a" + s + "b", s + s + "x"] {
                #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
            }
        }
        for text in [" \u{301}x ", "\t1029-TB/TU\u{00A0}", "\u{3000}Hà Nội\u{202F}", "\n x \n", " ", "", "a\u{2028}", "\u{200B}x\u{200B}"] {
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            let inLine = ("«" + text + "»").dropFirst().dropLast()
            #expect(inLine.trimmingSpaces == inLine.trimmingCharacters(in: .whitespaces))
        }
    }
}
