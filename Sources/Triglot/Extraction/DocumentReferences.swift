import Foundation

/// Finds references to numbered official documents, by the news conventions.
///
/// - Party codes, number–type/issuer without a year: `1029-TB/TU`, `1029 -TB/TU`, `2683 - QDi/TU`, `05-QĐNS/TW`
///   (and `102/QD/TW` as some French pages write it).
/// - State codes, number/[year/]type–issuer: `45/2023/NĐ-CP`, `123/QĐ-UBND`, `4800/UBND-NC`, and
///   `629/2019/UBTVQH14`.
/// - Short forms, a type word and a number: `Nghị quyết số 68`, `Resolution No.27`, `Notice No. 53`, `décision
///   N°2452`; with no number sign after a capitalised type word, a number of two to four digits that is neither a
///   year nor a count (`Đề án 371`, `Project 761`; not `Kế hoạch 100 ngày`).
///
/// The span runs from the type word ("Nghị quyết số", "Resolution No.", "message officiel n°") to the code; without
/// a type word, from the number sign (`Số: 127/NQ-CP`, `No. 127/NQ-CP`, `No19-NQ/TW`), else the code alone. The
/// value is {kind, number, date}: the kind in lower-case English (from the code's type where it is unambiguous,
/// `TB` → notice, else from the type word: `Quy định` / `règlement` → regulation), the number as written with
/// white space removed, and the date when the mention states it (`…, ngày 27/10/2021`, `dated July 18, 2023`, `du
/// 15 juillet 2021`, `…du Bureau politique, datée du 5/10/2025`, `… của Bộ Chính trị ngày 12/4/2021`).
public struct DocumentReferenceExtractor: Sendable {
    let words: ReferenceWords

    public init() { words = ExtractionResources.standard.references }

    /// The references in `text` (one sentence or more), with spans as UTF-8 offsets into `text` plus `base`.
    public func mentions(in text: String, base: Int = 0, articleDate: DateComponents? = nil) -> [Mention] {
        let tokens = ExtractionResources.standard.tokenize(text)
        let found = references(in: tokens)
        let dates = DateExtractor().mentions(in: tokens, base: 0, articleDate: articleDate, excluding: found.map(\.code))
        return mentions(found, tokens: tokens, base: base, dates: dates)
    }

    /// The token ranges of the codes and short forms of `tokens` (for the date scanner to leave alone).
    func tokenRanges(in tokens: TokenizedText) -> [Range<Int>] { references(in: tokens).map(\.code) }

    /// A reference found in tokens: the whole span, the code's tokens, and its value without the date.
    struct Found {
        var span: Range<Int>
        var code: Range<Int>
        var value: DocumentReference
    }

    /// The mentions of references `found` in `tokens`, with the dates among `dates` (spans relative to the same
    /// text) that the mentions state.
    func mentions(_ found: [Found], tokens: TokenizedText, base: Int, dates: [Mention]) -> [Mention] {
        found.map { reference in
            var value = reference.value
            if let date = statedDate(after: reference.code.upperBound, in: tokens, dates: dates) { value.date = date }
            let start = tokens[reference.span.lowerBound].start
            let end = tokens[reference.span.upperBound - 1].end
            return Mention(span: Span(start: base + start, end: base + end), text: tokens.string(bytes: start..<end),
                           value: .reference(value))
        }
    }

