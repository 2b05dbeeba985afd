import Foundation

/// The structured result of processing one article bundle (two or three versions of a notice): the article, the
/// alignment, and the dates, document references and bodies it mentions, each linked across languages.
///
/// JSON is stable (sorted keys) and round-trips. `schemaVersion` changes only when a field changes meaning or
/// goes; new fields are added without a new version. A reader rejects a newer major version it does not know.
///
/// Version 2 (the news conventions): a body's value is its canonical English name (`Nghe An Provincial Party
/// Committee`), with its gazetteer id in `id` where it has one (version 1 gave codes such as `P01@nghe-an`); a
/// reference mention's value is the object `{kind, number, date}` (version 1: the code), the entity's value staying
/// the code; dates keep ISO 8601 values, without the open interval `../` for "before" (now the role `before`);
/// mentions are no longer read in page furniture; people carry their post.
public struct ArticleRecord: Codable, Sendable {
    /// The version of this schema.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var article: Article
    public var alignment: Alignment
    /// Entities: a date, reference or body named in one or more versions, with every surface form.
    public var entities: [Entity]
    /// For three versions, each pair's own view of the three-way alignment (versions 0–1, 0–2 and 1–2), which the
    /// triples of ``alignment`` were merged from: where two views split the same sentences differently, no set of
    /// triples holds both, and a pair's view keeps that pair's links (the better alignment of that pair alone).
    /// Absent for one or two versions.
    public var pairs: [PairAlignment]?

    /// One pair of versions aligned on its own terms: the versions' positions in the record and their beads (two
    /// sides each, in the order of `versions`).
    public struct PairAlignment: Codable, Sendable {
        /// The positions of the two versions, first < second.
        public var versions: [Int]
        /// The pair's beads, two sides each (the version at `versions[0]` first).
        public var alignment: Alignment

        /// A pair of versions and their alignment.
        public init(versions: [Int], alignment: Alignment) {
            self.versions = versions
            self.alignment = alignment
        }
    }

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
        /// The value shared by the linked mentions: an ISO 8601 date, a reference's code, a body's canonical
        /// English name (its Vietnamese mention's where the versions word it differently), a person's folded name.
        public var value: String
        /// A body's gazetteer id, where it has one.
        public var id: String?
        public var mentions: [LinkedMention]
    }

    /// A mention's value as JSON writes it: a string (a date, a body's name, a person's name), or a reference's
    /// `{kind, number, date}` (null fields written as null).
    public enum Value: Codable, Sendable, Hashable {
        case text(String)
        case reference(kind: String?, number: String, date: String?)

        private enum Keys: String, CodingKey { case kind, number, date }

        public init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self = .text(text)
                return
            }
            let container = try decoder.container(keyedBy: Keys.self)
            self = .reference(kind: try container.decodeIfPresent(String.self, forKey: .kind),
                              number: try container.decode(String.self, forKey: .number),
                              date: try container.decodeIfPresent(String.self, forKey: .date))
        }

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .text(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case let .reference(kind, number, date):
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(kind, forKey: .kind)
                try container.encode(number, forKey: .number)
                try container.encode(date, forKey: .date)
            }
        }

        /// The value of a mention.
        public init(_ value: MentionValue) {
            switch value {
            case .reference(let reference):
                self = .reference(kind: reference.kind?.rawValue, number: reference.number, date: reference.date?.iso)
            default:
                self = .text(value.comparisonText)
            }
        }

        /// The value as one string: the text, or a reference's number.
        public var flat: String {
            switch self {
            case .text(let text): return text
            case .reference(_, let number, _): return number
            }
        }
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
        public var value: Value
        /// The mention's further facts (see ``MentionValue/attributes``); absent when there are none.
        public var attributes: [String: String]?

        public init(version: Int, language: Language, sentence: Int, text: String, start: Int, end: Int,
                    value: Value, attributes: [String: String]? = nil) {
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
        pairs = try container.decodeIfPresent([PairAlignment].self, forKey: .pairs)
    }

    /// A record of the current schema; `pairs` only for three versions.
    public init(article: Article, alignment: Alignment, entities: [Entity], pairs: [PairAlignment]? = nil) {
        schemaVersion = Self.currentSchemaVersion
        self.article = article
        self.alignment = alignment
        self.entities = entities
        self.pairs = pairs
    }

    /// The record as stable JSON (sorted keys): what `JSONEncoder.stable(pretty:)` writes (compact text is written
    /// directly, ``jsonText()``).
    public func json(pretty: Bool = false) throws -> Data {
        pretty ? try JSONEncoder.stable(pretty: true).encode(self) : Data(try jsonText().utf8)
    }
}

