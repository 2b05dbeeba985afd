import Foundation

/// A word, number or punctuation mark of a sentence, as the extractors read it.
///
/// Offsets are UTF-8 byte offsets into the tokenized text. Words are runs of letters (combining marks included),
/// numbers runs of ASCII digits (a letter run and a digit run written together, "13th", "mars2014", are two
/// tokens with no space between them), and every other non-space scalar is a punctuation token of its own.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punctuation }

    var kind: Kind
    /// UTF-8 offsets into the tokenized text.
    var start: Int
    var end: Int
    /// Vocabulary id of the lower-case form with its diacritics, the Vietnamese tone mark placed one way
    /// ("Tỉnh uỷ" and "tỉnh ủy" alike); -1 for a word no extraction resource uses.
    var key: Int32
    /// Vocabulary id of the folded form (lower case, no diacritics, đ as d); -1 when unknown.
    var folded: Int32
    /// The punctuation mark (apostrophes and dashes unified: ' and -), or 0.
    var mark: UInt32
    /// The value of a number of at most nine digits, else -1.
    var number: Int
    /// How many digits a number has.
    var digits: Int
    /// Whether white space separates this token from the previous one.
    var spaceBefore: Bool
    /// The first letter is upper case.
    var capitalised: Bool
    /// Two letters or more, all upper case ("UBND", "NGHỆ").
    var upper: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    func isMark(_ scalar: Unicode.Scalar) -> Bool { kind == .punctuation && mark == scalar.value }
}

/// Word forms known to the extraction resources, each with a small integer id, so that matching compares
/// integers. Built once, with the resources that need it (``ExtractionResources``).
struct Vocabulary: Sendable {
    /// The words by id.
    private(set) var words: [String] = []
    /// The words' UTF-8 bytes end to end, and where each word's bytes end.
    private var pool: [UInt8] = []
    private var ends: [Int] = []
    /// An open-addressing table of ids by the hash of their bytes (-1 for an empty place), so that a token's
    /// bytes are looked up without making a string of them; a power of two at least twice the word count.
    private var table: [Int32] = []
    /// While set, the ids that `add` hands out (new or known), so that a resource's own words can be told apart.
    var handedOut: VocabularyBits?

    /// The id of `word` (a lower-case form), added if new.
    mutating func add(_ word: String) -> Int32 {
        let known = id(word)
        if known >= 0 {
            handedOut?.insert(known)
            return known
        }
        handedOut?.insert(Int32(words.count))
        let id = Int32(words.count)
        words.append(word)
        pool.append(contentsOf: word.utf8)
        ends.append(pool.count)
        if words.count * 2 > table.count {
            table = Array(repeating: -1, count: max(1024, table.count * 2))
            for k in words.indices { place(Int32(k)) }
        } else {
            place(id)
        }
        return id
    }

    private mutating func place(_ id: Int32) {
        let start = id == 0 ? 0 : ends[Int(id) - 1]
        let mask = table.count - 1
        var slot = pool[start..<ends[Int(id)]].withUnsafeBufferPointer { Self.hash($0) } & mask
        while table[slot] >= 0 { slot = (slot + 1) & mask }
        table[slot] = id
    }

    /// FNV-1a over bytes.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The id of `word`, or -1.
    func id(_ word: String) -> Int32 { id(bytes: Array(word.utf8)) }

    /// The id of the word whose UTF-8 bytes are `bytes`, or -1.
    func id(bytes: [UInt8]) -> Int32 { bytes.withUnsafeBufferPointer { id(buffer: $0) } }

    /// The id of the word whose UTF-8 bytes are in `buffer`, or -1.
    func id(buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !table.isEmpty else { return -1 }
        let mask = table.count - 1
        var slot = Self.hash(buffer) & mask
        while true {
            let id = table[slot]
            if id < 0 { return -1 }
            let start = id == 0 ? 0 : ends[Int(id) - 1]
            let end = ends[Int(id)]
            if end - start == buffer.count, buffer.isEmpty || pool.withUnsafeBufferPointer({ pool in
                memcmp(pool.baseAddress! + start, buffer.baseAddress!, buffer.count) == 0
            }) {
                return id
            }
            slot = (slot + 1) & mask
        }
    }
}

