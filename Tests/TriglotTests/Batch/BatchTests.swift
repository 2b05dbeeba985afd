import Foundation
import Synchronization
import GRDB
import Testing
import Triglot
@testable import TriglotBatch

/// A fresh folder under the temporary directory, removed by the caller.
func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct BatchTests {
    static let seeds = TestPaths.corpus.appendingPathComponent("seeds")

    /// The three queries the README shows, as written there.
    enum ReadmeQueries {
        static let notices = """
            SELECT DISTINCT r.id, d.source, e.value
            FROM entities e
            JOIN records r ON r.id = e.record_id
            JOIN record_documents v ON v.record_id = r.id
            JOIN documents d ON d.id = v.document_id
            WHERE e.type = 'body' AND e.value GLOB 'Standing Board of the * Provincial Party Committee'
            ORDER BY r.id, d.source
            """
        static let references = """
            SELECT DISTINCT m.value, m.text, d.source
            FROM mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.type = 'docref' AND m.kind = 'NQ' AND m.year = 2023
            ORDER BY m.value, d.source
            """
        static let triples = """
            SELECT a.record_id, a.idx, round(a.confidence, 3) AS confidence,
                   group_concat(CASE WHEN x.language = 'vi' THEN s.text END, ' ') AS vi,
                   group_concat(CASE WHEN x.language = 'fr' THEN s.text END, ' ') AS fr,
                   group_concat(CASE WHEN x.language = 'en' THEN s.text END, ' ') AS en
            FROM alignments a
            JOIN alignment_sentences x ON x.alignment_id = a.id
            JOIN sentences s ON s.document_id = x.document_id AND s.idx = x.sentence
            WHERE a.languages LIKE '% %'
            GROUP BY a.id ORDER BY a.record_id, a.idx
            """
    }

    @Test func storesTheSeedsAndPairsTheTwoVersionsOfNotice1029() async throws {
        let folder = try temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("out.sqlite").path)
        let summary = try await BatchRunner().run([Self.seeds.path], store: store)
        #expect(summary.inputs == 5 && summary.stored == 5 && summary.errors == 0)
        #expect(summary.pairs == 1 && summary.singles == 3)
        let counts = try store.counts()
        #expect(counts["documents"] == 5 && counts["records"] == 4 && counts["errors"] == 0)
        #expect(counts["sentences"] == 235)  // the gold sentence count of the five seeds
        try await store.database.read { db in
            // The Vietnamese-then-French notice and its English version are one record, found by anchors.
            let pair = try Row.fetchOne(db, sql: """
                SELECT r.method, group_concat(d.key, ' ') AS keys FROM records r
                JOIN record_documents v ON v.record_id = r.id JOIN documents d ON d.id = v.document_id
                GROUP BY r.id HAVING count(*) = 2
                """)
            #expect(pair?["method"] == "anchors")
            let keys: String = pair?["keys"] ?? ""
            #expect(keys.contains("000_623109171bdc0a9e") && keys.contains("001_08ce92fcf796cfcd"))
            #expect(try String.fetchOne(db, sql: "SELECT languages FROM documents WHERE key LIKE '%000_%'") == "fr vi")

            let notices = try Row.fetchAll(db, sql: ReadmeQueries.notices)
            let sources = Set(notices.map { ($0["source"] as String).split(separator: "/").last.map(String.init) ?? "" })
            #expect(sources == ["000_623109171bdc0a9e.txt", "001_08ce92fcf796cfcd.txt", "002_fe3e4bc5d76e30b9.txt"])
            let references = try Row.fetchAll(db, sql: ReadmeQueries.references)
            #expect(Set(references.map { $0["value"] as String }) == ["39-NQ/TW"])
            #expect(references.count == 2)  // "Nghị quyết số 39-NQ/TW" and "Resolution No. 39-NQ/TW"
            let triples = try Row.fetchAll(db, sql: ReadmeQueries.triples)
            #expect(triples.count >= 30)
            #expect(triples.allSatisfy { $0["en"] as String? != nil })
        }
        // Every stored mention lies inside its document's text and reads what the text says there.
        let mismatches = try await store.database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.document_id
                WHERE CAST(substr(CAST(d.text AS BLOB), m.start + 1, m."end" - m.start) AS TEXT) != m.text
                """)
        }
        #expect(mismatches == 0)
    }

    @Test func reportsEachStagesProgressAsEventsAndWritesNothingItself() async throws {
        let folder = try temporaryFolder("progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = Mutex<[BatchProgress]>([])
        var options = BatchOptions()
        options.progress = { event in events.withLock { $0.append(event) } }
        let summary = try await BatchRunner(options: options).run([Self.seeds.path], store: Store(path: folder.appendingPathComponent("out.sqlite").path))
        let seen = events.withLock { $0 }
        let reading = seen.filter { $0.stage == .reading }, aligning = seen.filter { $0.stage == .aligning }
        // One event per document read and per record stored, counting up to the stage's total.
        #expect(reading.map(\.done) == Array(1...5) && reading.allSatisfy { $0.total == 5 })
        let records = summary.pairs + summary.singles + summary.triples
        #expect(aligning.map(\.done) == Array(1...records) && aligning.allSatisfy { $0.total == records })
        #expect(seen.allSatisfy { $0.elapsed >= 0 && $0.rate >= 0 })
    }

    @Test func goldMentionFilesInAFolderAreNotReadAsArticles() throws {
        // The news gold layout keeps `<lang>.entities.jsonl` beside `<lang>.txt`: one article, one annotation file.
        let folder = try temporaryFolder("gold-layout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let group = TestPaths.corpus.appendingPathComponent("news/n10-cic-k19-2022")
        for name in ["vi.txt", "vi.entities.jsonl", "vi.sents"] {
            try FileManager.default.copyItem(at: group.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let collection = InputCollector().collect([folder.path])
        #expect(collection.inputs.map { URL(fileURLWithPath: $0.key).lastPathComponent } == ["vi.txt"])
        #expect(collection.ignored == 2 && collection.failures.isEmpty)
    }

    @Test func rerunningSkipsWhatIsStoredAndChangesNothing() async throws {
        let folder = try temporaryFolder("rerun")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.sqlite").path
        _ = try await BatchRunner().run([Self.seeds.path], store: Store(path: path))
        let before = try Self.dump(path)
        let again = try await BatchRunner().run([Self.seeds.path], store: Store(path: path))
        #expect(again.skipped == 5 && again.stored == 0 && again.pairs + again.singles + again.triples == 0)
        #expect(try Self.dump(path) == before)
    }

    @Test func aDocumentStoredByAnEarlierRunIsPairedThroughItsStoredProfile() async throws {
        // A first run stopped after storing seed 000 (read and segmented, in no record yet); the next run reads seed
        // 001 and pairs the two, reading 000's pairing profile back from the store.
        let folder = try temporaryFolder("resume")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("out.sqlite").path)
        let first = Self.seeds.appendingPathComponent("000_623109171bdc0a9e.txt").path
        let second = Self.seeds.appendingPathComponent("001_08ce92fcf796cfcd.txt").path
        let input = try #require(InputCollector().collect([first]).inputs.first)
        _ = try store.insert(try BatchRunner.prepare(input, reader: TextReader(), segmenter: Segmenter()))
        let summary = try await BatchRunner().run([first, second], store: store)
        #expect(summary.skipped == 1 && summary.stored == 1 && summary.pairs == 1 && summary.singles == 0)
        #expect(try store.counts()["records"] == 1)
    }

    @Test func badInputsAreRecordedWithTheirReasonAndTheBatchGoesOn() async throws {
        let folder = try temporaryFolder("bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data([0x54, 0x68, 0xE1, 0xBB, 0x9D, 0x69, 0x20, 0xFF, 0x0A]).write(to: inputs.appendingPathComponent("a-invalid.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: inputs.appendingPathComponent("b-binary.txt"))
        try Data().write(to: inputs.appendingPathComponent("c-empty.txt"))
        try Data("<html><body><p>Thường trực Tỉnh ủy</p></body></html>".utf8).write(to: inputs.appendingPathComponent("d-page.txt"))
        // 200 MB without writing 200 MB: a sparse file.
        let huge = inputs.appendingPathComponent("e-huge.txt")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        try FileManager.default.createSymbolicLink(atPath: inputs.appendingPathComponent("f-gone.txt").path,
                                                   withDestinationPath: folder.appendingPathComponent("nowhere.txt").path)
        try FileManager.default.copyItem(at: Self.seeds.appendingPathComponent("002_fe3e4bc5d76e30b9.txt"),
                                        to: inputs.appendingPathComponent("g-good.txt"))
        try Data("""
            {"id": "x1", "text": "Ban Thường vụ Tỉnh ủy Nghệ An họp ngày 18/7/2023.", "lang": "vi"}
            {"id": "x2", "text": "<html><head></head><body>x</body></html>"}
            {"id": "x3", "text": 
            """.utf8).write(to: inputs.appendingPathComponent("h-stream.jsonl"))

        let store = try Store(path: folder.appendingPathComponent("out.sqlite").path)
        let summary = try await BatchRunner().run([inputs.path], store: store)
        #expect(summary.inputs == 10)
        #expect(summary.stored == 2 && summary.errors == 8)
        let reasons = try await store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT key, reason, position FROM errors ORDER BY key")
                .map { (($0["key"] as String).split(separator: "/").last.map(String.init) ?? "", $0["reason"] as String, $0["position"] as Int?) }
        }
        #expect(reasons.map(\.0) == ["a-invalid.txt", "b-binary.txt", "c-empty.txt", "d-page.txt", "e-huge.txt",
                                     "f-gone.txt", "h-stream.jsonl:2", "h-stream.jsonl:3"])
        #expect(reasons.map(\.1) == ["invalid-utf8", "binary", "empty", "html", "too-large", "unreadable", "html", "invalid-json"])
        #expect(reasons[0].2 == 7)  // the byte 0xFF
        // Nothing is lost: every input is a document or an error.
        let counts = try store.counts()
        #expect(counts["documents"]! + counts["errors"]! == summary.inputs)
    }

    @Test func urlArticleIdsAndFileNamesAreHonouredBeforeAnchors() async throws {
        let folder = try temporaryFolder("known")
        defer { try? FileManager.default.removeItem(at: folder) }
        func seed(_ name: String) throws -> String {
            try String(contentsOf: Self.seeds.appendingPathComponent(name), encoding: .utf8)
        }
        // Two language editions of one site under the same article id: paired by the id even though their texts
        // (seeds 002 and 003) share no anchor.
        let stream: [[String: String]] = [
            ["id": "a", "url": "https://baonghean.vn/thong-bao-10262346.html", "text": try seed("002_fe3e4bc5d76e30b9.txt")],
            ["id": "b", "url": "https://baonghean.vn/fr/avis-10262346.html", "text": try seed("003_75d16ee19731c4f2.txt")],
        ]
        let lines = try stream.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("stream.jsonl"))
        // File names that differ by a language code.
        try Data(try seed("000_623109171bdc0a9e.txt").utf8).write(to: folder.appendingPathComponent("1029.vi.txt"))
        try Data(try seed("004_f182d9f25d3f24d0.txt").utf8).write(to: folder.appendingPathComponent("1029.en.txt"))

        let store = try Store(path: folder.appendingPathComponent("out.sqlite").path)
        let summary = try await BatchRunner().run([folder.path], store: store)
        #expect(summary.stored == 4 && summary.pairs == 2 && summary.singles == 0)
        let methods = try await store.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.method, group_concat(d.key, ' ') AS keys FROM records r
                JOIN record_documents v ON v.record_id = r.id JOIN documents d ON d.id = v.document_id
                GROUP BY r.id ORDER BY r.method
                """).map { ($0["method"] as String, $0["keys"] as String) }
        }
        #expect(methods.map(\.0) == ["article-id", "file-name"])
        #expect(methods[0].1.contains("stream.jsonl:1") && methods[0].1.contains("stream.jsonl:2"))
        #expect(methods[1].1.contains("1029.vi.txt") && methods[1].1.contains("1029.en.txt"))
        // The store keeps where each correspondence came from in the column's documented form.
        let articleIDs = try await store.database.read { db in
            try String.fetchAll(db, sql: "SELECT article_id FROM documents ORDER BY key")
        }
        let stem = URL(fileURLWithPath: folder.path).standardizedFileURL.path + "/1029"
        #expect(Set(articleIDs) == ["file:" + stem, "url:baonghean.vn#10262346"], "\(articleIDs)")
    }

    @Test func articleKeysReadBackAsWritten() {
        for key in [ArticleKey.named("x1"), .url("baonghean.vn#10262346"), .fileName("/c/1029:a")] {
            #expect(ArticleKey(stored: key.stored) == key)
        }
        #expect(ArticleKey.named("x1").stored == "article:x1")
        #expect(ArticleKey(stored: "isbn:123") == nil && ArticleKey(stored: "1029") == nil)
        #expect(ArticleKey.fileName("a").isFileName && !ArticleKey.url("a").isFileName)
    }

    /// A store's content, without row ids, for comparing two runs.
    static func dump(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var lines: [String] = []
            let queries = [
                "SELECT key, language, languages, bytes, length(text) FROM documents ORDER BY key",
                "SELECT d.key, s.idx, s.start, s.\"end\", s.language FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY d.key, s.idx",
                "SELECT r.method, round(r.score, 9), r.status, r.record, (SELECT group_concat(d.key) FROM record_documents v JOIN documents d ON d.id = v.document_id WHERE v.record_id = r.id ORDER BY v.version) FROM records r ORDER BY 5",
                "SELECT count(*) FROM alignments", "SELECT count(*) FROM alignment_sentences",
                "SELECT count(*) FROM entities", "SELECT count(*) FROM mentions",
                "SELECT key, reason, position FROM errors ORDER BY key",
            ]
            for sql in queries {
                for row in try Row.fetchAll(db, sql: sql) { lines.append(row.description) }
            }
            return lines
        }
    }
}
