import Foundation

/// How to align.
public struct AlignmentOptions: Sendable, Codable, Equatable {
    /// Learn the length model and a word-translation table from a first pass, then align again.
    public var bootstrap: Bool
    /// After the monotonic pass, link sentences it left unaligned when they clearly translate each other, even
    /// where the link crosses other beads (moved leads and captions).
    public var recoverCrossingLinks: Bool
    /// Searches with more cells than this are done coarse-to-fine, in a band around a coarse alignment.
    public var maximumCells: Int
    /// How many sentences on each side of the coarse alignment the band of a coarse-to-fine search reaches, at each
    /// level (the coarse path is placed to within one merged unit; the margin lets the fine search leave it where
    /// the coarse one erred; 6 lost .11 F1 on a 6,700-sentence novel, 15 and 40 lose nothing).
    public var bandMargin: Int = 15
    /// Scale applied to scores before posteriors are computed (calibrates confidences).
    public var temperature: Double
    /// Log prior of a sentence present in one version only.
    public var deletionPrior: Double
    /// Log priors of the bead shapes that link versions, by shape ("1-1", "2-1", "1-2", "2-2", "3-1", "1-3").
    public var shapePriors: [String: Double]
    /// Log penalty for a bead that joins page material (captions, datelines, furniture) with body text.
    public var mixedFurniturePenalty: Double = 4
    /// Log bonus for leaving page material unaligned.
    public var furnitureDeletionBonus: Double = 2
    /// Score (log-odds above leaving both sentences unaligned) a crossing link must reach to be recovered.
    public var crossingLinkThreshold: Double = 6

    /// Tuned on development data only: the Text+Berg development document and the IWSLT dev2010 talks.
    public static let standardShapePriors: [String: Double] = [
        "1-1": log(0.85), "2-1": log(0.05), "1-2": log(0.05), "2-2": log(0.01), "3-1": log(0.005), "1-3": log(0.002),
    ]

    public init(bootstrap: Bool = true, recoverCrossingLinks: Bool = true, maximumCells: Int = 250_000,
                temperature: Double = 1, deletionPrior: Double = -3.6,
                shapePriors: [String: Double] = AlignmentOptions.standardShapePriors) {
        self.bootstrap = bootstrap
        self.recoverCrossingLinks = recoverCrossingLinks
        self.maximumCells = maximumCells
        self.temperature = temperature
        self.deletionPrior = deletionPrior
        self.shapePriors = shapePriors
    }

    /// Decodes partial settings: every missing field keeps its default.
    public init(from decoder: any Decoder) throws {
        let defaults = AlignmentOptions()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bootstrap = try c.decodeIfPresent(Bool.self, forKey: .bootstrap) ?? defaults.bootstrap
        recoverCrossingLinks = try c.decodeIfPresent(Bool.self, forKey: .recoverCrossingLinks) ?? defaults.recoverCrossingLinks
        maximumCells = try c.decodeIfPresent(Int.self, forKey: .maximumCells) ?? defaults.maximumCells
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature) ?? defaults.temperature
        deletionPrior = try c.decodeIfPresent(Double.self, forKey: .deletionPrior) ?? defaults.deletionPrior
        shapePriors = defaults.shapePriors.merging(
            try c.decodeIfPresent([String: Double].self, forKey: .shapePriors) ?? [:]) { $1 }
        mixedFurniturePenalty = try c.decodeIfPresent(Double.self, forKey: .mixedFurniturePenalty) ?? defaults.mixedFurniturePenalty
        furnitureDeletionBonus = try c.decodeIfPresent(Double.self, forKey: .furnitureDeletionBonus) ?? defaults.furnitureDeletionBonus
        crossingLinkThreshold = try c.decodeIfPresent(Double.self, forKey: .crossingLinkThreshold) ?? defaults.crossingLinkThreshold
        bandMargin = try c.decodeIfPresent(Int.self, forKey: .bandMargin) ?? defaults.bandMargin
    }
}

