import Foundation

/// The page store's date prefix: ` date 2025-10-02 ` (or ` date 2021-01 `) written before the title, on the
/// same line, at the very start of a stored page. It is not page text: the segmenter splits it off as a unit of its
/// own, and that unit is boilerplate.
enum StoreDatePrefix {
    /// Where the prefix ends (after its last digit), if `paragraph` is the first of the text and starts with one.
    static func end(in text: UTF8Text, paragraph: Span) -> Int? {
        guard paragraph.length >= 9, text.skippingSpace(from: 0, to: paragraph.start) == paragraph.start else { return nil }
        let b = text.bytes
        var k = paragraph.start
        for letter in "date".utf8 {
            guard k < paragraph.end, b[k] == letter else { return nil }
            k += 1
        }
        guard k < paragraph.end, b[k] == 0x20 else { return nil }
        k += 1
        func digits(_ n: Int) -> Bool {
            guard k + n <= paragraph.end, (k..<k + n).allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return false }
            k += n
            return true
        }
        guard digits(4) else { return nil }
        for _ in 0..<2 {
            let mark = k
            guard k < paragraph.end, b[k] == 0x2D else { break }
            k += 1
            if !digits(2) { k = mark; break }
        }
        // The prefix is followed by white space (and the title), or is the whole line.
        guard k == paragraph.end || Scalars.isSpace(UInt32(b[k])) else { return nil }
        return k
    }
}

/// A site's section label that the page store writes on the title's line, between its date prefix and the title
/// (` date 2025-10-18 Thời sự Nghệ An: Thông tin nổi bật…`): navigation, not article text. It is split off as a
/// unit of its own, and that unit is boilerplate. Only the labels of news sections are known, written as the sites
/// write them, and only right after the prefix and before a capitalised word.
enum SectionLabel {
    /// Section names of Vietnamese, English and French news sites (NFC, as written).
    static let labels: [[UInt8]] = [
        "Thời sự", "Chính trị", "Xây dựng Đảng", "Kinh tế", "Xã hội", "Pháp luật", "Văn hóa", "Văn hoá", "Giáo dục",
        "Thể thao", "Quốc tế", "Sức khỏe", "Sức khoẻ", "Đời sống", "Quốc phòng - An ninh", "Tin tức",
        "Politics & Law", "Politics", "Society", "Economy", "Actualités", "Politique", "Société",
    ].map { Array($0.utf8) }

    /// Where a label starting at `start` ends, if one does and a capitalised word follows it on the line.
    static func end(in text: UTF8Text, at start: Int, lineEnd: Int) -> Int? {
        let b = text.bytes
        for label in labels where start + label.count < lineEnd {
            guard b[start] == label[0], b[start + label.count] == 0x20,
                  (0..<label.count).allSatisfy({ b[start + $0] == label[$0] }) else { continue }
            let next = text.skippingSpace(from: start + label.count, to: lineEnd)
            guard next < lineEnd, Scalars.isUpper(text.scalar(at: next).value) else { continue }
            return start + label.count
        }
        return nil
    }

    /// Where the label after the store's date prefix of `paragraph` ends, if there is one.
    static func afterStorePrefix(in text: UTF8Text, paragraph: Span) -> (start: Int, end: Int)? {
        guard let prefix = StoreDatePrefix.end(in: text, paragraph: paragraph) else { return nil }
        let start = text.skippingSpace(from: prefix, to: paragraph.end)
        guard start < paragraph.end, let end = end(in: text, at: start, lineEnd: paragraph.end) else { return nil }
        return (start, end)
    }
}

/// An agency signature closing a paragraph: `— VNA/VNS`, `– VNA`, `-VNA`, `(TTXVN/Vietnam+)`, `(VNA)`. It is
/// split off the last sentence as a unit of its own, and that unit is boilerplate (so is such a signature alone on
/// its line).
enum AgencySignature {
    /// News agencies and outlets that sign dispatches, lower case (compared without case).
    static let agencies: Set<String> = [
        "vna", "vns", "ttxvn", "vietnam+", "vietnamplus", "vnp", "vov", "vtv", "vgp", "ndo", "sggp", "tto", "vnexpress",
        "afp", "reuters", "xinhua", "ap", "qdnd", "cpv", "vnanet", "baotintuc", "chinhphu.vn", "nhandan",
        "dangcongsan.vn", "vietnamnet", "vnn", "baochinhphu.vn", "tuoitre", "thanhnien", "cvn", "sggpo", "pv",
        "vtc news", "vovworld", "vnews",
    ]

