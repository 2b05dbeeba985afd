import Foundation

/// What `triglot bench align` found: Triglot's scores and speed on every gold set run, beside the published figures
/// of other aligners; rendered as markdown tables (``markdown``) or encoded as JSON.
public struct AlignmentBenchmarkReport: Sendable, Codable {
    /// Precision, recall and F1 of a score, spelled out for JSON readers.
    public struct Figures: Sendable, Codable, Equatable {
        /// Strict precision, recall and F1.
        public var strictPrecision, strictRecall, strictF1: Double
        /// Lax precision, recall and F1.
        public var laxPrecision, laxRecall, laxF1: Double

        /// The ratios of `score`.
        public init(_ score: AlignmentScore) {
            strictPrecision = score.strictPrecision
            strictRecall = score.strictRecall
            strictF1 = score.strictF1
            laxPrecision = score.laxPrecision
            laxRecall = score.laxRecall
            laxF1 = score.laxF1
        }
    }

    /// A vecalign-layout set run.
    public struct AlignmentEntry: Sendable, Codable {
        /// The set run.
        public var set: AlignmentGoldSet
        /// Triglot's counts, sentences and time on it.
        public var result: AlignmentSetResult
        /// Triglot's ratios on it.
        public var figures: Figures
        /// Sentences of both sides aligned per second.
        public var sentencesPerSecond: Double
        /// Other aligners' figures on the set.
        public var published: [PublishedAlignmentFigure]

        /// An entry for `set`; `published` defaults to the bundled figures for it.
        public init(set: AlignmentGoldSet, result: AlignmentSetResult,
                    published: [PublishedAlignmentFigure]? = nil) {
            self.set = set
            self.result = result
            figures = Figures(result.score)
            sentencesPerSecond = result.sentencesPerSecond
            self.published = published ?? PublishedAlignmentFigure.figures(for: set.name)
        }
    }

    /// A news set run (gold units as input).
    public struct NewsEntry: Sendable, Codable {
        /// The set's name (its folder's name: `news-dev`, `news`).
        public var name: String
        /// Triglot's counts, per pair and in all, units and time.
        public var result: NewsSetResult
        /// Per pair, in the result's order, then all pairs.
        public var figures: [String: Figures]
        /// Units aligned per second.
        public var sentencesPerSecond: Double
        /// Other aligners' figures on the set, per pair and for all pairs.
        public var published: [PublishedAlignmentFigure]

        /// An entry for the news set `name`; `published` defaults to the bundled figures for it.
        public init(name: String, result: NewsSetResult, published: [PublishedAlignmentFigure]? = nil) {
            self.name = name
            self.result = result
            var figures: [String: Figures] = ["all": Figures(result.all)]
            for pair in result.pairs { figures[pair.pair.description] = Figures(pair.score) }
            self.figures = figures
            sentencesPerSecond = result.sentencesPerSecond
            self.published = published ?? PublishedAlignmentFigure.all.filter { $0.set == name }
        }
    }

    /// Where the vecalign-layout sets were read from.
    public var data: String
    /// The aligner settings file, when not the defaults.
    public var alignerConfiguration: String?
    /// The vecalign-layout sets run, in the order of ``AlignmentGoldSet/standard``.
    public var alignmentSets: [AlignmentEntry]
    /// The news sets run.
    public var newsSets: [NewsEntry]
    /// Standard sets that were not run because the data folder does not hold them.
    public var absent: [String]

    /// A report of the sets run.
    public init(data: String, alignerConfiguration: String? = nil, alignmentSets: [AlignmentEntry],
                newsSets: [NewsEntry] = [], absent: [String] = []) {
        self.data = data
        self.alignerConfiguration = alignerConfiguration
        self.alignmentSets = alignmentSets
        self.newsSets = newsSets
        self.absent = absent
    }

    /// One table per set (Triglot's row first, then the published figures with their sources), then a summary
    /// table of strict F1 with one column per aligner when more than one set was run.
    public var markdown: String {
        var out: [String] = []
        out.append("# Alignment benchmarks")
        out.append("")
        out.append("Strict F1 and lax F1 as vecalign's score.py computes them (Sennrich & Volk 2010), counts summed over "
            + "each set's documents. Speed: sentences of both sides aligned per second, alignment only, one thread. "
            + "Data: `\(data)`. Aligner: "
            + (alignerConfiguration.map { "settings of `\($0)`." } ?? "default settings."))
        if !absent.isEmpty {
            out.append("Not run, not in the data folder: \(absent.joined(separator: ", ")) (`Benchmarks/data/fetch.sh` gets them).")
        }
        for entry in alignmentSets { out += [""] + Self.table(entry) }
        for entry in newsSets { out += [""] + Self.table(entry) }
        if alignmentSets.count + newsSets.count > 1 { out += [""] + summary }
        return out.joined(separator: "\n") + "\n"
    }

