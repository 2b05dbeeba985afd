import Foundation

/// A self-contained HTML page for reviewing an alignment: the versions side by side, one column per version and
/// one row per bead.
///
/// The page needs no network: its style and script are inline. It shows each bead's confidence as a number and
/// on a red-to-green scale, sets apart beads that link nothing (a unit found in one version only) and page
/// furniture (boilerplate and datelines), marks crossing links (beads out of order in some version), and
/// highlights the entities of an ``ArticleRecord``: hovering one shows its value and lights up the mentions it is
/// linked to in the other versions. A summary on top gives the languages, the bead shapes, the mean confidence of
/// the links and the links under ``lowConfidence``.
///
/// ```swift
/// let documents = try [vietnamese, english].map { try Segmenter().segment($0) }
/// let record = ArticleProcessor().process(documents)
/// let html = ReviewPage(record: record, documents: documents).html()
/// ```
/// The markup is also well-formed XML (every element closed, script and style in CDATA sections), so XML tools
/// can check it. Rendering is linear in the size of the alignment, and the script touches each element once at
/// load, so pages of thousands of beads stay responsive.
public struct ReviewPage: Sendable {
    /// The page title (by default the versions' sources).
    public var title: String
    /// Links under this confidence are flagged and counted in the summary.
    public var lowConfidence = 0.7

    let alignment: Alignment
    let versions: [ReviewVersion]
    let entities: [ArticleRecord.Entity]
    /// The rows of the table: the alignment's beads, in order, then one row for each unit no bead holds (every
    /// unit of a single version, whose record has no beads), so that every unit is shown once.
    let rows: [ReviewRow]

    /// The page of an article record, with the segmented versions it was made from (in the record's order), so
    /// that every unit and mention can be shown in its text.
    public init(record: ArticleRecord, documents: [Document], title: String? = nil) {
        precondition(documents.count == record.alignment.sentenceCounts.count || record.alignment.beads.isEmpty,
                     "one document per version of the record, in the record's order")
        alignment = record.alignment
        entities = record.entities
        var versions = documents.enumerated().map { v, document in ReviewVersion(document: document, number: v) }
        for (e, entity) in record.entities.enumerated() {
            for mention in entity.mentions where versions.indices.contains(mention.version) {
                versions[mention.version].mark(mention, entity: e)
            }
        }
        self.versions = versions
        self.title = title ?? Self.defaultTitle(documents.map(\.source))
        rows = Self.rows(of: alignment, unitCounts: versions.map(\.units.count))
    }

    /// The page of a bare alignment (no entities), for versions given as sentences, such as pre-segmented input.
    public init(alignment: Alignment, sides: [AlignmentSide], sources: [String?] = [], title: String? = nil) {
        self.alignment = alignment
        entities = []
        versions = sides.enumerated().map { v, side in
            ReviewVersion(side: side, source: v < sources.count ? sources[v] : nil, number: v)
        }
        self.title = title ?? Self.defaultTitle(sources)
        rows = Self.rows(of: alignment, unitCounts: versions.map(\.units.count))
    }

    /// The beads as rows, then a row for each unit of each version that no bead holds.
    static func rows(of alignment: Alignment, unitCounts: [Int]) -> [ReviewRow] {
        var rows = alignment.beads.map { ReviewRow(sentences: $0.sentences, confidence: $0.confidence) }
        for (version, count) in unitCounts.enumerated() {
            var held = Array(repeating: false, count: count)
            for bead in alignment.beads where version < bead.sentences.count {
                for k in bead.sentences[version] where k < count { held[k] = true }
            }
            for k in 0..<count where !held[k] {
                var sentences = Array(repeating: 0..<0, count: unitCounts.count)
                sentences[version] = k..<k + 1
                rows.append(ReviewRow(sentences: sentences, confidence: nil))
            }
        }
        return rows
    }

    private static func defaultTitle(_ sources: [String?]) -> String {
        let names = sources.compactMap { $0.map { URL(fileURLWithPath: $0).lastPathComponent } }
        return names.isEmpty ? "Alignment review" : "Alignment review: " + names.joined(separator: " · ")
    }

    /// The page, as one HTML document.
    public func html() -> String {
        var writer = ReviewMarkup(page: self)
        return writer.document()
    }

