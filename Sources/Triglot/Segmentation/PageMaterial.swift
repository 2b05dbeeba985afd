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
        // "— VNA/VNS", "– VNA", "-VNA": a dash, then agency names separated by slashes.
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

    /// Whether `range` holds one or more agency names separated by slashes (and nothing else).
    private static func allAgencies(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        let words = text.string(range).lowercased().split(separator: "/", omittingEmptySubsequences: false)
        return !words.isEmpty && words.allSatisfy { agencies.contains($0.trimmingSpaces) }
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
    static func isCredit(_ text: UTF8Text, _ span: Span) -> Bool {
        guard span.length > 0, span.length <= 90 else { return false }
        let words = Normalization.folded(text.string(span.start..<span.end))
            .split { !$0.isLetter && !$0.isNumber && $0 != "+" }
        guard !words.isEmpty, words.count <= 8 else { return false }
        // The marker is the first word ("Photo: VNA", "(Ảnh: …)") or the last ("—VNA/VNS Photo").
        return markers.contains(String(words[0])) && text.string(span.start..<span.end).contains(":")
            || markers.contains(String(words[words.count - 1])) && words.count <= 4
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

    /// Whether `span` ends with an image label ("ảnh 1", "- Ảnh 2.").
    static func endsWithLabel(_ text: UTF8Text, _ span: Span) -> Bool {
        var labelled = false
        forEachLabel(in: text, paragraph: span) { end in
            var tail = end
            if tail < span.end, text.bytes[tail] == 0x2E { tail += 1 }
            if text.skippingSpace(from: tail, to: span.end) == span.end { labelled = true }
        }
        return labelled
    }

    /// Calls `body` with the end of every "ảnh N" / "Ảnh N" that follows a space (or "- ") in `paragraph`.
    private static func forEachLabel(in text: UTF8Text, paragraph: Span, _ body: (Int) -> Void) {
        let b = text.bytes
        // "ảnh" is 61/41 E1 BA A3 6E 68 ("a" + U+1EA3): look for the three bytes of ả (U+1EA3) or Ả (U+1EA2).
        var k = paragraph.start
        while k + 5 < paragraph.end {
            defer { k += 1 }
            guard b[k] == 0xE1, b[k + 1] == 0xBA, b[k + 2] == 0xA3 || b[k + 2] == 0xA2,
                  b[k + 3] == 0x6E, b[k + 4] == 0x68 else { continue }
            guard k > paragraph.start, Scalars.isSpace(text.scalar(before: k).value) else { continue }
            var d = k + 5
            guard d < paragraph.end, b[d] == 0x20 else { continue }
            d += 1
            let digits = d
            while d < paragraph.end, b[d] >= 0x30 && b[d] <= 0x39 { d += 1 }
            guard d > digits, d - digits <= 2 else { continue }
            // Not a digit or letter right after the number ("ảnh 1Nguyen" is glued, "ảnh 12a" is not a label).
            if d < paragraph.end, Scalars.isLower(text.scalar(at: d).value) { continue }
            body(d)
        }
    }
}
