import Foundation

/// Finds people named in notices, with the post and body the text gives them: "Nguyen Van Gau, membre du Comité
/// central du Parti, secrétaire du Comité provincial du Parti", "Chief of the district's Internal Affairs, Huynh
/// Van Sau", "đồng chí Nguyễn Văn Gấu, Bí thư Tỉnh ủy".
///
/// A person is a Vietnamese full name: a common family name followed by one to three capitalised words, written
/// with or without diacritics. The value is the name folded (`nguyen-van-gau`); attributes `post` (the post word as
/// written) and `body` (the identifier of the body the post belongs to) when the apposition around the name gives
/// them.
public struct PersonExtractor: Sendable {
    public init() {}

    /// Family names, folded.
    static let familyNames: Set<String> = [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
        "ly", "dinh", "trinh", "mai", "ha", "doan", "lam", "luong", "cao", "chu", "to", "thai", "truong", "ta", "quach",
        "lai", "kieu", "dao", "tong", "lu", "nghiem", "khuat", "la", "van", "giang", "trieu", "tang", "vuong", "luu",
    ]

    /// Post words in the three languages, lower case.
    static let posts = [
        "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "trưởng ban", "phó trưởng ban", "giám đốc", "ủy viên",
        "đồng chí", "secrétaire", "secrétaire adjoint", "secrétaire adjointe", "président", "présidente",
        "vice-président", "vice-présidente", "chef", "membre", "directeur", "directrice", "camarade", "secretary",
        "deputy secretary", "chairman", "chairwoman", "vice chairman", "head", "chief", "director", "member", "comrade",
    ]

    private static let postsLongestFirst = posts.sorted { $0.count > $1.count }

    /// The people of `text`, with spans as UTF-8 offsets into `text` plus `base`; `bodies` are the body mentions
    /// of the same text (spans with the same base), used to give a post its body.
    public func mentions(in text: String, base: Int = 0, bodies: [Mention] = []) -> [Mention] {
        let words = BodyExtractor.words(of: text)
        var result: [Mention] = []
        var k = 0
        while k < words.count {
            let folded = Normalization.folded(String(text[words[k].range]))
            // "Le" and "La" open French sentences; they are family names only before more capitalised words.
            guard words[k].capitalised, Self.familyNames.contains(folded) else { k += 1; continue }
            var end = k + 1
            while end < words.count, end - k < 4, words[end].capitalised,
                  text[words[end - 1].range.upperBound..<words[end].range.lowerBound].allSatisfy({ $0 == " " }) {
                end += 1
            }
            guard end - k >= 2, end - k <= 4, !(k + 1 < words.count && ["comité", "parti", "conseil"].contains(words[k + 1].key)) else {
                k += 1
                continue
            }
            let range = words[k].range.lowerBound..<words[end - 1].range.upperBound
            let name = String(text[range])
            var attributes: [String: String] = [:]
            // The post: after the name ("X, secrétaire du ...") or before it ("le chef du ..., X").
            let after = String(text[range.upperBound...].prefix(140))
            let before = String(text[..<range.lowerBound].suffix(140))
            if let post = Self.firstPost(in: after) ?? Self.lastPost(in: before) {
                attributes["post"] = post.word
                let postOffset = text.utf8.distance(from: text.startIndex, to: post.side == .after
                    ? text.index(range.upperBound, offsetBy: post.offset) : text.index(range.lowerBound, offsetBy: -(before.count - post.offset)))
                // The body right after the post word.
                if let body = bodies.filter({ $0.span.start >= base + postOffset }).min(by: { $0.span.start < $1.span.start }),
                   body.span.start - (base + postOffset) < 60 {
                    attributes["body"] = body.value
                }
            }
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let endOffset = text.utf8.distance(from: text.startIndex, to: range.upperBound)
            result.append(Mention(type: .person, span: Span(start: base + start, end: base + endOffset), text: name,
                                  value: Normalization.folded(name).split(separator: " ").joined(separator: "-"),
                                  attributes: attributes))
            k = end
        }
        return result
    }

    enum Side { case before, after }

    /// A post word at the start of the apposition after a name (", secrétaire du ...").
    private static func firstPost(in after: String) -> (word: String, offset: Int, side: Side)? {
        let trimmed = after.drop { $0 == "," || $0 == " " || $0 == "(" }
        let skipped = after.count - trimmed.count
        let lower = trimmed.lowercased()
        // The longest post word that opens the apposition ("secrétaire adjointe" before "secrétaire").
        for post in postsLongestFirst where lower.hasPrefix(post) {
            return (post, skipped, .after)
        }
        return nil
    }

    /// A post word shortly before a name ("le chef du Département ..., Huynh Van Sau").
    private static func lastPost(in before: String) -> (word: String, offset: Int, side: Side)? {
        let lower = before.lowercased()
        var best: (String, Int)?
        for post in posts {
            if let range = lower.range(of: post, options: .backwards) {
                let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                if best.map({ offset > $0.1 }) ?? true { best = (post, offset) }
            }
        }
        guard let (word, offset) = best, before.count - offset < 120 else { return nil }
        return (word, offset, .before)
    }
}
