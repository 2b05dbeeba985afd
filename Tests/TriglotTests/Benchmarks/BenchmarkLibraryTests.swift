import Foundation
import Testing
@testable import Triglot

/// The library side of the benchmarks: the published figures as data, the gold-set reader, the runners and the
/// report.
@Suite struct BenchmarkLibraryTests {
    @Test func readsEveryPublishedFigureWithItsSource() {
        let all = PublishedAlignmentFigure.all
        #expect(all.count >= 35)
        #expect(all.allSatisfy { !$0.source.isEmpty && $0.strictF1.lowerBound > 0 && $0.strictF1.upperBound <= 1 })
        #expect(PublishedAlignmentFigure.aligners == ["Gale–Church", "hunalign", "hunalign -realign", "Vecalign", "Bertalign"])
        let vecalign = PublishedAlignmentFigure.figures(for: "textberg_de-fr").first { $0.aligner == "Vecalign" }
        #expect(vecalign?.strictF1 == 0.902...0.902 && vecalign?.laxF1 == 0.986 && vecalign?.variant == "LASER")
        let range = PublishedAlignmentFigure.figures(for: "parice_en-is").first { $0.aligner == "Gale–Church" }
        #expect(range?.strictF1 == 0.785...0.803 && range?.laxF1 == nil)
        #expect(PublishedAlignmentFigure.figures(for: "news-dev", part: "all").map(\.aligner) == ["hunalign"])
        // Every set named in the figures is one the benchmark runs.
        let names = Set(AlignmentGoldSet.standard.map(\.name) + ["news-dev"])
        #expect(all.allSatisfy { names.contains($0.set) })
    }

    @Test func rejectsMalformedFigureLines() {
        #expect(PublishedAlignmentFigure(tsvLine: "set\t-\tX\t-\t0.5\t-\t-\tsource") != nil)
        #expect(PublishedAlignmentFigure(tsvLine: "set\t-\tX\t-\thigh\t-\t-\tsource") == nil)
        #expect(PublishedAlignmentFigure(tsvLine: "set\t-\tX\t-\t0.8..0.5\t-\t-\tsource") == nil)
        #expect(PublishedAlignmentFigure(tsvLine: "set\t-\tX\t-\t0.5\t-\t-") == nil)
    }

