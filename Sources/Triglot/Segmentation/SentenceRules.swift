import Foundation

/// Abbreviations after which a period does not end a sentence (`Resources/abbreviations.tsv`).
struct Abbreviations: Sendable {
    /// Never end a sentence ("TP.", "ThS.", "Mr.").
    let always: Set<String>
    /// Do not end a sentence before a number ("No. 39").
    let beforeNumber: Set<String>
    /// UTF-8 length of the longest entry, list markers ("XXIV.") and initials ("N.T.T.") included.
    let longest: Int

    init(always: Set<String>, beforeNumber: Set<String>) {
        self.always = always
        self.beforeNumber = beforeNumber
        self.longest = max(always.union(beforeNumber).map(\.utf8.count).max() ?? 0, 12)
    }

    static let standard: Abbreviations = {
        var always = Set<String>()
        var beforeNumber = Set<String>()
        for line in ResourceFile.lines(named: "abbreviations", extension: "tsv") {
            let columns = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count == 2 else { preconditionFailure("abbreviations.tsv: bad line \(line)") }
            if columns[1] == "number" { beforeNumber.insert(columns[0]) } else { always.insert(columns[0]) }
        }
        return Abbreviations(always: always, beforeNumber: beforeNumber)
    }()
}

/// Corrects ICU's sentence boundaries inside one paragraph, for what ICU gets wrong on Vietnamese, French and
/// English news: abbreviations and initials, list markers, closing quotes and guillemets pushed into the next
/// sentence, fragments of lone punctuation, sentences glued together by scraping ("tỉnh.Ban"), and an ellipsis
/// that ends a sentence ("hésita… Puis").
struct SentenceRules {
    let abbreviations: Abbreviations

    /// A proposed sentence start; `glued` when no space separates it from the stop before it.
    struct Candidate {
        var offset: Int
        var glued: Bool
    }

    /// Sentence-opening words before which a run of initials ("C.", "U.S.") ends a sentence after all.
    private static let starters: Set<String> = [
        "The", "This", "That", "These", "It", "He", "She", "They", "We", "In", "On", "At", "But", "And", "A", "An",
        "Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "Ce", "Cette", "Ces", "Un", "Une", "En", "Dans", "Mais",
        "Đây", "Ông", "Bà", "Các", "Những", "Trong", "Theo", "Tuy", "Vì", "Do", "Khi",
    ]

    /// The UTF-8 offsets where the sentences of `paragraph` start, the first being `paragraph.start`.
    /// `icu` holds ICU's boundaries for a text that includes the paragraph (others are ignored).
    func sentenceStarts(in text: UTF8Text, paragraph: Span, icu: ArraySlice<ICUBoundary>) -> [Int] {
        var candidates: [Candidate] = []
        for boundary in icu where boundary.offset > paragraph.start && boundary.offset < paragraph.end {
            candidates.append(Candidate(offset: boundary.offset, glued: false))
        }
        addGluedAndEllipsisBoundaries(in: text, paragraph: paragraph, to: &candidates)
        candidates.sort { $0.offset < $1.offset }

        var starts = [paragraph.start]
        for candidate in candidates {
            guard let start = review(candidate.offset, glued: candidate.glued, in: text, paragraph: paragraph,
                                     sentenceStart: starts[starts.count - 1]),
                  start > starts[starts.count - 1], start < paragraph.end else { continue }
            starts.append(start)
        }
        return mergingPunctuationOnly(starts, in: text, paragraph: paragraph)
    }

