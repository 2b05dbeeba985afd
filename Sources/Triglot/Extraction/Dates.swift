import Foundation

/// Finds calendar expressions in Vietnamese, French and English and gives their ISO 8601 values, by the news
/// conventions.
///
/// Forms: days (`28/8/2023`, `28.8.2023`, `1-2-2021`, `ngày 28 tháng 01 năm 2021`, `sáng 2/10`, `ngày 25-8`,
/// `July 18, 2023`, `15 juillet 2021`, `1er février`, `premier février`), spans of days (`1-2/12`, `28 và 29/10`,
/// `16 - 17.8`, `22 đến ngày 24/12/2021`, `6/12/1989 - 6/12/2023`, `August 3 and 4`, `Sept 6 -8`, `November 29 –
/// December 1`, `10 au 12 janvier`, `du 29 novembre au 1er décembre 2024`, `01/10/2025 đến ngày 03/10/2025`; the
/// days of one event listed, `18, 19 và 22/3`, from the first to the last), months (`tháng 9 năm 2021`,
/// `7/2023` after `tháng`, `THÁNG 9`, `September 2021`, `in September`), periods of months (`tháng 4/2021-2/2025`,
/// `2/2025-9/2025`), runs of months (`9 tháng năm 2021`, `first 9
/// months of 2021`, `January 2023 to August 2024`), quarters (`quý II/2024`, `2e trimestre 2024`), years (`2025`,
/// `năm 2023` → `2023`) and terms (`2025-2030`, `2016 - 2021`, `2016-21`, `2016 to 2020`, `de 2011 à 2021` →
/// `2025/2030`), and the
/// same days of every month (`les 9 et 15 de chaque mois` → `R/P1M;BYMONTHDAY=9,15`).
///
/// Spans are the bare expression: cue words (`ngày`, `sáng`, `năm`, `on`, `le`, `du`, `nhiệm kỳ`) and weekdays
/// (`Thứ Sáu`, `jeudi`) stay outside. A day or month written without its year takes the year that puts it
/// closest to the article date (dates after it count double, unless the sentence speaks of the future: `sẽ`,
/// `will`, `prochain`), marked `completed`; with no article date it stays partial (`--08-03`).
/// Not dates: impossible days (`31/2/2023`, `30 février`), fractions (`18/21`, `3/6 cibles`), document codes
/// (`45/2023/NĐ-CP`: references are found first), relative expressions, weekdays alone, `năm thứ 3`, clocks.
public struct DateExtractor: Sendable {
    private let shared: SharedResource<DateWords>
    var words: DateWords { shared.value }

    public init() { shared = ExtractionResources.standard.sharedDates }

    /// The dates of `text`, with spans as UTF-8 offsets into `text` plus `base`.
    public func mentions(in text: String, base: Int = 0, articleDate: DateComponents? = nil) -> [Mention] {
        let resources = ExtractionResources.standard
        let tokens = resources.tokenize(text)
        let references = DocumentReferenceExtractor().tokenRanges(in: tokens)
        return mentions(in: tokens, base: base, articleDate: articleDate, excluding: references)
    }

    /// The dates of tokenized text, outside the token ranges `excluded` (document codes).
    func mentions(in tokens: TokenizedText, base: Int, articleDate: DateComponents?, excluding excluded: [Range<Int>]) -> [Mention] {
        var scanner = DateScanner(tokens: tokens, words: shared, article: articleDate, excluded: excluded)
        return scanner.scan().map { found in
            let start = tokens[found.range.lowerBound].start
            let end = tokens[found.range.upperBound - 1].end
            return Mention(span: Span(start: base + start, end: base + end), text: tokens.string(bytes: start..<end),
                           value: .date(found.value))
        }
    }

    /// The article date of a document: its dateline's date, else nil.
    public func articleDate(of document: Document) -> DateComponents? {
        for paragraph in document.paragraphs where paragraph.kind == .dateline {
            let tokens = ExtractionResources.standard.tokenize(String(document.text(of: paragraph)))
            // "Việt NamViệt Nam29/08/2023", "Thứ Sáu, 23/01/2026": the first full day.
            var k = 0
            while k + 4 < tokens.count {
                if tokens[k].isNumber, tokens[k + 1].kind == .punctuation, tokens[k + 2].isNumber,
                   tokens[k + 3].kind == .punctuation, tokens[k + 3].mark == tokens[k + 1].mark, tokens[k + 4].digits == 4,
                   [0x2F, 0x2E, 0x2D].contains(tokens[k + 1].mark),
                   CalendarDate(year: tokens[k + 4].number, month: tokens[k + 2].number, day: tokens[k].number) != nil {
                    return DateComponents(year: tokens[k + 4].number, month: tokens[k + 2].number, day: tokens[k].number)
                }
                k += 1
            }
        }
        return nil
    }
}

