import Foundation

/// What the bead model looks at in a candidate link: evidence of translation from words, anchors and lengths, the
/// bead's shape, the page roles of its sentences, and how far apart they stand in their versions.
public enum BeadFeature: String, CaseIterable, Codable, Sendable {
    case bias
    /// The lower of the two sides' shares of words (weighted by rarity) that find a translation on the other side.
    case coverageMin
    /// The mean of the two shares.
    case coverageMean
    /// For beads of several sentences: the lowest share of any one sentence's words found on the other side (a
    /// sentence with no counterpart drags it down); for 1-1 beads, `coverageMin`.
    case weakestSentence
    /// Names (words capitalised inside a sentence, two letters or more, compared without diacritics) of either side
    /// found on the other side (capped at 8).
    case namesMatched
    /// Names of either side not found on the other (capped at 8).
    case namesUnmatched
    /// Numbers, months and document references found on both sides (capped at 6).
    case anchorsMatched
    /// Anchors found on one side only (capped at 8).
    case anchorsUnmatched
    /// Gale and Church's log-probability of the two lengths (capped at -20).
    case lengthLogProbability
    /// The absolute log of the length ratio against the pair's overall ratio.
    case lengthLogRatio
    /// One sentence on each side.
    case oneToOne
    /// Two sentences on one side, one on the other.
    case twoToOne
    /// Any larger bead.
    case larger
    /// Every sentence is a caption.
    case captionsOnly
    /// Captions mixed with running text.
    case captionMixed
    /// A heading (title) on either side.
    case heading
    /// The distance between the bead's relative positions in the two versions (0 … 1).
    case positionGap
    /// The bead holds the last sentence of a version cut off mid-sentence (a page stored up to a size limit):
    /// its length says little.
    case cutSentence
    /// For beads of several sentences: the smallest gain in the other side's coverage that any end sentence of a
    /// multi-sentence side brings (a sentence merged in without adding translated content brings none).
    case weakestContribution

    /// The feature's place in a feature vector (its place in `allCases`), without hashing its name.
    var position: Int {
        switch self {
        case .bias: 0
        case .coverageMin: 1
        case .coverageMean: 2
        case .weakestSentence: 3
        case .namesMatched: 4
        case .namesUnmatched: 5
        case .anchorsMatched: 6
        case .anchorsUnmatched: 7
        case .lengthLogProbability: 8
        case .lengthLogRatio: 9
        case .oneToOne: 10
        case .twoToOne: 11
        case .larger: 12
        case .captionsOnly: 13
        case .captionMixed: 14
        case .heading: 15
        case .positionGap: 16
        case .cutSentence: 17
        case .weakestContribution: 18
        }
    }
}

/// A logistic model of whether a candidate bead is a true link, learned from gold alignments of news pages
/// (``BeadModelTrainer``): P(link) = σ(w · features). Its log-odds score beads in the aligner's search, and its
/// probability is the link's confidence.
///
/// The shipped model (`Resources/bead-model.json`) was learned from `corpus/news`; its `trainedOn` names the groups,
/// so that evaluations on them use a model learned without them.
public struct BeadModel: Codable, Sendable, Equatable {
    /// Weights by feature.
    public var weights: [BeadFeature: Double]
    /// Log-odds of leaving a sentence unaligned, against which links compete in the search.
    public var deletionScore: Double
    /// The gold groups the model was learned from.
    public var trainedOn: [String]
    /// How a link's confidence is computed from what the search knows of it, if calibrated.
    public var calibration: ConfidenceCalibration?

    public init(weights: [BeadFeature: Double], deletionScore: Double = 0, trainedOn: [String] = [],
                calibration: ConfidenceCalibration? = nil) {
        self.weights = weights
        self.deletionScore = deletionScore
        self.trainedOn = trainedOn
        self.calibration = calibration
    }

    /// The weights as a vector, in ``BeadFeature`` order (0 for a feature the model does not weigh).
    var weightVector: [Double] {
        BeadFeature.allCases.map { weights[$0] ?? 0 }
    }

