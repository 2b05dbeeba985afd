import Foundation

/// A compiled regular expression (ICU syntax, through Foundation) that answers in `String` ranges.
struct Pattern: @unchecked Sendable {  // NSRegularExpression is immutable and documented thread-safe
    private let expression: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool = false) {
        do {
            expression = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("bad pattern \(pattern): \(error)")
        }
    }

    struct Match {
        var range: Range<String.Index>
        /// Capture groups (nil where a group took no part).
        var groups: [Substring?]
    }

    func matches(in text: String) -> [Match] {
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.matches(in: text, range: whole).compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            let groups: [Substring?] = (1..<max(1, result.numberOfRanges)).map { k in
                Range(result.range(at: k), in: text).map { text[$0] }
            }
            return Match(range: range, groups: groups)
        }
    }

    func firstMatch(in text: String) -> Match? { matches(in: text).first }
}
