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
        let decomposed = Array(nfd(text.lowercased()).unicodeScalars)
        var output = String.UnicodeScalarView()
        var syllable: [Unicode.Scalar] = []
        func flush() {
            output.append(contentsOf: VietnameseTone.canonical(syllable))
            syllable.removeAll(keepingCapacity: true)
        }
        for scalar in decomposed {
            if Scalars.isLetter(scalar.value) { syllable.append(scalar) } else { flush(); output.append(scalar) }
        }
        flush()
        return nfc(String(output))
    }

    /// The form used to compare names written with and without diacritics ("Nghệ An" and "Nghe An"):
    /// lower case, every combining mark removed, đ as d, œ as oe and æ as ae.
    public static func folded(_ text: String) -> String {
        if let lowered = asciiLowercased(text) { return lowered }
        var output = String.UnicodeScalarView()
        for scalar in nfd(text.lowercased()).unicodeScalars {
            switch scalar.value {
            case 0x300...0x36F: continue
            case 0x111: output.append("d")
            case 0x153: output.append(contentsOf: "oe".unicodeScalars)
            case 0xE6: output.append(contentsOf: "ae".unicodeScalars)
            default: output.append(scalar)
            }
        }
        return String(output)
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
        let toneMarks = syllable.filter { tones.contains($0.value) }
        guard toneMarks.count == 1, let tone = toneMarks.first else { return syllable }
        var letters = syllable.filter { !tones.contains($0.value) }
        let plain = String(String.UnicodeScalarView(letters))
        // qu + y: the tone belongs on y ("quý").
        if plain.hasSuffix("quy") {
            letters.append(tone)
            return letters
        }
        for cluster in ["oa", "oe", "uy"] where plain.hasSuffix(cluster) {
            let vowelsBefore = plain.dropLast(2).unicodeScalars.last.map { "aeiouy".unicodeScalars.contains($0) } ?? false
            guard !vowelsBefore else { return syllable }
            // Tone on the first vowel of the cluster: after letters.count - 2.
            let insertAt = letters.count - 1
            letters.insert(tone, at: insertAt)
            return letters
        }
        return syllable
    }
}
