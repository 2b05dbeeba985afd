import Foundation

/// What the aligner learned from a first pass over the texts it aligns (hunalign's bootstrapping idea): the
/// character-length ratio and its variance, and a table of word translations.
public struct LearnedModel: Sendable {
    /// Target characters per source character.
    public var characterRatio: Double
    /// Variance of the target length around `characterRatio` × source length, per source character.
    public var variance: Double
    /// Word translations: folded source word → folded target words.
    public var translations: [String: Set<String>]

    /// The starting point: the ratio from the texts' total lengths, and Gale and Church's variance.
    public init(characterRatio: Double, variance: Double = 6.8, translations: [String: Set<String>] = [:]) {
        self.characterRatio = characterRatio
        self.variance = variance
        self.translations = translations
    }
}

/// Two versions prepared for scoring, and what has been learned about them.
public final class AlignmentPair {
    public let source: AlignmentSide
    public let target: AlignmentSide
    public let model: LearnedModel
    let vocabulary: AlignmentVocabulary
    let sourceUnits: [AlignmentUnit]
    let targetUnits: [AlignmentUnit]

    init(source: AlignmentSide, target: AlignmentSide, model: LearnedModel? = nil) {
        self.source = source
        self.target = target
        let vocabulary = AlignmentVocabulary()
        self.vocabulary = vocabulary
        sourceUnits = UnitBuilder.units(source, vocabulary: vocabulary)
        targetUnits = UnitBuilder.units(target, vocabulary: vocabulary)
        let sourceCharacters = max(1, sourceUnits.reduce(0) { $0 + $1.characters })
        let targetCharacters = max(1, targetUnits.reduce(0) { $0 + $1.characters })
        self.model = model ?? LearnedModel(characterRatio: Double(targetCharacters) / Double(sourceCharacters))
    }

    /// The coarse version of a pair: consecutive sentences joined in pairs on both sides (units merged, not
    /// rebuilt from text).
    init(mergedInPairs other: AlignmentPair) {
        source = other.source.mergedInPairs()
        target = other.target.mergedInPairs()
        vocabulary = other.vocabulary
        sourceUnits = UnitBuilder.mergedInPairs(other.sourceUnits)
        targetUnits = UnitBuilder.mergedInPairs(other.targetUnits)
        model = other.model
    }

    /// The same pair with a new model (units are shared, not rebuilt).
    init(_ other: AlignmentPair, model: LearnedModel) {
        source = other.source
        target = other.target
        vocabulary = other.vocabulary
        sourceUnits = other.sourceUnits
        targetUnits = other.targetUnits
        self.model = model
    }
}

/// A scorer: one kind of evidence that some source sentences and some target sentences translate each other.
///
/// Scorers are combined by adding their scores (natural-log odds: positive for evidence of a translation, negative
/// against, 0 when the scorer has nothing to say). Add your own (for example sentence embeddings) through
/// ``Aligner/init(options:scorers:)``.
public protocol BeadScorer: Sendable {
    /// A short name for diagnostics.
    var name: String { get }
    /// Prepares scoring for one pair of versions. Called once per pass; the result is used by one task.
    func prepare(_ pair: AlignmentPair) -> any PreparedBeadScorer
}

/// A scorer ready for one pair of versions.
public protocol PreparedBeadScorer {
    /// Log-odds that `source` sentences (indices into the source version) translate `target` sentences.
    /// Both ranges are non-empty and hold at most three sentences each.
    func score(source: Range<Int>, target: Range<Int>) -> Double
}

/// Length: translations have proportional lengths in characters (Gale and Church's model, with the ratio and
/// the variance learned from the texts themselves).
public struct LengthScorer: BeadScorer {
    public var weight: Double
    public var name: String { "length" }

    public init(weight: Double = 1) { self.weight = weight }

    public func prepare(_ pair: AlignmentPair) -> any PreparedBeadScorer {
        Prepared(source: pair.sourceUnits.map { Double($0.characters) }, target: pair.targetUnits.map { Double($0.characters) },
                 ratio: pair.model.characterRatio, variance: pair.model.variance, weight: weight)
    }

    struct Prepared: PreparedBeadScorer {
        let source: [Double]
        let target: [Double]
        let ratio: Double
        let variance: Double
        let weight: Double