/// Everything that tunes the aligner, as one Codable value (the tool reads it with `--config FILE.json`).
/// Missing fields keep their defaults, which were tuned on development data only (the Text+Berg development
/// document and the IWSLT'15 dev2010 talks), never on the test documents that the benchmarks report.
public struct AlignerConfiguration: Codable, Sendable, Equatable {
    public var options = AlignmentOptions()
    public var lengthWeight = 0.5
    public var anchorMatchWeight = 2.5
    public var anchorMismatchWeight = 0.8
    public var lexicalWeight = 20.0
    /// Position of the lexical baseline between chance (0) and signal (1): see ``LexicalScorer/baseline``.
    public var lexicalBaseline = 0.15
    /// When set, beads are scored by this learned model alone (``BeadModelScorer``) instead of the classic
    /// length, anchor and lexical scorers: the search then uses no shape priors (the model knows shapes), the
    /// model's deletion score, shapes up to 3-2, no bootstrapping, and recovers crossing links the model scores
    /// above ``modelCrossingLinkThreshold``.
    public var model: BeadModel?
    /// Log-odds above leaving both sentences unaligned that a crossing link needs under the bead model.
    public var modelCrossingLinkThreshold = 1.0
    /// With three versions, the weight of the evidence each pair gets through the third (``Aligner/pivotWeight``).
    public var pivotWeight = 0.0

    public init() {}

    /// The settings for news in Vietnamese, English and French: the shipped bead model.
    public static var news: AlignerConfiguration {
        var configuration = AlignerConfiguration()
        configuration.model = .standard
        return configuration
    }

    /// The settings for versions in these languages (give each version's determined languages, or its main
    /// language): ``news`` when every one is Vietnamese, English or French, the classic length, anchor and word
    /// scorers otherwise, undetermined included (the bead model was learned on vi / en / fr news only; on
    /// German–French literary text it scores far below the classic scorers).
    public static func automatic(for languages: [Language]) -> AlignerConfiguration {
        let news: Set<Language> = [.vietnamese, .english, .french]
        return languages.allSatisfy(news.contains) ? .news : AlignerConfiguration()
    }

    public init(from decoder: any Decoder) throws {
        let defaults = AlignerConfiguration()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        options = try c.decodeIfPresent(AlignmentOptions.self, forKey: .options) ?? defaults.options
        lengthWeight = try c.decodeIfPresent(Double.self, forKey: .lengthWeight) ?? defaults.lengthWeight
        anchorMatchWeight = try c.decodeIfPresent(Double.self, forKey: .anchorMatchWeight) ?? defaults.anchorMatchWeight
        anchorMismatchWeight = try c.decodeIfPresent(Double.self, forKey: .anchorMismatchWeight) ?? defaults.anchorMismatchWeight
        lexicalWeight = try c.decodeIfPresent(Double.self, forKey: .lexicalWeight) ?? defaults.lexicalWeight
        lexicalBaseline = try c.decodeIfPresent(Double.self, forKey: .lexicalBaseline) ?? defaults.lexicalBaseline
        model = try c.decodeIfPresent(BeadModel.self, forKey: .model)
        modelCrossingLinkThreshold = try c.decodeIfPresent(Double.self, forKey: .modelCrossingLinkThreshold)
            ?? defaults.modelCrossingLinkThreshold
        pivotWeight = try c.decodeIfPresent(Double.self, forKey: .pivotWeight) ?? defaults.pivotWeight
    }

    /// The aligner this configuration describes, with the standard scorers and lexicons.
    public var aligner: Aligner { aligner(index: .standard) }

    /// The aligner this configuration describes, its words scored with `lexicon` (for example
    /// `Lexicon.standard.merging(mine)`).
    public func aligner(lexicon: Lexicon) -> Aligner { aligner(index: LexiconIndex(lexicon)) }

