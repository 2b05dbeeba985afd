import Foundation
import Testing
import Triglot

/// End-to-end tests of the `triglot` tool, run as a separate process.
@Suite struct SegmentCommandTests {
    static let root = TestPaths.packageRoot

    private func run(_ arguments: [String], stdin: Data? = nil) throws -> Tool.Run {
        try Tool.run(arguments, stdin: stdin)
    }

    @Test func printsOneSentencePerLine() throws {
        let seed = Self.root.appendingPathComponent("corpus/seeds/000_623109171bdc0a9e.txt").path
        let result = try run(["segment", seed])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 33)
        #expect(lines.contains { $0.contains("Thông báo số 1029 -TB/TU ngày 28/8/2023") })
        #expect(result.stderr.isEmpty)
    }

    @Test func printsJSONLinesWithOffsetsIntoTheFile() throws {
        let seed = Self.root.appendingPathComponent("corpus/seeds/001_08ce92fcf796cfcd.txt")
        let result = try run(["segment", seed.path, "--format", "jsonl"])
        #expect(result.status == 0)
        let bytes = Array(try Data(contentsOf: seed))
        let records = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(records.count == 57)
        for record in records {
            let start = record["start"] as! Int, end = record["end"] as! Int
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == record["text"] as! String)
            #expect(["body", "heading", "caption", "dateline", "boilerplate"].contains(record["kind"] as! String))
            #expect(record["paragraph"] is Int && record["language"] is String)
        }
        #expect(records.first { ($0["text"] as! String).hasPrefix("Việt Nam") }?["kind"] as? String == "dateline")
    }

    @Test func readsStandardInput() throws {
        let result = try run(["segment", "-", "--lang", "vi"], stdin: Data("TP. Vinh họp. Hội nghị bế mạc.".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "TP. Vinh họp.\nHội nghị bế mạc.\n")
    }

    @Test func reportsBadInputOnStandardErrorWithANonZeroStatus() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("latin1.txt")
        try Data([0x48, 0x75, 0xE9, 0x20, 0x63, 0x69, 0x74, 0x79]).write(to: bad)
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let good = directory.appendingPathComponent("good.txt")
        try Data("The meeting ended.".utf8).write(to: good)

        let result = try run(["segment", bad.path, empty.path, good.path])
        #expect(result.status != 0)
        #expect(result.stdout == "The meeting ended.\n")  // the good file is still processed
        #expect(result.stderr.contains("\(bad.path): invalid UTF-8 at byte 2"))
        #expect(result.stderr.contains("\(empty.path): the input is empty"))
    }

    @Test func rejectsAnUnknownLanguage() throws {
        let result = try run(["segment", "-", "--lang", "xx"], stdin: Data("x".utf8))
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
    }

    @Test func alignsPresegmentedFilesInVecalignFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-align-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let french = directory.appendingPathComponent("a.fr"), english = directory.appendingPathComponent("a.en")
        try "Le Comité a approuvé la résolution n° 39-NQ/TW.\nLa province vise 1.900 entreprises.\n".write(to: french, atomically: true, encoding: .utf8)
        try "The Committee approved Resolution No. 39-NQ/TW.\nPhoto: Thanh Duy\nThe province aims for 1,900 enterprises.\n".write(to: english, atomically: true, encoding: .utf8)
        let result = try run(["align", "--presegmented", french.path, english.path, "--src-lang", "fr", "--tgt-lang", "en"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
        #expect(lines == ["[0]:[0]", "[]:[1]", "[1]:[2]"])
        // The same files written with Windows line ends (CR LF) give the same sentences and beads.
        for file in [french, english] {
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: file, atomically: true, encoding: .utf8)
        }
        let windows = try run(["align", "--presegmented", french.path, english.path, "--src-lang", "fr", "--tgt-lang", "en"])
        #expect(windows.status == 0)
        #expect(windows.stdout == result.stdout)
    }

    @Test func writesOnePairsOwnViewOfThreeVersions() throws {
        // The seeds' gold sentences, one a line: 000 (Vietnamese, then French), 001 (English), 002. The pair 1-2 of the
        // three-way alignment against corpus/alignment/000-001.align, and against the triples projected onto it.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-pair-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try ["000_623109171bdc0a9e", "001_08ce92fcf796cfcd", "002_fe3e4bc5d76e30b9"].map { name in
            let tsv = try String(contentsOf: Self.root.appendingPathComponent("corpus/seeds/\(name).sentences.tsv"), encoding: .utf8)
            let file = directory.appendingPathComponent("\(name).txt")
            try tsv.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 1)[1] }.joined(separator: "\n")
                .appending("\n").write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
        let view = try run(["align", "--presegmented", "--pair", "1-2"] + files)
        #expect(view.status == 0, "\(view.stderr)")
        let gold = try VecalignFormat.parse(String(contentsOf: Self.root.appendingPathComponent("corpus/alignment/000-001.align"),
                                                   encoding: .utf8), source: "000-001.align")
        let score = AlignmentScore(gold: gold, test: try VecalignFormat.parse(view.stdout, source: "stdout"))
        // Measured: .991, as the two aligned on their own; the triples projected onto the pair: .908.
        #expect(score.strictF1 >= 0.98, "\(score)")
        // Every sentence of both files once, and a confidence for each bead.
        #expect(view.stdout.split(separator: "\n").allSatisfy { $0.split(separator: ":").count == 3 })
        let bad = try run(["align", "--presegmented", "--pair", "1-4"] + files)
        #expect(bad.status != 0 && bad.stderr.contains("--pair is 1-2, 1-3 or 2-3"), "\(bad.stderr)")
        let two = try run(["align", "--presegmented", "--pair", "1-2", files[0], files[1]])
        #expect(two.status != 0 && two.stderr.contains("give three"), "\(two.stderr)")
    }

    @Test func extractsMentionsWithOffsetsAndProcessesABundle() throws {
        let seed = Self.root.appendingPathComponent("corpus/seeds/000_623109171bdc0a9e.txt")
        let extracted = try run(["extract", seed.path])
        #expect(extracted.status == 0)
        let bytes = Array(try Data(contentsOf: seed))
        let mentions = try extracted.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(mentions.contains { $0["type"] as? String == "docref" && ($0["value"] as? [String: Any])?["number"] as? String == "1029-TB/TU" })
        for mention in mentions {
            let start = mention["start"] as! Int, end = mention["end"] as! Int
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == mention["text"] as! String)
        }
        let english = Self.root.appendingPathComponent("corpus/seeds/001_08ce92fcf796cfcd.txt")
        let processed = try run(["process", seed.path, english.path])
        #expect(processed.status == 0)
        let record = try JSONSerialization.jsonObject(with: Data(processed.stdout.utf8)) as! [String: Any]
        #expect(record["schemaVersion"] as? Int == 2)
        #expect((record["entities"] as? [Any])?.isEmpty == false)
    }
}
