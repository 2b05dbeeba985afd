import Dispatch

/// Runs `transform` on every item, at most `width` at a time, and hands the results to `consume` in input order, on
/// the caller's task. At most `8 × width` items are held at once (running, or done and waiting for an earlier
/// one), so memory stays bounded whatever the number of items, and the output order never depends on scheduling.
/// (With `2 × width`, one slow item among fast ones held every other worker idle: a batch of seed copies, one
/// article pair in four records, ran on one core of two.)
func forEachInOrder<Item: Sendable, Result: Sendable>(
    _ items: [Item], width: Int,
    transform: @escaping @Sendable (Item) -> Result,
    consume: (Int, Result) throws -> Void
) async throws {
    guard !items.isEmpty else { return }
    let width = max(1, width)
    let window = 8 * width
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        var next = 0          // next item to start
        var expected = 0      // next result to consume
        var running = 0
        var ready: [Int: Result] = [:]
        func fill() {
            while next < items.count && running < width && next - expected < window {
                let index = next
                let item = items[index]
                group.addTask { (index, await onWorkerThread { transform(item) }) }
                next += 1
                running += 1
            }
        }
        fill()
        while expected < items.count {
            guard let (index, result) = try await group.next() else { break }
            running -= 1
            ready[index] = result
            // The freed worker starts its next item before the results are handed over (the store writes them),
            // so that no worker waits for the writer.
            fill()
            while let result = ready.removeValue(forKey: expected) {
                try consume(expected, result)
                expected += 1
            }
            fill()
        }
    }
}

/// Runs `work` on a Dispatch worker thread rather than on Swift concurrency's cooperative pool: the pool has one thread
/// per core, and the consumer (the store's one writer) needs one of them, which would leave a core idle while it
/// writes; with the work outside the pool, the system keeps every core busy.
private func onWorkerThread<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}
