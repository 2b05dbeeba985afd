/// A sentence of a document: a span of the original text with its language.
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
    public var language: Language

    public init(index: Int, paragraph: Int, span: Span, language: Language) {
        self.index = index
        self.paragraph = paragraph
        self.span = span
        self.language = language
    }
}
