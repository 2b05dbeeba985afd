import Foundation

/// Links that a monotonic alignment cannot make: an agency rewrite moves the lead, a caption sits elsewhere on
/// the page. After the main pass, sentences left unaligned on both sides are paired when they clearly translate
/// each other, even where the link crosses other beads.
enum CrossingLinks {
    /// `threshold`: the score (log-odds above leaving both unaligned) a crossing link must reach
    /// (``AlignmentOptions/crossingLinkThreshold``).
    static func recover(_ beads: [Bead], pair: AlignmentPair, prepared: [any PreparedBeadScorer], temperature: Double,
                        deletionPrior: Double, oneToOnePrior: Double, threshold: Double) -> [Bead] {
        let sourceAlone = beads.enumerated().filter { $0.element.sentences[1].isEmpty && $0.element.sentences[0].count == 1 }
        let targetAlone = beads.enumerated().filter { $0.element.sentences[0].isEmpty && $0.element.sentences[1].count == 1 }
        guard !sourceAlone.isEmpty, !targetAlone.isEmpty, sourceAlone.count * targetAlone.count <= 250_000 else { return beads }
        let oneToOne = oneToOnePrior
        var candidates: [(source: Int, target: Int, gain: Double)] = []
        let sourceRoles = pair.source.kinds.map(PageRole.init)
        let targetRoles = pair.target.kinds.map(PageRole.init)
        for (s, sourceBead) in sourceAlone {
            for (t, targetBead) in targetAlone
            where PageRole.mayLink(sourceBead.sentences[0], of: sourceRoles, targetBead.sentences[1], of: targetRoles) {
                let value = oneToOne + prepared.score(source: sourceBead.sentences[0], target: targetBead.sentences[1])
                let gain = value - 2 * deletionPrior
                if gain >= threshold { candidates.append((s, t, gain)) }
            }
        }
        guard !candidates.isEmpty else { return beads }
        var used = Set<Int>()
        var result = beads
        var removed = Set<Int>()
        for candidate in candidates.sorted(by: { ($0.gain, $1.source, $1.target) > ($1.gain, $0.source, $0.target) })
            where !used.contains(candidate.source) && !used.contains(candidate.target) {
            used.insert(candidate.source)
            used.insert(candidate.target)
            // The link takes the source sentence's place; the target's lone bead goes.
            let confidence = 1 / (1 + exp(-temperature * (candidate.gain - threshold / 2)))
            result[candidate.source] = Bead(sentences: [beads[candidate.source].sentences[0], beads[candidate.target].sentences[1]],
                                            confidence: confidence)
            removed.insert(candidate.target)
        }
        return result.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }
}