    func aligner(index: LexiconIndex) -> Aligner {
        if let model {
            var modelOptions = options
            modelOptions.bootstrap = false
            modelOptions.shapePriors = Dictionary(uniqueKeysWithValues: ["1-1", "2-1", "1-2", "2-2", "3-1", "1-3", "2-3", "3-2"].map { ($0, 0.0) })
            modelOptions.deletionPrior = model.deletionScore
            modelOptions.mixedFurniturePenalty = 0
            modelOptions.crossingLinkThreshold = modelCrossingLinkThreshold
            var aligner = Aligner(options: modelOptions, scorers: [BeadModelScorer(model: model, index: index)])
            aligner.pivotWeight = pivotWeight
            aligner.confidenceCalibration = model.calibration
            return aligner
        }
        var aligner = Aligner(options: options, scorers: [
            LengthScorer(weight: lengthWeight),
            AnchorScorer(matchWeight: anchorMatchWeight, mismatchWeight: anchorMismatchWeight),
            LexicalScorer(weight: lexicalWeight, baseline: lexicalBaseline, index: index),
        ])
        aligner.pivotWeight = pivotWeight
        return aligner
    }
}

/// Aligns the sentences of two versions of a text: n:m beads (up to three sentences a side, four in all), with a
/// confidence for each, and material present in one version only left unaligned.
///
/// Scoring combines swappable ``BeadScorer``s (length, anchors, words by default). The search is a dynamic
/// programme over bead shapes 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3, 3-1; long inputs are searched coarse-to-fine,
/// in a band around the alignment of merged sentence pairs, so time and memory grow near-linearly.
/// ```swift
/// let alignment = Aligner().align(AlignmentSide(sentences: vi, language: .vietnamese),
///                                 AlignmentSide(sentences: en, language: .english))
/// for bead in alignment.links(minimumConfidence: 0.7) { print(bead.sentences, bead.confidence) }
/// ```
public struct Aligner: Sendable {
    public var options: AlignmentOptions
    public var scorers: [any BeadScorer]
    /// With three versions, the weight of the evidence each pair gets through the third (``PivotScorer``); 0 aligns
    /// each pair on its own.
    public var pivotWeight: Double = 0
    /// When set, a link's confidence is its calibrated confidence (from its posterior and its score) rather than
    /// its posterior.
    public var confidenceCalibration: ConfidenceCalibration?

    /// Length, anchors and words, with the weights of ``AlignerConfiguration``'s defaults.
    public static var standardScorers: [any BeadScorer] { AlignerConfiguration().aligner.scorers }

    public init(options: AlignmentOptions = AlignmentOptions(), scorers: [any BeadScorer] = Aligner.standardScorers) {
        // (standardScorers reads AlignerConfiguration, which builds its scorers directly: no recursion.)
        self.options = options
        self.scorers = scorers
    }

    /// Aligns two segmented documents.
    public func align(_ source: Document, _ target: Document) -> Alignment {
        align(AlignmentSide(document: source), AlignmentSide(document: target))
    }

    /// Aligns two lists of sentences.
    public func align(_ source: AlignmentSide, _ target: AlignmentSide) -> Alignment {
        let languages = [source.mainLanguage, target.mainLanguage]
        let counts = [source.sentences.count, target.sentences.count]
        guard !source.sentences.isEmpty || !target.sentences.isEmpty else {
            return Alignment(languages: languages, sentenceCounts: counts, beads: [])
        }
        if source.sentences.isEmpty || target.sentences.isEmpty {
            let beads = (0..<source.sentences.count).map { Bead(sentences: [$0..<$0 + 1, 0..<0], confidence: 1) }
                + (0..<target.sentences.count).map { Bead(sentences: [0..<0, $0..<$0 + 1], confidence: 1) }
            return Alignment(languages: languages, sentenceCounts: counts, beads: beads)
        }
        var pair = AlignmentPair(source: source, target: target)
        let window = searchWindow(pair)
        var beads = search(pair, window: window)
        if options.bootstrap {
            // One round: a second one was measured to lose accuracy on the development data.
            if let model = Learner.learn(from: beads, pair: pair) {
                pair = AlignmentPair(pair, model: model)
                beads = search(pair, window: window)
            }
        }
        if options.recoverCrossingLinks {
            beads = CrossingLinks.recover(beads, pair: pair, scorers: scorers, temperature: options.temperature,
                                          deletionPrior: options.deletionPrior, oneToOnePrior: shapes[0].prior,
                                          threshold: options.crossingLinkThreshold)
        }
        if let confidenceCalibration {
            let scores = linkScores(beads, pair: pair)
            beads = zip(beads, scores).map { bead, score in
                guard let score else { return bead }
                return Bead(sentences: bead.sentences, confidence: confidenceCalibration.confidence(posterior: bead.confidence, score: score))
            }
        }
        return Alignment(languages: languages, sentenceCounts: counts, beads: beads)
    }

