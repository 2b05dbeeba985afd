import Foundation

/// Runs Triglot's three stages on a news gold group and scores each against the gold (the definitions of the
/// news conventions; see `corpus/news/README.md`).
///
/// - Segmentation: the raw page segmented; unit boundaries (in non-white-space characters) and boilerplate units.
/// - Alignment, with the gold units as input: every language pair of the group aligned (three versions jointly when
///   the group has three, unless ``pairwise``: each pair's view, or with ``scoresTriples`` the triples projected
///   onto it), scored strictly and laxly (vecalign's scorer), and at confidence
///   levels. End to end: the raw pages segmented by Triglot, aligned, and the beads mapped onto the gold units.
/// - Extraction: mentions of the raw page (article date from the group), scored by texts and values.
public struct NewsEvaluator: Sendable {
    public var segmenter = Segmenter()
    /// The aligner's settings; its words are scored with ``lexicons`` (with a bead model, with the hand-made
    /// lexicons the model was learned with).
    public var configuration = AlignerConfiguration.news {
        didSet { prepareTraining() }
    }
    /// The lexicons the aligner uses. A lexicon learned from gold groups (its `learned from` note names them) is
    /// never used on a group it was learned from: for that group it is learned again from the other groups
    /// (leave one group out), from those of ``trainingGroups`` it names.
    public var lexicons: [Lexicon] = [.handMade, .newsTable] {
        didSet { prepareTraining() }
    }
    /// The groups a learned lexicon may be learned again from (usually every group given to the evaluation).
    public var trainingGroups: [NewsGroup] = [] {
        didSet { prepareTraining() }
    }
    /// The gold links of the training groups that learned lexicons name, split into tokens once.
    private var training = NewsLexicon.Training([])

    /// The index of each lexicon that is not learned from gold (nil for learned ones: indexed per group).
    private var fixedIndexes: [LexiconIndex?] = [.handMade, nil]

    private mutating func prepareTraining() {
        let named = Set(lexicons.flatMap(\.learnedFrom))
        training = NewsLexicon.Training(trainingGroups.filter { named.contains($0.id) })
        fixedIndexes = lexicons.map { $0.learnedFrom.isEmpty ? LexiconIndex($0) : nil }
        fixedIndex = LexiconIndex(combining: fixedIndexes.compactMap { $0 })
        let trainedOn = Set(configuration.model?.trainedOn ?? [])
        beadTraining = trainedOn.isEmpty ? nil
            : try? NewsBeadTraining(trainingGroups.filter { trainedOn.contains($0.id) }, segmenter: segmenter, index: fixedIndex)
    }

    /// The lexicons that are not learned from gold, indexed together: what a bead model scores words with (it is
    /// learned with the same).
    private var fixedIndex = LexiconIndex.handMade

    /// The candidates of the groups a learned bead model names, to learn it again without the group evaluated.
    private var beadTraining: NewsBeadTraining?

    /// The groups learned models and tables may be learned again from: `groups`, and those the configured model and
    /// the lexicons name that stand beside a group of `folders` in its folder; so that scoring one group of a corpus
    /// holds it out of a model learned from the whole corpus and learns again from the rest.
    public func trainingGroups(for groups: [NewsGroup], in folders: [String]) throws -> [NewsGroup] {
        let named = Set((configuration.model?.trainedOn ?? []) + lexicons.flatMap(\.learnedFrom))
        var known = Set(groups.map(\.id))
        guard !named.subtracting(known).isEmpty else { return groups }
        var result = groups
        let parents = Set(folders.filter(NewsGroup.isGroup).map { ($0 as NSString).deletingLastPathComponent })
        for parent in parents.sorted() {
            for path in (try? NewsGroup.groups(in: parent.isEmpty ? "." : parent)) ?? [] {
                let id = (path as NSString).lastPathComponent
                guard named.contains(id), !known.contains(id) else { continue }
                result.append(try NewsGroup(path: path))
                known.insert(id)
            }
        }
        return result
    }

    /// The bead model for `group`: the configured one, or, if it was learned from `group`, one learned without it,
    /// which keeps the configured model's confidence calibration (fitted on other groups than those it was learned
    /// from, so on none that the held-out model saw either).
    public func beadModel(for group: NewsGroup) -> BeadModel? {
        guard let model = configuration.model else { return nil }
        // Held out only when some other group it was learned from is at hand; otherwise the model as it is (the
        // tool says so).
        guard model.trainedOn.contains(group.id), let beadTraining, beadTraining.groups.contains(where: { $0 != group.id })
        else { return model }
        var heldOut = beadTraining.learn(excluding: group.id, deletionScore: model.deletionScore)
        heldOut.calibration = model.calibration
        return heldOut
    }
    public var extractor = Extractor()
    /// Align each pair on its own even when the group has three versions.
    public var pairwise = false
    /// Score a group of three versions by the three-way alignment's triples projected onto each pair (the beads that
    /// `process` and `batch` store), rather than by each pair's view of the three-way alignment.
    public var scoresTriples = false
    /// Confidence levels at which links are also scored.
    public var confidenceLevels: [Double] = [0.5, 0.7, 0.9]

