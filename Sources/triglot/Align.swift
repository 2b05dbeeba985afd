import ArgumentParser
import Foundation
import Triglot

extension AlignmentFormat: ExpressibleByArgument {}

struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Align the sentences of two or three versions of a text.",
        discussion: """
        Raw texts are segmented first, and the output is one JSON object per bead by default (--format jsonl: \
        sentence indices, texts, languages, confidence). With --presegmented, each file holds one sentence per \
        line and the output defaults to vecalign's format, [source indices]:[target indices]:confidence. \
        Three files are aligned jointly into consistent triples (formats jsonl, tsv, tmx, html); --pair 1-2 (or \
        1-3, 2-3) writes that pair's own view of the three-way alignment instead, in any format. --format html \
        writes a self-contained review page (no network): the versions side by side, one row per bead, \
        confidence as a number and a colour, unaligned units, boilerplate and crossing links set apart, and \
        the entities found, linked across versions, on hover.
        """
    )

    @Argument(help: "The two or three versions.")
    var files: [String]

    @Option(help: "Output format: jsonl, vecalign, ladder, tsv, tmx or html (default: jsonl; vecalign with --presegmented).")
    var format: AlignmentFormat?

    @Flag(help: "The files hold one sentence per line.")
    var presegmented = false

    @Option(help: "Language of the first file (ISO 639-1), for --presegmented; also decides the aligner under --aligner auto (give it for languages other than vi, en, fr: the identifier knows only those three).")
    var srcLang: String?

    @Option(help: "Language of the second file (ISO 639-1), for --presegmented.")
    var tgtLang: String?

    @Option(help: "A JSON file of aligner settings (AlignerConfiguration: weights, priors, options, model); overrides --aligner.")
    var config: String?

    @Option(help: "auto (the news bead model for Vietnamese, English and French, the classic scorers otherwise), news, or classic.")
    var aligner: AlignerChoice = .auto

    @Option(help: "A lexicon file (Triglot's lexicon format: one concept a line, its forms per language) used besides the shipped ones; repeatable.")
    var lexicon: [String] = []

    @Option(help: "With three files, write one pair's own view of the three-way alignment instead of the triples: 1-2, 1-3 or 2-3 (file positions), in any format for two versions.")
    var pair: String?

    func validate() throws {
        guard files.count == 2 || files.count == 3 else { throw ValidationError("give two or three files to align") }
        if let pair {
            guard files.count == 3 else { throw ValidationError("--pair chooses a pair of three files; give three") }
            guard Self.pairPositions(pair) != nil else {
                throw ValidationError("--pair is 1-2, 1-3 or 2-3 (the positions of two of the three files), not \(pair)")
            }
        }
    }

    /// The 0-based positions of the files a `--pair` value names, first < second.
    static func pairPositions(_ value: String) -> (Int, Int)? {
        switch value {
        case "1-2": (0, 1)
        case "1-3": (0, 2)
        case "2-3": (1, 2)
        default: nil
        }
    }

    func run() throws {
        try reportingErrors {
            let format = format ?? (presegmented ? .vecalign : .jsonl)
            if format == .html && !presegmented && pair == nil {
                // The review page shows the entities too: the versions go through the whole article pipeline.
                let documents = try files.map { try Segmenter().segment(try TextReader().read(path: $0)) }
                var processor = ArticleProcessor()
                processor.aligner = try aligner(for: documents.flatMap(\.languages))
                let page = ReviewPage(record: processor.process(documents), documents: documents)
                FileHandle.standardOutput.write(Data(page.html().utf8))
                return
            }
            var sides = try files.indices.map(side)
            var sources = files
            let aligner = try aligner(for: sides.map(\.mainLanguage))
            let alignment: Alignment
            if let (a, b) = pair.flatMap(Self.pairPositions) {
                // That pair's own view: its links weigh what the third version says of them.
                alignment = aligner.pairwise(sides[0], sides[1], sides[2]).first { $0.first == a && $0.second == b }!.alignment
                (sides, sources) = ([sides[a], sides[b]], [files[a], files[b]])
            } else {
                alignment = sides.count == 2 ? aligner.align(sides[0], sides[1]) : aligner.align(sides[0], sides[1], sides[2])
            }
            let output = format == .html
                ? ReviewPage(alignment: alignment, sides: sides, sources: sources).html()
                : try AlignmentWriter.write(alignment, sides: sides, format: format)
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }

    private func aligner(for languages: [Language]) throws -> Aligner {
        try aligner.resolve(config: config, lexicons: lexicon, languages: languages)
    }

    /// Version `k`: segmented from raw text, or one sentence per line.
    private func side(_ k: Int) throws -> AlignmentSide {
        if presegmented { return try presegmentedSide(files[k], language: k == 0 ? srcLang : k == 1 ? tgtLang : nil) }
        return AlignmentSide(document: try Segmenter().segment(try TextReader().read(path: files[k])))
    }

    /// One sentence per line; the language given, or identified line by line.
    private func presegmentedSide(_ path: String, language code: String?) throws -> AlignmentSide {
        let input = try TextReader().read(path: path)
        let lines = input.text.fileLines
        if let code {
            guard let language = Language(code: code) else { throw Failure(description: "not a language code: \(code)") }
            return AlignmentSide(sentences: lines, language: language)
        }
        let identifier = LanguageIdentifier.standard
        return AlignmentSide(sentences: lines, languages: lines.map { identifier.identify($0) })
    }
}