    /// The corrected start of the sentence ICU (or a rule) proposes at `offset`, or nil if there is no boundary.
    private func review(_ offset: Int, glued: Bool, in text: UTF8Text, paragraph: Span, sentenceStart: Int) -> Int? {
        var start = text.skippingSpace(from: offset, to: paragraph.end)
        let end = text.trimmingSpace(backFrom: start, to: paragraph.start)
        if end == start && !glued { return nil }  // ICU split inside a word ("..JPG", "U.S.The")
        guard end > paragraph.start else { return nil }

        // The boundary must follow sentence-final punctuation, possibly behind closing quotes or brackets.
        var terminalEnd = end
        while terminalEnd > paragraph.start {
            let (value, previous) = text.scalar(before: terminalEnd)
            if Scalars.isCloser(value) || Scalars.isSpace(value) { terminalEnd = previous } else { break }
        }
        guard terminalEnd > paragraph.start else { return nil }
        let (terminal, terminalStart) = text.scalar(before: terminalEnd)
        guard Scalars.isTerminal(terminal) else { return nil }  // a line break inside a paragraph, or no stop

        let next = text.scalar(at: start).value
        if Scalars.isLower(next) { return nil }
        if terminal == 0x2E && !(terminalStart > paragraph.start && text.bytes[terminalStart - 1] == 0x2E) {
            if !glued && isAbbreviation(endingAt: terminalEnd, in: text, paragraph: paragraph, next: start,
                                        sentenceStart: sentenceStart) { return nil }
        }

        // Closing quotes, guillemets and brackets after the stop belong to the sentence they close.
        while start < paragraph.end {
            let (value, length) = text.scalar(at: start)
            let closes = value == 0x22 ? quoteCount(in: text, from: paragraph.start, to: start) % 2 == 1
                : value != 0x27 && Scalars.isCloser(value)
            guard closes else { break }
            start = text.skippingSpace(from: start + length, to: paragraph.end)
        }
        return start < paragraph.end ? start : nil
    }

    /// Whether the period ending at `end` closes an abbreviation, initials or a list marker rather than a sentence.
    private func isAbbreviation(endingAt end: Int, in text: UTF8Text, paragraph: Span, next: Int,
                                sentenceStart: Int) -> Bool {
        var wordStart = end
        while wordStart > paragraph.start {
            let (value, previous) = text.scalar(before: wordStart)
            if Scalars.isSpace(value) { break }
            wordStart = previous
        }
        while wordStart < end, Scalars.isOpener(text.scalar(at: wordStart).value) {
            wordStart += text.scalar(at: wordStart).length
        }
        // Abbreviations, initials and list markers are short: longer words need no look-up.
        guard end - wordStart <= abbreviations.longest else { return false }
        if Self.isInitials(text, wordStart..<end) {
            return !Self.starters.contains(nextWord(at: next, in: text, limit: paragraph.end))
        }
        let word = text.string(wordStart..<end)
        if abbreviations.always.contains(word) { return true }
        if abbreviations.beforeNumber.contains(word) && Scalars.isDigit(text.scalar(at: next).value) { return true }
        if wordStart == sentenceStart && Self.isListMarker(word) { return true }
        return false
    }

    /// "V.", "U.S.", "N.T.": single capital letters each followed by a period.
    private static func isInitials(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        var position = range.lowerBound
        var count = 0
        while position < range.upperBound {
            let (value, length) = text.scalar(at: position)
            guard Scalars.isUpper(value), position + length < range.upperBound,
                  text.bytes[position + length] == 0x2E else { return false }
            position += length + 1
            count += 1
        }
        return count > 0
    }

    /// "1.", "12.", "a.", "IV.": a list marker (when it opens a sentence).
    private static func isListMarker(_ word: String) -> Bool {
        let body = word.dropLast()
        guard !body.isEmpty, body.count <= 4 else { return false }
        if body.allSatisfy(\.isNumber) { return true }
        if body.count == 1, body.first!.isLetter { return true }
        return body.allSatisfy { "IVXLC".contains($0) }
    }

    private func nextWord(at offset: Int, in text: UTF8Text, limit: Int) -> String {
        var end = offset
        while end < limit, Scalars.isLetter(text.scalar(at: end).value) { end += text.scalar(at: end).length }
        return text.string(offset..<end)
    }

    private func quoteCount(in text: UTF8Text, from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<end where text.bytes[index] == 0x22 { count += 1 }
        return count
    }

