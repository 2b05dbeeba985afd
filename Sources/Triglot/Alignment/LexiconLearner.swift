import Foundation

/// Learns a translation table from aligned sentence groups with IBM Model 1 (Brown et al. 1993): expectation
/// maximisation of word-translation probabilities in both directions, kept where both directions agree.
///
/// Vietnamese is read as syllables and as pairs of neighbouring syllables (most Vietnamese words have two), so the
/// table can pair `kỷ luật` with `discipline` rather than each syllable with it; other languages are read as words,
/// folded (no diacritics, lower case). Words that appear on both sides unchanged (names, numbers, cognates) need no
/// table and are left out.
///
/// ```swift
/// var learner = LexiconLearner(source: .vietnamese, target: .english)
/// learner.add(source: "Ủy ban Kiểm tra Trung ương đề nghị kỷ luật", target: "The CIC proposed disciplinary action")
/// let table = learner.learn()   // a Lexicon with columns vi, en, weight
/// ```
public struct LexiconLearner: Sendable {
    public let source: Language
    public let target: Language
    /// EM iterations.
    public var iterations = 8
    /// A pair must co-occur in at least this many groups.
    public var minimumCount = 2
    /// Both directions' probabilities must reach this for a pair to be kept.
    public var minimumProbability = 0.08
    /// Tokens seen in more than this share of groups are function words: they are not learned.
    public var maximumDocumentShare = 0.3

    private var groups: [(source: [Int32], target: [Int32])] = []
    private var words: [String] = []
    private var ids: [String: Int32] = [:]

    public init(source: Language, target: Language) {
        self.source = source
        self.target = target
    }

    /// How many aligned groups have been added.
    public var count: Int { groups.count }

    /// Adds one aligned group: the text of its source sentences and of its target sentences.
    public mutating func add(source sourceText: String, target targetText: String) {
        add(sourceTokens: tokens(sourceText, language: source), targetTokens: tokens(targetText, language: target))
    }

    /// Adds one aligned group already split into tokens (see ``tokens(_:language:)``).
    public mutating func add(sourceTokens s: [String], targetTokens t: [String]) {
        guard !s.isEmpty, !t.isEmpty else { return }
        var sourceIDs: [Int32] = [], targetIDs: [Int32] = []
        for token in s { sourceIDs.append(id(token)) }
        for token in t { targetIDs.append(id(token)) }
        groups.append((sourceIDs, targetIDs))
    }

    private mutating func id(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        words.append(word)
        ids[word] = id
        return id
    }

    /// The distinct tokens of a text: words in their lexicon key form, and for Vietnamese pairs of neighbouring
    /// syllables as well.
    public func tokens(_ text: String, language: Language) -> [String] {
        let keys = UnitBuilder.words(of: Array(text.unicodeScalars)).map { LexiconIndex.key($0.text, language: language) }
        var result: [String] = []
        var seen = Set<String>()
        func add(_ token: String) { if seen.insert(token).inserted { result.append(token) } }
        for (k, key) in keys.enumerated() {
            add(key)
            if language == .vietnamese && k + 1 < keys.count { add(key + " " + keys[k + 1]) }
        }
        return result
    }

    /// Runs EM in both directions and returns the pairs both directions support, with their weight (the geometric
    /// mean of the two probabilities), most probable first.
    public func learn() -> Lexicon {
        let documentFrequency = frequencies()
        let limit = max(2, Int(Double(groups.count) * maximumDocumentShare))
        func content(_ word: Int32) -> Bool { documentFrequency[Int(word)] <= limit }
        let filtered = groups.map { ($0.source.filter(content), $0.target.filter(content)) }
        let forward = Model1(filtered.map { ($0.0, $0.1) }, iterations: iterations)   // t(target | source)
        let backward = Model1(filtered.map { ($0.1, $0.0) }, iterations: iterations)  // t(source | target)
        var entries: [(String, String, Double)] = []
        for (key, count) in forward.cooccurrences.sorted(by: { $0.key < $1.key }) where count >= minimumCount {
            let a = Int32(key >> 32), b = Int32(truncatingIfNeeded: key)
            guard a != b else { continue }  // the same spelling on both sides matches anyway
            let p = forward.probability(of: b, given: a)
            let q = backward.probability(of: a, given: b)
            guard p >= minimumProbability, q >= minimumProbability else { continue }
            entries.append((words[Int(a)], words[Int(b)], (p * q).squareRoot()))
        }
        entries.sort { ($0.2, $1.0, $1.1) > ($1.2, $0.0, $0.1) }
        return Lexicon(languages: [source, target], entries: entries.map {
            Lexicon.Entry(expressions: [source: [$0.0], target: [$0.1]], weight: $0.2)
        })
    }