    /// The scorers' sum for every link of `beads` (nil for beads that do not link).
    func linkScores(_ beads: [Bead], pair: AlignmentPair) -> [Double?] {
        let prepared = scorers.map { $0.prepare(pair) }
        return beads.map { bead in
            bead.isLink ? prepared.reduce(0) { $0 + $1.score(source: bead.sentences[0], target: bead.sentences[1]) } : nil
        }
    }

    /// The links of an alignment of two versions with their posterior and score, before any calibration: what a
    /// calibration is fitted on.
    func linkEvidence(_ source: AlignmentSide, _ target: AlignmentSide) -> [(bead: Bead, posterior: Double, score: Double)] {
        var uncalibrated = self
        uncalibrated.confidenceCalibration = nil
        let beads = uncalibrated.align(source, target).beads
        let pair = AlignmentPair(source: source, target: target)
        return zip(beads, linkScores(beads, pair: pair)).compactMap { bead, score in
            score.map { (bead, bead.confidence, $0) }
        }
    }

    /// The bead shapes searched, with their log priors (deletions get ``AlignmentOptions/deletionPrior``).
    var shapes: [(source: Int, target: Int, prior: Double)] {
        // Shapes 2-3 and 3-2 only when the priors name them (the bead model does; the classic scorers do not).
        let extra = [(2, 3), (3, 2)].filter { options.shapePriors["\($0.0)-\($0.1)"] != nil }
        return ([(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)] + extra).map { a, b in
            (a, b, a == 0 || b == 0 ? options.deletionPrior : options.shapePriors["\(a)-\(b)"] ?? log(0.001))
        }
    }

    /// Runs the dynamic programme in `window` and returns the best beads with their posteriors.
    func search(_ pair: AlignmentPair, window: SearchWindow) -> [Bead] {
        let prepared = scorers.map { $0.prepare(pair) }
        var lattice = BeadLattice(window: window, shapes: shapes, deletionPrior: options.deletionPrior,
                                  temperature: options.temperature)
        let sourceRoles = pair.source.kinds.map(PageRole.init)
        let targetRoles = pair.target.kinds.map(PageRole.init)
        let penalty = options.mixedFurniturePenalty
        let bonus = options.furnitureDeletionBonus
        lattice.run(score: { source, target in
            // Page furniture never links (the news conventions).
            guard PageRole.mayLink(source.map { sourceRoles[$0] }, target.map { targetRoles[$0] }) else { return -.infinity }
            var value = prepared.reduce(0) { $0 + $1.score(source: source, target: target) }
            // A caption or heading joined with body text is most likely merged by mistake.
            let mixed = source.contains { sourceRoles[$0] != .text } || target.contains { targetRoles[$0] != .text }
            if mixed && !(source.allSatisfy { sourceRoles[$0] != .text } && target.allSatisfy { targetRoles[$0] != .text }) {
                value -= penalty
            }
            return value
        }, deletion: { side, index in
            (side == 0 ? sourceRoles[index] : targetRoles[index]).isPageMaterial ? bonus : 0
        })
        return lattice.bestBeads()
    }

    /// The cells to search: all of them when few enough, else a band around the alignment of a coarser version
    /// (consecutive sentences merged in pairs), found the same way.
    func searchWindow(_ pair: AlignmentPair) -> SearchWindow {
        let n = pair.sourceUnits.count
        let m = pair.targetUnits.count
        if (n + 1) * (m + 1) <= options.maximumCells || n < 8 || m < 8 {
            return SearchWindow.full(n, m)
        }
        let coarsePair = AlignmentPair(mergedInPairs: pair)
        let coarseBeads = search(coarsePair, window: searchWindow(coarsePair))
        return SearchWindow.band(around: coarseBeads, scale: 2, sourceCount: n, targetCount: m, margin: options.bandMargin)
    }
}

