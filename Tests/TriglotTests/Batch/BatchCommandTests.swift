import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import Testing
import Triglot
import TriglotBatch

/// The batch, filter and export commands, run as the tool.
@Suite(.serialized) struct BatchCommandTests {
    /// Forty articles: eight copies of the five seeds, each copy in its own folder.
    static func corpus(in folder: URL) throws -> URL {
        let root = folder.appendingPathComponent("corpus")
        for copy in 0..<8 {
            let target = root.appendingPathComponent("copy\(copy)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: BatchTests.seeds.path) where name.hasSuffix(".txt") {
                try FileManager.default.copyItem(at: BatchTests.seeds.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        }
        return root
    }

    /// Nine articles of `corpus/news`, each in Vietnamese, English and French (`vi.txt`, `en.txt`, `fr.txt` in the
    /// article's folder): bundles of three versions, found by pairing.
    static func triples(in folder: URL) throws -> URL {
        let root = folder.appendingPathComponent("triples")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for group in ["n10-cic-k19-2022", "n11-secr-20221024", "n12-cic-k31-2023", "n13-pb-20230908", "n19-congress14-day4",
                      "n20-congress14-closing", "n26-pb-05-qdns-2026", "n27-plenum14-xiii-day1", "n32-vna-phutho-20260109"] {
            let target = root.appendingPathComponent(group)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for language in ["vi", "en", "fr"] {
                try FileManager.default.copyItem(at: TestPaths.corpus.appendingPathComponent("news/\(group)/\(language).txt"),
                                                to: target.appendingPathComponent("\(language).txt"))
            }
        }
        return root
    }

    /// The corpora of the kill test: copies of the seeds (pairs and single notices), and news articles in three
    /// languages (triples).
    enum KillCorpus: String, CaseIterable, CustomTestStringConvertible {
        case seedCopies, newsTriples

        func make(in folder: URL) throws -> URL {
            switch self {
            case .seedCopies: return try BatchCommandTests.corpus(in: folder)
            case .newsTriples: return try BatchCommandTests.triples(in: folder)
            }
        }

        var testDescription: String { rawValue }
    }

    @Test(arguments: KillCorpus.allCases)
    func aBatchKilledAtAnyMomentAndRunAgainEndsAsAnUninterruptedOne(_ corpusKind: KillCorpus) throws {
        let folder = try temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try corpusKind.make(in: folder)
        let clean = folder.appendingPathComponent("clean.sqlite").path
        let started = Date()
        #expect(try Tool.run(["batch", corpus.path, "--store", clean, "--progress", "none"]).status == 0)
        let duration = Date().timeIntervalSince(started)
        let expected = try Self.tables(clean)
        if corpusKind == .newsTriples {
            let triples = try DatabaseQueue(path: clean).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT record_id FROM record_documents GROUP BY record_id HAVING count(*) = 3)")
            }
            #expect(triples == 9, "the news articles should make nine triples, not \(triples ?? 0)")
        }

        let killed = folder.appendingPathComponent("killed.sqlite").path
        var interrupted = 0
        // Kills spread over a whole run (reading, pairing, aligning), or over its first eight seconds when it is
        // longer: each kill costs the time it waits.
        let span = min(duration, 8)
        for share in [0.05, 0.2, 0.4, 0.6, 0.8] {
            let process = try Tool.start(["batch", corpus.path, "--store", killed, "--progress", "none"], discardingOutput: true)
            Thread.sleep(forTimeInterval: share * span)
            if process.isRunning { kill(process.processIdentifier, SIGKILL); interrupted += 1 }
            process.waitUntilExit()
            // Whatever the moment, nothing is half-written: every document has its sentences, every record marked
            // done has its beads.
            let queue = try DatabaseQueue(path: killed)
            let halves = try queue.read { db -> Int? in
                // Killed before the store had its tables: nothing written, nothing half-written.
                guard try db.tableExists("documents") && db.tableExists("records") else { return 0 }
                return try Int.fetchOne(db, sql: """
                    SELECT (SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id))
                         + (SELECT count(*) FROM records r WHERE r.status = 'done' AND r.record IS NULL)
                         + (SELECT count(*) FROM records r WHERE r.status = 'planned' AND EXISTS (SELECT 1 FROM alignments a WHERE a.record_id = r.id))
                    """)
            }
            #expect(halves == 0, "half-written rows after a kill at \(share) of a run")
        }
        #expect(interrupted >= 2, "the batch finished before it could be interrupted")
        #expect(try Tool.run(["batch", corpus.path, "--store", killed, "--progress", "none"]).status == 0)
        let rerun = try Self.tables(killed)
        #expect(rerun.keys.sorted() == expected.keys.sorted())
        for table in expected.keys.sorted() {
            #expect(rerun[table] == expected[table],
                    "table \(table): \(zip(rerun[table] ?? [], expected[table]!).first { $0 != $1 }.map { "\($0.prefix(300)) | \($1.prefix(300))" } ?? "row counts \(rerun[table]?.count ?? 0) and \(expected[table]!.count)")")
        }
    }

    /// Every row of every table of a store, row ids included, in the order of all its columns.
    static func tables(_ path: String) throws -> [String: [String]] {
        try DatabaseQueue(path: path).read { db in
            var tables: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                let columns = try db.columns(in: table).count
                let order = (1...columns).map(String.init).joined(separator: ", ")
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY \(order)").map(\.description)
            }
            return tables
        }
    }

    @Test func theJSONLFilterWritesOneLinePerInputLineAndNothingElse() throws {
        let seeds = BatchTests.seeds
        let vietnamese = try String(contentsOf: seeds.appendingPathComponent("000_623109171bdc0a9e.txt"), encoding: .utf8)
        let english = try String(contentsOf: seeds.appendingPathComponent("001_08ce92fcf796cfcd.txt"), encoding: .utf8)
        func line(_ object: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        var input = Data()
        input.append(Data((try line(["id": "1029", "versions": [["text": vietnamese], ["text": english, "lang": "en"]]]) + "\n").utf8))
        input.append(Data("{\"id\": \"broken\", \"versions\": [\n".utf8))
        input.append(Data([0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D, 0x0A]))  // {"text":"\xC3("}
        input.append(Data("\n".utf8))  // blank lines are not inputs
        input.append(Data((try line(["id": "page", "text": "<html><body><p>x</p></body></html>"]) + "\n").utf8))
        input.append(Data((try line(["id": "alone", "date": "2023-05-11", "text": "Ngày 11/5, Thường trực Tỉnh ủy Nghệ An họp."])).utf8))
        let result = try Tool.run(["batch", "--jsonl", "--progress", "none"], stdin: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        let outputs = try lines.map { try JSONDecoder().decode(JSONLFilter.Output.self, from: Data($0.utf8)) }
        #expect(outputs.map(\.status) == [.ok, .error, .error, .error, .ok])
        #expect(outputs.map(\.line) == [1, 2, 3, 5, 6])
        #expect(outputs.map { $0.error?.reason } == [nil, .invalidJSON, .invalidUTF8, .html, nil])
        // Statuses and reasons are written as the words the format documents.
        #expect(lines[1].contains(#""reason":"invalid-json""#) && lines[1].contains(#""status":"error""#), "\(lines[1])")
        #expect(lines[0].contains(#""status":"ok""#))
        #expect(outputs[2].error?.position == 9)
        let record = try #require(outputs[0].record)
        #expect(record.alignment.links().count >= 30)
        #expect(record.entities.contains { $0.type == .docref && $0.value == "39-NQ/TW" && $0.mentions.count == 2 })
        #expect(outputs[4].record?.entities.contains { $0.type == .date && $0.value == "2023-05-11" } == true)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "xmllint absent (Debian libxml2-utils)"))
    func tmxValidatesAgainstTheDTD() throws {
        let folder = try temporaryFolder("tmx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("out.sqlite").path
        #expect(try Tool.run(["batch", BatchTests.seeds.path, "--store", store, "--progress", "none"]).status == 0)
        let tmx = try Tool.run(["export", "--store", store, "--format", "tmx"])
        let file = folder.appendingPathComponent("out.tmx")
        try Data(tmx.stdout.utf8).write(to: file)
        let dtd = TestPaths.packageRoot.appendingPathComponent("Tests/TriglotTests/Batch/tmx14.dtd").path
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        check.arguments = ["--noout", "--dtdvalid", dtd, file.path]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "TMX does not validate against the TMX 1.4b DTD")
    }

    @Test func exportsAreValidTMXMosesJSONLAndTSV() throws {
        let folder = try temporaryFolder("export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("out.sqlite").path
        #expect(try Tool.run(["batch", BatchTests.seeds.path, "--store", store, "--progress", "none"]).status == 0)

        let tmx = try Tool.run(["export", "--store", store, "--format", "tmx"])
        #expect(tmx.status == 0)
        let parser = XMLParser(data: Data(tmx.stdout.utf8))
        #expect(parser.parse(), "TMX is not well-formed XML")
        let units = tmx.stdout.components(separatedBy: "<tu ").count - 1
        #expect(units >= 30)
        #expect(tmx.stdout.contains("<tuv xml:lang=\"en\">") && tmx.stdout.contains("<tuv xml:lang=\"fr\">"))
        // Against the TMX 1.4b DTD: `tmxValidatesAgainstTheDTD` (skipped, and said so, without xmllint).
        let moses = folder.appendingPathComponent("moses")
        #expect(try Tool.run(["export", "--store", store, "--format", "moses", "--output", moses.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: moses.path).sorted()
        #expect(files == ["triglot.en-fr.en", "triglot.en-fr.fr", "triglot.en-vi.en", "triglot.en-vi.vi"])
        for pair in ["en-fr", "en-vi"] {
            let sides = try pair.split(separator: "-").map {
                try String(contentsOf: moses.appendingPathComponent("triglot.\(pair).\($0)"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            }
            #expect(sides[0].count == sides[1].count && sides[0].count > 1)
        }

        let jsonl = try Tool.run(["export", "--store", store, "--format", "jsonl"])
        let records = jsonl.stdout.split(separator: "\n")
        #expect(records.count == 4)
        struct Line: Decodable { var key: String; var method: String; var record: ArticleRecord }
        let decoded = try records.map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.method) == ["anchors", "single", "single", "single"])

        let tsv = try Tool.run(["export", "--store", store, "--format", "tsv"])
        let rows = tsv.stdout.split(separator: "\n")
        #expect(rows.first == "record\tbead\tconfidence\ten\tfr\tvi")
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 })
        #expect(rows.count - 1 == units)
    }
}
