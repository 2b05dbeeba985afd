import Foundation

/// What a first pass teaches about the pair: the length ratio and variance, and word translations.
enum Learner {
    /// Learns from the confident 1-1 beads of a first pass; nil when there are too few to learn from.
    static func learn(from beads: [Bead], pair: AlignmentPair) -> LearnedModel? {
        let confident = beads.filter { $0.sentences[0].count == 1 && $0.sentences[1].count == 1 && $0.confidence >= 0.8 }
        guard confident.count >= 8 else { return nil }
        // Length: the ratio over confident beads, and a robust variance (median of squared residuals).
        var sourceTotal = 0.0, targetTotal = 0.0
        for bead in confident {
            sourceTotal += Double(pair.sourceUnits[bead.sentences[0].lowerBound].characters)
            targetTotal += Double(pair.targetUnits[bead.sentences[1].lowerBound].characters)
        }
        let ratio = targetTotal / max(sourceTotal, 1)
        let residuals = confident.map { bead -> Double in
            let ls = Double(max(1, pair.sourceUnits[bead.sentences[0].lowerBound].characters))
            let lt = Double(pair.targetUnits[bead.sentences[1].lowerBound].characters)
            return (lt - ratio * ls) * (lt - ratio * ls) / ((ls + lt / ratio) / 2)
        }.sorted()
        // The median of a squared normal is 0.455 times its variance.
        let variance = min(max(residuals[residuals.count / 2] / 0.455, 2), 40)

        // Words: Dice coefficient of co-occurrence in confident beads. Counts by word id in arrays; the pairs of
        // words of each bead listed and sorted, then counted run by run (in ascending order of the pair, so that the
        // result cannot depend on hash-table order).
        var sourceCount = [Int](repeating: 0, count: pair.vocabulary.count)
        var targetCount = [Int](repeating: 0, count: pair.vocabulary.count)
        var together: [Int64] = []
        for bead in confident {
            let s = pair.sourceUnits[bead.sentences[0].lowerBound].tokens
            let t = pair.targetUnits[bead.sentences[1].lowerBound].tokens
            for a in s { sourceCount[Int(a.folded)] += 1 }
            for b in t { targetCount[Int(b.folded)] += 1 }
            for a in s { for b in t { together.append(Int64(a.folded) << 32 | Int64(b.folded)) } }
        }
        together.sort()
        var candidates: [Int32: [(Int32, Double)]] = [:]
        var start = 0
        while start < together.count {
            let key = together[start]
            var end = start + 1
            while end < together.count && together[end] == key { end += 1 }
            let count = end - start
            start = end
            guard count >= 2 else { continue }
            let a = Int32(key >> 32), b = Int32(truncatingIfNeeded: key)
            guard a != b else { continue }  // identical spellings match anyway
            let dice = 2 * Double(count) / Double(sourceCount[Int(a)] + targetCount[Int(b)])
            if dice >= 0.5 { candidates[a, default: []].append((b, dice)) }
        }
        var translations: [String: Set<String>] = [:]
        for (a, list) in candidates {
            let top = list.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3)
            translations[pair.vocabulary.words[Int(a)]] = Set(top.map { pair.vocabulary.words[Int($0.0)] })
        }
        return LearnedModel(characterRatio: ratio, variance: variance, translations: translations)
    }
}
