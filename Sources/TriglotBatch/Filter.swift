import Foundation
import Triglot

/// The JSONL filter: article bundles in, one record per input line out, in input order.
///
/// Input, one JSON object per line: `{"id": "…", "date": "2023-08-28", "versions": [{"text": "…", "lang": "vi",
/// "url": "…"}, …]}` with one to three versions (`{"id": …, "text": …}` is a bundle of one). Output, one line per
/// input line: `{"id": …, "line": N, "status": "ok", "record": {ArticleRecord}}` or `{"id": …, "line": N, "status":
/// "error", "error": {"reason": …, "message": …, "version": K, "position": P}}`. Nothing else goes to the output,
/// so a cluster engine can pipe partitions through the tool and count what comes back.
public struct JSONLFilter: Sendable {
    /// Bundles processed at once (default: one per core).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Lines read ahead at most.
    public var window = 64
    /// Bytes of input read ahead at most (a chunk ends early when its lines reach this size).
    public var windowBytes = 64 << 20
    /// Lines longer than this are answered with a `too-large` error.
    public var maximumBytes = 64 << 20
    /// The segmenter every version goes through.
    public var segmenter = Segmenter()
    /// How each bundle is aligned and its mentions extracted and linked.
    public var processor = ArticleProcessor()

    /// A filter with the default settings.
    public init() {}

    /// One output line.
    public struct Output: Codable, Sendable {
        /// The bundle's `id`, when the input line gave one it could read.
        public var id: String?
        /// The input line answered, from 1 (blank lines counted, though they get no answer).
        public var line: Int
        /// `ok` with a record, `error` with the failure.
        public var status: Status
        /// The bundle's record, when the status is `ok`.
        public var record: ArticleRecord?
        /// Why the bundle was refused, when the status is `error`.
        public var error: Failure?

        /// Whether a line was processed, written `ok` or `error`.
        public enum Status: String, Codable, Sendable {
            /// Processed: the output carries the record.
            case ok
            /// Refused: the output carries the failure.
            case error
        }

        /// Why a line was refused.
        public struct Failure: Codable, Sendable {
            /// The kind of failure (written `invalid-json`, `invalid-field`, `html`, `empty`, `too-large`, …).
            public var reason: InputFailureReason
            /// What went wrong, in words, with the line.
            public var message: String
            /// The version at fault (0-based), when one is.
            public var version: Int?
            /// The byte position in that version's text, when there is one.
            public var position: Int?
        }
    }

    struct Bundle: Decodable {
        var id: String?
        var date: String?
        var versions: [StreamArticle]?
        var text: String?
        var lang: String?
        var url: String?
    }

    /// Filters `input` to `output` until the end of the input; returns the number of lines written and of errors
    /// among them.
    @discardableResult
    public func run(input: FileHandle, output: FileHandle) async throws -> (lines: Int, errors: Int) {
        var reader = LineReader(handle: input, maximumLength: maximumBytes)
        var lineNumber = 0
        var written = 0
        var errors = 0
        let encoder = JSONEncoder.stable()
        while true {
            var chunk: [(line: Int, bytes: LineReader.Line)] = []
            var bytes = 0
            while chunk.count < window, bytes < windowBytes, let line = try reader.next() {
                lineNumber += 1
                if case .text(let data) = line, data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                chunk.append((lineNumber, line))
                bytes += line.count
            }
            if chunk.isEmpty { break }
            var text = Data()
            try await forEachInOrder(chunk, width: jobs, transform: { item in
                self.process(item.bytes, line: item.line)
            }, consume: { _, result in
                if result.status == .error { errors += 1 }
                written += 1
                text.append(try encoder.encode(result))
                text.append(0x0A)
            })
            try output.write(contentsOf: text)
        }
        return (written, errors)
    }