extension AlignmentSide {
    /// Consecutive sentences joined in pairs: the coarse version used to find the band of a long search.
    func mergedInPairs() -> AlignmentSide {
        var sentences: [String] = []
        var languages: [Language] = []
        var kinds: [ParagraphKind] = []
        var k = 0
        while k < self.sentences.count {
            let end = min(k + 2, self.sentences.count)
            sentences.append(self.sentences[k..<end].joined(separator: " "))
            languages.append(self.languages[k])
            kinds.append((k..<end).allSatisfy(isFurniture) ? self.kinds[k] : .body)
            k = end
        }
        return AlignmentSide(sentences: sentences, languages: languages, kinds: kinds)
    }
}

/// The cells of the search: for each source position i (0...n), the target positions lo[i]...hi[i].
struct SearchWindow {
    var lo: [Int]
    var hi: [Int]

    static func full(_ n: Int, _ m: Int) -> SearchWindow {
        SearchWindow(lo: Array(repeating: 0, count: n + 1), hi: Array(repeating: m, count: n + 1))
    }

    /// A band around coarse beads (whose indices count units of `scale` sentences), widened by `margin`.
    ///
    /// `beads` is a monotone path through the whole coarse lattice, in order: each bead's position is where the
    /// previous one ended. (A bead's empty side is stored as `0..<0` and says nothing about where it stands.)
    static func band(around beads: [Bead], scale: Int, sourceCount n: Int, targetCount m: Int, margin: Int) -> SearchWindow {
        var lo = Array(repeating: Int.max, count: n + 1)
        var hi = Array(repeating: Int.min, count: n + 1)
        var sourceEnd = 0, targetEnd = 0
        for bead in beads {
            let s = sourceEnd..<sourceEnd + bead.sentences[0].count
            let t = targetEnd..<targetEnd + bead.sentences[1].count
            (sourceEnd, targetEnd) = (s.upperBound, t.upperBound)
            let rows = min(n, s.lowerBound * scale)...min(n, s.upperBound * scale)
            let columns = (min(m, t.lowerBound * scale), min(m, t.upperBound * scale))
            for i in rows {
                lo[i] = min(lo[i], max(0, columns.0 - margin))
                hi[i] = max(hi[i], min(m, columns.1 + margin))
            }
        }
        // Make the band monotone and connected, from (0, 0) to (n, m).
        lo[0] = 0
        hi[n] = m
        for i in 0...n {
            if lo[i] == Int.max { lo[i] = i > 0 ? lo[i - 1] : 0 }
            if hi[i] == Int.min { hi[i] = i > 0 ? hi[i - 1] : 0 }
        }
        for i in stride(from: n - 1, through: 0, by: -1) { lo[i] = min(lo[i], lo[i + 1]) }
        for i in 1...n { hi[i] = max(hi[i], hi[i - 1]) }
        for i in 0..<n { hi[i] = max(hi[i], lo[i + 1]) }
        return SearchWindow(lo: lo, hi: hi)
    }

    var cellCount: Int { zip(lo, hi).reduce(0) { $0 + $1.1 - $1.0 + 1 } }
}

/// The dynamic programme over bead shapes: Viterbi for the best path, forward–backward for posteriors.
struct BeadLattice {
    let window: SearchWindow
    let shapes: [(source: Int, target: Int, prior: Double)]
    let deletionPrior: Double
    let temperature: Double
    private let n: Int
    private let m: Int
    private let rowStart: [Int]
    /// Score of each shape ending in each cell (−∞ where impossible).
    private var scores: [Float]
    private var best: [Double]
    private var back: [Int8]
    private var alpha: [Double]
    private var beta: [Double]

