import Foundation
import Testing
@testable import Triglot

/// The data files compiled into the library (`BundledData`), and the tool that needs nothing beside it.
@Suite struct BundledDataTests {
    static let resources = TestPaths.packageRoot.appendingPathComponent("Sources/Triglot/Resources")

    /// The files of `Sources/Triglot/Resources/`, hidden ones left out, as paths inside it.
    static func filesInSourceTree() throws -> [String] {
        let walker = try #require(FileManager.default.enumerator(at: resources, includingPropertiesForKeys: [.isRegularFileKey],
                                                                 options: [.skipsHiddenFiles]))
        var names: [String] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            names.append(String(url.standardizedFileURL.path.dropFirst(resources.standardizedFileURL.path.count + 1)))
        }
        return names.sorted()
    }

    @Test func everyFileOfTheResourcesFolderIsCompiledInByteForByte() throws {
        let names = try Self.filesInSourceTree()
        #expect(BundledData.names == names)
        for name in names {
            let onDisk = try Data(contentsOf: Self.resources.appendingPathComponent(name))
            #expect(try BundledData.data(named: name) == onDisk, "\(name) differs from the source tree: rebuild")
        }
    }

    @Test func everyFileTheLibraryReadsIsCompiledIn() throws {
        try BundledData.check()
        #expect(Set(BundledData.required).isSubset(of: BundledData.names))
        // Names the library asks for by literal, found in its sources, are all on the list `check()` verifies.
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources/Triglot")
        let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let pattern = try Regex(#"lines\(named: "([^"]+)", extension: "([^"]+)"\)|BundledData\.(?:data|text|lines)\(named: "([^"]+)"\)"#)
        var asked: Set<String> = []
        for case let url as URL in walker where url.pathExtension == "swift" && !url.path.contains("/Bundled/") {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring, let ext = match.output[2].substring { asked.insert("\(name).\(ext)") }
                if let name = match.output[3].substring, !name.contains("\\(") { asked.insert(String(name)) }
            }
        }
        #expect(asked.count >= 5)
        #expect(asked.subtracting(BundledData.required).isEmpty, "add to BundledData.required: \(asked.subtracting(BundledData.required).sorted())")
    }

    @Test func aMissingDataFileIsAThrownErrorThatSaysWhatToDo() throws {
        let error = #expect(throws: BundledDataError.self) { try BundledData.lines(named: "no-such-table.tsv") }
        let message = error?.description ?? ""
        #expect(message.contains("no-such-table.tsv"))
        #expect(message.contains("Sources/Triglot/Resources/"))
        #expect(message.contains("bodies.tsv"), "the message lists what the build holds")
        #expect(error?.errorDescription == message)
        // The tables built from data files never trap on a missing file: they read nothing.
        #expect(ResourceFile.lines(named: "no-such-table", extension: "tsv").isEmpty)
    }

    @Test func linesLeaveOutCommentsBlankLinesAndOuterSpace() throws {
        let lines = try BundledData.lines(named: "abbreviations.tsv")
        #expect(lines.contains("TP.\talways"))
        #expect(!lines.contains { $0.hasPrefix("#") || $0.isEmpty || $0.first?.isWhitespace == true })
        #expect(try BundledData.text(named: "abbreviations.tsv").hasPrefix("#"))
    }

    /// Lines as splitting the text by characters gives them.
    private func linesByCharacters(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let text = line.trimmingSpaces
            return text.isEmpty || text.hasPrefix("#") ? nil : text
        }
    }

    @Test func linesAreCutAtEveryLineBreakAsCharactersCutThem() throws {
        for name in BundledData.names {
            let text = try BundledData.text(named: name)
            #expect(try BundledData.lines(named: name) == linesByCharacters(text), "\(name)")
        }
        let awkward = "a\r\nb\rc\u{0B}d\u{0C}e\u{85}f\u{2028}g\u{2029}h\n\n  # note\n\t x\u{301} \n\n\u{301}y\r\n\r\n Tỉnh ủy\u{A0}\n#\n\u{2027}\u{2030}z\r"
        var bytes = Array(awkward.utf8)
        let lines = bytes.withUnsafeMutableBufferPointer { BundledData.contentLines(of: UnsafeBufferPointer($0)) }
        #expect(lines == linesByCharacters(awkward))
        #expect(lines.count == 12)
    }
}

/// A copy of the `triglot` executable, alone in an empty folder, with the build folder out of reach.
@Suite(.serialized) struct SelfContainedToolTests {
    static let seeds = TestPaths.corpus.appendingPathComponent("seeds")

