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
        switch ArticleRecord.Value(value) {
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
        output += "}"
    }
}
