import Foundation

/// Why an input could not be used, by kind: what the `errors` table of a batch store and the answers of the JSONL
/// filter give as `reason`, written as the raw value (`invalid-utf8`).
public enum InputFailureReason: String, Sendable, Codable, CaseIterable {
    /// The file could not be opened or read.
    case unreadable
    /// No text: no bytes, or only white space.
    case empty
    /// Larger than the limit.
    case tooLarge = "too-large"
    /// Not valid UTF-8.
    case invalidUTF8 = "invalid-utf8"
    /// A UTF-16 byte order mark, then bytes that are not UTF-16.
    case invalidUTF16 = "invalid-utf16"
    /// Binary data.
    case binary
    /// HTML markup where plain text was expected.
    case html
    /// A JSONL line that is not a JSON article (or bundle).
    case invalidJSON = "invalid-json"
    /// A JSON field with a value that cannot be used (a language code, a date, a number of versions).
    case invalidField = "invalid-field"
    /// Text without a sentence with letters in it.
    case noText = "no-text"
}

/// Why an input could not be read as text. Each case names the input and, where there is one, the byte position.
public enum InputError: Error, Equatable, Sendable, LocalizedError {
    /// The file could not be opened or read.
    case unreadable(source: String, reason: String)
    /// The input has no text (no bytes, or only white space and a byte order mark).
    case empty(source: String)
    /// The input is larger than the configured limit.
    case tooLarge(source: String, bytes: Int, limit: Int)
    /// The bytes are not valid UTF-8 at `byteOffset` (0-based, counted in the file).
    case invalidUTF8(source: String, byteOffset: Int, line: Int, column: Int)
    /// The file declares UTF-16 (byte order mark) but is not valid UTF-16 at `byteOffset`.
    case invalidUTF16(source: String, byteOffset: Int)
    /// The input is binary data (`what` says which kind when it is recognised), first seen at `byteOffset`.
    case binary(source: String, byteOffset: Int, what: String)
    /// The input is HTML markup where plain text was expected; the first tag is at `byteOffset`.
    case html(source: String, byteOffset: Int, tag: String)

    /// The kind of failure, for tables and logs (written `invalid-utf8`, `binary`, `html`, …).
    public var reason: InputFailureReason {
        switch self {
        case .unreadable: return .unreadable
        case .empty: return .empty
        case .tooLarge: return .tooLarge
        case .invalidUTF8: return .invalidUTF8
        case .invalidUTF16: return .invalidUTF16
        case .binary: return .binary
        case .html: return .html
        }
    }

    /// The byte position of the failure, when there is one.
    public var byteOffset: Int? {
        switch self {
        case .unreadable, .empty, .tooLarge: return nil
        case let .invalidUTF8(_, offset, _, _), let .invalidUTF16(_, offset), let .binary(_, offset, _), let .html(_, offset, _):
            return offset
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .unreadable(source, reason):
            return "\(source): cannot read the file: \(reason)"
        case let .empty(source):
            return "\(source): the input is empty (no text to segment)"
        case let .tooLarge(source, bytes, limit):
            return "\(source): the input has \(bytes) bytes, more than the limit of \(limit) bytes; "
                + "split it, or raise the limit (--max-bytes)"
        case let .invalidUTF8(source, offset, line, column):
            return "\(source): invalid UTF-8 at byte \(offset) (line \(line), column \(column)); "
                + "convert the file to UTF-8 (for example with iconv) and try again"
        case let .invalidUTF16(source, offset):
            return "\(source): the file starts with a UTF-16 byte order mark but is not valid UTF-16 at byte \(offset)"
        case let .binary(source, offset, what):
            return "\(source): this is \(what), not text (binary data at byte \(offset))"
        case let .html(source, offset, tag):
            return "\(source): this is HTML (\(tag) at byte \(offset)), not plain text; extract the article text first"
        }
    }
}

/// The encoding a text input was found in.
public enum TextEncoding: String, Codable, Sendable {
    /// UTF-8 without a byte order mark.
    case utf8
    /// UTF-8 after a byte order mark (`EF BB BF`).
    case utf8WithByteOrderMark
    /// UTF-16, little-endian, after its byte order mark.
    case utf16LittleEndian
    /// UTF-16, big-endian, after its byte order mark.
    case utf16BigEndian
}

/// A text input after decoding: the text, where it came from, and how it was encoded.
///
/// Offsets of spans are UTF-8 offsets into `text`. For a UTF-8 file with a byte order mark they are shifted by
/// `byteOrderMarkLength` relative to the file; for UTF-16 files they refer to the decoded text.
public struct TextInput: Sendable {
    /// The decoded text (UTF-8 in memory, without the byte order mark).
    public var text: String
    /// Where the text came from: a path, a URL or a name.
    public var source: String
    /// How the bytes were encoded.
    public var encoding: TextEncoding
    /// Bytes of byte order mark skipped at the start of the file (0 or 3 for UTF-8, 2 for UTF-16).
    public var byteOrderMarkLength: Int