/// The words dates are written with.
struct DateWords: Sendable {
    /// English and French month names and abbreviations (``MonthNames``: all of them, since here they stand in a
    /// date's grammar), folded.
    var months = WordMap<Int>()
    /// The month forms that name a month standing alone (``MonthNames``' names and abbreviations, not the short
    /// forms read only inside a date, such as the French seven "sept").
    var monthsAlone = WordSet()
    /// Weekdays (skipped before a date).
    var weekdays = WordSet()
    /// Vietnamese: tháng, năm, ngày, quý, đầu, cuối.
    var thang = WordSet(), nam = WordSet(), ngay = WordSet(), quy = WordSet(), dau = WordSet(), cuoi = WordSet()
    /// Vietnamese cue words before a day written D/M or D-M: ngày, sáng, chiều, tối, trưa, đêm, hôm, từ, đến, …
    var dayCues = WordSet()
    /// "mai" (tomorrow) after a cue word ("sáng mai", "ngày mai"), which a page follows with the day's date ("hôm
    /// nay, 2/3 đại biểu" is two thirds of the deputies).
    var relativeDays = WordSet()
    /// Joining days into one span: to, au, đến, through, until; and lists: and, et, và.
    var rangeWords = WordSet()
    var listWords = WordSet()
    /// Ordinal day words ("premier", "1er" is a number and a suffix).
    var firstDay = WordSet()
    var daySuffixes = WordSet()
    /// Markers of a sentence about the future.
    var future = WordSet()
    /// Before a date, making its role `before`.
    var before = WordSet()
    /// Before a year, making it a target ("đến năm 2030", "to 2030", "jusqu'en 2050", "d'ici 2030").
    var target = WordSet()
    var vision = WordSet()
    /// Nouns after a number that make it a count, not a year ("2000 delegates").
    var countNouns = WordSet()
    /// Number signs before a number that make it no year ("số", "No", "n°").
    var numberSigns = WordSet()
    /// "months", "mois", "first", "premiers", "last", "derniers", "of", "de", "each", "every", "chaque", "hằng", "hàng", "quarter", "trimestre".
    var monthWord = WordSet(), firstWord = WordSet(), lastWord = WordSet(), ofWord = WordSet(), eachWord = WordSet(), monthNoun = WordSet()
    var quarterWord = WordSet()
    /// "half", "semestre": the halves of a year ("first half of 2022", "premier semestre de 2022").
    var halfWord = WordSet()
    var quarterOrdinals = WordMap<Int>()
    /// Counts of months written as words: "ten months", "dix premiers mois".
    var monthCounts = WordMap<Int>()
    /// Prepositions that make a bare English month name a date ("In September").
    var monthPrepositions = WordSet()
    /// Meetings named after their month in French ("la réunion périodique d'août", "la session de décembre"), and
    /// the words that may stand between the meeting and its "de".
    var meetingNouns = WordSet(), meetingQualifiers = WordSet()

    init(_ v: inout Vocabulary) {
        for form in MonthNames.standard.forms { months.insert(folded: form.text, form.month, &v) }
        monthsAlone = WordSet(folded: MonthNames.standard.forms.filter(\.namesAMonthAlone).map(\.text), &v)
        weekdays = WordSet(folded: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi",
                                    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"], &v)
        thang = WordSet(keys: ["tháng"], &v)
        nam = WordSet(keys: ["năm"], &v)
        ngay = WordSet(keys: ["ngày"], &v)
        quy = WordSet(keys: ["quý"], &v)
        dau = WordSet(keys: ["đầu"], &v)
        cuoi = WordSet(keys: ["cuối"], &v)
        dayCues = WordSet(keys: ["ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "từ", "đến", "tới", "vào", "trước",
                                 "sau", "mai", "nay", "khuya", "rạng"], &v)
        relativeDays = WordSet(keys: ["mai"], &v)
        rangeWords = WordSet(keys: ["đến", "tới"], folded: ["to", "au", "through", "until", "till", "jusqu"], &v)
        listWords = WordSet(keys: ["và"], folded: ["and", "et"], &v)
        firstDay = WordSet(folded: ["premier"], &v)
        daySuffixes = WordSet(folded: ["er", "e", "st", "nd", "rd", "th"], &v)
        future = WordSet(keys: ["sẽ", "tới", "sắp"], folded: ["will", "next", "upcoming", "prochain", "prochaine", "prochains",
                                                         "prochaines", "devrait", "demain", "tomorrow"], &v)
        before = WordSet(keys: ["trước"], folded: ["avant", "before", "prior"], &v)
        target = WordSet(keys: ["đến"], folded: ["to", "by", "until", "till", "jusqu", "horizon", "ici"], &v)
        vision = WordSet(keys: ["nhìn"], folded: ["vision"], &v)
        countNouns = WordSet(keys: ["người", "đại", "đồng", "tỷ", "triệu", "ha", "km", "tấn", "đảng", "cán", "hộ", "học",
                                    "lượt", "ca", "phiếu", "tổ", "chi", "xã", "thôn", "cơ", "doanh"],
                             folded: ["people", "persons", "delegates", "members", "votes", "personnes", "delegues",
                                      "membres", "voix", "households", "menages", "vnd", "dong", "ha", "km", "tonnes",
                                      "tons", "usd", "euros", "cases", "cas"], &v)
        numberSigns = WordSet(keys: ["số"], folded: ["no", "n", "number", "numero"], &v)
        monthWord = WordSet(keys: ["tháng"], folded: ["months", "mois"], &v)
        firstWord = WordSet(folded: ["first", "premiers", "premier"], &v)
        lastWord = WordSet(folded: ["last", "derniers"], &v)
        ofWord = WordSet(folded: ["of", "de", "du", "in"], &v)
        eachWord = WordSet(keys: ["hằng", "hàng"], folded: ["each", "every", "chaque"], &v)
        monthNoun = WordSet(keys: ["tháng"], folded: ["month", "mois"], &v)
        quarterWord = WordSet(folded: ["quarter", "trimestre"], &v)
        halfWord = WordSet(folded: ["half", "semestre"], &v)
        quarterOrdinals.insert(folded: "first", 1, &v)
        quarterOrdinals.insert(folded: "second", 2, &v)
        quarterOrdinals.insert(folded: "third", 3, &v)
        quarterOrdinals.insert(folded: "fourth", 4, &v)
        quarterOrdinals.insert(folded: "premier", 1, &v)
        quarterOrdinals.insert(folded: "deuxième", 2, &v)
        quarterOrdinals.insert(folded: "troisième", 3, &v)
        quarterOrdinals.insert(folded: "quatrième", 4, &v)
        monthPrepositions = WordSet(folded: ["in", "of", "during", "since", "until", "till", "from", "by", "early", "late",
                                             "mid", "through", "throughout", "for", "en", "depuis", "mois", "pour"], &v)
        meetingNouns = WordSet(folded: ["réunion", "réunions", "session", "sessions", "séance", "séances", "conférence"], &v)
        meetingQualifiers = WordSet(folded: ["périodique", "périodiques", "ordinaire", "ordinaires", "mensuelle",
                                             "mensuelles", "régulière", "thématique", "extraordinaire", "gouvernementale"], &v)
        for (k, words) in [(2, ["two", "deux"]), (3, ["three", "trois"]), (4, ["four", "quatre"]), (5, ["five", "cinq"]),
                           (6, ["six"]), (7, ["seven", "sept"]), (8, ["eight", "huit"]), (9, ["nine", "neuf"]),
                           (10, ["ten", "dix"]), (11, ["eleven", "onze"])] {
            for word in words { monthCounts.insert(folded: word, k, &v) }
        }
    }
}

/// One pass over a sentence's tokens, left to right, keeping the first (longest) expression at each place.
struct DateScanner {
    let t: TokenizedText
    /// The date words, shared rather than copied for each sentence.
    private let shared: SharedResource<DateWords>
    var w: DateWords {
        _read { yield shared.value }
    }
    let article: DateComponents?
    let excluded: [Range<Int>]
    let future: Bool