        func score(source s: Range<Int>, target t: Range<Int>) -> Double {
            let ls = s.reduce(0.0) { $0 + source[$1] }
            let lt = t.reduce(0.0) { $0 + target[$1] }
            return weight * Self.logProbability(sourceLength: ls, targetLength: lt, ratio: ratio, variance: variance)
        }

        /// log P(|δ| at least this large), δ = (lt − c·ls) / √(s²·l̄): 0 for a perfect ratio, negative otherwise.
        static func logProbability(sourceLength ls: Double, targetLength lt: Double, ratio: Double, variance: Double) -> Double {
            let mean = max(1, (ls + lt / ratio) / 2)
            let delta = abs(lt - ratio * ls) / (variance * mean).squareRoot()
            return log(max(erfc(delta / 2.0.squareRoot()), 1e-12))
        }
    }
}

/// Anchors: numbers in every local format, month names, and document references appear in every version.
/// Each one found on both sides is evidence for the bead; a number on one side only is evidence against it.
public struct AnchorScorer: BeadScorer {
    public var matchWeight: Double
    public var mismatchWeight: Double
    public var name: String { "anchors" }

    public init(matchWeight: Double = 1.6, mismatchWeight: Double = 0.8) {
        self.matchWeight = matchWeight
        self.mismatchWeight = mismatchWeight
    }

    public func prepare(_ pair: AlignmentPair) -> any PreparedBeadScorer {
        func keys(_ units: [AlignmentUnit]) -> [[Int]] {
            // FNV-1a of the anchor's bytes: stable across runs (String.hashValue is seeded per process).
            units.map { $0.anchors.map { anchor in
                (anchor.kind == .reference ? 1 : 0) | Int(truncatingIfNeeded: Abbreviations.hash(Array(anchor.description.utf8)) << 1)
            } }
        }
        return Prepared(source: keys(pair.sourceUnits), target: keys(pair.targetUnits),
                        match: matchWeight, mismatch: mismatchWeight)
    }

    /// Anchors as integers: bit 0 marks a document reference.
    struct Prepared: PreparedBeadScorer {
        let source: [[Int]]
        let target: [[Int]]
        let match: Double
        let mismatch: Double

        func score(source s: Range<Int>, target t: Range<Int>) -> Double {
            let (matched, unmatched, references) = counts(source: s, target: t)
            // A document reference matched counts double.
            return match * Double(matched + references) - mismatch * Double(unmatched)
        }

        /// Anchors found on both sides (each used once), anchors on one side only, and matched references.
        func counts(source s: Range<Int>, target t: Range<Int>) -> (matched: Int, unmatched: Int, references: Int) {
            var leftCount = 0
            for k in s { leftCount += source[k].count }
            var rightCount = 0
            for k in t { rightCount += target[k].count }
            guard leftCount > 0 && rightCount > 0 else { return (0, leftCount + rightCount, 0) }
            // Small multisets: match each left anchor against a not-yet-used right anchor.
            var used: UInt64 = 0
            var matched = 0
            var references = 0
            for k in s {
                for anchor in source[k] {
                    var position = 0
                    search: for r in t {
                        for candidate in target[r] {
                            defer { position += 1 }
                            if position < 64, used & (1 << position) == 0, candidate == anchor {
                                used |= 1 << position
                                matched += 1
                                references += anchor & 1
                                break search
                            }
                        }
                    }
                }
            }
            return (matched, leftCount + rightCount - 2 * matched, references)
        }
    }
}

/// Words: the share of each side's words (weighted by rarity) that have a translation on the other side. A word
/// translates another when both spell the same (names and cognates, compared without diacritics), when an
/// expression of a lexicon concept covers each of them (``Lexicon``: the shipped glossary, domain lexicon and
/// learned news table, or the caller's), or when the table learned from a first pass pairs them.
public struct LexicalScorer: BeadScorer {
    public var weight: Double
    /// Where the baseline sits between the coverage unrelated sentences reach by chance (0) and the coverage of
    /// neighbouring, mostly translated sentences (1): below it, words are evidence against a bead.
    public var baseline: Double
    /// The concepts matched in sentences.
    let lexicon: LexiconIndex
    public var name: String { "lexical" }

    /// `lexicon` defaults to ``Lexicon/standard`` (indexed once per process; another lexicon is indexed here).
    public init(weight: Double = 20, baseline: Double = 0.15, lexicon: Lexicon? = nil) {
        self.init(weight: weight, baseline: baseline, index: lexicon.map(LexiconIndex.init) ?? LexiconIndex.standard)
    }

