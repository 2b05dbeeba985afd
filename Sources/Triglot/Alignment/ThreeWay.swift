import Foundation

/// Aligns three versions jointly into consistent triples.
///
/// Every pair of versions is aligned (A–B, A–C, B–C), and the links of all three views are merged, most
/// confident first, into groups of sentences. A link is refused when it would make a group inconsistent (a
/// version's sentences in the group not consecutive, or more than three of them), or when the merged group would
/// agree less with the three views than the groups it joins: a group is worth the confidences of the views' beads it
/// reproduces once projected onto each pair (a link, or a sentence left alone), so a link that would fuse two beads
/// another view keeps apart is taken only when it is worth more than what that view loses. So each bead covers all
/// three versions where they agree, no two views contradict each other in the result, and no version serves as the
/// pivot: a link missed by one view can come from the other two.
extension Aligner {
    /// Aligns three versions; beads have three sides (any may be empty), ordered by the first version present.
    public func align(_ first: AlignmentSide, _ second: AlignmentSide, _ third: AlignmentSide) -> Alignment {
        alignJointly(first, second, third).triples
    }

    /// Aligns three versions into triples, and gives the three pairs' own views the triples were merged from
    /// (versions 0–1, 0–2, 1–2): where the views disagree, each view keeps links no set of triples can hold at once.
    public func alignJointly(_ first: AlignmentSide, _ second: AlignmentSide, _ third: AlignmentSide)
        -> (triples: Alignment, views: [PairView]) {
        let sides = [first, second, third]
        let pairViews = pairwise(first, second, third)
        let views = pairViews.map { ($0.first, $0.second, $0.alignment) }
        let counts = sides.map(\.sentences.count)
        let offsets = [0, counts[0], counts[0] + counts[1]]
        // Links from all three views, most confident first.
        var links: [(a: Int, b: Int, bead: Bead)] = []
        for (a, b, alignment) in views {
            for bead in alignment.beads where bead.isLink { links.append((a, b, bead)) }
        }
        var groups = SentenceGroups(versions: offsets, counts: counts,
                                    views: views.map { ($0.0, $0.1, $0.2.beads) })
        links.sort { ($0.bead.confidence, $1.a, $1.b) > ($1.bead.confidence, $0.a, $0.b) }
        for link in links {
            let nodes = link.bead.sentences[0].map { offsets[link.a] + $0 } + link.bead.sentences[1].map { offsets[link.b] + $0 }
            groups.joinIfConsistent(nodes, confidence: link.bead.confidence)
        }
        let beads = groups.beads()
        return (Alignment(languages: sides.map(\.mainLanguage), sentenceCounts: counts, beads: beads), pairViews)
    }

    /// Aligns three segmented documents.
    public func align(_ first: Document, _ second: Document, _ third: Document) -> Alignment {
        align(AlignmentSide(document: first), AlignmentSide(document: second), AlignmentSide(document: third))
    }

    /// One pair of versions of three, aligned.
    public struct PairView: Sendable {
        /// The versions' positions (0, 1 or 2), first < second.
        public var first: Int
        public var second: Int
        public var alignment: Alignment
    }

    /// The three pairs of three versions, each link's confidence weighing what the third version says of it
    /// (``ThirdVersionAgreement``, when the calibration was fitted with it). With a ``pivotWeight``, a pair is
    /// aligned once on its own, then again with the links that the other two pairs make through the third version
    /// as extra evidence (``PivotScorer``), so that a link the direct view barely sees, but both others make, is
    /// found.
    public func pairwise(_ first: AlignmentSide, _ second: AlignmentSide, _ third: AlignmentSide) -> [PairView] {
        pairwiseEvidence(first, second, third, scored: confidenceCalibration != nil).map { view in
            PairView(first: view.first, second: view.second,
                     alignment: calibrated(view.alignment, scores: view.scores, agreements: view.agreements))
        }
    }

    /// The three pairs before calibration (confidences are posteriors), with each bead's score when `scored` and
    /// what the third version says of each bead (`silent` for beads that do not link).
    func pairwiseEvidence(_ first: AlignmentSide, _ second: AlignmentSide, _ third: AlignmentSide, scored: Bool = true)
        -> [(first: Int, second: Int, alignment: Alignment, scores: [Double?], agreements: [ThirdVersionAgreement])] {
        let sides = [first, second, third]
        let pairs = [(0, 1), (0, 2), (1, 2)]
        let direct = pairs.map { a, b in alignWithEvidence(sides[a], sides[b], scored: scored) }
        // The links of each direct view, calibrated without a third version.
        let calibratedViews = direct.map { calibrated($0.alignment, scores: $0.scores, agreements: nil) }
        func links(_ a: Int, _ b: Int) -> [(Range<Int>, Range<Int>, Double)] {
            if let k = pairs.firstIndex(where: { $0 == (a, b) }) { return calibratedViews[k].links(flipped: false) }
            return calibratedViews[pairs.firstIndex(where: { $0 == (b, a) })!].links(flipped: true)
        }
        return pairs.enumerated().map { k, pair in
            let (a, b) = pair
            let pivot = 3 - a - b
            let (toPivot, fromPivot) = (links(a, pivot), links(pivot, b))
            var view = direct[k]
            if pivotWeight > 0 {
                var helped = self
                helped.scorers.append(PivotScorer(first: toPivot, second: fromPivot, weight: pivotWeight))
                view = helped.alignWithEvidence(sides[a], sides[b], scored: scored)
            }
            let (into, outOf) = (toPivot.map { ($0.0, $0.1) }, fromPivot.map { ($0.0, $0.1) })
            let agreements = view.alignment.beads.map { bead in
                bead.isLink ? ThirdVersionAgreement.of(source: bead.sentences[0], target: bead.sentences[1],
                                                       through: into, outOf) : .silent
            }
            return (a, b, view.alignment, view.scores, agreements)
        }
    }
}

