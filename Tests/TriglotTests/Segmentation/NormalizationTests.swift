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
