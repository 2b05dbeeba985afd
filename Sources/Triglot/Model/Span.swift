/// A half-open range of **UTF-8 byte offsets** into a document's original text.
///
/// Every paragraph, sentence and (later) mention is a `Span` into the text the caller gave, so it maps back to the
/// input exactly; normalised forms used for matching are computed on demand and never replace the original.
public struct Span: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// UTF-8 byte offset of the first byte.
    public var start: Int
    /// UTF-8 byte offset one past the last byte.
    public var end: Int

    /// The span from `start` to `end` (UTF-8 byte offsets); `start` must not exceed `end`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end (\(end)) before it starts (\(start))")
        self.start = start
        self.end = end
    }

    /// The number of UTF-8 bytes covered.
    public var length: Int { end - start }
    /// Whether the span covers no byte.
    public var isEmpty: Bool { start == end }

    /// Whether `offset` lies inside the span (start included, end excluded).
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: Span) -> Bool { other.start >= start && other.end <= end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}