    init(weight: Double, baseline: Double, index: LexiconIndex) {
        self.weight = weight
        self.baseline = baseline
        self.lexicon = index
    }

    public func prepare(_ pair: AlignmentPair) -> any PreparedBeadScorer {
        LexicalPrepared(pair: pair, lexicon: lexicon, weight: weight, baseline: baseline)
    }
}

/// A scorer that reads words through a lexicon index.
protocol LexiconScoring {
    var lexicon: LexiconIndex { get }
}

extension LexicalScorer: LexiconScoring {}

extension LexiconIndex {
    /// The index of ``Lexicon/handMade``, built once.
    static let handMade = LexiconIndex(bundled: ["glossary", "domain-lexicon"])
    /// The index of ``Lexicon/standard``, built once.
    static let standard = LexiconIndex(combining: [handMade, LexiconIndex(bundled: ["news-lexicon"])])
}

/// The lexical scorer for one pair: every word reduced to the keys it can match by, stored flat (no nested
/// arrays, so scoring does no reference counting), and stamps for fast membership tests (one scorer per task).
final class LexicalPrepared: PreparedBeadScorer {
    /// The words of one side, flat; sentence k owns words wordStart[k] ..< wordStart[k + 1].
    private struct Side {
        var wordStart: [Int] = [0]
        var identity: [Int32] = []   // folded spelling when spelling counts, else -1
        var folded: [Int32] = []
        var weight: [Double] = []
        var keyStart: [Int] = [0]    // word w owns keys keyStart[w] ..< keyStart[w + 1]
        var conceptKeys: [Int32] = []
        var partnerStart: [Int] = [0]
        var partnerKeys: [Int32] = []
    }

    private let source: Side
    private let target: Side
    private let weight: Double
    private let baseline: Double
    private let foldedStamp: UnsafeMutableBufferPointer<UInt32>
    private let conceptStamp: UnsafeMutableBufferPointer<UInt32>
    private var generation: UInt32 = 0
    /// The source sentence whose words the stamps mark as they stood at `stampedGeneration` (-1: none): a search
    /// asks which words of many target sentences in a row translate into one source sentence, whose stamps then
    /// serve them all.
    private var stampedSourceSentence = -1
    private var stampedGeneration: UInt32 = 0
    /// For one source sentence (`maskedSentence`, -1: none), the words of it that each spelling (by folded id) and
    /// each lexicon concept of the other version would translate, as bits; entries count only where their mark is
    /// `maskGeneration`. A search asks about one source sentence against many target sentences in a row: each is
    /// then read once, with no stamps to write.
    private let maskBySpelling: UnsafeMutableBufferPointer<UInt64>
    private let maskByConcept: UnsafeMutableBufferPointer<UInt64>
    private let spellingMark: UnsafeMutableBufferPointer<UInt32>
    private let conceptMark: UnsafeMutableBufferPointer<UInt32>
    private var maskGeneration: UInt32 = 0
    private var maskedSentence = -1

