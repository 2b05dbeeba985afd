/// What a mention names.
public enum MentionType: String, Codable, Sendable, CaseIterable {
    case date
    case body
    case docref
    case person
}

/// An expression found in a document: its exact span in the original text, and its value.
///
/// Span conventions (Triglot's news annotation conventions): a mention's span is the expression itself, without a
/// leading article or determiner (the, le, la, les, các, những) and without a cue word or weekday before a date
/// (ngày, sáng, on, le, Thứ Sáu): "27 janvier" in "le mardi 27 janvier". A body's span keeps the term, ordinal and
/// place attached to its name ("Quốc hội khóa XV", "13th Party Central Committee", "Comité provincial du Parti de
/// Nghe An"). A reference's span runs from its type word to its code ("Nghị quyết số 39-NQ/TW", "Resolution
/// No. 39-NQ/TW", "résolution n° 147-NQ/TU").
public struct Mention: Sendable, Hashable {
    /// UTF-8 byte offsets into the document's text.
    public var span: Span
    /// The text of the span, exactly as written.
    public var text: String
    public var value: MentionValue

    public var type: MentionType { value.type }

    public init(span: Span, text: String, value: MentionValue) {
        self.span = span
        self.text = text
        self.value = value
    }
}

/// The value of a mention, typed by what it names.
public enum MentionValue: Sendable, Hashable {
    case date(DateValue)
    case reference(DocumentReference)
    case body(BodyName)
    case person(PersonName)

    public var type: MentionType {
        switch self {
        case .date: return .date
        case .reference: return .docref
        case .body: return .body
        case .person: return .person
        }
    }

    /// The value as the news conventions compare it: an ISO 8601 date, interval or recurrence; a body's canonical
    /// English name; a reference as `kind|number|date` (empty fields for nulls); a person's folded name.
    public var comparisonText: String {
        switch self {
        case .date(let date): return date.iso
        case .reference(let reference): return reference.comparisonText
        case .body(let body): return body.name
        case .person(let person): return person.name
        }
    }

    /// The value that links mentions of one thing across languages: the date, the reference's code with Đ as D,
    /// the body's canonical name, the person's folded name.
    public var linkingKey: String {
        switch self {
        case .date(let date): return date.iso
        case .reference(let reference): return Normalization.folded(reference.code ?? reference.number)
        case .body(let body): return body.name
        case .person(let person): return person.name
        }
    }

    public var date: DateValue? { if case .date(let value) = self { return value } else { return nil } }
    public var reference: DocumentReference? { if case .reference(let value) = self { return value } else { return nil } }
    public var body: BodyName? { if case .body(let value) = self { return value } else { return nil } }
    public var person: PersonName? { if case .person(let value) = self { return value } else { return nil } }
}

// MARK: Dates

