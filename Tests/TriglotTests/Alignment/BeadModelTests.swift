import Foundation
import Testing
@testable import Triglot

/// The learned bead model, its calibration, lexicons and the learners behind them.
@Suite struct BeadModelTests {
    static let newsGroups = Result { try NewsGroup.groups(in: TestPaths.corpus.appendingPathComponent("news").path).map { try NewsGroup(path: $0) } }

    @Test func logisticRegressionSeparatesWhatTheFeaturesSeparate() {
        // One informative feature (the second) and a bias: links have it near 1, other candidates near 0.
        var examples: [BeadModelTrainer.Example] = []
        for k in 0..<200 {
            let noise = Double(k % 7) / 20
            examples.append(.init(features: [1, 0.8 + noise / 4, Double(k % 3)], isLink: true))
            examples.append(.init(features: [1, noise, Double(k % 3)], isLink: false))
        }
        let w = BeadModelTrainer().weights(examples)
        #expect(w.count == 3)
        #expect(w[1] > 5, "the informative feature gets a large positive weight: \(w)")
        #expect(abs(w[2]) < 0.5, "the uninformative one stays near 0: \(w)")
    }

    @Test func theShippedModelNamesWhatItWasLearnedFromAndIsCalibrated() throws {
        let model = BeadModel.standard
        let groups = try Self.newsGroups.get()
        #expect(Set(model.trainedOn) == Set(groups.map(\.id)), "learned from corpus/news")
        let calibration = try #require(model.calibration)
        #expect(calibration.fittedOn.allSatisfy { $0.hasPrefix("g") }, "calibrated on news-dev, not on the groups it was learned from")
        #expect(model.deletionScore < 0)
        // Weights that make sense: more translated words, more shared names and a smaller distance favour a link.
        #expect((model.weights[.coverageMin] ?? 0) + (model.weights[.coverageMean] ?? 0) > 3)
        #expect((model.weights[.positionGap] ?? 0) < 0)
        // A calibrated confidence rises with the posterior and with the score.
        #expect(calibration.confidence(posterior: 0.9, score: 2) > calibration.confidence(posterior: 0.5, score: 2))
        #expect(calibration.confidence(posterior: 0.9, score: 3) > calibration.confidence(posterior: 0.9, score: -1))
    }

    @Test func eachFeatureKnowsItsPlaceInTheVector() {
        #expect(BeadFeature.allCases.enumerated().allSatisfy { $0.offset == $0.element.position })
    }