    /// `ignoringFunctionWords`: function words (``FunctionWords``) weigh nothing in coverage.
    init(pair: AlignmentPair, lexicon: LexiconIndex, weight: Double, baseline: Double, ignoringFunctionWords: Bool = false) {
        self.weight = weight
        self.baseline = baseline
        let vocabulary = pair.vocabulary
        // Inverse document frequency on each side, by word id (every word of a side occurs in one of its units).
        func idf(_ units: [AlignmentUnit]) -> [Double] {
            var documentFrequency = [Int](repeating: 0, count: vocabulary.count)
            for unit in units { for token in unit.tokens { documentFrequency[Int(token.folded)] += 1 } }
            let n = Double(max(units.count, 1))
            return documentFrequency.map { $0 > 0 ? log(1 + n / Double($0)) : 1 }
        }
        // The learned table maps source words to target words; target words get the reverse.
        var forward: [Int32: [Int32]] = [:]
        var reverse: [Int32: Set<Int32>] = [:]
        for (word, partners) in pair.model.translations {
            guard let id = vocabulary.ids[word] else { continue }
            let ids = partners.compactMap { vocabulary.ids[$0] }
            forward[id] = ids
            for partner in ids { reverse[partner, default: []].insert(id) }
        }
        let vietnamese = pair.source.languages.contains(.vietnamese) || pair.target.languages.contains(.vietnamese)
        // A lexicon that knows no language of one version matches no concept on both sides: it is not consulted
        // (nor built, for the shipped lexicons).
        let usesLexicon = lexicon.relates(Set(pair.sourceUnits.map(\.language)), Set(pair.targetUnits.map(\.language)))
        func side(_ units: [AlignmentUnit], _ idf: [Double], _ partners: (Int32) -> [Int32]) -> Side {
            var side = Side()
            // Per token of a unit, its concepts (each once, in the order its occurrences meet them), flat: token t
            // owns conceptsOf[conceptStart[t] ..< conceptStart[t] + conceptCount[t]].
            var conceptCount: [Int] = [], conceptStart: [Int] = [], conceptsOf: [Int32] = []
            for unit in units {
                // Lexicon concepts of each token: every expression matched over the sentence's words.
                let keys = unit.occurrences.map { occurrence in
                    unit.language == .vietnamese ? occurrence.form
                        : vocabulary.words[Int(unit.tokens[Int(occurrence.token)].folded)]
                }
                let matched = usesLexicon ? lexicon.concepts(ofWords: keys, language: unit.language)
                    : Array(repeating: [], count: keys.count)
                conceptCount.removeAll(keepingCapacity: true)
                conceptCount.append(contentsOf: repeatElement(0, count: unit.tokens.count))
                for (k, concepts) in matched.enumerated() { conceptCount[Int(unit.occurrences[k].token)] += concepts.count }
                conceptStart.removeAll(keepingCapacity: true)
                var offset = 0
                for count in conceptCount { conceptStart.append(offset); offset += count }
                conceptsOf.removeAll(keepingCapacity: true)
                conceptsOf.append(contentsOf: repeatElement(-1, count: offset))
                for t in conceptCount.indices { conceptCount[t] = 0 }
                for (k, concepts) in matched.enumerated() {
                    let token = Int(unit.occurrences[k].token)
                    let start = conceptStart[token]
                    for concept in concepts where !conceptsOf[start..<start + conceptCount[token]].contains(concept) {
                        conceptsOf[start + conceptCount[token]] = concept
                        conceptCount[token] += 1
                    }
                }
                for (t, token) in unit.tokens.enumerated() {
                    // Same spelling counts for names everywhere, and for longer words where no side is Vietnamese
                    // (folded Vietnamese syllables coincide with short French and English words).
                    let identity = token.length >= 3 && (token.capitalised || (!vietnamese && token.length >= 4))
                    side.identity.append(identity ? token.folded : -1)
                    side.folded.append(token.folded)
                    let functionWord = ignoringFunctionWords
                        && FunctionWords.standard.contains(vocabulary.words[Int(token.folded)], language: unit.language)
                    side.weight.append(functionWord ? 0 : idf[Int(token.folded)])
                    side.conceptKeys.append(contentsOf: conceptsOf[conceptStart[t]..<conceptStart[t] + conceptCount[t]])
                    side.keyStart.append(side.conceptKeys.count)
                    side.partnerKeys.append(contentsOf: partners(token.folded))
                    side.partnerStart.append(side.partnerKeys.count)
                }
                side.wordStart.append(side.folded.count)
            }
            return side
        }
        source = side(pair.sourceUnits, idf(pair.sourceUnits)) { forward[$0] ?? [] }
        target = side(pair.targetUnits, idf(pair.targetUnits)) { reverse[$0].map(Array.init) ?? [] }
        /// A table of `count` zeros (one place at least), one per spelling or concept.
        func zeros<Value: FixedWidthInteger>(_ count: Int) -> UnsafeMutableBufferPointer<Value> {
            let table = UnsafeMutableBufferPointer<Value>.allocate(capacity: max(1, count))
            table.initialize(repeating: 0)
            return table
        }
        foldedStamp = zeros(vocabulary.count)
        let conceptCount = usesLexicon ? lexicon.conceptCount : 0
        conceptStamp = zeros(conceptCount)
        maskBySpelling = zeros(vocabulary.count)
        spellingMark = zeros(vocabulary.count)
        maskByConcept = zeros(conceptCount)
        conceptMark = zeros(conceptCount)
        func totals(_ side: Side) -> [Double] {
            (0..<side.wordStart.count - 1).map { k in side.weight[side.wordStart[k]..<side.wordStart[k + 1]].reduce(0, +) }
        }
        sourceTotals = totals(source)
        targetTotals = totals(target)
        let pairs = pair.sourceUnits.count * pair.targetUnits.count
        func sums() -> UnsafeMutableBufferPointer<Double>? {
            guard pairs > 0 && pairs <= Self.cacheLimit else { return nil }
            let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: pairs * Self.cachedSpan)
            sums.initialize(repeating: -1)
            return sums
        }
        forwardSums = sums()
        backwardSums = sums()
        forwardWords = SentencePairBits(pairs: pairs)
        backwardWords = SentencePairBits(pairs: pairs)
        let (signal, chance) = calibration(sourceCount: pair.sourceUnits.count, targetCount: pair.targetUnits.count)
        self.signal = signal
        self.chance = chance
        maskedSentence = -1  // the calibration's samples reached far down the text; a search starts from the top
    }

    /// Mean coverage near the diagonal (best of a few neighbours, where translations are) and far from it
    /// (where they are not), over a sample of source sentences.
    private func calibration(sourceCount n: Int, targetCount m: Int) -> (signal: Double, chance: Double) {
        guard n >= 4, m >= 4 else { return (0.5, 0.1) }
        let samples = min(n, 200)
        var near = 0.0, far = 0.0
        for k in 0..<samples {
            let i = k * n / samples
            let j = Int((Double(i) + 0.5) * Double(m) / Double(n))
            func best(around center: Int) -> Double {
                var value = 0.0
                for d in -3...3 {
                    let t = ((center + d) % m + m) % m
                    value = max(value, ratio(source: i..<i + 1, target: t..<t + 1))
                }
                return value
            }
            near += best(around: j)
            far += best(around: j + m / 2)
        }
        return (near / Double(samples), far / Double(samples))
    }

    private var signal = 0.0
    private var chance = 0.0

    /// The share of the source words (weighted by rarity) with a translation among the target words, and the
    /// other way round.
    func coverages(source s: Range<Int>, target t: Range<Int>) -> (forward: Double, backward: Double) {
        (forwardCoverage(source: s, target: t), backwardCoverage(source: s, target: t))
    }

    /// The first of ``coverages(source:target:)``: the share of the source sentences' words found in the target's.
    func forwardCoverage(source s: Range<Int>, target t: Range<Int>) -> Double {
        let forward = coverage(from: s, of: .source, against: t)
        return forward.total > 0 ? forward.matched / forward.total : 0
    }

    /// The second: the share of the target sentences' words found in the source's.
    func backwardCoverage(source s: Range<Int>, target t: Range<Int>) -> Double {
        let backward = coverage(from: t, of: .target, against: s)
        return backward.total > 0 ? backward.matched / backward.total : 0
    }

    /// Share of both sides' words (weighted by rarity) that find a translation on the other side.
    private func ratio(source s: Range<Int>, target t: Range<Int>) -> Double {
        let forward = coverage(from: s, of: .source, against: t)
        let backward = coverage(from: t, of: .target, against: s)
        let total = forward.total + backward.total
        return total > 0 ? (forward.matched + backward.matched) / total : 0
    }

    /// Which version's words are counted.
    private enum Direction { case source, target }

    /// Weighted count of the words of sentences `from` (of the version `direction` names) that have a translation
    /// among the words of sentences `against` (of the other version), and the weight of all of them.
    ///
    /// Which words of a sentence find a translation in one sentence of the other version is worked out once per
    /// pair of sentences and kept as a bit set (``SentencePairBits``): a search asks about the same pair from many
    /// beads (a bead's own coverage, its sentences' one by one, its shorter and longer variants'), and a word finds
    /// a translation in a run of sentences exactly when it finds one in one of them. The count adds the weights of
    /// the words found in text order, per sentence when the pair is small and `against` short (each sentence's sum
    /// then kept as well) and in one running sum otherwise, so that every score is the same to the last bit.
    private func coverage(from: Range<Int>, of direction: Direction, against: Range<Int>) -> (matched: Double, total: Double) {
        // (The versions' word tables are read in place: copying them out would retain every array at each call.)
        let forward = direction == .source
        var total = 0.0
        if forward { for k in from { total += sourceTotals[k] } } else { for k in from { total += targetTotals[k] } }
        let sums = forward ? forwardSums : backwardSums
        let perSentence = sums != nil && against.count <= Self.cachedSpan
        let width = forward ? targetTotals.count : sourceTotals.count
        var matched = 0.0
        for k in from {
            // A small pair keeps each sentence's sum too: most beads then cost one look-up per sentence.
            let sumSlot = perSentence ? (k * width + against.lowerBound) * Self.cachedSpan + against.count - 1 : 0
            if perSentence, let sums, sums[sumSlot] >= 0 {
                matched += sums[sumSlot]
                continue
            }
            let first = forward ? source.wordStart[k] : target.wordStart[k]
            let count = (forward ? source.wordStart[k + 1] : target.wordStart[k + 1]) - first
            guard count <= SentencePairBits.capacity else {
                // A sentence of more words than a bit set holds: counted directly (rare).
                if perSentence {
                    let partial = forward ? coverage(from: k..<k + 1, of: source, against: against, in: target).matched
                                          : coverage(from: k..<k + 1, of: target, against: against, in: source).matched
                    sums?[sumSlot] = partial
                    matched += partial
                    continue
                }
                let all = forward ? coverage(from: from, of: source, against: against, in: target).matched
                                  : coverage(from: from, of: target, against: against, in: source).matched
                return (all, total)
            }
            var found: UInt64 = 0
            for j in against { found |= translatedWords(of: k, in: j, forward: forward) }
            var partial = 0.0
            while found != 0 {
                let w = first + found.trailingZeroBitCount
                if perSentence { partial += forward ? source.weight[w] : target.weight[w] }
                else { matched += forward ? source.weight[w] : target.weight[w] }
                found &= found - 1
            }
            if perSentence {
                sums?[sumSlot] = partial
                matched += partial
            }
        }
        return (matched, total)
    }

    /// The words of sentence `k` (of the source version when `forward`, else of the target) that find a
    /// translation among the words of sentence `j` of the other version, as bits, computed once.
    @inline(__always)
    private func translatedWords(of k: Int, in j: Int, forward: Bool) -> UInt64 {
        (forward ? forwardWords : backwardWords).bits(at: k * (forward ? targetTotals.count : sourceTotals.count) + j) {
            forward ? sourceWordsTranslated(of: k, in: j) : targetWordsTranslated(of: k, in: j)
        }
    }

    /// ``translatedWords(of:in:forward:)`` of source sentence `k` in target sentence `j`: read from `k`'s masks,
    /// made when a search moves on to a later source sentence (an earlier one is stamped as before).
    private func sourceWordsTranslated(of k: Int, in j: Int) -> UInt64 {
        if k != maskedSentence {
            guard k > maskedSentence else { return translatedWords(of: k, in: j, of: source, in: target, stamp: nil) }
            mask(sourceSentence: k)
        }
        let g = maskGeneration
        var bits: UInt64 = 0
        for x in target.wordStart[j]..<target.wordStart[j + 1] {
            let spelling = Int(target.folded[x])
            if spellingMark[spelling] == g { bits |= maskBySpelling[spelling] }
            for c in target.keyStart[x]..<target.keyStart[x + 1] {
                let concept = Int(target.conceptKeys[c])
                if conceptMark[concept] == g { bits |= maskByConcept[concept] }
            }
        }
        return bits
    }

    /// Makes the masks of source sentence `k`: for each spelling and concept that would translate one of its words
    /// (the word's own spelling when spelling counts, its lexicon concepts, its partners in the learned table), the
    /// bits of those words — what ``hasTranslation(_:of:stamp:)`` asks of the other version's stamps.
    private func mask(sourceSentence k: Int) {
        maskGeneration &+= 1
        if maskGeneration == 0 {  // wrapped: clear the marks
            spellingMark.update(repeating: 0)
            conceptMark.update(repeating: 0)
            maskGeneration = 1
        }
        let g = maskGeneration
        /// Adds `bit` to the mask at `place`, which starts empty when its mark is not this generation's.
        @inline(__always) func add(_ bit: UInt64, at place: Int32, _ masks: UnsafeMutableBufferPointer<UInt64>,
                                   _ marks: UnsafeMutableBufferPointer<UInt32>) {
            let place = Int(place)
            if marks[place] == g { masks[place] |= bit } else {
                marks[place] = g
                masks[place] = bit
            }
        }
        let first = source.wordStart[k]
        for w in first..<source.wordStart[k + 1] {
            let bit: UInt64 = 1 << UInt64(w - first)
            if source.identity[w] >= 0 { add(bit, at: source.identity[w], maskBySpelling, spellingMark) }
            for c in source.keyStart[w]..<source.keyStart[w + 1] { add(bit, at: source.conceptKeys[c], maskByConcept, conceptMark) }
            for p in source.partnerStart[w]..<source.partnerStart[w + 1] {
                add(bit, at: source.partnerKeys[p], maskBySpelling, spellingMark)
            }
        }
        maskedSentence = k
    }

    /// ``translatedWords(of:in:forward:)`` of target sentence `k` in source sentence `j`, with the stamps of `j`
    /// kept from the last call when nothing was stamped since.
    private func targetWordsTranslated(of k: Int, in j: Int) -> UInt64 {
        let stamp: UInt32
        if stampedSourceSentence == j && stampedGeneration == generation {
            stamp = generation
        } else {
            stamp = stampWords(of: j..<j + 1, in: source)
            stampedSourceSentence = j
            stampedGeneration = stamp
        }
        return translatedWords(of: k, in: j, of: target, in: source, stamp: stamp)
    }

    /// The words of sentence `k` of `side` that find a translation among the words of sentence `j` of `other`,
    /// marked with `stamp` (stamped here when nil).
    private func translatedWords(of k: Int, in j: Int, of side: Side, in other: Side, stamp: UInt32?) -> UInt64 {
        let stamp = stamp ?? stampWords(of: j..<j + 1, in: other)
        var bits: UInt64 = 0
        let first = side.wordStart[k]
        for w in first..<side.wordStart[k + 1] where hasTranslation(w, of: side, stamp: stamp) {
            bits |= 1 << UInt64(w - first)
        }
        return bits
    }

    /// The longest run of sentences of the other version against which small pairs sum their counts per sentence.
    private static let cachedSpan = 3
    /// Pairs of versions of up to this many sentence pairs sum their counts per sentence (see `coverage`).
    private static let cacheLimit = 250_000
    /// In a small pair (nil in others), each sentence's sum by (sentence, first sentence against, number against − 1), by source
    /// and by target sentence; −1 until computed.
    private let forwardSums: UnsafeMutableBufferPointer<Double>?
    private let backwardSums: UnsafeMutableBufferPointer<Double>?
    /// The translated words of each sentence in each sentence of the other version, by source and by target sentence.
    private let forwardWords: SentencePairBits
    private let backwardWords: SentencePairBits
    /// The weight of each sentence's words.
    private let sourceTotals: [Double], targetTotals: [Double]

    deinit {
        foldedStamp.deallocate()
        conceptStamp.deallocate()
        maskBySpelling.deallocate()
        maskByConcept.deallocate()
        spellingMark.deallocate()
        conceptMark.deallocate()
        forwardSums?.deallocate()
        backwardSums?.deallocate()
    }

    /// The words' evidence, calibrated for this pair of texts: coverage is compared with a baseline between what
    /// unrelated sentences reach by chance and what neighbouring (mostly translated) sentences reach, and weighed
    /// by how far apart those two are. A pair whose words say nothing (no shared spelling, no glossary, nothing
    /// learned yet, as for Chinese–English on a first pass) leaves the decision to length and anchors.
    func score(source s: Range<Int>, target t: Range<Int>) -> Double {
        guard effectiveWeight > 0 else { return 0 }
        return effectiveWeight * (ratio(source: s, target: t) - effectiveBaseline)
    }

    private var effectiveWeight: Double {
        weight * min(1, max(0, (signal - chance) / Self.referenceSeparation))
    }

    private var effectiveBaseline: Double {
        chance + baseline * (signal - chance)
    }

    /// The separation between signal and chance at which the words get their full weight.
    private static let referenceSeparation = 0.08

    /// Weighted count of the words of `from` that have a translation among the words of `against`.
    private func coverage(from: Range<Int>, of side: Side, against: Range<Int>, in other: Side)
        -> (matched: Double, total: Double) {
        let stamp = stampWords(of: against, in: other)
        var matched = 0.0
        var total = 0.0
        for w in side.wordStart[from.lowerBound]..<side.wordStart[from.upperBound] {
            let weight = side.weight[w]
            total += weight
            if hasTranslation(w, of: side, stamp: stamp) { matched += weight }
        }
        return (matched, total)
    }

    /// Marks the spellings and concepts of the words of sentences `range` of `other` with a new stamp, returned.
    @inline(__always)
    private func stampWords(of range: Range<Int>, in other: Side) -> UInt32 {
        generation &+= 1
        if generation == 0 {  // wrapped: clear the stamps (and forget which sentence they marked)
            foldedStamp.update(repeating: 0)
            conceptStamp.update(repeating: 0)
            generation = 1
            stampedSourceSentence = -1
        }
        let stamp = generation
        for w in other.wordStart[range.lowerBound]..<other.wordStart[range.upperBound] {
            foldedStamp[Int(other.folded[w])] = stamp
            for k in other.keyStart[w]..<other.keyStart[w + 1] { conceptStamp[Int(other.conceptKeys[k])] = stamp }
        }
        return stamp
    }

    /// Whether word `w` of `side` has a translation among the words marked with `stamp`: the same spelling, a
    /// lexicon concept in common, or a partner in the learned table.
    @inline(__always)
    private func hasTranslation(_ w: Int, of side: Side, stamp: UInt32) -> Bool {
        let identity = side.identity[w]
        if identity >= 0 && foldedStamp[Int(identity)] == stamp { return true }
        for k in side.keyStart[w]..<side.keyStart[w + 1] where conceptStamp[Int(side.conceptKeys[k])] == stamp { return true }
        for k in side.partnerStart[w]..<side.partnerStart[w + 1] where foldedStamp[Int(side.partnerKeys[k])] == stamp {
            return true
        }
        return false
    }
}

