import Foundation

/// Finds official document references: Party (`1029-TB/TU`, `39-NQ/TW`, number–type/issuer, no year) and State
/// (`45/2023/NĐ-CP`, `123/QĐ-UBND`, number/[year/]type–issuer), with their spacing and Đ/D variants, and the type
/// word before them in each language ("Thông báo số", "Notice No.", "avis n°"). The date that follows ("ngày
/// 18/7/2023", "dated July 18, 2023", "du 15 juillet 2021") is read too.
public struct DocumentReferenceExtractor: Sendable {
    public init() {}

    /// The references in `text` (one sentence or more), with spans as UTF-8 offsets into `text` plus `base`.
    public func mentions(in text: String, base: Int = 0, dates: DateExtractor? = nil,
                         articleDate: DateComponents? = nil) -> [Mention] {
        var result: [Mention] = []
        for match in Self.code.matches(in: text) {
            let number = match.groups[0]!
            var attributes: [String: String] = ["number": String(number)]
            let canonical: String
            if let kind = match.groups[1], let issuer = match.groups[2] {
                attributes["system"] = "party"
                attributes["kind"] = Self.clean(kind)
                attributes["issuer"] = Self.clean(issuer)
                canonical = "\(number)-\(Self.clean(kind))/\(Self.clean(issuer))"
            } else if let state = match.groups[3] {
                attributes["system"] = "state"
                let parts = state.split(separator: "/").map(String.init)
                let tail = parts.last ?? ""
                if parts.count == 2 { attributes["year"] = parts[0] }
                let pieces = tail.split(separator: "-", maxSplits: 1).map(String.init)
                attributes["kind"] = pieces.count == 2 ? pieces[0] : ""
                attributes["issuer"] = pieces.count == 2 ? pieces[1] : pieces[0]
                canonical = "\(number)/" + (parts.count == 2 ? "\(parts[0])/" : "") + tail
            } else { continue }
            // The span starts at the type word when one stands right before the code.
            var start = match.range.lowerBound
            let before = String(text[..<start])
            if let word = Self.typeWord.firstMatch(in: before) {
                start = text.index(text.startIndex, offsetBy: before.distance(from: before.startIndex, to: word.range.lowerBound))
                attributes["type word"] = String(before[word.range]).trimmingCharacters(in: .whitespaces)
            }
            let end = match.range.upperBound
            // A date right after: "ngày 18/7/2023", "dated July 18, 2023", "du 15 juillet 2021".
            if let dates {
                let after = String(text[end...].prefix(48))
                if let date = dates.mentions(in: after, articleDate: articleDate).first, date.span.start <= 12,
                   date.attributes["precision"] == "day" {
                    attributes["date"] = date.value
                }
            }
            let startOffset = text.utf8.distance(from: text.startIndex, to: start)
            let endOffset = text.utf8.distance(from: text.startIndex, to: end)
            result.append(Mention(type: .docref, span: Span(start: base + startOffset, end: base + endOffset),
                                  text: String(text[start..<end]), value: canonical, attributes: attributes))
        }
        return result
    }

    /// The ranges of the bare codes (for the date extractor to avoid).
    func codeRanges(in text: String) -> [Range<String.Index>] { Self.code.matches(in: text).map(\.range) }

    private static func clean(_ code: Substring) -> String {
        String(code.filter { !$0.isWhitespace })
    }

    /// Party: 1029-TB/TU, 1029 -TB/TU, 2683 - QDi/TU; State: 45/2023/NĐ-CP, 123/QĐ-UBND, 4800/UBND-NC.
    static let code = Pattern(#"(?<![\d/\p{L}])(\d{1,5})(?:\s?-\s?([A-ZĐ][A-Za-zĐđ]{0,5})/([A-ZĐ][A-Za-zĐđ]{1,8})|/((?:(?:19|20)\d\d/)?[A-ZĐ][A-ZĐ0-9]{0,7}(?:-[A-ZĐ][A-ZĐ0-9&]{0,9})+))(?![\p{L}\d])"#)

    /// The type word (and number sign) that may stand right before a code, in each language.
    static let typeWord = Pattern(#"(?:nghị quyết|quyết định|quy định|chỉ thị|kết luận|quy chế|thông tri|thông tư|hướng dẫn|thông báo|thông cáo|báo cáo|kế hoạch|chương trình|đề án|tờ trình|công văn|nghị định|công điện|resolution|decision|regulations?|directive|conclusion|circular|instruction|guideline|guidance|notice|announcement|communiqu[ée]|report|plan|program(?:me)?|project|scheme|decree|official letter|dispatch|résolution|décision|règlement|circulaire|avis|rapport|projet|décret|dépêche officielle)\s+(?:số\s+|no\.?\s*|number\s+|n°\s*)?$"#, caseInsensitive: true)
}
