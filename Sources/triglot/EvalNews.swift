import ArgumentParser
import Foundation
import Triglot

struct EvalNews: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news",
        abstract: "Score segmentation, alignment and extraction on news gold groups (corpus/news layout).",
        discussion: """
        Each FOLDER is a group (it holds source.json) or a folder of groups. Prints one table per stage, summed \
        over all groups (micro-average): unit boundaries and boilerplate units per language; strict and lax \
        alignment P/R/F1 per language pair with the gold units as input, end to end from the raw pages, and by \
        confidence level; extraction surface and value P/R/F1 per type and language. The scoring definitions are \
        in corpus/news/README.md.
        """
    )

    @Argument(help: "Group folders, or folders of groups.")
    var folders: [String]

    @Flag(help: "Print one JSON object (every group's scores and the totals) instead of tables.")
    var json = false

    @Flag(help: "List each group's figures, so the worst files are easy to find.")
    var perFile = false

    @Flag(help: "List every disagreement (boundaries, boilerplate, beads, mentions) under its group.")
    var verbose = false

    @Flag(help: "Align each language pair on its own, also in groups of three versions.")
    var pairwise = false

    @Flag(help: "Score groups of three versions by the three-way triples projected onto each pair (what process and batch store), rather than by each pair's own view.")
    var triples = false

    @Option(help: "A JSON file of aligner settings (AlignerConfiguration).")
    var config: String?

    @Option(help: "A lexicon file (Triglot's lexicon format) to use besides the shipped ones; repeatable.")
    var lexicon: [String] = []

    @Flag(help: "Leave out the table learned from the news corpus (hand-made lexicons only).")
    var withoutNewsTable = false

    @Option(help: "A bead model (JSON, from `triglot model learn`) to score beads with (default: the shipped one).")
    var model: String?

    @Flag(help: "Align with the classic length, anchor and word scorers instead of the bead model.")
    var classic = false

    @Flag(help: "Align every group once, learn a translation table from the confident links of all of them (no gold), and align again with it, as a batch does.")
    var learnFromCorpus = false

    /// Says on standard error how `what` (learned from the groups `learnedFrom`) is held out of the given `groups`
    /// it was learned from, when some of those it was learned from are not among the `available` ones: learned again
    /// from the others found for each group, or, with no other one found, used as it is.
    static func reportHoldingOut(_ what: String, learnedFrom: [String], groups: [NewsGroup], available: Set<String>) {
        let sources = Set(learnedFrom)
        let evaluated = groups.filter { sources.contains($0.id) }
        let found = sources.intersection(available)
        guard !evaluated.isEmpty else { return }
        if found.count <= 1 {
            printError("triglot: \(what) was learned from the given group \(evaluated[0].id), and none of the others it was "
                       + "learned from is found here: it is scored with \(what) as it is (not held out)")
        } else if found != sources {
            printError("triglot: \(what) was learned from \(sources.count) groups, \(sources.count - found.count) of them not found "
                       + "here: for each of the \(evaluated.count) given groups it is learned again from the \(found.count - 1) others found (leave one group out)")
        }
    }

    func run() async throws {
        do {
            let groups = try NewsGroup.read(folders)
            var evaluator = NewsEvaluator()
            evaluator.pairwise = pairwise
            evaluator.scoresTriples = triples
            if let config {
                // Settings from the file; the bead model unless the file names another or --classic is given.
                evaluator.configuration = try AlignerConfiguration.read(path: config)
                if evaluator.configuration.model == nil { evaluator.configuration.model = .standard }
            }
            if classic { evaluator.configuration.model = nil }
            if let model { evaluator.configuration.model = try BeadModel.read(path: model) }
            if withoutNewsTable { evaluator.lexicons = [.handMade] }
            evaluator.lexicons += try lexicon.map { try Lexicon(contentsOfFile: $0) }
            evaluator.trainingGroups = try evaluator.trainingGroups(for: groups, in: folders)
            if learnFromCorpus {
                let table = try evaluator.corpusTable(for: groups)
                printError("triglot: \(table.entries.count) entries learned from the groups' own alignments")
                evaluator.lexicons.append(table)
            }
            let available = Set(evaluator.trainingGroups.map(\.id))
            for learned in evaluator.lexicons where !learned.learnedFrom.isEmpty {
                Self.reportHoldingOut("a lexicon", learnedFrom: learned.learnedFrom, groups: groups, available: available)
            }
            if let trainedOn = evaluator.configuration.model?.trainedOn, !trainedOn.isEmpty {
                Self.reportHoldingOut("the bead model", learnedFrom: trainedOn, groups: groups, available: available)
            }
            let scores = try await Self.evaluate(groups, with: evaluator)
            let report = NewsReport(groups: scores)
            if json {
                let data = try JSONEncoder.stable(pretty: true).encode(report)
                FileHandle.standardOutput.write(data)
                FileHandle.standardOutput.write(Data("\n".utf8))
            } else {
                print(report.tables(perFile: perFile, verbose: verbose))
            }
        } catch {
            throw reported(error)
        }
    }

    /// Every group on all cores, results in input order.
    static func evaluate(_ groups: [NewsGroup], with evaluator: NewsEvaluator) async throws -> [NewsEvaluator.GroupScore] {
        try await withThrowingTaskGroup(of: (Int, NewsEvaluator.GroupScore).self) { tasks in
            for (k, group) in groups.enumerated() { tasks.addTask { (k, try evaluator.evaluate(group)) } }
            var results = [NewsEvaluator.GroupScore?](repeating: nil, count: groups.count)
            for try await (k, score) in tasks { results[k] = score }
            return results.compactMap { $0 }
        }
    }
}

