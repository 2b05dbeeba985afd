import ArgumentParser
import Foundation
import Triglot

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark Triglot on public gold sets, beside the published figures of other tools.",
        subcommands: [BenchAlign.self]
    )
}

struct BenchAlign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align every document of the public gold sets, score it and time it; one table per set.",
        discussion: """
        Reads the vecalign-layout sets that Benchmarks/data/fetch.sh lays out (<set>/<lang>/<doc>.txt, \
        <set>/gold/<doc>.txt) and the news gold groups (news-dev, corpus/news) when present. Each document is \
        aligned on one thread, scored strictly and laxly (Sennrich & Volk 2010, as vecalign's score.py), and timed \
        (alignment only). Prints one markdown table per set, Triglot's row beside the published figures of \
        Gale–Church, hunalign, Vecalign and Bertalign, then a summary table.

        Data folder, when --data is not given: $TRIGLOT_ALIGNMENT_DATA, else Benchmarks/data/sets, else \
        ../shared/data/alignment (the first that exists). News sets, when --news is not given: DATA/news-dev, \
        DATA/../news-dev and corpus/news, those that exist.
        """
    )

    @Option(help: "The folder holding the vecalign-layout sets (default: the first that exists of $TRIGLOT_ALIGNMENT_DATA, Benchmarks/data/sets, ../shared/data/alignment).")
    var data: String?

    @Option(parsing: .upToNextOption,
            help: "The sets to run, by name (comma- or space-separated; default: every set present). Names: the standard sets and the news sets' folder names.")
    var sets: [String] = []

    @Option(help: "A folder of news gold groups to run as a set named after the folder (repeatable; replaces the default news sets).")
    var news: [String] = []

    @Flag(help: "Print one JSON object instead of markdown tables.")
    var json = false

    @Option(help: "A JSON file of aligner settings (AlignerConfiguration), to benchmark your own settings.")
    var alignerConfig: String?

    @Option(help: "Write every test alignment in vecalign format to this folder: SET/DOC.txt, and SET/GROUP/PAIR.txt for news sets.")
    var outputDir: String?

    func run() throws {
        try reportingErrors {
            let data = try dataFolder()
            let newsFolders = self.newsFolders(data: data)
            let plan = try selection(data: data, newsFolders: newsFolders)
            let configuration = try alignerConfig.map { try AlignerConfiguration.read(path: $0) }
            let aligner = configuration?.aligner ?? Aligner()

            var alignmentEntries: [AlignmentBenchmarkReport.AlignmentEntry] = []
            let benchmark = AlignmentBenchmark(aligner: aligner)
            for set in plan.alignmentSets {
                let documents = try set.documents(in: data)
                printError("triglot bench: \(set.name): \(documents.count) document\(documents.count == 1 ? "" : "s")")
                var results: [AlignmentBenchmark.DocumentResult] = []
                for document in documents {
                    let result = benchmark.run(document, in: set)
                    try write(result.beads, to: [set.name, document.name + ".txt"])
                    results.append(result)
                }
                alignmentEntries.append(.init(set: set, result: AlignmentSetResult(set: set.name, documents: results)))
            }

            var newsEntries: [AlignmentBenchmarkReport.NewsEntry] = []
            for (name, folder) in plan.newsSets {
                let groups = try NewsGroup.read([folder])
                // Aligned as `triglot eval news` aligns them, with the same settings and lexicons.
                var evaluator = NewsEvaluator()
                if let configuration { evaluator.configuration = configuration }
                evaluator.trainingGroups = groups
                let newsBenchmark = NewsAlignmentBenchmark(evaluator: evaluator)
                printError("triglot bench: \(name): \(groups.count) news group\(groups.count == 1 ? "" : "s")")
                var results: [NewsAlignmentBenchmark.GroupResult] = []
                for group in groups {
                    let result = try newsBenchmark.run(group)
                    for pair in result.pairs { try write(pair.beads, to: [name, group.id, "\(pair.pair).txt"]) }
                    results.append(result)
                }
                newsEntries.append(.init(name: name, result: NewsSetResult(set: name, groups: results)))
            }

            let report = AlignmentBenchmarkReport(data: data, alignerConfiguration: alignerConfig,
                                                  alignmentSets: alignmentEntries, newsSets: newsEntries,
                                                  absent: plan.absent)
            if json {
                FileHandle.standardOutput.write(try JSONEncoder.stable(pretty: true).encode(report))
                FileHandle.standardOutput.write(Data("\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(report.markdown.utf8))
            }
        }
    }

    /// The sets to run, and the standard sets left out because the data folder lacks them.
    private struct Plan {
        var alignmentSets: [AlignmentGoldSet] = []
        var newsSets: [(name: String, folder: String)] = []
        var absent: [String] = []
    }

    private func selection(data: String, newsFolders: [(name: String, folder: String)]) throws -> Plan {
        var plan = Plan()
        let requested = sets.flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces }
            .filter { !$0.isEmpty }
        if requested.isEmpty {
            plan.alignmentSets = AlignmentGoldSet.standard.filter { $0.isPresent(in: data) }
            plan.absent = AlignmentGoldSet.standard.filter { !$0.isPresent(in: data) }.map(\.name)
            plan.newsSets = newsFolders
        } else {
            let known = AlignmentGoldSet.standard.map(\.name) + newsFolders.map(\.name)
            for name in requested where !known.contains(name) {
                throw Failure(description: "no set named \(name); sets: \(known.joined(separator: ", "))")
            }
            for set in AlignmentGoldSet.standard where requested.contains(set.name) {
                guard set.isPresent(in: data) else {
                    throw Failure(description: "\(set.name) is not in \(data): run Benchmarks/data/fetch.sh \(set.name), or give --data")
                }
                plan.alignmentSets.append(set)
            }
            plan.newsSets = newsFolders.filter { requested.contains($0.name) }
        }
        guard !plan.alignmentSets.isEmpty || !plan.newsSets.isEmpty else {
            throw Failure(description: "no gold sets in \(data): run Benchmarks/data/fetch.sh to download them, or give --data")
        }
        return plan
    }

    /// `--data`, else the first existing of $TRIGLOT_ALIGNMENT_DATA, Benchmarks/data/sets and ../shared/data/alignment.
    private func dataFolder() throws -> String {
        if let data {
            guard Self.isFolder(data) else { throw Failure(description: "--data \(data): no such folder") }
            return data
        }
        var candidates = ["Benchmarks/data/sets", "../shared/data/alignment"]
        if let fromEnvironment = ProcessInfo.processInfo.environment["TRIGLOT_ALIGNMENT_DATA"], !fromEnvironment.isEmpty {
            candidates.insert(fromEnvironment, at: 0)
        }
        guard let found = candidates.first(where: Self.isFolder) else {
            throw Failure(description: "no gold sets found (looked in \(candidates.joined(separator: ", "))): "
                + "run Benchmarks/data/fetch.sh to download them, or give --data")
        }
        return found
    }

    /// `--news`, else those of DATA/news-dev, DATA/../news-dev and corpus/news that exist; one per name.
    private func newsFolders(data: String) -> [(name: String, folder: String)] {
        let candidates = news.isEmpty
            ? [(data as NSString).appendingPathComponent("news-dev"),
               ((data as NSString).deletingLastPathComponent as NSString).appendingPathComponent("news-dev"),
               "corpus/news"].filter(Self.isFolder)
            : news
        var result: [(name: String, folder: String)] = []
        for folder in candidates {
            let name = ((folder as NSString).standardizingPath as NSString).lastPathComponent
            if !result.contains(where: { $0.name == name }) { result.append((name, folder)) }
        }
        return result
    }

    /// Writes beads in vecalign format (`[0, 1]:[2]:0.931`) under --output-dir, when given.
    private func write(_ beads: [VecalignFormat.Line], to components: [String]) throws {
        guard let outputDir else { return }
        let url = components.reduce(URL(fileURLWithPath: outputDir)) { $0.appendingPathComponent($1) }
        let text = beads.map { VecalignFormat.line($0) + "\n" }.joined()
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw Failure(description: "\(url.path): cannot write the alignment (\(error.localizedDescription))")
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
