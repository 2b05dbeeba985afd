import Foundation
import GRDB
import Testing

/// The same input gives the same output in every process: nothing a hash table iterates (Swift seeds them per
/// process) may reach an output. These tests run the tool several times, each in its own process.
@Suite(.serialized) struct DeterminismTests {
    static let seeds = TestPaths.corpus.appendingPathComponent("seeds")
    static let triple = ["000_623109171bdc0a9e.txt", "001_08ce92fcf796cfcd.txt", "002_fe3e4bc5d76e30b9.txt"]
        .map { seeds.appendingPathComponent($0).path }

    static let news = TestPaths.corpus.appendingPathComponent("news")
    /// Three news articles, each in Vietnamese, English and French.
    static let newsGroups = ["n10-cic-k19-2022", "n13-pb-20230908", "n19-congress14-day4"].map {
        news.appendingPathComponent($0)
    }

    private func outputs(_ arguments: [String], runs: Int = 3, stdin: Data? = nil) throws -> [String] {
        try (0..<runs).map { _ in
            let run = try Tool.run(arguments, stdin: stdin)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return run.stdout
        }
    }

    /// What a command writes into the folder named by its `option` (`--output`, `--output-dir`), run by run: every
    /// file's path inside the folder and its bytes.
    private func writtenFiles(_ arguments: [String], option: String, runs: Int = 3) throws -> [[String: Data]] {
        let folder = try TemporaryFolder("determinism-files")
        return try (0..<runs).map { k in
            let output = folder.appending("run\(k)")
            let run = try Tool.run(arguments + [option, output.path])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            var files: [String: Data] = [:]
            let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard !url.hasDirectoryPath else { continue }
                files[String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count))] = try Data(contentsOf: url)
            }
            return files
        }
    }

    /// The first place where the outputs of two runs part, for the failure message.
    private func firstDifference(_ outputs: [String]) -> String {
        guard let other = outputs.first(where: { $0 != outputs[0] }) else { return "none" }
        let a = outputs[0].split(separator: "\n", omittingEmptySubsequences: false)
        let b = other.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 }) else { return "in length" }
        return "line \(line.offset + 1): \(line.element.0.prefix(200)) | \(line.element.1.prefix(200))"
    }

    @Test(arguments: ["lines", "jsonl", "stats"])
    func segmentingGivesTheSameUnitsInEveryProcess(format: String) throws {
        let files = Self.newsGroups[0...0].flatMap { group in ["vi", "en", "fr"].map { group.appendingPathComponent("\($0).txt").path } }
        let segmented = try outputs(["segment", "--format", format] + files + [Self.triple[0]])
        #expect(Set(segmented).count == 1, "\(firstDifference(segmented))")
        #expect(!segmented[0].isEmpty)
    }

    @Test(arguments: ["vi", "en", "fr"])
    func extractingGivesTheSameMentionsInEveryProcess(language: String) throws {
        let file = Self.newsGroups[1].appendingPathComponent("\(language).txt").path
        let mentions = try outputs(["extract", file, "--date", "2023-09-08"])
        #expect(Set(mentions).count == 1, "\(firstDifference(mentions))")
        #expect(mentions[0].contains("\"type\":\"date\""), "\(mentions[0].prefix(300))")
    }

    @Test(arguments: ["tsv", "tmx", "html"])
    func aligningThreeVersionsGivesTheSameOutputInEveryFormatAndProcess(format: String) throws {
        let files = ["vi", "en", "fr"].map { Self.newsGroups[1].appendingPathComponent("\($0).txt").path }
        let alignments = try outputs(["align"] + files + ["--format", format], runs: 2)
        #expect(Set(alignments).count == 1, "\(firstDifference(alignments))")
    }

    @Test(arguments: ["ladder", "vecalign"])
    func aligningTwoVersionsGivesTheSameOutputInEveryFormatAndProcess(format: String) throws {
        let files = ["vi", "fr"].map { Self.newsGroups[2].appendingPathComponent("\($0).txt").path }
        let alignments = try outputs(["align"] + files + ["--format", format])
        #expect(Set(alignments).count == 1, "\(firstDifference(alignments))")
    }

    @Test func pairingTheNewsCorpusGivesTheSameBundlesAndScoresInEveryProcess() throws {
        let bundles = try outputs(["pair", Self.news.path, "--scores"])
        #expect(Set(bundles).count == 1, "\(firstDifference(bundles))")
        #expect(bundles[0].contains("\"method\":\"anchors\""))
    }

    @Test func filteringJSONLBundlesGivesTheSameAnswersInEveryProcess() throws {
        var lines = Data()
        for group in Self.newsGroups {
            let versions = try ["vi", "en", "fr"].map { language in
                ["lang": language, "text": try String(contentsOf: group.appendingPathComponent("\(language).txt"), encoding: .utf8)]
            }
            let bundle: [String: Any] = ["id": group.lastPathComponent, "versions": versions]
            lines.append(try JSONSerialization.data(withJSONObject: bundle, options: [.sortedKeys]))
            lines.append(0x0A)
        }
        lines.append(Data("not a bundle\n".utf8))
        let answers = try outputs(["batch", "--jsonl", "--progress", "none", "--jobs", "2"], runs: 2, stdin: lines)
        #expect(Set(answers).count == 1, "\(firstDifference(answers))")
        #expect(answers[0].split(separator: "\n").count == 4)
    }

    @Test func exportingAStoreGivesTheSameFilesInEveryProcess() throws {
        let folder = try TemporaryFolder("determinism-export")
        let store = folder.appending("store.sqlite").path
        let batch = try Tool.run(["batch"] + Self.newsGroups.map(\.path) + ["--store", store, "--progress", "none"])
        #expect(batch.status == 0, "\(batch.stderr)")
        for format in ["tmx", "jsonl", "tsv"] {
            let exports = try outputs(["export", "--store", store, "--format", format])
            #expect(Set(exports).count == 1, "\(format): \(firstDifference(exports))")
            #expect(!exports[0].isEmpty, "\(format)")
        }
        for format in ["moses", "html"] {
            let written = try writtenFiles(["export", "--store", store, "--format", format], option: "--output")
            #expect(!written[0].isEmpty, "\(format)")
            #expect(written.allSatisfy { $0 == written[0] },
                    "\(format): \(written[0].keys.sorted().first { name in written.contains { $0[name] != written[0][name] } } ?? "other files")")
        }
    }

    @Test func learningALexiconGivesTheSameTableInEveryProcess() throws {
        let tables = try outputs(["lexicon", "learn"] + Self.newsGroups.map(\.path))
        #expect(Set(tables).count == 1, "\(firstDifference(tables))")
    }

    @Test func learningAndCalibratingABeadModelGiveTheSameModelInEveryProcess() throws {
        let groups = ["n11-secr-20221024", "n12-cic-k31-2023"].map { Self.news.appendingPathComponent($0).path }
        let models = try outputs(["model", "learn"] + groups, runs: 2)
        #expect(Set(models).count == 1, "\(firstDifference(models))")
        let folder = try TemporaryFolder("determinism-model")
        let model = folder.appending("model.json")
        try Data(models[0].utf8).write(to: model)
        let calibrated = try outputs(["model", "calibrate", "--model", model.path] + Self.newsGroups.map(\.path), runs: 2)
        #expect(Set(calibrated).count == 1, "\(firstDifference(calibrated))")
    }

    @Test func evaluatingAgainstTheSeedGoldGivesTheSameFiguresInEveryProcess() throws {
        let folder = try TemporaryFolder("determinism-eval")
        // A test alignment of the gold sentences of seeds 000 and 001, for `eval align`.
        var sides: [String] = []
        for name in ["000_623109171bdc0a9e", "001_08ce92fcf796cfcd"] {
            let lines = try String(contentsOf: Self.seeds.appendingPathComponent("\(name).sentences.tsv"), encoding: .utf8)
                .split(separator: "\n").map { String($0.split(separator: "\t", maxSplits: 1)[1]) }
            let side = folder.appending("\(name).txt")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: side)
            sides.append(side.path)
        }
        let test = folder.appending("000-001.test")
        let aligned = try Tool.run(["align", "--presegmented"] + sides)
        #expect(aligned.status == 0, "\(aligned.stderr)")
        try Data(aligned.stdout.utf8).write(to: test)
        let gold = TestPaths.corpus.appendingPathComponent("alignment/000-001.align").path
        for arguments in [["eval", "segment", Self.seeds.path], ["eval", "extract", Self.seeds.path],
                          ["eval", "breaks", TestPaths.corpus.appendingPathComponent("heldout/sentence-breaks.tsv").path],
                          ["eval", "language", "--expect", "vi"] + Self.newsGroups.map { $0.appendingPathComponent("vi.txt").path },
                          ["eval", "align", gold, test.path, "--thresholds", "0.5,0.9"]] {
            let reports = try outputs(arguments)
            #expect(Set(reports).count == 1, "\(arguments[1]): \(firstDifference(reports))")
            #expect(!reports[0].isEmpty, "\(arguments[1])")
        }
    }

    @Test func benchmarkingNewsGroupsGivesTheSameScoresAndAlignmentsInEveryProcess() throws {
        let folder = try TemporaryFolder("determinism-bench")
        let set = folder.appending("newsset")
        try FileManager.default.createDirectory(at: set, withIntermediateDirectories: true)
        for group in Self.newsGroups[0...1] {
            try FileManager.default.copyItem(at: group, to: set.appendingPathComponent(group.lastPathComponent))
        }
        let arguments = ["bench", "align", "--data", folder.url.path, "--news", set.path, "--sets", "newsset", "--json"]
        // Everything but the times.
        let reports = try outputs(arguments, runs: 2).map { json -> String in
            func untimed(_ value: Any) -> Any {
                if let object = value as? [String: Any] {
                    return object.filter { !["seconds", "sentencesPerSecond"].contains($0.key) }.mapValues(untimed)
                }
                if let array = value as? [Any] { return array.map(untimed) }
                return value
            }
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
            return String(decoding: try JSONSerialization.data(withJSONObject: untimed(object), options: [.sortedKeys]), as: UTF8.self)
        }
        #expect(Set(reports).count == 1, "\(firstDifference(reports))")
        #expect(reports[0].contains("strictF1"))
        let written = try writtenFiles(Array(arguments.dropLast()), option: "--output-dir", runs: 2)
        #expect(!written[0].isEmpty && written[0] == written[1])
    }

    @Test func processingThreeVersionsGivesTheSameRecordInEveryProcess() throws {
        let records = try outputs(["process"] + Self.triple)
        #expect(Set(records).count == 1, "\(Set(records).count) different records in \(records.count) runs")
        #expect(records[0].contains("\"beads\""))
    }

    @Test func aligningThreeVersionsGivesTheSameBeadsInEveryProcess() throws {
        let alignments = try outputs(["align"] + Self.triple + ["--format", "jsonl"])
        #expect(Set(alignments).count == 1)
    }

    @Test func evaluatingTheNewsCorpusGivesTheSameFiguresInEveryProcess() throws {
        let groups = ["n10-cic-k19-2022", "n13-pb-20230908"].map {
            TestPaths.corpus.appendingPathComponent("news/\($0)").path
        }
        let reports = try outputs(["eval", "news"] + groups + ["--json"], runs: 2)
        #expect(Set(reports).count == 1)
    }

    @Test func twoCleanBatchesOfTheSameFolderStoreTheSameRows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stores = try (0..<2).map { k -> [String] in
            let store = folder.appendingPathComponent("run\(k).sqlite").path
            let run = try Tool.run(["batch", Self.seeds.path, "--store", store, "--progress", "none"])
            #expect(run.status == 0, "\(run.stderr)")
            return try Self.everyRow(store)
        }
        #expect(stores[0] == stores[1], "the two stores differ: \(zip(stores[0], stores[1]).first { $0 != $1 }.map { "\($0) | \($1)" } ?? "in length")")
    }

    /// Every row of the tables that a batch fills, in key order (row ids left out: they depend on nothing but order).
    static func everyRow(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            let queries = [
                "SELECT d.key, r.method, round(r.score, 9), r.status, r.record FROM records r JOIN record_documents v ON v.record_id = r.id JOIN documents d ON d.id = v.document_id ORDER BY d.key",
                "SELECT d.key, a.idx, a.languages, round(a.confidence, 12) FROM alignments a JOIN record_documents v ON v.record_id = a.record_id AND v.version = 0 JOIN documents d ON d.id = v.document_id ORDER BY d.key, a.idx",
                "SELECT d.key, a.idx, x.sentence, x.language FROM alignment_sentences x JOIN alignments a ON a.id = x.alignment_id JOIN documents d ON d.id = x.document_id ORDER BY d.key, a.idx, x.sentence",
                "SELECT d.key, m.type, m.start, m.\"end\", m.value FROM mentions m JOIN documents d ON d.id = m.document_id ORDER BY d.key, m.start, m.\"end\", m.type",
            ]
            return try queries.flatMap { sql in try Row.fetchAll(db, sql: sql).map(\.description) }
        }
    }
}
