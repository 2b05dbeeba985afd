import Foundation

/// Aligns the documents of a gold set, scores them strictly and laxly (``AlignmentScore``) and times the alignment.
///
/// Only the aligner's work is timed (reading and scoring are not), one document at a time on the calling thread,
/// so that sentences per second compare across sets and machines.
///
/// ```swift
/// let set = AlignmentGoldSet.named("textberg_de-fr")!
/// let results = try set.documents(in: "Benchmarks/data/sets").map { AlignmentBenchmark().run($0, in: set) }
/// let total = AlignmentSetResult(set: set.name, documents: results)
/// print(total.score.strictF1, total.sentencesPerSecond)
/// ```
public struct AlignmentBenchmark: Sendable {
    /// The aligner benchmarked (`Aligner()` by default; `AlignerConfiguration.aligner` for other settings).
    public var aligner: Aligner

    /// A benchmark of `aligner`.
    public init(aligner: Aligner = Aligner()) {
        self.aligner = aligner
    }

    /// One document aligned and scored.
    public struct DocumentResult: Sendable {
        /// The document's name (``AlignmentGoldDocument/name``).
        public var name: String
        /// The test beads at sentence level, with their confidences (before any projection onto the gold).
        public var beads: [VecalignFormat.Line]
        /// Strict and lax counts against the gold.
        public var score: AlignmentScore
        /// Sentences of both sides.
        public var sentences: Int
        /// Time spent aligning, in seconds.
        public var seconds: Double
    }

    /// Aligns `document` of `set` and scores it (at the gold's granularity when the set asks for it).
    public func run(_ document: AlignmentGoldDocument, in set: AlignmentGoldSet) -> DocumentResult {
        let start = ContinuousClock.now
        let alignment = aligner.align(document.source, document.target)
        let elapsed = seconds(since: start)
        let beads = NewsEvaluator.projected(alignment, onto: 0, 1)
        let scored = set.scoredAtGoldGranularity ? AlignmentScore.projected(beads, onto: document.gold) : beads
        return DocumentResult(name: document.name, beads: beads, score: AlignmentScore(gold: document.gold, test: scored),
                              sentences: document.sentenceCount, seconds: elapsed)
    }
}

/// The sum of a set's documents: counts summed before ratios are taken (micro-average), as vecalign's scorer does.
public struct AlignmentSetResult: Sendable, Codable {
    /// The set's name.
    public var set: String
    /// How many documents were aligned.
    public var documents: Int
    /// Sentences of both sides, over all documents.
    public var sentences: Int
    /// Time spent aligning, in seconds.
    public var seconds: Double
    /// The documents' counts summed.
    public var score: AlignmentScore

    /// The sum of `documents`, the results of set `set`.
    public init(set: String, documents: [AlignmentBenchmark.DocumentResult]) {
        self.set = set
        self.documents = documents.count
        sentences = documents.reduce(0) { $0 + $1.sentences }
        seconds = documents.reduce(0) { $0 + $1.seconds }
        score = documents.reduce(AlignmentScore()) { $0 + $1.score }
    }

    /// Sentences of both sides aligned per second of alignment.
    public var sentencesPerSecond: Double { seconds > 0 ? Double(sentences) / seconds : 0 }
}

/// Aligns the gold units of news gold groups (``NewsGroup``) and scores every language pair, as `triglot eval news`
/// does with the gold units as input: ``evaluator``'s segmenter and its aligner for each group (its settings,
/// lexicons and bead model, those learned from a group held out of it) are used as they are. Only the alignment is
/// timed.
public struct NewsAlignmentBenchmark: Sendable {
    /// How the news evaluation aligns; set its `trainingGroups` to the groups of the set, as `eval news` does.
    public var evaluator: NewsEvaluator

    /// A benchmark that aligns as `evaluator` does.
    public init(evaluator: NewsEvaluator = NewsEvaluator()) {
        self.evaluator = evaluator
    }

    /// One group aligned and scored.
    public struct GroupResult: Sendable {
        /// The group's folder name (``NewsGroup/id``).
        public var group: String
        /// Per language pair with gold, in the order vi-en, vi-fr, en-fr: the test beads over unit indices and
        /// their score.
        public var pairs: [(pair: NewsLanguagePair, beads: [VecalignFormat.Line], score: AlignmentScore)]
        /// Units of every version aligned.
        public var sentences: Int
        /// Time spent aligning, in seconds.
        public var seconds: Double
    }

