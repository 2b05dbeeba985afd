import Foundation

/// Evidence for each language Triglot identifies, in tenths of a point (a point is roughly one function word).
public struct LanguageEvidence: Sendable, Equatable {
    /// Evidence for Vietnamese.
    public var vietnamese: Int32 = 0
    /// Evidence for French.
    public var french: Int32 = 0
    /// Evidence for English.
    public var english: Int32 = 0

    /// Evidence of the given weights.
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
        let (v, f, e) = (vietnamese, french, english)
        if v >= f && v >= e { return v - max(f, e) >= margin ? .vietnamese : .undetermined }
        if f >= e { return f - max(v, e) >= margin ? .french : .undetermined }
        return e - max(v, f) >= margin ? .english : .undetermined
    }
}

/// Identifies Vietnamese, French and English in short and long spans of text, with no model and no network.
///
/// Each word adds evidence: letters only Vietnamese uses (ă đ ơ ư and tone marks), letters only French uses
/// (ç œ î û ë ï), accents both share, elisions (l', d', qu') and possessives ('s), suffixes, and three small word
/// lists in `Resources/` (function words, administrative vocabulary, page furniture); so does French typography
/// (a space before : ; ? !). Web addresses add nothing. Evidence is summed over a
/// span; the segmenter then settles spans with too little evidence (a name, a number) from their neighbours.
public struct LanguageIdentifier: Sendable {
    /// Word lists by hash of the lower-cased word.
    private let table: WordTable
    /// For each scalar below U+0250: bit 7 set for a letter, bits 0–4 its letter flags, bit 5 when its lower case
    /// is the next scalar, bit 6 when it is 0x20 further (Latin-1 capitals).
    private let latin: [UInt16]
    /// Letters in the longest listed word: longer words are not looked up.
    private let longestWord: Int

    /// The identifier with the bundled word lists, loaded once.
    public static let standard = LanguageIdentifier()