extension Alignment {
    /// The links of a two-version alignment as (sentences of one version, of the other, confidence), the versions
    /// swapped when `flipped`.
    func links(flipped: Bool) -> [(Range<Int>, Range<Int>, Double)] {
        beads.filter(\.isLink).map { bead in
            flipped ? (bead.sentences[1], bead.sentences[0], bead.confidence) : (bead.sentences[0], bead.sentences[1], bead.confidence)
        }
    }
}

/// Evidence through a third version: sentences of A and B that both link to the same sentences of C probably
/// translate each other. For a bead, the share of its sentences that reach a sentence on the other side of the
/// bead through C (through links A–C and C–B, the weaker link's confidence counting), turned into log-odds:
/// positive when most do, negative when few do, nothing when C says nothing about them.
public struct PivotScorer: BeadScorer {
    /// Links A–C and C–B: sentences of A, of C, confidence; sentences of C, of B, confidence.
    let first: [(Range<Int>, Range<Int>, Double)]
    let second: [(Range<Int>, Range<Int>, Double)]
    public var weight: Double
    public var name: String { "pivot" }

    public func prepare(_ pair: AlignmentPair) -> any PreparedBeadScorer {
        // For each sentence of A, the sentences of B it reaches through C, with the weaker confidence.
        var reach: [Int: [Int: Double]] = [:]
        var covered = Set<Int>(), coveredTarget = Set<Int>()
        for (a, c, p) in first {
            for (c2, b, q) in second where c.overlaps(c2) {
                for i in a {
                    for j in b { reach[i, default: [:]][j] = max(reach[i]?[j] ?? 0, min(p, q)) }
                }
            }
            covered.formUnion(a)
        }
        for (_, b, _) in second { coveredTarget.formUnion(b) }
        return Prepared(reach: reach, covered: covered, coveredTarget: coveredTarget, weight: weight)
    }

    struct Prepared: PreparedBeadScorer {
        let reach: [Int: [Int: Double]]
        let covered: Set<Int>
        let coveredTarget: Set<Int>
        let weight: Double

        func score(source: Range<Int>, target: Range<Int>) -> Double {
            // Only sentences that C links at all say something.
            let known = source.filter(covered.contains).count + target.filter(coveredTarget.contains).count
            guard known > 0 else { return 0 }
            var support = 0.0
            for i in source { support += target.map { reach[i]?[$0] ?? 0 }.max() ?? 0 }
            for j in target { support += source.map { reach[$0]?[j] ?? 0 }.max() ?? 0 }
            return weight * (2 * support / Double(known) - 1)
        }
    }
}

/// Union-find over the sentences of all versions, keeping every group consistent and as close to the pairwise views
/// as it can.
struct SentenceGroups {
    let offsets: [Int]
    let counts: [Int]
    private var parent: [Int]
    /// Per root: the sentences of each version, and the confidences of the links that built the group.
    private var members: [Int: [[Int]]] = [:]
    private var confidences: [Int: [Double]] = [:]
    /// The beads of the pairwise views, by pair of versions and sentences (an empty side as nil; a sentence left
    /// alone one by one), with their confidence.
    private var viewBeads: [ViewBead: Double] = [:]

    /// How much agreement with the views a join may cost: about one confident bead of one view, so that a link
    /// may still correct one view's choice through the other two, but not undo several of them.
    static let affordableDisagreement = 1.0

    private struct ViewBead: Hashable {
        var first: Int, second: Int
        var source: Range<Int>?, target: Range<Int>?
    }

    /// Groups of one sentence each; `views` are the pairwise alignments (versions a < b, their beads).
    init(versions offsets: [Int], counts: [Int], views: [(Int, Int, [Bead])] = []) {
        self.offsets = offsets
        self.counts = counts
        var known: [ViewBead: Double] = [:]
        for (a, b, beads) in views {
            for bead in beads {
                Self.forEachViewBead(a, b, source: bead.sentences[0], target: bead.sentences[1]) { known[$0] = bead.confidence }
            }
        }
        viewBeads = known
        let total = counts.reduce(0, +)
        parent = Array(0..<total)
        for node in 0..<total {
            var sides = Array(repeating: [Int](), count: counts.count)
            let (version, index) = locate(node)
            sides[version] = [index]
            members[node] = sides
        }
    }