    /// Where a signature that closes `paragraph` starts (after the sentence it follows), or nil.
    static func start(in text: UTF8Text, paragraph: Span) -> Int? {
        guard let start = signatureStart(in: text, paragraph: paragraph), start > paragraph.start else { return nil }
        // It must follow the end of a sentence.
        let before = text.trimmingSpace(backFrom: start, to: paragraph.start)
        guard before > paragraph.start else { return nil }
        var end = before
        while end > paragraph.start, Scalars.isCloser(text.scalar(before: end).value) { end = text.scalar(before: end).start }
        guard end > paragraph.start, Scalars.isTerminal(text.scalar(before: end).value) else { return nil }
        return start
    }

    /// Whether `span` holds agency names only (`CPV`, `VNA/VNS`): a credit line.
    static func isAgencyLine(_ text: UTF8Text, _ span: Span) -> Bool {
        span.length <= 40 && allAgencies(text, span.start..<span.end)
    }

    /// Whether the whole of `span` is a signature (`— VNS` on its own line).
    static func isWhole(_ text: UTF8Text, _ span: Span) -> Bool { signatureStart(in: text, paragraph: span) == span.start }

    /// Where a signature ending `paragraph` starts, wherever it stands.
    private static func signatureStart(in text: UTF8Text, paragraph: Span) -> Int? {
        guard paragraph.length >= 3 else { return nil }
        var end = paragraph.end
        let last = text.scalar(before: end)
        if last.value == 0x29 {  // "(TTXVN/Vietnam+)"
            end = last.start
            var open = end
            while open > paragraph.start, text.bytes[open - 1] != 0x28, end - open < 40 { open -= 1 }
            guard open > paragraph.start, text.bytes[open - 1] == 0x28, allAgencies(text, open..<end) else { return nil }
            return open - 1
        }
        // "— VNA/VNS", "– VNA", "-VNA": a dash, then agency names separated by slashes. The dash is looked for
        // scalar by scalar below, up to 40 bytes back (then up to 7 more); most paragraphs have no "-" and no lead
        // byte of a long dash (E2) there at all.
        let window = max(paragraph.start, end - 47)..<end
        guard text.firstOccurrence(of: 0x2D, in: window) != nil || text.firstOccurrence(of: 0xE2, in: window) != nil else {
            return nil
        }
        var k = end
        while k > paragraph.start {
            let (value, previous) = text.scalar(before: k)
            if value == 0x2014 || value == 0x2013 || value == 0x2D {
                let names = text.skippingSpace(from: k, to: end)
                guard names < end, allAgencies(text, names..<end) else { return nil }
                return previous
            }
            if end - k > 40 { return nil }
            k = previous
        }
        return nil
    }

    /// The agency names as ``PackedName``s, to be looked up without making strings.
    private static let packedAgencies = Set(agencies.map { name in
        precondition(name.utf8.count <= 16, "agency names are at most 16 bytes: \(name)")
        var packed = PackedName()
        for byte in name.utf8 { _ = packed.append(byte) }
        return packed
    })

    /// Up to 16 ASCII bytes in two integers: an agency name read from the text.
    private struct PackedName: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0

        /// Adds `byte` at the end; false when the name is already 16 bytes long.
        mutating func append(_ byte: UInt8) -> Bool {
            guard count < 16 else { return false }
            if count < 8 { low |= UInt64(byte) << (8 * UInt64(count)) } else { high |= UInt64(byte) << (8 * UInt64(count - 8)) }
            count += 1
            return true
        }
    }

    /// Whether `range` holds one or more agency names separated by slashes (and nothing else), each compared in
    /// lower case without the white space around it (`CharacterSet.whitespaces`).
    ///
    /// Read from the bytes, for every paragraph's last words: the names are ASCII, and no other scalar lower-cases
    /// to ASCII but the Kelvin sign (to "k"), so any other scalar inside a name rules the range out at once.
    private static func allAgencies(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        while true {
            var slash = start
            while slash < range.upperBound && text.bytes[slash] != 0x2F { slash += 1 }
            guard isAgency(text, start..<slash) else { return false }
            guard slash < range.upperBound else { return true }
            start = slash + 1
        }
    }

    /// Whether `range` is one agency name, in any case, with white space around it or not.
    private static func isAgency(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            let (value, length) = text.scalar(at: start)
            guard Unicode.Scalar(value)?.isSpaceOrTab == true else { break }
            start += length
        }
        while end > start {
            let (value, previous) = text.scalar(before: end)
            guard Unicode.Scalar(value)?.isSpaceOrTab == true else { break }
            end = previous
        }
        var name = PackedName()
        var index = start
        while index < end {
            let (value, length) = text.scalar(at: index)
            let lower: UInt32
            if value < 0x80 { lower = Scalars.lowercased(value) } else if value == 0x212A { lower = 0x6B } else { return false }
            guard name.append(UInt8(lower)) else { return false }
            index += length
        }
        return packedAgencies.contains(name)
    }
}

