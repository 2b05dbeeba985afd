import Foundation

/// Abbreviations after which a period does not end a sentence (`Resources/abbreviations.tsv`).
struct Abbreviations: Sendable {
    /// Never end a sentence ("TP.", "ThS.", "Mr.").
    let always: Set<String>
    /// Do not end a sentence before a number ("No. 39").
    let beforeNumber: Set<String>
    /// UTF-8 length of the longest entry, list markers ("XXIV.") and initials ("N.T.T.") included.
    let longest: Int
    /// The same entries by hash of their exact UTF-8 bytes: the segmenter looks words up without making strings.
    private let alwaysHashes: WordTable
    private let beforeNumberHashes: WordTable

    init(always: Set<String>, beforeNumber: Set<String>) {
        self.always = always
        self.beforeNumber = beforeNumber
        self.longest = max(always.union(beforeNumber).map(\.utf8.count).max() ?? 0, 12)
        func table(_ words: Set<String>) -> WordTable {
            WordTable(Dictionary(uniqueKeysWithValues: words.map { (Self.hash(Array($0.utf8)[...]), LanguageEvidence()) }))
        }
        alwaysHashes = table(always)
        beforeNumberHashes = table(beforeNumber)
    }

    /// FNV-1a over exact bytes (case matters: "No." is listed, "no." is not always).
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.reduce(WordHasher.seed) { WordHasher.combine($0, UInt32($1)) }
    }

    /// Whether the bytes of `range` are an abbreviation that never ends a sentence.
    func isAlways(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        alwaysHashes[Self.hash(UnsafeBufferPointer(rebasing: text.bytes[range]))] != nil
    }

    /// Whether the bytes of `range` are an abbreviation that does not end a sentence before a number.
    func isBeforeNumber(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        beforeNumberHashes[Self.hash(UnsafeBufferPointer(rebasing: text.bytes[range]))] != nil
    }

    static let standard: Abbreviations = {
        var always = Set<String>()
        var beforeNumber = Set<String>()
        for line in ResourceFile.lines(named: "abbreviations", extension: "tsv") {
            let columns = line.split(separator: "\t").map { $0.trimmingSpaces }
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

    /// A proposed sentence start, and what proposed it.
    struct Candidate {
        enum Source {
            case icu, glued, listItem, ellipsis
            /// After a parenthesised credit glued to the next sentence: "(Photo: VNA)Hanoi (VNA) –".
            case afterCredit
            /// After an image label glued to its caption: "… du Parti ảnh 1Nguyen Thi Kim Ngan, …".
            case afterImageLabel
        }
        var offset: Int
        var source: Source
        /// No space separates it from the stop before it.
        var glued: Bool { source == .glued }
    }

    /// Sentence-opening words before which a run of initials ("C.", "U.S.") ends a sentence after all.
    private static let starters: Set<String> = [
        "The", "This", "That", "These", "It", "He", "She", "They", "We", "In", "On", "At", "But", "And", "A", "An",
        "Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "Ce", "Cette", "Ces", "Un", "Une", "En", "Dans", "Mais",
        "Đây", "Ông", "Bà", "Các", "Những", "Trong", "Theo", "Tuy", "Vì", "Do", "Khi",
    ]

    /// Buffers reused from one paragraph to the next, so that a document costs no allocation per paragraph.
    struct Scratch {
        var candidates: [Candidate] = []
        var starts: [Int] = []
    }

    /// Leaves in `scratch.starts` the UTF-8 offsets where the sentences of `paragraph` start, the first being
    /// `paragraph.start`. `icu` holds ICU's boundaries for a text that includes the paragraph (others are ignored).
    func sentenceStarts(in text: UTF8Text, paragraph: Span, icu: ArraySlice<ICUBoundary>, scratch: inout Scratch) {
        scratch.candidates.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        // Page material on the same line as the text: the store's date prefix before a title, an agency signature
        // after the last sentence. They are units of their own whatever the punctuation.
        var body = paragraph
        let prefixEnd = StoreDatePrefix.end(in: text, paragraph: paragraph).map { text.skippingSpace(from: $0, to: paragraph.end) }
        if let prefixEnd, prefixEnd < paragraph.end {
            scratch.starts.append(paragraph.start)
            body = Span(start: prefixEnd, end: paragraph.end)
            // A section label between the prefix and the title: a unit of its own.
            if let label = SectionLabel.end(in: text, at: prefixEnd, lineEnd: paragraph.end) {
                scratch.starts.append(prefixEnd)
                body = Span(start: text.skippingSpace(from: label, to: paragraph.end), end: paragraph.end)
            }
        }
        let signature = AgencySignature.start(in: text, paragraph: body)
        if let signature { body = Span(start: body.start, end: text.trimmingSpace(backFrom: signature, to: body.start)) }
        defer { if let signature { scratch.starts.append(signature) } }
        reviewedStarts(in: text, paragraph: body, icu: icu, scratch: &scratch)
    }

    /// Leaves in `scratch.starts` (after what it holds) the sentence starts of `paragraph` from ICU's boundaries
    /// and the rules.
    private func reviewedStarts(in text: UTF8Text, paragraph: Span, icu: ArraySlice<ICUBoundary>, scratch: inout Scratch) {
        let first = scratch.starts.count
        scratch.starts.append(paragraph.start)
        // A paragraph without any inner stop, bracket, ellipsis or image label is one sentence: nothing to review.
        guard icu.contains(where: { $0.offset > paragraph.start && $0.offset < paragraph.end })
                || mayHoldUnseenBoundary(text, paragraph) else { return }
        for boundary in icu where boundary.offset > paragraph.start && boundary.offset < paragraph.end {
            scratch.candidates.append(Candidate(offset: boundary.offset, source: .icu))
        }
        addGluedAndEllipsisBoundaries(in: text, paragraph: paragraph, to: &scratch.candidates)
        guard !scratch.candidates.isEmpty else { return }
        scratch.candidates.sort { $0.offset < $1.offset }

        var quotes = QuoteParity(from: paragraph.start)
        for candidate in scratch.candidates {
            guard let start = review(candidate, in: text, paragraph: paragraph,
                                     sentenceStart: scratch.starts[scratch.starts.count - 1], quotes: &quotes),
                  start > scratch.starts[scratch.starts.count - 1], start < paragraph.end else { continue }
            scratch.starts.append(start)
        }
        mergePunctuationOnly(&scratch.starts, from: first, in: text, paragraph: paragraph)
        mergeCredits(&scratch.starts, from: first, in: text, paragraph: paragraph)
    }

    /// A photo credit after a caption stays with it: a sentence that is only a credit ("Photo: VNA",
    /// "(Ảnh: TTXVN)", "—VNA/VNS Photo") joins the sentence before it. Works on the starts of `paragraph` in
    /// `starts[first...]`, in place.
    private func mergeCredits(_ starts: inout [Int], from first: Int, in text: UTF8Text, paragraph: Span) {
        guard starts.count - first > 1 else { return }
        var kept = first + 1
        for k in first + 1..<starts.count {
            // (`starts[k + 1]` is still the original: `kept` never passes `k`.)
            let end = text.trimmingSpace(backFrom: k + 1 < starts.count ? starts[k + 1] : paragraph.end, to: starts[k])
            if !PhotoCredit.isCredit(text, Span(start: starts[k], end: end)) {
                starts[kept] = starts[k]
                kept += 1
            }
        }
        starts.removeSubrange(kept...)
    }

    /// Whether a paragraph holds a byte that can start a boundary ICU does not report (a stop glued to the next
    /// word, a list item's ")", an ellipsis). Most short lines hold none.
    private func mayHoldUnseenBoundary(_ text: UTF8Text, _ paragraph: Span) -> Bool {
        guard paragraph.length > 3 else { return false }
        // . ! ? ) and the lead bytes of … and of ả (image labels "ảnh 1")
        return [0x2E, 0x21, 0x3F, 0x29, 0xE2, 0xE1].contains { (byte: UInt8) in
            text.firstOccurrence(of: byte, in: paragraph.start + 1..<paragraph.end - 1) != nil
        }
    }

    /// The corrected start of the sentence ICU (or a rule) proposes at `offset`, or nil if there is no boundary.
    private func review(_ candidate: Candidate, in text: UTF8Text, paragraph: Span, sentenceStart: Int,
                        quotes: inout QuoteParity) -> Int? {
        if candidate.source == .afterCredit || candidate.source == .afterImageLabel { return candidate.offset }
        let glued = candidate.glued
        var start = text.skippingSpace(from: candidate.offset, to: paragraph.end)
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

        // A lower-case word continues the sentence, unless it is a list marker ("b) …").
        if candidate.source == .listItem { return start }
        if Scalars.isLower(text.scalar(at: start).value) { return nil }
        if terminal == 0x2E && !(terminalStart > paragraph.start && text.bytes[terminalStart - 1] == 0x2E) {
            if !glued && isAbbreviation(endingAt: terminalEnd, in: text, paragraph: paragraph, next: start,
                                        sentenceStart: sentenceStart) { return nil }
        }

        // Closing quotes, guillemets and brackets after the stop belong to the sentence they close.
        while start < paragraph.end {
            let (value, length) = text.scalar(at: start)
            let closes = value == 0x22 ? quotes.isOdd(before: start, in: text) : value != 0x27 && Scalars.isCloser(value)
            guard closes else { break }
            start = text.skippingSpace(from: start + length, to: paragraph.end)
        }
        // "« … ! » a lancé": what follows the closing quote continues the sentence.
        guard start < paragraph.end, !Scalars.isLower(text.scalar(at: start).value) else { return nil }
        return start
    }

    /// Whether the period ending at `end` closes an abbreviation, initials or a list marker rather than a sentence.
    private func isAbbreviation(endingAt end: Int, in text: UTF8Text, paragraph: Span, next: Int,
                                sentenceStart: Int) -> Bool {
        // Abbreviations are short: stop looking for the start of the word beyond that length.
        var wordStart = end
        while wordStart > paragraph.start {
            let (value, previous) = text.scalar(before: wordStart)
            if Scalars.isSpace(value) { break }
            wordStart = previous
            if end - wordStart > abbreviations.longest + 4 { return false }
        }
        while wordStart < end, Scalars.isOpener(text.scalar(at: wordStart).value) {
            wordStart += text.scalar(at: wordStart).length
        }
        // Abbreviations, initials and list markers are short: longer words need no look-up.
        guard end - wordStart <= abbreviations.longest else { return false }
        let word = wordStart..<end
        if abbreviations.isAlways(text, word) { return true }
        if Self.isInitials(text, word) {
            return !Self.starters.contains(nextWord(at: next, in: text, limit: paragraph.end))
        }
        if Scalars.isDigit(text.scalar(at: next).value) && abbreviations.isBeforeNumber(text, word) { return true }
        if Self.isListMarker(text, word)
            && (wordStart == sentenceStart || Self.followsColon(wordStart, in: text, paragraph: paragraph)) {
            return true
        }
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

    /// "1.", "12.", "a.", "IV.": a list marker (when it opens a sentence). `range` ends with the period.
    private static func isListMarker(_ text: UTF8Text, _ range: Range<Int>) -> Bool {
        let body = range.lowerBound..<range.upperBound - 1
        guard !body.isEmpty, body.count <= 4 else { return false }
        let bytes = text.bytes
        if body.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) { return true }
        if body.count == 1 && Scalars.isLetter(UInt32(bytes[body.lowerBound])) { return true }
        return body.allSatisfy { "IVXLC".utf8.contains(bytes[$0]) }
    }

    /// Whether `offset` follows a colon or semicolon (and spaces): where a list opens inside a sentence.
    private static func followsColon(_ offset: Int, in text: UTF8Text, paragraph: Span) -> Bool {
        let before = text.trimmingSpace(backFrom: offset, to: paragraph.start)
        guard before > paragraph.start, before < offset else { return false }
        let value = text.scalar(before: before).value
        return value == 0x3A || value == 0x3B
    }

    private func nextWord(at offset: Int, in text: UTF8Text, limit: Int) -> String {
        var end = offset
        while end < limit, Scalars.isLetter(text.scalar(at: end).value) { end += text.scalar(at: end).length }
        return text.string(offset..<end)
    }

    /// Counts straight double quotes up to a position, moving forward only, so that a paragraph costs one pass
    /// however many boundaries it has: an odd count before a quote makes that quote a closing one.
    struct QuoteParity {
        private let start: Int
        private var position: Int
        private var count = 0

        init(from start: Int) {
            self.start = start
            position = start
        }

        mutating func isOdd(before offset: Int, in text: UTF8Text) -> Bool {
            if offset < position {  // asked about an earlier place: count again from the start
                position = start
                count = 0
            }
            while position < offset {
                if text.bytes[position] == 0x22 { count += 1 }
                position += 1
            }
            return count % 2 == 1
        }
    }

    /// Proposes boundaries ICU does not see: "tỉnh.Ban" (no space after the stop) and "hésita… Puis".
    private func addGluedAndEllipsisBoundaries(in text: UTF8Text, paragraph: Span,
                                               to candidates: inout [Candidate]) {
        guard paragraph.length > 3 else { return }
        // Stops are found with memchr: these bytes are rare, and memchr skips the text between them in bulk.
        for stop in [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")] {
            text.forEachOccurrence(of: stop, in: paragraph.start + 1..<paragraph.end - 2) { index in
                if let start = gluedStart(after: index, in: text, paragraph: paragraph) {
                    candidates.append(Candidate(offset: start, source: .glued))
                }
            }
        }
        text.forEachOccurrence(of: UInt8(ascii: ")"), in: paragraph.start + 1..<paragraph.end - 1) { index in
            if let start = listItemStart(closingAt: index, in: text, paragraph: paragraph) {
                candidates.append(Candidate(offset: start, source: .listItem))
            } else if let start = startAfterCredit(closingAt: index, in: text, paragraph: paragraph) {
                candidates.append(Candidate(offset: start, source: .afterCredit))
            }
        }
        for start in ImageLabel.gluedStarts(in: text, paragraph: paragraph) {
            candidates.append(Candidate(offset: start, source: .afterImageLabel))
        }
        text.forEachOccurrence(of: 0xE2, in: paragraph.start..<paragraph.end - 2) { index in
            if text.bytes[index + 1] == 0x80 && text.bytes[index + 2] == 0xA6,  // …
               let start = ellipsisStart(after: index + 3, before: index, in: text, paragraph: paragraph) {
                candidates.append(Candidate(offset: start, source: .ellipsis))
            }
        }
    }

    /// A sentence glued to the previous one: a lower-case word, a stop, then a capitalised word with no space
    /// ("tỉnh.Ban", "suppléants).Dans", "exprimés.A la").
    private func gluedStart(after stop: Int, in text: UTF8Text, paragraph: Span) -> Int? {
        let start = stop + 1
        let (first, firstLength) = text.scalar(at: start)
        guard Scalars.isUpper(first), start + firstLength < paragraph.end else { return nil }
        let second = text.scalar(at: start + firstLength).value
        // A capitalised word, or a one-letter word before a lower-case one ("A la", "À l'issue").
        if !Scalars.isLower(second) {
            let next = start + firstLength + 1
            guard Scalars.isSpace(second), next < paragraph.end, Scalars.isLower(text.scalar(at: next).value) else { return nil }
        }
        // A lower-case letter or a digit before the stop ("tỉnh.Ban", "en 2023.Le"), possibly behind closing
        // brackets or quotes ("suppléants).Dans"); capitals mark acronyms.
        var beforeEnd = stop
        while beforeEnd > paragraph.start, Scalars.isCloser(text.scalar(before: beforeEnd).value) {
            beforeEnd = text.scalar(before: beforeEnd).start
        }
        guard beforeEnd > paragraph.start else { return nil }
        let before = text.scalar(before: beforeEnd).value
        guard Scalars.isLower(before) || Scalars.isDigit(before) else { return nil }
        var wordStart = stop
        var letters = 0  // letters and digits
        while wordStart > paragraph.start {
            let (value, previous) = text.scalar(before: wordStart)
            if Scalars.isSpace(value) { break }
            // Web addresses, paths and document references are never split.
            if value == 0x2F || value == 0x40 || value == 0x3A || value == 0x2E { return nil }
            if Scalars.isLetter(value) || Scalars.isDigit(value) { letters += 1 }
            wordStart = previous
            if stop - wordStart > 256 { return nil }  // a token this long is data, not two sentences
        }
        guard letters >= 2, !abbreviations.always.contains(text.string(wordStart..<start)) else { return nil }
        return start
    }

    /// "(Photo: VNA)Hanoi (VNA) –": a parenthesised credit glued to a capitalised word starts a sentence there.
    private func startAfterCredit(closingAt parenthesis: Int, in text: UTF8Text, paragraph: Span) -> Int? {
        let start = parenthesis + 1
        guard start + 1 < paragraph.end, Scalars.isUpper(text.scalar(at: start).value) else { return nil }
        var open = parenthesis
        while open > paragraph.start, text.bytes[open - 1] != 0x28, parenthesis - open < 60 { open -= 1 }
        guard open > paragraph.start, text.bytes[open - 1] == 0x28,
              PhotoCredit.isCredit(text, Span(start: open, end: parenthesis)) else { return nil }
        return start
    }

    /// "… trente jours. b) Les comités …": a list item marked by a letter or number and ")" after a sentence
    /// end starts a sentence (ICU keeps it in the previous one because the marker is lower case).
    private func listItemStart(closingAt parenthesis: Int, in text: UTF8Text, paragraph: Span) -> Int? {
        var markerStart = parenthesis
        while markerStart > paragraph.start, parenthesis - markerStart < 3 {
            let byte = text.bytes[markerStart - 1]
            guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else { break }
            markerStart -= 1
        }
        guard markerStart < parenthesis, markerStart > paragraph.start,
              Scalars.isSpace(text.scalar(before: markerStart).value),
              Scalars.isSpace(text.scalar(at: parenthesis + 1).value) else { return nil }
        // The marker must be a single letter or a number.
        let length = parenthesis - markerStart
        if length > 1 && !(markerStart..<parenthesis).allSatisfy({ text.bytes[$0] >= 0x30 && text.bytes[$0] <= 0x39 }) {
            return nil
        }
        var end = text.trimmingSpace(backFrom: markerStart, to: paragraph.start)
        while end > paragraph.start, Scalars.isCloser(text.scalar(before: end).value) {
            end = text.scalar(before: end).start
        }
        guard end > paragraph.start, Scalars.isTerminal(text.scalar(before: end).value) else { return nil }
        return markerStart
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

    /// Merges sentences that hold no letter or digit (a lone "|", a stray quote) into their neighbour. Works on the
    /// starts of `paragraph` in `starts[first...]`, in place.
    private func mergePunctuationOnly(_ starts: inout [Int], from first: Int, in text: UTF8Text, paragraph: Span) {
        guard starts.count - first > 1 else { return }
        func hasContent(_ range: Range<Int>) -> Bool {
            var index = range.lowerBound
            while index < range.upperBound {
                let (value, length) = text.scalar(at: index)
                if Scalars.isLetter(value) || Scalars.isDigit(value) { return true }
                index += length
            }
            return false
        }
        var kept = first
        for k in first..<starts.count {
            // (`starts[k + 1]` is still the original: `kept` never passes `k`.)
            let end = k + 1 < starts.count ? starts[k + 1] : paragraph.end
            if hasContent(starts[k]..<end) || kept == first {
                starts[kept] = starts[k]
                kept += 1
            }
        }
        starts.removeSubrange(kept...)
        // A first sentence of punctuation only joins the second.
        if kept - first > 1 && !hasContent(starts[first]..<starts[first + 1]) { starts.remove(at: first + 1) }
    }
}
