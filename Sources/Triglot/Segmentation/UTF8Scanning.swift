#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers over UTF-8 text. Segmentation works on the raw UTF-8 buffer so that every offset it
/// produces is a byte offset into the original text, and so that it runs at ICU's speed.
struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// The scalar starting at `offset` and its length in bytes. Invalid input yields U+FFFD of length 1.
    @inline(__always)
    func scalar(at offset: Int) -> (value: UInt32, length: Int) {
        let b0 = bytes[offset]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 >= 0xC0 && b0 < 0xE0 && offset + 1 < count {
            return (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0 && offset + 2 < count {
            return (UInt32(b0 & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        }
        if b0 >= 0xF0 && offset + 3 < count {
            return (UInt32(b0 & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The scalar ending just before `offset` and the offset where it starts.
    @inline(__always)
    func scalar(before offset: Int) -> (value: UInt32, start: Int) {
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 && offset - start < 4 { start -= 1 }
        return (scalar(at: start).value, start)
    }

    /// The offset after skipping white space forwards from `offset`, not beyond `limit`.
    func skippingSpace(from offset: Int, to limit: Int) -> Int {
        var i = offset
        while i < limit {
            let (value, length) = scalar(at: i)
            guard Scalars.isSpace(value) else { break }
            i += length
        }
        return i
    }

    /// The offset after skipping white space backwards from `offset`, not before `limit`.
    func trimmingSpace(backFrom offset: Int, to limit: Int) -> Int {
        var i = offset
        while i > limit {
            let (value, start) = scalar(before: i)
            guard Scalars.isSpace(value) else { break }
            i = start
        }
        return i
    }

    /// Calls `body` with the offset of every occurrence of `byte` in `range`, in order.
    @inline(__always)
    func forEachOccurrence(of byte: UInt8, in range: Range<Int>, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        var position = range.lowerBound
        while position < range.upperBound,
              let found = memchr(base + position, Int32(byte), range.upperBound - position) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            body(offset)
            position = offset + 1
        }
    }

    /// The offset of the first `byte` in `range`, if there is one.
    @inline(__always)
    func firstOccurrence(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, !range.isEmpty,
              let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the text ends any line with CR, NEL, LS or PS (if not, LF alone ends lines).
    var hasLineBreaksOtherThanLF: Bool {
        var found = false
        forEachOccurrence(of: 0x0D, in: 0..<count) { _ in found = true }
        if found { return true }
        forEachOccurrence(of: 0xC2, in: 0..<max(0, count - 1)) { index in
            if bytes[index + 1] == 0x85 { found = true }
        }
        forEachOccurrence(of: 0xE2, in: 0..<max(0, count - 2)) { index in
            if bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) { found = true }
        }
        return found
    }

    /// Calls `body` with the offset of every ASCII digit in `range` that follows a space (the start of a number
    /// written after a word), in order. Reads eight bytes at a time: digits are a few in a hundred bytes of text.
    func forEachDigitAfterSpace(in range: Range<Int>, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var offset = range.lowerBound
        while offset < range.upperBound {
            var digits: UInt64
            if offset + 8 <= range.upperBound {
                digits = ByteLanes.digits(UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)))
            } else {
                digits = 0
                for lane in 0..<(range.upperBound - offset) where Scalars.isDigit(UInt32(base[offset + lane])) {
                    digits |= 0x80 << (8 * UInt64(lane))
                }
            }
            while digits != 0 {
                let digit = offset + digits.trailingZeroBitCount >> 3
                if digit > 0 && base[digit - 1] == 0x20 { body(digit) }
                digits &= digits &- 1
            }
            offset += 8
        }
    }

    /// The text of `range`, for the few places that need a `String`.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

/// Character classes used by segmentation, for the scripts Triglot reads (Latin with Vietnamese and French
/// diacritics); other scripts fall back to Unicode properties.
enum Scalars {
    /// The text of a run of scalars, encoded in UTF-8 in one pass (building a `String.UnicodeScalarView` scalar by
    /// scalar costs several times as much).
    static func string<Run: Collection<Unicode.Scalar>>(_ scalars: Run) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var n = 0
            for scalar in scalars {
                let v = scalar.value
                switch v {
                case ..<0x80:
                    buffer[n] = UInt8(v); n += 1
                case ..<0x800:
                    buffer[n] = UInt8(0xC0 | (v >> 6)); buffer[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
                case ..<0x10000:
                    buffer[n] = UInt8(0xE0 | (v >> 12)); buffer[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | (v & 0x3F)); n += 3
                default:
                    buffer[n] = UInt8(0xF0 | (v >> 18)); buffer[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buffer[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
                }
            }
            return n
        }
    }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F,
             0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v >= 0x1E00 && v <= 0x1EFF { return true }
        if v >= 0x300 && v <= 0x36F { return true }  // combining marks belong to their letter
        if v < 0x370 { return false }
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0xC0 && v <= 0xDE { return v != 0xD7 }
        if v >= 0x100 && v <= 0x17F { return v & 1 == 0 }
        if v == 0x1A0 || v == 0x1AF { return true }
        if v >= 0x1E00 && v <= 0x1EFF { return v & 1 == 0 }
        if v < 0x370 { return false }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    @inline(__always)
    static func isLower(_ v: UInt32) -> Bool { isLetter(v) && !isUpper(v) && !(v >= 0x300 && v <= 0x36F) }

    /// . ! ? and the ellipsis: punctuation that can end a sentence.
    @inline(__always)
    static func isTerminal(_ v: UInt32) -> Bool { v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 }

    /// Quotes and brackets that close what a sentence opened (and the caption marker "|").
    @inline(__always)
    static func isCloser(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A, 0x7C: return true
        default: return false
        }
    }

    /// Quotes and brackets that open.
    @inline(__always)
    static func isOpener(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201C, 0x2039: return true
        default: return false
        }
    }
}

/// A pattern matched against text ignoring case, scalar by scalar, without building strings.
/// Lower-casing keeps the UTF-8 length of the Latin letters Triglot reads, so a match of the pattern covers
/// `utf8Count` bytes of the text.
struct CaselessPattern: Sendable {
    let scalars: [UInt32]
    let utf8Count: Int

    init(_ pattern: String) {
        scalars = pattern.unicodeScalars.map { Scalars.lowercased($0.value) }
        utf8Count = pattern.utf8.count
    }
}

extension UTF8Text {
    /// Whether `pattern` occurs at `offset`, ending at or before `limit`.
    func matches(_ pattern: CaselessPattern, at offset: Int, limit: Int) -> Bool {
        var position = offset
        for expected in pattern.scalars {
            guard position < limit else { return false }
            let (value, length) = scalar(at: position)
            if Scalars.lowercased(value) != expected { return false }
            position += length
        }
        return true
    }

    /// Whether `range` starts with `pattern`.
    func hasPrefix(_ pattern: CaselessPattern, in range: Range<Int>) -> Bool {
        matches(pattern, at: range.lowerBound, limit: range.upperBound)
    }

    /// Whether `range` ends with `pattern`.
    func hasSuffix(_ pattern: CaselessPattern, in range: Range<Int>) -> Bool {
        let start = range.upperBound - pattern.utf8Count
        guard start >= range.lowerBound, start == range.lowerBound || bytes[start] & 0xC0 != 0x80 else { return false }
        return matches(pattern, at: start, limit: range.upperBound)
    }

    /// Whether `pattern` occurs anywhere in `range`.
    func contains(_ pattern: CaselessPattern, in range: Range<Int>) -> Bool {
        guard let first = pattern.scalars.first else { return true }
        var position = range.lowerBound
        while position + pattern.utf8Count <= range.upperBound {
            let (value, length) = scalar(at: position)
            if Scalars.lowercased(value) == first && matches(pattern, at: position, limit: range.upperBound) {
                return true
            }
            position += length
        }
        return false
    }

    /// The number of words (runs of non-space) in `range`.
    func wordCount(in range: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        var position = range.lowerBound
        while position < range.upperBound {
            let (value, length) = scalar(at: position)
            let space = Scalars.isSpace(value)
            if !space && !inWord { count += 1 }
            inWord = !space
            position += length
        }
        return count
    }
}

/// Tests on the eight bytes of a `UInt64` at once (SWAR): each answer has 0x80 set in the bytes that pass.
enum ByteLanes {
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// Bytes from 0xCD up: lead bytes of scalars from U+0340 up.
    @inline(__always)
    static func atLeastCD(_ lanes: UInt64) -> UInt64 {
        ((lanes & low7) &+ 0x3333_3333_3333_3333) & lanes & high  // (low seven bits from 0x4D up, and the high bit)
    }

    /// ASCII digits 0–9.
    @inline(__always)
    static func digits(_ lanes: UInt64) -> UInt64 {
        let low = lanes & low7  // (no carry from one byte into the next below)
        let atLeast0 = low &+ 0x5050_5050_5050_5050  // 0x80 and up from 0x30
        let past9 = low &+ 0x4646_4646_4646_4646  // 0x80 and up from 0x3A
        return atLeast0 & ~past9 & ~lanes & high
    }
}
