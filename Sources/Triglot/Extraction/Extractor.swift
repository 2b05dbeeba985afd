import Foundation

/// Extracts mentions from a segmented document, sentence by sentence: dates, document references, named bodies
/// and people with their posts.
public struct Extractor: Sendable {
    public init() {}

    /// The mentions of `document`, in text order. `articleDate` completes partial dates; when nil, the
    /// document's dateline gives it, or failing that the latest full date the text mentions.
    public func mentions(in document: Document, articleDate: DateComponents? = nil) -> [Mention] {
        let dates = DateExtractor()
        let references = DocumentReferenceExtractor()
        let bodies = BodyExtractor()
        let people = PersonExtractor()
        let article = articleDate ?? dates.articleDate(of: document) ?? latestFullDate(in: document)
        let isoDate = article.flatMap { d in d.year.map { String(format: "%04d-%02d-%02d", $0, d.month ?? 1, d.day ?? 1) } }
        var result: [Mention] = []
        var coreference = BodyCoreference()
        for sentence in document.sentences {
            let text = String(document.text(of: sentence))
            result += references.mentions(in: text, base: sentence.span.start, dates: dates, articleDate: article)
            result += dates.mentions(in: text, base: sentence.span.start, articleDate: article)
            let named = coreference.settle(bodies.mentions(in: text, base: sentence.span.start, language: sentence.language,
                                                           date: isoDate), language: sentence.language)
            result += named
            result += people.mentions(in: text, base: sentence.span.start, bodies: named)
        }
        return result.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// The latest day the document writes in full (a notice is dated on or after what it cites).
    private func latestFullDate(in document: Document) -> DateComponents? {
        let dates = DateExtractor()
        var latest: String?
        for sentence in document.sentences {
            for mention in dates.mentions(in: String(document.text(of: sentence)))
            where mention.attributes["precision"] == "day" && mention.value.count == 10 && !mention.value.hasPrefix("-") {
                if latest.map({ mention.value > $0 }) ?? true { latest = mention.value }
            }
        }
        guard let latest else { return nil }
        let parts = latest.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? DateComponents(year: parts[0], month: parts[1], day: parts[2]) : nil
    }
}
