import Foundation

/// A figure another sentence aligner scores on a gold set, with where it comes from
/// (`Resources/published-alignment-figures.tsv`), printed beside Triglot's own by `triglot bench align`.
public struct PublishedAlignmentFigure: Sendable, Codable, Equatable {
    /// The gold set's name (``AlignmentGoldSet/name``, or a news set such as `news-dev`).
    public var set: String
    /// For news sets, the language pair (`vi-en`) or `all`; `nil` for the whole set.
    public var part: String?
    /// The aligner (`Gale–Church`, `hunalign`, `Vecalign`, …).
    public var aligner: String
    /// How it was run, when that matters (`LaBSE`, `no dictionary`).
    public var variant: String?
    /// Strict F1, or the range two runs gave (a single value is a range of one).
    public var strictF1: ClosedRange<Double>
    /// Lax F1, when known.
    public var laxF1: Double?
    /// Sentences of both sides aligned per second, when known.
    public var sentencesPerSecond: Double?
    /// Where the figure comes from.
    public var source: String

    /// A figure; see the properties.
    public init(set: String, part: String? = nil, aligner: String, variant: String? = nil, strictF1: ClosedRange<Double>,
                laxF1: Double? = nil, sentencesPerSecond: Double? = nil, source: String) {
        self.set = set
        self.part = part
        self.aligner = aligner
        self.variant = variant
        self.strictF1 = strictF1
        self.laxF1 = laxF1
        self.sentencesPerSecond = sentencesPerSecond
        self.source = source
    }

    /// Every figure of the bundled file, in file order.
    public static let all: [PublishedAlignmentFigure] = {
        ResourceFile.lines(named: "published-alignment-figures", extension: "tsv").map { line in
            guard let figure = PublishedAlignmentFigure(tsvLine: line) else {
                preconditionFailure("published-alignment-figures.tsv: bad line \(line)")
            }
            return figure
        }
    }()

    /// The figures for `set` (and, for news sets, `part`), in file order.
    public static func figures(for set: String, part: String? = nil) -> [PublishedAlignmentFigure] {
        all.filter { $0.set == set && $0.part == part }
    }

    /// The aligners named in the file, in order of first appearance (the columns of the summary table).
    public static var aligners: [String] {
        var seen: [String] = []
        for figure in all where !seen.contains(figure.aligner) { seen.append(figure.aligner) }
        return seen
    }

    /// Reads one line of the file: set, part, aligner, variant, strict F1 (`a` or `a..b`), lax F1, sentences per
    /// second, source; `-` for none.
    init?(tsvLine line: String) {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map {
            $0.trimmingSpaces
        }
        guard columns.count == 8, !columns[0].isEmpty, !columns[2].isEmpty, !columns[7].isEmpty else { return nil }
        func optional(_ text: String) -> String? { text == "-" || text.isEmpty ? nil : text }
        let bounds = columns[4].components(separatedBy: "..").map { Double($0) }
        guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil, low <= high else {
            return nil
        }
        var lax: Double?
        if let text = optional(columns[5]) {
            guard let value = Double(text) else { return nil }
            lax = value
        }
        var speed: Double?
        if let text = optional(columns[6]) {
            guard let value = Double(text) else { return nil }
            speed = value
        }
        self.init(set: columns[0], part: optional(columns[1]), aligner: columns[2], variant: optional(columns[3]),
                  strictF1: low...high, laxF1: lax, sentencesPerSecond: speed, source: columns[7])
    }
}
