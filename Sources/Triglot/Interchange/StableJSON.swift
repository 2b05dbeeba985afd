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
        var result = ""
        appendQuoted(string, to: &result)
        return result
    }

    /// The same, appended to `output`.
    public static func appendQuoted(_ string: String, to output: inout String) {
        output += "\""
        // Every character escaped is ASCII: the bytes are scanned, and the text between them copied as it is.
        let bytes = string.utf8
        var plainStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else {
                index = next
                continue
            }
            output += string[plainStart..<index]
            switch Unicode.Scalar(byte) {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            default:
                let hex = String(byte, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            plainStart = next
            index = next
        }
        output += string[plainStart...]
        output += "\""
    }

    /// An object of string members, keys in the order the stable encoder sorts them.
    public static func object(_ members: [String: String]) -> String {
        var result = ""
        appendObject(members, to: &result)
        return result
    }

    /// The same, appended to `output`.
    public static func appendObject(_ members: [String: String], to output: inout String) {
        guard !members.isEmpty else {
            output += "{}"
            return
        }
        output += "{"
        for (k, member) in sortedKeys(members.keys).enumerated() {
            if k > 0 { output += "," }
            appendQuoted(member, to: &output)
            output += ":"
            appendQuoted(members[member]!, to: &output)
        }
        output += "}"
    }

    /// Keys in the order the stable encoder writes them (by their UTF-8 bytes).
    public static func sortedKeys<Keys: Sequence<String>>(_ keys: Keys) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension Mention {
    /// The mention as one JSON object, as `triglot extract` writes it: `attributes`, `end`, `start` (UTF-8
    /// offsets), `text`, `type` and `value` (a string, or a reference's `date`, `kind` and `number`), keys sorted.
    public var jsonLine: String {
        var line = ""
        appendJSONLine(to: &line)
        return line
    }

    /// The same object appended to `output`.
    public func appendJSONLine(to output: inout String) {
        typealias J = StableJSONText
        output += "{\"attributes\":"
        J.appendObject(value.attributes, to: &output)
        output += ",\"end\":"
        output += String(span.end)
        output += ",\"start\":"
        output += String(span.start)
        output += ",\"text\":"
        J.appendQuoted(text, to: &output)
        output += ",\"type\":"
        J.appendQuoted(type.rawValue, to: &output)
        output += ",\"value\":"
        ArticleRecord.Value(value).appendJSON(to: &output)
        output += "}"
    }
}

extension StableJSONText {
    /// A number as the stable encoder writes it: the shortest text that reads back as the same `Double`, without
    /// a trailing `.0` (`1`, `0.25`, `1e-05`). Throws, as the encoder does, for infinities and NaN.
    public static func appendNumber(_ value: Double, to output: inout String) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        let text = value.description
        output += text.hasSuffix(".0") ? text.dropLast(2) : Substring(text)
    }

    /// The member `"name":"value"` with a comma before it (`commaFirst`) or after it; nothing when `value` is
    /// absent (the encoder leaves absent optional members out). `name` needs no escaping.
    static func appendOptionalMember(_ name: String, _ value: String?, commaFirst: Bool, to output: inout String) {
        guard let value else { return }
        output += commaFirst ? ",\"" : "\""
        output += name
        output += "\":"
        appendQuoted(value, to: &output)
        if !commaFirst { output += "," }
    }

    /// A list of strings, `["vi","en"]`.
    static func appendQuotedList<Strings: Sequence<String>>(_ strings: Strings, to output: inout String) {
        appendList(strings, to: &output) { appendQuoted($0, to: &$1) }
    }

    /// A list of integers, `[1,2]`.
    static func appendIntegers<Numbers: Sequence<Int>>(_ numbers: Numbers, to output: inout String) {
        appendList(numbers, to: &output) { $1 += String($0) }
    }

    /// A list, each element written by `element`.
    static func appendList<Elements: Sequence>(_ elements: Elements, to output: inout String,
                                               element: (Elements.Element, inout String) throws -> Void) rethrows {
        output += "["
        var first = true
        for value in elements {
            if !first { output += "," }
            first = false
            try element(value, &output)
        }
        output += "]"
    }
}