    struct Found {
        var range: Range<Int>
        var value: DateValue
        /// A date written in full that the calendar does not have ("31/2/2023", "30 février 2024"): its tokens name
        /// no date, and no part of them is read as one.
        var impossible = false
    }

    init(tokens: TokenizedText, words: SharedResource<DateWords>, article: DateComponents?, excluded: [Range<Int>]) {
        t = tokens
        shared = words
        self.article = article
        self.excluded = excluded
        future = tokens.tokens.contains { words.value.future.contains($0) }
    }

    mutating func scan() -> [Found] {
        var result: [Found] = []
        var k = 0
        while k < t.count {
            if let range = excluded.first(where: { $0.contains(k) }) { k = range.upperBound; continue }
            if let found = expression(at: k), !excluded.contains(where: { $0.overlaps(found.first!.range) }) {
                result += found.filter { !$0.impossible }.map { item in
                    var item = item
                    if item.value.role == nil, isBefore(item.range.lowerBound) { item.value.role = .before }
                    return item
                }
                k = found.map(\.range.upperBound).max()!
            } else {
                k += 1
            }
        }
        return result
    }

    // MARK: Token helpers

    private func number(_ k: Int) -> Int? { k < t.count && t[k].isNumber ? t[k].number : nil }
    private func mark(_ k: Int, _ scalar: Unicode.Scalar) -> Bool { k < t.count && t[k].isMark(scalar) }
    private func glued(_ k: Int) -> Bool { k < t.count && !t[k].spaceBefore }
    private func isYear(_ k: Int) -> Bool { k < t.count && t[k].digits == 4 && (1900...2099).contains(t[k].number) }
    private func isDay(_ k: Int) -> Bool { k < t.count && t[k].isNumber && t[k].digits <= 2 && (1...31).contains(t[k].number) }
    private func isMonthNumber(_ k: Int) -> Bool { k < t.count && t[k].isNumber && t[k].digits <= 2 && (1...12).contains(t[k].number) }
    private func isDash(_ k: Int) -> Bool { mark(k, "-") }
    /// The French "à" joining the ends of a span ("novembre 2019 à août 2020"): too common a word to be a range word
    /// anywhere else.
    private func isFrenchTo(_ k: Int) -> Bool { k < t.count && t.string(k..<k + 1) == "à" }
    private func month(_ k: Int) -> Int? {
        guard k < t.count, let month = w.months.value(t[k]) else { return nil }
        // "may", "march" and "mar" are English words too: the month is capitalised.
        let folded = t.folded(k)
        if ["may", "mar", "march"].contains(folded) && !t[k].capitalised { return nil }
        return month
    }

    /// A separator of a numeric date: / . -
    private func dateSeparator(_ k: Int) -> UInt32? {
        guard k < t.count, t[k].kind == .punctuation, [0x2F, 0x2E, 0x2D].contains(t[k].mark) else { return nil }
        return t[k].mark
    }

    /// Whether the word before `k` (an opening bracket skipped) is a Vietnamese day cue: ngày, sáng, chiều, …
    private func hasDayCue(_ k: Int) -> Bool {
        var j = k - 1
        if j >= 0, mark(j, "(") { j -= 1 }
        guard j >= 0 else { return false }
        if w.dayCues.contains(t[j]) || w.weekdays.contains(t[j]) { return true }
        // "Thứ Sáu, 23/01", "Chủ nhật 5/10": a weekday then a comma.
        if mark(j, ","), j >= 2, t[j - 2].isWord, t.folded(j - 2) == "thu" || t.folded(j - 2) == "chu" { return true }
        // "sáng mai, 17/10", "ngày mai, 17/10": tomorrow, then its date after a comma.
        if mark(j, ","), j >= 2, w.relativeDays.contains(t[j - 1]), w.dayCues.contains(t[j - 2]) { return true }
        return false
    }

    private func isBefore(_ k: Int) -> Bool {
        var j = k - 1
        while j >= 0, j >= k - 3 {
            if w.before.contains(t[j]) { return true }
            if t[j].kind == .punctuation { return false }
            j -= 1
        }
        return false
    }

    // MARK: Years

