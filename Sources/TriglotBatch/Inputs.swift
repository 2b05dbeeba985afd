import Foundation
import Triglot

/// One article to read: a text file, or one line of a JSONL stream of articles.
public struct ArticleInput: Sendable, Hashable {
    /// Where an input's text is.
    public enum Location: Sendable, Hashable {
        /// A text file, by its path.
        case file(path: String)
        /// A line of a JSONL file: its 1-based number and its byte range in the file.
        case jsonLine(path: String, line: Int, offset: UInt64, length: Int)
    }

    /// Where the text is.
    public var location: Location

    /// What identifies the input in the store: the file's path as given (standardised), or `path:line`.
    public var key: String {
        switch location {
        case let .file(path): return path
        case let .jsonLine(path, line, _, _): return "\(path):\(line)"
        }
    }
}

/// An article of a JSONL stream: one JSON object per line.
///
/// `{"id": "…", "text": "…", "url": "https://…", "lang": "vi", "date": "2023-08-28", "article": "…"}`: only `text`
/// is required; `article` names the article the text is a version of (a known correspondence, as is the same
/// article id in `url`); `lang` fixes the language instead of detecting it; `date` completes partial dates.
public struct StreamArticle: Codable, Sendable {
    /// The article's id in its source, if any.
    public var id: String?
    /// The text of the article: the only field required.
    public var text: String
    /// The page it was scraped from.
    public var url: String?
    /// Its language (ISO 639-1), to fix instead of detecting it.
    public var lang: String?
    /// The article's date, `YYYY-MM-DD`, to complete partial dates.
    public var date: String?
    /// The article this text is a version of: texts with the same value are paired.
    public var article: String?
}

/// Why an input could not be stored.
public struct InputFailure: Error, Sendable, CustomStringConvertible {
    /// The input's key (path, or `path:line`).
    public var key: String
    /// The kind of failure (stored as `invalid-utf8`, `binary`, `html`, `empty`, `too-large`, `unreadable`,
    /// `invalid-json`, `invalid-field`, `no-text`).
    public var reason: InputFailureReason
    /// The byte position in the input, when there is one.
    public var position: Int?
    /// What went wrong, in words, naming the input.
    public var message: String

    /// A failure of input `key`.
    public init(key: String, reason: InputFailureReason, position: Int? = nil, message: String) {
        self.key = key
        self.reason = reason
        self.position = position
        self.message = message
    }

    /// The failure of input `key` that `error` describes.
    public init(key: String, _ error: InputError) {
        self.init(key: key, reason: error.reason, position: error.byteOffset, message: error.errorDescription ?? "\(error)")
    }

    public var description: String { message }
}

/// Finds the inputs named on a command line: files as given, folders walked recursively (their `.txt` and
/// `.jsonl` files, in path order, but not the gold mention files `*.entities.jsonl` of the news layout), JSONL
/// files split into lines.
public struct InputCollector: Sendable {
    /// Extensions read as text inside folders (files named explicitly are always read).
    public var textExtensions: Set<String> = ["txt"]

    /// A collector that reads `.txt` and `.jsonl` files in folders.
    public init() {}

    /// The inputs found, the files skipped and the paths that failed.
    public struct Collection: Sendable {
        /// The inputs, in the order of the paths given (folders in path order).
        public var inputs: [ArticleInput] = []
        /// Files inside folders that are not inputs (gold annotations, notes), counted for the summary.
        public var ignored = 0
        /// Paths that could not be listed or opened.
        public var failures: [InputFailure] = []
    }

    /// Finds the inputs at `paths`; paths that cannot be read become failures, not errors.
    public func collect(_ paths: [String]) -> Collection {
        var collection = Collection()
        let manager = FileManager.default
        for given in paths {
            let path = (given as NSString).standardizingPath
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                collection.failures.append(InputFailure(key: path, reason: .unreadable, message: "\(path): no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                guard let walker = manager.enumerator(atPath: path) else {
                    collection.failures.append(InputFailure(key: path, reason: .unreadable, message: "\(path): cannot list the folder"))
                    continue
                }
                var files: [String] = []
                while let relative = walker.nextObject() as? String {
                    let full = path + "/" + relative
                    // A dangling link is kept: reading it fails, and the failure is recorded rather than lost.
                    var nested: ObjCBool = false
                    if manager.fileExists(atPath: full, isDirectory: &nested), nested.boolValue { continue }
                    if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    let ext = (relative as NSString).pathExtension.lowercased()
                    // Gold mention files of the news layout (`vi.entities.jsonl`) are annotations, not article streams.
                    let annotation = relative.lowercased().hasSuffix(".entities.jsonl")
                    if !annotation && (textExtensions.contains(ext) || ext == "jsonl") { files.append(full) } else { collection.ignored += 1 }
                }
                for file in files.sorted() { add(file, to: &collection) }
            } else {
                add(path, to: &collection)
            }
        }
        return collection
    }