    private enum CodingKeys: String, CodingKey { case weights, deletionScore, trainedOn, calibration }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let named = try container.decode([String: Double].self, forKey: .weights)
        var weights: [BeadFeature: Double] = [:]
        for (name, value) in named {
            guard let feature = BeadFeature(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .weights, in: container, debugDescription: "unknown feature \(name)")
            }
            weights[feature] = value
        }
        self.weights = weights
        deletionScore = try container.decodeIfPresent(Double.self, forKey: .deletionScore) ?? 0
        trainedOn = try container.decodeIfPresent([String].self, forKey: .trainedOn) ?? []
        calibration = try container.decodeIfPresent(ConfidenceCalibration.self, forKey: .calibration)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Dictionary(uniqueKeysWithValues: weights.map { ($0.key.rawValue, $0.value) }), forKey: .weights)
        try container.encode(deletionScore, forKey: .deletionScore)
        try container.encode(trainedOn, forKey: .trainedOn)
        try container.encodeIfPresent(calibration, forKey: .calibration)
    }

    /// The model learned from Triglot's news corpus (`Resources/bead-model.json`).
    public static let standard: BeadModel = {
        // Missing, it is reported by BundledData.check(); the model without weights stands in meanwhile.
        guard let data = try? BundledData.data(named: "bead-model.json") else { return BeadModel(weights: [:]) }
        do {
            return try JSONDecoder().decode(BeadModel.self, from: data)
        } catch {
            preconditionFailure("the bundled bead-model.json is malformed: \(error)")
        }
    }()
}

/// A link's confidence from what the search knows of it: its posterior (the share of the probability mass of all
/// alignments that hold it) and its bead model score, combined by a logistic regression fitted on aligned news
/// whose gold is known (`triglot model calibrate`), so that a confidence of 0.8 means right about 8 times in 10.
/// With three versions, what the third version says of the link (``ThirdVersionAgreement``) is weighed as well.
public struct ConfidenceCalibration: Codable, Sendable, Equatable {
    /// Weights of the bias, the posterior's log-odds and the model's score, then, when fitted with them, of the
    /// third version agreeing and disagreeing (a calibration of three weights leaves the third version out).
    public var weights: [Double]
    /// The news groups it was fitted on.
    public var fittedOn: [String]

    public init(weights: [Double], fittedOn: [String]) {
        self.weights = weights
        self.fittedOn = fittedOn
    }

    /// The features of a link: bias, the posterior's log-odds (clamped), the model's score, and whether the third
    /// version agrees, disagrees (0 or 1 each).
    static func features(posterior: Double, score: Double, agreement: ThirdVersionAgreement = .silent) -> [Double] {
        let p = min(max(posterior, 1e-6), 1 - 1e-6)
        return [1, log(p / (1 - p)), score, agreement == .agrees ? 1 : 0, agreement == .disagrees ? 1 : 0]
    }

    /// The calibrated confidence of a link, given what a third version says of it (nothing when there is none).
    public func confidence(posterior: Double, score: Double, agreement: ThirdVersionAgreement = .silent) -> Double {
        let x = Self.features(posterior: posterior, score: score, agreement: agreement)
        var z = 0.0
        for (w, v) in zip(weights, x) { z += w * v }
        return 1 / (1 + exp(-z))
    }
}

/// What the third of three versions says of a link between the other two, through its own links to each: the
/// sentences of version C that the link's A side links to, followed into version B, either reach the link's B side
/// (and one holds the other: `agrees`), or reach other sentences of B (`disagrees`), or say nothing because C
/// links neither side's sentences (`silent`).
public enum ThirdVersionAgreement: Int, Sendable, Codable, CaseIterable {
    /// The third version does not link both of the link's sides: it says nothing.
    case silent
    /// The third version's links lead from one side of the link to the other (one set holding the other).
    case agrees
    /// They lead to other sentences, or only in part to the link's other side.
    case disagrees

    /// What links `second` (versions A–C: sentences of A, of C) and `third` (C–B) say of a link of `source`
    /// sentences of A and `target` sentences of B.
    static func of(source: Range<Int>, target: Range<Int>, through first: [(Range<Int>, Range<Int>)],
                   _ second: [(Range<Int>, Range<Int>)]) -> ThirdVersionAgreement {
        var pivot = IndexSet()
        for (a, c) in first where a.overlaps(source) { pivot.insert(integersIn: c) }
        guard !pivot.isEmpty, second.contains(where: { $0.1.overlaps(target) }) else { return .silent }
        var reached = IndexSet()
        for (c, b) in second where pivot.intersects(integersIn: c) { reached.insert(integersIn: b) }
        let side = IndexSet(integersIn: target)
        guard reached.intersects(integersIn: target) else { return .disagrees }
        return reached.isSuperset(of: side) || side.isSuperset(of: reached) ? .agrees : .disagrees
    }
}