    private static func table(_ entry: AlignmentEntry) -> [String] {
        let set = entry.set, result = entry.result, score = result.score
        var out = ["## \(set.name): \(set.sourceLanguage)→\(set.targetLanguage), \(counted(result.documents, "document")), "
            + "\(grouped(result.sentences)) sentences"]
        if !set.summary.isEmpty { out.append(set.summary + ".") }
        out.append("")
        out.append("| aligner | strict F1 | lax F1 | sentences/s | figure from |")
        out.append("|---|---|---|---|---|")
        out.append("| **Triglot** | **\(f1(score.strictF1))** | \(f1(score.laxF1)) | \(grouped(Int(result.sentencesPerSecond.rounded()))) | "
            + "this run: strict P \(f1(score.strictPrecision)), R \(f1(score.strictRecall)); \(seconds(result.seconds)) |")
        for figure in entry.published {
            out.append("| \(name(figure)) | \(strict(figure)) | \(figure.laxF1.map(f1) ?? "—") | "
                + "\(figure.sentencesPerSecond.map { "≈" + grouped(Int($0.rounded())) } ?? "—") | \(figure.source) |")
        }
        return out
    }

    private static func table(_ entry: NewsEntry) -> [String] {
        let result = entry.result
        let parts = result.pairs.map(\.pair.description) + ["all"]
        var out = ["## \(entry.name): news gold groups, gold units as input, \(counted(result.groups, "group")), "
            + "\(grouped(result.sentences)) units"]
        out.append("Strict F1 (lax in brackets) per language pair; \"all\" sums the pairs' counts.")
        out.append("")
        out.append("| aligner | " + parts.map { part in
            let groups = result.pairs.first { $0.pair.description == part }?.groups
            return groups.map { "\(part) (\(counted($0, "group")))" } ?? part
        }.joined(separator: " | ") + " | sentences/s | figure from |")
        out.append("|---|" + parts.map { _ in "---|" }.joined() + "---|---|")
        let triglot = parts.map { part -> String in
            let score = part == "all" ? result.all : result.pairs.first { $0.pair.description == part }!.score
            return "\(f1(score.strictF1)) (\(f1(score.laxF1)))"
        }
        out.append("| **Triglot** | " + triglot.joined(separator: " | ")
            + " | \(grouped(Int(result.sentencesPerSecond.rounded()))) | this run; \(seconds(result.seconds)) |")
        // One row per aligner and variant, in file order.
        var rows: [(key: String, figures: [PublishedAlignmentFigure])] = []
        for figure in entry.published {
            let key = name(figure)
            if let k = rows.firstIndex(where: { $0.key == key }) { rows[k].figures.append(figure) } else { rows.append((key, [figure])) }
        }
        for row in rows {
            let cells = parts.map { part in row.figures.first { ($0.part ?? "all") == part }.map(strict) ?? "—" }
            out.append("| \(row.key) | " + cells.joined(separator: " | ") + " | — | \(row.figures[0].source) |")
        }
        return out
    }

    /// Strict F1 of every set, one column per aligner (its best figure when the data gives several, run in
    /// different ways), Triglot's lax F1 in brackets.
    private var summary: [String] {
        let aligners = PublishedAlignmentFigure.aligners
        var out = ["## Summary: strict F1 (Triglot's lax F1 in brackets; for other aligners, the best of their runs)", ""]
        out.append("| set | Triglot | " + aligners.joined(separator: " | ") + " | Triglot sentences/s |")
        out.append("|---|---|" + aligners.map { _ in "---|" }.joined() + "---|")
        func cells(_ figures: [PublishedAlignmentFigure]) -> String {
            aligners.map { aligner in
                figures.filter { $0.aligner == aligner }.max { $0.strictF1.upperBound < $1.strictF1.upperBound }
                    .map(Self.strict) ?? "—"
            }.joined(separator: " | ")
        }
        for entry in alignmentSets {
            let score = entry.result.score
            out.append("| \(entry.set.name) | **\(Self.f1(score.strictF1))** (\(Self.f1(score.laxF1))) | \(cells(entry.published)) | "
                + "\(Self.grouped(Int(entry.sentencesPerSecond.rounded()))) |")
        }
        for entry in newsSets {
            let score = entry.result.all
            out.append("| \(entry.name) (all pairs) | **\(Self.f1(score.strictF1))** (\(Self.f1(score.laxF1))) | "
                + "\(cells(entry.published.filter { $0.part == "all" })) | \(Self.grouped(Int(entry.sentencesPerSecond.rounded()))) |")
        }
        return out
    }

    private static func name(_ figure: PublishedAlignmentFigure) -> String {
        figure.variant.map { "\(figure.aligner) (\($0))" } ?? figure.aligner
    }

    private static func strict(_ figure: PublishedAlignmentFigure) -> String {
        figure.strictF1.lowerBound == figure.strictF1.upperBound
            ? f1(figure.strictF1.lowerBound) : "\(f1(figure.strictF1.lowerBound))–\(f1(figure.strictF1.upperBound))"
    }

    /// `.852`, `1.000`: three decimals, without the leading zero, as papers print F1.
    static func f1(_ value: Double) -> String {
        let text = String(format: "%.3f", value)
        return text.hasPrefix("0.") ? String(text.dropFirst()) : text
    }

    /// `12,345`, whatever the locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (k, digit) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `1 group`, `15 groups`.
    private static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
}
