import Foundation

/// Article dates as given by callers (`--date`, a JSONL `date` field, a gold group's `dct`): days of the calendar.
public enum ArticleDates {
    /// `YYYY-MM-DD` as date components, or `nil`.
    public static func components(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        return DateComponents(year: year, month: month, day: day)
    }
}
