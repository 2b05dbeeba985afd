import Foundation

/// Aligns the sentences of two versions of a text: n:m beads (up to three sentences a side, four in all), with a
/// confidence for each, and material present in one version only left unaligned.
///
/// Scoring combines swappable ``BeadScorer``s (length, anchors, words by default). The search is a dynamic
/// programme over bead shapes 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3, 3-1; long inputs are searched coarse-to-fine
/// (the coarse passes, over merged sentences, with beads of up to two units a side),
/// in a band around the alignment of merged sentence pairs, so time and memory grow near-linearly; a mid-size input
/// is searched in such a band first and in whole only when the band hems in its best path.
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
        let (alignment, scores) = alignWithEvidence(source, target, scored: confidenceCalibration != nil)
        return calibrated(alignment, scores: scores, agreements: nil)
    }

    /// The alignment of two versions before any calibration (each link's confidence is its posterior), with each
    /// bead's score when `scored` (nil for beads that do not link, and for every bead otherwise): what a calibration
    /// reads.
    func alignWithEvidence(_ source: AlignmentSide, _ target: AlignmentSide,
                           scored: Bool = true) -> (alignment: Alignment, scores: [Double?]) {
        let languages = [source.mainLanguage, target.mainLanguage]
        let counts = [source.sentences.count, target.sentences.count]
        guard !source.sentences.isEmpty || !target.sentences.isEmpty else {
            return (Alignment(languages: languages, sentenceCounts: counts, beads: []), [])
        }
        if source.sentences.isEmpty || target.sentences.isEmpty {
            let beads = (0..<source.sentences.count).map { Bead(sentences: [$0..<$0 + 1, 0..<0], confidence: 1) }
                + (0..<target.sentences.count).map { Bead(sentences: [0..<0, $0..<$0 + 1], confidence: 1) }
            return (Alignment(languages: languages, sentenceCounts: counts, beads: beads), beads.map { _ in nil })
        }
        // A lexicon the versions' languages call for is built before their word units are made: built after them,
        // its tries sit where the allocator lets the peak resident memory of long texts grow by a tenth.
        let written = (Set(source.languages), Set(target.languages))
        for case let scorer as any LexiconScoring in scorers { scorer.lexicon.prepare(relating: written.0, written.1) }
        var pair = AlignmentPair(source: source, target: target)
        var window = searchWindow(pair)
        // The scorers are prepared once per pair (and again only when bootstrapping changes the pair): the search,
        // the crossing links and the calibration all score with the same preparation.
        var prepared = scorers.map { $0.prepare(pair) }
        var beads = searchVerified(pair, window: &window, prepared: prepared)
        if options.bootstrap {
            // One round: a second one was measured to lose accuracy on the development data.
            if let model = Learner.learn(from: beads, pair: pair) {
                pair = AlignmentPair(pair, model: model)
                prepared = scorers.map { $0.prepare(pair) }
                beads = searchVerified(pair, window: &window, prepared: prepared)
            }
        }
        if options.recoverCrossingLinks {
            beads = CrossingLinks.recover(beads, pair: pair, prepared: prepared, temperature: options.temperature,
                                          deletionPrior: options.deletionPrior, oneToOnePrior: shapes[0].prior,
                                          threshold: options.crossingLinkThreshold)
        }
        let scores = scored ? linkScores(beads, prepared: prepared) : beads.map { _ in nil }
        return (Alignment(languages: languages, sentenceCounts: counts, beads: beads), scores)
    }

    /// `alignment` with each link's confidence calibrated from its posterior, its score and, when given, what a
    /// third version says of it (unchanged without a calibration).
    func calibrated(_ alignment: Alignment, scores: [Double?], agreements: [ThirdVersionAgreement]?) -> Alignment {
        guard let confidenceCalibration else { return alignment }
        var result = alignment
        result.beads = alignment.beads.indices.map { k in
            let bead = alignment.beads[k]
            guard let score = scores[k] else { return bead }
            return Bead(sentences: bead.sentences,
                        confidence: confidenceCalibration.confidence(posterior: bead.confidence, score: score,
                                                                     agreement: agreements?[k] ?? .silent))
        }
        return result
    }

    /// The scorers' sum for every link of `beads` (nil for beads that do not link).
    func linkScores(_ beads: [Bead], prepared: [any PreparedBeadScorer]) -> [Double?] {
        beads.map { bead in
            bead.isLink ? prepared.score(source: bead.sentences[0], target: bead.sentences[1]) : nil
        }
    }

    /// The bead shapes searched, with their log priors (deletions get ``AlignmentOptions/deletionPrior``).
    /// 1-1 comes first (``CrossingLinks`` takes its prior from there); on equal scores the search keeps the
    /// earlier shape.
    var shapes: [(shape: BeadShape, prior: Double)] {
        // Shapes 2-3 and 3-2 only when the priors name them (the bead model does; the classic scorers do not).
        let extra = Self.shapesSearchedWithPriorOnly.filter { options.shapePriors[$0] != nil }
        return (Self.shapesAlwaysSearched + extra).map { shape in
            (shape, shape.isLink ? options.shapePriors[shape] ?? log(0.001) : options.deletionPrior)
        }
    }

    /// The shapes of a coarse search, which only places the band of the finer one: all but those with three units
    /// on one side (1-3, 3-1, 2-3, 3-2), the costliest to score. A coarse unit holds two sentences or more, and the
    /// band's margin lets the finer search leave the coarse path wherever it erred (leaving out 2-2 as well moved
    /// links of the finer search on long texts; these shapes did not).
    var coarseShapes: [(shape: BeadShape, prior: Double)] {
        shapes.filter { $0.shape.source < 3 && $0.shape.target < 3 }
    }

    /// The shapes every search tries, in the order it tries them.
    static let shapesAlwaysSearched = [BeadShape(1, 1), BeadShape(1, 0), BeadShape(0, 1), BeadShape(2, 1),
                                       BeadShape(1, 2), BeadShape(2, 2), BeadShape(3, 1), BeadShape(1, 3)]
    /// The shapes searched only when ``AlignmentOptions/shapePriors`` gives them a prior.
    static let shapesSearchedWithPriorOnly = [BeadShape(2, 3), BeadShape(3, 2)]

    /// Runs the dynamic programme in `window` and returns the best beads with their posteriors; `coarse` searches
    /// only the shapes of up to two sentences a side (see ``coarseShapes``).
    func search(_ pair: AlignmentPair, window: SearchWindow, coarse: Bool = false) -> [Bead] {
        search(pair, window: window, prepared: scorers.map { $0.prepare(pair) }, coarse: coarse)
    }

    /// The same, with the scorers already prepared for `pair`.
    func search(_ pair: AlignmentPair, window: SearchWindow, prepared: [any PreparedBeadScorer],
                coarse: Bool = false) -> [Bead] {
        var lattice = BeadLattice(window: window, shapes: coarse ? coarseShapes : shapes,
                                  deletionPrior: options.deletionPrior, temperature: options.temperature)
        let sourceRoles = pair.source.kinds.map(PageRole.init)
        let targetRoles = pair.target.kinds.map(PageRole.init)
        let penalty = options.mixedFurniturePenalty
        let bonus = options.furnitureDeletionBonus
        lattice.run(score: { source, target in
            // Page furniture never links (the news conventions).
            guard PageRole.mayLink(source, of: sourceRoles, target, of: targetRoles) else { return -.infinity }
            var value = prepared.score(source: source, target: target)
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

    /// The best beads in `window`, or, when `window` is a band that the whole lattice could replace (no more than
    /// ``AlignmentOptions/maximumCells`` cells) and the best path in it reaches the band's edge, in the whole
    /// lattice, which then becomes `window`.
    func searchVerified(_ pair: AlignmentPair, window: inout SearchWindow, prepared: [any PreparedBeadScorer]) -> [Bead] {
        let beads = search(pair, window: window, prepared: prepared)
        let n = pair.sourceUnits.count, m = pair.targetUnits.count
        guard (n + 1) * (m + 1) <= options.maximumCells, window.cellCount < (n + 1) * (m + 1), window.confines(beads)
        else { return beads }
        window = .full(n, m)
        return search(pair, window: window, prepared: prepared)
    }

    /// The cells to search: all of them when few enough, else a band around the alignment of a coarser version
    /// (consecutive sentences merged in pairs), found the same way. The text itself is searched in a band from
    /// ``AlignmentOptions/bandFirstCells`` cells (``searchVerified(_:window:prepared:)`` widens it to the whole
    /// lattice when needed); coarser versions from ``AlignmentOptions/maximumCells``.
    func searchWindow(_ pair: AlignmentPair, top: Bool = true) -> SearchWindow {
        let n = pair.sourceUnits.count
        let m = pair.targetUnits.count
        let limit = top ? min(options.bandFirstCells, options.maximumCells) : options.maximumCells
        if (n + 1) * (m + 1) <= limit || n < 8 || m < 8 {
            return SearchWindow.full(n, m)
        }
        let coarsePair = AlignmentPair(mergedInPairs: pair)
        let coarseBeads = search(coarsePair, window: searchWindow(coarsePair, top: false), coarse: true)
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

    /// Whether sentences `source` (of a version whose sentences have roles `sourceRoles`) and `target` may form one
    /// link: page furniture never links (a caption may, though linking it to running text is penalised: a caption
    /// without its credit often looks like text).
    static func mayLink(_ source: Range<Int>, of sourceRoles: [PageRole], _ target: Range<Int>, of targetRoles: [PageRole]) -> Bool {
        !source.contains { sourceRoles[$0] == .furniture } && !target.contains { targetRoles[$0] == .furniture }
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

extension Array where Element == any PreparedBeadScorer {
    /// The scorers' sum for a bead, added in their order (each scorer read in place: no copy of it per bead).
    func score(source: Range<Int>, target: Range<Int>) -> Double {
        var sum = 0.0
        for k in indices { sum += self[k].score(source: source, target: target) }
        return sum
    }
}