    func references(in t: TokenizedText) -> [Found] {
        var result: [Found] = []
        var k = 0
        while k < t.count {
            guard t[k].isNumber, !(k > 0 && !t[k].spaceBefore && (t[k - 1].isNumber || t[k - 1].isMark("/"))) else {
                k += 1
                continue
            }
            if let code = code(at: k, in: t) {
                let (start, kindWord) = typeWord(before: k, in: t)
                result.append(Found(span: start..<code.end, code: k..<code.end,
                                    value: value(of: code, kindWord: kindWord, tokens: t)))
                k = code.end
                continue
            }
            // A short form: a type word, a number sign and a number ("Nghị quyết số 68", "Notice No. 53").
            let (start, kindWord) = typeWord(before: k, in: t)
            if let kindWord, start < k, hasNumberSign(before: k, in: t), !continuesNumber(after: k, in: t) {
                let number = t.string(k..<k + 1)
                result.append(Found(span: start..<k + 1, code: k..<k + 1,
                                    value: DocumentReference(kind: kindWord, number: number)))
            } else if let kindWord, start < k, t[start].capitalised, isBareNumber(at: k, in: t) {
                // A capitalised type word and a number with no sign, as titles of documents are cited ("Đề án
                // 371", "Project 761", "Nghị quyết 57"); not a year or a quantity ("Kế hoạch 100 ngày").
                result.append(Found(span: start..<k + 1, code: k..<k + 1,
                                    value: DocumentReference(kind: kindWord, number: t.string(k..<k + 1))))
            } else if let kindWord, start < k, k + 2 == t.count, t[k + 1].isMark("/"), !t[k + 1].spaceBefore {
                // A code the page's end cut after its number ("In Decision 2587/" as the last words of a stored
                // page): a mention still, its number as far as it goes.
                result.append(Found(span: start..<k + 2, code: k..<k + 2,
                                    value: DocumentReference(kind: kindWord, number: t.string(k..<k + 2))))
            }
            k += 1
        }
        return result
    }

    /// Whether the number at `k` can be a document's number cited without a number sign: two to four digits, not
    /// a year, not the count of a quantity that follows ("100 ngày", "20 %"), not part of a longer number.
    private func isBareNumber(at k: Int, in t: TokenizedText) -> Bool {
        guard (2...4).contains(t[k].digits), !(1900...2099).contains(t[k].number), !continuesNumber(after: k, in: t) else { return false }
        guard k + 1 < t.count else { return true }
        if t[k + 1].isMark("%") { return false }
        return !(t[k + 1].isWord && words.quantities.contains(t[k + 1]))
    }

    /// Whether the number at `k` goes on past its token: a code the scanner could not read ("68/", "68-"), or a
    /// decimal or grouped number ("2,5", "1.234"). A comma or a full stop that ends the clause ("Quyết định số
    /// 2316, Thủ tướng …", "… số 2279.") does not.
    private func continuesNumber(after k: Int, in t: TokenizedText) -> Bool {
        guard k + 1 < t.count, !t[k + 1].spaceBefore else { return false }
        if t[k + 1].isMark("/") || t[k + 1].isMark("-") { return true }
        guard t[k + 1].isMark(".") || t[k + 1].isMark(",") else { return false }
        return k + 2 < t.count && !t[k + 2].spaceBefore && t[k + 2].isNumber
    }

    private struct Code {
        var end: Int
        var system: DocumentReference.System
        var number: String
        var typeCode: String?
        var issuer: String
        var year: Int?
    }

    /// Letters of a code part: an upper-case word ("NQ", "QĐNS", "QDi", "UBKTTW") possibly followed by digits
    /// glued to it ("UBTVQH14").
    private func codeWord(_ k: Int, in t: TokenizedText) -> (text: String, end: Int)? {
        guard k < t.count, t[k].isWord, t[k].capitalised, t.string(k..<k + 1).count <= 8 else { return nil }
        var end = k + 1
        if end < t.count, t[end].isNumber, !t[end].spaceBefore, t[end].digits <= 2 { end += 1 }
        return (t.string(k..<end), end)
    }