extension ArticleRecord {
    /// The record as compact JSON text: byte for byte what `JSONEncoder.stable()` writes for it (keys sorted,
    /// absent optional members left out, `null` for a reference's missing kind or date), written directly
    /// because a batch stores one per article.
    public func jsonText() throws -> String {
        var output = ""
        output.reserveCapacity(256 + 160 * entities.reduce(0) { $0 + $1.mentions.count } + 40 * alignment.beads.count)
        try appendJSON(to: &output)
        return output
    }

    /// The same, appended to `output`.
    public func appendJSON(to output: inout String) throws {
        typealias J = StableJSONText
        output += "{\"alignment\":{\"beads\":"
        try J.appendList(alignment.beads, to: &output) { bead, output in
            output += "{\"confidence\":"
            try J.appendNumber(bead.confidence, to: &output)
            output += ",\"sentences\":"
            J.appendList(bead.sentences, to: &output) { J.appendIntegers($0, to: &$1) }
            output += "}"
        }
        output += ",\"languages\":"
        J.appendQuotedList(alignment.languages.lazy.map(\.code), to: &output)
        output += ",\"sentenceCounts\":"
        J.appendIntegers(alignment.sentenceCounts, to: &output)
        output += "},\"article\":{"
        J.appendOptionalMember("date", article.date, commaFirst: false, to: &output)
        output += "\"versions\":"
        J.appendList(article.versions, to: &output) { version, output in
            output += "{\"languages\":"
            J.appendQuotedList(version.languages.lazy.map(\.code), to: &output)
            output += ",\"sentenceCount\":"
            output += String(version.sentenceCount)
            J.appendOptionalMember("source", version.source, commaFirst: true, to: &output)
            J.appendOptionalMember("title", version.title, commaFirst: true, to: &output)
            output += "}"
        }
        output += "},\"entities\":"
        J.appendList(entities, to: &output) { entity, output in
            output += "{"
            J.appendOptionalMember("id", entity.id, commaFirst: false, to: &output)
            output += "\"mentions\":"
            J.appendList(entity.mentions, to: &output) { mention, output in
                output += "{"
                if let attributes = mention.attributes {
                    output += "\"attributes\":"
                    J.appendObject(attributes, to: &output)
                    output += ","
                }
                output += "\"end\":"
                output += String(mention.end)
                output += ",\"language\":"
                J.appendQuoted(mention.language.code, to: &output)
                output += ",\"sentence\":"
                output += String(mention.sentence)
                output += ",\"start\":"
                output += String(mention.start)
                output += ",\"text\":"
                J.appendQuoted(mention.text, to: &output)
                output += ",\"value\":"
                mention.value.appendJSON(to: &output)
                output += ",\"version\":"
                output += String(mention.version)
                output += "}"
            }
            output += ",\"type\":"
            J.appendQuoted(entity.type.rawValue, to: &output)
            output += ",\"value\":"
            J.appendQuoted(entity.value, to: &output)
            output += "}"
        }
        output += ",\"schemaVersion\":"
        output += String(schemaVersion)
        output += "}"
    }
}

extension ArticleRecord.Value {
    /// The value as the stable encoder writes it: a string, or a reference's `date`, `kind` (`null` when
    /// unknown) and `number`.
    func appendJSON(to output: inout String) {
        typealias J = StableJSONText
        switch self {
        case .text(let text):
            J.appendQuoted(text, to: &output)
        case let .reference(kind, number, date):
            output += "{\"date\":"
            if let date { J.appendQuoted(date, to: &output) } else { output += "null" }
            output += ",\"kind\":"
            if let kind { J.appendQuoted(kind, to: &output) } else { output += "null" }
            output += ",\"number\":"
            J.appendQuoted(number, to: &output)
            output += "}"
        }
    }
}
