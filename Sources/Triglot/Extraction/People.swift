/// Finds people named in notices, with the post and body the text gives them: "Nguyen Van Gau, membre du Comité
/// central du Parti, secrétaire du Comité provincial du Parti", "Tổng Bí thư Tô Lâm", "đồng chí Nguyễn Văn Gấu, Bí
/// thư Tỉnh ủy". Posts go to people, never to bodies: the body inside a post title is a body mention of its own
/// ("Bí thư Tỉnh ủy" → the body "Tỉnh ủy"), and the person's value names it.
///
/// A person is a Vietnamese full name: a common family name followed by one to three capitalised words, written
/// with or without diacritics, the first of them a Vietnamese syllable ("Le Khac Viktor", but not "La Commission"),
/// none in capitals throughout; or the name after a photo or article credit ("Ảnh tư liệu: Thành Cường", "Photo by
/// Thanh Duy", "Article et photos : Pham Tuyet"), which may lack a family name. A name right after a place
/// preposition ("in Duong Lam ancient village") is a place. The value is the name folded (`nguyen-van-gau`),
/// with the post as written and the canonical name of the post's body when the apposition around the name gives
/// them.
public struct PersonExtractor: Sendable {
    let words: PersonWords

    public init() { words = ExtractionResources.standard.people }

    /// Family names, folded.
    static let familyNames: Set<String> = [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
        "ly", "dinh", "trinh", "mai", "ha", "doan", "lam", "luong", "cao", "chu", "to", "thai", "truong", "ta", "quach",
        "lai", "kieu", "dao", "tong", "lu", "nghiem", "khuat", "la", "van", "giang", "trieu", "tang", "vuong", "luu",
        "dieu", "thach", "danh", "ksor", "y", "nong", "lo", "lang", "sung", "giap", "phung", "ong", "au", "lieu",
    ]

    /// The people of `text`, with spans as UTF-8 offsets into `text` plus `base`; `bodies` are the body mentions
    /// of the same text (spans with the same base), used to give a post its body.
    public func mentions(in text: String, base: Int = 0, bodies: [Mention] = []) -> [Mention] {
        mentions(in: ExtractionResources.standard.tokenize(text), base: base, bodies: bodies)
    }

    func mentions(in t: TokenizedText, base: Int, bodies: [Mention]) -> [Mention] {
        var result: [Mention] = []
        func isName(_ k: Int) -> Bool {
            guard k < t.count, t[k].isWord, t[k].capitalised, !t[k].upper || t[k].end - t[k].start <= 2 else { return false }
            return true
        }
        func isSyllable(_ k: Int) -> Bool { Self.isVietnameseSyllable(t.folded(k)) }
        func person(_ range: Range<Int>, post: (String, Int)?, credit: Bool) -> Mention {
            let start = t[range.lowerBound].start, end = t[range.upperBound - 1].end
            let name = range.map { t.folded($0) }.joined(separator: "-")
            var body: String?
            if let post {
                // The body right after the post word.
                let postEnd = base + post.1
                if let found = bodies.filter({ $0.span.start >= postEnd && $0.span.start - postEnd < 60 }).min(by: { $0.span.start < $1.span.start }),
                   case .body(let value) = found.value {
                    body = value.name
                }
            }
            return Mention(span: Span(start: base + start, end: base + end), text: t.string(bytes: start..<end),
                           value: .person(PersonName(name: name, post: post?.0, body: body, isCredit: credit)))
        }
        let creditEnds = Set((0..<t.count).compactMap { k in words.credits.longest(in: t, from: k).map { $0.end } }
            .map { end -> Int in
                var j = end
                while j < t.count, t[j].isMark(":") { j += 1 }
                return j
            })
        var k = 0
        while k < t.count {
            // After a credit: one to four capitalised syllables, family name or not.
            if creditEnds.contains(k), k > 0, t[k - 1].isMark(":") || words.creditLinks.contains(t[k - 1]) {
                var end = k
                while end < t.count, end - k < 4, isName(end), isSyllable(end), end == k || t[end].spaceBefore { end += 1 }
                if end > k {
                    result.append(person(k..<end, post: nil, credit: true))
                    k = end
                    continue
                }
            }
            // A post is no name ("Tổng Bí thư Tô Lâm": "Tống" is a family name too).
            if let post = words.posts.longest(in: t, from: k), post.end - k >= 2 { k = post.end; continue }
            guard isName(k), Self.familyNames.contains(t.folded(k)) else { k += 1; continue }
            var end = k + 1
            while end < t.count, end - k < 4, isName(end), t[end].spaceBefore {
                end += 1
                if !isSyllable(end - 1) { break }
            }
            // "Ho Chi Minh City", "Hô Chi Minh-Ville": a place named after a person.
            let followedByPlaceNoun = end < t.count && words.placeNouns.contains(t[end])
                || end - k >= 3 && words.placeNouns.contains(t[end - 1])
                || end + 1 < t.count && t[end].isMark("-") && !t[end + 1].spaceBefore && words.placeNouns.contains(t[end + 1])
            let previous = k > 1 && t[k - 1].isMark(".") ? k - 2 : k - 1  // "Tp. Hà Tĩnh"
            let afterPlaceWord = previous >= 0 && (words.placePrepositions.contains(t[previous]) || words.administrativeUnits.contains(t[previous]))
            let institution = k + 1 < t.count && words.institutionWords.contains(t[k + 1])
            guard end - k >= 2, end - k <= 4, !institution, isSyllable(k + 1), !afterPlaceWord, !followedByPlaceNoun else {
                k += 1
                continue
            }
            let post = postAfter(end) ?? postBefore(k)
            result.append(person(k..<end, post: post, credit: false))
            k = end
        }
        return result

        /// A post opening the apposition after a name (", secrétaire du …"): its text and where it ends.
        func postAfter(_ end: Int) -> (String, Int)? {
            var j = end
            while j < t.count, t[j].isMark(",") || t[j].isMark("(") { j += 1 }
            guard j < t.count, j - end <= 2, let match = words.posts.longest(in: t, from: j) else { return nil }
            return (t.string(j..<match.end), t[match.end - 1].end)
        }

        /// A post shortly before a name ("Tổng Bí thư Tô Lâm", "le chef du Département …, Huynh Van Sau").
        func postBefore(_ start: Int) -> (String, Int)? {
            var best: (String, Int)?
            var j = start - 1
            while j >= 0, start - j <= 24 {
                if let match = words.posts.longest(in: t, from: j), match.end <= start {
                    best = (t.string(j..<match.end), t[match.end - 1].end)
                    // The longest post ending there: "Tổng Bí thư", not "Bí thư".
                    var i = j - 1
                    while i >= 0, j - i <= 3 {
                        if let longer = words.posts.longest(in: t, from: i), longer.end == match.end {
                            best = (t.string(i..<longer.end), t[longer.end - 1].end)
                        }
                        i -= 1
                    }
                    break
                }
                j -= 1
            }
            return best
        }
    }