    /// An input already decoded.
    public init(text: String, source: String, encoding: TextEncoding = .utf8, byteOrderMarkLength: Int = 0) {
        self.text = text
        self.source = source
        self.encoding = encoding
        self.byteOrderMarkLength = byteOrderMarkLength
    }
}

/// Reads text files and byte buffers, refusing anything that is not plain text with an ``InputError``.
///
/// Accepts UTF-8 (with or without byte order mark) and UTF-16 with a byte order mark. CR LF and lone CR line
/// ends are kept as they are; the segmenter understands them.
public struct TextReader: Sendable {
    /// Inputs larger than this many bytes are refused with ``InputError/tooLarge(source:bytes:limit:)``.
    public var maximumBytes: Int

    /// 256 MiB by default.
    public init(maximumBytes: Int = 256 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// Reads and decodes the file at `path`; `-` reads standard input.
    public func read(path: String) throws -> TextInput {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try decode(Array(data), source: "<stdin>")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.unreadable(source: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw InputError.unreadable(source: path, reason: "it is a directory") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.intValue > maximumBytes {
            throw InputError.tooLarge(source: path, bytes: size.intValue, limit: maximumBytes)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError.unreadable(source: path, reason: "permission denied or not a regular file")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw InputError.unreadable(source: path, reason: String(describing: error))
        }
        return try decode(Array(data), source: path)
    }

    /// Decodes `bytes` read from `source` (a name used in error messages).
    public func decode(_ bytes: [UInt8], source: String) throws -> TextInput {
        if bytes.count > maximumBytes {
            throw InputError.tooLarge(source: source, bytes: bytes.count, limit: maximumBytes)
        }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw InputError.binary(source: source, byteOffset: 0, what: "UTF-32 text, which is not supported")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try decodeUTF16(bytes, source: source, littleEndian: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes, source: source, littleEndian: false)
        }
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let (offset, what) = Self.binarySignature(bytes) {
            throw InputError.binary(source: source, byteOffset: offset, what: what)
        }
        let body = bytes[bomLength...]
        // The standard library validates while it copies; only a failure needs the slower search for the offset.
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = UTF8Validation.firstInvalidOffset(body) ?? bomLength
            let (line, column) = Self.lineAndColumn(of: bad, in: bytes)
            throw InputError.invalidUTF8(source: source, byteOffset: bad, line: line, column: column)
        }
        return try checked(TextInput(
            text: text, source: source,
            encoding: bomLength == 0 ? .utf8 : .utf8WithByteOrderMark, byteOrderMarkLength: bomLength),
            offsetShift: bomLength)
    }

    private func decodeUTF16(_ bytes: [UInt8], source: String, littleEndian: Bool) throws -> TextInput {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        if index < bytes.count {
            throw InputError.invalidUTF16(source: source, byteOffset: index)
        }
        var text = String()
        text.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                text.unicodeScalars.append(scalar)
                consumed += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break loop
            case .error:
                throw InputError.invalidUTF16(source: source, byteOffset: 2 + consumed * 2)
            }
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            let offset = 2 + 2 * (units.firstIndex(of: 0) ?? 0)
            throw InputError.binary(source: source, byteOffset: offset, what: "binary data (NUL characters)")
        }
        return try checked(TextInput(
            text: text, source: source,
            encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian, byteOrderMarkLength: 2),
            offsetShift: nil)
    }

    /// Refuses empty text and HTML. `offsetShift` converts text offsets to file offsets (nil: not byte-aligned).
    private func checked(_ input: TextInput, offsetShift: Int?) throws -> TextInput {
        if input.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw InputError.empty(source: input.source)
        }
        if let (offset, tag) = HTMLDetector.firstMarkup(in: input.text) {
            throw InputError.html(source: input.source, byteOffset: offset + (offsetShift ?? 0), tag: tag)
        }
        return input
    }

    /// Recognises binary content: known file signatures, NUL bytes, or many control characters.
    static func binarySignature(_ bytes: [UInt8]) -> (Int, String)? {
        let signatures: [([UInt8], String)] = [
            (Array("%PDF".utf8), "a PDF document"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or a DOCX/ODT document)"),
            ([0x1F, 0x8B], "gzip-compressed data"),
            ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
            (Array("SQLite format 3".utf8), "an SQLite database"),
            ([0xD0, 0xCF, 0x11, 0xE0], "a legacy Office document"),
        ]
        for (signature, what) in signatures where bytes.starts(with: signature) {
            return (0, what)
        }
        var controls = 0
        var firstControl: Int?
        for (offset, byte) in bytes.prefix(1 << 16).enumerated() {
            if byte == 0 { return (offset, "binary data (NUL bytes)") }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
                controls += 1
                if firstControl == nil { firstControl = offset }
            }
        }
        if let first = firstControl, controls * 50 > min(bytes.count, 1 << 16) {
            return (first, "binary data (control characters)")
        }
        return nil
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}

