import Foundation

/// Evidence for each language Triglot identifies, in tenths of a point (a point is roughly one function word).
public struct LanguageEvidence: Sendable, Equatable {
    public var vietnamese: Int32 = 0
    public var french: Int32 = 0
    public var english: Int32 = 0

    public init(vietnamese: Int32 = 0, french: Int32 = 0, english: Int32 = 0) {
        self.vietnamese = vietnamese
        self.french = french
        self.english = english
    }

    @inline(__always)
    static func + (a: Self, b: Self) -> Self {
        Self(vietnamese: a.vietnamese &+ b.vietnamese, french: a.french &+ b.french, english: a.english &+ b.english)
    }

    @inline(__always)
    static func - (a: Self, b: Self) -> Self {
        Self(vietnamese: a.vietnamese &- b.vietnamese, french: a.french &- b.french, english: a.english &- b.english)
    }

    /// The best language when it leads the runner-up by at least `margin` tenths, else `.undetermined`.
    public func decision(margin: Int32) -> Language {
        let scores: [(Language, Int32)] = [(.vietnamese, vietnamese), (.french, french), (.english, english)]
        let sorted = scores.sorted { $0.1 > $1.1 }
        return sorted[0].1 - sorted[1].1 >= margin ? sorted[0].0 : .undetermined
    }
}

/// Identifies Vietnamese, French and English in short and long spans of text, with no model and no network.
///
/// Each word adds evidence: letters only Vietnamese uses (ă đ ơ ư and tone marks), letters only French uses
/// (ç œ î û ë ï), accents both share, elisions (l', d', qu') and possessives ('s), suffixes, and three small word
/// lists in `Resources/` (function words, administrative vocabulary, page furniture). Evidence is summed over a
/// span; the segmenter then settles spans with too little evidence (a name, a number) from their neighbours.
public struct LanguageIdentifier: Sendable {
    /// Word lists by hash of the lower-cased word.
    private let table: WordTable

    /// The identifier with the bundled word lists, loaded once.
    public static let standard = LanguageIdentifier()

    init() {
        var weights: [UInt64: LanguageEvidence] = [:]
        let lists: [(String, WritableKeyPath<LanguageEvidence, Int32>)] = [
            ("lexicon-vi", \.vietnamese), ("lexicon-fr", \.french), ("lexicon-en", \.english),
        ]
        var membership: [UInt64: [WritableKeyPath<LanguageEvidence, Int32>]] = [:]
        for (name, language) in lists {
            for word in ResourceFile.lines(named: name, extension: "txt") {
                let hash = WordHasher.hash(of: word)
                if membership[hash]?.contains(language) != true { membership[hash, default: []].append(language) }
            }
        }
        for (hash, languages) in membership {
            // A word in one list is strong evidence; a word two languages share is weak evidence for both.
            let weight: Int32 = languages.count == 1 ? 20 : 7
            var evidence = LanguageEvidence()
            for language in languages { evidence[keyPath: language] = weight }
            weights[hash] = evidence
        }
        table = WordTable(weights)
    }

    /// Evidence for the whole of `text`.
    public func evidence(in text: String) -> LanguageEvidence {
        var text = text
        return text.withUTF8 { buffer in
            let index = EvidenceIndex(text: UTF8Text(bytes: buffer), identifier: self)
            return index.evidence(in: 0..<buffer.count)
        }
    }

    /// The language of `text`, or `.undetermined` when the evidence is too thin.
    public func identify(_ text: String, margin: Int32 = 15) -> Language {
        evidence(in: text).decision(margin: margin)
    }