/// Scores of every group and their sums, as printed by `triglot eval news`.
struct NewsReport: Encodable {
    struct Totals: Encodable {
        var segmentation: [String: NewsSegmentationScore] = [:]
        var alignment: [String: AlignmentScore] = [:]
        var endToEndAlignment: [String: AlignmentScore] = [:]
        var links: [String: [String: AlignmentScore]] = [:]
        var extraction = NewsExtractionScore()
        /// Per pair, how many groups have it.
        var pairFiles: [String: Int] = [:]
        var reliability = NewsEvaluator.Reliability()
    }

    var groups: [NewsEvaluator.GroupScore]
    var totals = Totals()

    init(groups: [NewsEvaluator.GroupScore]) {
        self.groups = groups
        for group in groups {
            for (k, v) in group.segmentation { totals.segmentation[k] = (totals.segmentation[k] ?? NewsSegmentationScore()) + v }
            for (k, v) in group.alignment {
                totals.alignment[k] = (totals.alignment[k] ?? AlignmentScore()) + v
                totals.pairFiles[k, default: 0] += 1
            }
            for (k, v) in group.endToEndAlignment { totals.endToEndAlignment[k] = (totals.endToEndAlignment[k] ?? AlignmentScore()) + v }
            for (pair, levels) in group.links {
                for (level, v) in levels {
                    totals.links[pair, default: [:]][level] = (totals.links[pair]?[level] ?? AlignmentScore()) + v
                }
            }
            totals.extraction = totals.extraction + group.extraction
            totals.reliability = totals.reliability + group.reliability
        }
        totals.segmentation = totals.segmentation.mapValues { var s = $0; s.errors = []; return s }
        totals.extraction.errors = []
    }

    private static let languageOrder = ["vi", "en", "fr"]
    private static let pairOrder = ["vi-en", "vi-fr", "en-fr"]

    private static func ordered(_ keys: some Collection<String>, by order: [String]) -> [String] {
        keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
    }

    private static func f(_ x: Double) -> String { String(format: "%.3f", x) }