    /// The year of a day or month written without one: the candidate closest to the article date, dates after it
    /// counting double unless the sentence speaks of the future (then dates before it count double).
    private func completeYear(month: Int, day: Int?) -> Int? {
        guard let article, let year = article.year, let articleMonth = article.month else { return nil }
        let articleDay = article.day ?? 15
        func ordinal(_ y: Int, _ m: Int, _ d: Int) -> Int { y * 372 + m * 31 + d }
        let reference = ordinal(year, articleMonth, articleDay)
        var best: (Int, Int)?
        for candidate in [year - 1, year, year + 1] {
            let distance = ordinal(candidate, month, day ?? 15) - reference
            let weighted = distance > 0 ? (future ? distance : distance * 2) : (future ? -distance * 2 : -distance)
            if best.map({ weighted < $0.1 }) ?? true { best = (candidate, weighted) }
        }
        return best?.0
    }

    // MARK: Expressions

    private func expression(at k: Int) -> [Found]? {
        let token = t[k]
        if token.isNumber {
            return vietnameseDayMonthYear(k) ?? runOfMonths(k) ?? numeric(k) ?? monthRange(k) ?? dayThenMonthName(k)
                ?? recurrence(k) ?? year(k)
        }
        guard token.isWord else { return nil }
        if w.thang.contains(token) { return vietnameseMonth(k) }
        if w.quy.contains(token) { return vietnameseQuarter(k) }
        if month(k) != nil { return monthThenDay(k) }
        if w.firstDay.contains(token), k + 1 < t.count, month(k + 1) != nil { return dayThenMonthName(k) }
        if w.firstWord.contains(token) { return runOfMonths(k) ?? quarter(k) }
        if w.lastWord.contains(token), let run = runOfMonths(k) { return run }
        if w.monthCounts.value(token) != nil { return runOfMonths(k) }
        if w.quarterOrdinals.value(token) != nil { return quarter(k) }
        return nil
    }

    /// A value for days of one month: one day, an interval (consecutive days, days joined by a dash or "to", or a
    /// list of days of one event, "18, 19 và 22/3": from its first day to its last, one mention as the corpus
    /// annotates it), or separate days sharing the span when the list does not run forward.
    private func days(_ list: [Int], month: Int, year: Int?, completed: Bool, range: Range<Int>) -> [Found]? {
        let dates = list.compactMap { CalendarDate(year: year, month: month, day: $0) }
        guard dates.count == list.count, let first = dates.first, let last = dates.last else {
            // Days the month does not have: no date, and the month and year are not read apart.
            guard (1...12).contains(month), list.allSatisfy({ (1...31).contains($0) }) else { return nil }
            return [Found(range: range, value: DateValue(form: .monthDays([]), precision: .day), impossible: true)]
        }
        if dates.count == 1 {
            return [Found(range: range, value: DateValue(form: .date(first), precision: .day, completed: completed))]
        }
        let forward = zip(list, list.dropFirst()).allSatisfy { $1 > $0 }
        if forward {
            return [Found(range: range, value: DateValue(form: .interval(first, last), precision: .interval, completed: completed))]
        }
        return dates.map { Found(range: range, value: DateValue(form: .date($0), precision: .day, completed: completed)) }
    }

    /// Days from `k`: "1", "1-2", "28 và 29", "3, 4", "22 đến ngày 24", "16 - 17", "1er et 2", "29 au"… Returns the
    /// days and the index after the last.
    private func dayList(_ k: Int, allowVietnamese: Bool) -> (days: [Int], end: Int)? {
        guard isDay(k) else { return nil }
        var list = [t[k].number]
        var j = k + 1
        if j < t.count, glued(j), w.daySuffixes.contains(t[j]) { j += 1 }
        while j < t.count {
            var next = j
            if isDash(next) || mark(next, ",") || w.listWords.contains(t[next]) { next += 1 }
            else if w.rangeWords.contains(t[next]) {
                next += 1
                // "đến ngày 24/12", "au 12"
                if allowVietnamese, next < t.count, w.ngay.contains(t[next]) { next += 1 }
            } else { break }
            guard isDay(next) else { break }
            list.append(t[next].number)
            j = next + 1
            if j < t.count, glued(j), w.daySuffixes.contains(t[j]) { j += 1 }
        }
        return (list, j)
    }

    /// 28/8/2023, 29.08.2023, 1-2-2021, 23/01/2026; 2/10, 28/01 (with a cue or a padded month); 25-8 after a cue;
    /// 1-2/12, 28 và 29/10, 16 - 17.8, 22 đến ngày 24/12/2021; 6/12/1989 - 6/12/2023.
    private func numeric(_ k: Int) -> [Found]? {
        guard let list = dayList(k, allowVietnamese: true) else { return nil }
        if let found = numeric(k, list) { return found }
        // "30-1", "1-2-2021": the first number alone is the day.
        guard list.days.count > 1 else { return nil }
        return numeric(k, ([list.days[0]], k + 1))
    }