    /// Proposes boundaries ICU does not see: "tỉnh.Ban" (no space after the stop) and "hésita… Puis".
    private func addGluedAndEllipsisBoundaries(in text: UTF8Text, paragraph: Span,
                                               to candidates: inout [Candidate]) {
        guard paragraph.length > 3 else { return }
        // Stops are found with memchr: these bytes are rare, and memchr skips the text between them in bulk.
        for stop in [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")] {
            text.forEachOccurrence(of: stop, in: paragraph.start + 1..<paragraph.end - 2) { index in
                if let start = gluedStart(after: index, in: text, paragraph: paragraph) {
                    candidates.append(Candidate(offset: start, glued: true))
                }
            }
        }
        text.forEachOccurrence(of: 0xE2, in: paragraph.start..<paragraph.end - 2) { index in
            if text.bytes[index + 1] == 0x80 && text.bytes[index + 2] == 0xA6,  // …
               let start = ellipsisStart(after: index + 3, before: index, in: text, paragraph: paragraph) {
                candidates.append(Candidate(offset: start, glued: false))
            }
        }
    }

    /// A sentence glued to the previous one: a lower-case word, a stop, then a capitalised word with no space.
    private func gluedStart(after stop: Int, in text: UTF8Text, paragraph: Span) -> Int? {
        let start = stop + 1
        let (first, firstLength) = text.scalar(at: start)
        guard Scalars.isUpper(first), start + firstLength < paragraph.end,
              Scalars.isLower(text.scalar(at: start + firstLength).value) else { return nil }
        guard Scalars.isLower(text.scalar(before: stop).value) else { return nil }
        var wordStart = stop
        var letters = 0
        while wordStart > paragraph.start {
            let (value, previous) = text.scalar(before: wordStart)
            if Scalars.isSpace(value) { break }
            // Web addresses, paths and document references are never split.
            if value == 0x2F || value == 0x40 || value == 0x3A || value == 0x2E { return nil }
            if Scalars.isLetter(value) { letters += 1 }
            wordStart = previous
        }
        guard letters >= 2, !abbreviations.always.contains(text.string(wordStart..<start)) else { return nil }
        return start
    }

    /// After an ellipsis followed by a space and a capitalised word, unless it marks an elision "(…)".
    private func ellipsisStart(after end: Int, before start: Int, in text: UTF8Text, paragraph: Span) -> Int? {
        if start > paragraph.start {
            let previous = text.scalar(before: start).value
            if previous == 0x28 || previous == 0x5B { return nil }
        }
        let next = text.skippingSpace(from: end, to: paragraph.end)
        guard next > end, next < paragraph.end else { return nil }
        var word = next
        while word < paragraph.end, Scalars.isOpener(text.scalar(at: word).value) { word += text.scalar(at: word).length }
        guard word < paragraph.end, Scalars.isUpper(text.scalar(at: word).value) else { return nil }
        return next
    }

    /// Merges sentences that hold no letter or digit (a lone "|", a stray quote) into their neighbour.
    private func mergingPunctuationOnly(_ starts: [Int], in text: UTF8Text, paragraph: Span) -> [Int] {
        guard starts.count > 1 else { return starts }
        var kept: [Int] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : paragraph.end
            var hasContent = false
            var index = start
            while index < end {
                let (value, length) = text.scalar(at: index)
                if Scalars.isLetter(value) || Scalars.isDigit(value) { hasContent = true; break }
                index += length
            }
            if hasContent || kept.isEmpty { kept.append(start) }
        }
        if kept.count > 1 {
            // A first sentence of punctuation only joins the second.
            var index = kept[0]
            var hasContent = false
            while index < kept[1] {
                let (value, length) = text.scalar(at: index)
                if Scalars.isLetter(value) || Scalars.isDigit(value) { hasContent = true; break }
                index += length
            }
            if !hasContent { kept.remove(at: 1) }
        }
        return kept
    }
}