    func tables(perFile: Bool, verbose: Bool) -> String {
        var out: [String] = []
        let texts = groups.reduce(0) { $0 + $1.segmentation.count }
        out.append("# News evaluation: \(groups.count) groups, \(texts) texts")
        out.append("")
        out.append("## Segmentation (raw pages)")
        out.append("| lang | gold boundaries | boundary P | R | F1 | inside lines F1 | boilerplate P | R | F1 |")
        out.append("|---|---|---|---|---|---|---|---|---|")
        var all = NewsSegmentationScore()
        for language in Self.ordered(totals.segmentation.keys, by: Self.languageOrder) {
            let s = totals.segmentation[language]!
            all = all + s
            out.append(Self.segmentationRow(language, s))
        }
        out.append(Self.segmentationRow("all", all))
        out.append("")
        out.append("## Alignment (strict and lax, vecalign's scorer)")
        out.append("| pair | files | gold links | strict P | R | F1 | lax P | R | F1 | end to end strict F1 | lax F1 |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        var allGold = AlignmentScore(), allEnd = AlignmentScore()
        for pair in Self.ordered(totals.alignment.keys, by: Self.pairOrder) {
            let s = totals.alignment[pair]!, e = totals.endToEndAlignment[pair] ?? AlignmentScore()
            allGold = allGold + s
            allEnd = allEnd + e
            out.append(Self.alignmentRow(pair, totals.pairFiles[pair] ?? 0, s, e))
        }
        out.append(Self.alignmentRow("all", totals.pairFiles.values.reduce(0, +), allGold, allEnd))
        out.append("")
        let levels = Set(totals.links.values.flatMap(\.keys)).sorted()
        if !levels.isEmpty {
            out.append("## Links by confidence (gold units as input; links kept at confidence ≥ level)")
            out.append("| pair | " + levels.map { "≥ \($0): links | strict P | R" }.joined(separator: " | ") + " |")
            out.append("|---|" + levels.map { _ in "---|---|---" }.joined(separator: "|") + "|")
            var sums: [String: AlignmentScore] = [:]
            for pair in Self.ordered(totals.links.keys, by: Self.pairOrder) {
                let row = levels.map { level -> String in
                    let s = totals.links[pair]?[level] ?? AlignmentScore()
                    sums[level] = (sums[level] ?? AlignmentScore()) + s
                    return "\(s.strictTruePositives + s.strictFalsePositives) | \(Self.f(s.strictPrecision)) | \(Self.f(s.strictRecall))"
                }
                out.append("| \(pair) | " + row.joined(separator: " | ") + " |")
            }
            out.append("| all | " + levels.map { level in
                let s = sums[level] ?? AlignmentScore()
                return "\(s.strictTruePositives + s.strictFalsePositives) | \(Self.f(s.strictPrecision)) | \(Self.f(s.strictRecall))"
            }.joined(separator: " | ") + " |")
            out.append("")
        }
        out.append("## Reliability of confidences (links, gold units as input)")
        out.append("| confidence | links | mean confidence | right |")
        out.append("|---|---|---|---|")
        for k in 0..<10 where totals.reliability.links[k] > 0 {
            let n = totals.reliability.links[k]
            out.append(String(format: "| %.1f–%.1f | %d | %.3f | %.3f |", Double(k) / 10, Double(k + 1) / 10, n,
                              totals.reliability.confidence[k] / Double(n), Double(totals.reliability.right[k]) / Double(n)))
        }
        out.append("")
        out.append("## Extraction (raw pages; mentions in gold boilerplate dropped)")
        out.append("| type | lang | gold | found | surface P | R | F1 | value P | R | F1 |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for type in NewsExtractionScore.types {
            var sum = NewsExtractionScore.Cell()
            for language in Self.languageOrder {
                guard let cell = totals.extraction.cells[.init(type: type, language: Language(code: language)!)] else { continue }
                sum = sum + cell
                out.append(Self.extractionRow(type.rawValue, language, cell))
            }
            out.append(Self.extractionRow(type.rawValue, "all", sum))
        }
        if perFile || verbose {
            out.append("")
            out.append("## Per group")
            out.append("| group | boundary F1 by lang | boilerplate F1 | strict F1 by pair (end to end) | dates / bodies / refs surface F1 |")
            out.append("|---|---|---|---|---|")
            for group in groups {
                let seg = Self.ordered(group.segmentation.keys, by: Self.languageOrder)
                    .map { "\($0) \(Self.f(group.segmentation[$0]!.boundaries.f1))" }.joined(separator: ", ")
                let boiler = Self.ordered(group.segmentation.keys, by: Self.languageOrder)
                    .map { "\($0) \(Self.f(group.segmentation[$0]!.boilerplate.f1))" }.joined(separator: ", ")
                let align = Self.ordered(group.alignment.keys, by: Self.pairOrder).map {
                    "\($0) \(Self.f(group.alignment[$0]!.strictF1)) (\(Self.f(group.endToEndAlignment[$0]?.strictF1 ?? 0)))"
                }.joined(separator: ", ")
                let extraction = NewsExtractionScore.types.map { Self.f(group.extraction.total($0).surface.f1) }.joined(separator: " / ")
                out.append("| \(group.group) | \(seg) | \(boiler) | \(align) | \(extraction) |")
                if verbose {
                    let errors = group.segmentation.keys.sorted().flatMap { group.segmentation[$0]!.errors }
                        + group.alignmentErrors + group.extraction.errors
                    for error in errors { out.append("    \(error)") }
                }
            }
        }
        return out.joined(separator: "\n")
    }

    private static func segmentationRow(_ label: String, _ s: NewsSegmentationScore) -> String {
        "| \(label) | \(s.boundaries.expected) | \(f(s.boundaries.precision)) | \(f(s.boundaries.recall)) | "
            + "\(f(s.boundaries.f1)) | \(f(s.boundariesInsideLines.f1)) | \(f(s.boilerplate.precision)) | "
            + "\(f(s.boilerplate.recall)) | \(f(s.boilerplate.f1)) |"
    }

    private static func alignmentRow(_ label: String, _ files: Int, _ s: AlignmentScore, _ e: AlignmentScore) -> String {
        "| \(label) | \(files) | \(s.strictRecalled + s.strictMissed) | \(f(s.strictPrecision)) | \(f(s.strictRecall)) | "
            + "\(f(s.strictF1)) | \(f(s.laxPrecision)) | \(f(s.laxRecall)) | \(f(s.laxF1)) | \(f(e.strictF1)) | \(f(e.laxF1)) |"
    }

    private static func extractionRow(_ type: String, _ language: String, _ c: NewsExtractionScore.Cell) -> String {
        "| \(type) | \(language) | \(c.surface.expected) | \(c.surface.predicted) | \(f(c.surface.precision)) | "
            + "\(f(c.surface.recall)) | \(f(c.surface.f1)) | \(f(c.value.precision)) | \(f(c.value.recall)) | \(f(c.value.f1)) |"
    }
}
