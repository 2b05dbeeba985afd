import Foundation
import GRDB
import Triglot

/// One record of a store as its review page shows it.
struct StoredRecordPage {
    var id: Int64
    var key: String
    var record: ArticleRecord
    var documents: [Document]

    var page: ReviewPage { ReviewPage(record: record, documents: documents, title: "Record \(id): \(key)") }
    var fileName: String { "record-\(id).html" }
}

extension Exporter {
    /// Writes the review page (`ReviewPage`) of every done record into `folder` (`record-ID.html`), with an
    /// `index.html` listing them with their languages, beads, mean confidence and links under 0.7; or, given
    /// `record` (an id or a key), that record's page alone. Pages show every bead: `minimumConfidence` does not
    /// apply. Returns the paths written, index last.
    @discardableResult
    public func html(into folder: String, record: String? = nil) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        var rows: [String] = []
        for id in try recordIDs(matching: record) {
            let stored = try storedRecord(id)
            let path = (folder as NSString).appendingPathComponent(stored.fileName)
            try write(stored.page.html(), to: path)
            written.append(path)
            rows.append(Self.indexRow(stored))
        }
        guard record == nil else { return written }
        let index = (folder as NSString).appendingPathComponent("index.html")
        try write(Self.index(rows), to: index)
        return written + [index]
    }

    /// The review page of one record, given by its id or its key.
    public func reviewPage(record: String) throws -> String {
        guard let id = try recordIDs(matching: record).first else { throw ExportError.noSuchRecord(record) }
        return try storedRecord(id).page.html()
    }

    /// Done records, all of them or the one whose id or key is `record`, in id order.
    private func recordIDs(matching record: String?) throws -> [Int64] {
        let ids = try store.database.read { db -> [Int64] in
            guard let record else {
                return try Int64.fetchAll(db, sql: "SELECT id FROM records WHERE status = 'done' ORDER BY id")
            }
            return try Int64.fetchAll(db, sql: """
                SELECT id FROM records WHERE status = 'done' AND (key = ? OR CAST(id AS TEXT) = ?) ORDER BY id LIMIT 1
                """, arguments: [record, record])
        }
        if let record, ids.isEmpty { throw ExportError.noSuchRecord(record) }
        return ids
    }

    /// A done record with its versions rebuilt as they were segmented.
    private func storedRecord(_ id: Int64) throws -> StoredRecordPage {
        let (key, json, documentIDs) = try store.database.read { db -> (String, String, [Int64]) in
            guard let row = try Row.fetchOne(db, sql: "SELECT key, record FROM records WHERE id = ?", arguments: [id]) else {
                throw ExportError.noSuchRecord(String(id))
            }
            let documents = try Int64.fetchAll(db, sql: """
                SELECT document_id FROM record_documents WHERE record_id = ? ORDER BY version
                """, arguments: [id])
            return (row["key"], row["record"], documents)
        }
        let record = try JSONDecoder().decode(ArticleRecord.self, from: Data(json.utf8))
        let documents = try documentIDs.map { try store.document($0).document }
        return StoredRecordPage(id: id, key: key, record: record, documents: documents)
    }

    private func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { throw ExportError.cannotWrite(path) }
    }

    /// One line of the index: the record, its languages, beads, mean confidence of links, links under 0.7.
    private static func indexRow(_ stored: StoredRecordPage) -> String {
        let links = stored.record.alignment.beads.filter(\.isLink)
        let mean = links.isEmpty ? "–" : String(format: "%.3f", links.map(\.confidence).reduce(0, +) / Double(links.count))
        let low = links.filter { $0.confidence < 0.7 }.count
        let languages = stored.record.article.versions.map { $0.languages.map(\.code).joined(separator: "+") }.joined(separator: " · ")
        let e = AlignmentWriter.escape
        return "<tr><td><a href=\"\(stored.fileName)\">\(stored.id)</a></td><td>\(e(stored.key))</td><td>\(e(languages))</td>"
            + "<td>\(stored.record.alignment.beads.count)</td><td>\(links.count)</td><td>\(mean)</td>"
            + "<td\(low > 0 ? " class=\"low\"" : "")>\(low)</td><td>\(stored.record.entities.count)</td></tr>\n"
    }

    private static func index(_ rows: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="generator" content="Triglot"/>
        <title>Triglot records</title>
        <style>/*<![CDATA[*/
        body { margin: 20px; color: #1d2329; font: 14px/1.45 system-ui, "Noto Sans", "DejaVu Sans", sans-serif; }
        table { border-collapse: collapse; }
        th, td { padding: 3px 12px 3px 0; text-align: left; border-bottom: 1px solid #dde2e7; font-variant-numeric: tabular-nums; }
        th { color: #66707a; font-weight: 500; }
        td.low { color: #d0453f; font-weight: 600; }
        /*]]>*/</style>
        </head>
        <body>
        <h1>Triglot records: \(rows.count)</h1>
        <table>
        <thead><tr><th>record</th><th>key</th><th>versions</th><th>beads</th><th>links</th><th>mean confidence</th><th>links under .7</th><th>entities</th></tr></thead>
        <tbody>
        \(rows.joined())</tbody>
        </table>
        </body>
        </html>

        """
    }
}