    /// A Party or State code starting at the number token `k`.
    private func code(at k: Int, in t: TokenizedText) -> Code? {
        guard t[k].digits <= 5 else { return nil }
        let number = t.string(k..<k + 1)
        var j = k + 1
        // Party: N - TYPE / ISSUER (spaces allowed around the dash), or N / TYPE / ISSUER.
        if j < t.count, t[j].isMark("-") {
            j += 1
            if let type = codeWord(j, in: t), type.end < t.count, t[type.end].isMark("/"), !t[type.end].spaceBefore,
               let issuer = codeWord(type.end + 1, in: t), !t[type.end + 1].spaceBefore {
                return Code(end: issuer.end, system: .party, number: "\(number)-\(type.text)/\(issuer.text)", typeCode: type.text,
                            issuer: issuer.text)
            }
            // A code whose issuer the page's end cut off ("Nghị quyết số 18-NQ/" as the last words of a stored
            // excerpt): a mention still, its number as far as it goes (no text ends with "TYPE/" otherwise).
            if let type = codeWord(j, in: t), type.end + 1 == t.count, t[type.end].isMark("/"), !t[type.end].spaceBefore,
               Self.typeCodes[Normalization.folded(type.text).uppercased()] != nil {
                return Code(end: type.end + 1, system: .party, number: "\(number)-\(type.text)/", typeCode: type.text, issuer: "")
            }
            return nil
        }
        guard j < t.count, t[j].isMark("/"), !t[j].spaceBefore, j + 1 < t.count, !t[j + 1].spaceBefore else { return nil }
        j += 1
        var year: Int?
        var prefix = number + "/"
        if t[j].isNumber, t[j].digits == 4, (1900...2099).contains(t[j].number), j + 1 < t.count, t[j + 1].isMark("/"),
           !t[j + 1].spaceBefore {
            year = t[j].number
            prefix += t.string(j..<j + 1) + "/"
            j += 2
        }
        guard let first = codeWord(j, in: t), !t[j].spaceBefore else { return nil }
        // N/TYPE/ISSUER (Party, as written with a slash).
        if year == nil, first.end < t.count, t[first.end].isMark("/"), !t[first.end].spaceBefore,
           let issuer = codeWord(first.end + 1, in: t), !t[first.end + 1].spaceBefore {
            return Code(end: issuer.end, system: .party, number: "\(prefix)\(first.text)/\(issuer.text)", typeCode: first.text,
                        issuer: issuer.text)
        }
        // TYPE-ISSUER[-UNIT], or ISSUER alone after a year (laws and NA resolutions: 629/2019/UBTVQH14).
        var parts = [first.text]
        var end = first.end
        while end + 1 < t.count, t[end].isMark("-"), !t[end].spaceBefore, !t[end + 1].spaceBefore,
              let part = codeWord(end + 1, in: t) {
            parts.append(part.text)
            end = part.end
        }
        if parts.count == 1 {
            guard year != nil, first.text.last?.isNumber == true else { return nil }
            return Code(end: end, system: .state, number: prefix + first.text, typeCode: nil, issuer: first.text, year: year)
        }
        // An administrative letter has no type: 4800/UBND-NC.
        let typed = Self.typeCodes[Normalization.folded(parts[0]).uppercased()] != nil
        return Code(end: end, system: .state, number: prefix + parts.joined(separator: "-"), typeCode: typed ? parts[0] : nil,
                    issuer: typed ? parts[1] : parts[0], year: year)
    }

    private func value(of code: Code, kindWord: DocumentKind?, tokens: TokenizedText) -> DocumentReference {
        let typeKind = code.typeCode.flatMap { Self.typeCodes[Normalization.folded($0).uppercased()] }
        // The code decides where its type names one kind; QĐ is a decision or a regulation, and the word tells.
        let ambiguous: Set<String> = ["QD", "QC"]
        let kind: DocumentKind?
        if let typeKind, let code = code.typeCode, !ambiguous.contains(Normalization.folded(code).uppercased()) {
            kind = typeKind
        } else {
            kind = kindWord ?? typeKind
        }
        return DocumentReference(kind: kind, number: code.number, code: code.number, system: code.system,
                                 typeCode: code.typeCode, issuer: code.issuer, year: code.year)
    }

    /// The start of the mention before the number at `k`: the type word and number sign, or the sign alone.
    private func typeWord(before k: Int, in t: TokenizedText) -> (start: Int, kind: DocumentKind?) {
        var j = k
        // Number sign: "số", "số:", "No.", "No", "n°", "N°", "Number", glued or not ("No18").
        if let sign = numberSign(endingBefore: j, in: t) { j = sign }
        // Type word: the longest that ends right at j.
        var best: (start: Int, kind: DocumentKind)?
        var s = j - 1
        while s >= 0, s >= j - 4 {
            for match in words.types.matches(in: t, from: s) where match.end == j {
                best = (s, match.values[0])
            }
            s -= 1
        }
        if let best { return (best.start, best.kind) }
        return (j, nil)
    }

