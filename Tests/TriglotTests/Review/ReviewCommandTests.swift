import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Triglot

/// `triglot align --format html` and `triglot export --format html`, run as the tool.
@Suite(.serialized) struct ReviewCommandTests {
    static let seed000 = ReviewPageTests.seeds.appendingPathComponent("000_623109171bdc0a9e.txt").path
    static let seed001 = ReviewPageTests.seeds.appendingPathComponent("001_08ce92fcf796cfcd.txt").path

    @Test func alignWritesTheReviewPageOfTheWholePipeline() throws {
        let run = try Tool.run(["align", Self.seed000, Self.seed001, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let documents = try ReviewPageTests.seedDocuments()
        let record = ArticleProcessor().process(documents)
        let page = try ParsedReviewPage(run.stdout)
        #expect(page.rows.count == record.alignment.beads.count)
        #expect(page.unitTexts.count == documents.map(\.sentences.count).reduce(0, +))
        #expect(Set(page.marks.map(\.entity)).count > 20, "entities are highlighted")
        #expect(!run.stdout.contains("http://") && !run.stdout.contains("https://") && !run.stdout.contains("src="),
                "the page loads nothing from elsewhere")
    }

    @Test func alignWritesAReviewPageOfThreeVersions() throws {
        let seed002 = ReviewPageTests.seeds.appendingPathComponent("002_fe3e4bc5d76e30b9.txt").path
        let run = try Tool.run(["align", Self.seed000, Self.seed001, seed002, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try ParsedReviewPage(run.stdout)
        #expect(page.rows.allSatisfy { $0.units.count == 3 })
        #expect(page.unitTexts.keys.filter { $0.version == 2 }.count > 10)
    }

    @Test func alignWritesAReviewPageOfPresegmentedVersions() throws {
        let folder = try temporaryFolder("review-preseg")
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.vi"), b = folder.appendingPathComponent("b.en")
        try Data("Xin chào.\nHôm nay trời đẹp.\nTạm biệt.\n".utf8).write(to: a)
        try Data("Hello.\nThe weather is fine today.\nGoodbye.\n".utf8).write(to: b)
        let run = try Tool.run(["align", "--presegmented", a.path, b.path, "--src-lang", "vi", "--tgt-lang", "en", "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try ParsedReviewPage(run.stdout)
        #expect(page.unitTexts[.init(version: 1, sentence: 1)] == "The weather is fine today.")
        #expect(page.unitTexts.count == 6)
        #expect(page.summary.contains("a.vi") && page.summary.contains("b.en"))
    }

    @Test func exportWritesOnePagePerRecordAndAnIndex() throws {
        let folder = try temporaryFolder("review-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("seeds.sqlite").path
        #expect(try Tool.run(["batch", ReviewPageTests.seeds.path, "--store", store, "--progress", "none"]).status == 0)
        let output = folder.appendingPathComponent("pages")
        let run = try Tool.run(["export", "--store", store, "--format", "html", "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == ["index.html", "record-1.html", "record-2.html", "record-3.html", "record-4.html"])

        // The record of seeds 000 and 001, read back from the store, shows every unit of both once.
        let records = try names.filter { $0.hasPrefix("record-") }.map {
            try ParsedReviewPage(String(contentsOf: output.appendingPathComponent($0), encoding: .utf8))
        }
        let pair = try #require(records.first { page in Set(page.unitTexts.keys.map(\.version)).count == 2 })
        let documents = try ReviewPageTests.seedDocuments()
        #expect(pair.unitTexts.count == documents.map(\.sentences.count).reduce(0, +))
        for (v, document) in documents.enumerated() {
            for sentence in document.sentences {
                #expect(pair.unitTexts[.init(version: v, sentence: sentence.index)] == String(document.text(of: sentence)))
            }
        }
        #expect(pair.rows.count > 30)
        #expect(!pair.marks.isEmpty)

        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        _ = try XMLDocument(data: Data(index.utf8), options: [])
        for k in 1...4 { #expect(index.contains("href=\"record-\(k).html\"")) }

        // One record by id to standard output; by key the same page.
        let one = try Tool.run(["export", "--store", store, "--format", "html", "--record", "1"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(try ParsedReviewPage(one.stdout).rows.count == records[0].rows.count)
        let missing = try Tool.run(["export", "--store", store, "--format", "html", "--record", "99"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no record 99"))
        let noFolder = try Tool.run(["export", "--store", store, "--format", "html"])
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.contains("give --output FOLDER"))
    }
}

/// The page of seeds 000 and 001 rendered by headless Chromium, when it is installed (`chromium`, Debian);
/// skipped otherwise. `.ci/run` does not install it: `scripts/render-review-page.sh` makes the README's picture.
@Suite(.serialized, .enabled(if: Chromium.executable != nil, "needs chromium (Debian package chromium)"))
struct ReviewPageBrowserTests {
    @Test func chromiumRendersTheSeedPageAndItsScriptRuns() throws {
        let folder = try temporaryFolder("review-chromium")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Tool.run(["align", ReviewCommandTests.seed000, ReviewCommandTests.seed001, "--format", "html"])
        #expect(run.status == 0)
        let html = folder.appendingPathComponent("review.html")
        try Data(run.stdout.utf8).write(to: html)
        let parsed = try ParsedReviewPage(run.stdout)

        // The browser's own HTML parser builds the same rows, and the script ran to its end.
        let dom = try Chromium.run(["--dump-dom", html.absoluteString], in: folder)
        #expect(dom.status == 0)
        #expect(dom.stdout.components(separatedBy: "<tr id=\"b").count - 1 == parsed.rows.count)
        #expect(dom.stdout.contains("<body data-ready=\"\(parsed.marks.count)\""), "the script did not finish")

        let png = folder.appendingPathComponent("review.png")
        let shot = try Chromium.run(["--window-size=1400,1000", "--virtual-time-budget=3000", "--screenshot=\(png.path)", html.absoluteString + "#e-6"], in: folder)
        #expect(shot.status == 0, "\(shot.stderr.suffix(2000))")
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // Width and height from the IHDR chunk.
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(be32(16) == 1400 && be32(20) == 1000)
        #expect(bytes.count > 50_000, "the picture is (nearly) blank")
    }

    @Test func chromiumLoadsAThousandBeadPage() throws {
        let folder = try temporaryFolder("review-chromium-long")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (alignment, sides) = ReviewPageTests.longAlignment(beads: 3_000)
        let html = folder.appendingPathComponent("long.html")
        try Data(ReviewPage(alignment: alignment, sides: sides).html().utf8).write(to: html)
        let clock = ContinuousClock()
        var dom: Chromium.Run?
        let elapsed = try clock.measure { dom = try Chromium.run(["--dump-dom", html.absoluteString], in: folder) }
        #expect(dom?.status == 0)
        #expect((dom?.stdout.components(separatedBy: "<tr id=\"b").count ?? 0) - 1 == 3_000)
        #expect(dom?.stdout.contains("data-ready=\"0\"") == true)
        #expect(elapsed < .seconds(60), "3,000 beads took \(elapsed) to load")
    }
}

/// Headless Chromium, found in PATH.
enum Chromium {
    static let executable: URL? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }.first

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs headless Chromium with a profile in `folder`; output goes through files so nothing blocks.
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let executable = try #require(executable)
        let out = folder.appendingPathComponent("chromium.stdout"), err = folder.appendingPathComponent("chromium.stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
