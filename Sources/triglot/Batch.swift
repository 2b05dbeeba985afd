import ArgumentParser
import Foundation
import Triglot
import TriglotBatch

struct Batch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process a whole corpus into an SQLite store, or filter JSONL article bundles (--jsonl).",
        discussion: """
        With --store: reads every input (files; folders, walked for .txt and .jsonl files; JSONL files of \
        articles, one per line), segments it, finds which documents are versions of the same article (a manifest, \
        the same article id in a URL or an "article" field, file names differing by a language code, else shared \
        anchors), aligns and extracts each bundle, and stores it all. Rerunning skips what is stored; a run killed \
        at any moment can be run again. Inputs that cannot be read are recorded in the errors table and the batch \
        goes on; the exit status is 1 when any input failed in this run.

        With --jsonl: reads article bundles on standard input, one JSON object per line, and writes one line per \
        input line on standard output (the record, or the error), nothing else. See `JSONLFilter`.
        """
    )

    @Argument(help: "Files and folders to process (with --store).")
    var inputs: [String] = []

    @Option(help: "The SQLite store to create or complete.")
    var store: String?

    @Flag(help: "Filter mode: JSONL article bundles on stdin, one record or error per line on stdout.")
    var jsonl = false

    @Option(help: "A manifest of known correspondences: one article per line, its files separated by tabs.")
    var manifest: String?

    @Option(help: "Articles processed at once (default: one per core).")
    var jobs: Int?

    @Option(help: "Inputs larger than this many bytes are recorded as errors.")
    var maxBytes: Int = 64 << 20

    @Option(help: "Progress on standard error: auto (a bar on a terminal, lines otherwise), bar, lines, none.")
    var progress: ProgressStyle = .auto

    @Option(help: "auto (each bundle by its languages: the news bead model for Vietnamese, English and French, the classic scorers otherwise), news, or classic.")
    var aligner: AlignerChoice = .auto

    @Option(help: "A JSON file of aligner settings (AlignerConfiguration) for every bundle; overrides --aligner.")
    var config: String?

    func run() async throws {
        let style = progress.resolved
        if let jobs, jobs < 1 { printError("triglot: --jobs must be at least 1"); throw ExitCode(2) }
        let chosenAligner: Aligner?
        do {
            chosenAligner = try aligner.batchAligner(config: config)
        } catch {
            printError("triglot: \(error)")
            throw ExitCode(1)
        }
        if jsonl {
            guard store == nil, inputs.isEmpty else {
                printError("triglot: --jsonl reads standard input and writes standard output; it takes no files and no --store")
                throw ExitCode(2)
            }
            var filter = JSONLFilter()
            filter.maximumBytes = maxBytes
            if let jobs { filter.jobs = jobs }
            filter.processor.aligner = chosenAligner
            do {
                let result = try await filter.run(input: .standardInput, output: .standardOutput)
                if style != .none { printError("triglot: \(result.lines) lines, \(result.errors) errors") }
            } catch {
                printError("triglot: \(error)")
                throw ExitCode(1)
            }
            return
        }
        guard let store else {
            printError("triglot: give --store FILE.sqlite (or --jsonl for the filter mode)")
            throw ExitCode(2)
        }
        guard !inputs.isEmpty else { printError("triglot: give the files or folders to process"); throw ExitCode(2) }
        var options = BatchOptions()
        options.maximumBytes = maxBytes
        options.progress = ProgressDisplay(style: style).handler
        options.processor.aligner = chosenAligner
        if let jobs { options.jobs = jobs }
        if let manifest {
            do {
                options.manifest = try Manifest.read(path: manifest)
            } catch {
                printError("triglot: \(error)")
                throw ExitCode(1)
            }
        }
        let summary: BatchSummary
        do {
            summary = try await BatchRunner(options: options).run(inputs, store: Store(path: store))
        } catch {
            printError("triglot: \(store): \(error)")
            throw ExitCode(1)
        }
        if style != .none || summary.errors > 0 {
            printError(summary.description.split(separator: "\n").map { "triglot: " + $0 }.joined(separator: "\n"))
        }
        if summary.errors > 0 { throw ExitCode(1) }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a store's alignments and records: TMX 1.4b, Moses line-aligned files, JSONL records, TSV or HTML review pages.",
        discussion: """
        --format html writes one self-contained review page per record into --output FOLDER (record-ID.html, \
        with an index.html), or the page of --record ID alone (to standard output without --output).
        """
    )

    @Option(help: "The SQLite store written by `triglot batch`.")
    var store: String

    @Option(help: "tmx (one <tu> per linking bead, all its languages), moses (files per language pair), jsonl (records), tsv (beads), html (review pages).")
    var format: ExportFormat

    @Option(help: "For html: only this record (its id or key).")
    var record: String?

    @Option(help: "Write here instead of standard output (a folder for moses).")
    var output: String?

    @Option(help: "Leave out beads below this confidence.")
    var minConfidence: Double = 0

    func run() throws {
        if record != nil && format != .html {
            printError("triglot: --record applies to --format html only")
            throw ExitCode(2)
        }
        guard FileManager.default.fileExists(atPath: store) else {
            printError("triglot: \(store): no such store")
            throw ExitCode(1)
        }
        try reportingErrors {
            var exporter = Exporter(store: try Store(path: store))
            exporter.minimumConfidence = minConfidence
            if format == .moses {
                guard let output else { throw Failure(description: ExportError.needsFolder.description) }
                for (path, lines) in try exporter.moses(into: output) { printError("triglot: \(path): \(lines) lines") }
                return
            }
            if format == .html {
                if let output {
                    let pages = try exporter.html(into: output, record: record)
                    printError("triglot: \(pages.count) pages written to \(output)")
                } else if let record {
                    FileHandle.standardOutput.write(Data(try exporter.reviewPage(record: record).utf8))
                } else {
                    throw Failure(description: ExportError.needsFolderForPages.description)
                }
                return
            }
            let handle: FileHandle
            if let output {
                _ = FileManager.default.createFile(atPath: output, contents: nil)  // a failure shows in the handle below
                guard let file = FileHandle(forWritingAtPath: output) else { throw Failure(description: "\(output): cannot write") }
                handle = file
            } else {
                handle = .standardOutput
            }
            defer { if output != nil { try? handle.close() } }
            var pending = ""
            let sink: (String) throws -> Void = { piece in
                pending += piece
                if pending.utf8.count > 1 << 16 { try handle.write(contentsOf: Data(pending.utf8)); pending = "" }
            }
            switch format {
            case .tmx: try exporter.tmx(to: sink)
            case .jsonl: try exporter.jsonl(to: sink)
            case .tsv: try exporter.tsv(to: sink)
            case .moses, .html: break
            }
            try handle.write(contentsOf: Data(pending.utf8))
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