    /// A Vietnamese syllable without its diacritics: an onset, one to three vowels, a coda.
    static func isVietnameseSyllable(_ folded: String) -> Bool {
        var folded = folded
        return folded.withUTF8 { s in
            func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x79 }
            func starts(_ prefix: StaticString, at k: Int) -> Bool {
                let n = prefix.utf8CodeUnitCount
                guard s.count - k >= n else { return false }
                for j in 0..<n where s[k + j] != prefix.utf8Start[j] { return false }
                return true
            }
            var k = 0
            for onset: StaticString in ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"] where starts(onset, at: 0) {
                k = onset.utf8CodeUnitCount
                break
            }
            // One consonant of the onset, unless it is the whole word.
            if k < s.count, !isVowel(s[k]), Self.onsetConsonants.contains(s[k]), s.count - k > 1 { k += 1 }
            var vowels = 0
            while k < s.count, isVowel(s[k]) { vowels += 1; k += 1 }
            guard (1...3).contains(vowels) else { return false }
            let coda = s.count - k
            switch coda {
            case 0: return true
            case 1: return [0x63, 0x6D, 0x6E, 0x70, 0x74].contains(s[k])  // c m n p t
            case 2: return starts("ch", at: k) || starts("ng", at: k) || starts("nh", at: k)
            default: return false
            }
        }
    }

    /// Consonants that may open a syllable on their own.
    private static let onsetConsonants = Set("bcdghklmnpqrstvx".utf8)
}

/// The words people are named with: posts, credits, place words.
struct PersonWords: Sendable {
    var posts = PhraseTrie<Bool>()
    var credits = PhraseTrie<Bool>()
    var creditLinks = WordSet()
    var placePrepositions = WordSet()
    var administrativeUnits = WordSet()
    var placeNouns = WordSet()
    var institutionWords = WordSet()

    init(_ v: inout Vocabulary) {
        let vietnamese = ["Tổng Bí thư", "Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch", "Chủ tịch nước", "Thủ tướng",
                          "Phó Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Trưởng ban", "Phó Trưởng ban", "Giám đốc", "Phó Giám đốc",
                          "Ủy viên", "Đồng chí", "Chủ nhiệm", "Phó Chủ nhiệm", "Thường trực Ban Bí thư", "Chánh Văn phòng",
                          "Trưởng Đoàn", "Phó Trưởng Đoàn"]
        let other = ["secrétaire", "secrétaire général", "secrétaire adjoint", "secrétaire adjointe", "président", "présidente",
                     "vice-président", "vice-présidente", "chef", "membre", "directeur", "directrice", "camarade", "ministre",
                     "vice-ministre", "Premier ministre", "vice-Premier ministre", "secretary", "General Secretary",
                     "Party General Secretary", "deputy secretary", "chairman", "chairwoman", "vice chairman", "head",
                     "chief", "director", "member", "comrade", "President", "State President", "Prime Minister",
                     "Deputy Prime Minister", "Minister", "Deputy Minister"]
        for post in vietnamese { posts.insert(post, true, matching: .key, &v) }
        for post in other { posts.insert(post, true, matching: .folded, &v) }
        for credit in ["ảnh", "ảnh tư liệu", "bài và ảnh", "bài, ảnh"] { credits.insert(credit, true, matching: .key, &v) }
        for credit in ["photo", "photos", "article et photos", "article et photo", "texte et photos", "text and photos",
                       "text and photo", "photo by", "photos by", "photo de", "photo par"] {
            credits.insert(credit, true, matching: .folded, &v)
        }
        creditLinks = WordSet(folded: ["by", "de", "par"], &v)
        placePrepositions = WordSet(keys: ["ở", "tại"], folded: ["in", "at", "dans", "à"], &v)
        administrativeUnits = WordSet(keys: ["tỉnh", "huyện", "xã", "phường", "quận", "thị", "phố"],
                                      folded: ["tp", "tx", "q", "tt", "province", "district", "commune", "ward"], &v)
        placeNouns = WordSet(folded: ["industrial", "park", "province", "district", "city", "town", "commune", "ward", "street",
                                      "village", "lake", "river", "bridge", "market", "zone", "pagoda", "temple", "ancient",
                                      "ville"], &v)
        institutionWords = WordSet(folded: ["comite", "parti", "conseil", "commission", "committee", "party"], &v)
    }
}