    init(window: SearchWindow, shapes: [(source: Int, target: Int, prior: Double)], deletionPrior: Double, temperature: Double) {
        self.window = window
        self.shapes = shapes
        self.deletionPrior = deletionPrior
        self.temperature = temperature
        n = window.lo.count - 1
        m = window.hi[n]
        var starts: [Int] = []
        var total = 0
        for i in 0...n {
            starts.append(total)
            total += window.hi[i] - window.lo[i] + 1
        }
        rowStart = starts
        scores = Array(repeating: -.infinity, count: total * shapes.count)
        best = Array(repeating: -.infinity, count: total)
        back = Array(repeating: -1, count: total)
        alpha = Array(repeating: -.infinity, count: total)
        beta = Array(repeating: -.infinity, count: total)
    }

    @inline(__always)
    private func cell(_ i: Int, _ j: Int) -> Int? {
        guard i >= 0, i <= n, j >= window.lo[i], j <= window.hi[i] else { return nil }
        return rowStart[i] + j - window.lo[i]
    }

    /// Fills the lattice; `score` gives the scorers' sum for non-empty source and target ranges, and `deletion`
    /// an adjustment for leaving sentence `index` of version `side` (0 or 1) unaligned.
    mutating func run(score: (Range<Int>, Range<Int>) -> Double, deletion: (Int, Int) -> Double) {
        let k = shapes.count
        for i in 0...n {
            for j in window.lo[i]...window.hi[i] {
                let here = rowStart[i] + j - window.lo[i]
                if i == 0 && j == 0 { best[here] = 0; alpha[here] = 0; continue }
                var bestScore = -Double.infinity
                var bestShape: Int8 = -1
                var forward = -Double.infinity
                for (s, shape) in shapes.enumerated() {
                    guard let previous = cell(i - shape.source, j - shape.target), best[previous] > -.infinity else { continue }
                    let value: Double
                    if shape.source == 0 {
                        value = deletionPrior + deletion(1, j - 1)
                    } else if shape.target == 0 {
                        value = deletionPrior + deletion(0, i - 1)
                    } else {
                        value = shape.prior + score((i - shape.source)..<i, (j - shape.target)..<j)
                    }
                    scores[here * k + s] = Float(value)
                    if best[previous] + value > bestScore {
                        bestScore = best[previous] + value
                        bestShape = Int8(s)
                    }
                    forward = logSum(forward, alpha[previous] + temperature * value)
                }
                best[here] = bestScore
                back[here] = bestShape
                alpha[here] = forward
            }
        }
        // Backward pass: β(cell) = log Σ over beads leaving it.
        beta[rowStart[n] + m - window.lo[n]] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: window.hi[i], through: window.lo[i], by: -1) {
                let here = rowStart[i] + j - window.lo[i]
                if i == n && j == m { continue }
                var total = -Double.infinity
                for (s, shape) in shapes.enumerated() {
                    guard let next = cell(i + shape.source, j + shape.target) else { continue }
                    let value = Double(scores[next * k + s])
                    guard value > -.infinity, beta[next] > -.infinity else { continue }
                    total = logSum(total, temperature * value + beta[next])
                }
                beta[here] = total
            }
        }
    }

    /// The best path's beads, each with its posterior probability.
    func bestBeads() -> [Bead] {
        guard let end = cell(n, m), best[end] > -.infinity else { return [] }
        let logZ = alpha[end]
        var beads: [Bead] = []
        var (i, j) = (n, m)
        while i > 0 || j > 0 {
            let here = cell(i, j)!
            let s = Int(back[here])
            let shape = shapes[s]
            let previous = cell(i - shape.source, j - shape.target)!
            let value = Double(scores[here * shapes.count + s])
            let posterior = exp(alpha[previous] + temperature * value + beta[here] - logZ)
            beads.append(Bead(sentences: [(i - shape.source)..<i, (j - shape.target)..<j],
                              confidence: min(1, max(0, posterior))))
            (i, j) = (i - shape.source, j - shape.target)
        }
        return beads.reversed()
    }
}

@inline(__always)
func logSum(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b))
}

