import Foundation
import Testing
import Triglot

/// `triglot bench align`, run as a user runs it, on the public gold sets beside the checkout.
@Suite(.enabled(if: BenchData.alignmentSetsArePresent, "../shared/data/alignment is absent"))
struct BenchAlignCommandTests {
    /// One table for Text+Berg: Triglot's row, then the published rows with their sources; every aligned document
    /// written in vecalign format, and those files give the table's figure when scored on their own.
    @Test func printsTriglotsRowBesideThePublishedFiguresAndWritesEachAlignment() throws {
        let output = try TemporaryFolder("bench-output")
        let run = try Tool.run(["bench", "align", "--data", TestPaths.alignmentData.path, "--sets", "textberg_de-fr",
                                "--output-dir", output.url.path])
        #expect(run.status == 0, "\(run.stderr)")
        let table = run.stdout
        #expect(table.contains("## textberg_de-fr: de→fr, 7 documents, 2,002 sentences"), "\(table)")
        #expect(table.contains("| aligner | strict F1 | lax F1 | sentences/s | figure from |"))
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let triglot = try #require(rows.first { $0.hasPrefix("| **Triglot** |") }, "no Triglot row in\n\(table)")
        #expect(rows.firstIndex(of: triglot) == 1, "Triglot's row comes first")
        #expect(rows.contains { $0.hasPrefix("| Gale–Church | .686 | .799 |") })
        #expect(rows.contains { $0.hasPrefix("| hunalign (no dictionary) | .759 | .877 | ≈14,300 |") })
        #expect(rows.contains { $0.hasPrefix("| Vecalign (LASER) | .902 | .986 |") && $0.contains("thompsonb/vecalign") })
        #expect(rows.contains { $0.hasPrefix("| Bertalign (LaBSE) | .939 | .992 |") })
        #expect(!table.contains("## Summary"), "one set, no summary")

        let cells = triglot.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        // cells: aligner, strict F1, lax F1, sentences/s, figure from
        let strict = try #require(Double("0" + cells[1].replacingOccurrences(of: "*", with: "")))
        let lax = try #require(Double("0" + cells[2]))
        let speed = try #require(Int(cells[3].replacingOccurrences(of: ",", with: "")))
        #expect(strict > 0.7 && strict <= lax && lax <= 1, "strict F1 \(strict), lax \(lax)")
        #expect(speed > 0)

        // The written alignments, scored by `triglot eval align` against the gold, give the same strict F1.
        var pairs: [String] = []
        for k in 0...6 {
            let test = output.appending("textberg_de-fr/test\(k).txt")
            let beads = try VecalignFormat.parse(try String(contentsOf: test, encoding: .utf8), source: test.path)
            #expect(!beads.isEmpty && beads.allSatisfy { $0.confidence != nil })
            pairs += [TestPaths.alignmentData.appendingPathComponent("textberg_de-fr/gold/test\(k).txt").path, test.path]
        }
        #expect(!FileManager.default.fileExists(atPath: output.appending("textberg_de-fr/dev.txt").path), "dev is not a test document")
        let scored = try Tool.run(["eval", "align"] + pairs)
        let f1 = try #require(scored.stdout.split(separator: "\n").first { $0.hasPrefix("F1") })
        #expect(f1.split(separator: " ")[1] == String(format: "%.3f", strict), "\(scored.stdout) against \(triglot)")
    }

