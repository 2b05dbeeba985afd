/// A text as read, with its paragraphs and sentences.
///
/// The document owns the original text; paragraphs and sentences are spans of UTF-8 byte offsets into it.
/// Create one with ``Segmenter/segment(_:source:)``:
/// ```swift
/// let document = try Segmenter().segment(text, source: "notice.txt")
/// for sentence in document.sentences {
///     print(sentence.language, document.text(of: sentence))
/// }
/// ```
public struct Document: Sendable, Codable {
    /// The original text, exactly as given (after decoding, for files that were not UTF-8).
    public let text: String
    /// Where the text came from (a path, a URL or a name), if known.
    public let source: String?
    /// The paragraphs, in text order; together they hold every sentence.
    public let paragraphs: [Paragraph]
    /// The sentences (units), in text order.
    public let sentences: [Sentence]

    /// A document from its parts, as a store or a gold reader rebuilds one; ``Segmenter`` makes them from text.
    public init(text: String, source: String?, paragraphs: [Paragraph], sentences: [Sentence]) {
        self.text = text
        self.source = source
        self.paragraphs = paragraphs
        self.sentences = sentences
    }

    /// The original text covered by `span`.
    public func text(of span: Span) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: span.start)
        let end = utf8.index(start, offsetBy: span.length)
        return text[start..<end]
    }

    /// The original text of `sentence`.
    public func text(of sentence: Sentence) -> Substring { text(of: sentence.span) }
    /// The original text of `paragraph`.
    public func text(of paragraph: Paragraph) -> Substring { text(of: paragraph.span) }

    /// The sentences of `paragraph`.
    public func sentences(of paragraph: Paragraph) -> ArraySlice<Sentence> { sentences[paragraph.sentences] }

    /// The languages of the body text, most bytes first (a file may switch language midway).
    public var languages: [Language] { languageBytes.map(\.language) }

    /// The languages of the body text and headings with their UTF-8 bytes, most first.
    public var languageBytes: [(language: Language, bytes: Int)] {
        var bytes: [Language: Int] = [:]
        for paragraph in paragraphs where paragraph.kind == .body || paragraph.kind == .heading {
            for sentence in sentences[paragraph.sentences] where sentence.language.isDetermined {
                bytes[sentence.language, default: 0] += sentence.span.length
            }
        }
        return bytes.sorted { ($0.value, $1.key.code) > ($1.value, $0.key.code) }.map { ($0.key, $0.value) }
    }
}
