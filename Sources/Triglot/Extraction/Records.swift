import Foundation

/// The structured result of processing one article bundle (two or three versions of a notice): the article, the
/// alignment, and the dates, document references and bodies it mentions, each linked across languages.
///
/// JSON is stable (sorted keys) and round-trips. `schemaVersion` changes only when a field changes meaning or
/// goes; new fields are added without a new version. A reader rejects a newer major version it does not know.
public struct ArticleRecord: Codable, Sendable {
    /// The version of this schema.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var article: Article
    public var alignment: Alignment
    /// Entities: a date, reference or body named in one or more versions, with every surface form.
    public var entities: [Entity]

    public struct Article: Codable, Sendable {
        /// One per version, in the order given.
        public var versions: [Version]
        /// The article's date (ISO 8601), from a dateline, the caller, or the latest full date in the text.
        public var date: String?
    }

    public struct Version: Codable, Sendable {
        public var source: String?
        /// Languages of the version, most text first.
        public var languages: [Language]
        /// The first heading, if any.
        public var title: String?
        public var sentenceCount: Int
    }

    /// One thing named across versions.
    public struct Entity: Codable, Sendable {
        public var type: MentionType
        /// The normalised value shared by the linked mentions (for bodies, the most specific identifier).
        public var value: String
        public var mentions: [LinkedMention]
    }

    public struct LinkedMention: Codable, Sendable {
        /// Index of the version (0, 1, 2).
        public var version: Int
        public var language: Language
        /// Index of the sentence in that version.
        public var sentence: Int
        public var text: String
        /// UTF-8 offsets into that version's text.
        public var start: Int
        public var end: Int
        public var value: String
        /// The mention's further facts (see ``Mention/attributes``); absent when there are none.
        public var attributes: [String: String]?

        public init(version: Int, language: Language, sentence: Int, text: String, start: Int, end: Int,
                    value: String, attributes: [String: String]? = nil) {
            self.version = version
            self.language = language
            self.sentence = sentence
            self.text = text
            self.start = start
            self.end = end
            self.value = value
            self.attributes = attributes
        }
    }

    public enum SchemaError: Error, CustomStringConvertible {
        case unsupportedVersion(Int)
        public var description: String {
            switch self {
            case .unsupportedVersion(let version):
                return "record schema version \(version) is newer than this Triglot reads (\(ArticleRecord.currentSchemaVersion)); update Triglot"
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        guard schemaVersion <= Self.currentSchemaVersion else { throw SchemaError.unsupportedVersion(schemaVersion) }
        article = try container.decode(Article.self, forKey: .article)
        alignment = try container.decode(Alignment.self, forKey: .alignment)
        entities = try container.decode([Entity].self, forKey: .entities)
    }

    public init(article: Article, alignment: Alignment, entities: [Entity]) {
        schemaVersion = Self.currentSchemaVersion
        self.article = article
        self.alignment = alignment
        self.entities = entities
    }

    /// The record as stable JSON (sorted keys).
    public func json(pretty: Bool = false) throws -> Data {
        try JSONEncoder.stable(pretty: pretty).encode(self)
    }
}

/// Segments, aligns and extracts an article bundle, and links mentions across languages through the alignment:
/// mentions of the same kind in sentences of one bead that agree in value (the same date, the same reference
/// with Đ and D alike, bodies whose identifiers share a reading) join one entity. A body named ambiguously in one
/// language ("Standing Committee": P03|P04) takes the reading its aligned Vietnamese gives.
public struct ArticleProcessor: Sendable {
    public var aligner = Aligner()
    public var extractor = Extractor()

    public init() {}