struct EvalAlign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Strict and lax precision, recall and F1 of alignments (Sennrich & Volk 2010, as vecalign scores them).",
        discussion: "Give GOLD TEST pairs of vecalign-format files; counts are summed over all pairs (micro-average)."
    )

    @Argument(help: "GOLD TEST [GOLD TEST ...]")
    var files: [String]

    @Flag(help: "Merge test beads that touch the same gold bead before scoring (for gold made of segments, such as the re-split TED sets).")
    var projectToGold = false

    @Option(help: "Also score only the links whose confidence reaches each of these values (comma-separated), to show how confidence trades recall for precision.")
    var thresholds: String?

    func validate() throws {
        guard files.count >= 2, files.count % 2 == 0 else { throw ValidationError("give GOLD TEST pairs") }
    }

    func run() throws {
        try reportingErrors {
            let levels = try (thresholds ?? "").split(separator: ",").map { text -> Double in
                guard let value = Double(text.trimmingSpaces), (0...1).contains(value) else {
                    throw Failure(description: "thresholds are numbers between 0 and 1: \(text)")
                }
                return value
            }
            var total = AlignmentScore()
            var byLevel = Array(repeating: AlignmentScore(), count: levels.count)
            for k in stride(from: 0, to: files.count, by: 2) {
                let gold = try VecalignFormat.parse(try TextReader().read(path: files[k]).text, source: files[k])
                var test = try VecalignFormat.parse(try TextReader().read(path: files[k + 1]).text, source: files[k + 1])
                for (l, level) in levels.enumerated() {
                    // Links below the level are dropped; so are insertions and deletions.
                    var kept = test.filter { !$0.source.isEmpty && !$0.target.isEmpty && ($0.confidence ?? 1) >= level }
                    if projectToGold { kept = AlignmentScore.projected(kept, onto: gold) }
                    byLevel[l] = byLevel[l] + AlignmentScore(gold: gold, test: kept)
                }
                if projectToGold { test = AlignmentScore.projected(test, onto: gold) }
                total = total + AlignmentScore(gold: gold, test: test)
            }
            print(total)
            if !levels.isEmpty {
                print("links kept at confidence ≥   precision (strict)   recall (strict)   links kept")
                for (level, score) in zip(levels, byLevel) {
                    print(String(format: "%.2f                          %.3f                %.3f             %d", level,
                                 score.strictPrecision, score.strictRecall,
                                 score.strictTruePositives + score.strictFalsePositives))
                }
            }
        }
    }
}

/// Which aligner a command uses (`--aligner`).
enum AlignerChoice: String, ExpressibleByArgument, CaseIterable {
    /// The news bead model for Vietnamese, English and French, the classic scorers otherwise.
    case auto
    /// The news bead model, whatever the languages.
    case news
    /// The classic length, anchor and word scorers.
    case classic

    /// The aligner for every bundle of a batch: `nil` for `auto` without a configuration file, so that each bundle
    /// gets the aligner its languages call for.
    func batchAligner(config: String?) throws -> Aligner? {
        if config == nil && self == .auto { return nil }
        return try resolve(config: config, lexicons: [], languages: [])
    }

    /// The aligner: from `--config` when given, else this choice; words scored with the shipped lexicons and
    /// `lexicons` (files).
    func resolve(config: String?, lexicons: [String], languages: [Language]) throws -> Aligner {
        let configuration: AlignerConfiguration
        if let config {
            configuration = try AlignerConfiguration.read(path: config)
        } else {
            switch self {
            case .auto: configuration = .automatic(for: languages)
            case .news: configuration = .news
            case .classic: configuration = AlignerConfiguration()
            }
        }
        guard !lexicons.isEmpty else { return configuration.aligner }
        var lexicon = Lexicon.standard
        for path in lexicons { lexicon = lexicon.merging(try Lexicon(contentsOfFile: path)) }
        return configuration.aligner(lexicon: lexicon)
    }
}