    /// For each row, whether it is a crossing link: a bead out of the longest in-order chain of beads in some
    /// version.
    ///
    /// Beads are in the order of the first version; a link recovered after the monotonic pass ("the lead moved")
    /// points backwards or forwards in another version, and the longest increasing run of each version's sentence
    /// positions leaves exactly those beads out. O(n log n).
    var crossing: [Bool] {
        var crossing = Array(repeating: false, count: rows.count)
        for version in alignment.sentenceCounts.indices {
            let positions = alignment.beads.enumerated().compactMap { k, bead -> (bead: Int, start: Int)? in
                guard version < bead.sentences.count, !bead.sentences[version].isEmpty else { return nil }
                return (k, bead.sentences[version].lowerBound)
            }
            let kept = Set(Self.longestIncreasingRun(positions.map(\.start)))
            for (i, position) in positions.enumerated() where !kept.contains(i) && bead(position.bead).isLink {
                crossing[position.bead] = true
            }
        }
        return crossing
    }

    private func bead(_ k: Int) -> Bead { alignment.beads[k] }

    /// Indices of a longest strictly increasing subsequence of `values` (patience sorting).
    static func longestIncreasingRun(_ values: [Int]) -> [Int] {
        var tails: [Int] = []  // index of the smallest tail of each run length
        var previous = Array(repeating: -1, count: values.count)
        for (i, value) in values.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[i] = tails[low - 1] }
            if low == tails.count { tails.append(i) } else { tails[low] = i }
        }
        var run: [Int] = []
        var i = tails.last ?? -1
        while i >= 0 { run.append(i); i = previous[i] }
        return run.reversed()
    }
}

/// One row of the review table: a bead, or a unit that no bead holds (no confidence).
struct ReviewRow: Sendable {
    /// One range of unit indices per version (`0..<0` for a version the row leaves out).
    var sentences: [Range<Int>]
    /// The bead's confidence; nil for a unit outside every bead.
    var confidence: Double?

    /// Whether the row links at least two versions.
    var isLink: Bool { sentences.filter { !$0.isEmpty }.count >= 2 }
    /// The bead's shape, as ``Bead/shape`` writes it.
    var shape: String { sentences.map { String($0.count) }.joined(separator: "-") }
}

/// One version as the review page shows it: its units with their language, kind and highlighted mentions.
struct ReviewVersion: Sendable {
    struct Unit: Sendable {
        var text: String
        var language: Language
        var kind: ParagraphKind
        /// UTF-8 offset of the unit in its version's text (0 for pre-segmented input).
        var start: Int
        /// Highlighted mentions: UTF-8 offsets into `text`, with the entity's index; in text order, not overlapping.
        var marks: [(range: Range<Int>, entity: Int)] = []
    }

    var label: String
    var units: [Unit]

    init(document: Document, number: Int) {
        label = document.source.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "version \(number + 1)"
        units = document.sentences.map { sentence in
            let paragraph = document.paragraphs.indices.contains(sentence.paragraph) ? document.paragraphs[sentence.paragraph] : nil
            // A sentence's own kind differs from its paragraph's only for material split off it; documents read
            // back from a store carry the paragraph's kind alone.
            let kind = sentence.kind == .body ? paragraph?.kind ?? .body : sentence.kind
            let language = sentence.language.isDetermined ? sentence.language : paragraph?.language ?? .undetermined
            return Unit(text: String(document.text(of: sentence)), language: language, kind: kind, start: sentence.span.start)
        }
    }

    init(side: AlignmentSide, source: String?, number: Int) {
        label = source.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "version \(number + 1)"
        units = side.sentences.indices.map { k in
            Unit(text: side.sentences[k], language: side.languages[k], kind: side.kinds[k], start: 0)
        }
    }

    /// Highlights `mention` of entity `entity` in its unit; a mention overlapping one already marked is left out.
    mutating func mark(_ mention: ArticleRecord.LinkedMention, entity: Int) {
        guard units.indices.contains(mention.sentence) else { return }
        let unit = units[mention.sentence]
        let length = unit.text.utf8.count
        let lower = min(max(mention.start - unit.start, 0), length), upper = min(max(mention.end - unit.start, 0), length)
        guard lower < upper else { return }
        var marks = unit.marks
        let position = marks.firstIndex { $0.range.lowerBound > lower } ?? marks.endIndex
        if position > marks.startIndex, marks[position - 1].range.upperBound > lower { return }
        if position < marks.endIndex, marks[position].range.lowerBound < upper { return }
        marks.insert((lower..<upper, entity), at: position)
        units[mention.sentence].marks = marks
    }
}
