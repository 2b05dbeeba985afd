import Foundation
import Testing
@testable import Triglot

@Suite struct StableJSONTextTests {
    private func encoded<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder.stable().encode(value), as: UTF8.self)
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        let samples = ["Tỉnh ủy Nghệ An", "578-KL/TU", "\"Đổi mới\" \\ back", "tab\there\nline\r\u{8}\u{C}",
                       "\u{0}\u{1}\u{1F}\u{7F}", "l’Éducation – « Hà Nội »", "", "emoji 🇻🇳 and \u{2028} separator"]
        for sample in samples {
            #expect(StableJSONText.quoted(sample) == (try encoded(sample)), "\(sample.debugDescription)")
        }
        // Every ASCII character, one by one.
        for value in 0..<128 {
            let sample = String(UnicodeScalar(UInt8(value)))
            #expect(StableJSONText.quoted(sample) == (try encoded(sample)))
        }
    }

    @Test func objectsListTheirMembersInTheEncodersOrder() throws {
        let members = ["type": "KL", "code": "578-KL/TU", "system": "party", "issuer": "TU", "role": "before",
                       "precision": "day", "post": "Bí thư", "body": "Tỉnh ủy", "id": "C01"]
        #expect(StableJSONText.object(members) == (try encoded(members)))
        #expect(StableJSONText.object([:]) == (try encoded([String: String]())))
    }

    /// What the encoder would write for a mention line.
    private struct Line: Encodable {
        var type: MentionType
        var text: String
        var start: Int
        var end: Int
        var value: ArticleRecord.Value
        var attributes: [String: String]
    }

    @Test func mentionLinesAreWhatTheEncoderWrites() throws {
        let text = try String(contentsOf: TestPaths.corpus.appendingPathComponent("seeds/003_75d16ee19731c4f2.txt"), encoding: .utf8)
        let mentions = Extractor().mentions(in: try Segmenter().segment(text))
        #expect(mentions.count > 50)
        #expect(Set(mentions.map(\.type)) == Set(MentionType.allCases))
        for mention in mentions {
            let line = Line(type: mention.type, text: mention.text, start: mention.span.start, end: mention.span.end,
                            value: ArticleRecord.Value(mention.value), attributes: mention.value.attributes)
            #expect(mention.jsonLine == (try encoded(line)))
        }
    }
}
