/// A language, named by its ISO 639-1 code (`vi`, `fr`, `en`), or `und` when it could not be determined.
///
/// Triglot identifies Vietnamese, French and English itself; other codes can be given by callers (for example for
/// pre-segmented input in another language) and are carried through unchanged.
public struct Language: Hashable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The ISO 639-1 code, lower case (`und` for undetermined).
    public let code: String

    /// Creates a language from an ISO 639-1 (two letters) or ISO 639-2/3 (three letters) code.
    /// Returns `nil` for anything else, so a typo on the command line is an error rather than a silent `und`.
    public init?(code: String) {
        let lowered = code.lowercased()
        guard (2...3).contains(lowered.count), lowered.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        self.code = lowered
    }

    public init(stringLiteral value: String) {
        guard let language = Language(code: value) else { preconditionFailure("not a language code: \(value)") }
        self = language
    }

    /// Vietnamese, `vi`.
    public static let vietnamese: Language = "vi"
    /// French, `fr`.
    public static let french: Language = "fr"
    /// English, `en`.
    public static let english: Language = "en"
    /// Not determined: too little evidence (a number, a name, a date) or a language Triglot does not identify.
    public static let undetermined: Language = "und"

    /// The languages Triglot identifies by itself.
    public static let identified: [Language] = [.vietnamese, .french, .english]

    /// Whether the language is known (not `und`).
    public var isDetermined: Bool { self != .undetermined }
    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let language = Language(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a language code: \(code)")
        }
        self = language
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