    private func hasNumberSign(before k: Int, in t: TokenizedText) -> Bool { numberSign(endingBefore: k, in: t) != nil }

    /// Where a number sign ending right before token `k` starts.
    private func numberSign(endingBefore k: Int, in t: TokenizedText) -> Int? {
        var j = k
        if j > 0, t[j - 1].isMark(":") { j -= 1 }
        if j > 0, t[j - 1].isMark("."), j > 1, words.numberSigns.contains(t[j - 2]) { return j - 2 }
        if j > 0, t[j - 1].isMark("°") || t[j - 1].isMark("º") {
            if j > 1, t.folded(j - 2) == "n" { return j - 2 }
            return nil
        }
        if j > 0, words.numberSigns.contains(t[j - 1]) { return j - 1 }
        return nil
    }

    /// The date a reference states right after its code: "ngày 27/10/2021", ", dated July 18, 2023", "du 15
    /// juillet 2021", "(daté du 24 février 2025", or after an issuer clause: "…du Bureau politique, datée du 5/10/2025".
    private func statedDate(after end: Int, in t: TokenizedText, dates: [Mention]) -> CalendarDate? {
        var j = end
        func dateStarting(at k: Int) -> CalendarDate? {
            guard k < t.count else { return nil }
            for mention in dates where mention.span.start == t[k].start {
                if case .date(let value) = mention.value, value.precision == .day, case .date(let day) = value.form { return day }
            }
            return nil
        }
        func cue(at k: Int) -> Int? {
            var i = k
            if i < t.count, t[i].isMark(",") || t[i].isMark("(") { i += 1 }
            guard i < t.count else { return nil }
            if words.dateCues.contains(t[i]) {
                i += 1
                if i < t.count, t.folded(i) == "du" || t.folded(i) == "le" { i += 1 }
                return i
            }
            // "en date du"
            if t.folded(i) == "en", i + 2 < t.count, t.folded(i + 1) == "date", t.folded(i + 2) == "du" { return i + 3 }
            return nil
        }
        if let k = cue(at: j), let date = dateStarting(at: k) { return date }
        // "du 15 juillet 2021" straight after the code (French).
        if j < t.count, t.folded(j) == "du", let date = dateStarting(at: j + 1) { return date }
        // After an issuer clause of a few words: "du Bureau Politique, datée du …", "của Bộ Chính trị, ngày …".
        guard j < t.count, words.issuerLinks.contains(t[j]) else { return nil }
        j += 1
        var steps = 0
        while j < t.count, steps < 10, !t[j].isMark(","), !t[j].isMark(";"), !t[j].isMark(".") {
            // "của Bộ Chính trị ngày 12/4/2021": the date cue right after the issuer, with no comma.
            if steps > 0, words.strongDateCues.contains(t[j]), let date = dateStarting(at: j + 1) { return date }
            j += 1
            steps += 1
        }
        guard j < t.count, t[j].isMark(","), let k = cue(at: j), words.strongDateCues.contains(t[k - 1]) || t.folded(k - 1) == "du",
              let date = dateStarting(at: k) else { return nil }
        return date
    }

    /// Type codes of Party and State numbers (folded, upper case), with their kind.
    static let typeCodes: [String: DocumentKind] = [
        "NQ": .resolution, "QD": .decision, "KL": .conclusion, "CT": .directive, "TB": .notice, "KH": .plan,
        "HD": .guidance, "CV": .officialDispatch, "TT": .circular, "ND": .decree, "QC": .regulation, "BC": .report,
        "TTR": .submission, "DA": .project, "CTR": .programme, "QDI": .regulation, "CD": .officialTelegram,
        "QDNS": .decision, "TC": .communique, "QYD": .regulation,
    ]
}

/// The words references are written with.
struct ReferenceWords: Sendable {
    /// Type words in the three languages, with their kind.
    var types = PhraseTrie<DocumentKind>()
    var numberSigns = WordSet()
    /// "ngày", "dated", "datée", "daté".
    var dateCues = WordSet()
    /// Cues that may follow an issuer clause ("datée du", "dated", "ngày").
    var strongDateCues = WordSet()
    /// "của", "of", "du", "de" opening an issuer clause.
    var issuerLinks = WordSet()
    /// Words a number counts ("100 ngày", "20 years"): after them the number is a quantity, not a document's.
    var quantities = WordSet()

