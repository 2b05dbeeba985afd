import Foundation

extension JSONEncoder {
    /// The encoder behind every JSON Triglot writes: keys sorted and slashes left unescaped, so the same value
    /// always gives the same bytes.
    public static func stable(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// JSON text for small flat values written once per mention, byte for byte what `JSONEncoder.stable()`
/// writes for them (keys sorted, slashes unescaped), without an encoder's cost per value.
public enum StableJSONText {
    /// `string` as a JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t`, `\b`, `\f` or
    /// `\u00XX`, everything else as it is.
    public static func quoted(_ string: String) -> String {
        var result = JSONBytes()
        result.quoted(string)
        return result.text
    }

    /// The same, appended to `output`.
    public static func appendQuoted(_ string: String, to output: inout String) {
        output += quoted(string)
    }

    /// An object of string members, keys in the order the stable encoder sorts them.
    public static func object(_ members: [String: String]) -> String {
        var result = JSONBytes()
        result.object(members)
        return result.text
    }

    /// The same, appended to `output`.
    public static func appendObject(_ members: [String: String], to output: inout String) {
        output += object(members)
    }

    /// Keys in the order the stable encoder writes them (by their UTF-8 bytes).
    public static func sortedKeys<Keys: Sequence<String>>(_ keys: Keys) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A number as the stable encoder writes it: the shortest text that reads back as the same `Double`, without
    /// a trailing `.0` (`1`, `0.25`, `1e-05`). Throws, as the encoder does, for infinities and NaN.
    public static func appendNumber(_ value: Double, to output: inout String) throws {
        var result = JSONBytes()
        try result.number(value)
        output += result.text
    }
}

/// JSON text being written, as UTF-8 bytes (appending bytes costs far less than appending strings): what the
/// stable writers of mentions and records write into.
struct JSONBytes {
    var bytes: [UInt8] = []

    /// The text written.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Text that needs no escaping: punctuation, member names.
    @inline(__always)
    mutating func put(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// An integer in decimal.
    mutating func put(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `string` as a JSON string (see ``StableJSONText/quoted(_:)``).
    mutating func quoted(_ string: String) {
        bytes.append(0x22)
        var string = string
        string.withUTF8 { text in
            // Every character escaped is ASCII: the bytes are scanned, and the runs between them copied as they are.
            var plainStart = 0
            for index in 0..<text.count {
                let byte = text[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[plainStart..<index]))
                switch byte {
                case 0x22: put("\\\"")
                case 0x5C: put("\\\\")
                case 0x0A: put("\\n")
                case 0x0D: put("\\r")
                case 0x09: put("\\t")
                case 0x08: put("\\b")
                case 0x0C: put("\\f")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    put("\\u00")
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
                plainStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[plainStart...]))
        }
        bytes.append(0x22)
    }

    /// An object of string members, keys sorted as the stable encoder sorts them.
    mutating func object(_ members: [String: String]) {
        object(ordered: StableJSONText.sortedKeys(members.keys).map { ($0, members[$0]!) })
    }

    /// An object of string members given in the order the stable encoder sorts them.
    mutating func object(ordered members: [(name: String, value: String)]) {
        put("{")
        for (k, member) in members.enumerated() {
            if k > 0 { put(",") }
            quoted(member.name)
            put(":")
            quoted(member.value)
        }
        put("}")
    }

    /// A number as the stable encoder writes it (see ``StableJSONText/appendNumber(_:to:)``).
    mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        let text = value.description
        bytes.append(contentsOf: (text.hasSuffix(".0") ? text.dropLast(2) : Substring(text)).utf8)
    }

    /// The member `"name":"value"` with a comma before it (`commaFirst`) or after it; nothing when `value` is
    /// absent (the encoder leaves absent optional members out). `name` needs no escaping.
    mutating func optionalMember(_ name: StaticString, _ value: String?, commaFirst: Bool) {
        guard let value else { return }
        if commaFirst { put(",") }
        put("\"")
        put(name)
        put("\":")
        quoted(value)
        if !commaFirst { put(",") }
    }

    /// A list, each element written by `element`.
    mutating func list<Elements: Sequence>(_ elements: Elements,
                                           element: (Elements.Element, inout JSONBytes) throws -> Void) rethrows {
        put("[")
        var first = true
        for value in elements {
            if !first { put(",") }
            first = false
            try element(value, &self)
        }
        put("]")
    }

    /// A list of strings, `["vi","en"]`.
    mutating func quotedList<Strings: Sequence<String>>(_ strings: Strings) {
        list(strings) { $1.quoted($0) }
    }

    /// A list of integers, `[1,2]`.
    mutating func integers<Numbers: Sequence<Int>>(_ numbers: Numbers) {
        list(numbers) { $1.put($0) }
    }
}

extension Mention {
    /// The mention as one JSON object, as `triglot extract` writes it: `attributes`, `end`, `start` (UTF-8
    /// offsets), `text`, `type` and `value` (a string, or a reference's `date`, `kind` and `number`), keys sorted.
    public var jsonLine: String {
        var line = JSONBytes()
        line.mention(self)
        return line.text
    }

    /// The same object appended to `output`.
    public func appendJSONLine(to output: inout String) {
        output += jsonLine
    }

    /// The same object's UTF-8 bytes appended to `output`.
    public func appendJSONLine(to output: inout [UInt8]) {
        var line = JSONBytes(bytes: output)
        output = []
        line.mention(self)
        output = line.bytes
    }
}

extension JSONBytes {
    /// A mention as `triglot extract` writes it (see ``Mention/jsonLine``).
    mutating func mention(_ mention: Mention) {
        put("{\"attributes\":")
        object(ordered: mention.value.attributeList)
        put(",\"end\":")
        put(mention.span.end)
        put(",\"start\":")
        put(mention.span.start)
        put(",\"text\":")
        quoted(mention.text)
        put(",\"type\":")
        quoted(mention.type.rawValue)
        put(",\"value\":")
        ArticleRecord.Value(mention.value).write(to: &self)
        put("}")
    }
}

extension ArticleRecord {
    /// The record as compact JSON text: byte for byte what `JSONEncoder.stable()` writes for it (keys sorted,
    /// absent optional members left out, `null` for a reference's missing kind or date), written directly
    /// because a batch stores one per article.
    public func jsonText() throws -> String {
        var output = JSONBytes()
        output.bytes.reserveCapacity(256 + 160 * entities.reduce(0) { $0 + $1.mentions.count } + 40 * alignment.beads.count)
        try write(to: &output)
        return output.text
    }

    /// The same, appended to `output`.
    public func appendJSON(to output: inout String) throws {
        output += try jsonText()
    }

    func write(to output: inout JSONBytes) throws {
        output.put("{\"alignment\":")
        try alignment.write(to: &output)
        output.put(",\"article\":{")
        output.optionalMember("date", article.date, commaFirst: false)
        output.put("\"versions\":")
        output.list(article.versions) { version, output in
            output.put("{\"languages\":")
            output.quotedList(version.languages.lazy.map(\.code))
            output.put(",\"sentenceCount\":")
            output.put(version.sentenceCount)
            output.optionalMember("source", version.source, commaFirst: true)
            output.optionalMember("title", version.title, commaFirst: true)
            output.put("}")
        }
        output.put("},\"entities\":")
        output.list(entities) { entity, output in
            output.put("{")
            output.optionalMember("id", entity.id, commaFirst: false)
            output.put("\"mentions\":")
            output.list(entity.mentions) { mention, output in
                output.put("{")
                if let attributes = mention.attributes {
                    output.put("\"attributes\":")
                    output.object(attributes)
                    output.put(",")
                }
                output.put("\"end\":")
                output.put(mention.end)
                output.put(",\"language\":")
                output.quoted(mention.language.code)
                output.put(",\"sentence\":")
                output.put(mention.sentence)
                output.put(",\"start\":")
                output.put(mention.start)
                output.put(",\"text\":")
                output.quoted(mention.text)
                output.put(",\"value\":")
                mention.value.write(to: &output)
                output.put(",\"version\":")
                output.put(mention.version)
                output.put("}")
            }
            output.put(",\"type\":")
            output.quoted(entity.type.rawValue)
            output.put(",\"value\":")
            output.quoted(entity.value)
            output.put("}")
        }
        if let pairs {
            output.put(",\"pairs\":")
            try output.list(pairs) { pair, output in
                output.put("{\"alignment\":")
                try pair.alignment.write(to: &output)
                output.put(",\"versions\":")
                output.integers(pair.versions)
                output.put("}")
            }
        }
        output.put(",\"schemaVersion\":")
        output.put(schemaVersion)
        output.put("}")
    }
}

extension Alignment {
    /// The alignment as the stable encoder writes it: beads (confidence, sentences), languages, sentence counts.
    func write(to output: inout JSONBytes) throws {
        output.put("{\"beads\":")
        try output.list(beads) { bead, output in
            output.put("{\"confidence\":")
            try output.number(bead.confidence)
            output.put(",\"sentences\":")
            output.list(bead.sentences) { $1.integers($0) }
            output.put("}")
        }
        output.put(",\"languages\":")
        output.quotedList(languages.lazy.map(\.code))
        output.put(",\"sentenceCounts\":")
        output.integers(sentenceCounts)
        output.put("}")
    }
}

extension ArticleRecord.Value {
    /// The value as the stable encoder writes it: a string, or a reference's `date`, `kind` (`null` when
    /// unknown) and `number`.
    func write(to output: inout JSONBytes) {
        switch self {
        case .text(let text):
            output.quoted(text)
        case let .reference(kind, number, date):
            output.put("{\"date\":")
            if let date { output.quoted(date) } else { output.put("null") }
            output.put(",\"kind\":")
            if let kind { output.quoted(kind) } else { output.put("null") }
            output.put(",\"number\":")
            output.quoted(number)
            output.put("}")
        }
    }
}
