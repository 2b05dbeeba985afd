import Foundation
import GRDB
import Triglot

/// Formats a store exports to.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// TMX 1.4b: one `<tu>` per bead that links versions, with every language it holds.
    case tmx
    /// Moses-style line-aligned text: one pair of files per language pair (`triglot.en-vi.en`, `triglot.en-vi.vi`).
    case moses
    /// One ArticleRecord (JSON) per line, with its store key.
    case jsonl
    /// One bead per line: record, bead, confidence, then one column per language.
    case tsv
    /// Review pages: one self-contained HTML page per record (`ReviewPage`), and an index of them.
    case html
}

/// Writes what a store holds in interchange formats. Output order follows records and beads, so exports of the
/// same store are identical.
public struct Exporter: Sendable {
    /// The store exported.
    public let store: Store
    /// Beads below this confidence are left out.
    public var minimumConfidence = 0.0

    /// An exporter of `store`, every bead included.
    public init(store: Store) {
        self.store = store
    }

    /// A bead that links versions, with its text per language (sentences of one language joined by a space).
    struct Unit {
        var record: Int64
        var index: Int
        var confidence: Double
        var texts: [(language: String, text: String)]
    }

    /// Visits every linking bead in record and bead order. A sentence of undetermined language (a number, a
    /// name alone) joins the text of its version's neighbouring sentences in the bead; a bead left with one
    /// language is not a unit.
    func forEachUnit(_ body: (Unit) throws -> Void) throws {
        try store.database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.record_id, a.idx, a.confidence, x.version, x.language, s.text
                FROM alignments a
                JOIN alignment_sentences x ON x.alignment_id = a.id
                JOIN sentences s ON s.document_id = x.document_id AND s.idx = x.sentence
                WHERE a.confidence >= ?
                ORDER BY a.record_id, a.idx, x.version, x.sentence
                """, arguments: [minimumConfidence])
            var current: Unit?
            var pieces: [(version: Int, language: String, text: String)] = []
            func flush() throws {
                guard var unit = current else { return }
                for version in Set(pieces.map(\.version)).sorted() {
                    let own = pieces.filter { $0.version == version }
                    guard let fallback = own.first(where: { $0.language != "und" })?.language else { continue }
                    var language = fallback
                    for piece in own {
                        if piece.language != "und" { language = piece.language }
                        if let k = unit.texts.firstIndex(where: { $0.language == language }) {
                            unit.texts[k].text += " " + piece.text
                        } else {
                            unit.texts.append((language, piece.text))
                        }
                    }
                }
                if unit.texts.count >= 2 { try body(unit) }
            }
            while let row = try rows.next() {
                let record: Int64 = row[0], index: Int = row[1]
                if current?.record != record || current?.index != index {
                    try flush()
                    current = Unit(record: record, index: index, confidence: row[2], texts: [])
                    pieces = []
                }
                pieces.append((row[3], row[4], row[5]))
            }
            try flush()
        }
    }

    /// TMX 1.4b, valid against the DTD: header with every required attribute, `xml:lang` on each variant, text
    /// escaped, `tuid` = record-bead so the order survives, confidence in a `prop`.
    public func tmx(to sink: (String) throws -> Void) throws {
        try sink(AlignmentWriter.tmxHeader(sourceLanguage: "*all*"))
        try forEachUnit { unit in
            var out = "    <tu tuid=\"\(unit.record)-\(unit.index)\">\n"
            out += "      <prop type=\"x-confidence\">\(String(format: "%.6f", unit.confidence))</prop>\n"
            for (language, text) in unit.texts {
                out += "      <tuv xml:lang=\"\(AlignmentWriter.escape(language))\"><seg>\(AlignmentWriter.escape(AlignmentWriter.flat(text)))</seg></tuv>\n"
            }
            try sink(out + "    </tu>\n")
        }
        try sink(AlignmentWriter.tmxFooter)
    }

    /// Moses files in `folder`, one pair per language pair; returns the files written with their line counts.
    @discardableResult
    public func moses(into folder: String, prefix: String = "triglot") throws -> [(path: String, lines: Int)] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var handles: [String: (FileHandle, FileHandle, Int)] = [:]
        var order: [String] = []
        defer { for (a, b, _) in handles.values { try? a.close(); try? b.close() } }
        func open(_ path: String) throws -> FileHandle {
            _ = FileManager.default.createFile(atPath: path, contents: nil)  // a failure shows in the handle below
            guard let handle = FileHandle(forWritingAtPath: path) else { throw ExportError.cannotWrite(path) }
            return handle
        }
        try forEachUnit { unit in
            let sorted = unit.texts.sorted { $0.language < $1.language }
            for i in sorted.indices {
                for j in sorted.indices where j > i {
                    let pair = "\(sorted[i].language)-\(sorted[j].language)"
                    if handles[pair] == nil {
                        handles[pair] = (try open("\(folder)/\(prefix).\(pair).\(sorted[i].language)"),
                                         try open("\(folder)/\(prefix).\(pair).\(sorted[j].language)"), 0)
                        order.append(pair)
                    }
                    let (a, b, n) = handles[pair]!
                    try a.write(contentsOf: Data((AlignmentWriter.flat(sorted[i].text) + "\n").utf8))
                    try b.write(contentsOf: Data((AlignmentWriter.flat(sorted[j].text) + "\n").utf8))
                    handles[pair] = (a, b, n + 1)
                }
            }
        }
        return order.flatMap { pair -> [(String, Int)] in
            let languages = pair.split(separator: "-")
            return languages.map { ("\(folder)/\(prefix).\(pair).\($0)", handles[pair]!.2) }
        }
    }

    /// One line per done record: `{"key": …, "method": …, "score": …, "record": {…}}`.
    public func jsonl(to sink: (String) throws -> Void) throws {
        try store.database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT key, method, score, record FROM records WHERE status = 'done' ORDER BY id")
            while let row = try rows.next() {
                let key: String = row[0], method: String = row[1], score: Double? = row[2], record: String = row[3]
                let head = String(decoding: try JSONEncoder.stable().encode(["key": key, "method": method]), as: UTF8.self)
                let scoreText = score.map { String(format: "%.6f", $0) } ?? "null"
                try sink(String(head.dropLast()) + ",\"record\":" + record + ",\"score\":" + scoreText + "}\n")
            }
        }
    }

    /// Tab-separated beads: `record`, `bead`, `confidence`, then one column per language in the store.
    public func tsv(to sink: (String) throws -> Void) throws {
        let languages = try store.database.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT language FROM alignment_sentences WHERE language != 'und' ORDER BY language")
        }
        try sink((["record", "bead", "confidence"] + languages).joined(separator: "\t") + "\n")
        try forEachUnit { unit in
            let columns = languages.map { language in unit.texts.first { $0.language == language }.map { AlignmentWriter.flat($0.text) } ?? "" }
            try sink(([String(unit.record), String(unit.index), String(format: "%.6f", unit.confidence)] + columns)
                .joined(separator: "\t") + "\n")
        }
    }
}

/// Why an export could not be written.
public enum ExportError: Error, CustomStringConvertible {
    /// The file at this path could not be created or written.
    case cannotWrite(String)
    /// Moses export without a folder to write its files to.
    case needsFolder
    /// HTML export of a whole store without a folder to write the pages to.
    case needsFolderForPages
    /// No record done in the store has this id or key.
    case noSuchRecord(String)
    public var description: String {
        switch self {
        case .cannotWrite(let path): return "\(path): cannot write"
        case .needsFolder: return "moses export writes one file per language and pair: give --output FOLDER"
        case .needsFolderForPages:
            return "html export writes one page per record: give --output FOLDER (or --record ID for one page on standard output)"
        case .noSuchRecord(let record): return "no record \(record) in the store (give a record id or key of a done record)"
        }
    }
}
