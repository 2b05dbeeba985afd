/// Runs `transform` on every item with at most `width` items in flight (running or waiting to be consumed), and
/// hands the results to `consume` in input order, on the caller's task. Memory stays bounded by `width` whatever
/// the number of items, and the output order never depends on scheduling.
func forEachInOrder<Item: Sendable, Result: Sendable>(
    _ items: [Item], width: Int,
    transform: @escaping @Sendable (Item) -> Result,
    consume: (Int, Result) throws -> Void
) async throws {
    guard !items.isEmpty else { return }
    let width = max(1, width)
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        var next = 0          // next item to start
        var expected = 0      // next result to consume
        var ready: [Int: Result] = [:]
        func start() {
            let index = next
            let item = items[index]
            group.addTask { (index, transform(item)) }
            next += 1
        }
        while next < items.count && next - expected < width { start() }
        while expected < items.count {
            guard let (index, result) = try await group.next() else { break }
            ready[index] = result
            while let result = ready.removeValue(forKey: expected) {
                try consume(expected, result)
                expected += 1
                if next < items.count { start() }
            }
        }
    }
}
