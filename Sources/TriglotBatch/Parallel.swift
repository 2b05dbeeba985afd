import Foundation

/// Runs `transform` on every item, on `width` worker threads, and hands the results to `consume` in input order, on
/// the caller's task. At most `8 × width` items are held at once (running, or done and waiting for an earlier
/// one), so memory stays bounded whatever the number of items, and the output order never depends on scheduling.
/// (With `2 × width`, one slow item among fast ones held every other worker idle: a batch of seed copies, one
/// article pair in four records, ran on one core of two.)
///
/// Each worker takes its next item itself as soon as it is done with one, so that no core waits while the caller
/// hands a result over (the store writing a record): started by the caller, a worker that finished during a write
/// stood idle until the write was over. The workers are threads of their own, outside Swift concurrency's
/// cooperative pool (one thread per core: the consumer needs one of those, and would otherwise leave a core idle
/// while it writes) and outside Dispatch's global pool (whose few threads, held for a whole stage, left the
/// store's queues waiting about a second for a new one). When `consume` throws, the workers stop taking items, and
/// the call returns (with the error) only once every worker has stopped.
func forEachInOrder<Item: Sendable, Result: Sendable>(
    _ items: [Item], width: Int,
    transform: @escaping @Sendable (Item) -> Result,
    consume: (Int, Result) throws -> Void
) async throws {
    guard !items.isEmpty else { return }
    let workers = min(max(1, width), items.count)
    let schedule = WorkSchedule(count: items.count, window: 8 * max(1, width), workers: workers)
    let (results, delivery) = AsyncStream.makeStream(of: (Int, Result).self)
    for _ in 0..<workers {
        let worker = Thread {
            while let index = schedule.claim() {
                delivery.yield((index, transform(items[index])))
            }
            if schedule.workerStopped() { delivery.finish() }
        }
        worker.stackSize = 8 << 20
        worker.start()
    }
    var ready: [Int: Result] = [:]
    var expected = 0
    var failure: (any Error)?
    for await (index, result) in results where failure == nil {
        ready[index] = result
        do {
            while let result = ready.removeValue(forKey: expected) {
                try consume(expected, result)
                expected += 1
                schedule.consumed(expected)
            }
        } catch {
            failure = error
            ready.removeAll()
            schedule.stop()
        }
    }
    if let failure { throw failure }
    if expected < items.count {
        // The stream ends early only when the calling task is cancelled: stop, and let no worker outlive the call.
        schedule.stop()
        schedule.waitForWorkers()
        throw CancellationError()
    }
}

/// Which item each worker takes next, shared by the workers and the consumer of ``forEachInOrder``: items are
/// claimed in order, never more than `window` ahead of the first one not yet consumed.
private final class WorkSchedule: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    // Guarded by `condition`:
    private var next = 0
    private var consumedCount = 0
    private var stopped = false
    private var running: Int

    init(count: Int, window: Int, workers: Int) {
        self.count = count
        self.window = window
        running = workers
    }

    /// The next item to transform, waiting while the window is full; nil when there is none left or work stopped.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && next < count && next - consumedCount >= window { condition.wait() }
        guard !stopped && next < count else { return nil }
        next += 1
        return next - 1
    }

    /// The consumer has handed over the first `count` results.
    func consumed(_ count: Int) {
        condition.lock()
        consumedCount = count
        condition.broadcast()
        condition.unlock()
    }

    /// No more items are to be taken (the consumer failed).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// A worker has taken its last item; true for the last worker to stop.
    func workerStopped() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        running -= 1
        condition.broadcast()
        return running == 0
    }

    /// Blocks until every worker has stopped.
    func waitForWorkers() {
        condition.lock()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