/// A syndication dateline alone on its line, ending with a dash: `VIETNAM, January 27 -`, `Hanoi (VNA) –`,
/// `HÀ NỘI —`. The dispatch that follows on the next line is the text; the dateline is boilerplate.
enum SyndicationDateline {
    static func isWhole(_ text: UTF8Text, _ span: Span) -> Bool {
        guard span.length >= 4, span.length <= 60 else { return false }
        let (last, previous) = text.scalar(before: span.end)
        guard last == 0x2014 || last == 0x2013 || last == 0x2D else { return false }
        let rest = text.trimmingSpace(backFrom: previous, to: span.start)
        guard rest > span.start, rest < previous else { return false }  // a space before the dash
        // A place in capitals, possibly "(VNA)" and a date, or an outlet in brackets ("(VTC News) -"): at most
        // six words, the first capitalised.
        var first = span.start
        if text.bytes[first] == 0x28 { first += 1 }
        guard first < rest, Scalars.isUpper(text.scalar(at: first).value), text.wordCount(in: span.start..<rest) <= 6 else { return false }
        var k = span.start
        while k < rest {
            let (value, length) = text.scalar(at: k)
            if Scalars.isTerminal(value) || value == 0x3A || value == 0x3B { return false }
            k += length
        }
        return true
    }
}

/// A photo credit: `Photo: VNA`, `(Ảnh: TTXVN)`, `Photo : Pham Bang`, `—VNA/VNS Photo`. After a caption it stays
/// with the caption; alone on its line it is boilerplate.
enum PhotoCredit {
    /// Words that mark a credit, folded to lower case without diacritics.
    static let markers: Set<String> = ["photo", "photos", "anh", "credit", "credits", "illustration", "source", "nguon"]

    /// Whether `span` is only a credit: a credit word and a few names (at most eight words in all).
    ///
    /// Every short line and sentence of a page is asked. Most neither start nor end with a credit word, which the
    /// first and last words read from the bytes tell at once; the others are split into words from the bytes too
    /// (``FoldedScalars``), and folded into a string only when a scalar outside that table stands in them.
    static func isCredit(_ text: UTF8Text, _ span: Span) -> Bool {
        guard span.length > 0, span.length <= 90 else { return false }
        if EdgeWord.first(in: text, span).cannotBeMarker && EdgeWord.last(in: text, span).cannotBeMarker { return false }
        guard let shape = Shape(text, span) else { return isCreditByFolding(text, span) }
        guard shape.words > 0, shape.words <= 8 else { return false }
        return shape.firstIsMarker && shape.hasColon || shape.lastIsMarker && shape.words <= 4
    }

    /// ``isCredit(_:_:)`` by its definition: the span folded (``Normalization/folded(_:)``), then split into words
    /// of letters, digits and "+".
    static func isCreditByFolding(_ text: UTF8Text, _ span: Span) -> Bool {
        guard span.length > 0, span.length <= 90 else { return false }
        let words = Normalization.folded(text.string(span.start..<span.end))
            .split { !$0.isLetter && !$0.isNumber && $0 != "+" }
        guard !words.isEmpty, words.count <= 8 else { return false }
        // The marker is the first word ("Photo: VNA", "(Ảnh: …)") or the last ("—VNA/VNS Photo").
        return markers.contains(String(words[0])) && text.string(span.start..<span.end).contains(":")
            || markers.contains(String(words[words.count - 1])) && words.count <= 4
    }

    /// What ``isCredit(_:_:)`` needs of a span's words, read from the bytes: how many (counting stops after
    /// nine), whether the first and the last are markers, and whether a colon stands in the span.
    struct Shape {
        var words = 0
        var firstIsMarker = false
        var lastIsMarker = false
        var hasColon = false

