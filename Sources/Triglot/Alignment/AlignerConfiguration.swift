import Foundation

/// How to align.
public struct AlignmentOptions: Sendable, Codable, Equatable {
    /// Learn the length model and a word-translation table from a first pass, then align again.
    public var bootstrap: Bool
    /// After the monotonic pass, link sentences it left unaligned when they clearly translate each other, even
    /// where the link crosses other beads (moved leads and captions).
    public var recoverCrossingLinks: Bool
    /// Searches with more cells than this are done coarse-to-fine, in a band around a coarse alignment, and so is
    /// the coarse search in turn while it has more.
    public var maximumCells: Int
    /// A text with more cells than this (and no more than ``maximumCells``) is first searched in a band around a
    /// coarse alignment as well, and searched whole only if the best path in the band reaches the band's edge (where
    /// a better path outside it may lie): about 140 sentences a side and up, where the whole search costs up to four
    /// times the band's.
    public var bandFirstCells: Int = 20_000
    /// How many sentences on each side of the coarse alignment the band of a coarse-to-fine search reaches, at each
    /// level (the coarse path is placed to within one merged unit; the margin lets the fine search leave it where
    /// the coarse one erred; 6 lost .11 F1 on a 6,700-sentence novel, 15 and 40 lose nothing).
    public var bandMargin: Int = 15
    /// Scale applied to scores before posteriors are computed (calibrates confidences).
    public var temperature: Double
    /// Log prior of a sentence present in one version only.
    public var deletionPrior: Double
    /// Log priors of the bead shapes that link versions, by shape. The search always tries 1-1, 2-1, 1-2, 2-2,
    /// 3-1 and 1-3 (a shape without a prior gets log 0.001), and 2-3 and 3-2 only when they have one here.
    /// Configuration files write the shapes as keys `"1-1"`, `"2-1"`…
    public var shapePriors: [BeadShape: Double]
    /// Log penalty for a bead that joins page material (captions, datelines, furniture) with body text.
    public var mixedFurniturePenalty: Double = 4
    /// Log bonus for leaving page material unaligned.
    public var furnitureDeletionBonus: Double = 2
    /// Score (log-odds above leaving both sentences unaligned) a crossing link must reach to be recovered.
    public var crossingLinkThreshold: Double = 6

    /// Tuned on development data only: the Text+Berg development document and the IWSLT dev2010 talks.
    public static let standardShapePriors: [BeadShape: Double] = [
        BeadShape(1, 1): log(0.85), BeadShape(2, 1): log(0.05), BeadShape(1, 2): log(0.05), BeadShape(2, 2): log(0.01),
        BeadShape(3, 1): log(0.005), BeadShape(1, 3): log(0.002),
    ]

    public init(bootstrap: Bool = true, recoverCrossingLinks: Bool = true, maximumCells: Int = 250_000,
                temperature: Double = 1, deletionPrior: Double = -3.6,
                shapePriors: [BeadShape: Double] = AlignmentOptions.standardShapePriors) {
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
        bandFirstCells = try c.decodeIfPresent(Int.self, forKey: .bandFirstCells) ?? defaults.bandFirstCells
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature) ?? defaults.temperature
        deletionPrior = try c.decodeIfPresent(Double.self, forKey: .deletionPrior) ?? defaults.deletionPrior
        var priors = defaults.shapePriors
        for (key, prior) in try c.decodeIfPresent([String: Double].self, forKey: .shapePriors) ?? [:] {
            guard let shape = BeadShape(key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .shapePriors, in: c,
                    debugDescription: "a shape prior's key is a bead shape like \"2-1\" (source sentences, target sentences), not \"\(key)\"")
            }
            priors[shape] = prior
        }
        shapePriors = priors
        mixedFurniturePenalty = try c.decodeIfPresent(Double.self, forKey: .mixedFurniturePenalty) ?? defaults.mixedFurniturePenalty
        furnitureDeletionBonus = try c.decodeIfPresent(Double.self, forKey: .furnitureDeletionBonus) ?? defaults.furnitureDeletionBonus
        crossingLinkThreshold = try c.decodeIfPresent(Double.self, forKey: .crossingLinkThreshold) ?? defaults.crossingLinkThreshold
        bandMargin = try c.decodeIfPresent(Int.self, forKey: .bandMargin) ?? defaults.bandMargin
    }

    /// Writes every field; the shape priors under their text keys (`"2-1"`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bootstrap, forKey: .bootstrap)
        try c.encode(recoverCrossingLinks, forKey: .recoverCrossingLinks)
        try c.encode(maximumCells, forKey: .maximumCells)
        try c.encode(bandFirstCells, forKey: .bandFirstCells)
        try c.encode(bandMargin, forKey: .bandMargin)
        try c.encode(temperature, forKey: .temperature)
        try c.encode(deletionPrior, forKey: .deletionPrior)
        try c.encode(Dictionary(uniqueKeysWithValues: shapePriors.map { ($0.key.description, $0.value) }), forKey: .shapePriors)
        try c.encode(mixedFurniturePenalty, forKey: .mixedFurniturePenalty)
        try c.encode(furnitureDeletionBonus, forKey: .furnitureDeletionBonus)
        try c.encode(crossingLinkThreshold, forKey: .crossingLinkThreshold)
    }

    private enum CodingKeys: String, CodingKey {
        case bootstrap, recoverCrossingLinks, maximumCells, bandFirstCells, bandMargin, temperature, deletionPrior, shapePriors
        case mixedFurniturePenalty, furnitureDeletionBonus, crossingLinkThreshold
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

    /// The link shapes searched under a bead model, every one with a prior of 0 (the model scores shapes itself).
    static let modelShapes = [BeadShape(1, 1), BeadShape(2, 1), BeadShape(1, 2), BeadShape(2, 2), BeadShape(3, 1),
                              BeadShape(1, 3), BeadShape(2, 3), BeadShape(3, 2)]

    /// The aligner this configuration describes, with the standard scorers and lexicons.
    public var aligner: Aligner { aligner(index: .standard) }

    /// The aligner this configuration describes, its words scored with `lexicon` (for example
    /// `Lexicon.standard.merging(mine)`).
    public func aligner(lexicon: Lexicon) -> Aligner { aligner(index: LexiconIndex(lexicon)) }

    func aligner(index: LexiconIndex) -> Aligner {
        if let model {
            var modelOptions = options
            modelOptions.bootstrap = false
            modelOptions.shapePriors = Dictionary(uniqueKeysWithValues: Self.modelShapes.map { ($0, 0.0) })
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