    @Test func aModelRoundTripsThroughJSONAndRefusesUnknownFeatures() throws {
        let model = BeadModel(weights: [.bias: -1, .coverageMin: 3], deletionScore: -2, trainedOn: ["g1"],
                              calibration: ConfidenceCalibration(weights: [0, 1, 0.5], fittedOn: ["g2"]))
        let data = try JSONEncoder.stable().encode(model)
        #expect(try JSONDecoder().decode(BeadModel.self, from: data) == model)
        let unknown = Data(#"{"weights": {"bias": 1, "sentiment": 2}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BeadModel.self, from: unknown) }
    }

    @Test func aSentenceMergedInWithoutTranslatedContentAddsNothingToTheBead() {
        // One English sentence rendered as two French ones, followed by an unrelated French sentence.
        let english = AlignmentSide(sentences: [
            "The Politburo decided to discipline the Standing Board of the provincial Party Committee and removed its former secretary from all posts.",
        ], language: .english)
        let french = AlignmentSide(sentences: [
            "Le Bureau politique a décidé de sanctionner la permanence du Comité provincial du Parti.",
            "Il a démis son ancien secrétaire de tous ses postes.",
            "Le match de football a eu lieu dimanche soir au stade.",
        ], language: .french)
        let extractor = BeadFeatureExtractor(pair: AlignmentPair(source: english, target: french), lexicon: .handMade)
        let k = BeadFeature.allCases.firstIndex(of: .weakestContribution)!
        let split = extractor.features(source: 0..<1, target: 0..<2)[k]
        let withUnrelated = extractor.features(source: 0..<1, target: 1..<3)[k]
        #expect(split > 0.1, "each French half adds translated words: \(split)")
        #expect(withUnrelated < 0.02, "the football sentence adds none: \(withUnrelated)")
        #expect(extractor.features(source: 0..<1, target: 0..<1)[k] == 0, "a 1-1 bead has no merge to judge")
    }

    @Test func aNameRepeatedInABeadIsCountedOnce() {
        // Names of a three-sentence side: the second repeats two of the first's, the third two of the first's
        // (two sentences back); each is counted once, found or not in the other side.
        let source = AlignmentSide(sentences: [
            "Yesterday Nguyen Van Nen met Tran Cam Tu in the city.",
            "Then Nguyen Van Nen left the meeting.",
            "Delegates saw Tran Cam Tu with Le Minh Hung.",
        ], language: .english)
        let target = AlignmentSide(sentences: ["Le secrétaire Nguyen Van Nen les a rencontrés."], language: .french)
        let extractor = BeadFeatureExtractor(pair: AlignmentPair(source: source, target: target), lexicon: .handMade)
        let matched = BeadFeature.allCases.firstIndex(of: .namesMatched)!
        let unmatched = BeadFeature.allCases.firstIndex(of: .namesUnmatched)!
        let bead = extractor.features(source: 0..<3, target: 0..<1)
        // Source names (capitalised, not first in their sentence): Nguyen, Van, Nen and Le found among the French
        // words ("Le" as the article), Tran, Cam, Tu, Minh, Hung not; target names Nguyen, Van, Nen found: 7 and 5.
        // Counting the repeated names again would give 8 (the cap) and 8.
        #expect([bead[matched], bead[unmatched]] == [7, 5])
        #expect(extractor.features(source: 0..<3, target: 0..<1) == bead, "asked again, the same")
        // Without the first sentence, the third's Tran, Cam and Tu are new again.
        let second = extractor.features(source: 1..<3, target: 0..<1)
        #expect([second[matched], second[unmatched]] == [7, 5])
        let third = extractor.features(source: 2..<3, target: 0..<1)
        #expect([third[matched], third[unmatched]] == [1, 8], "the target's names are not in the third sentence")
    }

    @Test func learningWithoutAGroupLeavesItOut() throws {
        let groups = try Self.newsGroups.get()
        let training = try NewsBeadTraining(Array(groups.prefix(4)))
        let held = training.learn(excluding: groups[0].id, deletionScore: -2)
        #expect(!held.trainedOn.contains(groups[0].id) && held.trainedOn.count == 3)
        #expect(held.deletionScore == -2)
        #expect(training.counts.links > 10 && training.counts.candidates > training.counts.links)
    }

    @Test func aModelHeldOutForAGroupKeepsTheShippedCalibration() throws {
        let groups = Array(try Self.newsGroups.get().prefix(3))
        var evaluator = NewsEvaluator()
        evaluator.trainingGroups = groups
        let held = try #require(evaluator.beadModel(for: groups[0]))
        #expect(!held.trainedOn.contains(groups[0].id) && held.trainedOn.count == 2)
        #expect(held.weights != BeadModel.standard.weights)
        #expect(held.calibration == BeadModel.standard.calibration)
        #expect(evaluator.aligner(for: groups[0]).confidenceCalibration == BeadModel.standard.calibration)
    }

    @Test func theNewsAlignerLinksTranslationsAndLeavesAnOutletsOwnSentenceOut() {
        let vietnamese = AlignmentSide(sentences: [
            "Ủy ban Kiểm tra Trung ương đã họp kỳ thứ 35 tại Hà Nội.",
            "Báo Nghệ An xin trân trọng giới thiệu cùng bạn đọc.",
            "Ủy ban quyết định thi hành kỷ luật cảnh cáo ông Nguyễn Văn Hùng.",
        ], language: .vietnamese)
        let english = AlignmentSide(sentences: [
            "The Central Inspection Commission held its 35th meeting in Hanoi.",
            "The commission decided to discipline Nguyen Van Hung with a warning.",
        ], language: .english)
        let beads = Aligner.news.align(vietnamese, english).beads.map { [Array($0.sentences[0]), Array($0.sentences[1])] }
        #expect(beads == [[[0], [0]], [[1], []], [[2], [1]]], "\(beads)")
    }

    @Test func automaticChoosesTheNewsAlignerForVietnameseEnglishAndFrench() {
        #expect(Aligner.automatic(for: [.vietnamese, .french]).scorers.first is BeadModelScorer)
        #expect(!(Aligner.automatic(for: ["de", .french]).scorers.first is BeadModelScorer))
        // A version whose language is not known (Hungarian, to the identifier) gets the classic scorers too.
        #expect(!(Aligner.automatic(for: [.undetermined, .english]).scorers.first is BeadModelScorer))
    }

    @Test func readsWritesAndMergesLexicons() throws {
        let text = """
        # a comment
        #@ learned from: g1 g2
        vi\ten\tfr\tweight
        kỷ luật\tdiscipline|disciplinary\tdiscipline\t0.5
        cảnh cáo\twarning\t\t0.25
        """
        let lexicon = try Lexicon(tsv: text, source: "test.tsv")
        #expect(lexicon.languages == [.vietnamese, .english, .french])
        #expect(lexicon.entries.count == 2 && lexicon.entries[1].expressions[.french] == nil)
        #expect(lexicon.learnedFrom == ["g1", "g2"])
        let reread = try Lexicon(tsv: lexicon.tsv(), source: "again")
        #expect(reread.entries == lexicon.entries && reread.learnedFrom == lexicon.learnedFrom)
        #expect(lexicon.merging(Lexicon.handMade).entries.count == 2 + Lexicon.handMade.entries.count)
        do {
            _ = try Lexicon(tsv: "vi\ten\nkỷ luật\tdiscipline\textra\n", source: "bad.tsv")
            Issue.record("a line with too many columns was accepted")
        } catch let error as Lexicon.FormatError {
            #expect(error.line == 2 && error.description.contains("bad.tsv"))
        }
        #expect(throws: Lexicon.FormatError.self) { try Lexicon(tsv: "kỷ luật\tdiscipline\n", source: "no header") }
    }

    @Test func aLexiconWithWindowsLineEndsReadsAsWithLineFeeds() throws {
        let text = "vi\ten\tfr\nkỷ luật\tdiscipline|disciplinary\tdiscipline\n cảnh cáo \t warning\t\n"
        let unix = try Lexicon(tsv: text, source: "lf.tsv")
        let windows = try Lexicon(tsv: text.replacingOccurrences(of: "\n", with: "\r\n"), source: "crlf.tsv")
        #expect(unix.entries.count == 2 && windows.entries == unix.entries && windows.languages == unix.languages)
        #expect(unix.entries[1].expressions[.vietnamese] == ["cảnh cáo"])
    }

    @Test func beadFeaturesAreTheSameWhateverTheOrderTheirCoveragesAreKeptIn() throws {
        // A real news group repeated to 700 sentences a side: 2,520 beads of every shape from 1-1 to 3-3, near the
        // diagonal and far from it, asked in three orders (the kept coverages then come from other beads, or are
        // worked out again); each bead's features must be the same, and its coverages those of the word scorer
        // asked directly.
        let group = TestPaths.corpus.appendingPathComponent("news/n12-cic-k31-2023")
        func sentences(_ name: String) throws -> [String] {
            try String(contentsOf: group.appendingPathComponent(name), encoding: .utf8).fileLines.filter { !$0.isEmpty }
        }
        let english = try sentences("en.sents"), french = try sentences("fr.sents")
        let count = 700
        let source = AlignmentSide(sentences: (0..<count).map { english[$0 % english.count] + " \($0)" }, language: .english)
        let target = AlignmentSide(sentences: (0..<count).map { french[($0 * 7) % french.count] }, language: .french)
        let pair = AlignmentPair(source: source, target: target)
        var beads: [(Range<Int>, Range<Int>)] = []
        for i in stride(from: 0, to: count - 3, by: 5) {
            for j in [i, (i * 13) % (count - 3)] {
                for a in 1...3 { for b in 1...3 { beads.append((i..<i + a, j..<j + b)) } }
            }
        }
        #expect(beads.count == 2_520)
        let first = BeadFeatureExtractor(pair: pair, lexicon: .handMade)
        let asked = beads.map { first.features(source: $0.0, target: $0.1) }
        #expect(beads.reversed().map { first.features(source: $0.0, target: $0.1) } == asked.reversed())
        let fresh = BeadFeatureExtractor(pair: pair, lexicon: .handMade)
        let order = beads.indices.sorted { ($0 * 7919) % beads.count < ($1 * 7919) % beads.count }
        #expect(order.allSatisfy { fresh.features(source: beads[$0].0, target: beads[$0].1) == asked[$0] })
        let direct = LexicalPrepared(pair: pair, lexicon: .handMade, weight: 1, baseline: 0, ignoringFunctionWords: true)
        for (bead, features) in zip(beads, asked) {
            let (forward, backward) = direct.coverages(source: bead.0, target: bead.1)
            #expect(features[BeadFeature.coverageMin.position] == min(forward, backward))
            #expect(features[BeadFeature.coverageMean.position] == (forward + backward) / 2)
        }
        #expect(Set(asked.map { $0[BeadFeature.coverageMean.position] }).count > 100)
    }

    @Test func wordScoresAreTheSameWhetherKeptOrWorkedOutAgain() throws {
        // Real news sentences, repeated into long versions (the scorer keeps which words of a sentence translate
        // in each sentence of the other version, in a bounded table for long texts), one sentence of over 63 words.
        let group = TestPaths.corpus.appendingPathComponent("news/n11-secr-20221024")
        func sentences(_ name: String) throws -> [String] {
            try String(contentsOf: group.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").map(String.init)
        }
        let english = try sentences("en.sents"), french = try sentences("fr.sents")
        let long = Array(repeating: english.joined(separator: " "), count: 2).joined(separator: " ")
        #expect(long.split(separator: " ").count > 63)
        for count in [60, 700] {  // 3,600 pairs of sentences (a place each), then 490,000 (hashed)
            let source = AlignmentSide(sentences: (0..<count).map { $0 == count / 2 ? long : english[$0 % english.count] + " \($0)" },
                                       language: .english)
            let target = AlignmentSide(sentences: (0..<count).map { french[$0 % french.count] + " \($0)" }, language: .french)
            let pair = AlignmentPair(source: source, target: target)
            var beads: [(Range<Int>, Range<Int>)] = []
            for i in 0..<count {
                let mirrored = count - 1 - i
                beads.append((i..<i + 1, i..<i + 1))
                beads.append((i..<min(i + 2, count), i..<i + 1))
                beads.append((i..<i + 1, max(0, i - 3)..<i + 1))
                beads.append((i..<min(i + 3, count), mirrored..<mirrored + 1))
            }
            let first = try #require(LexicalScorer().prepare(pair) as? LexicalPrepared)
            func coverages(_ scorer: LexicalPrepared, _ bead: (Range<Int>, Range<Int>)) -> [Double] {
                let (forward, backward) = scorer.coverages(source: bead.0, target: bead.1)
                return [forward, backward]
            }
            let asked = beads.map { coverages(first, $0) }
            // Asked again, in reverse (kept values, and values pushed out of the table since), and from a scorer
            // prepared afresh that is asked in another order.
            #expect(beads.reversed().map { coverages(first, $0) } == asked.reversed(), "\(count)")
            let fresh = try #require(LexicalScorer().prepare(pair) as? LexicalPrepared)
            let order = beads.indices.sorted { ($0 * 7919) % beads.count < ($1 * 7919) % beads.count }
            #expect(order.allSatisfy { coverages(fresh, beads[$0]) == asked[$0] }, "\(count)")
            #expect(Set(asked.map(\.[0])).count > 20 && asked.contains { $0[0] > 0.5 } && asked.contains { $0[0] < 0.3 },
                    "the coverages tell beads apart")
        }
    }

    @Test func aLexiconMatchesMultiwordExpressionsAcrossSpellings() {
        let lexicon = Lexicon(languages: [.vietnamese, .english], entries: [
            .init(expressions: [.vietnamese: ["ủy ban kiểm tra"], .english: ["inspection commission"]]),
            .init(expressions: [.vietnamese: ["ủy ban"], .english: ["committee"]]),
        ])
        let index = LexiconIndex(lexicon)
        // Tone marks in the old placement ("uỷ") match the new one; both expressions cover "ủy ban".
        let keys = ["Uỷ", "ban", "Kiểm", "tra", "đã", "họp"].map { LexiconIndex.key($0, language: .vietnamese) }
        let concepts = index.concepts(ofWords: keys, language: .vietnamese)
        #expect(Set(concepts[0]) == [0, 1] && concepts[2] == [0] && concepts[4].isEmpty)
        let english = index.concepts(ofWords: ["Inspection", "Commission"].map { LexiconIndex.key($0, language: .english) }, language: .english)
        #expect(english == [[0], [0]])
    }

    @Test func ibmModelOneLearnsWhichWordTranslatesWhich() {
        var learner = LexiconLearner(source: .vietnamese, target: .english)
        learner.maximumDocumentShare = 1
        let pairs = [
            ("kỷ luật ông A", "discipline Mr A"), ("kỷ luật ông B", "discipline Mr B"), ("cảnh cáo ông C", "warning to Mr C"),
            ("cảnh cáo bà D", "warning to Ms D"), ("kỷ luật bà E", "discipline Ms E"), ("cảnh cáo ông F", "warning to Mr F"),
        ]
        for (vi, en) in pairs { learner.add(source: vi, target: en) }
        let table = learner.learn()
        func partners(_ vi: String) -> Set<String> {
            Set(table.entries.filter { $0.expressions[.vietnamese]?.first == vi }.compactMap { $0.expressions[.english]?.first })
        }
        #expect(partners("kỷ luật").contains("discipline"), "\(table.tsv())")
        #expect(partners("cảnh cáo").contains("warning"), "\(table.tsv())")
        #expect(!partners("kỷ luật").contains("warning"))
    }

    @Test func translationsComeInTheSameOrderOutletsReportsLess() {
        // Two documents sharing anchors in the same order score higher than ones sharing them in another order.
        func profile(_ language: Language, _ anchors: [Anchor]) -> PairingProfile {
            PairingProfile(languages: [language], characters: 1000,
                           anchors: [language: Dictionary(uniqueKeysWithValues: anchors.map { ($0, 1) })],
                           positions: Dictionary(uniqueKeysWithValues: anchors.enumerated().map { ($1, Double($0) / 10) }))
        }
        let anchors = [Anchor(.number, "1029"), Anchor(.name, "nghe"), Anchor(.number, "2023"), Anchor(.name, "tran"),
                       Anchor(.reference, "kltw"), Anchor(.number, "35")]
        let source = profile(.vietnamese, anchors)
        let sameOrder = profile(.english, anchors)
        let otherOrder = profile(.english, anchors.reversed())
        // Other documents, so that the shared anchors are rare in the collection.
        let others = (0..<6).map {
            profile($0 % 2 == 0 ? .french : .english, [Anchor(.number, "\(700 + $0)"), Anchor(.name, "vinh\($0)"), Anchor(.number, "\(880 + $0)")])
        }
        let collection = [source, sameOrder, otherOrder] + others
        let pairer = DocumentPairer()
        #expect(pairer.score(source, sameOrder, in: collection) > pairer.score(source, otherOrder, in: collection))
    }
}
