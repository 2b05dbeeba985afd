import Foundation

/// Where a batch reports its progress.
public enum ProgressStyle: String, Sendable, CaseIterable {
    /// A bar redrawn in place, with items per second and the time left: for a terminal.
    case bar
    /// A plain line every few seconds: for logs and pipes.
    case lines
    /// Nothing.
    case none

    /// A bar on a terminal, lines otherwise.
    public static var automatic: ProgressStyle { isatty(STDERR_FILENO) == 1 ? .bar : .lines }
}

/// Reports the progress of one stage on standard error. Used from one task only.
final class ProgressReporter {
    private let style: ProgressStyle
    private let stage: String
    private let total: Int
    private let unit: String
    private let started = Date()
    private var lastReport = Date.distantPast
    private let interval: TimeInterval

    init(style: ProgressStyle, stage: String, total: Int, unit: String) {
        self.style = style
        self.stage = stage
        self.total = total
        self.unit = unit
        self.interval = style == .bar ? 0.1 : 5
    }

    /// Reports `done` items out of `total` (drawn at most every 0.1 s on a terminal, every 5 s otherwise).
    func update(_ done: Int) {
        guard style != .none, total > 0 else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastReport) >= interval else { return }
        lastReport = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        switch style {
        case .bar:
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            var line = "\r\(stage) [\(bar)] \(done)/\(total) \(unit)  \(String(format: "%.1f", rate))/s  ETA \(Self.clock(left))"
            if done == total { line += "\n" }
            FileHandle.standardError.write(Data(line.utf8))
        case .lines:
            let percent = 100 * done / total
            FileHandle.standardError.write(Data("triglot: \(stage) \(done)/\(total) \(unit) (\(percent)%), \(String(format: "%.1f", rate))/s, ETA \(Self.clock(left))\n".utf8))
        case .none:
            break
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