/// Segments, aligns and extracts an article bundle, and links mentions across languages through the alignment:
/// mentions of the same kind in sentences of one bead that agree in value (the same date, the same reference
/// with Đ and D alike, the same canonical body name, the same person) join one entity. English and French render
/// Thường trực (the Standing Board) and Ban Thường vụ (the Standing Committee) alike: an English or French
/// "Standing Committee" aligned with a Vietnamese "Thường trực" joins it, and the entity takes the Vietnamese
/// value.
public struct ArticleProcessor: Sendable {
    /// The aligner; `nil` (the default) picks one by the versions' languages (``Aligner/automatic(for:)``: the news
    /// bead model for Vietnamese, English and French).
    public var aligner: Aligner?
    public var extractor = Extractor()

    public init() {}

    /// Processes one, two or three versions; `articleDate` completes partial dates (else the datelines decide).
    /// A single version gets an alignment without beads and an entity per mention.
    public func process(_ documents: [Document], articleDate: DateComponents? = nil) -> ArticleRecord {
        precondition((1...3).contains(documents.count), "one, two or three versions")
        let sides = documents.map(AlignmentSide.init(document:))
        let aligner = self.aligner ?? Aligner.automatic(for: documents.flatMap(\.languages))
        let alignment: Alignment
        var pairs: [ArticleRecord.PairAlignment]?
        switch documents.count {
        case 1: alignment = Alignment(languages: [documents[0].languages.first ?? .undetermined],
                                      sentenceCounts: [documents[0].sentences.count], beads: [])
        case 2: alignment = aligner.align(sides[0], sides[1])
        default:
            let joint = aligner.alignJointly(sides[0], sides[1], sides[2])
            alignment = joint.triples
            pairs = joint.views.map { ArticleRecord.PairAlignment(versions: [$0.first, $0.second], alignment: $0.alignment) }
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
        var used = Set<Int>()  // version * 1_000_000 + mention index
        func key(_ version: Int, _ index: Int) -> Int { version * 1_000_000 + index }
        for bead in alignment.beads {
            // Mentions in this bead, per version.
            var inBead: [(version: Int, index: Int, mention: Mention, sentence: Int)] = []
            for (version, range) in bead.sentences.enumerated() where !range.isEmpty {
                for (index, found) in perVersion[version].enumerated() where range.contains(found.sentence) {
                    inBead.append((version, index, found.mention, found.sentence))
                }
            }
            for (k, anchor) in inBead.enumerated() where !used.contains(key(anchor.version, anchor.index)) {
                var group = [anchor]
                for other in inBead[(k + 1)...] where other.version != anchor.version
                    && !group.contains(where: { $0.version == other.version })
                    && !used.contains(key(other.version, other.index))
                    && Self.agree(anchor.mention, other.mention) {
                    group.append(other)
                }
                guard group.count > 1 else { continue }
                for member in group { used.insert(key(member.version, member.index)) }
                entities.append(entity(group.map { ($0.version, $0.mention, $0.sentence) }, documents: documents))
            }
        }
        // Mentions found in one version only are entities of their own.
        for (version, mentions) in perVersion.enumerated() {
            for (index, found) in mentions.enumerated() where !used.contains(key(version, index)) {
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
        return ArticleRecord(article: article, alignment: alignment, entities: entities, pairs: pairs)
    }

    private func entity(_ group: [(Int, Mention, Int)], documents: [Document]) -> ArticleRecord.Entity {
        let mentions = group.map { version, mention, sentence in
            ArticleRecord.LinkedMention(version: version, language: documents[version].sentences[sentence].language,
                                        sentence: sentence, text: mention.text, start: mention.span.start,
                                        end: mention.span.end, value: ArticleRecord.Value(mention.value),
                                        attributes: mention.value.attributes.isEmpty ? nil : mention.value.attributes)
        }
        // The Vietnamese mention's value where the versions word a body differently.
        let chosen = zip(group, mentions).first { $0.1.language == .vietnamese }?.0.1 ?? group[0].1
        let value: String
        switch chosen.value {
        case .reference(let reference): value = reference.code ?? reference.number
        default: value = chosen.value.comparisonText
        }
        return ArticleRecord.Entity(type: chosen.type, value: value, id: chosen.value.body?.id, mentions: mentions)
    }

    /// Whether two mentions in aligned sentences name the same thing.
    static func agree(_ a: Mention, _ b: Mention) -> Bool {
        guard a.type == b.type else { return false }
        if a.value.linkingKey == b.value.linkingKey { return true }
        // "Standing Committee" renders both Thường trực (Standing Board) and Ban Thường vụ.
        if case .body(let x) = a.value, case .body(let y) = b.value {
            func standing(_ name: String) -> String { name.replacingOccurrences(of: "Standing Board of", with: "Standing Committee of") }
            return standing(x.name) == standing(y.name)
        }
        return false
    }
}