    private func add(_ path: String, to collection: inout Collection) {
        guard (path as NSString).pathExtension.lowercased() == "jsonl" else {
            collection.inputs.append(ArticleInput(location: .file(path: path)))
            return
        }
        do {
            for (k, line) in try Self.lines(of: path).enumerated() {
                collection.inputs.append(ArticleInput(location: .jsonLine(path: path, line: k + 1, offset: line.offset, length: line.length)))
            }
        } catch {
            collection.failures.append(InputFailure(key: path, reason: .unreadable, message: "\(path): \(error.localizedDescription)"))
        }
    }

    /// The non-blank lines of a file as byte ranges, found in one streaming pass.
    static func lines(of path: String) throws -> [(offset: UInt64, length: Int)] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var result: [(UInt64, Int)] = []
        var lineStart: UInt64 = 0
        var position: UInt64 = 0
        var blank = true
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                if byte == 0x0A {
                    if !blank { result.append((lineStart, Int(position - lineStart))) }
                    lineStart = position + 1
                    blank = true
                } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                    blank = false
                }
                position += 1
            }
        }
        if !blank { result.append((lineStart, Int(position - lineStart))) }
        return result
    }
}

/// A read input, ready for segmentation.
struct ReadArticle: Sendable {
    var input: TextInput
    var url: String?
    var articleKey: ArticleKey?
    var language: Language?
    var date: String?

    /// The article segmented, in its given language when it has one.
    func segmented(with segmenter: Segmenter, key: String) throws(InputFailure) -> Document {
        var segmenter = segmenter
        if let language { segmenter.options.language = .fixed(language) }
        return try InputFailure.catching(key: key) { try segmenter.segment(input) }
    }
}

extension InputFailure {
    /// Runs `body`, turning what it throws into an input failure of `key`: reading errors keep their reason and
    /// position, anything else is `unreadable`.
    static func catching<T>(key: String, _ body: () throws -> T) throws(InputFailure) -> T {
        do {
            return try body()
        } catch let failure as InputFailure {
            throw failure
        } catch let error as InputError {
            throw InputFailure(key: key, error)
        } catch {
            throw InputFailure(key: key, reason: .unreadable, message: "\(key): \(error.localizedDescription)")
        }
    }
}

extension ArticleInput {
    /// Reads the input: a file through ``TextReader`` (every check it makes), a JSONL line decoded and its text
    /// checked the same way.
    func read(with reader: TextReader) throws(InputFailure) -> ReadArticle {
        switch location {
        case let .file(path):
            return ReadArticle(input: try InputFailure.catching(key: key) { try reader.read(path: path) })
        case let .jsonLine(path, line, offset, length):
            guard length <= reader.maximumBytes else {
                throw InputFailure(key: key, InputError.tooLarge(source: key, bytes: length, limit: reader.maximumBytes))
            }
            let bytes = try InputFailure.catching(key: key) { () throws -> Data in
                let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.seek(toOffset: offset)
                return try handle.read(upToCount: length) ?? Data()
            }
            let place = "\(path) line \(line)"
            if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
                throw InputFailure(key: key, reason: .invalidUTF8, position: Int(offset) + bad,
                                   message: "\(place): invalid UTF-8 at byte \(Int(offset) + bad) of the file")
            }
            let article: StreamArticle
            do {
                article = try JSONDecoder().decode(StreamArticle.self, from: bytes)
            } catch {
                throw InputFailure(key: key, reason: .invalidJSON, position: Int(offset),
                                   message: "\(place): not a JSON article with a \"text\" field (\(Self.describe(error)))")
            }
            return try Self.article(article, key: key, reader: reader, place: place, position: Int(offset))
        }
    }

    /// Checks a decoded article's fields and its text like a file's. `place` names it in messages; `position` is
    /// the byte where it starts, for field errors.
    static func article(_ article: StreamArticle, key: String, reader: TextReader, place: String,
                        position: Int? = nil) throws(InputFailure) -> ReadArticle {
        var language: Language?
        if let code = article.lang {
            guard let parsed = Language(code: code) else {
                throw InputFailure(key: key, reason: .invalidField, position: position, message: "\(place): \"lang\" is not a language code: \(code)")
            }
            language = parsed
        }
        if let date = article.date, ArticleDates.components(date) == nil {
            throw InputFailure(key: key, reason: .invalidField, position: position, message: "\(place): \"date\" is not YYYY-MM-DD: \(date)")
        }
        let source = article.url ?? article.id ?? key
        let input = try InputFailure.catching(key: key) { try reader.decode(Array(article.text.utf8), source: source) }
        return ReadArticle(input: input, url: article.url, articleKey: article.article.map(ArticleKey.named),
                           language: language, date: article.date)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        default: return "\(error)"
        }
    }
}

/// A manifest of known correspondences: one article per line, its files (paths or input keys) separated by tabs;
/// blank lines and lines starting with `#` are skipped.
public enum Manifest {
    /// The articles of the manifest at `path`, each as its files; throws ``InputFailure`` when it cannot be read.
    public static func read(path: String) throws -> [[String]] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputFailure(key: path, reason: .unreadable, message: "\(path): cannot read the manifest: \(error.localizedDescription)")
        }
        return text.split(whereSeparator: \.isNewline).map { line in
            line.split(separator: "\t").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        }.filter { !$0.isEmpty && !$0[0].hasPrefix("#") }
    }
}
