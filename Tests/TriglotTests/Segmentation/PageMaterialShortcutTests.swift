import Foundation
import Testing
import TriglotICU
@testable import Triglot

/// The byte-level shortcuts of segmentation give the answers of the definitions they stand in for.
@Suite struct PageMaterialShortcutTests {
    /// Runs `body` on the UTF-8 of `line`, as one span.
    private func onLine<T>(_ line: String, _ body: (UTF8Text, Span) -> T) -> T {
        var line = line
        return line.withUTF8 { body(UTF8Text(bytes: $0), Span(start: 0, end: $0.count)) }
    }

    /// Every line of the corpus texts, and lines made to stress folding (marks, joiners, other scripts, colons).
    private static let lines: [String] = {
        let texts = ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.corpus.appendingPathComponent("seeds").path)) ?? [])
            .filter { $0.hasSuffix(".txt") }
            .compactMap { try? String(contentsOf: TestPaths.corpus.appendingPathComponent("seeds/\($0)"), encoding: .utf8) }
        let made = [
            "Photo: VNA", "(Ảnh: TTXVN)", "Photo : Pham Bang", "—VNA/VNS Photo", "Ảnh minh họa", "ẢNH: THANH DUY",
            "Anh", "anh và em", "Nguồn: baochinhphu.vn", "Source", "Crédit photo : AFP", "Illustration photo",
            "Photos by Le Minh", "Photo\u{301}: VNA", "Photo:\u{301} VNA", "Pho\u{301}to: VNA", "P\u{200D}hoto: VNA",
            "Фото: VNA", "Photo 中文: VNA", "photo+ : x", "Ph\u{0153}to: x", "Ảnh: Nguyễn Văn An Bình Châu Đức Giang Hà",
            "Le chef du village — Photo", "un deux trois quatre cinq Photo", "x: Source", "illustrations: AFP",
        ]
        return made + texts.flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
    }()

    @Test func photoCreditMatchesItsDefinitionByFolding() {
        for line in Self.lines {
            let fast = onLine(line) { PhotoCredit.isCredit($0, $1) }
            let folded = onLine(line) { PhotoCredit.isCreditByFolding($0, $1) }
            #expect(fast == folded, "\(line)")
        }
        #expect(onLine("(Ảnh: TTXVN)") { PhotoCredit.isCredit($0, $1) })
        #expect(onLine("—VNA/VNS Photo") { PhotoCredit.isCredit($0, $1) })
        #expect(!onLine("Anh và em đi học") { PhotoCredit.isCredit($0, $1) })
    }

    @Test func furnitureIsFoundFromTheBytesAsFromTheKey() {
        let furniture = FurnitureLexicon.standard
        let lines = Self.lines + furniture.entries.keys.flatMap { key in
            [key, key.uppercased(), "  " + key.replacingOccurrences(of: " ", with: "   ") + " ",
             key.replacingOccurrences(of: "#", with: "12"), key + "x"]
        }
        for line in lines {
            let fromBytes = onLine(line) { furniture.entry(in: $0, $1) }
            let fromKey = furniture.entry(for: line)
            #expect(fromBytes?.opensTail == fromKey?.opensTail && fromBytes?.language == fromKey?.language, "\(line)")
        }
        #expect(onLine("Comments (12)") { furniture.entry(in: $0, $1) } != nil)
    }

    @Test func agencyNamesAreTrimmedOfEveryWhiteSpace() {
        // CharacterSet.whitespaces, all of it, around a name; no other scalar.
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value), value != 0x2F, !(value >= 0x41 && value <= 0x5A),
                  !(value >= 0x61 && value <= 0x7A) else { continue }
            let line = "\(Character(scalar))VNA/VNS\(Character(scalar))"
            let expected = CharacterSet.whitespaces.contains(scalar)
            #expect(onLine(line) { AgencySignature.isAgencyLine($0, $1) } == expected, "U+\(String(value, radix: 16))")
        }
        #expect(onLine("(TTXVN/Vietnam+)") { AgencySignature.isWhole($0, $1) })
        #expect(onLine("Hà Nội (TTXVN) – Sáng nay. — VNA/VNS") { AgencySignature.start(in: $0, paragraph: $1) } != nil)
        #expect(onLine("VTC  News") { AgencySignature.isAgencyLine($0, $1) } == false)
    }

    @Test func imageLabelsAreFoundAtTheEndAndGluedInside() {
        for (line, labelled) in [
            ("Nhà lưu niệm Lê Đức Thọ - Ảnh 1.", true), ("Hội nghị ảnh 2", true), ("Hội nghị ảnh 12 ", true),
            ("Hội nghị ảnh 123", false), ("Hội nghị ảnh 3 .", false), ("Hội nghị ảnh 4..", false),
            ("Hội nghị ảnh 5a", false), ("ảnh 1", false), ("Hội nghịảnh 1", false), ("Hội nghị ảnh  1", false),
        ] {
            #expect(onLine(line) { ImageLabel.endsWithLabel($0, $1) } == labelled, "\(line)")
        }
        #expect(onLine("du Parti ảnh 1Nguyen Thi Kim Ngan, la présidente") { ImageLabel.gluedStarts(in: $0, paragraph: $1) } == [16])  // after "ảnh 1"
        #expect(onLine("du Parti ảnh 12a et ảnh 3b") { ImageLabel.gluedStarts(in: $0, paragraph: $1) }.isEmpty)
    }

    @Test func icuTerminatorsAreWhereTheShortcutLooks() {
        // No scalar below U+0340 but . ! ?, and no letter of Latin Extended Additional, ends a sentence for ICU.
        for value in Int32(0)..<0x340 {
            #expect((tg_sentence_break_kind(value) == TG_SB_TERMINATOR) == [0x2E, 0x21, 0x3F].contains(value),
                    "U+\(String(value, radix: 16))")
        }
        for value in Int32(0x1E00)...0x1EFF { #expect(tg_sentence_break_kind(value) != TG_SB_TERMINATOR) }
        for (line, mayBreak) in [
            ("Một câu.", false), ("Một câu. Hai câu", true), ("Title without stop", false), ("中文。测试", true),
            ("中文测试。", false), ("Hỏi gì? Đáp", true), ("He said “Go.”", false), ("(Photo: VNA).", false),
            ("Done. “Yes.”", true), ("Why?!)", false), ("Wait. (", true), ("Բարև։ Ինչպես", true), ("هل؟ نعم", true), ("a\u{2024}b", true), ("x", false),
        ] {
            #expect(onLine(line) { SentenceTerminators.mayBreakInside($0, $1) } == mayBreak, "\(line)")
        }
    }

    @Test func splitsAtTerminatorsBeyondASCII() throws {
        let document = try Segmenter(options: SegmentationOptions(boundaries: .icu)).segment("中文句子。第二句子。\nNo stop here")
        #expect(document.sentences.map { String(document.text(of: $0)) } == ["中文句子。", "第二句子。", "No stop here"])
    }
}