    private func numeric(_ k: Int, _ list: (days: [Int], end: Int)) -> [Found]? {
        let last = list.end - 1  // the last day's token (or its suffix)
        guard t[last].isNumber, let separator = dateSeparator(list.end), glued(list.end), isMonthNumber(list.end + 1),
              glued(list.end + 1) else { return nil }
        let month = t[list.end + 1].number
        var end = list.end + 2
        var year: Int?
        if dateSeparator(end) == separator, glued(end), isYear(end + 1), glued(end + 1) {
            year = t[end + 1].number
            end += 2
        } else if dateSeparator(end) != nil && glued(end) && end + 1 < t.count && t[end + 1].isNumber && glued(end + 1) {
            return nil  // a longer number (a code, a version)
        }
        if end < t.count, t[end].isNumber, glued(end) { return nil }
        if year == nil {
            // Without a year: a cue, a padded month ("28/01"), or a span of days; a dash only after a cue.
            let padded = t[list.end + 1].digits == 2 && month < 10
            let cue = hasDayCue(k)
            if separator == 0x2D && !cue { return nil }
            if separator == 0x2E && list.days.count == 1 && !cue { return nil }
            guard cue || padded || list.days.count > 1 else { return nil }
            // A day-month with a dash followed by "/": "1-2/12" is read as a span by dayList already.
        }
        // "6/12/1989 - 6/12/2023", "01/10/2025 đến ngày 03/10/2025": a second full date after a dash or a range
        // word (and its cue).
        if let year, list.days.count == 1, isDash(end) || (end < t.count && w.rangeWords.contains(t[end])) {
            let second = end + 1 < t.count && !isDash(end) && w.ngay.contains(t[end + 1]) ? end + 2 : end + 1
            if isDay(second), dateSeparator(second + 1) == separator, isMonthNumber(second + 2),
               dateSeparator(second + 3) == separator, isYear(second + 4),
               let from = CalendarDate(year: year, month: month, day: list.days[0]),
               let to = CalendarDate(year: t[second + 4].number, month: t[second + 2].number, day: t[second].number), to > from {
                return [Found(range: k..<second + 5, value: DateValue(form: .interval(from, to), precision: .interval))]
            }
        }
        var completed = false
        if year == nil {
            year = completeYear(month: month, day: list.days[0])
            completed = year != nil
        }
        return days(list.days, month: month, year: year, completed: completed, range: k..<end)
    }

    /// A period of months written with their years, "2/2025-9/2025", "2/2025 - 9/2025" or "9/2014 đến 1/2016" (the
    /// later month after the dash or the range word): a month and year alone with a slash is read only after
    /// "tháng", but two in a row are a period.
    private func monthRange(_ k: Int) -> [Found]? {
        guard isMonthNumber(k), mark(k + 1, "/"), glued(k + 1), isYear(k + 2), glued(k + 2),
              isDash(k + 3) || k + 3 < t.count && w.rangeWords.contains(t[k + 3]),
              isMonthNumber(k + 4), mark(k + 5, "/"), glued(k + 5), isYear(k + 6), glued(k + 6),
              !(k + 7 < t.count && glued(k + 7) && (t[k + 7].isNumber || mark(k + 7, "/"))),
              let from = CalendarDate(year: t[k + 2].number, month: t[k].number),
              let to = CalendarDate(year: t[k + 6].number, month: t[k + 4].number), to > from else { return nil }
        return [Found(range: k..<k + 7, value: DateValue(form: .interval(from, to), precision: .interval))]
    }

    /// 28 tháng 01 năm 2021, 8 tháng 10 (year completed).
    private func vietnameseDayMonthYear(_ k: Int) -> [Found]? {
        guard isDay(k), k + 2 < t.count, w.thang.contains(t[k + 1]), isMonthNumber(k + 2) else { return nil }
        let day = t[k].number, month = t[k + 2].number
        var end = k + 3
        var year: Int?
        if end + 1 < t.count, w.nam.contains(t[end]), isYear(end + 1) {
            year = t[end + 1].number
            end += 2
        } else if mark(end, "/"), isYear(end + 1) {
            year = t[end + 1].number
            end += 2
        }
        var completed = false
        if year == nil { year = completeYear(month: month, day: day); completed = year != nil }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return [Found(range: k..<end, value: DateValue(form: .monthDays([]), precision: .day), impossible: true)]
        }
        return [Found(range: k..<end, value: DateValue(form: .date(date), precision: .day, completed: completed))]
    }

    /// tháng 9 năm 2021, THÁNG 9 (year completed), and 7/2023 or 7-2023 after "tháng", which then stays outside the
    /// span as a cue word, as "ngày" does before 28/8/2023 ("tháng 11-2019 đến tháng 8-2020", "tháng 4/2021-2/2025":
    /// one interval each); not "tháng" after a number ("3 tháng").
    private func vietnameseMonth(_ k: Int) -> [Found]? {
        guard isMonthNumber(k + 1), !(k > 0 && t[k - 1].isNumber) else { return nil }
        let month = t[k + 1].number
        var start = k
        var end = k + 2
        var year: Int?
        /// The year glued to a month after "/", "-" or "." at `j` ("/2023", "-2020", "tháng 4.2021").
        func slashYear(_ j: Int) -> Int? {
            (mark(j, "/") || isDash(j) || mark(j, ".")) && glued(j) && isYear(j + 1) && glued(j + 1) ? t[j + 1].number : nil
        }
        if end + 1 < t.count, w.nam.contains(t[end]), isYear(end + 1) {
            year = t[end + 1].number
            end += 2
        } else if let period = monthRange(k + 1) {
            // "tháng 4/2021-2/2025", "tháng 4/2021 - 2/2025": the second month with no "tháng" of its own.
            return period
        } else if let glued = slashYear(end) {
            year = glued
            start = k + 1
            end += 2
            // "tháng 11-2019 đến tháng 8-2020"
            if end + 2 < t.count, w.rangeWords.contains(t[end]), w.thang.contains(t[end + 1]), isMonthNumber(end + 2),
               let year2 = slashYear(end + 3), let from = CalendarDate(year: glued, month: month),
               let to = CalendarDate(year: year2, month: t[end + 2].number), to > from {
                return [Found(range: start..<end + 5, value: DateValue(form: .interval(from, to), precision: .interval))]
            }
        } else if end < t.count, mark(end, "/") || mark(end, ".") || isDash(end), end + 1 < t.count, t[end + 1].isNumber {
            return nil
        } else if end + 2 < t.count, w.rangeWords.contains(t[end]), w.thang.contains(t[end + 1]), isMonthNumber(end + 2),
                  month < t[end + 2].number {
            // "tháng 7 đến tháng 10/2025", "tháng 7 đến tháng 10 năm 2025": the year at the later end is the period's.
            var year2: Int?
            var end2 = end + 3
            if let glued = slashYear(end2) { year2 = glued; end2 += 2 }
            else if end2 + 1 < t.count, w.nam.contains(t[end2]), isYear(end2 + 1) { year2 = t[end2 + 1].number; end2 += 2 }
            if let year2, let from = CalendarDate(year: year2, month: month), let to = CalendarDate(year: year2, month: t[end + 2].number) {
                return [Found(range: k..<end2, value: DateValue(form: .interval(from, to), precision: .interval))]
            }
        }
        var completed = false
        if year == nil { year = completeYear(month: month, day: nil); completed = year != nil }
        guard let date = CalendarDate(year: year, month: month) else { return nil }
        return [Found(range: start..<end, value: DateValue(form: .date(date), precision: .month, completed: completed))]
    }