/// The features of candidate beads of one pair of versions.
final class BeadFeatureExtractor {
    private let lexical: LexicalPrepared
    private let anchors: AnchorScorer.Prepared
    private let sourceLengths: [Double]
    private let targetLengths: [Double]
    private let ratio: Double
    private let variance: Double
    private let sourceKinds: [ParagraphKind]
    private let targetKinds: [ParagraphKind]
    /// Whether each version's last sentence was cut off (it does not end the way a sentence or a heading ends).
    private let sourceCut: Bool, targetCut: Bool
    /// Per sentence: its names (folded word ids, each once, in order) and all its words (sorted, each once).
    private let sourceNames: [[Int32]], targetNames: [[Int32]]
    /// How many names each sentence has (read for every bead, without touching the lists).
    private let sourceNameCounts: [Int32], targetNameCounts: [Int32]
    private let sourceWords: [[Int32]], targetWords: [[Int32]]
    /// Per pair of sentences, which names of the first the second holds (by source and by target sentence).
    private let sourceNamesFound: SentencePairBits, targetNamesFound: SentencePairBits
    /// Per sentence, its names also named by the sentence before it, and by the one before that, as bits.
    private let sourceRepeated: [(previous: UInt64, beforePrevious: UInt64)]
    private let targetRepeated: [(previous: UInt64, beforePrevious: UInt64)]
    /// The word coverages of beads asked for again, in a hashed table (a key per place, 0 for none): a bead's
    /// sentences one by one and its shorter variants are beads the search has just scored. A place taken by another
    /// bead is simply computed again.
    private let coverageKeys: UnsafeMutableBufferPointer<UInt64>
    private let coverageValues: UnsafeMutableBufferPointer<(forward: Double, backward: Double)>
    private static let coveragePlaces = 1 << 16

    init(pair: AlignmentPair, lexicon: LexiconIndex) {
        lexical = LexicalPrepared(pair: pair, lexicon: lexicon, weight: 1, baseline: 0, ignoringFunctionWords: true)
        anchors = AnchorScorer().prepare(pair) as! AnchorScorer.Prepared
        sourceLengths = pair.sourceUnits.map { Double($0.characters) }
        targetLengths = pair.targetUnits.map { Double($0.characters) }
        ratio = pair.model.characterRatio
        variance = pair.model.variance
        sourceKinds = pair.source.kinds
        targetKinds = pair.target.kinds
        sourceCut = Self.isCut(pair.source.sentences.last)
        targetCut = Self.isCut(pair.target.sentences.last)
        // A unit's tokens are its distinct words (one per folded spelling), so neither list needs de-duplicating.
        func names(_ units: [AlignmentUnit]) -> [[Int32]] {
            units.map { unit in unit.tokens.filter { $0.capitalised && $0.length >= 2 }.map(\.folded) }
        }
        sourceNames = names(pair.sourceUnits)
        targetNames = names(pair.targetUnits)
        sourceNameCounts = sourceNames.map { Int32($0.count) }
        targetNameCounts = targetNames.map { Int32($0.count) }
        sourceWords = pair.sourceUnits.map { $0.tokens.map(\.folded).sorted() }
        targetWords = pair.targetUnits.map { $0.tokens.map(\.folded).sorted() }
        let pairs = pair.sourceUnits.count * pair.targetUnits.count
        sourceNamesFound = SentencePairBits(pairs: pairs)
        targetNamesFound = SentencePairBits(pairs: pairs)
        func repeated(_ names: [[Int32]]) -> [(previous: UInt64, beforePrevious: UInt64)] {
            names.indices.map { k in
                func bits(in m: Int) -> UInt64 {
                    guard m >= 0, names[k].count <= SentencePairBits.capacity else { return 0 }
                    var bits: UInt64 = 0
                    for (b, name) in names[k].enumerated() where names[m].contains(name) { bits |= 1 << UInt64(b) }
                    return bits
                }
                return (bits(in: k - 1), bits(in: k - 2))
            }
        }
        sourceRepeated = repeated(sourceNames)
        targetRepeated = repeated(targetNames)
        coverageKeys = .allocate(capacity: Self.coveragePlaces)
        coverageKeys.initialize(repeating: 0)
        coverageValues = .allocate(capacity: Self.coveragePlaces)
        coverageValues.initialize(repeating: (0, 0))
    }

    deinit {
        coverageKeys.deallocate()
        coverageValues.deallocate()
    }