        /// The shape of `span`, or nil when a scalar outside ``FoldedScalars`` (or a colon with a mark on it,
        /// which is not the character ":") makes folding necessary.
        init?(_ text: UTF8Text, _ span: Span) {
            let folded = FoldedScalars.standard
            var word = WordLetters()
            var index = span.start
            while index < span.end && words <= 8 {
                let (value, length) = text.scalar(at: index)
                index += length
                if value == 0x3A {
                    if index < span.end {
                        let next = folded.class(of: text.scalar(at: index).value)
                        guard next != .removed && next != .unknown else { return nil }
                    }
                    hasColon = true
                }
                switch folded.class(of: value) {
                case .unknown: return nil
                case .removed: break
                case .separator: if word.started { finish(&word) }
                case .ascii(let first, let second): word.add(first, second, atStart: false)
                case .otherLetter: word.addOtherLetter()
                }
            }
            if word.started { finish(&word) }
        }

        private mutating func finish(_ word: inout WordLetters) {
            words += 1
            if words == 1 { firstIsMarker = word.isMarker }
            lastIsMarker = word.isMarker
            word = WordLetters()
        }
    }

    /// The first or last word of a span as ``isCredit(_:_:)`` splits it, judged from the bytes: whether it can be
    /// one of the ``markers``.
    enum EdgeWord: Equatable {
        /// The span holds no word at all.
        case none
        /// The word is not a marker.
        case other
        /// The word may be a marker.
        case candidate
        /// A scalar outside ``FoldedScalars`` stands in the way: fold to know.
        case unknown

        var cannotBeMarker: Bool { self == .none || self == .other }

        /// The first word of `span`.
        static func first(in text: UTF8Text, _ span: Span) -> EdgeWord {
            let folded = FoldedScalars.standard
            var word = WordLetters()
            var index = span.start
            while index < span.end {
                let (value, length) = text.scalar(at: index)
                if let verdict = word.take(folded.class(of: value), atStart: false) { return verdict }
                index += length
            }
            return word.verdict
        }

        /// The last word of `span`, read backwards.
        static func last(in text: UTF8Text, _ span: Span) -> EdgeWord {
            let folded = FoldedScalars.standard
            var word = WordLetters()
            var index = span.end
            while index > span.start {
                let (value, start) = text.scalar(before: index)
                if let verdict = word.take(folded.class(of: value), atStart: true) { return verdict }
                index = start
            }
            return word.verdict
        }
    }

    /// The letters of one word read so far, packed as ``packedMarkers`` are, read forwards or backwards.
    private struct WordLetters {
        /// The markers, each letter a–z in five bits (1–26), first letter highest.
        static let packedMarkers: [UInt64] = markers.map { marker in marker.utf8.reduce(0) { $0 << 5 | UInt64($1 - 0x60) } }
        /// Letters in the longest marker.
        static let longestMarker = markers.map(\.utf8.count).max() ?? 0

        var packed: UInt64 = 0
        var count = 0
        /// A word character has been read.
        var started = false
        /// The word read so far can still be a marker (only letters a–z, not too many).
        var possible = true

        var isMarker: Bool { started && possible && Self.packedMarkers.contains(packed) }

        /// The verdict on a finished word as an edge word.
        var verdict: EdgeWord { !started ? .none : isMarker ? .candidate : .other }

        /// Takes the next scalar's class for ``EdgeWord``; returns the verdict once it is known.
        mutating func take(_ scalar: FoldedScalars.Class, atStart: Bool) -> EdgeWord? {
            switch scalar {
            case .removed: return nil
            case .unknown: return .unknown
            case .separator: return started ? verdict : nil
            case .otherLetter: return .other
            case .ascii(let first, let second):
                add(first, second, atStart: atStart)
                return possible ? nil : .other  // not a marker, whatever follows
            }
        }

        /// Adds a word character that folds to one or two ASCII bytes (before the others when reading backwards).
        mutating func add(_ first: UInt8, _ second: UInt8, atStart: Bool) {
            started = true
            if second == 0 { add(first, atStart: atStart); return }
            add(atStart ? second : first, atStart: atStart)
            add(atStart ? first : second, atStart: atStart)
        }

        /// Adds a letter that folds to something other than ASCII: the word is no marker.
        mutating func addOtherLetter() {
            started = true
            possible = false
        }