/// The lower-case and folded forms of letters, by scalar, for the Latin scripts Triglot reads.
enum LetterForms {
    /// Scalars below this have table entries.
    static let limit: UInt32 = Normalization.lowerCaseLimit

    /// Lower case of each scalar (the scalar itself when it has no single-scalar lower case).
    static let lower: [UInt32] = Normalization.lowerCase.enumerated().map { v, lower in
        lower == Normalization.severalScalars ? UInt32(v) : lower
    }

    /// Folded form of each scalar's lower case: its base letter (0 for a combining mark, which folding drops);
    /// œ and æ fold to two letters and are handled apart.
    static let folded: [UInt32] = (0..<limit).map { v in
        if v >= 0x300 && v <= 0x36F { return 0 }
        guard let scalar = Unicode.Scalar(LetterForms.lowerOf(v)) else { return v }
        if scalar.value == 0x111 { return 0x64 }  // đ
        let base = Normalization.nfd(String(scalar)).unicodeScalars.first?.value ?? scalar.value
        return base
    }

    @inline(__always)
    static func lowerOf(_ v: UInt32) -> UInt32 { v < limit ? lower[Int(v)] : v }

    /// Precomposed vowels with a tone mark, by (base vowel, tone): tone placement is unified on them.
    static let toned: [UInt32: (base: UInt32, tone: UInt32)] = {
        var table: [UInt32: (UInt32, UInt32)] = [:]
        for base in "aeiouyâêôăơư".unicodeScalars {
            for tone: UInt32 in [0x300, 0x301, 0x303, 0x309, 0x323] {
                let composed = Normalization.nfc(String(base) + String(Unicode.Scalar(tone)!)).unicodeScalars
                if composed.count == 1 { table[composed.first!.value] = (base.value, tone) }
            }
        }
        return table
    }()

    /// The same as ``toned``, by scalar below ``limit``: base vowel in the low 16 bits, tone mark in the high 16
    /// bits, 0 for a scalar that is no toned vowel (a look-up with no hashing, for every word).
    static let tonedParts: [UInt32] = (0..<limit).map { v in
        guard let parts = toned[v] else { return 0 }
        return parts.base | parts.tone << 16
    }

    /// The base vowel and tone mark of a precomposed toned vowel, or nil.
    @inline(__always)
    static func tonedVowel(_ v: UInt32, in table: UnsafeBufferPointer<UInt32>) -> (base: UInt32, tone: UInt32)? {
        guard v < limit else { return nil }
        let parts = table[Int(v)]
        return parts == 0 ? nil : (parts & 0xFFFF, parts >> 16)
    }

    static func compose(_ base: UInt32, _ tone: UInt32) -> UInt32 {
        let composed = Normalization.nfc(String(Unicode.Scalar(base)!) + String(Unicode.Scalar(tone)!)).unicodeScalars
        return composed.count == 1 ? composed.first!.value : base
    }

    /// (base, tone) → precomposed vowel.
    static let composed: [UInt64: UInt32] = {
        var table: [UInt64: UInt32] = [:]
        for (vowel, parts) in toned { table[UInt64(parts.base) << 32 | UInt64(parts.tone)] = vowel }
        return table
    }()
}

/// A sentence (or any text) cut into tokens, with the forms matching needs.
struct TokenizedText {
    let text: String
    let tokens: [Token]
    /// The UTF-8 bytes of `text`.
    let bytes: [UInt8]
    /// The folded form of each word token (empty for other tokens), computed once.
    private let foldedWords: [String]