    /// The word scorer's two coverages of the bead `s`–`t` (``LexicalPrepared/coverages(source:target:)``), kept.
    @inline(__always)
    private func coverages(_ s: Range<Int>, _ t: Range<Int>) -> (forward: Double, backward: Double) {
        guard s.count >= 1, s.count <= 3, t.count >= 1, t.count <= 3, s.lowerBound < 1 << 24, t.lowerBound < 1 << 24 else {
            return lexical.coverages(source: s, target: t)
        }
        // Both starts (24 bits each) and both sizes (2 bits each): never 0, since a size is 1 or more.
        let key = UInt64(s.lowerBound) << 28 | UInt64(s.count) << 26 | UInt64(t.lowerBound) << 2 | UInt64(t.count)
        let place = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48)
        if coverageKeys[place] == key { return coverageValues[place] }
        let value = lexical.coverages(source: s, target: t)
        coverageKeys[place] = key
        coverageValues[place] = value
        return value
    }

    /// A last sentence that ends in the middle of a word or phrase: no final stop, closing bracket or quote.
    static func isCut(_ sentence: String?) -> Bool {
        guard let last = sentence?.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return false }
        return !".!?…:;)]\"'»”|".unicodeScalars.contains(last) && sentence!.count > 40
    }

    /// Names of the source sentences `s` (`forward`) or of the target sentences `t` found / not found among the
    /// words of the other version's sentences (each name counted once).
    ///
    /// Which names of a sentence another sentence holds is worked out once per pair of sentences (as bits); a name
    /// is counted at its first sentence in the range (the bits of names repeated from the one or two sentences
    /// before are left out), so the counts are those of comparing name by name.
    private func names(forward: Bool, _ s: Range<Int>, _ t: Range<Int>) -> (Int, Int) {
        let range = forward ? s : t, other = forward ? t : s
        var found = 0, missing = 0
        for (offset, k) in range.enumerated() {
            let count = Int(forward ? sourceNameCounts[k] : targetNameCounts[k])
            guard count <= SentencePairBits.capacity, offset <= 2 else {
                // More names than a bit set holds, or a fourth sentence: name by name.
                let from = forward ? sourceNames : targetNames
                let words = forward ? targetWords : sourceWords
                for name in from[k] where !(range.lowerBound..<k).contains(where: { from[$0].contains(name) }) {
                    if other.contains(where: { Self.sorted(words[$0], contains: name) }) { found += 1 } else { missing += 1 }
                }
                continue
            }
            guard count > 0 else { continue }
            let repeated = forward ? sourceRepeated[k] : targetRepeated[k]
            var counted = UInt64.max >> UInt64(64 - count)
            if offset >= 1 { counted &= ~repeated.previous }
            if offset >= 2 { counted &= ~repeated.beforePrevious }
            var held: UInt64 = 0
            for j in other { held |= namesHeld(of: k, in: j, forward: forward) }
            found += (held & counted).nonzeroBitCount
            missing += (~held & counted).nonzeroBitCount
        }
        return (found, missing)
    }

    /// The names of sentence `k` (of the source version when `forward`) that sentence `j` of the other version
    /// holds, as bits, computed once.
    private func namesHeld(of k: Int, in j: Int, forward: Bool) -> UInt64 {
        (forward ? sourceNamesFound : targetNamesFound).bits(at: k * (forward ? targetWords.count : sourceWords.count) + j) {
            let names = forward ? sourceNames[k] : targetNames[k]
            let words = forward ? targetWords[j] : sourceWords[j]
            var bits: UInt64 = 0
            for (b, name) in names.enumerated() where Self.sorted(words, contains: name) { bits |= 1 << UInt64(b) }
            return bits
        }
    }

    /// Binary search in a sorted list of word ids.
    private static func sorted(_ list: [Int32], contains value: Int32) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == value
    }

    /// The feature vector of the bead joining `source` and `target` (both non-empty), in ``BeadFeature`` order.
    func features(source s: Range<Int>, target t: Range<Int>) -> [Double] {
        [Double](unsafeUninitializedCapacity: BeadFeature.allCases.count) { buffer, count in
            features(source: s, target: t, into: buffer)
            count = buffer.count
        }
    }

    /// The same, written into `vector` (one place per feature): what scoring a bead asks for, with no allocation.
    func features(source s: Range<Int>, target t: Range<Int>, into vector: UnsafeMutableBufferPointer<Double>) {
        let (forward, backward) = coverages(s, t)
        let (matched, unmatched, references) = anchors.counts(source: s, target: t)
        let ls = s.reduce(0.0) { $0 + sourceLengths[$1] }
        let lt = t.reduce(0.0) { $0 + targetLengths[$1] }
        var captions = 0, heading = false
        for k in s { captions += sourceKinds[k] == .caption ? 1 : 0; heading = heading || sourceKinds[k] == .heading }
        for k in t { captions += targetKinds[k] == .caption ? 1 : 0; heading = heading || targetKinds[k] == .heading }
        let sentences = s.count + t.count
        let n = Double(max(sourceLengths.count, 1)), m = Double(max(targetLengths.count, 1))
        let sourceCentre = (Double(s.lowerBound) + Double(s.count) / 2) / n
        let targetCentre = (Double(t.lowerBound) + Double(t.count) / 2) / m
        vector.initialize(repeating: 0)
        func set(_ feature: BeadFeature, _ value: Double) { vector[feature.position] = value }
        set(.bias, 1)
        set(.coverageMin, min(forward, backward))
        set(.coverageMean, (forward + backward) / 2)
        var weakest = min(forward, backward)
        if s.count > 1 { for k in s { weakest = min(weakest, coverages(k..<k + 1, t).forward) } }
        if t.count > 1 { for k in t { weakest = min(weakest, coverages(s, k..<k + 1).backward) } }
        set(.weakestSentence, weakest)
        var contribution = 1.0
        if s.count > 1 {
            let full = backward
            contribution = min(contribution, full - coverages(s.lowerBound + 1..<s.upperBound, t).backward)
            contribution = min(contribution, full - coverages(s.lowerBound..<s.upperBound - 1, t).backward)
        }
        if t.count > 1 {
            let full = forward
            contribution = min(contribution, full - coverages(s, t.lowerBound + 1..<t.upperBound).forward)
            contribution = min(contribution, full - coverages(s, t.lowerBound..<t.upperBound - 1).forward)
        }
        set(.weakestContribution, s.count + t.count > 2 ? contribution : 0)
        let (sourceFound, sourceMissing) = names(forward: true, s, t)
        let (targetFound, targetMissing) = names(forward: false, s, t)
        set(.namesMatched, Double(min(sourceFound + targetFound, 8)))
        set(.namesUnmatched, Double(min(sourceMissing + targetMissing, 8)))
        set(.anchorsMatched, Double(min(matched + references, 6)))
        set(.anchorsUnmatched, Double(min(unmatched, 8)))
        set(.lengthLogProbability, max(-20, LengthScorer.Prepared.logProbability(sourceLength: ls, targetLength: lt,
                                                                              ratio: ratio, variance: variance)))
        set(.lengthLogRatio, abs(log((lt + 1) / (ratio * ls + 1))))
        set(.oneToOne, s.count == 1 && t.count == 1 ? 1 : 0)
        set(.twoToOne, s.count + t.count == 3 ? 1 : 0)
        set(.larger, s.count + t.count > 3 ? 1 : 0)
        set(.captionsOnly, captions == sentences ? 1 : 0)
        set(.captionMixed, captions > 0 && captions < sentences ? 1 : 0)
        set(.heading, heading ? 1 : 0)
        set(.positionGap, abs(sourceCentre - targetCentre))
        let cut = (sourceCut && s.upperBound == sourceLengths.count) || (targetCut && t.upperBound == targetLengths.count)
        set(.cutSentence, cut ? 1 : 0)
        if cut {
            // The cut side is shorter than it was: only a cut side longer than expected tells something.
            set(.lengthLogProbability, 0)
            set(.lengthLogRatio, 0)
        }
    }
}

/// Scores beads with a ``BeadModel``: the log-odds that they are links.
public struct BeadModelScorer: BeadScorer, LexiconScoring {
    public var model: BeadModel
    let lexicon: LexiconIndex
    public var name: String { "bead model" }

    /// `lexicon` defaults to the hand-made lexicons (the model was learned with them).
    public init(model: BeadModel = .standard, lexicon: Lexicon? = nil) {
        self.init(model: model, index: lexicon.map(LexiconIndex.init) ?? .handMade)
    }

    init(model: BeadModel, index: LexiconIndex) {
        self.model = model
        self.lexicon = index
    }

    public func prepare(_ pair: AlignmentPair) -> any PreparedBeadScorer {
        Prepared(extractor: BeadFeatureExtractor(pair: pair, lexicon: lexicon), weights: model.weightVector)
    }

    struct Prepared: PreparedBeadScorer {
        let extractor: BeadFeatureExtractor
        /// The model's weights in feature order.
        let weights: [Double]
        func score(source: Range<Int>, target: Range<Int>) -> Double {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: weights.count) { features in
                extractor.features(source: source, target: target, into: features)
                var sum = 0.0
                for k in 0..<weights.count { sum += weights[k] * features[k] }
                return sum
            }
        }
    }
}
