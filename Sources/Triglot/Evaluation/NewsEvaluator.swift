import Foundation

/// Runs Triglot's three stages on a news gold group and scores each against the gold (the definitions of the
/// news conventions; see `corpus/news/README.md`).
///
/// - Segmentation: the raw page segmented; unit boundaries (in non-white-space characters) and boilerplate units.
/// - Alignment, with the gold units as input: every language pair of the group aligned (three versions jointly when
///   the group has three, unless ``pairwise``), scored strictly and laxly (vecalign's scorer), and at confidence
///   levels. End to end: the raw pages segmented by Triglot, aligned, and the beads mapped onto the gold units.
/// - Extraction: mentions of the raw page (article date from the group), scored by texts and values.
public struct NewsEvaluator: Sendable {
    public var segmenter = Segmenter()
    /// The aligner's settings; its words are scored with ``lexicons``.
    public var configuration = AlignerConfiguration()
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
    }
    public var extractor = Extractor()
    /// Align each pair on its own even when the group has three versions.
    public var pairwise = false
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
    }

    /// The lexicons to align `group` with: every lexicon not learned from it, and those learned from it learned
    /// again without it (from the training groups they name).
    public func lexicons(for group: NewsGroup) -> [Lexicon] {
        lexicons.map { Set($0.learnedFrom).contains(group.id) ? training.learn(excluding: group.id) : $0 }
    }

    /// The aligner for `group`: its lexicons indexed once, learned tables held out per group.
    public func aligner(for group: NewsGroup) -> Aligner {
        configuration.aligner(index: LexiconIndex(combining: lexicons.indices.map { k in
            if let fixed = fixedIndexes[k] { return fixed }
            return LexiconIndex(Set(lexicons[k].learnedFrom).contains(group.id) ? training.learn(excluding: group.id) : lexicons[k])
        }))
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
                + NewsExtractionScore(mentions: mentions, version: version, value: { ReferenceValue.newsValue(of: $0) })
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
            let sides = languages.map { AlignmentSide(document: documents[$0]!) }
            let alignment = aligner.align(sides[0], sides[1], sides[2])
            for pair in group.pairs {
                guard let a = languages.firstIndex(of: pair.first), let b = languages.firstIndex(of: pair.second) else { continue }
                result[pair] = Self.projected(alignment, onto: a, b)
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

extension ReferenceValue {
    /// The value of a reference mention as the news conventions write it (kind in lower-case English, number as
    /// written, date when the mention states it); for other mentions, their value.
    public static func newsValue(of mention: Mention) -> String {
        guard mention.type == .docref else { return mention.value }
        return ReferenceValue(kind: mention.attributes["news kind"] ?? ReferenceKinds.kind(of: mention),
                              number: mention.attributes["written number"] ?? mention.value,
                              date: mention.attributes["date"]).text
    }
}

/// The kinds of documents in lower-case English, from the type word of a mention or the type code of a Party or
/// State number.
enum ReferenceKinds {
    static func kind(of mention: Mention) -> String? {
        if let word = mention.attributes["type word"] {
            let folded = Normalization.folded(word)
            for (prefix, kind) in byWord where folded.hasPrefix(prefix) { return kind }
        }
        if let code = mention.attributes["kind"] { return byCode[Normalization.folded(code).uppercased()] }
        return nil
    }

    /// Folded type words (longest first where one starts another), with their kind.
    static let byWord: [(String, String)] = [
        ("nghi quyet", "resolution"), ("quyet dinh", "decision"), ("quy dinh", "regulation"), ("chi thi", "directive"),
        ("ket luan", "conclusion"), ("quy che", "regulation"), ("thong tri", "instruction"), ("thong tu", "circular"),
        ("huong dan", "guidance"), ("thong bao", "notice"), ("thong cao", "communique"), ("bao cao", "report"),
        ("ke hoach", "plan"), ("chuong trinh", "programme"), ("de an", "project"), ("to trinh", "submission"),
        ("cong van", "official dispatch"), ("nghi dinh", "decree"), ("cong dien", "official telegram"),
        ("resolution", "resolution"), ("decision", "decision"), ("regulation", "regulation"), ("directive", "directive"),
        ("conclusion", "conclusion"), ("circular", "circular"), ("instruction", "instruction"), ("guideline", "guidance"),
        ("guidance", "guidance"), ("notice", "notice"), ("announcement", "notice"), ("communique", "communique"),
        ("report", "report"), ("plan", "plan"), ("program", "programme"), ("project", "project"), ("scheme", "project"),
        ("decree", "decree"), ("official letter", "official dispatch"), ("official dispatch", "official dispatch"),
        ("dispatch", "official dispatch"), ("resolution", "resolution"), ("decision", "decision"),
        ("reglement", "regulation"), ("circulaire", "circular"), ("avis", "notice"), ("rapport", "report"),
        ("projet", "project"), ("decret", "decree"), ("depeche officielle", "official dispatch"),
        ("message officiel", "official dispatch"),
    ]

    /// Type codes of Party and State numbers.
    static let byCode: [String: String] = [
        "NQ": "resolution", "QD": "decision", "KL": "conclusion", "CT": "directive", "TB": "notice", "KH": "plan",
        "HD": "guidance", "CV": "official dispatch", "TT": "circular", "ND": "decree", "QC": "regulation",
        "BC": "report", "TTR": "submission", "DA": "project", "CTR": "programme", "QDI": "regulation", "CD": "official telegram",
    ]
}