    /// quý II/2024, quý 2 năm 2024.
    private func vietnameseQuarter(_ k: Int) -> [Found]? {
        guard k + 1 < t.count else { return nil }
        let roman = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
        let quarter = t[k + 1].isNumber ? t[k + 1].number : roman[t.folded(k + 1)]
        guard let quarter, (1...4).contains(quarter) else { return nil }
        var end = k + 2
        var year: Int?
        if mark(end, "/"), isYear(end + 1) { year = t[end + 1].number; end += 2 }
        else if end + 1 < t.count, w.nam.contains(t[end]), isYear(end + 1) { year = t[end + 1].number; end += 2 }
        guard let year, let from = CalendarDate(year: year, month: quarter * 3 - 2),
              let to = CalendarDate(year: year, month: quarter * 3) else { return nil }
        return [Found(range: k..<end, value: DateValue(form: .interval(from, to), precision: .quarter))]
    }

    /// 2e trimestre 2024, second quarter of 2024, first quarter (year from the article).
    private func quarter(_ k: Int) -> [Found]? {
        var j = k
        var quarter: Int?
        if t[j].isNumber, (1...4).contains(t[j].number), j + 1 < t.count, glued(j + 1), w.daySuffixes.contains(t[j + 1]) {
            quarter = t[j].number
            j += 2
        } else if let ordinal = w.quarterOrdinals.value(t[j]) {
            quarter = ordinal
            j += 1
        }
        guard let quarter, j < t.count else { return nil }
        if w.halfWord.contains(t[j]) { return half(quarter, from: k, word: j) }
        guard w.quarterWord.contains(t[j]) else { return nil }
        var end = j + 1
        var year = article?.year
        var completed = true
        if end < t.count, w.ofWord.contains(t[end]), isYear(end + 1) { year = t[end + 1].number; end += 2; completed = false }
        else if isYear(end) { year = t[end].number; end += 1; completed = false }
        guard let year, let from = CalendarDate(year: year, month: quarter * 3 - 2),
              let to = CalendarDate(year: year, month: quarter * 3) else { return nil }
        return [Found(range: k..<end, value: DateValue(form: .interval(from, to), precision: .quarter, completed: completed))]
    }

    /// A half of a year with its year written: "first half of 2022", "premier semestre de 2022", "second semestre
    /// 2023" (a half without its year, "second semestre de l'année", is relative: no date).
    private func half(_ half: Int, from k: Int, word j: Int) -> [Found]? {
        guard half <= 2 else { return nil }
        var end = j + 1
        if end < t.count, w.ofWord.contains(t[end]) { end += 1 }
        guard isYear(end), let from = CalendarDate(year: t[end].number, month: half * 6 - 5),
              let to = CalendarDate(year: t[end].number, month: half * 6) else { return nil }
        return [Found(range: k..<end + 1, value: DateValue(form: .interval(from, to), precision: .half))]
    }

    /// Runs of months from January: "9 tháng năm 2021", "6 tháng đầu năm 2024", "first 9 months of 2021", "9 months
    /// of 2021", "9 premiers mois de 2021"; and to December: "6 tháng cuối năm", "last six months of 2024", "six
    /// derniers mois de 2024".
    private func runOfMonths(_ k: Int) -> [Found]? {
        var j = k
        var last = false
        if w.firstWord.contains(t[j]) { j += 1 } else if w.lastWord.contains(t[j]) { j += 1; last = true }
        let count: Int
        if isMonthNumber(j), t[j].number > 1 { count = t[j].number }
        else if j < t.count, let word = w.monthCounts.value(t[j]) { count = word }  // "ten months", "dix premiers mois"
        else { return nil }
        j += 1
        if j < t.count, w.firstWord.contains(t[j]) { j += 1 }  // "9 premiers mois"
        else if j < t.count, w.lastWord.contains(t[j]) { j += 1; last = true }  // "six derniers mois"
        guard j < t.count, w.monthWord.contains(t[j]) else { return nil }
        j += 1
        if j < t.count, w.dau.contains(t[j]) { j += 1 } else if j < t.count, w.cuoi.contains(t[j]) { j += 1; last = true }
        var year: Int?
        var completed = false
        if j < t.count, w.nam.contains(t[j]) {
            j += 1
            if isYear(j) { year = t[j].number; j += 1 } else { year = article?.year; completed = true }
        } else if j < t.count, w.ofWord.contains(t[j]), isYear(j + 1) {
            year = t[j + 1].number
            j += 2
        } else {
            return nil
        }
        guard let year else { return nil }
        let from = last ? 13 - count : 1
        let to = last ? 12 : count
        guard let start = CalendarDate(year: year, month: from), let end = CalendarDate(year: year, month: to) else { return nil }
        let precision: DateValue.Precision = count == 6 ? .half : .interval
        return [Found(range: k..<j, value: DateValue(form: .interval(start, end), precision: precision, completed: completed))]
    }