    public init() {}

    /// The scores of one group.
    public struct GroupScore: Sendable, Codable {
        public var group: String
        /// By language code.
        public var segmentation: [String: NewsSegmentationScore] = [:]
        /// By pair (`vi-en`), gold units as input.
        public var alignment: [String: AlignmentScore] = [:]
        /// By pair, from the raw pages.
        public var endToEndAlignment: [String: AlignmentScore] = [:]
        /// By pair, then by confidence level (`"0.7"`): the links kept at that level, gold units as input.
        public var links: [String: [String: AlignmentScore]] = [:]
        public var extraction = NewsExtractionScore()
        /// Alignment disagreements, for reading.
        public var alignmentErrors: [String] = []
        /// Links (gold units as input) by confidence, to see whether confidences mean what they say.
        public var reliability = Reliability()
    }

    /// Links in ten bins of confidence (0–0.1 … 0.9–1): how many, how many right (the gold has the same bead), and
    /// their mean confidence.
    public struct Reliability: Sendable, Codable {
        public var links = [Int](repeating: 0, count: 10)
        public var right = [Int](repeating: 0, count: 10)
        public var confidence = [Double](repeating: 0, count: 10)

        public init() {}

        mutating func add(confidence value: Double, right isRight: Bool) {
            let bin = min(9, max(0, Int(value * 10)))
            links[bin] += 1
            if isRight { right[bin] += 1 }
            confidence[bin] += value
        }

        public static func + (a: Self, b: Self) -> Self {
            var sum = Self()
            for k in 0..<10 {
                sum.links[k] = a.links[k] + b.links[k]
                sum.right[k] = a.right[k] + b.right[k]
                sum.confidence[k] = a.confidence[k] + b.confidence[k]
            }
            return sum
        }
    }

    /// The lexicons to align `group` with: every lexicon not learned from it, and those learned from it learned
    /// again without it (from the training groups they name).
    /// As with a bead model, a lexicon learned from `group` is kept as it is when no other group it was learned
    /// from is at hand (a table learned from nothing would align nothing).
    public func lexicons(for group: NewsGroup) -> [Lexicon] {
        lexicons.map(heldOut(for: group))
    }

    /// `lexicon`, or, if it was learned from `group` and some other group it was learned from is at hand, the table
    /// learned again without `group`.
    private func heldOut(for group: NewsGroup) -> (Lexicon) -> Lexicon {
        { lexicon in
            guard Set(lexicon.learnedFrom).contains(group.id), training.groups.contains(where: { $0 != group.id })
            else { return lexicon }
            return training.learn(excluding: group.id)
        }
    }

    /// The aligner for `group`: its lexicons indexed once, learned tables and models held out per group.
    public func aligner(for group: NewsGroup) -> Aligner {
        if let model = beadModel(for: group) {
            var held = configuration
            held.model = model
            return held.aligner(index: fixedIndex)
        }
        return configuration.aligner(index: LexiconIndex(combining: lexicons.indices.map { k in
            if let fixed = fixedIndexes[k] { return fixed }
            return LexiconIndex(heldOut(for: group)(lexicons[k]))
        }))
    }

    /// A translation table learned from the groups' own alignments, without their gold: every language pair of
    /// every group aligned (gold units as input), the links of confidence `minimumConfidence` or more learned from
    /// (``LexiconLearner``): what a batch learns from a whole corpus before aligning it again.
    public func corpusTable(for groups: [NewsGroup], minimumConfidence: Double = 0.9) throws -> Lexicon {
        var learners: [NewsLanguagePair: LexiconLearner] = [:]
        for group in groups {
            let aligner = aligner(for: group)
            var sides: [Language: AlignmentSide] = [:]
            for version in group.versions {
                sides[version.language] = AlignmentSide(document: try segmenter.segment(version.text, units: version.units))
            }
            for pair in group.pairs {
                guard let source = sides[pair.first], let target = sides[pair.second] else { continue }
                var learner = learners[pair] ?? LexiconLearner(source: pair.first, target: pair.second)
                for bead in aligner.align(source, target).links(minimumConfidence: minimumConfidence) {
                    learner.add(source: bead.sentences[0].map { source.sentences[$0] }.joined(separator: " "),
                                target: bead.sentences[1].map { target.sentences[$0] }.joined(separator: " "))
                }
                learners[pair] = learner
            }
        }
        var result = Lexicon(languages: NewsLanguagePair.order, entries: [])
        for pair in learners.keys.sorted() { result = result.merging(learners[pair]!.learn()) }
        return result
    }

