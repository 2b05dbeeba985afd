import Foundation
import Testing
@testable import Triglot

/// How the lexicons are indexed: words cut straight from a string's bytes, and tries whose edges sit in one table.
@Suite struct LexiconIndexTests {
    /// The words of `text` cut from its bytes, as strings.
    private func wordsFromBytes(_ text: String) -> [String] {
        var text = text
        var result: [String] = []
        text.withUTF8 { bytes in
            UnitBuilder.forEachWord(in: UTF8Text(bytes: bytes)) { range in
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
        }
        return result
    }

    @Test func wordsCutFromBytesAreTheWordsCutFromScalars() throws {
        var texts: [String] = [
            // Combining marks after a letter and alone, ideographs one by one, letters beyond the Basic
            // Multilingual Plane, marks of other scripts, digits and apostrophes between letters.
            "Tiếng Việt: Ủy ban Kiểm tra Trung ương (UBKT) — e\u{301}te\u{301} \u{301}x",
            "中国共产党第二十次全国代表大会 在北京召开 abc中文def",
            "𝐀𝐁𝐂 maths 𐐀𐐨 Deseret, हिन्दी भाषा, العربيَّة, 123abc l'Assemblée aujourd’hui",
            "", "   ", "a", "\u{10FFFF}x\u{FEFF}y",
        ]
        let corpus = TestPaths.corpus
        let files = try #require(FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "txt" {
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        for entry in Lexicon.standard.entries { texts.append(contentsOf: entry.expressions.values.joined()) }
        #expect(texts.count > 20_000)
        for text in texts {
            let expected = UnitBuilder.words(of: Array(text.unicodeScalars)).map(\.text)
            #expect(wordsFromBytes(text) == expected, "\(text.prefix(80))")
        }
    }

    @Test func everyExpressionOfTheShippedLexiconsFindsItsConcept() {
        // 2,900 concepts, about 30,000 expressions: the tries' edge tables grow many times over.
        let lexicon = Lexicon.handMade
        let index = LexiconIndex(lexicon)
        #expect(index.conceptCount == lexicon.entries.count)
        var checked = 0
        for (concept, entry) in lexicon.entries.enumerated() {
            for (language, expressions) in entry.expressions {
                for expression in expressions {
                    let keys = LexiconIndex.keys(of: expression, language: language)
                    guard !keys.isEmpty else { continue }
                    let concepts = index.concepts(ofWords: keys, language: language)
                    #expect(concepts.allSatisfy { $0.contains(Int32(concept)) }, "\(language.code): \(expression)")
                    checked += 1
                }
            }
        }
        #expect(checked > 20_000)
        // A run of words that is no expression finds nothing, and a word outside the lexicon breaks a run.
        let unknown = ["zyxwv", "qqqq"].map { LexiconIndex.key($0, language: .english) }
        #expect(index.concepts(ofWords: unknown, language: .english).allSatisfy { $0.isEmpty })
        let broken = ["inspection", "zyxwv", "commission"].map { LexiconIndex.key($0, language: .english) }
        let found = index.concepts(ofWords: broken, language: .english)
        let whole = index.concepts(ofWords: ["inspection", "commission"].map { LexiconIndex.key($0, language: .english) },
                                   language: .english)
        #expect(found[1].isEmpty && Set(whole[0]).isStrictSuperset(of: Set(found[0])))
    }

    @Test func theShippedIndexReadStraightFromTheFilesIsTheIndexOfTheLexicon() throws {
        // The tries the aligner starts with are read straight from the lexicon files; built from the parsed
        // lexicon instead, they must find the same concepts for every expression and for every corpus sentence.
        let fromFiles = LexiconIndex.standard
        let fromLexicon = LexiconIndex(combining: [LexiconIndex(Lexicon.handMade), LexiconIndex(Lexicon.newsTable)])
        #expect(fromFiles.conceptCount == fromLexicon.conceptCount)
        #expect(fromFiles.conceptCount == Lexicon.handMade.entries.count + Lexicon.newsTable.entries.count)
        var runs: [(keys: [String], language: Language)] = []
        for entry in Lexicon.standard.entries {
            for (language, expressions) in entry.expressions {
                for expression in expressions { runs.append((LexiconIndex.keys(of: expression, language: language), language)) }
            }
        }
        let files = try #require(FileManager.default.enumerator(at: TestPaths.corpus.appendingPathComponent("news"),
                                                                includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "sents" {
            guard let language = Language(code: url.deletingPathExtension().lastPathComponent) else { continue }
            for line in try String(contentsOf: url, encoding: .utf8).fileLines {
                runs.append((LexiconIndex.keys(of: line, language: language), language))
            }
        }
        #expect(runs.count > 25_000)
        var found = 0
        for run in runs {
            let expected = fromLexicon.concepts(ofWords: run.keys, language: run.language)
            #expect(fromFiles.concepts(ofWords: run.keys, language: run.language) == expected)
            found += expected.reduce(0) { $0 + $1.count }
        }
        #expect(found > 50_000)
    }

    @Test func eachLanguagesTrieIsItsOwnAndLabelsComeFromTheFirstLanguageByCode() throws {
        // The languages' tries are built apart (on threads of their own): a word spelt alike in two languages is
        // looked up in each language's own words, and every concept keeps the label its first language by code
        // gives it, whatever order the columns and concepts come in.
        let lexicon = try Lexicon(tsv: """
            vi\tfr\ten
            Bộ Chính trị\tBureau politique\tPolitburo
            Ban Bí thư\tSecrétariat\t
            Quốc hội\tAssemblée nationale | AN\tNational Assembly | NA
            """, source: "test")
        let index = LexiconIndex(lexicon)
        #expect(index.conceptCount == 3)
        #expect((0..<3).map { index.label(of: Int32($0)) } == ["politburo", "secretariat", "national assembly"])
        #expect(index.concepts(ofWords: ["an"], language: .french) == [[2]])
        #expect(index.concepts(ofWords: ["an"], language: .english) == [[]])
        #expect(index.concepts(ofWords: ["na"], language: .english) == [[2]])
        let vietnamese = LexiconIndex.keys(of: "Ban Bí thư", language: .vietnamese)
        #expect(index.concepts(ofWords: vietnamese, language: .vietnamese) == [[1], [1], [1]])
        #expect(index.concepts(ofWords: vietnamese, language: .french) == [[], [], []])
        // Built twice, the same index.
        let again = LexiconIndex(lexicon)
        #expect((0..<3).map { again.label(of: Int32($0)) } == (0..<3).map { index.label(of: Int32($0)) })
    }
}

/// The shipped lexicons are indexed only for versions they can relate: a pair of languages they do not both hold
/// aligns as before without paying for the tries.
@Suite struct LexiconIndexOnDemandTests {
    private func sides(_ first: [String], _ firstLanguage: String, _ second: [String], _ secondLanguage: String) throws
        -> (AlignmentSide, AlignmentSide) {
        (AlignmentSide(sentences: first, language: try #require(Language(code: firstLanguage))),
         AlignmentSide(sentences: second, language: try #require(Language(code: secondLanguage))))
    }

    @Test func theLanguagesOfLexiconFilesAreReadFromTheirHeaderAlone() {
        let tsv = "# a comment\n\n#@ learned from: a b\nvi\ten\tfr\tweight\nBộ Chính trị\tPolitburo\tBureau politique\t1\n"
        #expect(Lexicon.headerLanguages(of: tsv) == [.vietnamese, .english, .french])
        #expect(Lexicon.headerLanguages(of: "de\tfr\r\nHaus\tmaison\n") == [Language(code: "de")!, .french])
        #expect(Lexicon.headerLanguages(of: "# only a comment\n").isEmpty)
        let index = LexiconIndex(bundled: ["glossary", "domain-lexicon"])
        #expect(index.languages == [.vietnamese, .english, .french])
        #expect(!index.isBuilt)
    }

    @Test func aPairTheLexiconCannotRelateLeavesItUnbuiltAndAlignsAsWithoutIt() throws {
        let german = ["Der Gipfel liegt auf 4000 Metern.", "Wir stiegen um sechs Uhr auf.", "Das Wetter war gut."]
        let french = ["Le sommet se trouve à 4000 mètres.", "Nous sommes montés à six heures.", "Le temps était beau."]
        let (de, fr) = try sides(german, "de", french, "fr")
        let index = LexiconIndex(bundled: ["glossary", "domain-lexicon"])
        #expect(!index.relates([Language(code: "de")!], [.french]))
        let withShipped = AlignerConfiguration().aligner(index: index).align(de, fr)
        #expect(!index.isBuilt)
        let withNone = AlignerConfiguration().aligner(index: LexiconIndex(Lexicon())).align(de, fr)
        #expect(withShipped.beads.map(\.sentences) == withNone.beads.map(\.sentences))
        #expect(withShipped.beads.map(\.confidence) == withNone.beads.map(\.confidence))
        #expect(withShipped.beads.filter { !$0.sentences[0].isEmpty && !$0.sentences[1].isEmpty }.count == 3)
    }

    @Test func aPairItCanRelateBuildsItOnceForEveryUser() throws {
        let (en, fr) = try sides(["The Politburo met on Friday."], "en", ["Le Bureau politique s'est réuni vendredi."], "fr")
        let index = LexiconIndex(bundled: ["glossary", "domain-lexicon"])
        let combined = LexiconIndex(combining: [index, LexiconIndex(Lexicon())])
        #expect(combined.relates([.english], [.french]))
        _ = AlignerConfiguration().aligner(index: combined).align(en, fr)
        #expect(combined.isBuilt && index.isBuilt)
        #expect(combined.conceptCount == index.conceptCount)
    }
}