    /// Aligns the gold units of `group` and scores each pair against its gold. Throws only if ICU fails.
    ///
    /// The alignment repeats what the news evaluation does with the gold units as input (its aligner for the
    /// group; the three pairs of a three-version group each aligned with help from the third version), so that
    /// this benchmark's figures are `triglot eval news`'s; a test holds the two equal.
    public func run(_ group: NewsGroup) throws -> GroupResult {
        let aligner = evaluator.aligner(for: group)
        var documents: [Language: Document] = [:]
        for version in group.versions {
            documents[version.language] = try evaluator.segmenter.segment(version.text, units: version.units, source: version.url)
        }
        let languages = group.versions.map(\.language)
        var beads: [NewsLanguagePair: [VecalignFormat.Line]] = [:]
        var sentences = 0
        let start = ContinuousClock.now
        if languages.count == 3 && !evaluator.pairwise {
            let sides = languages.map { AlignmentSide(document: documents[$0]!) }
            sentences = sides.reduce(0) { $0 + $1.sentences.count }
            let views = aligner.pairwise(sides[0], sides[1], sides[2])
            for pair in group.pairs {
                guard let a = languages.firstIndex(of: pair.first), let b = languages.firstIndex(of: pair.second),
                      let view = views.first(where: { Set([$0.first, $0.second]) == Set([a, b]) }) else { continue }
                beads[pair] = NewsEvaluator.projected(view.alignment, onto: view.first == a ? 0 : 1, view.first == a ? 1 : 0)
            }
        } else {
            for pair in group.pairs {
                guard let a = documents[pair.first], let b = documents[pair.second] else { continue }
                sentences += a.sentences.count + b.sentences.count
                beads[pair] = NewsEvaluator.projected(aligner.align(a, b), onto: 0, 1)
            }
        }
        let elapsed = seconds(since: start)
        let pairs = group.pairs.compactMap { pair -> (NewsLanguagePair, [VecalignFormat.Line], AlignmentScore)? in
            guard let gold = group.alignments[pair], let test = beads[pair] else { return nil }
            return (pair, test, AlignmentScore(gold: gold, test: test))
        }
        return GroupResult(group: group.id, pairs: pairs.map { (pair: $0.0, beads: $0.1, score: $0.2) },
                           sentences: sentences, seconds: elapsed)
    }
}

/// The sum of a news set's groups, per language pair and over all pairs.
public struct NewsSetResult: Sendable, Codable {
    /// One language pair summed over the groups that have its gold.
    public struct Pair: Sendable, Codable {
        /// The two languages.
        public var pair: NewsLanguagePair
        /// How many groups have gold for the pair.
        public var groups: Int
        /// The groups' counts summed.
        public var score: AlignmentScore
    }

    /// The set's name.
    public var set: String
    /// How many groups were aligned.
    public var groups: Int
    /// In the order vi-en, vi-fr, en-fr.
    public var pairs: [Pair]
    /// All pairs summed.
    public var all: AlignmentScore
    /// Units of every version aligned.
    public var sentences: Int
    /// Time spent aligning, in seconds.
    public var seconds: Double

    /// The sum of `groups`, the results of set `set`.
    public init(set: String, groups: [NewsAlignmentBenchmark.GroupResult]) {
        self.set = set
        self.groups = groups.count
        var byPair: [NewsLanguagePair: Pair] = [:]
        for group in groups {
            for result in group.pairs {
                var sum = byPair[result.pair] ?? Pair(pair: result.pair, groups: 0, score: AlignmentScore())
                sum.groups += 1
                sum.score = sum.score + result.score
                byPair[result.pair] = sum
            }
        }
        pairs = byPair.keys.sorted().map { byPair[$0]! }
        all = pairs.reduce(AlignmentScore()) { $0 + $1.score }
        sentences = groups.reduce(0) { $0 + $1.sentences }
        seconds = groups.reduce(0) { $0 + $1.seconds }
    }

    /// Units aligned per second of alignment.
    public var sentencesPerSecond: Double { seconds > 0 ? Double(sentences) / seconds : 0 }
}

extension VecalignFormat {
    /// The line for a bead given by indices, such as benchmark output: `[0, 1]:[2]:0.931000`, the confidence only
    /// when it has one (the counterpart of `line(_:)` for ``Bead`` values).
    public static func line(_ bead: Line) -> String {
        "[\(bead.source.map(String.init).joined(separator: ", "))]:[\(bead.target.map(String.init).joined(separator: ", "))]"
            + (bead.confidence.map { ":" + String(format: "%.6f", $0) } ?? "")
    }
}

/// Seconds elapsed since `start`.
private func seconds(since start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
