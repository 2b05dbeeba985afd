import Foundation
import Testing

/// The DocC catalogs of Triglot and TriglotBatch, checked against the built modules with the toolchain's own
/// `swift-symbolgraph-extract` and `docc` (what `swift package generate-documentation` runs), in seconds and offline.
@Suite(.serialized, .enabled(if: Documentation.toolsFound, "needs swift-symbolgraph-extract and docc from the Swift toolchain"))
struct DocumentationTests {
    @Test(arguments: ["Triglot", "TriglotBatch"])
    func everyPublicSymbolIsDocumented(module: String) throws {
        let graphs = try Documentation.symbolGraphs(of: module)
        defer { try? FileManager.default.removeItem(at: graphs) }
        let extensions = try Documentation.extendedSymbols(in: Documentation.catalog(of: module))
        let data = try Data(contentsOf: graphs.appendingPathComponent("\(module).symbols.json"))
        let graph = try JSONDecoder().decode(Documentation.SymbolGraph.self, from: data)
        // Symbols declared in the package's sources (not synthesized, not inherited from other modules).
        let declared = graph.symbols.filter { $0.location?.uri.contains("/Sources/\(module)/") == true }
        #expect(declared.count > 20)
        let undocumented = declared.filter { symbol in
            symbol.docComment == nil && !extensions.contains(([module] + symbol.pathComponents).joined(separator: "/"))
        }.map { symbol -> String in
            let file = symbol.location.map { String($0.uri.split(separator: "/Sources/").last ?? "") } ?? "?"
            return "\(file):\((symbol.location?.position.line ?? 0) + 1) \(symbol.pathComponents.joined(separator: "."))"
        }.sorted()
        #expect(undocumented.isEmpty, "\(undocumented.count) public symbols without documentation:\n\(undocumented.joined(separator: "\n"))")
    }

    @Test(arguments: ["Triglot", "TriglotBatch"])
    func catalogBuildsWithoutWarnings(module: String) throws {
        let graphs = try Documentation.symbolGraphs(of: module)
        defer { try? FileManager.default.removeItem(at: graphs) }
        let output = graphs.appendingPathComponent("\(module).doccarchive")
        let run = try Documentation.run(Documentation.docc!, [
            "convert", Documentation.catalog(of: module).path, "--additional-symbol-graph-dir", graphs.path,
            "--output-path", output.path, "--fallback-display-name", module, "--fallback-bundle-identifier", module,
            "--warnings-as-errors",
        ])
        #expect(run.status == 0, "docc failed:\n\(run.output.suffix(6000))")
        #expect(!run.output.contains("warning:"), "\(run.output.suffix(6000))")
        let pages = output.appendingPathComponent("data/documentation/\(module.lowercased())")
        #expect(FileManager.default.fileExists(atPath: pages.path), "no pages written")
    }

    @Test func articlesAreInTheCatalogs() throws {
        let triglot = try FileManager.default.contentsOfDirectory(atPath: Documentation.catalog(of: "Triglot").path)
        for article in ["Triglot.md", "GettingStarted.md", "Conventions.md", "Evaluation.md", "ReviewingAlignments.md"] {
            #expect(triglot.contains(article))
        }
        let batch = try FileManager.default.contentsOfDirectory(atPath: Documentation.catalog(of: "TriglotBatch").path)
        #expect(batch.contains("TriglotBatch.md") && batch.contains("BatchAndClusters.md"))
        // The one-call API is shown where Swift users look first.
        let gettingStarted = try String(contentsOf: Documentation.catalog(of: "Triglot").appendingPathComponent("GettingStarted.md"),
                                        encoding: .utf8)
        #expect(gettingStarted.contains("try Triglot.process(["))
    }
}

/// Finding the tools and the build, extracting symbol graphs, reading catalogs.
enum Documentation {
    static let symbolGraphExtract = toolchainTool("swift-symbolgraph-extract")
    static let docc = toolchainTool("docc")
    static let toolsFound = symbolGraphExtract != nil && docc != nil && Tool.executable != nil

    /// A tool of the Swift toolchain: in PATH, or beside the `swift` in PATH.
    static func toolchainTool(_ name: String) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map {
            URL(fileURLWithPath: String($0))
        }
        return folders.map { $0.appendingPathComponent(name) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The catalog of `module` in the source tree.
    static func catalog(of module: String) -> URL {
        TestPaths.packageRoot.appendingPathComponent("Sources/\(module)/\(module).docc")
    }

    /// Symbol graphs of `module`'s public symbols, from the build beside the tests, in a new folder.
    static func symbolGraphs(of module: String) throws -> URL {
        let build = try #require(Tool.executable).deletingLastPathComponent()
        let scratch = build.deletingLastPathComponent().deletingLastPathComponent()
        let checkouts = scratch.appendingPathComponent("checkouts")
        var maps = [build.appendingPathComponent("TriglotICU.build/module.modulemap").path]
        if let walker = FileManager.default.enumerator(atPath: checkouts.appendingPathComponent("GRDB.swift/Sources").path) {
            for case let path as String in walker where path.hasSuffix("module.modulemap") {
                maps.append(checkouts.appendingPathComponent("GRDB.swift/Sources/\(path)").path)
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #if arch(x86_64)
        let target = "x86_64-unknown-linux-gnu"
        #else
        let target = "aarch64-unknown-linux-gnu"
        #endif
        let run = try run(try #require(symbolGraphExtract), [
            "-module-name", module, "-I", build.appendingPathComponent("Modules").path, "-target", target,
            "-minimum-access-level", "public", "-skip-synthesized-members", "-output-dir", folder.path,
        ] + maps.flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] })
        #expect(run.status == 0, "swift-symbolgraph-extract failed: \(run.output.suffix(3000))")
        return folder
    }

    /// The symbols documented by extension files of `catalog` (`# ``Module/Type/member`` ` titles), as paths.
    static func extendedSymbols(in catalog: URL) throws -> Set<String> {
        var symbols: Set<String> = []
        guard let walker = FileManager.default.enumerator(at: catalog, includingPropertiesForKeys: nil) else { return symbols }
        for case let url as URL in walker where url.pathExtension == "md" {
            let text = try String(contentsOf: url, encoding: .utf8)
            guard let title = text.split(separator: "\n").first, title.hasPrefix("# ``"), title.hasSuffix("``") else { continue }
            // A link may carry a disambiguation suffix (`-swift.struct`, `-4xj7a`); symbol paths do not.
            let path = title.dropFirst(4).dropLast(2).split(separator: "/").map { component in
                component.replacingOccurrences(of: #"-(swift\.[a-z.]+|[0-9a-z]{4,6})$"#, with: "", options: .regularExpression)
            }
            symbols.insert(path.joined(separator: "/"))
        }
        return symbols
    }

    /// Runs `tool` to its end, standard output and error together.
    static func run(_ tool: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// The parts of a symbol graph the coverage check reads.
    struct SymbolGraph: Decodable {
        struct Symbol: Decodable {
            struct Location: Decodable {
                struct Position: Decodable { var line: Int }
                var uri: String
                var position: Position
            }
            struct DocComment: Decodable {}
            var pathComponents: [String]
            var location: Location?
            var docComment: DocComment?
        }
        var symbols: [Symbol]
    }
}
