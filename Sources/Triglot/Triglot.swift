import Foundation

/// Processes one article bundle in one call: the versions' texts in, the ``ArticleRecord`` out.
///
/// Each text is checked (``InputError``: empty, binary, HTML…), segmented (``Segmenter``), the versions are
/// aligned (two or three; ``Aligner``), and dates, document references, bodies and people are extracted and linked
/// across languages (``ArticleProcessor``). For the parts on their own, or to share one configured segmenter and
/// processor across many bundles, use those types.
///
/// ```swift
/// import Triglot
///
/// let record = try Triglot.process([vietnamese, french, english], date: "2023-08-28")
/// for bead in record.alignment.links(minimumConfidence: 0.7) {
///     print(bead.sentences, bead.confidence)
/// }
/// for entity in record.entities where entity.type == .docref {
///     print(entity.value, entity.mentions.map(\.text))   // 39-NQ/TW ["Nghị quyết số 39-NQ/TW", "Resolution No. 39-NQ/TW"]
/// }
/// ```
///
/// - Parameters:
///   - versions: One, two or three texts of the same article (one version may hold two languages, as a page
///     that switches to a translation midway). A single text gets its mentions without an alignment.
///   - date: The article's date, `YYYY-MM-DD`, used to complete partial dates ("le 3 août"); without it, the
///     texts' datelines decide.
///   - sources: Names for the versions (paths, URLs), carried into the record; in the order of `versions`.
/// - Returns: The record: the versions, the alignment (beads of sentence indices with confidences), and the
///   entities with every version's mentions (UTF-8 offsets into each text).
/// - Throws: ``ProcessingError`` for a wrong number of versions or an impossible date, ``InputError`` for a text
///   that is not one (naming the version), ``BundledDataError`` if a data file is missing from the build.
public func process(_ versions: [String], date: String? = nil, sources: [String] = []) throws -> ArticleRecord {
    guard (1...3).contains(versions.count) else { throw ProcessingError.versionCount(versions.count) }
    var articleDate: DateComponents?
    if let date {
        guard let components = ArticleDates.components(date) else { throw ProcessingError.invalidDate(date) }
        articleDate = components
    }
    try BundledData.check()
    let reader = TextReader()
    let segmenter = Segmenter()
    let documents = try versions.enumerated().map { k, text in
        let source = k < sources.count ? sources[k] : nil
        let input = try reader.decode(Array(text.utf8), source: source ?? "version \(k + 1)")
        return try segmenter.segment(input.text, source: source)
    }
    return ArticleProcessor().process(documents, articleDate: articleDate)
}

/// Why ``process(_:date:sources:)`` refused its arguments.
public enum ProcessingError: Error, Equatable, Sendable, LocalizedError {
    /// Not one, two or three versions.
    case versionCount(Int)
    /// A date that is not `YYYY-MM-DD`, or not a day of the calendar (2023-02-30).
    case invalidDate(String)

    /// What was wrong, and what is expected.
    public var errorDescription: String? {
        switch self {
        case .versionCount(let count):
            return "give one, two or three versions of the article, not \(count)"
        case .invalidDate(let text):
            return "the article date takes YYYY-MM-DD (a day of the calendar), not \(text)"
        }
    }
}
