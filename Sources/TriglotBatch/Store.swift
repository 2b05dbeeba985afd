import Foundation
import GRDB
import Triglot

/// The SQLite store of a batch: documents with their paragraphs and sentences, article records with their
/// alignments, entities and mentions, and the inputs that could not be read.
///
/// Tables (all offsets are UTF-8 bytes into `documents.text`):
/// - `documents(id, key, source, url, language, languages, title, date, bytes, characters, text, profile)`;
///   `key` identifies the input (its path, or `stream:line` for JSONL), `language` is the main language and
///   `languages` all of them, space-separated;
/// - `paragraphs(document_id, idx, kind, language, start, end)`, `sentences(document_id, idx, paragraph, language,
///   start, end, text)`;
/// - `records(id, key, method, score, date, languages, status, record)`: one row per article bundle, `status`
///   `planned` until its content is written, then `done`; `record` is the `ArticleRecord` as JSON;
///   `record_documents(record_id, version, document_id)`;
/// - `alignments(id, record_id, idx, shape, confidence, languages)`: one row per bead, `languages` the sorted
///   distinct languages of its sentences ("en fr vi"); `alignment_sentences(alignment_id, version, document_id,
///   sentence, language)`;
/// - `entities(id, record_id, idx, type, value)` and `mentions(id, entity_id, record_id, document_id, sentence,
///   type, language, text, start, end, value, kind, year, attributes)` (record schema 2): `value` is a date's ISO
///   8601 value, a reference's number, a body's canonical English name ("Nghe An Provincial Party Committee"), a
///   person's folded name; for references `kind` is the code's type (`NQ`, `TB`, `QĐ`) and `year` the year of
///   issue (or of the date the mention states), for dates `kind` is the precision and `year` the first year, for
///   bodies `kind` is the gazetteer id where there is one (`C03`); `attributes` is the mention's facts as JSON;
/// - `errors(id, key, source, reason, position, message)`: inputs that could not be stored, and why.
///
/// Every document and every record is written in one transaction: a batch killed at any moment leaves no half
/// of either, and a rerun skips what is stored.
public final class Store: Sendable {
    /// The database; readable by any SQLite client.
    public let database: DatabasePool

