import Foundation

/// Finds dates in Vietnamese, French and English and normalises them to ISO 8601.
///
/// Values: a day `2023-08-28`; a month `2023-08`; a year `2023`; an interval `2023-08-03/2023-08-04` or
/// `2021/2030`; a quarter or half as an interval of months (`2024-04/2024-06`); before a date `../2025-06-05`
/// (ISO 8601-2 open start, the span holding "avant le" / "trước ngày" / "before"); a recurrence in iCalendar
/// terms, `R/P1M;BYMONTHDAY=9,15` ("les 9 et 15 de chaque mois"), or `R/P1Y`, `R/P3M`, `R/P1M` for "annual",
/// "trimestriels", "định kỳ hàng năm". A day or month written without its year is completed from the article date (the most recent
/// occurrence on or before it, unless the sentence speaks of the future: sẽ, tới, dự kiến, will, prochain) and
/// marked `completed`; with no article date it stays partial (`--08-03`). Attributes: `precision` (day, month,
/// year, quarter, half, interval, recurrence), `role` (target, vision, before) when the text gives one.
/// Not dates: fractions (18/21), percentages, document numbers (1029-TB/TU, 45/2023/NĐ-CP), "năm thứ 3", clocks.
public struct DateExtractor: Sendable {
    public init() {}

