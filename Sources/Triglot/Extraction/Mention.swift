/// What a mention names.
public enum MentionType: String, Codable, Sendable, CaseIterable {
    case date
    case body
    case docref
    case person
}

/// An expression found in a document: its exact span in the original text, and its normalised value.
///
/// Span conventions: a mention's span is the expression itself, without a leading article or determiner
/// (the, le, la, les, các, những) and without a cue word before a date (ngày, on, le, sáng, chiều): "27 janvier" in
/// "le 27 janvier". A reference's span runs from its type word to its code ("Nghị quyết số 39-NQ/TW",
/// "Resolution No. 39-NQ/TW", "résolution n° 147-NQ/TU").
public struct Mention: Codable, Sendable, Hashable {
    public var type: MentionType
    /// UTF-8 byte offsets into the document's text.
    public var span: Span
    public var text: String
    /// The normalised value: an ISO 8601 date, interval or recurrence for dates (see ``DateExtractor``), the
    /// canonical code for references ("39-NQ/TW").
    public var value: String
    /// Further facts, by name: for dates `precision`, `role`, `completed`; for references `number`, `kind`,
    /// `issuer`, `system`, `year`, `date`.
    public var attributes: [String: String]

    public init(type: MentionType, span: Span, text: String, value: String, attributes: [String: String] = [:]) {
        self.type = type
        self.span = span
        self.text = text
        self.value = value
        self.attributes = attributes
    }
}