    init(_ text: String, vocabulary: Vocabulary) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        var foldedWords: [String] = []
        foldedWords.reserveCapacity(bytes.count / 4)
        // A word's lower-case scalars, its folded bytes and its key bytes, in buffers reused from word to word (a
        // word has at most as many scalars as bytes; its folded and key forms at most twice its bytes, plus the two
        // letters of œ or æ).
        var keyStore = [UInt32](repeating: 0, count: bytes.count + 1)
        var foldedStore = [UInt8](repeating: 0, count: 2 * bytes.count + 8)
        var keyBytesStore = [UInt8](repeating: 0, count: 4 * bytes.count + 16)
        keyStore.withUnsafeMutableBufferPointer { key in
        foldedStore.withUnsafeMutableBufferPointer { folded in
        keyBytesStore.withUnsafeMutableBufferPointer { keyBytes in
        LetterForms.lower.withUnsafeBufferPointer { lowerTable in
        LetterForms.folded.withUnsafeBufferPointer { foldedTable in
        LetterForms.tonedParts.withUnsafeBufferPointer { tonedTable in
        bytes.withUnsafeBufferPointer { bytes in
            @inline(__always)
            func decode(_ i: Int) -> (UInt32, Int) {
                let b0 = bytes[i]
                if b0 < 0x80 { return (UInt32(b0), 1) }
                if b0 >= 0xC0 && b0 < 0xE0 && i + 1 < bytes.count {
                    return (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
                }
                if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < bytes.count {
                    return (UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
                }
                if b0 >= 0xF0 && i + 3 < bytes.count {
                    return (UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F), 4)
                }
                return (0xFFFD, 1)
            }
            @inline(__always)
            func lowerOf(_ v: UInt32) -> UInt32 { v < LetterForms.limit ? lowerTable[Int(v)] : v }
            var i = 0
            var spaced = true
            while i < bytes.count {
                let (v, length) = decode(i)
                if Scalars.isSpace(v) || v == 0x200B || v == 0xFEFF {
                    spaced = true
                    i += length
                    continue
                }
                let start = i
                if v >= 0x30 && v <= 0x39 {
                    var value = 0
                    var digits = 0
                    while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                        if digits < 9 { value = value * 10 + Int(bytes[i] - 0x30) }
                        digits += 1
                        i += 1
                    }
                    tokens.append(Token(kind: .number, start: start, end: i, key: -1, folded: -1, mark: 0,
                                        number: digits <= 9 ? value : -1, digits: digits, spaceBefore: spaced,
                                        capitalised: false, upper: false))
                    foldedWords.append("")
                    spaced = false
                    continue
                }
                if Scalars.isLetter(v) && !(v >= 0x300 && v <= 0x36F) {
                    var keyCount = 0
                    var foldedCount = 0
                    var letters = 0
                    var uppers = 0
                    var first = true
                    var capitalised = false
                    var previousLower = false
                    while i < bytes.count {
                        let (w, n) = decode(i)
                        guard Scalars.isLetter(w) else { break }
                        let lower = lowerOf(w)
                        // Words the page glued together ("PartiMettre", "deDa", "duPCV"): a capital after lower-case
                        // letters starts a new word when the part before is lower case or three letters long or more
                        // ("MoET" and "AnNommer" stay whole).
                        if lower != w, previousLower, letters >= 2, !capitalised || letters >= 3 { break }
                        previousLower = lower == w && !(w >= 0x300 && w <= 0x36F)
                        if w >= 0x300 && w <= 0x36F {
                            key[keyCount] = w
                            keyCount += 1
                        } else {
                            letters += 1
                            if lower != w { uppers += 1; if first { capitalised = true } }
                            first = false
                            key[keyCount] = lower
                            keyCount += 1
                            if lower == 0x153 {
                                folded[foldedCount] = 0x6F; folded[foldedCount + 1] = 0x65; foldedCount += 2
                            } else if lower == 0xE6 {
                                folded[foldedCount] = 0x61; folded[foldedCount + 1] = 0x65; foldedCount += 2
                            } else {
                                let f = lower < LetterForms.limit ? foldedTable[Int(lower)] : lower
                                if f != 0 { Self.writeUTF8(f, to: folded, at: &foldedCount) }
                            }
                        }
                        i += n
                    }
                    let keyLength = Self.writeKey(of: UnsafeMutableBufferPointer(rebasing: key[..<keyCount]), into: keyBytes,
                                                  toned: tonedTable)
                    let keyID = vocabulary.id(buffer: UnsafeBufferPointer(rebasing: keyBytes[..<keyLength]))
                    let foldedBytes = UnsafeBufferPointer(rebasing: folded[..<foldedCount])
                    let foldedID = vocabulary.id(buffer: foldedBytes)
                    let foldedText = foldedID >= 0 ? vocabulary.words[Int(foldedID)] : String(decoding: foldedBytes, as: UTF8.self)
                    foldedWords.append(foldedText)
                    tokens.append(Token(kind: .word, start: start, end: i, key: keyID, folded: foldedID, mark: 0, number: -1,
                                        digits: 0, spaceBefore: spaced, capitalised: capitalised,
                                        upper: letters >= 2 && uppers == letters))
                    spaced = false
                    continue
                }
                var mark = v
                switch v {
                case 0x2019, 0x2018, 0x2032, 0xB4, 0x60: mark = 0x27  // apostrophes
                case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: mark = 0x2D  // dashes
                default: break
                }
                i += length
                tokens.append(Token(kind: .punctuation, start: start, end: i, key: -1, folded: -1, mark: mark, number: -1,
                                    digits: 0, spaceBefore: spaced, capitalised: false, upper: false))
                foldedWords.append("")
                spaced = false
            }
        }
        }
        }
        }
        }
        }
        }
        // Words the page glued to the next one with no capital to show it ("Comitépopulaire", "Permanencedu"): a
        // capitalised word no resource knows, which two words the resources know make up, is read as those two.
        var glued: [(token: Int, cut: Int)] = []
        for k in tokens.indices where Self.mayBeGlued(tokens[k]) {
            if let cut = Self.gluedCut(bytes[tokens[k].start..<tokens[k].end], vocabulary: vocabulary) { glued.append((k, cut)) }
        }
        if !glued.isEmpty {
            var split: [Token] = []
            var splitFolded: [String] = []
            var next = 0
            for (k, token) in tokens.enumerated() {
                guard next < glued.count, glued[next].token == k else {
                    split.append(token)
                    splitFolded.append(foldedWords[k])
                    continue
                }
                let cut = token.start + glued[next].cut
                next += 1
                for (from, to) in [(token.start, cut), (cut, token.end)] {
                    let part = TokenizedText(String(decoding: bytes[from..<to], as: UTF8.self), vocabulary: vocabulary)
                    for (j, var inner) in part.tokens.enumerated() {
                        inner.start += from
                        inner.end += from
                        inner.spaceBefore = from == token.start && j == 0 ? token.spaceBefore : false
                        split.append(inner)
                        splitFolded.append(part.foldedWords[j])
                    }
                }
            }
            tokens = split
            foldedWords = splitFolded
        }
        self.tokens = tokens
        self.foldedWords = foldedWords
    }

    /// Two-letter words that a page glues to the word before them ("Permanencedu").
    private static let gluedFunctionWords: Set<String> = ["du", "de", "la", "le", "et", "en", "au", "of", "in", "on", "to"]

    /// A capitalised word of eight bytes or more that no extraction resource knows: perhaps two words glued.
    private static func mayBeGlued(_ token: Token) -> Bool {
        token.kind == .word && token.capitalised && !token.upper && token.key < 0 && token.folded < 0
            && token.end - token.start >= 8
    }

    /// Where to cut `word` into two words that the vocabulary knows (by their folded forms): the first of four
    /// letters or more, the second of two or more starting with a lower-case letter; the longest first part wins.
    /// A word of fewer than eight letters is never cut: a Vietnamese syllable has up to seven ("nghiêng"), and one
    /// with an unknown first part such as "Tuyết" or "Triết" would otherwise end in a known word ("et").
    private static func gluedCut(_ word: ArraySlice<UInt8>, vocabulary: Vocabulary) -> Int? {
        // The word's folded bytes (folding is per scalar) and, per scalar, where it starts in the word and in its
        // folded form, so that every cut is looked up on bytes.
        word.withUnsafeBufferPointer { word in
            let text = UTF8Text(bytes: word)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * word.count + 8) { folded in
                withUnsafeTemporaryAllocation(of: (offset: Int, foldedOffset: Int, lower: Bool).self, capacity: word.count) { cuts in
                    var scalars = 0, offset = 0, foldedCount = 0
                    while offset < word.count {
                        let (v, length) = text.scalar(at: offset)
                        cuts[scalars] = (offset, foldedCount, Scalars.isLower(v))
                        scalars += 1
                        offset += length
                        writeFolded(v, to: folded, at: &foldedCount)
                    }
                    guard scalars >= 8 else { return nil }
                    for k in stride(from: scalars - 2, through: 4, by: -1) where cuts[k].lower {
                        let second = UnsafeBufferPointer(rebasing: folded[cuts[k].foldedOffset..<foldedCount])
                        // A second part of two letters is a function word, never an ending ("Command|er").
                        guard second.count > 2 || gluedFunctionWords.contains(String(decoding: second, as: UTF8.self)) else { continue }
                        if vocabulary.id(buffer: second) >= 0,
                           vocabulary.id(buffer: UnsafeBufferPointer(rebasing: folded[..<cuts[k].foldedOffset])) >= 0 {
                            return cuts[k].offset
                        }
                    }
                    return nil
                }
            }
        }
    }

    var count: Int { tokens.count }
    subscript(_ k: Int) -> Token { tokens[k] }

    /// The text of tokens `range` (from the first's start to the last's end).
    func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return string(bytes: tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end)
    }

    func string(bytes range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The folded form of token `k` (lower case, no diacritics).
    func folded(_ k: Int) -> String {
        tokens[k].kind == .word ? foldedWords[k] : string(k..<k + 1)
    }

    /// Folded form of any text, with the tables the tokenizer uses.
    static func fold(_ text: String) -> String {
        let scalars = text.unicodeScalars
        // At most four bytes a scalar (œ and æ fold to two letters of one byte each).
        return String(unsafeUninitializedCapacity: 4 * scalars.count) { buffer in
            var count = 0
            for scalar in scalars { writeFolded(scalar.value, to: buffer, at: &count) }
            return count
        }
    }

    /// The folded form of scalar `v` (nothing for a combining mark), its UTF-8 bytes written into `bytes` from
    /// `count`, which moves past them (`bytes` has room).
    static func writeFolded(_ v: UInt32, to bytes: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        let lower = LetterForms.lowerOf(v)
        if lower == 0x153 || lower == 0xE6 {
            bytes[count] = lower == 0x153 ? 0x6F : 0x61
            bytes[count + 1] = 0x65
            count += 2
            return
        }
        let f = lower < LetterForms.limit ? LetterForms.folded[Int(lower)] : lower
        if f != 0 { writeUTF8(f, to: bytes, at: &count) }
    }

    /// The matching key of a word (lower case, diacritics kept, tone mark placed one way), as the tokenizer
    /// computes it.
    static func key(_ word: String) -> String {
        keyString(word.unicodeScalars.map { LetterForms.lowerOf($0.value) })
    }

    /// `v`'s UTF-8 bytes appended to `bytes` (`v` is a scalar: every value here comes from text or the tables).
    static func appendUTF8(_ v: UInt32, to bytes: inout [UInt8]) {
        UTF8.encode(Unicode.Scalar(v)!) { bytes.append($0) }
    }

    /// The key of lower-cased scalars: combining marks composed onto their letter, and the tone mark of the
    /// syllable endings whose spelling varies ("uỷ" / "ủy", "oà" / "òa", "qúy" / "quý") placed one way, the
    /// traditional one (as ``Normalization/matchingForm(_:)`` does).
    static func keyString(_ scalars: [UInt32]) -> String {
        var bytes: [UInt8] = []
        LetterForms.tonedParts.withUnsafeBufferPointer { toned in
            scalars.withUnsafeBufferPointer { appendKey(of: $0, to: &bytes, toned: toned) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `v`'s UTF-8 bytes written into `bytes` from `count`, which moves past them (`bytes` has room).
    @inline(__always)
    static func writeUTF8(_ v: UInt32, to bytes: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        UTF8.encode(Unicode.Scalar(v)!) { byte in
            bytes[count] = byte
            count += 1
        }
    }

    /// Vowels before which a tone mark is not moved.
    private static let vowels: Set<UInt32> = [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0xE2, 0xEA, 0xF4, 0x103, 0x1A1, 0x1B0]

    /// The same key, its UTF-8 bytes written at the start of `bytes` (room for four bytes a scalar, twelve for
    /// decomposed input); returns how many. `scalars` is scratch: tone marks are placed in it.
    @inline(__always)
    static func writeKey(of scalars: UnsafeMutableBufferPointer<UInt32>, into bytes: UnsafeMutableBufferPointer<UInt8>,
                         toned: UnsafeBufferPointer<UInt32>) -> Int {
        var count = 0
        if scalars.contains(where: { $0 >= 0x300 && $0 <= 0x36F }) {
            // Decomposed input (rare): composed through ICU first.
            var key: [UInt8] = []
            appendKey(of: UnsafeBufferPointer(scalars), to: &key, toned: toned)
            precondition(key.count <= bytes.count, "a word's key outgrew its buffer")
            for byte in key { bytes[count] = byte; count += 1 }
            return count
        }
        placeToneMark(in: scalars, toned: toned)
        for v in scalars { writeUTF8(v, to: bytes, at: &count) }
        return count
    }

    /// The same key, its UTF-8 bytes appended to `bytes` (`toned` is ``LetterForms/tonedParts``).
    static func appendKey(of scalars: UnsafeBufferPointer<UInt32>, to bytes: inout [UInt8],
                          toned: UnsafeBufferPointer<UInt32>) {
        var s = Array(scalars)
        if s.contains(where: { $0 >= 0x300 && $0 <= 0x36F }) {
            // Decomposed input: compose through ICU (rare).
            let text = String(String.UnicodeScalarView(s.compactMap(Unicode.Scalar.init)))
            s = Normalization.nfc(text).unicodeScalars.map(\.value)
        }
        s.withUnsafeMutableBufferPointer { placeToneMark(in: $0, toned: toned) }
        for v in s { appendUTF8(v, to: &bytes) }
    }

    /// Places the tone mark of a syllable ending whose spelling varies the traditional way, in `s` (precomposed
    /// lower-case scalars): "uỷ" → "ủy", "oà" → "òa", "oè" → "òe" (not after another vowel: "khuya", "ngoài"), and
    /// "qúy" → "quý".
    @inline(__always)
    static func placeToneMark(in s: UnsafeMutableBufferPointer<UInt32>, toned: UnsafeBufferPointer<UInt32>) {
        let n = s.count
        if n >= 2, let last = LetterForms.tonedVowel(s[n - 1], in: toned) {
            let previous = s[n - 2]
            let beforePrevious: UInt32? = n >= 3 ? s[n - 3] : nil
            let clusterOK = (previous == 0x6F && (last.base == 0x61 || last.base == 0x65))
                || (previous == 0x75 && last.base == 0x79 && beforePrevious != 0x71)
            if clusterOK, beforePrevious.map({ !Self.vowels.contains($0) }) ?? true,
               let moved = LetterForms.composed[UInt64(previous) << 32 | UInt64(last.tone)] {
                s[n - 2] = moved
                s[n - 1] = last.base
            }
        }
        if n >= 3, s[n - 3] == 0x71, let u = LetterForms.tonedVowel(s[n - 2], in: toned), u.base == 0x75, s[n - 1] == 0x79,
           let y = LetterForms.composed[UInt64(0x79) << 32 | UInt64(u.tone)] {
            s[n - 2] = 0x75
            s[n - 1] = y
        }
    }
}