    /// The dates of `text`, with spans as UTF-8 offsets into `text` plus `base`.
    public func mentions(in text: String, base: Int = 0, articleDate: DateComponents? = nil) -> [Mention] {
        // Most sentences hold no digit; only the rules that match words alone can find anything in them.
        let hasDigit = text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
        let future = Self.future.firstMatch(in: text) != nil
        let references = hasDigit ? DocumentReferenceExtractor().codeRanges(in: text) : []
        var found: [Candidate] = []
        for (index, rule) in (Self.rules + [Self.recurrenceRule]).enumerated() where hasDigit || !rule.needsDigit {
            for match in rule.pattern.matches(in: text) {
                guard !references.contains(where: { $0.overlaps(match.range) }) else { continue }
                found += rule.read(match, text, Context(article: articleDate, future: future)).map {
                    var candidate = $0
                    candidate.rule = index
                    return candidate
                }
            }
        }
        // Longest first, then earliest; a candidate overlapping a kept one is dropped (separate days written
        // together share one span and stay together).
        found.sort { (text.distance(from: $0.range.lowerBound, to: $0.range.upperBound), $1.range.lowerBound)
                     > (text.distance(from: $1.range.lowerBound, to: $1.range.upperBound), $0.range.lowerBound) }
        var kept: [Candidate] = []
        for candidate in found where !kept.contains(where: {
            $0.range.overlaps(candidate.range)
                && !($0.range == candidate.range && $0.rule == candidate.rule && $0.value != candidate.value)
        }) {
            kept.append(candidate)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { candidate in
            var candidate = candidate
            // "avant le 5 juin 2025", "trước ngày 5/6/2025", "before June 5, 2025": an interval open at its start.
            // The cue is part of the expression here: it makes the value an interval.
            let before = String(text[..<candidate.range.lowerBound].suffix(16))
            if candidate.precision == "day", let cue = Self.beforeCue.firstMatch(in: before) {
                candidate.value = "../" + candidate.value
                candidate.role = "before"
                candidate.range = text.index(candidate.range.lowerBound, offsetBy: -before.distance(from: cue.range.lowerBound, to: before.endIndex))..<candidate.range.upperBound
            }
            var attributes = ["precision": candidate.precision]
            if let role = candidate.role { attributes["role"] = role }
            if candidate.completed { attributes["completed"] = "true" }
            let start = text.utf8.distance(from: text.startIndex, to: candidate.range.lowerBound)
            let end = text.utf8.distance(from: text.startIndex, to: candidate.range.upperBound)
            return Mention(type: .date, span: Span(start: base + start, end: base + end),
                           text: String(text[candidate.range]), value: candidate.value, attributes: attributes)
        }
    }

    /// The article date of a document: its dateline's date, else nil.
    public func articleDate(of document: Document) -> DateComponents? {
        for paragraph in document.paragraphs where paragraph.kind == .dateline {
            let line = String(document.text(of: paragraph))
            if let match = Self.glued.firstMatch(in: line), let day = Int(match.groups[0]!), let month = Int(match.groups[1]!),
               let year = Int(match.groups[2]!), Self.valid(day: day, month: month) {
                return DateComponents(year: year, month: month, day: day)
            }
        }
        return nil
    }

    // MARK: Rules

    struct Candidate {
        var range: Range<String.Index>
        var value: String
        var precision: String
        var role: String? = nil
        var completed = false
        /// The rule that found it.
        var rule = 0
    }

    struct Context {
        var article: DateComponents?
        var future: Bool
    }

    struct Rule: @unchecked Sendable {
        var pattern: Pattern
        /// Whether every match holds an ASCII digit (most rules); rules that match words alone say false.
        var needsDigit = true
        var read: (Pattern.Match, String, Context) -> [Candidate]
    }

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december"]
        let french = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                      "novembre", "décembre"]
        for (k, name) in english.enumerated() { table[name] = k + 1; table[String(name.prefix(3))] = k + 1 }
        for (k, name) in french.enumerated() { table[name] = k + 1; table[Normalization.folded(name)] = k + 1 }
        table["sept"] = 9
        return table
    }()

    static let monthNames = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
    static let year = "((?:19|20)\\d\\d)"
    static let dayNumber = "(\\d{1,2})(?:st|nd|rd|th|er|e)?"

    static func valid(day: Int, month: Int) -> Bool { (1...12).contains(month) && (1...31).contains(day) }

    static func month(_ name: Substring?) -> Int? { name.flatMap { months[$0.lowercased()] } }

    static func iso(_ year: Int?, _ month: Int, _ day: Int? = nil) -> String {
        let monthDay = day.map { String(format: "%02d-%02d", month, $0) } ?? String(format: "%02d", month)
        guard let year else { return "--" + monthDay }  // partial: ISO 8601 "--MM" or "--MM-DD"
        return String(format: "%04d-", year) + monthDay
    }

    /// The year of a day or month written without one: the most recent on or before the article date, or the
    /// next on or after it in a sentence about the future.
    static func completeYear(month: Int, day: Int, context: Context) -> Int? {
        guard let article = context.article, let year = article.year, let articleMonth = article.month else { return nil }
        let articleDay = article.day ?? 31
        let afterArticle = (month, day) > (articleMonth, articleDay)
        if context.future { return afterArticle || (month, day) == (articleMonth, articleDay) ? year : year + 1 }
        return afterArticle ? year - 1 : year
    }

    /// Days written together: one interval when consecutive or joined by a dash, separate dates otherwise.
    static func days(_ days: [Int], month: Int, year: Int?, completed: Bool, span: Range<String.Index>,
                     dash: Bool) -> [Candidate] {
        guard let first = days.first, let last = days.last, days.allSatisfy({ valid(day: $0, month: month) }) else { return [] }
        if days.count == 1 {
            return [Candidate(range: span, value: iso(year, month, first), precision: "day", completed: completed)]
        }
        let consecutive = zip(days, days.dropFirst()).allSatisfy { $1 == $0 + 1 }
        if consecutive || (dash && days.count == 2 && last > first) {
            return [Candidate(range: span, value: iso(year, month, first) + "/" + iso(year, month, last),
                              precision: "interval", completed: completed)]
        }
        // Separate dates share the span (the list cannot be cut into per-day expressions without losing the month).
        return days.map { Candidate(range: span, value: iso(year, month, $0), precision: "day", completed: completed) }
    }

    static func numbers(in text: Substring) -> [Int] {
        text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }

    static let rules: [Rule] = [
        // 28/8/2023, 29/08/2023, 18.7.2023
        Rule(pattern: Pattern(#"(?<![\d/.,])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/])"#)) { match, _, _ in
            guard let day = Int(match.groups[0]!), let month = Int(match.groups[2]!), let year = Int(match.groups[3]!),
                  valid(day: day, month: month) else { return [] }
            return [Candidate(range: match.range, value: iso(year, month, day), precision: "day")]
        },
        // ngày 18 tháng 7 năm 2023
        Rule(pattern: Pattern(#"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)"#, caseInsensitive: true)) { match, _, _ in
            guard let day = Int(match.groups[0]!), let month = Int(match.groups[1]!), let year = Int(match.groups[2]!),
                  valid(day: day, month: month) else { return [] }
            return [Candidate(range: match.groups[0]!.startIndex..<match.range.upperBound, value: iso(year, month, day), precision: "day")]
        },
        // (các) ngày 3, 4/8 — ngày 11/5 — sáng 5/9: a cue, days, a month, maybe a year
        Rule(pattern: Pattern(#"(?:ngày|sáng|chiều|tối|trưa|hôm)\s+((\d{1,2})(?:\s*(?:,|và|-|–)\s*\d{1,2})*)\s*/\s*(\d{1,2})(?:/((?:19|20)\d\d))?(?![\d/])"#, caseInsensitive: true)) { match, _, context in
            let list = numbers(in: match.groups[0]!)
            guard let month = Int(match.groups[2]!), let first = list.first else { return [] }
            var year = match.groups[3].flatMap { Int($0) }
            var completed = false
            if year == nil { year = completeYear(month: month, day: first, context: context); completed = year != nil }
            return days(list, month: month, year: year, completed: completed,
                        span: match.groups[0]!.startIndex..<match.range.upperBound, dash: match.groups[0]!.contains("-"))
        },
        // tháng 7/2023, tháng 7 năm 2023
        Rule(pattern: Pattern(#"tháng\s+(\d{1,2})(?:\s*/\s*|\s+năm\s+)((?:19|20)\d\d)"#, caseInsensitive: true)) { match, _, _ in
            guard let month = Int(match.groups[0]!), (1...12).contains(month), let year = Int(match.groups[1]!) else { return [] }
            return [Candidate(range: match.range, value: iso(year, month), precision: "month")]
        },
        // quý II/2024, quý 2 năm 2024
        Rule(pattern: Pattern(#"quý\s+(IV|I{1,3}|[1-4])\s*(?:/|năm)\s*((?:19|20)\d\d)"#, caseInsensitive: true)) { match, _, _ in
            let roman = ["I": 1, "II": 2, "III": 3, "IV": 4]
            let text = String(match.groups[0]!).uppercased()
            guard let quarter = roman[text] ?? Int(text), let year = Int(match.groups[1]!) else { return [] }
            return [Candidate(range: match.range, value: iso(year, quarter * 3 - 2) + "/" + iso(year, quarter * 3),
                              precision: "quarter")]
        },
        // 2e trimestre 2024, second quarter of 2024
        Rule(pattern: Pattern(#"(1er|2e|3e|4e|premier|deuxième|troisième|quatrième|first|second|third|fourth)\s+(?:trimestre|quarter)(?:\s+(?:de\s+|of\s+)?((?:19|20)\d\d))?"#, caseInsensitive: true), needsDigit: false) { match, _, context in
            let order = ["1er": 1, "2e": 2, "3e": 3, "4e": 4, "premier": 1, "deuxième": 2, "troisième": 3, "quatrième": 4,
                         "first": 1, "second": 2, "third": 3, "fourth": 4]
            guard let quarter = order[match.groups[0]!.lowercased()] else { return [] }
            guard let year = match.groups[1].flatMap({ Int($0) }) ?? context.article?.year else { return [] }
            return [Candidate(range: match.range, value: iso(year, quarter * 3 - 2) + "/" + iso(year, quarter * 3),
                              precision: "quarter", completed: match.groups[1] == nil)]
        },
        // 6 tháng đầu năm 2024, 6 tháng cuối năm
        Rule(pattern: Pattern(#"6 tháng (đầu|cuối) năm(?:\s+((?:19|20)\d\d))?"#, caseInsensitive: true)) { match, _, context in
            guard let year = match.groups[1].flatMap({ Int($0) }) ?? context.article?.year else { return [] }
            let first = match.groups[0]!.lowercased() == "đầu"
            return [Candidate(range: match.range, value: first ? iso(year, 1) + "/" + iso(year, 6) : iso(year, 7) + "/" + iso(year, 12),
                              precision: "half", completed: match.groups[1] == nil)]
        },
        // giai đoạn 2021 - 2030, la période 2021-2030, the period 2021 - 2030, nhiệm kỳ 2025-2030, 2023 - 2025
        Rule(pattern: Pattern(#"(?:(?:giai đoạn|thời kỳ|nhiệm kỳ|période|period(?: of)?|term)\s+)?(?<![\d/])((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?![\d/])"#, caseInsensitive: true)) { match, _, _ in
            guard let from = Int(match.groups[0]!), let to = Int(match.groups[1]!), to > from else { return [] }
            return [Candidate(range: match.range, value: "\(from)/\(to)", precision: "interval")]
        },
        // (tầm nhìn) đến năm 2030 — (with a vision) to 2045 — (vision) jusqu'en 2050 / à l'horizon 2030
        Rule(pattern: Pattern(#"(tầm nhìn\s+|vision\s+|a vision\s+)?(?:đến năm|to|by|until|jusqu'en|jusqu’en|à l'horizon|à l’horizon)\s+((?:19|20)\d\d)(?![\d/])"#, caseInsensitive: true)) { match, text, _ in
            guard let year = Int(match.groups[1]!) else { return [] }
            let before = text[..<match.range.lowerBound].suffix(24).lowercased()
            let vision = match.groups[0] != nil || before.contains("vision") || before.contains("tầm nhìn")
            // The span is the year expression: "năm 2030" in Vietnamese, the year elsewhere.
            let yearRange = match.groups[1]!.startIndex..<match.groups[1]!.endIndex
            let lower = text[match.range].lowercased().contains("năm")
                ? text.range(of: "năm", options: .caseInsensitive, range: match.range)?.lowerBound ?? yearRange.lowerBound
                : yearRange.lowerBound
            return [Candidate(range: lower..<yearRange.upperBound, value: "\(year)", precision: "year",
                              role: vision ? "vision" : "target")]
        },
        // năm 2023 (not "năm thứ 3")
        Rule(pattern: Pattern(#"năm\s+((?:19|20)\d\d)(?![\d/])"#, caseInsensitive: true)) { match, _, _ in
            [Candidate(range: match.range, value: String(match.groups[0]!), precision: "year")]
        },
        // in 2023, en 2022, since 2020, depuis 2021, l'année 2023
        Rule(pattern: Pattern(#"(?:\b(?:in|since|from|en|depuis|of|année|year)\s+)((?:19|20)\d\d)(?![\d/-])"#, caseInsensitive: true)) { match, _, _ in
            [Candidate(range: match.groups[0]!.startIndex..<match.range.upperBound, value: String(match.groups[0]!), precision: "year")]
        },
        // July 18, 2023 — August 3 and 4 — October 18-19 — July 2023
        Rule(pattern: Pattern("\\b(\(monthNames))\\b\\s+(\\d{1,2}(?:st|nd|rd|th)?(?:\\s*(?:,|and|&|-|–)\\s*\\d{1,2}(?:st|nd|rd|th)?)*)(?:,?\\s+\(year))?(?![\\d/])", caseInsensitive: true)) { match, _, context in
            guard let month = month(match.groups[0]) else { return [] }
            let list = numbers(in: match.groups[1]!)
            guard let first = list.first else { return [] }
            var year = match.groups[2].flatMap { Int($0) }
            var completed = false
            if year == nil { year = completeYear(month: month, day: first, context: context); completed = year != nil }
            return days(list, month: month, year: year, completed: completed, span: match.range,
                        dash: match.groups[1]!.contains("-") || match.groups[1]!.contains("–"))
        },
        Rule(pattern: Pattern("\\b(\(monthNames))\\b\\s+\(year)(?![\\d/])", caseInsensitive: true)) { match, _, _ in
            guard let month = month(match.groups[0]), let year = Int(match.groups[1]!) else { return [] }
            return [Candidate(range: match.range, value: iso(year, month), precision: "month")]
        },
        // 15 juillet 2021 — les 3 et 4 août — 18 July 2023 — 1er décembre
        Rule(pattern: Pattern("(?<![\\d/])(\\d{1,2}(?:er|e|st|nd|rd|th)?(?:\\s*(?:,|et|and|-|–|au)\\s*\\d{1,2}(?:er|e)?)*)\\s+(\(monthNames))\\b(?:\\s+\(year))?(?![\\d/])", caseInsensitive: true)) { match, text, context in
            guard let month = month(match.groups[1]) else { return [] }
            let list = numbers(in: match.groups[0]!)
            guard let first = list.first else { return [] }
            var year = match.groups[2].flatMap { Int($0) }
            var completed = false
            if year == nil { year = completeYear(month: month, day: first, context: context); completed = year != nil }
            return days(list, month: month, year: year, completed: completed, span: match.range,
                        dash: match.groups[0]!.contains("-") || match.groups[0]!.contains("–"))
        },
        // du 29 novembre au 1er décembre (2024)
        Rule(pattern: Pattern("du\\s+\(dayNumber)\\s+(\(monthNames))\\b\\s+au\\s+\(dayNumber)\\s+(\(monthNames))\\b(?:\\s+\(year))?", caseInsensitive: true)) { match, _, context in
            guard let d1 = Int(match.groups[0]!), let m1 = month(match.groups[1]), let d2 = Int(match.groups[2]!),
                  let m2 = month(match.groups[3]) else { return [] }
            var y2 = match.groups[4].flatMap { Int($0) }
            var completed = false
            if y2 == nil { y2 = completeYear(month: m2, day: d2, context: context); completed = y2 != nil }
            let y1 = y2.map { m1 > m2 ? $0 - 1 : $0 }
            let start = match.groups[0]!.startIndex
            return [Candidate(range: start..<match.range.upperBound, value: iso(y1, m1, d1) + "/" + iso(y2, m2, d2),
                              precision: "interval", completed: completed)]
        },
        // les 9 et 15 de chaque mois — on the 9th and 15th of each month — ngày 9 và 15 hằng tháng
        Rule(pattern: Pattern(#"(\d{1,2}(?:e|th)?(?:\s*(?:,|et|and|và)\s*(?:the\s+)?\d{1,2}(?:e|th)?)*)\s+(?:de chaque mois|of (?:each|every) month|hằng tháng|hàng tháng)"#, caseInsensitive: true)) { match, _, _ in
            let list = numbers(in: match.groups[0]!)
            guard !list.isEmpty, list.allSatisfy({ (1...31).contains($0) }) else { return [] }
            return [Candidate(range: match.range, value: "R/P1M;BYMONTHDAY=" + list.map(String.init).joined(separator: ","),
                              precision: "recurrence")]
        },
    ]

    /// Recurrence words: "rapports annuels", "annual reports", "định kỳ hàng năm", "réunions mensuelles".
    static let recurrenceRule = Rule(pattern: Pattern(#"\b(?:(?:định kỳ\s+)?(?:hàng|hằng)\s+(năm|quý|tháng|tuần|ngày)(?!\s+\d)|(annuel(?:le)?s?|annual|yearly|trimestriel(?:le)?s?|quarterly|mensuel(?:le)?s?|monthly|hebdomadaires?|weekly|quotidien(?:ne)?s?|daily))\b"#, caseInsensitive: true), needsDigit: false) { match, _, _ in
        let word = (match.groups[0] ?? match.groups[1] ?? "").lowercased()
        let period: String
        switch word {
        case "năm", _ where word.hasPrefix("annu") || word == "yearly": period = "P1Y"
        case "quý", _ where word.hasPrefix("trimestri") || word == "quarterly": period = "P3M"
        case "tháng", _ where word.hasPrefix("mensuel") || word == "monthly": period = "P1M"
        case "tuần", _ where word.hasPrefix("hebdo") || word == "weekly": period = "P1W"
        default: period = "P1D"
        }
        return [Candidate(range: match.range, value: "R/" + period, precision: "recurrence")]
    }

    static let future = Pattern(#"(?:\bsẽ\b|\btới\b|dự kiến|sắp tới|\bwill\b|\bprochaine?s?\b|\bnext\b|\bupcoming\b)"#, caseInsensitive: true)
    static let beforeCue = Pattern(#"(?:avant(?: le)?|trước(?: ngày)?|before|prior to)\s*$"#, caseInsensitive: true)
    /// A dateline's date, possibly glued to the site name: "Việt NamViệt Nam29/08/2023".
    static let glued = Pattern(#"(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)"#)
}
