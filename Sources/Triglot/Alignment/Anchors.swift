/// Something in a sentence that survives translation unchanged or nearly so, in a form that compares across
/// languages: a number in any local format, a month, a Party or State document reference, a name, or (in document
/// pairing) a concept of the lexicons.
///
/// Anchors are values inside the library; stored pairing profiles write one as its kind's letter followed by its
/// form (`n1029`, `m8`, `r1029tbtu`, `wnghe`, `bnghe an`, `cpolitburo`).
public struct Anchor: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// What an anchor is.
    public enum Kind: Hashable, Sendable, CaseIterable {
        /// A number, grouping and decimal marks dropped and leading zeros too (`1.900`, `1,900`, `1 900` → `1900`).
        case number
        /// A month named in words, as its number (`août`, `August` → `8`).
        case month
        /// A document reference, its number and code folded together without marks (`1029-TB/TU` → `1029tbtu`).
        case reference
        /// A capitalised word that does not open its sentence, folded (`Nghệ` → `nghe`): most often part of a name.
        case name
        /// Two such words in a row, folded and joined by a space (`nghe an`).
        case namePair
        /// A concept of the hand-made lexicons named in the sentence, in any of its languages, by its label
        /// (`politburo` for `Bộ Chính trị`, `Politburo`, `Bureau politique`).
        case concept

        /// The letter that stands for the kind in stored profiles.
        var letter: Character {
            switch self {
            case .number: return "n"
            case .month: return "m"
            case .reference: return "r"
            case .name: return "w"
            case .namePair: return "b"
            case .concept: return "c"
            }
        }

        init?(letter: Character) {
            guard let kind = Self.allCases.first(where: { $0.letter == letter }) else { return nil }
            self = kind
        }
    }

    /// What the anchor is.
    public var kind: Kind
    /// Its normalised form: digits for numbers and months, folded letters and digits for references and names.
    public var form: String

    /// An anchor of `kind` with the normalised `form`.
    public init(_ kind: Kind, _ form: String) {
        self.kind = kind
        self.form = form
    }

    /// Reads the stored form (`n1029`); nil when it does not start with a kind's letter.
    public init?(_ text: String) {
        guard let letter = text.first, let kind = Kind(letter: letter) else { return nil }
        self.init(kind, String(text.dropFirst()))
    }

    /// The stored form: the kind's letter, then the normalised form (`n1029`).
    public var description: String { String(kind.letter) + form }

    /// In the order of their stored forms.
    public static func < (a: Anchor, b: Anchor) -> Bool {
        (a.kind.letter, a.form) < (b.kind.letter, b.form)
    }
}

/// Anchors: what survives translation unchanged or nearly so.
enum Anchors {
    /// Numbers, with grouping separators removed ("1.900", "1,900", "1 900" → 1900) and decimal marks dropped
    /// ("85,71" and "85.71" → 8571), dates split into their parts ("18.7.2023" → 18, 7, 2023).
    static func numbers(in scalars: [Unicode.Scalar]) -> [Anchor] {
        var result: [Anchor] = []
        var index = 0
        func isDigit(_ k: Int) -> Bool { k < scalars.count && scalars[k].value >= 0x30 && scalars[k].value <= 0x39 }
        func run(from k: Int) -> Int { var e = k; while isDigit(e) { e += 1 }; return e }
        while index < scalars.count {
            guard isDigit(index) else { index += 1; continue }
            var digits = String(String.UnicodeScalarView(scalars[index..<run(from: index)]))
            var end = run(from: index)
            var lastGroup = end - index
            // Join the next group when the separator is a grouping or decimal mark. Both versions drop the marks
            // the same way, so the keys agree even where the value is ambiguous (1.900 is 1900 in vi, 1.9 in en).
            while end + 1 < scalars.count, [".", ",", " ", "\u{00A0}", "\u{202F}"].contains(scalars[end]), isDigit(end + 1) {
                let groupEnd = run(from: end + 1)
                let group = groupEnd - (end + 1)
                let mark = scalars[end] == "." || scalars[end] == ","
                let followedByAnotherGroup = groupEnd + 1 < scalars.count && [".", ","].contains(scalars[groupEnd])
                    && isDigit(groupEnd + 1)
                let thousands = group == 3 && (mark || lastGroup <= 3)
                let decimal = mark && group <= 2 && !followedByAnotherGroup && lastGroup <= 3
                guard thousands || decimal else { break }
                digits += String(String.UnicodeScalarView(scalars[(end + 1)..<groupEnd]))
                end = groupEnd
                lastGroup = group
            }
            let trimmed = digits.drop { $0 == "0" }
            result.append(Anchor(.number, trimmed.isEmpty ? "0" : String(trimmed)))
            index = end
        }
        return result
    }

