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
