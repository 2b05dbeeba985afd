import Foundation

/// How far a batch stage has come: what the library reports, for the caller to show (the tool draws a bar or
/// prints lines; the library itself writes nothing).
public struct BatchProgress: Sendable, Equatable {
    /// The stage: ``Stage/reading`` (read and segment every input) or ``Stage/aligning`` (pair, align, extract).
    public enum Stage: String, Sendable {
        /// Reading and segmenting the inputs; counts documents.
        case reading
        /// Pairing, aligning and extracting; counts article records.
        case aligning

        /// What the stage counts.
        public var unit: String { self == .reading ? "documents" : "articles" }
    }

    /// The stage reported.
    public var stage: Stage
    /// Items done so far, out of ``total``.
    public var done: Int
    /// Items the stage has to do.
    public var total: Int
    /// Seconds since the stage started.
    public var elapsed: TimeInterval

    /// A step of `stage`: `done` items of `total`, `elapsed` seconds after the stage started.
    public init(stage: Stage, done: Int, total: Int, elapsed: TimeInterval) {
        self.stage = stage
        self.done = done
        self.total = total
        self.elapsed = elapsed
    }

    /// Items per second so far.
    public var rate: Double { Double(done) / max(elapsed, 0.001) }

    /// Seconds left at the current rate.
    public var remaining: TimeInterval { rate > 0 ? Double(total - done) / rate : 0 }
}

/// Counts one stage's items and hands each step to the caller's handler. Used from one task only.
final class ProgressCounter {
    private let stage: BatchProgress.Stage
    private let total: Int
    private let started = Date()
    private let handler: (@Sendable (BatchProgress) -> Void)?

    init(stage: BatchProgress.Stage, total: Int, handler: (@Sendable (BatchProgress) -> Void)?) {
        self.stage = stage
        self.total = total
        self.handler = handler
    }

    /// Reports `done` items out of the stage's total.
    func update(_ done: Int) {
        guard let handler, total > 0 else { return }
        handler(BatchProgress(stage: stage, done: done, total: total, elapsed: Date().timeIntervalSince(started)))
    }
}