    /// Copies the built tool alone into a new empty folder and returns the copy.
    static func loneCopy(_ name: String) throws -> (folder: URL, tool: URL) {
        let built = try #require(Tool.executable, "the triglot tool is not built beside the tests")
        let folder = try temporaryFolder(name)
        let copy = folder.appendingPathComponent("bin/triglot")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: built, to: copy)
        return (folder, copy)
    }

    /// Runs `tool` with `arguments` in `folder`, with an empty environment; when the system allows it (`unshare`
    /// into a private mount namespace), the build folder is covered by an empty file system for the run, so that
    /// nothing there, a stale `Triglot_Triglot.resources` included, can be read.
    static func run(_ tool: URL, _ arguments: [String], in folder: URL, hiding build: URL) throws -> (status: Int32, stdout: String, stderr: String, hidden: Bool) {
        let hide = canHideFolders
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        let quoted = ([tool.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        if hide {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            process.arguments = ["-rm", "/bin/sh", "-c", "mount -t tmpfs empty '\(build.path)' && exec \(quoted)"]
        } else {
            process.executableURL = tool
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        process.environment = [:]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8), hide)
    }

    /// Whether this system lets an unprivileged process cover a folder for itself (`unshare -rm`, util-linux).
    static let canHideFolders: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-rm", "/bin/sh", "-c", "mount -t tmpfs empty /mnt 2>/dev/null || mount -t tmpfs empty /tmp"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test func theToolAloneRunsEveryStageFromAnEmptyFolder() throws {
        let (folder, tool) = try Self.loneCopy("lone-tool")
        defer { try? FileManager.default.removeItem(at: folder) }
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        // The inputs are copied too: the corpus may sit inside the folder that is hidden.
        for name in ["000_623109171bdc0a9e.txt", "001_08ce92fcf796cfcd.txt"] {
            try FileManager.default.copyItem(at: Self.seeds.appendingPathComponent(name), to: work.appendingPathComponent(name))
        }
        let build = try #require(Tool.executable).deletingLastPathComponent()

        // `extract` used to stop with "Illegal instruction" (exit 132) when the resources folder was not found.
        let extract = try Self.run(tool, ["extract", "000_623109171bdc0a9e.txt", "--date", "2023-08-28"], in: work, hiding: build)
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(extract.stdout.contains("39-NQ/TW"))

        let process = try Self.run(tool, ["process", "000_623109171bdc0a9e.txt", "001_08ce92fcf796cfcd.txt"], in: work, hiding: build)
        #expect(process.status == 0, "\(process.stderr)")
        let record = try JSONDecoder().decode(ArticleRecord.self, from: Data(process.stdout.utf8))
        #expect(record.alignment.links(minimumConfidence: 0.7).count >= 30, "the bead model and lexicons are loaded")
        #expect(record.entities.contains { $0.value == "39-NQ/TW" && $0.mentions.count == 2 })

        let segment = try Self.run(tool, ["segment", "001_08ce92fcf796cfcd.txt", "--format", "jsonl"], in: work, hiding: build)
        #expect(segment.status == 0, "\(segment.stderr)")
        #expect(segment.stdout.contains("\"kind\":\"boilerplate\""), "the furniture list is loaded")

        let html = try Self.run(tool, ["align", "000_623109171bdc0a9e.txt", "001_08ce92fcf796cfcd.txt", "--format", "html"], in: work, hiding: build)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(try ParsedReviewPage(html.stdout).rows.count > 30)

        // Running from the build folder gives the same record as the copy alone.
        let reference = try Tool.run(["process", work.appendingPathComponent("000_623109171bdc0a9e.txt").path,
                                      work.appendingPathComponent("001_08ce92fcf796cfcd.txt").path])
        let referenceRecord = try JSONDecoder().decode(ArticleRecord.self, from: Data(reference.stdout.utf8))
        #expect(referenceRecord.alignment.beads == record.alignment.beads)
        #expect(referenceRecord.entities.map(\.value) == record.entities.map(\.value))
        // Where unshare is refused, the build folder stays visible; `theToolLooksForNoResourceBundle` then shows
        // the executable does not look there.
        if process.hidden { #expect(extract.hidden && segment.hidden && html.hidden) }
    }

    @Test func theToolLooksForNoResourceBundle() throws {
        let tool = try #require(Tool.executable)
        let bytes = try Data(contentsOf: tool)
        for needle in ["Triglot_Triglot.resources", BundledDataTests.resources.standardizedFileURL.path] {
            #expect(bytes.range(of: Data(needle.utf8)) == nil, "the executable still names \(needle)")
        }
    }
}
