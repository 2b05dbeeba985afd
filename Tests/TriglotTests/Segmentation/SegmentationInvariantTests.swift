import Testing
@testable import Triglot

/// Random documents built from the pieces real scraped text is made of (words in three languages, abbreviations,
/// quotes, guillemets, ellipses, references, numbers, URLs, every kind of line break and space), checked against
/// the invariants every segmentation must keep whatever the input.
@Suite struct SegmentationInvariantTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "Tỉnh ủy", "Nghệ An", "hội nghị", "đã", "thống nhất", "Le Comité", "provincial", "du Parti", "the",
        "Standing Committee", "TP.", "TP.HCM", "Tp.HCM", "ThS.", "PGS.TS.", "No.", "n°", "1029 -TB/TU", "39-NQ/TW",
        "85,71 %", "1.900", "18.7.2023", "28/8/2023", "U.S.", "M.", "https://baonghean.vn/a-1.html", ".", ". ",
        "…", "...", "!", "?", " ? ", ":", ";", ",", "« ", " »", "“", "”", "\"", "'", "’", "(", ")", " |", "•", "\n",
        "\n\n", "\r\n", "\r", "\u{2028}", "\t", "\u{00A0}", "  ", " ", " ", " ", "1.", "a)", "Photo: Thanh Duy",
        "bna_x.jpeg", "0:00 / 0:00", "Comment (0)", "6 NHIỆM VỤ", "hòa", "hoà", "e\u{0301}", "😀", "Ωμέγα", "",
    ]

    static func document(seed: UInt64) -> String {
        var random = SplitMix(state: seed)
        let length = Int.random(in: 0...120, using: &random)
        return (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined(separator: Bool.random(using: &random) ? " " : "")
    }

    @Test(arguments: 0..<300)
    func keepsEveryInvariant(seed: Int) throws {
        let text = Self.document(seed: UInt64(seed))
        let document = try Segmenter().segment(text)
        let bytes = Array(text.utf8)
        func isSpace(_ offset: Int) -> Bool {
            let scalar = String(decoding: bytes[offset...].prefix(4), as: UTF8.self).unicodeScalars.first!
            return scalar.properties.isWhitespace || scalar.value == 0xFEFF || scalar.value == 0x200B
        }
        var covered = [Bool](repeating: false, count: bytes.count)
        var previousEnd = 0
        for (k, sentence) in document.sentences.enumerated() {
            #expect(sentence.index == k)
            #expect(!sentence.span.isEmpty, "empty sentence in seed \(seed)")
            #expect(sentence.span.start >= previousEnd, "overlap in seed \(seed)")
            #expect(document.paragraphs[sentence.paragraph].span.contains(sentence.span), "seed \(seed)")
            #expect(!isSpace(sentence.span.start), "leading space in seed \(seed)")
            previousEnd = sentence.span.end
            for offset in sentence.span.start..<sentence.span.end { covered[offset] = true }
        }
        for (k, paragraph) in document.paragraphs.enumerated() {
            #expect(paragraph.index == k)
            #expect(!paragraph.sentences.isEmpty)
            #expect(document.sentences[paragraph.sentences].allSatisfy { $0.paragraph == k })
        }
        // Nothing is lost: every byte outside white space belongs to a sentence.
        var offset = 0
        while offset < bytes.count {
            let width = bytes[offset] < 0x80 ? 1 : bytes[offset] < 0xE0 ? 2 : bytes[offset] < 0xF0 ? 3 : 4
            if !covered[offset] { #expect(isSpace(offset), "byte \(offset) lost in seed \(seed)") }
            offset += width
        }
    }
}