/// A day, month or year of the Gregorian calendar, checked: there is no 31 February. The year may be missing (a
/// partial date that no article date completed), written `--MM-DD` / `--MM` in ISO 8601.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int?
    public let month: Int?
    public let day: Int?

    /// A date, or nil when it does not exist (month outside 1–12, day beyond the month's length, a day without a
    /// month, nothing at all).
    public init?(year: Int?, month: Int? = nil, day: Int? = nil) {
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, day >= 1, day <= Self.length(month: month, year: year) else { return nil }
        }
        if year == nil && month == nil { return nil }
        if let year, !(1...9999).contains(year) { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days in `month`; February has 29 when the year is unknown.
    public static func length(month: Int, year: Int?) -> Int {
        let leap = year.map { $0 % 4 == 0 && ($0 % 100 != 0 || $0 % 400 == 0) } ?? true
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// ISO 8601: `2023-08-28`, `2023-08`, `2023`, `--08-28`, `--08`.
    public var iso: String {
        var text = year.map { Self.padded($0, 4) } ?? "-"
        if let month { text += "-" + Self.padded(month, 2) }
        if let day { text += "-" + Self.padded(day, 2) }
        return text
    }

    public var description: String { iso }

    public static func < (a: Self, b: Self) -> Bool {
        (a.year ?? 0, a.month ?? 0, a.day ?? 0) < (b.year ?? 0, b.month ?? 0, b.day ?? 0)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// What a date expression states.
public struct DateValue: Sendable, Hashable {
    public enum Form: Sendable, Hashable {
        /// One day, month or year.
        case date(CalendarDate)
        /// From one date to another, both included: days (`2021-11-29/2021-12-01`), months (a quarter, "the first
        /// nine months"), years (a term, `2025/2030`).
        case interval(CalendarDate, CalendarDate)
        /// The same days of every month ("les 9 et 15 de chaque mois"): `R/P1M;BYMONTHDAY=9,15`.
        case monthDays([Int])
    }

    public enum Precision: String, Codable, Sendable {
        case day, month, year, quarter, half, interval, recurrence
    }

    /// What a year or day is to the sentence, when the text says.
    public enum Role: String, Codable, Sendable {
        /// "đến năm 2030", "to 2030", "jusqu'en 2030".
        case target
        /// "tầm nhìn đến năm 2045", "with a vision to 2045".
        case vision
        /// "trước ngày 31/8", "before August 31", "avant le 31 août".
        case before
    }

    public var form: Form
    public var precision: Precision
    public var role: Role?
    /// The year was not written: it comes from the article date.
    public var completed: Bool

    public init(form: Form, precision: Precision, role: Role? = nil, completed: Bool = false) {
        self.form = form
        self.precision = precision
        self.role = role
        self.completed = completed
    }

    /// ISO 8601 (intervals with `/`; recurrences as `R/P1M;BYMONTHDAY=…`).
    public var iso: String {
        switch form {
        case .date(let date): return date.iso
        case .interval(let start, let end): return start.iso + "/" + end.iso
        case .monthDays(let days): return "R/P1M;BYMONTHDAY=" + days.map(String.init).joined(separator: ",")
        }
    }

    /// The first year the value covers, if it has one.
    public var firstYear: Int? {
        switch form {
        case .date(let date): return date.year
        case .interval(let start, _): return start.year
        case .monthDays: return nil
        }
    }
}

// MARK: References

/// The kind of an official document, in the lower-case English names of the news conventions.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    case resolution, decision, regulation, directive, conclusion, notice, plan, guidance, instruction, circular, decree
    case report, programme, project, submission, communique
    case officialDispatch = "official dispatch"
    case officialTelegram = "official telegram"
    case law
}

/// A numbered official document as a mention cites it.
public struct DocumentReference: Sendable, Hashable {
    /// The numbering system the code follows.
    public enum System: String, Codable, Sendable {
        /// `number-TYPE/ISSUER`, no year: `39-NQ/TW`.
        case party
        /// `number/[year/]TYPE-ISSUER` or `number/year/ISSUER`: `45/2023/NĐ-CP`, `629/2019/UBTVQH14`.
        case state
    }

    /// From the type word, else from the code's type.
    public var kind: DocumentKind?
    /// The number as written, white space removed: `126-KL/TW`, `18-QĐ/TU`, `18-QD/TU`, `68`.
    public var number: String
    /// The full code when the mention has one (`1029-TB/TU`); nil for a short form (`Nghị quyết số 68`).
    public var code: String?
    public var system: System?
    /// The code's type abbreviation (`NQ`, `QĐ`, `KL`) and issuer (`TW`, `TU`, `CP`).
    public var typeCode: String?
    public var issuer: String?
    /// The year written in a State code.
    public var year: Int?
    /// The date the mention states ("…, dated July 18, 2023", "ngày 18/7/2023").
    public var date: CalendarDate?

    public init(kind: DocumentKind?, number: String, code: String? = nil, system: System? = nil, typeCode: String? = nil,
                issuer: String? = nil, year: Int? = nil, date: CalendarDate? = nil) {
        self.kind = kind
        self.number = number
        self.code = code
        self.system = system
        self.typeCode = typeCode
        self.issuer = issuer
        self.year = year
        self.date = date
    }

    /// `kind|number|date`, as the news gold is compared.
    public var comparisonText: String { "\(kind?.rawValue ?? "")|\(number)|\(date?.iso ?? "")" }
}

// MARK: Bodies and people

/// A named body's value: one canonical English name per referent, the same in every language and without term
/// qualifiers (`Nghe An Provincial Party Committee`, `Party Civil Affairs Committee of the Ministry of Industry and
/// Trade`, `Presidium of the 14th National Party Congress`), and the gazetteer id when the body has a row in
/// `bodies.tsv`.
public struct BodyName: Sendable, Hashable {
    public var name: String
    public var id: String?

    public init(name: String, id: String? = nil) {
        self.name = name
        self.id = id
    }
}

/// A person's value: the name folded with hyphens (`nguyen-van-gau`), and the post and body the text gives them.
public struct PersonName: Sendable, Hashable {
    public var name: String
    /// The post as written ("Bí thư", "secrétaire adjointe", "General Secretary").
    public var post: String?
    /// The canonical name of the body the post belongs to.
    public var body: String?
    /// A photo or article credit.
    public var isCredit: Bool

    public init(name: String, post: String? = nil, body: String? = nil, isCredit: Bool = false) {
        self.name = name
        self.post = post
        self.body = body
        self.isCredit = isCredit
    }
}

extension MentionValue {
    /// The facts beside the value, by name, for JSON and SQL output: for dates `precision`, `role`, `completed`;
    /// for references `code`, `system`, `type`, `issuer`, `year`; for bodies `id`; for people `post`, `body`,
    /// `role` = `credit`.
    public var attributes: [String: String] {
        Dictionary(uniqueKeysWithValues: attributeList.lazy.map { ($0.name, $0.value) })
    }

    /// The same facts, in the order JSON writes them (names sorted by their bytes).
    var attributeList: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        switch self {
        case .date(let date):
            if date.completed { result.append(("completed", "true")) }
            result.append(("precision", date.precision.rawValue))
            if let role = date.role { result.append(("role", role.rawValue)) }
        case .reference(let reference):
            if let code = reference.code { result.append(("code", code)) }
            if let issuer = reference.issuer { result.append(("issuer", issuer)) }
            if let system = reference.system { result.append(("system", system.rawValue)) }
            if let type = reference.typeCode { result.append(("type", type)) }
            if let year = reference.year { result.append(("year", String(year))) }
        case .body(let body):
            if let id = body.id { result.append(("id", id)) }
        case .person(let person):
            if let body = person.body { result.append(("body", body)) }
            if let post = person.post { result.append(("post", post)) }
            if person.isCredit { result.append(("role", "credit")) }
        }
        return result
    }
}