/// For pairs of sentences of two versions, a set of up to 63 of the first sentence's words (word k is bit k): those that find a translation in the second (``LexicalPrepared``), or the
/// names that the second holds (``BeadFeatureExtractor``); each computed once.
///
/// Up to ``denseLimit`` pairs every pair has its own place. Above it (long texts, whose search is banded, so that
/// only a thin diagonal of the pairs is ever asked about) the table holds ``hashedPlaces`` places, each pair hashed
/// to one, the newest value replacing an older one: memory stays bounded at any length, and a search, which moves
/// along the diagonal, finds what it computed a moment before. A value is the same whether kept or computed again,
/// so the table never changes a score.
final class SentencePairBits {
    /// The words of a sentence a bit set holds; longer sentences are counted directly.
    static let capacity = 63
    /// Marks a kept value (an empty set is kept too).
    private static let computed: UInt64 = 1 << 63
    private static let wordBits: UInt64 = computed - 1
    /// Pairs of sentences given a place each (2 MB).
    static let denseLimit = 1 << 18
    /// Places in a hashed table (1 MB): many times the pairs a search asks about while it crosses a few sentences
    /// (a band's width for each of the three sentences a bead may hold).
    static let hashedPlaces = 1 << 16
    private let values: UnsafeMutableBufferPointer<UInt64>
    /// In a hashed table, the pair + 1 each place holds (0: none); empty in a dense one.
    private let keys: UnsafeMutableBufferPointer<Int>
    private let shift: UInt64