    /// Adds the evidence of each word of `text` to `sink`, with the UTF-8 offset where the word ends.
    func scanWords(_ text: UTF8Text, _ sink: (Int, LanguageEvidence) -> Void) {
        let bytes = text.bytes
        let n = bytes.count
        var i = 0
        while i < n {
            // Skip to the start of a word.
            var (value, length) = text.scalar(at: i)
            while !Scalars.isLetter(value) {
                i += length
                if i >= n { return }
                (value, length) = text.scalar(at: i)
            }
            let wordStart = i
            var hasher = WordHasher()
            var flags: UInt8 = 0
            var letters = 0
            var ascii = true
            var last3: UInt32 = 0  // last three ASCII letters, lower case, packed
            while i < n {
                (value, length) = text.scalar(at: i)
                if Scalars.isLetter(value) {
                    let lower = Scalars.lowercased(value)
                    hasher.add(lower)
                    flags |= Self.letterFlags(lower)
                    if lower >= 0x80 { ascii = false }
                    last3 = (last3 << 8 | (lower < 0x80 ? lower : 0)) & 0xFF_FFFF
                    letters += 1
                    i += length
                } else if value == 0x27 || value == 0x2019 {
                    // An apostrophe inside a word: elision (l', qu') or possessive ('s).
                    let next = i + length < n ? text.scalar(at: i + length).value : 0
                    if Scalars.isLetter(next) && letters <= 2 && !Self.isPossessiveS(text, i + length) {
                        flags |= Self.elision
                        break
                    }
                    if Self.isPossessiveS(text, i + length) { flags |= Self.possessive }
                    break
                } else {
                    break
                }
            }
            var evidence = table[hasher.value] ?? LanguageEvidence()
            if flags & Self.vietnameseOnly != 0 { evidence.vietnamese += 30 }
            if flags & Self.frenchOnly != 0 { evidence.french += 20 }
            if flags & Self.shared != 0 && flags & Self.vietnameseOnly == 0 {
                evidence.french += 8
                evidence.vietnamese += 8
            }
            if flags & Self.elision != 0 { evidence.french += 15 }
            if flags & Self.possessive != 0 { evidence.english += 15 }
            if ascii && letters >= 5 && evidence == LanguageEvidence() {
                evidence = evidence + Self.suffixEvidence(last3)
            }
            if ascii && letters >= 3 && Self.startsLikeVietnamese(text, wordStart) { evidence.vietnamese += 6 }
            sink(i, evidence)
            if i == wordStart { i += length }  // a lone apostrophe
            if flags & (Self.elision | Self.possessive) != 0 { i += length }  // step over the apostrophe
        }
    }

    // Letter classes, as bit flags.
    private static let vietnameseOnly: UInt8 = 1
    private static let frenchOnly: UInt8 = 2
    private static let shared: UInt8 = 4
    private static let elision: UInt8 = 8
    private static let possessive: UInt8 = 16

    @inline(__always)
    private static func letterFlags(_ v: UInt32) -> UInt8 {
        if v < 0x80 { return 0 }
        switch v {
        case 0xE0, 0xE2, 0xE8, 0xE9, 0xEA, 0xF4, 0xF9: return shared            // à â è é ê ô ù
        case 0xE7, 0xEB, 0xEE, 0xEF, 0xFB, 0xFC, 0xFF, 0x153, 0xE6: return frenchOnly  // ç ë î ï û ü ÿ œ æ
        case 0xE1, 0xE3, 0xEC, 0xED, 0xF2, 0xF3, 0xF5, 0xFA, 0xFD, 0x103, 0x111, 0x129, 0x169, 0x1A1, 0x1B0,
             0x1EA0...0x1EF9, 0x309, 0x323:
            return vietnameseOnly  // á ã ì í ò ó õ ú ý ă đ ĩ ũ ơ ư, the Vietnamese block, hook and dot below
        default: return 0
        }
    }

    private static func isPossessiveS(_ text: UTF8Text, _ offset: Int) -> Bool {
        guard offset < text.count, text.bytes[offset] | 0x20 == UInt8(ascii: "s") else { return false }
        return offset + 1 >= text.count || !Scalars.isLetter(text.scalar(at: offset + 1).value)
    }

    /// Vietnamese initials no English or French word starts with: "ngh", "nh", "ng" before a vowel.
    private static func startsLikeVietnamese(_ text: UTF8Text, _ start: Int) -> Bool {
        let b = text.bytes
        guard start + 2 < b.count else { return false }
        let (c0, c1, c2) = (b[start] | 0x20, b[start + 1] | 0x20, b[start + 2] | 0x20)
        guard c0 == UInt8(ascii: "n") else { return false }
        if c1 == UInt8(ascii: "h") { return true }
        return c1 == UInt8(ascii: "g") && (c2 == UInt8(ascii: "h") || "aeiouy".utf8.contains(c2))
    }

