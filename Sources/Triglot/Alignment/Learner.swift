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

        // Words: Dice coefficient of co-occurrence in confident beads.
        var sourceCount: [Int32: Int] = [:]
        var targetCount: [Int32: Int] = [:]
        var together: [Int64: Int] = [:]
        for bead in confident {
            let s = pair.sourceUnits[bead.sentences[0].lowerBound].tokens.map(\.folded)
            let t = pair.targetUnits[bead.sentences[1].lowerBound].tokens.map(\.folded)
            for a in s { sourceCount[a, default: 0] += 1 }
            for b in t { targetCount[b, default: 0] += 1 }
            for a in s { for b in t { together[Int64(a) << 32 | Int64(b), default: 0] += 1 } }
        }
        // Sorted keys and explicit tie-breaks: the result must not depend on hash-table order.
        var candidates: [Int32: [(Int32, Double)]] = [:]
        for key in together.keys.sorted() {
            let count = together[key]!
            guard count >= 2 else { continue }
            let a = Int32(key >> 32), b = Int32(truncatingIfNeeded: key)
            guard a != b else { continue }  // identical spellings match anyway
            let dice = 2 * Double(count) / Double(sourceCount[a]! + targetCount[b]!)
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