    private func locate(_ node: Int) -> (version: Int, index: Int) {
        let version = offsets.lastIndex { $0 <= node }!
        return (version, node - offsets[version])
    }

    private mutating func root(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }

    /// Joins the groups of `nodes` if the result stays consistent and agrees with the views nearly as well as the
    /// groups apart, or better.
    mutating func joinIfConsistent(_ nodes: [Int], confidence: Double) {
        let roots = Array(Set(nodes.map { root($0) })).sorted()
        guard roots.count > 1 else {
            if let r = roots.first { confidences[r, default: []].append(confidence) }
            return
        }
        var merged = Array(repeating: [Int](), count: counts.count)
        for r in roots { for v in 0..<counts.count { merged[v] += members[r]![v] } }
        for v in 0..<counts.count {
            let sorted = merged[v].sorted()
            guard sorted.count <= 3 else { return }
            if let first = sorted.first, sorted != Array(first..<first + sorted.count) { return }
            merged[v] = sorted
        }
        if !viewBeads.isEmpty {
            let apart = roots.reduce(0.0) { $0 + agreement(of: members[$1]!) }
            guard agreement(of: merged) >= apart - Self.affordableDisagreement else { return }
        }
        let target = roots[0]
        var linkConfidences = [confidence]
        for r in roots {
            parent[r] = target
            linkConfidences += confidences[r] ?? []
            if r != target { members[r] = nil; confidences[r] = nil }
        }
        members[target] = merged
        confidences[target] = linkConfidences
    }

    /// The keys of what sentences of versions a and b are as a pair: one link when both sides hold sentences, else
    /// each sentence left alone (how views are stored and groups projected alike).
    private static func forEachViewBead(_ a: Int, _ b: Int, source: Range<Int>, target: Range<Int>, _ body: (ViewBead) -> Void) {
        if !source.isEmpty && !target.isEmpty {
            body(ViewBead(first: a, second: b, source: source, target: target))
            return
        }
        for i in source { body(ViewBead(first: a, second: b, source: i..<i + 1, target: nil)) }
        for j in target { body(ViewBead(first: a, second: b, source: nil, target: j..<j + 1)) }
    }

    /// How well a group of these sentences (per version) agrees with the views: the summed confidence of the views'
    /// beads it reproduces, projected onto each pair of versions (a link when it holds sentences of both, else each
    /// sentence left alone).
    private func agreement(of sentences: [[Int]]) -> Double {
        var total = 0.0
        for a in sentences.indices {
            for b in sentences.indices where b > a {
                // A group's sentences of one version are consecutive (``joinIfConsistent``).
                func range(_ list: [Int]) -> Range<Int> { list.first.map { $0..<$0 + list.count } ?? 0..<0 }
                Self.forEachViewBead(a, b, source: range(sentences[a]), target: range(sentences[b])) { total += viewBeads[$0] ?? 0 }
            }
        }
        return total
    }

    /// The groups as beads, ordered by the first version they hold; a group's confidence is the geometric mean of
    /// the confidences of the links that built it (1 for a sentence left alone).
    func beads() -> [Bead] {
        var result: [(key: (Int, Int), bead: Bead)] = []
        // Roots in ascending order, and a total order below: no hash-table order may reach the output.
        for root in members.keys.sorted() {
            let sides = members[root]!
            let ranges = sides.map { list in list.isEmpty ? 0..<0 : list.first!..<(list.last! + 1) }
            let values = confidences[root] ?? []
            let confidence = values.isEmpty ? 1 : exp(values.map { log(max($0, 1e-9)) }.reduce(0, +) / Double(values.count))
            let version = sides.firstIndex { !$0.isEmpty } ?? 0
            result.append(((version == 0 ? ranges[0].lowerBound : position(of: ranges, from: version), version),
                           Bead(sentences: ranges, confidence: confidence)))
        }
        // Groups at the same position: by their sentences, version by version.
        func order(_ bead: Bead) -> [Int] { bead.sentences.flatMap { [$0.isEmpty ? -1 : $0.lowerBound, $0.count] } }
        return result.sorted { ($0.key.0, $0.key.1) != ($1.key.0, $1.key.1)
            ? ($0.key.0, $0.key.1) < ($1.key.0, $1.key.1)
            : order($0.bead).lexicographicallyPrecedes(order($1.bead)) }.map(\.bead)
    }

    /// Where a group without sentences of the first version belongs in the first version's order: its position in
    /// its own version, scaled to the first version's length.
    private func position(of ranges: [Range<Int>], from version: Int) -> Int {
        let index = ranges[version].lowerBound
        return counts[version] == 0 ? 0 : index * max(counts[0], 1) / counts[version]
    }
}