    /// In how many groups each token appears (either side).
    private func frequencies() -> [Int] {
        var counts = Array(repeating: 0, count: words.count)
        for (s, t) in groups {
            for w in Set(s + t) { counts[Int(w)] += 1 }
        }
        return counts
    }
}

/// IBM Model 1 over flat arrays: every co-occurring (e, f) pair gets a slot, each group lists its slots, and EM
/// runs over those lists with no hashing inside the loop.
private struct Model1 {
    /// Slot of every co-occurring pair, key e << 32 | f (the null word is e = -1, stored as 0xFFFFFFFF).
    private var slots: [Int64: Int] = [:]
    private var probabilities: [Double] = []
    /// How many groups each (e, f) pair co-occurs in (the null word left out).
    private(set) var cooccurrences: [Int64: Int] = [:]

    init(_ pairs: [([Int32], [Int32])], iterations: Int) {
        let null: Int32 = -1
        func key(_ e: Int32, _ f: Int32) -> Int64 { Int64(UInt32(bitPattern: e)) << 32 | Int64(UInt32(bitPattern: f)) }
        // For each group: for each f, the slots of (e, f) for every e of the group and the null word.
        var groupSlots: [[Int]] = []
        var widths: [Int] = []
        var owners: [Int32] = []  // e of each slot
        for (e, f) in pairs {
            let sources = e + [null]
            var list: [Int] = []
            list.reserveCapacity(sources.count * f.count)
            for b in f {
                for a in sources {
                    let k = key(a, b)
                    let slot: Int
                    if let known = slots[k] { slot = known } else {
                        slot = owners.count
                        slots[k] = slot
                        owners.append(a)
                    }
                    list.append(slot)
                    if a != null { cooccurrences[Int64(a) << 32 | Int64(b), default: 0] += 1 }
                }
            }
            groupSlots.append(list)
            widths.append(sources.count)
        }
        // e ids compacted for the normalising totals.
        var eIndex: [Int32: Int] = [:]
        let ownerIndex = owners.map { owner -> Int in
            if let k = eIndex[owner] { return k }
            eIndex[owner] = eIndex.count
            return eIndex.count - 1
        }
        var table = Array(repeating: 1.0, count: owners.count)
        var counts = Array(repeating: 0.0, count: owners.count)
        var totals = Array(repeating: 0.0, count: eIndex.count)
        for _ in 0..<iterations {
            for k in counts.indices { counts[k] = 0 }
            for k in totals.indices { totals[k] = 0 }
            for (list, width) in zip(groupSlots, widths) {
                var start = 0
                while start < list.count {
                    var z = 0.0
                    for k in start..<start + width { z += table[list[k]] }
                    if z > 0 {
                        for k in start..<start + width {
                            let c = table[list[k]] / z
                            counts[list[k]] += c
                            totals[ownerIndex[list[k]]] += c
                        }
                    }
                    start += width
                }
            }
            for k in table.indices {
                let total = totals[ownerIndex[k]]
                table[k] = total > 0 ? counts[k] / total : 0
            }
        }
        probabilities = table
    }

    /// t(f | e), 0 for pairs that never co-occur.
    func probability(of f: Int32, given e: Int32) -> Double {
        let k = Int64(UInt32(bitPattern: e)) << 32 | Int64(UInt32(bitPattern: f))
        return slots[k].map { probabilities[$0] } ?? 0
    }
}
