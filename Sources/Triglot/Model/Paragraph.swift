/// What a paragraph is on the page. Nothing is dropped from a document: furniture stays, flagged.
public enum ParagraphKind: String, Codable, Sendable, CaseIterable {
    /// Running text of the article, including the lead.
    case body
    /// The title and section headings.
    case heading
    /// Photo captions, credits and image file names.
    case caption
    /// A line that carries only the publication date (often glued to the site name).
    case dateline
    /// Page furniture: menus, players, "Comment (0)", source links, bylines, related-article lists, image file
    /// names, credits and signatures on their own, separator lines, syndication datelines.
    case boilerplate

    /// Whether the material is not article text (boilerplate, or a dateline): never aligned, never extracted from,
    /// and counted as boilerplate by the news conventions.
    public var isPageFurniture: Bool { self == .boilerplate || self == .dateline }
}

/// A paragraph of a document: a span of the original text with its kind and language.
public struct Paragraph: Hashable, Codable, Sendable {
    /// Position among the document's paragraphs, from 0.
    public var index: Int
    /// UTF-8 byte offsets of the paragraph, without surrounding white space.
    public var span: Span
    /// What the paragraph is on the page.
    public var kind: ParagraphKind
    /// The language most of the paragraph is in (`und` when too little tells).
    public var language: Language
    /// Indices into `Document.sentences` of this paragraph's sentences.
    public var sentences: Range<Int>

    /// A paragraph from its parts.
    public init(index: Int, span: Span, kind: ParagraphKind, language: Language, sentences: Range<Int>) {
        self.index = index
        self.span = span
        self.kind = kind
        self.language = language
        self.sentences = sentences
    }
}
