/// A paragraph found from line structure, before it is classified.
struct RawParagraph {
    /// Without surrounding white space.
    var span: Span
    /// Whether a blank line (or the start of the text) comes before it / a blank line (or the end) after it.
    var blankBefore: Bool
    var blankAfter: Bool
}

/// Finds paragraphs from line structure.
///
/// Scraped news separates paragraphs either by blank lines or by single line breaks, so every non-blank line is a
/// paragraph; a line that continues a hard-wrapped one (the previous line has no closing punctuation, this one
/// starts in lower case) joins it. Line ends may be LF, CR LF, lone CR, NEL, LS or PS.
enum ParagraphSplitter {
    static func split(_ text: UTF8Text) -> [RawParagraph] {
        var paragraphs: [RawParagraph] = []
        var lineStart = 0
        var sawBlank = true
        let n = text.count
        var index = 0
        func finishLine(_ end: Int) {
            let start = text.skippingSpace(from: lineStart, to: end)
            let trimmedEnd = text.trimmingSpace(backFrom: end, to: start)
            guard start < trimmedEnd else {
                if let last = paragraphs.indices.last { paragraphs[last].blankAfter = true }
                sawBlank = true
                return
            }
            if !sawBlank, let last = paragraphs.last, continues(last.span, with: start, in: text) {
                paragraphs[paragraphs.count - 1].span.end = trimmedEnd
            } else {
                paragraphs.append(RawParagraph(span: Span(start: start, end: trimmedEnd), blankBefore: sawBlank,
                                               blankAfter: false))
            }
            sawBlank = false
        }
        if !text.hasLineBreaksOtherThanLF {
            // The common case: LF only. memchr finds each line end.
            text.forEachOccurrence(of: 0x0A, in: 0..<n) { end in
                finishLine(end)
                lineStart = end + 1
            }
            index = n
        }
        while index < n {
            let byte = text.bytes[index]
            if byte == 0x0A || byte == 0x0D {
                finishLine(index)
                index += (byte == 0x0D && index + 1 < n && text.bytes[index + 1] == 0x0A) ? 2 : 1
                lineStart = index
            } else if byte == 0xC2 && index + 1 < n && text.bytes[index + 1] == 0x85 {
                finishLine(index)
                index += 2
                lineStart = index
            } else if byte == 0xE2 && index + 2 < n && text.bytes[index + 1] == 0x80
                        && (text.bytes[index + 2] == 0xA8 || text.bytes[index + 2] == 0xA9) {
                finishLine(index)
                index += 3
                lineStart = index
            } else {
                index += 1
            }
        }
        if lineStart <= n { finishLine(n) }
        if let last = paragraphs.indices.last { paragraphs[last].blankAfter = true }
        return paragraphs
    }

    /// Whether a line starting at `start` continues the hard-wrapped paragraph `previous`.
    private static func continues(_ previous: Span, with start: Int, in text: UTF8Text) -> Bool {
        guard previous.length >= 40 else { return false }
        let last = text.scalar(before: previous.end).value
        if Scalars.isTerminal(last) || Scalars.isCloser(last) || last == 0x3A || last == 0x3B { return false }
        return Scalars.isLower(text.scalar(at: start).value)
    }
}
