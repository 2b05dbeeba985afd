/// What a sentence is on the page when it is not simply its paragraph's kind: material split off a paragraph that is
/// not page text, as the news conventions define it.
enum UnitKinds {
    /// The kind of the sentence at `range`, the `position`-th of `count` sentences of a paragraph of kind
    /// `paragraphKind`.
    static func kind(of range: Range<Int>, position: Int, of count: Int, paragraph: Span, paragraphKind: ParagraphKind,
                     text: UTF8Text) -> ParagraphKind {
        if position == 0 && StoreDatePrefix.end(in: text, paragraph: paragraph) == range.upperBound { return .boilerplate }
        if position == 1, let label = SectionLabel.afterStorePrefix(in: text, paragraph: paragraph),
           label.start == range.lowerBound, label.end == range.upperBound {
            return .boilerplate
        }
        guard count > 1 else { return paragraphKind }
        if ImageLabel.endsWithLabel(text, Span(start: range.lowerBound, end: range.upperBound)) { return .boilerplate }
        if position == count - 1 && AgencySignature.isWhole(text, Span(start: range.lowerBound, end: range.upperBound)) {
            return .boilerplate
        }
        return paragraphKind
    }
}
