import Foundation
import Testing
@testable import Triglot

@Suite struct NormalizationTests {
    @Test(arguments: [("hoà", "hòa"), ("Tỉnh uỷ", "tỉnh ủy"), ("qúy", "quý"), ("khoẻ", "khỏe"), ("thuỷ", "thủy")])
    func unifiesOldAndNewToneMarkPlacement(_ variant: String, _ canonical: String) {
        #expect(Normalization.matchingForm(variant) == Normalization.matchingForm(canonical))
        #expect(Normalization.matchingForm(variant) == canonical.lowercased())
    }

    @Test(arguments: ["hoàng", "thuyền", "où", "été", "Comité"])
    func leavesOtherWordsAlone(_ word: String) {
        #expect(Normalization.matchingForm(word) == word.lowercased())
    }

    @Test func asciiTextIsItsLowerCaseInEveryForm() {
        var every = ""
        for byte in UInt8(0)..<0x80 { every.unicodeScalars.append(Unicode.Scalar(byte)) }
        for text in [every, "Politburo member Nguyen Xuan Phuc, Resolution No. 27-NQ/TW (2024)", "", "already lower"] {
            #expect(Normalization.matchingForm(text) == text.lowercased())
            #expect(Normalization.folded(text) == text.lowercased())
        }
        // One letter outside ASCII takes the full path.
        #expect(Normalization.folded("Comité PARTY") == "comite party")
        #expect(Normalization.matchingForm("Thuỷ PARTY") == "thủy party")
    }

    @Test func lowerCaseIsTheStandardLibrarysForEveryScalarAndEveryCorpusText() throws {
        // Every scalar of the first three planes alone (the table's range and the fallback beyond it, İ whose lower
        // case is two scalars, Greek, Cyrillic, Deseret), then in runs, then every text of the corpus.
        var runs: [String] = []
        var run = String.UnicodeScalarView()
        for v in UInt32(0)..<0x30000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(Normalization.lowercased(String(scalar)) == String(scalar).lowercased(), "U+\(String(v, radix: 16))")
            run.append(scalar)
            if run.count == 97 { runs.append(String(run)); run = String.UnicodeScalarView() }
        }
        runs.append(String(run))
        let files = try #require(FileManager.default.enumerator(at: TestPaths.corpus, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "txt" {
            runs.append(try String(contentsOf: url, encoding: .utf8))
        }
        #expect(runs.count > 2_000)
        for text in runs { #expect(Normalization.lowercased(text) == text.lowercased()) }
        #expect(Normalization.lowercased("İSTANBUL Ủy BAN Œuvre ΣΟΦΊΑ") == "i̇stanbul ủy ban œuvre σοφία")
    }

    /// Tone placement written with strings, as `VietnameseTone` first did it: the oracle for the scalar version.
    private func referenceCanonical(_ syllable: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        let toneMarks = syllable.filter { tones.contains($0.value) }
        guard toneMarks.count == 1, let tone = toneMarks.first else { return syllable }
        var letters = syllable.filter { !tones.contains($0.value) }
        let plain = String(String.UnicodeScalarView(letters))
        if plain.hasSuffix("quy") {
            letters.append(tone)
            return letters
        }
        for cluster in ["oa", "oe", "uy"] where plain.hasSuffix(cluster) {
            let vowelsBefore = plain.dropLast(2).unicodeScalars.last.map { "aeiouy".unicodeScalars.contains($0) } ?? false
            guard !vowelsBefore else { return syllable }
            letters.insert(tone, at: letters.count - 1)
            return letters
        }
        return syllable
    }

    @Test func tonePlacementAgreesWithTheStringVersionOnEverySmallSyllable() {
        // Every sequence of up to four scalars from letters, tones and other marks that matter to the rule.
        let pieces: [Unicode.Scalar] = ["q", "u", "y", "o", "a", "e", "h", "t", "\u{300}", "\u{309}", "\u{302}", "\u{31B}"]
        var syllables: [[Unicode.Scalar]] = [[]]
        var frontier: [[Unicode.Scalar]] = [[]]
        for _ in 0..<4 {
            frontier = frontier.flatMap { prefix in pieces.map { prefix + [$0] } }
            syllables += frontier
        }
        #expect(syllables.count > 20_000)
        let disagreeing = syllables.filter { VietnameseTone.canonical($0) != referenceCanonical($0) }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5).map { String(String.UnicodeScalarView($0)).debugDescription })")
    }

    @Test func composesDecomposedText() {
        let decomposed = "Nghe\u{0302}\u{0323} An"  // e + circumflex + dot below
        #expect(Normalization.nfc(decomposed) == "Nghệ An")
        #expect(Normalization.nfc(decomposed).unicodeScalars.count == 7)
    }

    @Test(arguments: [("Nghệ An", "nghe an"), ("Đảng Cộng sản", "dang cong san"), ("Comité d'œuvre", "comite d'oeuvre")])
    func foldsDiacriticsForComparison(_ text: String, _ folded: String) {
        #expect(Normalization.folded(text) == folded)
    }

    @Test func neverChangesTheDocumentText() throws {
        let text = "Tỉnh uỷ Nghệ An họp về văn hoá. Le Comité s'est réuni."
        let document = try Segmenter().segment(text)
        #expect(document.text == text)
        #expect(document.sentences.map { String(document.text(of: $0)) }.joined(separator: " ") == text)
    }
}