    /// Party and State document references ("1029 -TB/TU", "45/2023/NĐ-CP", "123/QĐ-UBND") as number + code.
    static func references(in scalars: [Unicode.Scalar]) -> [Anchor] {
        let text = String(String.UnicodeScalarView(scalars))
        var result: [Anchor] = []
        // Words are the runs of characters between spaces. With no scalar that could join a space into a longer
        // character (combining marks, joiners, …), they are cut on the bytes, and only words with a "/" are read.
        let plain = scalars.allSatisfy(Self.neverJoinsASpace)
        let words = plain ? Self.wordsBetweenSpaces(text) : text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        for (k, word) in words.enumerated() {
            if plain, !word.utf8.contains(0x2F) { continue }
            var candidate = String(word)
            // "1029 -TB/TU": the code may be detached from its number by a space.
            if word.first == "-", k > 0, words[k - 1].allSatisfy(\.isNumber) { candidate = String(words[k - 1] + word) }
            guard candidate.contains("/"), candidate.first?.isNumber == true,
                  candidate.contains(where: \.isLetter) else { continue }
            let key = Normalization.folded(candidate).filter { $0.isLetter || $0.isNumber }
            result.append(Anchor(.reference, key))
        }
        return result
    }

    /// Whether `scalar` is one no space can form a character with: Latin letters and punctuation below the
    /// combining marks, the precomposed Vietnamese letters, dashes, quotes and other general punctuation, currency
    /// signs.
    static func neverJoinsASpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case ..<0x300, 0x1E00...0x1EFF, 0x2010...0x205E, 0x20A0...0x20CF: return true
        default: return false
        }
    }

    /// The non-empty runs of `text` between spaces (U+0020, U+00A0), cut on its UTF-8 bytes.
    static func wordsBetweenSpaces(_ text: String) -> [Substring] {
        var words: [Substring] = []
        let bytes = text.utf8
        var index = bytes.startIndex
        var wordStart: String.Index?
        while index < bytes.endIndex {
            var space = 0
            if bytes[index] == 0x20 {
                space = 1
            } else if bytes[index] == 0xC2 {
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == 0xA0 { space = 2 }
            }
            if space > 0 {
                if let start = wordStart { words.append(text[start..<index]) }
                wordStart = nil
                index = bytes.index(index, offsetBy: space)
            } else {
                if wordStart == nil { wordStart = index }
                index = bytes.index(after: index)
            }
        }
        if let start = wordStart { words.append(text[start..<bytes.endIndex]) }
        return words
    }

    /// Folded month names and short forms that name a month wherever they stand (``MonthNames``): a sentence has
    /// no date grammar around them here, so forms that may be other words ("mar", "sept") are left out.
    private static let months: [String: Int] = Dictionary(
        MonthNames.standard.forms.filter(\.namesAMonthAlone).map { (Normalization.folded($0.text), $0.month) },
        uniquingKeysWith: { first, _ in first })

    /// The month number of an English or French month name (folded), if it is one.
    static func month(_ folded: String) -> Int? { months[folded] }
}
