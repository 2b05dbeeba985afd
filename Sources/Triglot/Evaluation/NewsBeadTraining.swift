import Foundation

/// Candidate beads of news gold groups, labelled by their gold links, for learning a ``BeadModel``: every bead the
/// aligner's search could make (shapes up to 3-2, no page furniture) whose two sides stand within half a text of
/// each other, and every gold link wherever it stands.
public struct NewsBeadTraining: Sendable {
    private let examples: [(group: String, example: BeadModelTrainer.Example)]

    /// The link shapes the search makes under the bead model.
    static var shapes: [BeadShape] { AlignerConfiguration.modelShapes }

    /// Reads the candidates of every gold pair of `groups` (their units as given by the gold), scoring words with
    /// `lexicon`. Throws only if ICU fails.
    public init(_ groups: [NewsGroup], segmenter: Segmenter = Segmenter(), lexicon: Lexicon = .handMade) throws {
        try self.init(groups, segmenter: segmenter, index: LexiconIndex(lexicon))
    }

    init(_ groups: [NewsGroup], segmenter: Segmenter, index: LexiconIndex) throws {
        var examples: [(String, BeadModelTrainer.Example)] = []
        for group in groups {
            var sides: [Language: AlignmentSide] = [:]
            for version in group.versions {
                sides[version.language] = AlignmentSide(document: try segmenter.segment(version.text, units: version.units))
            }
            for pair in group.pairs {
                guard let gold = group.alignments[pair], let source = sides[pair.first], let target = sides[pair.second] else { continue }
                for example in Self.candidates(source: source, target: target, gold: gold, index: index) {
                    examples.append((group.id, example))
                }
            }
        }
        self.examples = examples
    }

    /// The groups it holds.
    public var groups: [String] { Array(Set(examples.map(\.group))).sorted() }

    /// How many candidates it holds, and how many of them are links.
    public var counts: (candidates: Int, links: Int) { (examples.count, examples.filter { $0.example.isLink }.count) }

    /// The model learned from every group but `excluded`.
    public func learn(excluding excluded: String?, deletionScore: Double = 0) -> BeadModel {
        let kept = examples.filter { $0.group != excluded }
        return BeadModel(weights: BeadModelTrainer().fit(kept.map(\.example)), deletionScore: deletionScore,
                         trainedOn: groups.filter { $0 != excluded })
    }

    static func candidates(source: AlignmentSide, target: AlignmentSide, gold: [VecalignFormat.Line],
                           index: LexiconIndex) -> [BeadModelTrainer.Example] {
        let pair = AlignmentPair(source: source, target: target)
        let extractor = BeadFeatureExtractor(pair: pair, lexicon: index)
        struct Key: Hashable { var s: Range<Int>; var t: Range<Int> }
        var links = Set<Key>()
        for bead in gold where !bead.source.isEmpty && !bead.target.isEmpty {
            // Gold links the search cannot make (not contiguous) are left out.
            guard bead.source == Array(bead.source[0]...bead.source.last!),
                  bead.target == Array(bead.target[0]...bead.target.last!) else { continue }
            links.insert(Key(s: bead.source[0]..<bead.source.last! + 1, t: bead.target[0]..<bead.target.last! + 1))
        }
        let roles = (source.kinds.map(PageRole.init), target.kinds.map(PageRole.init))
        let n = source.sentences.count, m = target.sentences.count
        var result: [BeadModelTrainer.Example] = []
        for shape in shapes {
            let (a, b) = (shape.source, shape.target)
            guard a <= n, b <= m else { continue }
            for i in 0...(n - a) {
                for j in 0...(m - b) {
                    let key = Key(s: i..<i + a, t: j..<j + b)
                    guard PageRole.mayLink(key.s, of: roles.0, key.t, of: roles.1) else { continue }
                    let isLink = links.contains(key)
                    let gap = abs((Double(i) + Double(a) / 2) / Double(n) - (Double(j) + Double(b) / 2) / Double(m))
                    guard isLink || gap <= 0.5 else { continue }
                    result.append(.init(features: extractor.features(source: key.s, target: key.t), isLink: isLink))
                }
            }
        }
        return result
    }
}

extension ConfidenceCalibration {
    /// Fits the calibration of links made by `evaluator`'s aligner on the gold units of `groups`: a link is right
    /// when the gold has the same bead. Each pair of a group of three versions is aligned as the three-way
    /// alignment makes it, so that what the third version says of a link is weighed; other pairs say nothing of it.
    public static func fit(on groups: [NewsGroup], evaluator: NewsEvaluator) throws -> ConfidenceCalibration {
        var examples: [BeadModelTrainer.Example] = []
        for group in groups {
            var aligner = evaluator.aligner(for: group)
            aligner.confidenceCalibration = nil
            var sides: [Language: AlignmentSide] = [:]
            for version in group.versions {
                sides[version.language] = AlignmentSide(document: try evaluator.segmenter.segment(version.text, units: version.units))
            }
            let languages = group.versions.map(\.language)
            // Per pair: its beads before calibration (the pair's second version on side `flipped ? 0 : 1`), their
            // scores, and what a third version says of each.
            var evidence: [NewsLanguagePair: (beads: [Bead], scores: [Double?], agreements: [ThirdVersionAgreement],
                                              flipped: Bool)] = [:]
            if languages.count == 3 && !evaluator.pairwise {
                let views = aligner.pairwiseEvidence(sides[languages[0]]!, sides[languages[1]]!, sides[languages[2]]!)
                for pair in group.pairs {
                    guard let a = languages.firstIndex(of: pair.first), let b = languages.firstIndex(of: pair.second),
                          let view = views.first(where: { ($0.first, $0.second) == (min(a, b), max(a, b)) }) else { continue }
                    evidence[pair] = (view.alignment.beads, view.scores, view.agreements, a > b)
                }
            } else {
                for pair in group.pairs {
                    guard let source = sides[pair.first], let target = sides[pair.second] else { continue }
                    let (alignment, scores) = aligner.alignWithEvidence(source, target)
                    evidence[pair] = (alignment.beads, scores, alignment.beads.map { _ in .silent }, false)
                }
            }
            for pair in group.pairs {
                guard let gold = group.alignments[pair], let (beads, scores, agreements, flipped) = evidence[pair] else { continue }
                let links = Set(gold.filter { !$0.source.isEmpty && !$0.target.isEmpty }.map { "\($0.source):\($0.target)" })
                for k in beads.indices {
                    guard let score = scores[k] else { continue }
                    let bead = beads[k]
                    let (first, second) = flipped ? (bead.sentences[1], bead.sentences[0]) : (bead.sentences[0], bead.sentences[1])
                    let key = "\(Array(first)):\(Array(second))"
                    examples.append(.init(features: features(posterior: bead.confidence, score: score, agreement: agreements[k]),
                                          isLink: links.contains(key)))
                }
            }
        }
        var trainer = BeadModelTrainer()
        trainer.regularisation = 0.1
        return ConfidenceCalibration(weights: trainer.weights(examples), fittedOn: groups.map(\.id).sorted())
    }
}
