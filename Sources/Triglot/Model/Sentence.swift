/// A sentence of a document (a unit, in the terms of the news conventions): a span of the original text with its
/// language and kind.
///
/// Headings, captions, datelines and furniture lines are sentences too (never glued to their neighbours), so that
/// an aligner can leave them unaligned on their own.
public struct Sentence: Hashable, Codable, Sendable {
    /// Position among the document's sentences, from 0.
    public var index: Int
    /// Index of the paragraph that holds the sentence.
    public var paragraph: Int
    /// UTF-8 byte offsets of the sentence, without surrounding white space.
    public var span: Span
    /// The sentence's language: its own when it has enough evidence, else its paragraph's.
    public var language: Language
    /// What the sentence is on the page: its paragraph's kind, except for material split off a paragraph that is
    /// not page text (the page store's date prefix before a title, an agency signature after the last sentence,
    /// a syndication dateline), which is ``ParagraphKind/boilerplate``.
    public var kind: ParagraphKind

    /// A sentence from its parts.
    public init(index: Int, paragraph: Int, span: Span, language: Language, kind: ParagraphKind = .body) {
        self.index = index
        self.paragraph = paragraph
        self.span = span
        self.language = language
        self.kind = kind
    }

    private enum CodingKeys: String, CodingKey { case index, paragraph, span, language, kind }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        paragraph = try container.decode(Int.self, forKey: .paragraph)
        span = try container.decode(Span.self, forKey: .span)
        language = try container.decode(Language.self, forKey: .language)
        // Documents written before sentences had kinds: the kind is then the paragraph's, unknown here.
        kind = try container.decodeIfPresent(ParagraphKind.self, forKey: .kind) ?? .body
    }
}
