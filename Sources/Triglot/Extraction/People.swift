import Foundation

/// Finds people named in notices, with the post and body the text gives them: "Nguyen Van Gau, membre du Comité
/// central du Parti, secrétaire du Comité provincial du Parti", "Chief of the district's Internal Affairs, Huynh
/// Van Sau", "đồng chí Nguyễn Văn Gấu, Bí thư Tỉnh ủy".
///
/// A person is a Vietnamese full name: a common family name followed by one to three capitalised words, written
/// with or without diacritics, the first of them a Vietnamese syllable ("Le Khac Viktor", but not "La Commission"),
/// none in capitals throughout (a heading's "6 NHIỆM VỤ TRỌNG TÂM"); or the name after a photo or article credit
/// ("Ảnh tư liệu: Thành Cường", "Photo by Thanh Duy", "Article et photos : Pham Tuyet"), which may lack a family
/// name. A name right after a place preposition ("in Duong Lam ancient village") is a place. The value is the name
/// folded (`nguyen-van-gau`); attributes `post` (the post word as written) and `body` (the identifier of the body
/// the post belongs to) when the apposition around the name gives them, `role` = `credit` for a credit.
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
        let credits = Self.creditEnds(in: text)
        func spaced(_ a: Int, _ b: Int) -> Bool {
            text[words[a].range.upperBound..<words[b].range.lowerBound].allSatisfy { $0 == " " }
        }
        func isName(_ k: Int) -> Bool {
            let word = text[words[k].range]
            return words[k].capitalised && (word.count == 1 || word.dropFirst().contains { $0.isLowercase })
        }
        func isSyllable(_ k: Int) -> Bool { Self.isVietnameseSyllable(Normalization.folded(String(text[words[k].range]))) }
        func person(_ range: Range<String.Index>, _ attributes: [String: String]) -> Mention {
            let name = String(text[range])
            return Mention(type: .person,
                           span: Span(start: base + text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                                      end: base + text.utf8.distance(from: text.startIndex, to: range.upperBound)),
                           text: name, value: Normalization.folded(name).split(separator: " ").joined(separator: "-"),
                           attributes: attributes)
        }
        var k = 0
        while k < words.count {
            let folded = Normalization.folded(String(text[words[k].range]))
            // After a credit: one to four capitalised syllables, family name or not.
            if credits.contains(words[k].range.lowerBound) {
                var end = k
                while end < words.count, end - k < 4, isName(end), isSyllable(end), end == k || spaced(end - 1, end) {
                    end += 1
                }
                if end > k {
                    result.append(person(words[k].range.lowerBound..<words[end - 1].range.upperBound, ["role": "credit"]))
                    k = end
                    continue
                }
            }
            // "Le" and "La" open French sentences; they are family names only before more capitalised words.
            guard isName(k), Self.familyNames.contains(folded) else { k += 1; continue }
            // Given names are Vietnamese syllables; one other word may end the name ("Le Khac Viktor").
            var end = k + 1
            while end < words.count, end - k < 4, isName(end), spaced(end - 1, end) {
                end += 1
                if !isSyllable(end - 1) { break }
            }
            let followedByPlaceNoun = end < words.count && Self.placeNouns.contains(words[end].key)
                || end - k >= 3 && Self.placeNouns.contains(words[end - 1].key)
            let afterPlaceWord = k > 0 && (Self.placePrepositions.contains(words[k - 1].key) && spaced(k - 1, k)
                || Self.administrativeUnits.contains(words[k - 1].key)
                    && [" ", ". "].contains(String(text[words[k - 1].range.upperBound..<words[k].range.lowerBound])))
            guard end - k >= 2, end - k <= 4, !(k + 1 < words.count && ["comité", "parti", "conseil"].contains(words[k + 1].key)),
                  isSyllable(k + 1),
                  !afterPlaceWord, !followedByPlaceNoun else {
                k += 1
                continue
            }
            let range = words[k].range.lowerBound..<words[end - 1].range.upperBound
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
            result.append(person(range, attributes))
            k = end
        }
        return result
    }

    enum Side { case before, after }

    /// Prepositions before a place named like a person ("in Duong Lam ancient village").
    private static let placePrepositions: Set<String> = ["in", "at", "dans", "à", "ở", "tại"]
    /// Administrative units written before a place ("tỉnh Hà Tĩnh", "Tp. Hà Tĩnh", "TX. Hoàng Mai").
    private static let administrativeUnits: Set<String> = [
        "tỉnh", "huyện", "xã", "phường", "quận", "tp", "tx", "q", "tt", "thị", "phố", "province", "district", "commune", "ward",
    ]
    /// Nouns written after a place ("Hoang Mai Industrial Park", "Duong Lam Village").
    private static let placeNouns: Set<String> = [
        "industrial", "park", "province", "district", "city", "town", "commune", "ward", "street", "village", "lake",
        "river", "bridge", "market", "zone", "pagoda", "temple", "ancient", "ville",
    ]

    /// A Vietnamese syllable without its diacritics: an onset, one to three vowels, a coda.
    private static let syllable = Pattern("^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")

    static func isVietnameseSyllable(_ folded: String) -> Bool {
        syllable.firstMatch(in: folded) != nil
    }

    /// Photo and article credits: "Ảnh:", "Ảnh tư liệu:", "Photo:", "Photo by", "Article et photos :", "Bài và ảnh:".
    private static let credit = Pattern(
        "(?:\\b(?:ảnh(?: tư liệu)?|photos?|article et photos?|texte et photos?|bài và ảnh|bài, ảnh|text and photos?)\\s*:|\\bphotos? (?:by|de|par))\\s*",
        caseInsensitive: true)

    /// Where the names after credits start.
    private static func creditEnds(in text: String) -> Set<String.Index> {
        Set(credit.matches(in: text).map(\.range.upperBound))
    }

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
