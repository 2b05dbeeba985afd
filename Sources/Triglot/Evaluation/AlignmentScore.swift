import Foundation

/// Strict and lax precision, recall and F1 of sentence alignments, with the definitions of Sennrich and Volk
/// (2010) as vecalign's scorer applies them, so that figures compare with published ones:
/// - precision is counted over the test beads: strictly right when the gold has the same bead; laxly right when
///   it shares at least one source and one target sentence with a gold bead (a test bead empty on one side is
///   laxly right only if the gold has it);
/// - recall is the same with gold and test swapped, over beads that have sentences on both sides;
/// - counts are summed over documents (micro-average) before the ratios are taken.
public struct AlignmentScore: Sendable, Codable, CustomStringConvertible {
    /// Test beads the gold holds exactly.
    public var strictTruePositives = 0
    /// Test beads the gold does not hold exactly.
    public var strictFalsePositives = 0
    /// Test beads that share a sentence on each side with a gold bead (or, empty on one side, that the gold holds).
    public var laxTruePositives = 0
    /// Test beads that are not lax true positives.
    public var laxFalsePositives = 0
    /// Gold links (both sides non-empty) the test holds exactly.
    public var strictRecalled = 0
    /// Gold links the test does not hold exactly.
    public var strictMissed = 0
    /// Gold links that share a sentence on each side with a test link.
    public var laxRecalled = 0
    /// Gold links that share no sentence pair with any test link.
    public var laxMissed = 0

    /// An empty score, to sum documents' scores into.
    public init() {}

    /// Scores one document's `test` beads against its `gold` beads.
    public init(gold: [VecalignFormat.Line], test: [VecalignFormat.Line]) {
        let precision = Self.counts(gold: gold, test: test)
        let recall = Self.counts(gold: test.filter { !$0.source.isEmpty && !$0.target.isEmpty },
                                 test: gold.filter { !$0.source.isEmpty && !$0.target.isEmpty })
        (strictTruePositives, strictFalsePositives, laxTruePositives, laxFalsePositives) = precision
        (strictRecalled, strictMissed, laxRecalled, laxMissed) = recall
    }

    private struct Key: Hashable { var source: [Int]; var target: [Int] }

    private static func counts(gold: [VecalignFormat.Line], test: [VecalignFormat.Line]) -> (Int, Int, Int, Int) {
        let goldSet = Set(gold.filter { !$0.source.isEmpty || !$0.target.isEmpty }.map { Key(source: $0.source, target: $0.target) })
        let testSet = Set(test.filter { !$0.source.isEmpty || !$0.target.isEmpty }.map { Key(source: $0.source, target: $0.target) })
        var targetsOfSource: [Int: Set<Int>] = [:]
        for bead in goldSet { for s in bead.source { targetsOfSource[s, default: []].formUnion(bead.target) } }
        var strictTP = 0, strictFP = 0, laxTP = 0, laxFP = 0
        for bead in testSet {
            if goldSet.contains(bead) {
                strictTP += 1
                laxTP += 1
            } else {
                strictFP += 1
                let reachable = bead.source.reduce(into: Set<Int>()) { $0.formUnion(targetsOfSource[$1] ?? []) }
                if !reachable.isDisjoint(with: bead.target) { laxTP += 1 } else { laxFP += 1 }
            }
        }
        return (strictTP, strictFP, laxTP, laxFP)
    }

    /// Strict precision: the share of test beads the gold holds exactly (1 with no test bead).
    public var strictPrecision: Double { ratio(strictTruePositives, strictTruePositives + strictFalsePositives) }
    /// Lax precision: the share of test beads that overlap a gold bead on both sides.
    public var laxPrecision: Double { ratio(laxTruePositives, laxTruePositives + laxFalsePositives) }
    /// Strict recall: the share of gold links the test holds exactly (1 with no gold link).
    public var strictRecall: Double { ratio(strictRecalled, strictRecalled + strictMissed) }
    /// Lax recall: the share of gold links that overlap a test link on both sides.
    public var laxRecall: Double { ratio(laxRecalled, laxRecalled + laxMissed) }
    /// The harmonic mean of strict precision and recall.
    public var strictF1: Double { harmonic(strictPrecision, strictRecall) }
    /// The harmonic mean of lax precision and recall.
    public var laxF1: Double { harmonic(laxPrecision, laxRecall) }

    /// The counts of two scores summed (micro-average over their documents).
    public static func + (a: Self, b: Self) -> Self {
        var sum = Self()
        sum.strictTruePositives = a.strictTruePositives + b.strictTruePositives
        sum.strictFalsePositives = a.strictFalsePositives + b.strictFalsePositives
        sum.laxTruePositives = a.laxTruePositives + b.laxTruePositives
        sum.laxFalsePositives = a.laxFalsePositives + b.laxFalsePositives
        sum.strictRecalled = a.strictRecalled + b.strictRecalled
        sum.strictMissed = a.strictMissed + b.strictMissed
        sum.laxRecalled = a.laxRecalled + b.laxRecalled
        sum.laxMissed = a.laxMissed + b.laxMissed
        return sum
    }

    /// Test beads projected to the granularity of coarse gold (gold whose beads are segments that hold several
    /// sentences, as in the re-split TED sets): test beads that touch the same gold bead are merged into one.
    public static func projected(_ test: [VecalignFormat.Line], onto gold: [VecalignFormat.Line]) -> [VecalignFormat.Line] {
        var sourceSegment: [Int: Int] = [:]
        var targetSegment: [Int: Int] = [:]
        for (k, bead) in gold.enumerated() {
            for s in bead.source { sourceSegment[s] = k }
            for t in bead.target { targetSegment[t] = k }
        }
        // Union-find over test beads, joined through the gold segments they touch.
        var parent = Array(test.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var owner: [Int: Int] = [:]  // gold segment → a test bead touching it
        for (k, bead) in test.enumerated() {
            let segments = bead.source.compactMap { sourceSegment[$0] } + bead.target.compactMap { targetSegment[$0] }
            for segment in segments {
                if let other = owner[segment] { parent[root(k)] = root(other) } else { owner[segment] = k }
            }
        }
        var merged: [Int: VecalignFormat.Line] = [:]
        var order: [Int] = []
        for (k, bead) in test.enumerated() {
            let r = root(k)
            if merged[r] == nil { merged[r] = VecalignFormat.Line(source: [], target: []); order.append(r) }
            merged[r]!.source += bead.source
            merged[r]!.target += bead.target
        }
        return order.map { r in
            VecalignFormat.Line(source: merged[r]!.source.sorted(), target: merged[r]!.target.sorted())
        }
    }

    public var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return """
                     strict   lax
        precision    \(f(strictPrecision))   \(f(laxPrecision))
        recall       \(f(strictRecall))   \(f(laxRecall))
        F1           \(f(strictF1))   \(f(laxF1))
        """
    }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    private func harmonic(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
}