    init(_ v: inout Vocabulary) {
        let vietnamese: [(String, DocumentKind)] = [
            ("Nghị quyết", .resolution), ("Quyết định", .decision), ("Quy định", .regulation), ("Chỉ thị", .directive),
            ("Kết luận", .conclusion), ("Quy chế", .regulation), ("Thông tri", .instruction), ("Thông tư", .circular),
            ("Hướng dẫn", .guidance), ("Thông báo", .notice), ("Thông báo kết luận", .notice), ("Thông cáo", .communique),
            ("Báo cáo", .report), ("Kế hoạch", .plan), ("Chương trình", .programme), ("Đề án", .project),
            ("Tờ trình", .submission), ("Công văn", .officialDispatch), ("Nghị định", .decree), ("Công điện", .officialTelegram),
            ("Luật", .law),
        ]
        let english: [(String, DocumentKind)] = [
            ("Resolution", .resolution), ("Resolutions", .resolution), ("Decision", .decision), ("Decisions", .decision),
            ("Regulation", .regulation), ("Regulations", .regulation), ("Directive", .directive), ("Conclusion", .conclusion),
            ("Conclusions", .conclusion), ("Circular", .circular), ("Instruction", .instruction), ("Guideline", .guidance),
            ("Guidelines", .guidance), ("Guidance", .guidance), ("Notice", .notice), ("Announcement", .notice),
            ("Communique", .communique), ("Communiqué", .communique), ("Report", .report), ("Plan", .plan),
            ("Program", .programme), ("Programme", .programme), ("Project", .project), ("Scheme", .project),
            ("Decree", .decree), ("Official Letter", .officialDispatch), ("Official Dispatch", .officialDispatch),
            ("Dispatch", .officialDispatch), ("Submission", .submission), ("Law", .law), ("Official Telegram", .officialTelegram),
        ]
        let french: [(String, DocumentKind)] = [
            ("résolution", .resolution), ("résolutions", .resolution), ("décision", .decision), ("décisions", .decision),
            ("règlement", .regulation), ("directive", .directive), ("conclusion", .conclusion), ("conclusions", .conclusion),
            ("circulaire", .circular), ("instruction", .instruction), ("avis", .notice), ("communiqué", .communique),
            ("rapport", .report), ("plan", .plan), ("programme", .programme), ("projet", .project), ("décret", .decree),
            ("dépêche officielle", .officialDispatch), ("message officiel", .officialDispatch), ("lettre officielle", .officialDispatch),
            ("notification", .notice), ("loi", .law), ("télégramme officiel", .officialTelegram),
        ]
        for (word, kind) in vietnamese { types.insert(word, kind, matching: .key, &v) }
        for (word, kind) in english + french { types.insert(word, kind, matching: .folded, &v) }
        numberSigns = WordSet(keys: ["số"], folded: ["no", "number", "numéro", "nos"], &v)
        dateCues = WordSet(keys: ["ngày"], folded: ["dated", "datée", "daté", "datees", "dates"], &v)
        strongDateCues = WordSet(keys: ["ngày"], folded: ["dated", "datée", "daté"], &v)
        issuerLinks = WordSet(keys: ["của"], folded: ["of", "du", "de", "des"], &v)
        quantities = WordSet(keys: ["ngày", "tháng", "năm", "tuần", "giờ", "phút", "người", "nghìn", "triệu", "tỷ", "tỉ",
                                    "đồng", "ha", "km", "xã", "tỉnh", "dự", "điểm", "công", "nhiệm", "lần", "đơn", "vị"],
                             folded: ["days", "day", "months", "month", "years", "year", "weeks", "hours", "people", "persons",
                                      "million", "billion", "thousand", "jours", "jour", "mois", "ans", "an", "années",
                                      "semaines", "heures", "personnes", "millions", "milliards", "mille", "points",
                                      "projects", "projets", "communes", "provinces", "percent", "per"], &v)
    }
}
