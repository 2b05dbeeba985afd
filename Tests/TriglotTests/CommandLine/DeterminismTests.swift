import Foundation
import GRDB
import Testing

/// The same input gives the same output in every process: nothing a hash table iterates (Swift seeds them per
/// process) may reach an output. These tests run the tool several times, each in its own process.
@Suite(.serialized) struct DeterminismTests {
    static let seeds = TestPaths.corpus.appendingPathComponent("seeds")
    static let triple = ["000_623109171bdc0a9e.txt", "001_08ce92fcf796cfcd.txt", "002_fe3e4bc5d76e30b9.txt"]
        .map { seeds.appendingPathComponent($0).path }

    private func outputs(_ arguments: [String], runs: Int = 3) throws -> [String] {
        try (0..<runs).map { _ in
            let run = try Tool.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return run.stdout
        }
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
