import ArgumentParser
import Foundation
import TriglotBatch

/// How `triglot batch` shows its progress on standard error (`--progress`).
enum ProgressStyle: String, ExpressibleByArgument, CaseIterable {
    /// A bar on a terminal, lines otherwise.
    case auto
    /// A bar redrawn in place, with items per second and the time left.
    case bar
    /// A plain line every few seconds: for logs and pipes.
    case lines
    /// Nothing.
    case none

    /// The style once `auto` is settled by whether standard error is a terminal.
    var resolved: ProgressStyle {
        self == .auto ? (isatty(STDERR_FILENO) == 1 ? .bar : .lines) : self
    }
}

/// Draws a batch's progress events on standard error: a bar at most every 0.1 s on a terminal, a line every 5 s
/// otherwise, and always the last step of a stage.
final class ProgressDisplay: @unchecked Sendable {
    private let style: ProgressStyle
    private let lock = NSLock()
    private var lastShown: [BatchProgress.Stage: TimeInterval] = [:]

    init(style: ProgressStyle) { self.style = style.resolved }

    /// The handler to give the batch (`nil` for `--progress none`).
    var handler: (@Sendable (BatchProgress) -> Void)? {
        guard style != .none else { return nil }
        return { @Sendable [self] progress in self.show(progress) }
    }

    private func show(_ progress: BatchProgress) {
        lock.lock()
        defer { lock.unlock() }
        let interval: TimeInterval = style == .bar ? 0.1 : 5
        let last = lastShown[progress.stage] ?? -.infinity
        guard progress.done == progress.total || progress.elapsed - last >= interval else { return }
        lastShown[progress.stage] = progress.elapsed
        let stage = progress.stage.rawValue, unit = progress.stage.unit
        let rate = String(format: "%.1f", progress.rate)
        switch style {
        case .bar:
            let width = 30
            let filled = width * progress.done / max(progress.total, 1)
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            var line = "\r\(stage) [\(bar)] \(progress.done)/\(progress.total) \(unit)  \(rate)/s  ETA \(Self.clock(progress.remaining))"
            if progress.done == progress.total { line += "\n" }
            FileHandle.standardError.write(Data(line.utf8))
        case .lines, .auto:
            let percent = 100 * progress.done / max(progress.total, 1)
            FileHandle.standardError.write(Data(
                "triglot: \(stage) \(progress.done)/\(progress.total) \(unit) (\(percent)%), \(rate)/s, ETA \(Self.clock(progress.remaining))\n".utf8))
        case .none:
            break
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