    /// Opens (creating when missing) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.busyMode = .timeout(10)
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    source TEXT,
                    url TEXT,
                    article_id TEXT,
                    language TEXT NOT NULL,
                    languages TEXT NOT NULL,
                    title TEXT,
                    date TEXT,
                    bytes INTEGER NOT NULL,
                    characters INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    profile TEXT NOT NULL
                );
                CREATE TABLE paragraphs (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    language TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    PRIMARY KEY (document_id, idx)
                ) WITHOUT ROWID;
                CREATE TABLE sentences (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    paragraph INTEGER NOT NULL,
                    language TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (document_id, idx)
                ) WITHOUT ROWID;
                CREATE TABLE records (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    method TEXT NOT NULL,
                    score REAL,
                    date TEXT,
                    languages TEXT,
                    status TEXT NOT NULL CHECK (status IN ('planned', 'done')),
                    record TEXT
                );
                CREATE TABLE record_documents (
                    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL,
                    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
                    PRIMARY KEY (record_id, version)
                ) WITHOUT ROWID;
                CREATE TABLE alignments (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    shape TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    languages TEXT NOT NULL,
                    UNIQUE (record_id, idx)
                );
                CREATE INDEX alignments_by_languages ON alignments(languages, confidence);
                CREATE TABLE alignment_sentences (
                    alignment_id INTEGER NOT NULL REFERENCES alignments(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL,
                    document_id INTEGER NOT NULL,
                    sentence INTEGER NOT NULL,
                    language TEXT NOT NULL,
                    PRIMARY KEY (alignment_id, version, sentence)
                ) WITHOUT ROWID;
                CREATE INDEX alignment_sentences_by_sentence ON alignment_sentences(document_id, sentence);
                CREATE TABLE entities (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    value TEXT NOT NULL,
                    UNIQUE (record_id, idx)
                );
                CREATE INDEX entities_by_value ON entities(type, value);
                CREATE TABLE mentions (
                    id INTEGER PRIMARY KEY,
                    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    record_id INTEGER NOT NULL,
                    document_id INTEGER NOT NULL,
                    sentence INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    language TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    kind TEXT,
                    year INTEGER,
                    attributes TEXT
                );
                CREATE INDEX mentions_by_value ON mentions(type, value);
                CREATE INDEX mentions_by_kind ON mentions(type, kind, year);
                CREATE INDEX mentions_by_document ON mentions(document_id, start);
                CREATE TABLE errors (
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    position INTEGER,
                    message TEXT NOT NULL
                );
                """)
        }
        return migrator
    }
}

// MARK: - Writing

/// A document ready to be stored: its input key, where it came from, and its segmentation.
struct StoredDocument: Sendable {
    var key: String
    var url: String?
    /// The article it is a version of, when the input says so (`article` field, URL id, file name).
    var articleKey: ArticleKey?
    var date: String?
    var document: Document
    var profile: PairingProfile
    /// The profile as the store keeps it (JSON), made by the worker that read the document rather than by the
    /// store's one writer (nil if it could not be encoded: the store then encodes it and reports why).
    var profileJSON: String?

    init(key: String, url: String?, articleKey: ArticleKey?, date: String?, document: Document, profile: PairingProfile) {
        self.key = key
        self.url = url
        self.articleKey = articleKey
        self.date = date
        self.document = document
        self.profile = profile
        profileJSON = try? Self.json(of: profile)
    }

    /// A profile as the store keeps it.
    static func json(of profile: PairingProfile) throws -> String {
        try profile.storedJSON
    }
}

/// What pairing needs of a stored document.
struct DocumentSummary: Sendable {
    var id: Int64
    var key: String
    var articleKey: ArticleKey?
    var profile: PairingProfile
}

/// An article record computed for a planned bundle, ready to be stored.
struct CompletedRecord: Sendable {
    var recordID: Int64
    var documentIDs: [Int64]
    var record: ArticleRecord
    var documents: [Document]
    /// The record as stored (JSON), and each mention's attributes as stored (JSON), by entity then mention: encoded
    /// by the worker that made the record, so that the store's one writer only writes.
    var json: String
    var attributes: [[String?]]

    init(recordID: Int64, documentIDs: [Int64], record: ArticleRecord, documents: [Document]) throws {
        self.recordID = recordID
        self.documentIDs = documentIDs
        self.record = record
        self.documents = documents
        json = try record.jsonText()
        attributes = record.entities.map { entity in entity.mentions.map { $0.attributes.map(StableJSONText.object) } }
    }
}

extension Store {
    /// Keys of the inputs already stored as documents.
    func storedKeys() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT key FROM documents")) }
    }

    /// Stores one document with its paragraphs and sentences, in one transaction; an error recorded earlier for
    /// the same input is removed.
    @discardableResult
    func insert(_ stored: StoredDocument) throws -> Int64 {
        let profile = try stored.profileJSON ?? StoredDocument.json(of: stored.profile)
        let document = stored.document
        return try database.write { db in
            try db.execute(sql: "DELETE FROM errors WHERE key = ?", arguments: [stored.key])
            let title = document.paragraphs.first { $0.kind == .heading }.map { String(document.text(of: $0)) }
            try db.execute(sql: """
                INSERT INTO documents (key, source, url, article_id, language, languages, title, date, bytes, characters, text, profile)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [stored.key, document.source, stored.url, stored.articleKey?.stored,
                                 stored.profile.mainLanguage.code, stored.profile.languages.map(\.code).joined(separator: " "),
                                 title, stored.date, document.text.utf8.count, document.text.count, document.text, profile])
            let id = db.lastInsertedRowID
            let paragraphs = try db.cachedStatement(sql: "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?)")
            for (k, paragraph) in document.paragraphs.enumerated() {
                try paragraphs.execute(arguments: [id, k, paragraph.kind.rawValue, paragraph.language.code,
                                                   paragraph.span.start, paragraph.span.end])
            }
            var paragraphOf = [Int](repeating: 0, count: document.sentences.count)
            for (k, paragraph) in document.paragraphs.enumerated() { for s in paragraph.sentences { paragraphOf[s] = k } }
            let sentences = try db.cachedStatement(sql: "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?)")
            for (k, sentence) in document.sentences.enumerated() {
                try sentences.execute(arguments: [id, k, paragraphOf[k], sentence.language.code, sentence.span.start,
                                                  sentence.span.end, String(document.text(of: sentence))])
            }
            return id
        }
    }

    /// Records an input that could not be stored (replacing an earlier error for the same input).
    func record(_ failure: InputFailure, source: String) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO errors (key, source, reason, position, message) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET source = excluded.source, reason = excluded.reason,
                    position = excluded.position, message = excluded.message
                """, arguments: [failure.key, source, failure.reason.rawValue, failure.position, failure.message])
        }
    }

    /// Documents that belong to no record yet, in storage order.
    ///
    /// `known` holds profiles already at hand by document id (those stored by this run): they are not read back.
    func unbundledDocuments(known: [Int64: PairingProfile] = [:]) throws -> [DocumentSummary] {
        try database.read { db in
            func unbundled(_ columns: String) -> String {
                "SELECT \(columns) FROM documents WHERE id NOT IN (SELECT document_id FROM record_documents) ORDER BY id"
            }
            let rows = try Row.fetchAll(db, sql: unbundled("id, key, article_id"))
            // The profiles this run has just made are at hand; only those of documents stored by earlier runs are
            // read back (a resumed batch).
            var stored: [Int64: String] = [:]
            if rows.contains(where: { known[$0["id"] as Int64] == nil }) {
                for row in try Row.fetchAll(db, sql: unbundled("id, profile"))
                where known[row["id"] as Int64] == nil {
                    stored[row["id"]] = row["profile"]
                }
            }
            return try rows.map { row in
                let id: Int64 = row["id"]
                let profile = try known[id] ?? JSONDecoder().decode(PairingProfile.self, from: Data((stored[id] ?? "").utf8))
                let articleKey = try (row["article_id"] as String?).map { text in
                    guard let key = ArticleKey(stored: text) else { throw StoreError.invalidArticleKey(text) }
                    return key
                }
                return DocumentSummary(id: id, key: row["key"], articleKey: articleKey, profile: profile)
            }
        }
    }

    /// Writes the bundles found by pairing, all in one transaction, as records still to be processed.
    func plan(_ bundles: [(documents: [Int64], method: ArticleBundle.Method, score: Double?)]) throws {
        try database.write { db in
            for bundle in bundles {
                try db.execute(sql: "INSERT INTO records (key, method, score, status) VALUES (?, ?, ?, 'planned')",
                               arguments: [bundle.documents.map(String.init).joined(separator: "+"), bundle.method.rawValue, bundle.score])
                let id = db.lastInsertedRowID
                for (version, document) in bundle.documents.enumerated() {
                    try db.execute(sql: "INSERT INTO record_documents VALUES (?, ?, ?)", arguments: [id, version, document])
                }
            }
        }
    }

    /// Records planned but not yet written: their ids and member documents in version order.
    func plannedRecords() throws -> [(id: Int64, documents: [Int64])] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id AS id, d.document_id AS document FROM records r JOIN record_documents d ON d.record_id = r.id
                WHERE r.status = 'planned' ORDER BY r.id, d.version
                """)
            var result: [(Int64, [Int64])] = []
            for row in rows {
                let id: Int64 = row["id"], document: Int64 = row["document"]
                if result.last?.0 == id { result[result.count - 1].1.append(document) } else { result.append((id, [document])) }
            }
            return result
        }
    }

    /// A stored document, rebuilt exactly as it was segmented, with the date its input gave.
    func document(_ id: Int64) throws -> (document: Document, date: String?) {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT text, source, date FROM documents WHERE id = ?", arguments: [id]) else {
                throw StoreError.missingDocument(id)
            }
            let sentences = try Row.fetchAll(db, sql: """
                SELECT idx, paragraph, language, start, "end" FROM sentences WHERE document_id = ? ORDER BY idx
                """, arguments: [id]).map { s in
                Sentence(index: s["idx"], paragraph: s["paragraph"], span: Span(start: s["start"], end: s["end"]),
                         language: Language(code: s["language"]) ?? .undetermined)
            }
            var first: [Int: Int] = [:], last: [Int: Int] = [:]
            for sentence in sentences {
                if first[sentence.paragraph] == nil { first[sentence.paragraph] = sentence.index }
                last[sentence.paragraph] = sentence.index
            }
            let paragraphs = try Row.fetchAll(db, sql: """
                SELECT idx, kind, language, start, "end" FROM paragraphs WHERE document_id = ? ORDER BY idx
                """, arguments: [id]).map { p -> Paragraph in
                let k: Int = p["idx"]
                // A paragraph without sentences sits where the next sentence would start.
                let lower = first[k] ?? (sentences.firstIndex { $0.paragraph > k } ?? sentences.count)
                return Paragraph(index: k, span: Span(start: p["start"], end: p["end"]),
                                 kind: ParagraphKind(rawValue: p["kind"]) ?? .body,
                                 language: Language(code: p["language"]) ?? .undetermined,
                                 sentences: lower..<(last[k].map { $0 + 1 } ?? lower))
            }
            return (Document(text: row["text"], source: row["source"], paragraphs: paragraphs, sentences: sentences), row["date"])
        }
    }

    /// Writes a record's alignment, entities and mentions and marks it done, in one transaction.
    func complete(_ completed: CompletedRecord) throws {
        let record = completed.record
        let json = completed.json
        try database.write { db in
            let beads = try db.cachedStatement(sql: "INSERT INTO alignments (record_id, idx, shape, confidence, languages) VALUES (?, ?, ?, ?, ?)")
            let members = try db.cachedStatement(sql: "INSERT INTO alignment_sentences VALUES (?, ?, ?, ?, ?)")
            for (k, bead) in record.alignment.beads.enumerated() {
                let sentences = bead.sentences.enumerated().flatMap { version, range in
                    range.map { (version, $0, completed.documents[version].sentences[$0].language.code) }
                }
                try beads.execute(arguments: [completed.recordID, k, bead.shape, bead.confidence,
                                              Set(sentences.map(\.2)).sorted().joined(separator: " ")])
                let id = db.lastInsertedRowID
                for (version, sentence, language) in sentences {
                    try members.execute(arguments: [id, version, completed.documentIDs[version], sentence, language])
                }
            }
            let entities = try db.cachedStatement(sql: "INSERT INTO entities (record_id, idx, type, value) VALUES (?, ?, ?, ?)")
            let mentions = try db.cachedStatement(sql: """
                INSERT INTO mentions (entity_id, record_id, document_id, sentence, type, language, text, start, "end", value, kind, year, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (k, entity) in record.entities.enumerated() {
                try entities.execute(arguments: [completed.recordID, k, entity.type.rawValue, entity.value])
                let entityID = db.lastInsertedRowID
                for (m, mention) in entity.mentions.enumerated() {
                    let (kind, year) = Self.kindAndYear(entity.type, mention)
                    let attributes = completed.attributes[k][m]
                    try mentions.execute(arguments: [entityID, completed.recordID, completed.documentIDs[mention.version],
                                                     mention.sentence, entity.type.rawValue, mention.language.code,
                                                     mention.text, mention.start, mention.end, mention.value.flat, kind, year, attributes])
                }
            }
            let languages = Set(completed.documents.flatMap { $0.languages.map(\.code) }).sorted().joined(separator: " ")
            try db.execute(sql: "UPDATE records SET status = 'done', date = ?, languages = ?, record = ? WHERE id = ?",
                           arguments: [record.article.date, languages, json, completed.recordID])
        }
    }

    /// The columns that make mentions easy to query: a reference's type code and year; a date's precision and
    /// first year.
    static func kindAndYear(_ type: MentionType, _ mention: ArticleRecord.LinkedMention) -> (String?, Int?) {
        switch type {
        case .docref:
            var dateYear: Int?
            if case let .reference(_, _, date) = mention.value { dateYear = date.flatMap { Int($0.prefix(4)) } }
            let year = mention.attributes?["year"].flatMap { Int($0) } ?? dateYear
            return (mention.attributes?["type"], year)
        case .date:
            let digits = mention.value.flat.drop { $0 == "-" || $0 == "R" || $0 == "/" }.prefix(4)
            return (mention.attributes?["precision"], digits.count == 4 ? Int(digits) : nil)
        case .body:
            return (mention.attributes?["id"], nil)
        case .person:
            return (nil, nil)
        }
    }

    /// Counts of what the store holds.
    public func counts() throws -> [String: Int] {
        try database.read { db in
            var result: [String: Int] = [:]
            for table in ["documents", "sentences", "records", "alignments", "entities", "mentions", "errors"] {
                result[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return result
        }
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case missingDocument(Int64)
    /// A document's `article_id` is not `article:…`, `url:…` or `file:…` (the store was edited by hand).
    case invalidArticleKey(String)
    public var description: String {
        switch self {
        case .missingDocument(let id): return "the store has no document \(id)"
        case .invalidArticleKey(let text):
            return "a document's article_id is \"\(text)\", not article:…, url:… or file:…; correct it or set it to NULL"
        }
    }
}
