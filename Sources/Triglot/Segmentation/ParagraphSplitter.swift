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
/// paragraph, and every line break ends a sentence (the news conventions: a page's line break is never inside a
/// unit). Line ends may be LF, CR LF, lone CR, NEL, LS or PS.
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
            paragraphs.append(RawParagraph(span: Span(start: start, end: trimmedEnd), blankBefore: sawBlank, blankAfter: false))
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

    /// `paragraphs` with those that one of `units` spans joined into one (pre-segmented input whose units cross
    /// line breaks).
    static func joining(_ paragraphs: [RawParagraph], across units: [Span]) -> [RawParagraph] {
        var result: [RawParagraph] = []
        var unit = 0
        for paragraph in paragraphs {
            while unit < units.count && units[unit].end <= paragraph.span.start { unit += 1 }
            // A unit that starts before this paragraph and reaches into it joins it to the previous one.
            if let last = result.last, unit < units.count, units[unit].start < paragraph.span.start,
               units[unit].end > paragraph.span.start, units[unit].start < last.span.end {
                result[result.count - 1].span.end = paragraph.span.end
                result[result.count - 1].blankAfter = paragraph.blankAfter
            } else {
                result.append(paragraph)
            }
        }
        return result
    }
}