    /// Scores `group`. Throws only if ICU fails.
    public func evaluate(_ group: NewsGroup) throws -> GroupScore {
        let aligner = aligner(for: group)
        var score = GroupScore(group: group.id)
        var raw: [Language: Document] = [:]
        var presegmented: [Language: Document] = [:]
        for version in group.versions {
            let document = try segmenter.segment(version.text, source: version.url)
            raw[version.language] = document
            presegmented[version.language] = try segmenter.segment(version.text, units: version.units, source: version.url)
            score.segmentation[version.language.code] = NewsSegmentationScore(document: document, version: version)
            let mentions = extractor.mentions(in: document, articleDate: group.articleDate)
            score.extraction = score.extraction
                + NewsExtractionScore(mentions: mentions, version: version, value: { $0.value.comparisonText })
        }

        let gold = try beadsByPair(group, documents: presegmented, aligner: aligner)
        let endToEnd = try beadsByPair(group, documents: raw, aligner: aligner)
        for pair in group.pairs {
            guard let expected = group.alignments[pair], let test = gold[pair], let e2e = endToEnd[pair],
                  let first = group.version(pair.first), let second = group.version(pair.second),
                  let firstDocument = raw[pair.first], let secondDocument = raw[pair.second] else { continue }
            let key = pair.description
            score.alignment[key] = AlignmentScore(gold: expected, test: test)
            score.alignmentErrors += Self.differences(gold: expected, test: test, pair: pair)
            var levels: [String: AlignmentScore] = [:]
            for level in confidenceLevels {
                let kept = test.filter { !$0.source.isEmpty && !$0.target.isEmpty && ($0.confidence ?? 1) >= level }
                levels[String(format: "%.1f", level)] = AlignmentScore(gold: expected, test: kept)
            }
            score.links[key] = levels
            let goldLinks = Set(expected.filter { !$0.source.isEmpty && !$0.target.isEmpty }.map { "\($0.source):\($0.target)" })
            for bead in test where !bead.source.isEmpty && !bead.target.isEmpty {
                score.reliability.add(confidence: bead.confidence ?? 1, right: goldLinks.contains("\(bead.source):\(bead.target)"))
            }
            let mapped = AlignmentScore.mapped(
                e2e, sourceUnits: AlignmentScore.overlaps(of: firstDocument.sentences.map(\.span), in: first.units),
                targetUnits: AlignmentScore.overlaps(of: secondDocument.sentences.map(\.span), in: second.units))
            score.endToEndAlignment[key] = AlignmentScore(gold: expected, test: mapped)
        }
        return score
    }

    /// The beads of every gold pair of `group`, aligning `documents` (one per language).
    private func beadsByPair(_ group: NewsGroup, documents: [Language: Document],
                             aligner: Aligner) throws -> [NewsLanguagePair: [VecalignFormat.Line]] {
        var result: [NewsLanguagePair: [VecalignFormat.Line]] = [:]
        let languages = group.versions.map(\.language)
        if languages.count == 3 && !pairwise {
            // Each pair as the three-way alignment makes it: with evidence through the third version.
            let sides = languages.map { AlignmentSide(document: documents[$0]!) }
            let triples = scoresTriples ? aligner.align(sides[0], sides[1], sides[2]) : nil
            let views = scoresTriples ? [] : aligner.pairwise(sides[0], sides[1], sides[2])
            for pair in group.pairs {
                guard let a = languages.firstIndex(of: pair.first), let b = languages.firstIndex(of: pair.second) else { continue }
                if let triples {
                    result[pair] = Self.projected(triples, onto: a, b)
                } else if let view = views.first(where: { Set([$0.first, $0.second]) == Set([a, b]) }) {
                    result[pair] = Self.projected(view.alignment, onto: view.first == a ? 0 : 1, view.first == a ? 1 : 0)
                }
            }
        } else {
            for pair in group.pairs {
                guard let a = documents[pair.first], let b = documents[pair.second] else { continue }
                result[pair] = Self.projected(aligner.align(a, b), onto: 0, 1)
            }
        }
        return result
    }

    /// The beads of versions `a` and `b` of an alignment, as vecalign lines (beads empty on both dropped).
    static func projected(_ alignment: Alignment, onto a: Int, _ b: Int) -> [VecalignFormat.Line] {
        alignment.beads.compactMap { bead in
            let source = Array(bead.sentences[a])
            let target = Array(bead.sentences[b])
            guard !source.isEmpty || !target.isEmpty else { return nil }
            return VecalignFormat.Line(source: source, target: target, confidence: bead.confidence)
        }
    }

    /// Gold beads missed and test beads not in the gold, for reading.
    static func differences(gold: [VecalignFormat.Line], test: [VecalignFormat.Line], pair: NewsLanguagePair) -> [String] {
        func key(_ line: VecalignFormat.Line) -> String { "\(line.source):\(line.target)" }
        let goldKeys = Set(gold.map(key))
        let testKeys = Set(test.map(key))
        return gold.filter { !testKeys.contains(key($0)) }.map { "\(pair) missed \(key($0))" }
            + test.filter { !goldKeys.contains(key($0)) }.map {
                "\(pair) extra \(key($0))" + ($0.confidence.map { String(format: " (%.2f)", $0) } ?? "")
            }
    }
}