    /// 15 juillet 2021, 1er et 2 décembre, 16 et 17 août, 10 au 12 janvier, 29 novembre au 1er décembre 2021,
    /// 6 septembre 1902 - 6 septembre 2022, 14 mars2014, 18 July 2023, premier février.
    private func dayThenMonthName(_ k: Int) -> [Found]? {
        var list: (days: [Int], end: Int)
        if w.firstDay.contains(t[k]) {
            list = ([1], k + 1)
        } else {
            guard let found = dayList(k, allowVietnamese: false) else { return nil }
            list = found
        }
        guard let month = self.month(list.end) else { return nil }
        var end = list.end + 1
        var year: Int?
        if isYear(end) { year = t[end].number; end += 1 }
        // A second day and month: "29 novembre au 1er décembre 2021", "6 septembre 1902 - 6 septembre 2022".
        if list.days.count == 1, end < t.count, isDash(end) || w.rangeWords.contains(t[end]),
           let second = dayList(end + 1, allowVietnamese: false), second.days.count == 1, let month2 = self.month(second.end) {
            var end2 = second.end + 1
            var year2: Int?
            if isYear(end2) { year2 = t[end2].number; end2 += 1 }
            if let found = crossMonthInterval(k..<end2, day: list.days[0], month: month, year: year,
                                              day2: second.days[0], month2: month2, year2: year2) { return [found] }
        }
        var completed = false
        if year == nil { year = completeYear(month: month, day: list.days[0]); completed = year != nil }
        return days(list.days, month: month, year: year, completed: completed, range: k..<end)
    }

    /// An interval whose two ends name different months ("29 novembre au 1er décembre", "November 29 – December 1").
    /// A year written on one end only serves both; the first end falls in the year before when its month comes later
    /// ("December 29 – January 2, 2024"); with no year at all, the second end's year is completed from the article date.
    private func crossMonthInterval(_ range: Range<Int>, day: Int, month: Int, year: Int?,
                                    day2: Int, month2: Int, year2: Int?) -> Found? {
        var year2 = year2
        var completed = false
        if year2 == nil { year2 = year ?? completeYear(month: month2, day: day2); completed = year == nil && year2 != nil }
        let year1 = year ?? year2.map { month > month2 ? $0 - 1 : $0 }
        guard let from = CalendarDate(year: year1, month: month, day: day),
              let to = CalendarDate(year: year2, month: month2, day: day2), to > from else { return nil }
        return Found(range: range, value: DateValue(form: .interval(from, to), precision: .interval, completed: completed))
    }

    /// July 18, 2023; August 3 and 4; October 18-19; Sept 6 -8; November 29 – December 1 (2021); January 25 to
    /// February 2; September 6, 1902 - September 6, 2022; July 2023; February 2020 to February 2025; "In September".
    private func monthThenDay(_ k: Int) -> [Found]? {
        guard let month = month(k) else { return nil }
        var j = k + 1
        if mark(j, "."), glued(j) { j += 1 }  // "Sept."
        if let list = dayList(j, allowVietnamese: false), !(list.days.count == 1 && isYear(j)) {
            var end = list.end
            var year: Int?
            if mark(end, ","), isYear(end + 1) { year = t[end + 1].number; end += 2 } else if isYear(end) { year = t[end].number; end += 1 }
            // "November 29 – December 1", "January 25 to February 2", "September 6, 1902 - September 6, 2022".
            if list.days.count == 1, end < t.count, isDash(end) || w.rangeWords.contains(t[end]), let month2 = self.month(end + 1),
               let second = dayList(end + 2, allowVietnamese: false), second.days.count == 1 {
                var end2 = second.end
                var year2: Int?
                if mark(end2, ","), isYear(end2 + 1) { year2 = t[end2 + 1].number; end2 += 2 } else if isYear(end2) { year2 = t[end2].number; end2 += 1 }
                if let found = crossMonthInterval(k..<end2, day: list.days[0], month: month, year: year,
                                                  day2: second.days[0], month2: month2, year2: year2) { return [found] }
            }
            var completed = false
            if year == nil { year = completeYear(month: month, day: list.days[0]); completed = year != nil }
            return days(list.days, month: month, year: year, completed: completed, range: k..<end)
        }
        // A period of months: "February 2020 to February 2025", "novembre 2019 à août 2020", and with the year at its
        // later end only, "from July to October 2025", "de juillet à octobre 2025".
        let yearWritten = isYear(j) ? t[j].number : nil
        let joint = yearWritten == nil ? j : j + 1
        if joint < t.count, isDash(joint) || w.rangeWords.contains(t[joint]) || isFrenchTo(joint),
           let month2 = self.month(joint + 1), isYear(joint + 2),
           let from = CalendarDate(year: yearWritten ?? t[joint + 2].number, month: month),
           let to = CalendarDate(year: t[joint + 2].number, month: month2), to > from {
            return [Found(range: k..<joint + 3, value: DateValue(form: .interval(from, to), precision: .interval))]
        }
        if let yearWritten {
            guard let date = CalendarDate(year: yearWritten, month: month) else { return nil }
            return [Found(range: k..<j + 1, value: DateValue(form: .date(date), precision: .month))]
        }
        // A month alone, capitalised, after a preposition: "In September", "en septembre"; or after "and" following
        // one: "for November and December", "pour novembre et décembre".
        let afterMonth = k > 1 && w.listWords.contains(t[k - 1]) && self.month(k - 2) != nil
            && (k > 2 && w.monthPrepositions.contains(t[k - 3]))
        guard k > 0, w.monthPrepositions.contains(t[k - 1]) || afterMonth || namesAMeeting(beforeMonth: k),
              w.monthsAlone.contains(t[k]), t.folded(k).count > 3 || isMayAlone(k) else { return nil }
        let year = completeYear(month: month, day: nil)
        guard let date = CalendarDate(year: year, month: month) else { return nil }
        return [Found(range: k..<k + 1, value: DateValue(form: .date(date), precision: .month, completed: year != nil))]
    }

