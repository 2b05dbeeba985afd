import Foundation
import Testing
@testable import Triglot

@Suite struct TokenizationTests {
    @Test func keysPlaceTheToneMarkOneWayAndComposeMarks() {
        #expect(TokenizedText.key("Tỉnh uỷ") == "tỉnh ủy")
        #expect(TokenizedText.key("UỶ") == "ủy")
        #expect(TokenizedText.key("hoà") == "hòa")
        #expect(TokenizedText.key("khoẻ") == "khỏe")
        #expect(TokenizedText.key("Qúy") == "quý")
        #expect(TokenizedText.key("qùy") == "quỳ")
        #expect(TokenizedText.key("thu\u{309}y") == "thủy")  // a combining hook above, composed
        #expect(TokenizedText.key("khuya") == "khuya")
        #expect(TokenizedText.fold("Đảng ủy Cœur Ⱥ") == "dang uy coeur \u{2C65}")
    }

    /// Every word of the real pages, and words written every awkward way: the tokenizer's key and folded form of
    /// each word (worked out in place, word by word) are the ones `key` and `fold` give for the word's text.
    @Test func tokensCarryTheKeyAndFoldedFormOfTheirWords() throws {
        var texts = ["Tỉnh uỷ Nghệ An, TỈNH ỦY, tỉnh ủy; hoà bình, HOÀ, khoẻ, thuỷ lợi, Qúy, qùy, quý — thu\u{309}y, Ho\u{300}a",
                     "Cœur, ÆSIR, l’Éducation, PartiMettre, MoET, 13e, XIIIe, Ⱥ Ƀ, संसद, ĐẢNG, đảng, ǅemal, ﬁnance"]
        let news = TestPaths.corpus.appendingPathComponent("news")
        for path in try NewsGroup.groups(in: news.path) {
            texts += try NewsGroup(path: path).versions.map(\.text)
        }
        var words = 0
        for text in texts {
            // A vocabulary that knows every word of the text, by key and by folded form, as the resources add them.
            let plain = TokenizedText(text, vocabulary: Vocabulary())
            var vocabulary = Vocabulary()
            for k in 0..<plain.count where plain[k].isWord {
                let word = plain.string(k..<k + 1)
                _ = vocabulary.add(TokenizedText.key(word))
                _ = vocabulary.add(TokenizedText.fold(word))
            }
            let tokens = TokenizedText(text, vocabulary: vocabulary)
            #expect(tokens.count == plain.count)
            for k in 0..<tokens.count where tokens[k].isWord {
                let word = tokens.string(k..<k + 1)
                #expect(tokens[k].key == vocabulary.id(TokenizedText.key(word)), "\(word)")
                #expect(tokens[k].folded == vocabulary.id(TokenizedText.fold(word)), "\(word)")
                #expect(tokens.folded(k) == TokenizedText.fold(word), "\(word)")
                #expect(plain.folded(k) == TokenizedText.fold(word), "\(word)")
                words += 1
            }
        }
        #expect(words > 20_000)
    }

    @Test func cutsACapitalisedWordThePageGluedToTheNextWhenBothPartsAreKnown() {
        var vocabulary = Vocabulary()
        for word in ["comite", "populaire", "permanence", "du", "command", "er", "tri", "et", "nghieng"] { _ = vocabulary.add(word) }
        let text = "le Comitépopulaire, la Permanencedu Comité, the Commander, Nguyên Minh Triết, Nghiêng"
        let tokens = TokenizedText(text, vocabulary: vocabulary)
        let words = (0..<tokens.count).filter { tokens[$0].isWord }
        #expect(words.map { tokens.string($0..<$0 + 1) } == ["le", "Comité", "populaire", "la", "Permanence", "du", "Comité",
                                                            "the", "Commander", "Nguyên", "Minh", "Triết", "Nghiêng"])
        // The two parts keep their offsets into the text, with no space between them.
        let populaire = words[2]
        #expect(!tokens[populaire].spaceBefore && tokens[populaire - 1].end == tokens[populaire].start)
        #expect(tokens[populaire].folded == vocabulary.id("populaire"))
        #expect(tokens[words[1]].spaceBefore && tokens[words[1]].capitalised)
    }
}