/// What a first pass teaches about the pair: the length ratio and variance, and word translations.
enum Learner {
    /// Learns from the confident 1-1 beads of a first pass; nil when there are too few to learn from.
    static func learn(from beads: [Bead], pair: AlignmentPair) -> LearnedModel? {
        let confident = beads.filter { $0.sentences[0].count == 1 && $0.sentences[1].count == 1 && $0.confidence >= 0.8 }
        guard confident.count >= 8 else { return nil }
        // Length: the ratio over confident beads, and a robust variance (median of squared residuals).
        var sourceTotal = 0.0, targetTotal = 0.0
        for bead in confident {
            sourceTotal += Double(pair.sourceUnits[bead.sentences[0].lowerBound].characters)
            targetTotal += Double(pair.targetUnits[bead.sentences[1].lowerBound].characters)
        }
        let ratio = targetTotal / max(sourceTotal, 1)
        let residuals = confident.map { bead -> Double in
            let ls = Double(max(1, pair.sourceUnits[bead.sentences[0].lowerBound].characters))
            let lt = Double(pair.targetUnits[bead.sentences[1].lowerBound].characters)
            return (lt - ratio * ls) * (lt - ratio * ls) / ((ls + lt / ratio) / 2)
        }.sorted()
        // The median of a squared normal is 0.455 times its variance.
        let variance = min(max(residuals[residuals.count / 2] / 0.455, 2), 40)

        // Words: Dice coefficient of co-occurrence in confident beads.
        var sourceCount: [Int32: Int] = [:]
        var targetCount: [Int32: Int] = [:]
        var together: [Int64: Int] = [:]
        for bead in confident {
            let s = pair.sourceUnits[bead.sentences[0].lowerBound].tokens.map(\.folded)
            let t = pair.targetUnits[bead.sentences[1].lowerBound].tokens.map(\.folded)
            for a in s { sourceCount[a, default: 0] += 1 }
            for b in t { targetCount[b, default: 0] += 1 }
            for a in s { for b in t { together[Int64(a) << 32 | Int64(b), default: 0] += 1 } }
        }
        // Sorted keys and explicit tie-breaks: the result must not depend on hash-table order.
        var candidates: [Int32: [(Int32, Double)]] = [:]
        for key in together.keys.sorted() {
            let count = together[key]!
            guard count >= 2 else { continue }
            let a = Int32(key >> 32), b = Int32(truncatingIfNeeded: key)
            guard a != b else { continue }  // identical spellings match anyway
            let dice = 2 * Double(count) / Double(sourceCount[a]! + targetCount[b]!)
            if dice >= 0.5 { candidates[a, default: []].append((b, dice)) }
        }
        var translations: [String: Set<String>] = [:]
        for (a, list) in candidates {
            let top = list.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3)
            translations[pair.vocabulary.words[Int(a)]] = Set(top.map { pair.vocabulary.words[Int($0.0)] })
        }
        return LearnedModel(characterRatio: ratio, variance: variance, translations: translations)
    }
}

/// What a sentence is to the aligner: running text, a caption, or page furniture (boilerplate and datelines),
/// from its kind.
enum PageRole: Equatable {
    case text, caption, furniture

    init(_ kind: ParagraphKind) {
        switch kind {
        case .body, .heading: self = .text
        case .caption: self = .caption
        case .boilerplate, .dateline: self = .furniture
        }
    }

    /// Material that one version may well lack.
    var isPageMaterial: Bool { self != .text }

    /// Whether sentences of these roles may form one link: page furniture never links (a caption may, though
    /// linking it to running text is penalised: a caption without its credit often looks like text).
    static func mayLink(_ source: [PageRole], _ target: [PageRole]) -> Bool {
        !source.contains(.furniture) && !target.contains(.furniture)
    }
}

extension Aligner {
    /// The aligner for news in Vietnamese, English and French: beads scored by the shipped bead model
    /// (``AlignerConfiguration/news``).
    public static var news: Aligner { AlignerConfiguration.news.aligner }

    /// The aligner for versions in these languages: the news aligner when every one is Vietnamese, English or French,
    /// the classic length, anchor and word scorers otherwise (``AlignerConfiguration/automatic(for:)``).
    public static func automatic(for languages: [Language]) -> Aligner {
        AlignerConfiguration.automatic(for: languages).aligner
    }
}