    /// May written alone ("in May", "en mai", "la réunion périodique de mai"), not the family name Mai of a person
    /// named on ("of Mai Tien Dung", "de Mai Văn Ninh"): no capitalised word follows it.
    private func isMayAlone(_ k: Int) -> Bool {
        let folded = t.folded(k)
        guard folded == "may" || folded == "mai" else { return false }
        return k + 1 >= t.count || !(t[k + 1].capitalised)
    }

    /// Whether the French month name at `k` names a meeting's month: "réunion (périodique) de décembre",
    /// "session d'août" (not "la Révolution d'août").
    private func namesAMeeting(beforeMonth k: Int) -> Bool {
        var j = k - 1
        if t.folded(j) == "de" { j -= 1 }
        else if j >= 1, t[j].isMark("'"), t.folded(j - 1) == "d" { j -= 2 }
        else { return false }
        func meetingEnds(at end: Int) -> Bool {
            var j = end
            while j >= 0, w.meetingQualifiers.contains(t[j]) { j -= 1 }
            return j >= 0 && w.meetingNouns.contains(t[j])
        }
        if meetingEnds(at: j) { return true }
        // The meeting's owner between them: "la réunion périodique du gouvernement de mai", "la session de
        // l'Assemblée nationale de décembre" (up to four words after "du", "de la" or "de l'").
        var words = 0
        while j >= 0, words < 4, t[j].isWord, !["de", "du", "des", "d", "l"].contains(t.folded(j)) { j -= 1; words += 1 }
        guard words > 0, j >= 1 else { return false }
        if t.folded(j) == "du" || t.folded(j) == "de" { return meetingEnds(at: j - 1) }
        if t[j].isMark("'"), j >= 2, t.folded(j - 1) == "l", t.folded(j - 2) == "de" { return meetingEnds(at: j - 3) }
        return false
    }

    /// les 9 et 15 de chaque mois, on the 9th and 15th of each month, ngày 9 và 15 hằng tháng.
    private func recurrence(_ k: Int) -> [Found]? {
        guard let list = dayList(k, allowVietnamese: false) else { return nil }
        var j = list.end
        if j < t.count, w.ofWord.contains(t[j]) { j += 1 }
        guard j + 1 < t.count, w.eachWord.contains(t[j]), w.monthNoun.contains(t[j + 1]) else { return nil }
        return [Found(range: k..<j + 2, value: DateValue(form: .monthDays(list.days), precision: .recurrence))]
    }

    /// A year (2025), a term (2025-2030, 2016 - 2021, 2016-21, 2016 to 2020), with its role when a target or
    /// vision cue stands before it.
    private func year(_ k: Int) -> [Found]? {
        guard isYear(k) else { return nil }
        // Part of a longer numeric expression or a code: "45/2023", "2023/NĐ", "1.2023".
        if k > 0, !t[k].spaceBefore, t[k - 1].kind == .punctuation, [0x2F, 0x2E, 0x2C, 0x2D, 0x3A].contains(t[k - 1].mark) { return nil }
        if k > 0, !t[k].spaceBefore, t[k - 1].isNumber { return nil }
        if k + 1 < t.count, glued(k + 1), t[k + 1].kind == .punctuation, [0x2F, 0x2E, 0x2C, 0x3A].contains(t[k + 1].mark),
           k + 2 < t.count, t[k + 2].isNumber, glued(k + 2) { return nil }
        if k > 0, w.numberSigns.contains(t[k - 1]) || mark(k - 1, "°") || mark(k - 1, "#") { return nil }
        let from = t[k].number
        // A term; in French "de 2011 à 2021" too ("à" alone is no range word).
        let frenchRange = k > 0 && isFrenchTo(k + 1) && ["de", "depuis"].contains(t.folded(k - 1))
        if k + 2 < t.count, isDash(k + 1) || w.rangeWords.contains(t[k + 1]) || frenchRange, t[k + 2].isNumber {
            let second = t[k + 2]
            var to: Int?
            if second.digits == 4, (1900...2099).contains(second.number) { to = second.number }
            else if second.digits == 2, isDash(k + 1) { to = from / 100 * 100 + second.number }
            // Not a longer number ("2016-2021/…", "2016-2021.5").
            let longer = k + 4 < t.count && glued(k + 3) && t[k + 3].kind == .punctuation && [0x2F, 0x2E, 0x2D].contains(t[k + 3].mark)
                && t[k + 4].isNumber && glued(k + 4)
            if let to, to > from, to - from <= 100, !longer, !(k + 3 < t.count && glued(k + 3) && t[k + 3].isNumber),
               let start = CalendarDate(year: from), let end = CalendarDate(year: to) {
                return [Found(range: k..<k + 3, value: DateValue(form: .interval(start, end), precision: .interval))]
            }
        }
        if k + 1 < t.count, w.countNouns.contains(t[k + 1]) { return nil }
        if k + 1 < t.count, mark(k + 1, "%") { return nil }
        guard let date = CalendarDate(year: from) else { return nil }
        var role: DateValue.Role?
        // "đến năm 2030", "to 2030", "jusqu'en 2050", "à l'horizon 2030", "d'ici 2030"; "tầm nhìn đến năm 2045".
        var j = k - 1
        if j >= 0, w.nam.contains(t[j]) { j -= 1 }
        if j >= 0, t.folded(j) == "en", j >= 2, t[j - 1].isMark("'") { j -= 2 }  // jusqu'en
        if j >= 0, w.target.contains(t[j]) {
            role = .target
            var v = j - 1
            while v >= 0, v >= j - 4 {
                if w.vision.contains(t[v]) { role = .vision; break }
                if t[v].kind == .punctuation { break }
                v -= 1
            }
        }
        return [Found(range: k..<k + 1, value: DateValue(form: .date(date), precision: .year, role: role))]
    }
}
