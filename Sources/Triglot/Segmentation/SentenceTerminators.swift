import TriglotICU

/// Where ICU's sentence break iterator can put a boundary inside a paragraph.
///
/// Inside a line, the sentence break rules (Unicode UAX #29, SB4–SB11, which ICU implements) put a boundary only
/// after a sentence terminator (Sentence_Break STerm or ATerm: `. ! ?`, `。`, `؟`, `।` …), behind any closing
/// punctuation and spaces, and they look no further than the line for context. Nor do they put one between the
/// terminators and closing marks that end a line ("… the plan.”", "(…)."): a paragraph with no terminator before
/// those (a title, a caption, a one-sentence paragraph: about a third of a news page) has no boundary inside, and the
/// segmenter does not run ICU on it.
enum SentenceTerminators {
    /// Whether ICU may find a sentence boundary strictly inside `paragraph`: whether a sentence terminator stands
    /// before the terminators and closing marks that end it. Linear in the paragraph, and usually decided by the
    /// first `.` (found with `memchr`).
    static func mayBreakInside(_ text: UTF8Text, _ paragraph: Span) -> Bool {
        // The closing run: terminators and closing marks at the end.
        var innerEnd = paragraph.end
        while innerEnd > paragraph.start {
            let (value, start) = text.scalar(before: innerEnd)
            guard kind(of: value) != TG_SB_OTHER else { break }
            innerEnd = start
        }
        let inner = paragraph.start..<innerEnd
        guard !inner.isEmpty else { return false }
        for stop: UInt8 in [0x2E, 0x21, 0x3F] where text.firstOccurrence(of: stop, in: inner) != nil { return true }
        // Terminators beyond ASCII. No scalar below U+0340 is one (lead bytes up to CC), nor is a letter of Latin
        // Extended Additional (Vietnamese); the others are asked of ICU. Lead bytes from CD up are looked for eight
        // bytes at a time.
        guard let base = text.bytes.baseAddress else { return false }
        var index = inner.lowerBound
        while index < inner.upperBound {
            if index + 8 <= inner.upperBound {
                let chunk = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let lanes = ByteLanes.atLeastCD(chunk)
                guard lanes != 0 else {
                    index += 8
                    continue
                }
                index += lanes.trailingZeroBitCount >> 3
            } else if base[index] < 0xCD {
                index += 1
                continue
            }
            let (value, length) = text.scalar(at: index)
            if !(value >= 0x1E00 && value <= 0x1EFF) && kind(of: value) == TG_SB_TERMINATOR { return true }
            index += length
        }
        return false
    }

    /// What ICU's rules see in ASCII, by byte (``kind(of:)``), asked of ICU once.
    private static let asciiKinds: [Int32] = (0..<0x80).map { tg_sentence_break_kind($0) }

    /// What `value` is to ICU's sentence break rules: `TG_SB_TERMINATOR`, `TG_SB_CLOSING` or `TG_SB_OTHER`.
    @inline(__always)
    static func kind(of value: UInt32) -> Int32 {
        value < 0x80 ? asciiKinds[Int(value)] : tg_sentence_break_kind(Int32(bitPattern: value))
    }
}