        private mutating func add(_ letter: UInt8, atStart: Bool) {
            // A digit, "+" or a word longer than every marker: not a marker.
            guard possible, letter >= 0x61 && letter <= 0x7A, count < Self.longestMarker else { possible = false; return }
            let code = UInt64(letter - 0x60)
            packed = atStart ? packed | code << (5 * UInt64(count)) : packed << 5 | code
            count += 1
        }
    }
}

/// An image label left by a page's photo markup: `… Lê Đức Thọ - Ảnh 1.`, `… du Parti ảnh 1` (the alt text of a
/// photo, numbered), often glued to the caption that follows (`ảnh 1Nguyen Thi Kim Ngan, …`). The labelled alt
/// text is a unit of its own, and boilerplate.
enum ImageLabel {
    /// Where a sentence glued right after an image label starts ("ảnh 1" then a capital, no space).
    static func gluedStarts(in text: UTF8Text, paragraph: Span) -> [Int] {
        var result: [Int] = []
        forEachLabel(in: text, paragraph: paragraph) { end in
            if end < paragraph.end, Scalars.isUpper(text.scalar(at: end).value) { result.append(end) }
        }
        return result
    }

    /// Whether `span` ends with an image label ("ảnh 1", "- Ảnh 2."), possibly followed by a period and white space.
    ///
    /// Read backwards from the end (every sentence of a page is asked): the label that ``forEachLabel(in:paragraph:_:)``
    /// would find there, if any.
    static func endsWithLabel(_ text: UTF8Text, _ span: Span) -> Bool {
        let b = text.bytes
        var end = text.trimmingSpace(backFrom: span.end, to: span.start)
        if end > span.start, b[end - 1] == 0x2E { end -= 1 }
        // One or two digits, a space, "ảnh" or "Ảnh", and white space before it.
        var digits = end
        while digits > span.start, b[digits - 1] >= 0x30 && b[digits - 1] <= 0x39 { digits -= 1 }
        guard end - digits >= 1, end - digits <= 2 else { return false }
        let label = digits - 6
        guard label > span.start, b[label + 5] == 0x20, b[label] == 0xE1, b[label + 1] == 0xBA,
              b[label + 2] == 0xA3 || b[label + 2] == 0xA2, b[label + 3] == 0x6E, b[label + 4] == 0x68 else { return false }
        return Scalars.isSpace(text.scalar(before: label).value)
    }

    /// Whether "ảnh " or "Ảnh " starts at `k`: E1 BA A3 (or A2) 6E 68 20, ả (U+1EA3) or Ả (U+1EA2), "nh" and a
    /// space, the six bytes compared at once where eight can be read.
    @inline(__always)
    private static func startsLabelWord(_ b: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        if k + 8 <= b.count, let base = b.baseAddress {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
            return word & 0x0000_FFFF_FFFE_FFFF == 0x0000_2068_6EA2_BAE1  // (bit 0 of the third byte left out: A2 or A3)
        }
        return b[k] == 0xE1 && b[k + 1] == 0xBA && (b[k + 2] == 0xA3 || b[k + 2] == 0xA2) && b[k + 3] == 0x6E
            && b[k + 4] == 0x68 && b[k + 5] == 0x20
    }

    /// Calls `body` with the end of every "ảnh N" / "Ảnh N" that follows a space (or "- ") in `paragraph`.
    private static func forEachLabel(in text: UTF8Text, paragraph: Span, _ body: (Int) -> Void) {
        // Most paragraphs (all English and French ones) have no E1 byte, the lead byte of ả and Ả, at all.
        guard text.firstOccurrence(of: 0xE1, in: paragraph.start..<paragraph.end) != nil else { return }
        let b = text.bytes
        // Labels are found from their number: a digit after a space, with "ảnh " or "Ảnh " before it.
        text.forEachDigitAfterSpace(in: paragraph.start..<paragraph.end) { number in
            let k = number - 6
            guard k > paragraph.start, startsLabelWord(b, at: k), Scalars.isSpace(text.scalar(before: k).value) else { return }
            var d = number
            let digits = d
            while d < paragraph.end, b[d] >= 0x30 && b[d] <= 0x39 { d += 1 }
            guard d > digits, d - digits <= 2 else { return }
            // Not a digit or letter right after the number ("ảnh 1Nguyen" is glued, "ảnh 12a" is not a label).
            if d < paragraph.end, Scalars.isLower(text.scalar(at: d).value) { return }
            body(d)
        }
    }
}