    func process(_ line: LineReader.Line, line number: Int) -> Output {
        func failure(_ reason: InputFailureReason, _ message: String, id: String? = nil, version: Int? = nil, position: Int? = nil) -> Output {
            Output(id: id, line: number, status: .error, record: nil,
                   error: .init(reason: reason, message: message, version: version, position: position))
        }
        let data: Data
        switch line {
        case .tooLong(let length):
            return failure(.tooLarge, "line \(number): \(length) bytes, more than the limit of \(maximumBytes)")
        case .text(let bytes):
            data = bytes
        }
        if let bad = UTF8Validation.firstInvalidByte(in: data) {
            return failure(.invalidUTF8, "line \(number): invalid UTF-8 at byte \(bad) of the line", position: bad)
        }
        let bundle: Bundle
        do {
            bundle = try JSONDecoder().decode(Bundle.self, from: data)
        } catch {
            return failure(.invalidJSON, "line \(number): not a JSON article bundle (\(ArticleInput.describe(error)))")
        }
        if bundle.versions != nil && bundle.text != nil {
            return failure(.invalidField, "line \(number): a bundle has either \"versions\" or \"text\", not both", id: bundle.id)
        }
        var versions = bundle.versions ?? bundle.text.map { [StreamArticle(id: bundle.id, text: $0, url: bundle.url, lang: bundle.lang)] } ?? []
        // A version without its own name is named after its bundle, so records do not depend on where the line was.
        for k in versions.indices where versions[k].id == nil && versions[k].url == nil {
            versions[k].id = bundle.id.map { versions.count > 1 ? "\($0)#\(k)" : $0 }
        }
        guard (1...3).contains(versions.count) else {
            return failure(.invalidField, "line \(number): a bundle holds one to three versions, not \(versions.count)", id: bundle.id)
        }
        var date: DateComponents?
        if let given = bundle.date {
            guard let parsed = ArticleDates.components(given) else {
                return failure(.invalidField, "line \(number): \"date\" is not YYYY-MM-DD: \(given)", id: bundle.id)
            }
            date = parsed
        }
        let reader = TextReader(maximumBytes: maximumBytes)
        var documents: [Document] = []
        for (k, version) in versions.enumerated() {
            let key = "line \(number) version \(k)"
            do {
                let article = try ArticleInput.article(version, key: key, reader: reader, place: key)
                documents.append(try article.segmented(with: segmenter, key: key))
                if date == nil, let given = article.date { date = ArticleDates.components(given) }
            } catch {
                return failure(error.reason, error.message, id: bundle.id, version: k, position: error.position)
            }
        }
        return Output(id: bundle.id, line: number, status: .ok, record: processor.process(documents, articleDate: date), error: nil)
    }
}

/// Lines of a file handle, read in blocks; a line longer than the limit is skipped to its end and reported.
struct LineReader {
    enum Line: Sendable {
        case text(Data)
        case tooLong(Int)

        var count: Int {
            switch self {
            case .text(let data): return data.count
            case .tooLong: return 0
            }
        }
    }

    let handle: FileHandle
    let maximumLength: Int
    private var buffer = [UInt8]()
    private var position = 0     // start of the unread part of `buffer`
    private var finished = false

    init(handle: FileHandle, maximumLength: Int) {
        self.handle = handle
        self.maximumLength = maximumLength
    }

    mutating func next() throws -> Line? {
        var skipped = 0   // bytes of an overlong line dropped so far
        var searched = position
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let length = skipped + newline - position
                let line: Line = length > maximumLength ? .tooLong(length) : .text(Data(buffer[position..<newline]))
                position = newline + 1
                return line
            }
            searched = buffer.count
            if finished {
                guard position < buffer.count || skipped > 0 else { return nil }
                let length = skipped + buffer.count - position
                defer { buffer = []; position = 0 }
                return length > maximumLength ? .tooLong(length) : .text(Data(buffer[position...]))
            }
            if buffer.count - position > maximumLength {
                skipped += buffer.count - position
                position = buffer.count
            }
            // Drop what was consumed before reading more, so the buffer holds one block and one partial line at most.
            if position > 0 {
                buffer.removeSubrange(0..<position)
                searched -= position
                position = 0
            }
            if let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
                buffer.append(contentsOf: block)
            } else {
                finished = true
            }
        }
    }
}