    /// Users benchmark their own settings; the JSON holds the scores spelled out.
    @Test func takesAnAlignerConfigurationAndPrintsJSON() throws {
        let folder = try TemporaryFolder("bench-config")
        let configuration = folder.appending("aligner.json")
        try Data(#"{"lengthWeight": 0.6}"#.utf8).write(to: configuration)
        let run = try Tool.run(["bench", "align", "--data", TestPaths.alignmentData.path, "--sets", "hunalign-dtm_hu-en",
                                "--aligner-config", configuration.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        struct Report: Decodable {
            struct Entry: Decodable {
                struct Set: Decodable { var name: String }
                struct Result: Decodable { var documents: Int; var sentences: Int; var seconds: Double }
                struct Figures: Decodable { var strictF1: Double; var laxF1: Double }
                var set: Set
                var result: Result
                var figures: Figures
                var sentencesPerSecond: Double
                var published: [PublishedAlignmentFigure]
            }
            var alignerConfiguration: String?
            var alignmentSets: [Entry]
            var newsSets: [AlignmentBenchmarkReport.NewsEntry]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        #expect(report.alignerConfiguration == configuration.path)
        let entry = try #require(report.alignmentSets.first)
        #expect(report.alignmentSets.count == 1 && report.newsSets.isEmpty)
        #expect(entry.set.name == "hunalign-dtm_hu-en" && entry.result.documents == 1 && entry.result.sentences == 581 + 583)
        #expect(entry.figures.strictF1 > 0.9 && entry.figures.laxF1 >= entry.figures.strictF1)
        #expect(entry.sentencesPerSecond > 0 && entry.published.isEmpty)
    }

    @Test func namesTheSetsItKnowsWhenGivenAnUnknownOne() throws {
        let run = try Tool.run(["bench", "align", "--data", TestPaths.alignmentData.path, "--sets", "textberg"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no set named textberg; sets: textberg_de-fr, parice_en-is"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func saysHowToGetASetThatIsNotInTheDataFolder() throws {
        let empty = try TemporaryFolder("bench-empty")
        let run = try Tool.run(["bench", "align", "--data", empty.url.path, "--sets", "parice_en-is"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("parice_en-is is not in \(empty.url.path): run Benchmarks/data/fetch.sh parice_en-is"), "\(run.stderr)")
        // Run where there is no corpus/news either, so that nothing at all is found.
        let executable = try #require(Tool.executable)
        let none = try ExternalCommand.run([executable.path, "bench", "align", "--data", empty.url.path], in: empty.url)
        #expect(none.status == 1 && none.stderr.contains("no gold sets in"), "\(none.output)")
    }

    /// A news set: strict and lax F1 per pair with the gold units as input, beside the figures published for
    /// news-dev (one group copied into a folder named news-dev, to keep the test short).
    @Test(.enabled(if: BenchData.newsDevIsPresent, "../shared/data/news-dev is absent"))
    func scoresANewsSetPerLanguagePair() throws {
        let folder = try TemporaryFolder("bench-news")
        try FileManager.default.createDirectory(at: folder.appending("news-dev"), withIntermediateDirectories: true)
        let copy = try ExternalCommand.run(["cp", "-R", BenchData.newsDev.appendingPathComponent("g05-vnp-1067628").path,
                                            folder.appending("news-dev").path])
        #expect(copy.status == 0, "\(copy.output)")
        let run = try Tool.run(["bench", "align", "--data", TestPaths.alignmentData.path,
                                "--news", folder.appending("news-dev").path, "--sets", "news-dev"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("## news-dev: news gold groups, gold units as input, 1 group, "), "\(run.stdout)")
        #expect(run.stdout.contains("| aligner | vi-en (1 group) | all | sentences/s | figure from |"), "\(run.stdout)")
        let triglot = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("| **Triglot** | ") }, "\(run.stdout)")
        let cells = triglot.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        // cells: aligner, vi-en, all, sentences/s, figure from; F1 cells read "strict (lax)".
        #expect(cells.count == 5 && cells[1] == cells[2], "\(triglot)")
        #expect(cells[1].wholeMatch(of: /(1\.000|\.\d{3}) \((1\.000|\.\d{3})\)/) != nil, "\(triglot)")
        #expect(run.stdout.contains("| hunalign | .250 | .482 | — |"), "\(run.stdout)")
        #expect(run.stdout.contains("| Gale–Church | .060 | — | — |"), "\(run.stdout)")
    }
}

/// Where the data of these tests lives.
enum BenchData {
    static let newsDev = TestPaths.alignmentData.deletingLastPathComponent().appendingPathComponent("news-dev")
    static var alignmentSetsArePresent: Bool { FileManager.default.fileExists(atPath: TestPaths.alignmentData.path) }
    static var newsDevIsPresent: Bool { FileManager.default.fileExists(atPath: newsDev.path) }
    static let newsCorpus = TestPaths.corpus.appendingPathComponent("news")
    static var newsCorpusIsPresent: Bool { FileManager.default.fileExists(atPath: newsCorpus.path) }
}
