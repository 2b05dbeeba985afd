import TriglotICU

/// Normalised forms of text for matching. They never replace the original: spans always point into the text
/// as given, and these forms are computed from it when a comparison needs them.
public enum Normalization {
    /// Unicode NFC (composed) form, through ICU.
    public static func nfc(_ text: String) -> String { normalize(text, form: Int32(TG_NFC)) }

    /// Unicode NFD (decomposed) form, through ICU.
    public static func nfd(_ text: String) -> String { normalize(text, form: Int32(TG_NFD)) }

    /// The form used to compare words across spelling variants: NFC, lower case, and the Vietnamese tone mark
    /// in one place for both the old and the new convention ("hoà" and "hòa", "Tỉnh uỷ" and "Tỉnh ủy", "qúy" and
    /// "quý" all give the same form). Diacritics are kept: "ban" and "bàn" stay different.
    public static func matchingForm(_ text: String) -> String {
        // ASCII text has no marks to compose or move: its form is its lower case.
        if let lowered = asciiLowercased(text) { return lowered }
        let decomposed = Array(nfd(lowercased(text)).unicodeScalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(decomposed.count)
        var syllableStart = 0
        for (k, scalar) in decomposed.enumerated() where !Scalars.isLetter(scalar.value) {
            VietnameseTone.appendCanonical(decomposed[syllableStart..<k], to: &output)
            output.append(scalar)
            syllableStart = k + 1
        }
        VietnameseTone.appendCanonical(decomposed[syllableStart...], to: &output)
        return nfc(Scalars.string(output))
    }

    /// The form used to compare names written with and without diacritics ("Nghệ An" and "Nghe An"):
    /// lower case, every combining mark removed, đ as d, œ as oe and æ as ae.
    public static func folded(_ text: String) -> String {
        if let lowered = asciiLowercased(text) { return lowered }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in nfd(lowercased(text)).unicodeScalars {
            switch scalar.value {
            case 0x300...0x36F: continue
            case 0x111: output.append("d")
            case 0x153: output.append(contentsOf: ["o", "e"])
            case 0xE6: output.append(contentsOf: ["a", "e"])
            default: output.append(scalar)
            }
        }
        return Scalars.string(output)
    }

    /// `text.lowercased()`, scalar for scalar (each scalar's full lower-case mapping, as the standard library
    /// gives it), with the scalars below ``lowerCaseLimit`` read from a table and the text encoded in one pass.
    static func lowercased(_ text: String) -> String {
        if let lowered = asciiLowercased(text) { return lowered }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.utf8.count)
        lowerCase.withUnsafeBufferPointer { table in
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v < 0x80 {
                    output.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
                } else if v < lowerCaseLimit, table[Int(v)] != severalScalars {
                    output.append(Unicode.Scalar(table[Int(v)]).unsafelyUnwrapped)
                } else {
                    output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
        }
        return Scalars.string(output)
    }

    /// Scalars below this have an entry in ``lowerCase``.
    static let lowerCaseLimit: UInt32 = 0x2000
    /// The entry of a scalar whose lower case is several scalars (U+0130, İ).
    static let severalScalars = UInt32.max

    /// Per scalar below ``lowerCaseLimit``: its lower case when that is one scalar (itself when it has none),
    /// else ``severalScalars``; a value that is no scalar (a surrogate) maps to itself.
    static let lowerCase: [UInt32] = (0..<lowerCaseLimit).map { v in
        guard let scalar = Unicode.Scalar(v) else { return v }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first!.value : severalScalars
    }

    /// The lower case of `text` when it is all ASCII, else nil.
    static func asciiLowercased(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var hasUpper = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            }
            guard hasUpper else { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (k, byte) in bytes.enumerated() { buffer[k] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
                return bytes.count
            }
        }
    }

    private static func normalize(_ text: String, form: Int32) -> String {
        var text = text
        return text.withUTF8 { input -> String in
            guard let base = input.baseAddress, input.count > 0 else { return "" }
            var capacity = input.count * 3 + 16
            while true {
                var status: Int32 = 0
                var length: Int64 = 0
                let result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    length = tg_normalize_utf8(form, base, Int64(input.count), buffer.baseAddress, Int64(capacity), &status)
                    initialized = length >= 0 && length <= capacity ? Int(length) : 0
                }
                if length < 0 { return String(decoding: input, as: UTF8.self) }  // ICU refused: keep the text
                if length <= capacity { return String(decoding: result, as: UTF8.self) }
                capacity = Int(length)
            }
        }
    }
}

/// Placement of the Vietnamese tone mark within a syllable (in NFD, lower case).
enum VietnameseTone {
    /// grave, acute, tilde, hook above, dot below
    private static let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// The syllable with its tone mark moved to the place the traditional convention gives it, for the three
    /// clusters whose placement varies between conventions: open syllables in oa, oe, uy ("hoà" → "hòa",
    /// "thuỷ" → "thủy"), and "qúy" → "quý". Any other word, Vietnamese or not, is returned unchanged.
    static func canonical(_ syllable: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        appendCanonical(syllable[...], to: &result)
        return result
    }

    /// The same, appended to `output`.
    static func appendCanonical(_ syllable: ArraySlice<Unicode.Scalar>, to output: inout [Unicode.Scalar]) {
        var tone: Unicode.Scalar?
        var toneCount = 0
        for scalar in syllable where isTone(scalar.value) {
            tone = scalar
            toneCount += 1
        }
        guard toneCount == 1, let tone else {
            output.append(contentsOf: syllable)
            return
        }
        // The letters (with any other marks) in order, then the tone where it belongs.
        let start = output.count
        for scalar in syllable where !isTone(scalar.value) { output.append(scalar) }
        let letters = output.count - start
        func letter(fromEnd k: Int) -> UInt32? { letters >= k ? output[output.count - k].value : nil }
        // qu + y: the tone belongs on y ("quý").
        if letter(fromEnd: 3) == 0x71, letter(fromEnd: 2) == 0x75, letter(fromEnd: 1) == 0x79 {
            output.append(tone)
            return
        }
        // Open syllables in oa, oe, uy: the tone on the first vowel of the cluster, unless a vowel comes before it.
        let last = letter(fromEnd: 1), beforeLast = letter(fromEnd: 2)
        if (beforeLast == 0x6F && (last == 0x61 || last == 0x65)) || (beforeLast == 0x75 && last == 0x79) {
            let vowelBefore = letter(fromEnd: 3).map { [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79].contains($0) } ?? false
            if !vowelBefore {
                output.insert(tone, at: output.count - 1)
                return
            }
        }
        // As written.
        output.removeSubrange(start...)
        output.append(contentsOf: syllable)
    }

    @inline(__always)
    private static func isTone(_ value: UInt32) -> Bool {
        value == 0x300 || value == 0x301 || value == 0x303 || value == 0x309 || value == 0x323
    }
}
