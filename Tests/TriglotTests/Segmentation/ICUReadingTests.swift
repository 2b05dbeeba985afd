import Foundation
import Testing
@testable import Triglot

/// ICU reads each paragraph converted to UTF-16 (its own encoding) rather than through its UTF-8 reader; the
/// boundaries, mapped back to UTF-8 offsets, must be exactly the ones the UTF-8 reader gives.
@Suite struct ICUReadingTests {
    /// Boundaries of the whole of `text` read both ways.
    private func boundaries(_ text: String, locale: String) throws -> (utf16: [Int], utf8: [Int], statuses: [[Int32]]) {
        let iterator = try ICUSentenceIterator(locale: locale)
        var text = text
        return try text.withUTF8 { bytes in
            var converted: [ICUBoundary] = []
            var direct: [ICUBoundary] = []
            try iterator.appendBoundaries(in: bytes, range: 0..<bytes.count, to: &converted)
            try iterator.appendBoundaries(in: bytes, range: 0..<bytes.count, readingUTF8: true, to: &direct)
            return (converted.map(\.offset), direct.map(\.offset), [converted.map(\.status), direct.map(\.status)])
        }
    }

    @Test func charactersBeyondTheBasicPlaneKeepTheirBoundaries() throws {
        // Emoji, mathematical letters and CJK extension B are two UTF-16 units and four UTF-8 bytes each.
        let text = "Hội nghị 😀 kết thúc. 𝐀𝐁 Đoàn đại biểu ra về! 𠀋 Lễ bế mạc? Xong 👍🏽.\u{2029}Câu mới 😀"
        let result = try boundaries(text, locale: "vi")
        #expect(result.utf16 == result.utf8)
        #expect(result.statuses[0] == result.statuses[1])
        let sentences = zip([0] + result.utf16, result.utf16).map {
            String(decoding: Array(text.utf8)[$0..<$1], as: UTF8.self)
        }
        #expect(sentences == ["Hội nghị 😀 kết thúc. ", "𝐀𝐁 Đoàn đại biểu ra về! ", "𠀋 Lễ bế mạc? ",
                              "Xong 👍🏽.\u{2029}", "Câu mới 😀"])
    }

    @Test func everyCorpusTextHasTheSameBoundariesReadEitherWay() throws {
        let files = FileManager.default.enumerator(at: TestPaths.corpus, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" } ?? []
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for locale in ["vi", "fr", "en"] {
                let result = try boundaries(text, locale: locale)
                #expect(result.utf16 == result.utf8, "\(file.lastPathComponent), \(locale)")
                #expect(result.statuses[0] == result.statuses[1], "\(file.lastPathComponent), \(locale)")
            }
        }
    }

    @Test func marksLineBreaksAndControlsKeepTheirBoundaries() throws {
        let text = "e\u{0301}. Ba\r\nHai. Ba\u{2028}Bốn.\u{85}Năm… “Sáu.” ÷\u{0}Bảy.\u{FEFF} Tám.\u{200B} Chín.\t\u{1F1FB}\u{1F1F3}. Mười."
        for locale in ["vi", "fr", "en"] {
            let result = try boundaries(text, locale: locale)
            #expect(result.utf16 == result.utf8, "\(locale)")
            #expect(result.statuses[0] == result.statuses[1], "\(locale)")
        }
    }

    @Test func aParagraphOfMillionsOfCharactersIsBrokenAndTheIteratorStillWorksAfter() throws {
        // 1.4 million characters in one paragraph: above the size whose UTF-16 copy the iterator keeps.
        let sentence = "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng họp tại Hà Nội 😀. "
        let text = String(repeating: sentence, count: 20_000)
        #expect(text.unicodeScalars.count > 1_300_000)
        let iterator = try ICUSentenceIterator(locale: "vi")
        for round in 0..<2 {
            var converted: [ICUBoundary] = [], direct: [ICUBoundary] = []
            var copy = round == 0 ? text : sentence + sentence
            try copy.withUTF8 { bytes in
                try iterator.appendBoundaries(in: bytes, range: 0..<bytes.count, to: &converted)
                try iterator.appendBoundaries(in: bytes, range: 0..<bytes.count, readingUTF8: true, to: &direct)
            }
            #expect(converted.map(\.offset) == direct.map(\.offset))
            #expect(converted.count == (round == 0 ? 20_000 : 2))
            #expect(converted.last?.offset == copy.utf8.count)
        }
    }
}
