/// The month names of English and French with the short forms the news writes (`Resources/months.tsv`): the one
/// table that the date extractor and the aligner's month anchors read.
///
/// Vietnamese writes months as numbers after *tháng* ("tháng 8"), so it has no names here.
struct MonthNames: Sendable {
    /// Where a form may be read as a month.
    enum Use: String, Sendable {
        /// A full name: a month wherever it stands.
        case name
        /// A short form that is a month wherever it stands ("Aug", "déc").
        case abbreviation
        /// A short form read as a month only inside a date ("Sept 6"): alone it may be another word ("mar" for
        /// mardi, "sept" the French seven).
        case inDates = "in-dates"
    }

    /// One written form of a month.
    struct Form: Sendable {
        /// The month, 1 to 12.
        var month: Int
        var language: Language
        /// As written in the table: case and diacritics kept (`févr`), to be folded by whoever compares.
        var text: String
        var use: Use

        /// Whether the form is a month wherever it stands, outside a date too.
        var namesAMonthAlone: Bool { use != .inDates }
    }

    /// Every form, in the table's order.
    let forms: [Form]

    /// The shipped table, loaded once.
    static let standard: MonthNames = {
        let forms = ResourceFile.lines(named: "months", extension: "tsv").map { line -> Form in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4, let month = Int(columns[0]), (1...12).contains(month),
                  let language = Language(code: columns[1]), !columns[2].isEmpty, let use = Use(rawValue: columns[3]) else {
                preconditionFailure("months.tsv: bad line \(line)")
            }
            return Form(month: month, language: language, text: columns[2], use: use)
        }
        return MonthNames(forms: forms)
    }()
}
