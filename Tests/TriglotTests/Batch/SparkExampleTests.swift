import Foundation
import Testing
import Triglot

/// `examples/spark/triglot_spark.py`, run in Spark local mode with a copy of the built tool alone in an empty
/// folder (its data files are compiled in). Skipped where python3 cannot import pyspark or java is missing, unless
/// `TRIGLOT_REQUIRE_SPARK=1` (set by `.ci/run`, which installs both), where it then fails instead.
@Suite(.serialized, .enabled(if: SparkEnvironment.isInstalled || SparkEnvironment.isRequired, "needs python3 with pyspark, and java"))
struct SparkExampleTests {
    static let driver = TestPaths.packageRoot.appendingPathComponent("examples/spark/triglot_spark.py")

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the driver in local mode with two worker threads, killed after `timeout` seconds. Its output goes to
    /// files, so that Spark's logging cannot fill a pipe.
    static func runDriver(_ arguments: [String], in folder: URL, timeout: TimeInterval = 400) throws -> Run {
        let out = folder.appendingPathComponent("driver.stdout"), err = folder.appendingPathComponent("driver.stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", driver.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYSPARK_SUBMIT_ARGS"] = "--master local[2] --conf spark.ui.enabled=false pyspark-shell"
        environment["SPARK_LOCAL_IP"] = "127.0.0.1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("the Spark driver ran for more than \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// One line of the driver's output.
    struct Answer: Decodable {
        var id: String?
        var line: Int
        var partition: Int
        var status: String
        var record: ArticleRecord?
        var error: Failure?

        struct Failure: Decodable { var reason: String; var message: String }
    }

    /// The lines of the output folder's parts, in part order.
    static func answers(in output: URL) throws -> (parts: Int, answers: [Answer]) {
        let parts = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("part-") }.sorted()
        let answers = try parts.flatMap { part in
            try String(contentsOf: output.appendingPathComponent(part), encoding: .utf8).split(separator: "\n")
                .map { try JSONDecoder().decode(Answer.self, from: Data($0.utf8)) }
        }
        return (parts.count, answers)
    }

    @Test func everyInputLineComesBackOnceInInputOrder() throws {
        try #require(SparkEnvironment.isInstalled, "TRIGLOT_REQUIRE_SPARK is set, but python3 cannot import pyspark or java is missing")
        let folder = try temporaryFolder("spark")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The executable alone, in a folder of its own: nothing else is shipped to the executors.
        let built = try #require(Tool.executable, "the triglot tool is not built beside the tests")
        let tool = folder.appendingPathComponent("alone/triglot")
        try FileManager.default.createDirectory(at: tool.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: built, to: tool)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tool.deletingLastPathComponent().path) == ["triglot"])
        let seeds = BatchTests.seeds
        let texts = try ["000_623109171bdc0a9e", "001_08ce92fcf796cfcd", "002_fe3e4bc5d76e30b9", "003_75d16ee19731c4f2",
                         "004_f182d9f25d3f24d0"].map {
            try String(contentsOf: seeds.appendingPathComponent("\($0).txt"), encoding: .utf8)
        }
        func json(_ object: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }

        // Forty bundles: pairs of seeds 000 (Vietnamese and French) and 001 (English), single seeds, an HTML page
        // and a line of invalid JSON. Also two blank lines, which get no answer; a line ending in CR LF; and a
        // line with a carriage return between two JSON tokens, which is still one line for the tool.
        var lines: [String] = []
        var expected: [(id: String?, reason: String?)] = []
        for index in 0..<40 {
            switch index {
            case 13:
                lines.append(try json(["id": "page", "text": "<html><body><p>Not an article.</p></body></html>"]))
                expected.append(("page", "html"))
            case 27:
                lines.append("{\"id\": \"broken\", \"versions\": [")
                expected.append((nil, "invalid-json"))
            case _ where index % 5 == 0:
                let id = "pair-\(index)"
                lines.append(try json(["id": id, "date": "2023-08-28",
                                       "versions": [["text": texts[0]], ["text": texts[1], "lang": "en"]]]))
                expected.append((id, nil))
            default:
                let id = "single-\(index)"
                var line = try json(["id": id, "text": texts[index % 5]])
                if index == 31 { line = line.replacingOccurrences(of: "\"text\":", with: "\r\"text\":") }
                if index == 6 { line += "\r" }
                lines.append(line)
                expected.append((id, nil))
            }
            if index == 10 { lines += ["", "  \t"] }
        }
        let input = folder.appendingPathComponent("bundles.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)

        let output = folder.appendingPathComponent("records")
        let run = try Self.runDriver([input.path, output.path, tool.path, "--partitions", "3"], in: folder)
        #expect(run.status == 0, "driver failed: \(run.stderr.suffix(3000))")
        #expect(run.stdout.contains("triglot_spark: 38 records ok, 2 errors (html: 1, invalid-json: 1)"), "\(run.stdout)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("_SUCCESS").path))

        let (parts, answers) = try Self.answers(in: output)
        #expect(parts == 3)
        #expect(answers.count == expected.count)
        #expect(answers.map(\.id) == expected.map(\.id))
        #expect(answers.map(\.status) == expected.map { $0.reason == nil ? "ok" : "error" })
        #expect(answers.map { $0.error?.reason } == expected.map(\.reason))
        #expect(answers.allSatisfy { ($0.status == "ok") == ($0.record != nil) })
        // Parts hold neighbouring stretches of the input, each numbered from its first line.
        #expect(Set(answers.map(\.partition)) == [0, 1, 2])
        #expect(zip(answers, answers.dropFirst()).allSatisfy { a, b in
            a.partition < b.partition || (a.partition == b.partition && a.line < b.line)
        })
        for answer in answers where answer.id?.hasPrefix("pair-") == true {
            let record = try #require(answer.record)
            #expect(record.article.versions.count == 2)
            #expect(record.alignment.links().count >= 30, "\(answer.id ?? "") is not aligned")
        }
    }

    @Test func aFailingToolFailsTheJob() throws {
        try #require(SparkEnvironment.isInstalled, "TRIGLOT_REQUIRE_SPARK is set, but python3 cannot import pyspark or java is missing")
        let folder = try temporaryFolder("spark-fail")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("triglot")
        try Data("#!/bin/sh\nexit 3\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let input = folder.appendingPathComponent("bundles.jsonl")
        try Data("{\"id\": \"a\", \"text\": \"One sentence. Two sentences.\"}\n{\"id\": \"b\", \"text\": \"Three.\"}\n".utf8)
            .write(to: input)

        let output = folder.appendingPathComponent("records")
        let run = try Self.runDriver([input.path, output.path, fake.path, "--partitions", "1"], in: folder)
        #expect(run.status != 0)
        #expect(run.stderr.contains("triglot_spark: job failed: triglot exited with status 3"), "\(run.stderr.suffix(3000))")
        #expect(!run.stdout.contains("records ok"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("_SUCCESS").path))
    }
}

/// Whether Spark can run here: python3 imports pyspark, and java runs.
enum SparkEnvironment {
    static let isInstalled = succeeds(["python3", "-c", "import pyspark"]) && succeeds(["java", "-version"])
    /// Whether the run requires the Spark tests (`TRIGLOT_REQUIRE_SPARK=1`, as in CI): then they fail rather than skip.
    static let isRequired = ProcessInfo.processInfo.environment["TRIGLOT_REQUIRE_SPARK"] == "1"

    /// Whether a command, looked up in PATH, runs and exits with status 0.
    static func succeeds(_ command: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