    /// Weak evidence from the last three letters of an unknown ASCII word.
    private static func suffixEvidence(_ last3: UInt32) -> LanguageEvidence {
        func pack(_ s: String) -> UInt32 { s.utf8.reduce(0) { $0 << 8 | UInt32($1) } }
        switch last3 {
        case pack("ing"): return LanguageEvidence(english: 10)
        case pack("hip"), pack("ful"), pack("ous"): return LanguageEvidence(english: 8)
        case pack("eux"), pack("aux"), pack("que"), pack("ues"), pack("ait"):
            return LanguageEvidence(french: 10)
        default:
            switch last3 & 0xFFFF {
            case pack("ly"): return LanguageEvidence(english: 6)
            case pack("ed"): return LanguageEvidence(english: 4)
            case pack("ez"): return LanguageEvidence(french: 6)
            default: return LanguageEvidence()
            }
        }
    }
}

/// Prefix sums of language evidence over a text, so that the evidence of any paragraph or sentence is two
/// look-ups and a subtraction.
struct EvidenceIndex {
    /// UTF-8 offsets where words end, ascending.
    private var wordEnds: [Int32] = []
    /// `cumulative[k]`: evidence of the first `k` words.
    private var cumulative: [LanguageEvidence] = [LanguageEvidence()]

    init(text: UTF8Text, identifier: LanguageIdentifier) {
        wordEnds.reserveCapacity(text.count / 6)
        cumulative.reserveCapacity(text.count / 6 + 1)
        var total = LanguageEvidence()
        identifier.scanWords(text) { end, evidence in
            total = total + evidence
            wordEnds.append(Int32(truncatingIfNeeded: end))
            cumulative.append(total)
        }
    }

    /// Evidence of the words that end inside `range`.
    func evidence(in range: Range<Int>) -> LanguageEvidence {
        cumulative[firstWord(endingAfter: range.upperBound)] - cumulative[firstWord(endingAfter: range.lowerBound)]
    }

    /// The number of words that end at or before `offset`.
    private func firstWord(endingAfter offset: Int) -> Int {
        var low = 0
        var high = wordEnds.count
        while low < high {
            let middle = (low + high) / 2
            if Int(wordEnds[middle]) <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// FNV-1a over the lower-cased scalars of a word.
struct WordHasher {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    mutating func add(_ scalar: UInt32) {
        value = (value ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    static func hash(of word: String) -> UInt64 {
        var hasher = WordHasher()
        for scalar in word.unicodeScalars { hasher.add(Scalars.lowercased(scalar.value)) }
        return hasher.value
    }
}

/// An open-addressing hash table from word hashes to evidence: the hot path of language identification.
struct WordTable: Sendable {
    private let keys: [UInt64]
    private let values: [LanguageEvidence]
    private let mask: Int

    init(_ entries: [UInt64: LanguageEvidence]) {
        var size = 16
        while size < entries.count * 4 { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        var values = [LanguageEvidence](repeating: LanguageEvidence(), count: size)
        for (key, value) in entries {
            var slot = Int(truncatingIfNeeded: key) & (size - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key == 0 ? 1 : key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = size - 1
    }

    @inline(__always)
    subscript(key: UInt64) -> LanguageEvidence? {
        var slot = Int(truncatingIfNeeded: key) & mask
        let key = key == 0 ? 1 : key
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}

extension Scalars {
    /// Lower case for the Latin letters Triglot reads; other scalars unchanged except through Unicode.
    @inline(__always)
    static func lowercased(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? v | 0x20 : v }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return v + 0x20 }
        if (v >= 0x100 && v <= 0x17F) || (v >= 0x1E00 && v <= 0x1EFF) { return v | 1 == v ? v : v + 1 }
        if v == 0x1A0 || v == 0x1AF { return v + 1 }
        return v
    }
}

/// Data files bundled in `Resources/`.
enum ResourceFile {
    /// The non-empty lines of a bundled file, without comment lines (starting with '#') and without the white
    /// space around them (tabs inside a line are kept: they separate columns).
    static func lines(named name: String, extension ext: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
              let content = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("the Triglot resource \(name).\(ext) is missing from the bundle")
        }
        return content.split(whereSeparator: \.isNewline).compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.isEmpty || text.hasPrefix("#") ? nil : text
        }
    }
}