    /// Processes one, two or three versions; `articleDate` completes partial dates (else the datelines decide).
    /// A single version gets an alignment without beads and an entity per mention.
    public func process(_ documents: [Document], articleDate: DateComponents? = nil) -> ArticleRecord {
        precondition((1...3).contains(documents.count), "one, two or three versions")
        let sides = documents.map(AlignmentSide.init(document:))
        let alignment: Alignment
        switch documents.count {
        case 1: alignment = Alignment(languages: [documents[0].languages.first ?? .undetermined],
                                      sentenceCounts: [documents[0].sentences.count], beads: [])
        case 2: alignment = aligner.align(sides[0], sides[1])
        default: alignment = aligner.align(sides[0], sides[1], sides[2])
        }
        let dates = DateExtractor()
        let date = articleDate ?? documents.lazy.compactMap { dates.articleDate(of: $0) }.first
        // Each version's mentions with the sentence that holds them, found once (mentions and sentences are both
        // in text order, so one forward walk per version does it).
        let perVersion: [[(mention: Mention, sentence: Int)]] = documents.map { document in
            var k = 0
            return extractor.mentions(in: document, articleDate: date).map { mention in
                while k + 1 < document.sentences.count && document.sentences[k].span.end <= mention.span.start { k += 1 }
                return (mention, k)
            }
        }
        var entities: [ArticleRecord.Entity] = []
        var used = Set<String>()  // "version:mentionIndex"
        for bead in alignment.beads {
            // Mentions in this bead, per version.
            var inBead: [(version: Int, index: Int, mention: Mention, sentence: Int)] = []
            for (version, range) in bead.sentences.enumerated() where !range.isEmpty {
                for (index, found) in perVersion[version].enumerated() where range.contains(found.sentence) {
                    inBead.append((version, index, found.mention, found.sentence))
                }
            }
            for (k, anchor) in inBead.enumerated() where !used.contains("\(anchor.version):\(anchor.index)") {
                var group = [anchor]
                for other in inBead[(k + 1)...] where other.version != anchor.version
                    && !group.contains(where: { $0.version == other.version })
                    && !used.contains("\(other.version):\(other.index)")
                    && Self.agree(anchor.mention, other.mention) {
                    group.append(other)
                }
                guard group.count > 1 else { continue }
                for member in group { used.insert("\(member.version):\(member.index)") }
                entities.append(entity(group.map { ($0.version, $0.mention, $0.sentence) }, documents: documents))
            }
        }
        // Mentions found in one version only are entities of their own.
        for (version, mentions) in perVersion.enumerated() {
            for (index, found) in mentions.enumerated() where !used.contains("\(version):\(index)") {
                entities.append(entity([(version, found.mention, found.sentence)], documents: documents))
            }
        }
        let versions = documents.map { document in
            ArticleRecord.Version(source: document.source, languages: document.languages,
                                  title: document.paragraphs.first { $0.kind == .heading }.map { String(document.text(of: $0)) },
                                  sentenceCount: document.sentences.count)
        }
        let article = ArticleRecord.Article(
            versions: versions,
            date: date.flatMap { d in d.year.map { String(format: "%04d-%02d-%02d", $0, d.month ?? 1, d.day ?? 1) } })
        return ArticleRecord(article: article, alignment: alignment, entities: entities)
    }

    private func entity(_ group: [(Int, Mention, Int)], documents: [Document]) -> ArticleRecord.Entity {
        let values = group.map(\.1.value)
        // The most specific value: a body identifier with a place and a single reading beats "P03|P04".
        let value = values.max { Self.specificity($0) < Self.specificity($1) } ?? values[0]
        let mentions = group.map { version, mention, sentence in
            ArticleRecord.LinkedMention(version: version, language: documents[version].sentences[sentence].language,
                                        sentence: sentence, text: mention.text, start: mention.span.start,
                                        end: mention.span.end, value: mention.value,
                                        attributes: mention.attributes.isEmpty ? nil : mention.attributes)
        }
        return ArticleRecord.Entity(type: group[0].1.type, value: Self.resolved(value, with: values), mentions: mentions)
    }

    private static func specificity(_ value: String) -> Int {
        (value.contains("@") ? 2 : 0) + (value.contains("|") ? 0 : 1)
    }

    /// A body's readings narrowed by the other versions' ("P03|P04" with "P03@nghe-an" → "P03@nghe-an").
    private static func resolved(_ value: String, with values: [String]) -> String {
        let body = BodyValue(value)
        guard body.ids.count > 1 else { return value }
        let others = values.map(BodyValue.init)
        let common = others.dropFirst().reduce(Set(others[0].ids)) { $0.intersection($1.ids) }
        guard !common.isEmpty else { return value }
        return BodyValue(ids: common.sorted(), place: others.lazy.compactMap(\.place).first).text
    }

    /// Whether two mentions in aligned sentences name the same thing.
    static func agree(_ a: Mention, _ b: Mention) -> Bool {
        guard a.type == b.type else { return false }
        switch a.type {
        case .date:
            return a.value == b.value
        case .docref:
            return Normalization.folded(a.value) == Normalization.folded(b.value)
        case .body:
            let va = BodyValue(a.value), vb = BodyValue(b.value)
            guard !Set(va.ids).isDisjoint(with: vb.ids) else { return false }
            if let pa = va.place, let pb = vb.place { return pa == pb }
            return true
        case .person:
            return Normalization.folded(a.value) == Normalization.folded(b.value)
        }
    }
}