/// UTF-8 validation that reports where the first invalid byte is.
public enum UTF8Validation {
    /// The offset of the first byte of `data` that does not start a valid UTF-8 sequence, or nil if all is valid.
    public static func firstInvalidByte(in data: Data) -> Int? { firstInvalidOffset(ArraySlice(data)) }

    /// The offset (relative to the collection's first index, counted from 0 in the enclosing buffer) of the first
    /// byte that does not start a valid UTF-8 sequence, or nil if all of `bytes` is valid.
    static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let base = bytes.startIndex
            var i = 0
            let n = buffer.count
            while i < n {
                let b0 = buffer[i]
                if b0 < 0x80 { i += 1; continue }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch b0 {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b0 & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b0 & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b0 & 0x07)
                default: return base + i
                }
                if i + length > n { return base + i }
                for k in 1..<length {
                    let b = buffer[i + k]
                    if b & 0xC0 != 0x80 { return base + i }
                    scalar = scalar << 6 | UInt32(b & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return base + i }
                i += length
            }
            return nil
        }
    }
}

/// Tells HTML markup from plain text that merely mentions a "<" (or uses a lone "<p>" line as a paragraph mark,
/// as hunalign's sentence-per-line files do).
enum HTMLDetector {
    /// Tags that only a web page has.
    private static let structural = ["<!doctype html", "<html", "<head", "<body", "<meta", "<script", "<style"]
    /// Tags that prose can hold too, one kind at a time.
    private static let ordinary = [
        "<div", "<p>", "<p ", "<br", "<span", "<a href", "<table", "<li>", "<ul>", "<img ", "<h1", "<h2", "<h3",
        "<article", "<section", "</p>", "</div>", "</a>", "</span>",
    ]

    /// The UTF-8 offset and the text of the first HTML tag, when the text is markup: it holds a structural tag,
    /// or at least three tags of at least two kinds.
    static func firstMarkup(in text: String) -> (Int, String)? {
        var text = text
        return text.withUTF8 { firstMarkup(in: UnsafeBufferPointer(rebasing: $0.prefix(1 << 16))) }
    }

    /// The same over UTF-8 bytes.
    static func firstMarkup(in bytes: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        let strong = structural.map { Array($0.utf8) }
        let weak = ordinary.map { Array($0.utf8) }
        var first: Int?
        var count = 0
        var kinds = Set<Int>()
        var sawStructural = false
        var index = 0
        while index < bytes.count, !(sawStructural && first != nil) {
            if bytes[index] == UInt8(ascii: "<") {
                if strong.contains(where: { matches($0, in: bytes, at: index) }) {
                    sawStructural = true
                    if first == nil { first = index }
                } else if let kind = weak.firstIndex(where: { matches($0, in: bytes, at: index) }) {
                    if first == nil { first = index }
                    count += 1
                    kinds.insert(kind)
                }
            }
            index += 1
        }
        guard let offset = first, sawStructural || (count >= 3 && kinds.count >= 2) else { return nil }
        let tag = bytes[offset...].prefix { $0 != UInt8(ascii: ">") && $0 != 0x0A }.prefix(40)
        return (offset, String(decoding: tag, as: UTF8.self) + ">")
    }

    /// ASCII case-insensitive match of `pattern` (lower case) at `offset`.
    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for (k, expected) in pattern.enumerated() {
            var byte = bytes[offset + k]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != expected { return false }
        }
        return true
    }
}

extension String {
    /// The lines of a one-item-per-line file (presegmented sentences, gold units): cut at each line feed, with a
    /// carriage return before it dropped so that files written on Windows read the same, and a final line break
    /// ending the last line rather than starting an empty one. Cut on the bytes: splitting by characters would
    /// keep `\r\n` (one character) inside a line, and costs a grapheme test per character.
    package var fileLines: [String] {
        var text = self
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            for k in bytes.indices where bytes[k] == 0x0A {
                let end = k > start && bytes[k - 1] == 0x0D ? k - 1 : k
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = k + 1
            }
            if start < bytes.count {
                let end = bytes[bytes.count - 1] == 0x0D ? bytes.count - 1 : bytes.count
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            }
            return lines
        }
    }
}