    init() {
        var weights: [UInt64: LanguageEvidence] = [:]
        let lists: [(String, WritableKeyPath<LanguageEvidence, Int32>)] = [
            ("lexicon-vi", \.vietnamese), ("lexicon-fr", \.french), ("lexicon-en", \.english),
        ]
        var membership: [UInt64: [WritableKeyPath<LanguageEvidence, Int32>]] = [:]
        var longest = 0
        for (name, language) in lists {
            for word in ResourceFile.lines(named: name, extension: "txt") {
                longest = max(longest, word.unicodeScalars.count)
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
        longestWord = longest
        // Per scalar below U+0250: bit 15 letter, bit 14 lower case is +1, bit 13 lower case is +0x20, low byte flags.
        latin = (0..<0x250).map { (value: UInt32) -> UInt16 in
            guard Scalars.isLetter(value) else { return 0 }
            let lower = Scalars.lowercased(value)
            let delta: UInt16 = lower == value + 1 ? 0x4000 : lower == value + 0x20 ? 0x2000 : 0
            return 0x8000 | delta | UInt16(Self.letterFlags(lower))
        }
    }

    /// Evidence for the whole of `text`.
    public func evidence(in text: String) -> LanguageEvidence {
        var text = text
        return text.withUTF8 { buffer in
            var total = EvidenceTotal()
            scanWords(UTF8Text(bytes: buffer), into: &total)
            return total.evidence
        }
    }

    /// The language of `text`, or `.undetermined` when the evidence is too thin.
    public func identify(_ text: String, margin: Int32 = 15) -> Language {
        evidence(in: text).decision(margin: margin)
    }

    /// Gives the evidence of each word of `text` to `sink`, with the UTF-8 offset where the word ends.
    ///
    /// This is the hot loop of segmentation: runs of ASCII letters are hashed in a tight inner loop, and only
    /// non-ASCII scalars take the slower path through the letter table.
    func scanWords<Sink: EvidenceSink>(_ text: UTF8Text, into sink: inout Sink) {
        let bytes = text.bytes
        let n = bytes.count
        var i = 0
        while i < n {
            // Skip to the next letter.
            while i < n {
                let byte = bytes[i]
                if byte < 0x80 {
                    if (byte | 0x20) &- 0x61 < 26 { break }
                    if byte == 0x3A && i + 2 < n && bytes[i + 1] == 0x2F && bytes[i + 2] == 0x2F {
                        // "://": the rest of a web address is a slug, not words of any language.
                        while i < n && bytes[i] > 0x20 { i += 1 }
                        continue
                    }
                    if (byte == 0x3A || byte == 0x3B || byte == 0x3F || byte == 0x21) && i > 0
                        && (bytes[i - 1] == 0x20 || (i > 1 && bytes[i - 2] == 0xC2 && bytes[i - 1] == 0xA0)) {
                        // French typography puts a space before : ; ? ! — English and Vietnamese do not.
                        sink.add(LanguageEvidence(french: 15), endingAt: i + 1)
                    }
                    i += 1
                } else {
                    let (value, length) = text.scalar(at: i)
                    if classify(value).isLetter { break }
                    i += length
                }
            }
            guard i < n else { return }

            // Read one word.
            let wordStart = i
            var hash = WordHasher.seed
            var flags: UInt8 = 0
            var letters = 0
            var ascii = true
            var last3: UInt32 = 0
            while i < n {
                let runStart = i
                while i < n {
                    let folded = bytes[i] | 0x20
                    guard folded &- 0x61 < 26 else { break }  // (a byte from 0x80 up never folds into a–z)
                    hash = WordHasher.combine(hash, UInt32(folded))
                    last3 = last3 << 8 | UInt32(folded)
                    i += 1
                }
                letters += i - runStart
                guard i < n, bytes[i] >= 0x80 else { break }
                let (value, length) = text.scalar(at: i)
                let scalar = classify(value)
                guard scalar.isLetter else { break }
                hash = WordHasher.combine(hash, scalar.lower)
                flags |= scalar.flags
                ascii = false
                last3 <<= 8
                letters += 1
                i += length
            }

            // An apostrophe inside a word: possessive ('s) or elision (l', qu').
            var apostrophe = 0
            if i < n {
                if bytes[i] == 0x27 { apostrophe = 1 }
                else if bytes[i] == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { apostrophe = 3 }
            }
            if apostrophe > 0 {
                flags |= Self.apostropheFlags(text, after: i + apostrophe, wordStart: wordStart, letters: letters)
            }
            sink.add(evidence(hash: hash, flags: flags, letters: letters, ascii: ascii, last3: last3 & 0xFF_FFFF,
                              start: wordStart, text: text), endingAt: i)
            i += apostrophe
        }
    }

    /// A non-ASCII scalar's class: whether it is a letter, its lower case and its letter flags.
    @inline(__always)
    private func classify(_ value: UInt32) -> (isLetter: Bool, lower: UInt32, flags: UInt8) {
        if value < 0x250 {
            let entry = latin[Int(value)]
            return (entry & 0x8000 != 0, value + (entry & 0x4000 != 0 ? 1 : entry & 0x2000 != 0 ? 0x20 : 0), UInt8(entry & 0xFF))
        }
        if value >= 0x1E00 && value <= 0x1EFF {  // Latin Extended Additional: Vietnamese
            let lower = value | 1
            return (true, lower, lower >= 0x1EA0 && lower <= 0x1EF9 ? Self.vietnameseOnly : 0)
        }
        return Self.classifyOther(value)
    }

    /// ``classify(_:)`` for the scalars outside the Latin tables: rare in the news, and kept out of the hot loop.
    @inline(never)
    private static func classifyOther(_ value: UInt32) -> (isLetter: Bool, lower: UInt32, flags: UInt8) {
        let lower = Scalars.lowercased(value)
        return (Scalars.isLetter(value), lower, letterFlags(lower))
    }

    /// The flags an apostrophe after a word adds: possessive ('s), French elision (l', d', j', m', n', s', t',
    /// c', qu'), or none (English "I've" is not an elision).
    @inline(__always)
    private static func apostropheFlags(_ text: UTF8Text, after offset: Int, wordStart: Int, letters: Int) -> UInt8 {
        if isPossessiveS(text, offset) { return possessive }
        guard offset < text.count, Scalars.isLetter(text.scalar(at: offset).value) else { return 0 }
        let first = text.bytes[wordStart] | 0x20
        if letters == 1 && "ldjmnstc".utf8.contains(first) { return elision }
        if letters == 2 && first == UInt8(ascii: "q") && text.bytes[wordStart + 1] | 0x20 == UInt8(ascii: "u") {
            return elision
        }
        return 0
    }

    /// The evidence one finished word adds.
    @inline(__always)
    private func evidence(hash: UInt64, flags: UInt8, letters: Int, ascii: Bool, last3: UInt32, start: Int,
                          text: UTF8Text) -> LanguageEvidence {
        var evidence = letters <= longestWord ? table[hash] ?? LanguageEvidence() : LanguageEvidence()
        if flags != 0 {
            if flags & Self.vietnameseOnly != 0 { evidence.vietnamese += 30 } else if flags & Self.latinAcute != 0 { evidence.vietnamese += 12 }
            if flags & Self.frenchOnly != 0 { evidence.french += 20 }
            if flags & Self.shared != 0 && flags & (Self.vietnameseOnly | Self.latinAcute) == 0 {
                evidence.french += 8
                evidence.vietnamese += 8
            }
            if flags & Self.elision != 0 { evidence.french += 15 }
            if flags & Self.possessive != 0 { evidence.english += 15 }
            if flags & Self.foreign != 0 {
                // A letter none of the three languages writes (Hungarian ő, German ß, Polish ł): the word is from
                // another language, whatever its other letters say (Hungarian á é í ó ú are Vietnamese letters too).
                evidence.vietnamese -= 60
                evidence.french -= 30
                evidence.english -= 30
            }
        }
        if ascii && letters >= 3 {
            if letters >= 5 && evidence.vietnamese | evidence.french | evidence.english == 0 {
                evidence = evidence + Self.suffixEvidence(last3)
            }
            if Self.startsLikeVietnamese(text, start) { evidence.vietnamese += 6 }
        }
        return evidence
    }

    // Letter classes, as bit flags.
    static let vietnameseOnly: UInt8 = 1
    static let frenchOnly: UInt8 = 2
    static let shared: UInt8 = 4
    static let elision: UInt8 = 8
    static let possessive: UInt8 = 16
    static let foreign: UInt8 = 32
    static let latinAcute: UInt8 = 64

    @inline(__always)
    static func letterFlags(_ v: UInt32) -> UInt8 {
        if v < 0x80 { return 0 }
        switch v {
        case 0xE0, 0xE2, 0xE8, 0xE9, 0xEA, 0xF4, 0xF9: return shared            // à â è é ê ô ù
        case 0xE7, 0xEB, 0xEE, 0xEF, 0xFB, 0xFC, 0xFF, 0x153, 0xE6: return frenchOnly  // ç ë î ï û ü ÿ œ æ
        case 0xE1, 0xEC, 0xED, 0xF2, 0xF3, 0xFA, 0xFD:
            return latinAcute  // á ì í ò ó ú ý: Vietnamese, but Hungarian, Spanish, Czech … write them too
        case 0xE3, 0xF5, 0x103, 0x111, 0x129, 0x169, 0x1A1, 0x1B0, 0x1EA0...0x1EF9, 0x309, 0x323:
            return vietnameseOnly  // ã õ ă đ ĩ ũ ơ ư, the Vietnamese block, hook and dot below
        case 0xE4, 0xF6, 0x151, 0x171, 0xDF, 0xF1, 0xE5, 0xF8, 0x105, 0x119, 0x142, 0x144, 0x15B, 0x17A, 0x17C,
             0x10D, 0x10F, 0x11B, 0x148, 0x159, 0x161, 0x165, 0x16F, 0x17E, 0x11F, 0x131, 0x15F, 0x163, 0x219, 0x21B:
            return foreign  // ä ö ő ű ß ñ å ø ą ę ł ń ś ź ż č ď ě ň ř š ť ů ž ğ ı ş ţ ș ț
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
        switch last3 {
        case Suffix.ing: return LanguageEvidence(english: 10)
        case Suffix.hip, Suffix.ful, Suffix.ous: return LanguageEvidence(english: 8)
        case Suffix.eux, Suffix.aux, Suffix.que, Suffix.ues, Suffix.ait: return LanguageEvidence(french: 10)
        default:
            switch last3 & 0xFFFF {
            case Suffix.ly: return LanguageEvidence(english: 6)
            case Suffix.ed: return LanguageEvidence(english: 4)
            case Suffix.ez: return LanguageEvidence(french: 6)
            default: return LanguageEvidence()
            }
        }
    }

    /// Word endings packed as the scanner packs the last letters of a word (one ASCII byte a letter), written as
    /// literals so that the hot loop reads constants.
    private enum Suffix {
        static let ing: UInt32 = 0x69_6E_67, hip: UInt32 = 0x68_69_70, ful: UInt32 = 0x66_75_6C
        static let ous: UInt32 = 0x6F_75_73, eux: UInt32 = 0x65_75_78, aux: UInt32 = 0x61_75_78
        static let que: UInt32 = 0x71_75_65, ues: UInt32 = 0x75_65_73, ait: UInt32 = 0x61_69_74
        static let ly: UInt32 = 0x6C_79, ed: UInt32 = 0x65_64, ez: UInt32 = 0x65_7A
    }
}

/// Receives the evidence of each word, in text order, from ``LanguageIdentifier/scanWords(_:into:)``.
protocol EvidenceSink {
    /// `evidence` of a word (or a typographic cue) that ends at UTF-8 offset `end`.
    mutating func add(_ evidence: LanguageEvidence, endingAt end: Int)
}

/// Sums all the evidence of a text.
struct EvidenceTotal: EvidenceSink {
    var evidence = LanguageEvidence()

    @inline(__always)
    mutating func add(_ evidence: LanguageEvidence, endingAt end: Int) { self.evidence = self.evidence + evidence }
}

/// Prefix sums of language evidence over a text, so that the evidence of any paragraph or sentence is two
/// look-ups and a subtraction.
struct EvidenceIndex: EvidenceSink {
    /// A word with evidence: where it ends (UTF-8 offset) and the evidence of all words up to and including it.
    private struct Entry {
        var end: Int32
        var total: LanguageEvidence
    }

    /// Words with evidence, in text order; `entries[k].total` sums the first `k + 1` of them.
    private var entries: [Entry] = []
    /// The evidence of all words so far (the last entry's total, kept at hand).
    private var running = LanguageEvidence()

    /// Words without evidence (names, numbers, most content words) are not stored: they change no sum.
    init(text: UTF8Text, identifier: LanguageIdentifier) {
        entries.reserveCapacity(text.count / 8)
        identifier.scanWords(text, into: &self)
    }

    @inline(__always)
    mutating func add(_ evidence: LanguageEvidence, endingAt end: Int) {
        guard evidence.vietnamese | evidence.french | evidence.english != 0 else { return }
        running = running + evidence
        entries.append(Entry(end: Int32(truncatingIfNeeded: end), total: running))
    }

    /// The evidence of the first `count` stored words.
    @inline(__always)
    private func total(_ count: Int) -> LanguageEvidence {
        count == 0 ? LanguageEvidence() : entries[count - 1].total
    }

    /// Evidence of the words that end inside `range`, for ranges asked in increasing order: `cursor` remembers
    /// where the last answer was found, so a pass over a document costs one walk over the index.
    func evidence(in range: Range<Int>, cursor: inout Int) -> LanguageEvidence {
        if cursor > entries.count || (cursor > 0 && Int(entries[cursor - 1].end) > range.lowerBound) {
            cursor = firstWord(endingAfter: range.lowerBound)
        }
        while cursor < entries.count && Int(entries[cursor].end) <= range.lowerBound { cursor += 1 }
        let low = cursor
        var high = low
        while high < entries.count && Int(entries[high].end) <= range.upperBound { high += 1 }
        cursor = high
        return total(high) - total(low)
    }

    /// The number of stored words that end at or before `offset`.
    private func firstWord(endingAfter offset: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if Int(entries[middle].end) <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// FNV-1a over the lower-cased scalars of a word.
enum WordHasher {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func combine(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    static func hash(of word: String) -> UInt64 {
        word.unicodeScalars.reduce(seed) { combine($0, Scalars.lowercased($1.value)) }
    }
}

/// An open-addressing hash table from word hashes to evidence: the hot path of language identification.
/// Slots come from the high bits of the hash times the golden ratio (Fibonacci hashing): FNV's low bits alone
/// cluster.
struct WordTable: Sendable {
    private let keys: [UInt64]
    private let values: [LanguageEvidence]
    private let mask: Int
    private let shift: UInt64

    init(_ entries: [UInt64: LanguageEvidence]) {
        // At most half full: probes stay short, and the keys stay small enough for the first-level cache.
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: size)
        var values = [LanguageEvidence](repeating: LanguageEvidence(), count: size)
        for (key, value) in entries {
            let stored = key == 0 ? 1 : key
            var slot = Self.slot(stored, shift: 64 - bits)
            while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = stored
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = size - 1
        self.shift = 64 - bits
    }

    @inline(__always)
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(key: UInt64) -> LanguageEvidence? {
        let key = key == 0 ? 1 : key
        var slot = Self.slot(key, shift: shift)
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