    @Test func readsAGoldSetAndScoresTheGoldAsPerfect() throws {
        let folder = try TemporaryFolder("gold-set")
        let set = AlignmentGoldSet(name: "tiny_en-fr", sourceFolder: "en", targetFolder: "fr", sourceLanguage: "en",
                                   targetLanguage: "fr", documentPrefix: "t")
        for (path, text) in [("en/t1.txt", "One.\nTwo.\n"), ("fr/t1.txt", "Un.\nDeux.\n"), ("gold/t1.txt", "[0]:[0]\n[1]:[1]\n"),
                             ("gold/dev.txt", "[0]:[0]\n")] {
            let url = folder.appending("tiny_en-fr/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        #expect(set.isPresent(in: folder.url.path))
        let documents = try set.documents(in: folder.url.path)
        #expect(documents.map(\.name) == ["t1"], "only documents named with the prefix")
        #expect(documents[0].source.sentences == ["One.", "Two."] && documents[0].sentenceCount == 4)
        let result = AlignmentSetResult(set: set.name, documents: documents.map { AlignmentBenchmark().run($0, in: set) })
        #expect(result.documents == 1 && result.sentences == 4 && result.score.strictF1 == 1)

        try FileManager.default.removeItem(at: folder.appending("tiny_en-fr/fr/t1.txt"))
        #expect(throws: BenchmarkDataError.self) { try set.documents(in: folder.url.path) }
        #expect(!AlignmentGoldSet.named("textberg_de-fr")!.isPresent(in: folder.url.path))
    }

    @Test func rendersOneTablePerSetAndASummary() {
        var score = AlignmentScore()
        score.strictTruePositives = 9; score.strictFalsePositives = 1; score.strictRecalled = 9; score.strictMissed = 1
        score.laxTruePositives = 10; score.laxRecalled = 10
        var result = AlignmentSetResult(set: "textberg_de-fr", documents: [])
        result.documents = 7; result.sentences = 2002; result.seconds = 1.3; result.score = score
        let report = AlignmentBenchmarkReport(
            data: "sets", alignmentSets: [.init(set: AlignmentGoldSet.named("textberg_de-fr")!, result: result),
                                          .init(set: AlignmentGoldSet.named("hunalign-dtm_hu-en")!, result: result),
                                          .init(set: AlignmentGoldSet.named("mac-test_zh-en")!, result: result)],
            absent: ["parice_en-is"])
        let markdown = report.markdown
        #expect(markdown.contains("| **Triglot** | **.900** | 1.000 | 1,540 | this run: strict P .900, R .900; 1.30 s |"), "\(markdown)")
        #expect(markdown.contains("Not run, not in the data folder: parice_en-is"))
        #expect(markdown.contains("| set | Triglot | Gale–Church | hunalign | hunalign -realign | Vecalign | Bertalign | Triglot sentences/s |"))
        #expect(markdown.contains("| textberg_de-fr | **.900** (1.000) | .686 | .759 | .738 | .902 | .939 | 1,540 |"), "\(markdown)")
        #expect(markdown.contains("| hunalign-dtm_hu-en | **.900** (1.000) | — | — | — | — | — | 1,540 |"), "\(markdown)")
        // Several runs of one aligner: the summary shows the best, the set's table every one with its source.
        #expect(markdown.contains("| mac-test_zh-en | **.900** (1.000) | .491 | .627 | .024 | .886 | .915 | 1,540 |"), "\(markdown)")
        #expect(markdown.contains("| hunalign (no dictionary, character lengths) | .015 | — | — | measured for Triglot |"), "\(markdown)")
        #expect(AlignmentBenchmarkReport.grouped(1_234_567) == "1,234,567" && AlignmentBenchmarkReport.grouped(999) == "999")
    }

    /// The news benchmark aligns the gold units as `triglot eval news` does: the same scores per pair.
    @Test(.enabled(if: BenchData.newsDevIsPresent, "../shared/data/news-dev is absent"),
          arguments: ["g01-bna-10292047", "g10-cic50-2020"])
    func scoresNewsPairsAsTheNewsEvaluatorDoes(_ name: String) throws {
        let group = try NewsGroup(path: BenchData.newsDev.appendingPathComponent(name).path)
        try expectSameScores(group, trainingGroups: [group])
    }

    /// On a group the shipped news table was learned from, both leave that group out of the table alike.
    @Test(.enabled(if: BenchData.newsCorpusIsPresent, "corpus/news is absent"))
    func leavesTheGroupOutOfALearnedLexiconAsTheNewsEvaluatorDoes() throws {
        let groups = try NewsGroup.groups(in: BenchData.newsCorpus.path).map { try NewsGroup(path: $0) }
        let group = try #require(groups.first { $0.id == "n12-cic-k31-2023" } ?? groups.first)
        try expectSameScores(group, trainingGroups: groups)
    }

    private func expectSameScores(_ group: NewsGroup, trainingGroups: [NewsGroup]) throws {
        var evaluator = NewsEvaluator()
        evaluator.trainingGroups = trainingGroups
        let benchmark = try NewsAlignmentBenchmark(evaluator: evaluator).run(group)
        let evaluation = try evaluator.evaluate(group)
        #expect(!benchmark.pairs.isEmpty && benchmark.sentences > 0)
        #expect(benchmark.pairs.map(\.pair.description) == evaluation.alignment.keys.sorted {
            NewsLanguagePair(code: $0)! < NewsLanguagePair(code: $1)!
        })
        for pair in benchmark.pairs {
            let expected = try #require(evaluation.alignment[pair.pair.description])
            #expect(pair.score.strictF1 == expected.strictF1 && pair.score.laxF1 == expected.laxF1, "\(group.id) \(pair.pair)")
        }
    }
}

private extension NewsLanguagePair {
    init?(code: String) {
        let parts = code.split(separator: "-").compactMap { Language(code: String($0)) }
        guard parts.count == 2 else { return nil }
        self.init(parts[0], parts[1])
    }
}