    init(pairs: Int) {
        let dense = pairs <= Self.denseLimit
        let places = Self.hashedPlaces
        values = .allocate(capacity: max(1, dense ? pairs : places))
        values.initialize(repeating: 0)
        keys = .allocate(capacity: dense ? 0 : places)
        keys.initialize(repeating: 0)
        shift = UInt64(64 - places.trailingZeroBitCount)
    }

    deinit {
        values.deallocate()
        keys.deallocate()
    }

    @inline(__always)
    private func place(_ pair: Int) -> Int {
        keys.isEmpty ? pair : Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: pair) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The bits of `pair`: kept ones, or those `compute` gives (of the first ``capacity`` words), then kept.
    @inline(__always)
    func bits(at pair: Int, _ compute: () -> UInt64) -> UInt64 {
        let place = place(pair)
        if keys.isEmpty || keys[place] == pair + 1, values[place] != 0 { return values[place] & Self.wordBits }
        let bits = compute()
        if !keys.isEmpty { keys[place] = pair + 1 }
        values[place] = bits | Self.computed
        return bits
    }
}

/// Words that carry grammar rather than content, per language (`Resources/function-words.tsv`), compared folded.
struct FunctionWords: Sendable {
    let words: [Language: Set<String>]

    func contains(_ folded: String, language: Language) -> Bool { words[language]?.contains(folded) ?? false }

    static let standard: FunctionWords = {
        var words: [Language: Set<String>] = [:]
        for line in ResourceFile.lines(named: "function-words", extension: "tsv") {
            let columns = line.split(separator: "\t").map(String.init)
            guard columns.count == 2, let language = Language(code: columns[0]) else {
                preconditionFailure("function-words.tsv: bad line \(line)")
            }
            words[language, default: []].insert(Normalization.folded(columns[1]))
        }
        return FunctionWords(words: words)
    }()
}
