import Dispatch
import Foundation
import Testing
@testable import TriglotBatch

/// How a batch spreads work over its workers: results in input order, a bounded window, workers that never wait for
/// the consumer, and a failing consumer that stops them.
@Suite struct ParallelTests {
    /// Counters shared by the transforms and the test.
    private final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var done: [Int] = []
        private var running = 0
        private(set) var mostHeld = 0
        private var consumed = 0

        func started() { lock.withLock { running += 1 } }
        func finished(_ index: Int) { lock.withLock { running -= 1; done.append(index); mostHeld = max(mostHeld, done.count - consumed) } }
        func consumedOne() { lock.withLock { consumed += 1 } }
        var finishedItems: [Int] { lock.withLock { done } }
        var runningNow: Int { lock.withLock { running } }
    }

    @Test func resultsArriveInInputOrderWithEveryItemTransformedOnce() async throws {
        let tally = Tally()
        let items = Array(0..<300)
        var seen: [Int] = []
        try await forEachInOrder(items, width: 2, transform: { item in
            tally.started()
            // Uneven work, so that items finish out of order.
            var x = UInt64(item)
            for _ in 0..<((item * 7919) % 13) * 2_000 { x = x &* 6364136223846793005 &+ 1 }
            tally.finished(item)
            return (item, x)
        }, consume: { index, result in
            #expect(index == result.0)
            seen.append(index)
            tally.consumedOne()
        })
        #expect(seen == items)
        #expect(tally.finishedItems.sorted() == items)
        // Never more than eight items per worker done and waiting to be handed over.
        #expect(tally.mostHeld <= 16)
    }

    @Test func workersGoOnWhileTheConsumerIsBusy() async throws {
        // The consumer holds the first result until the fourth item has been transformed: the workers must take
        // items 2 and 3 by themselves while it waits (a scheduler that starts items only between hand-overs never
        // gets there; the wait gives up after a minute so that such a failure cannot hang the tests).
        let tally = Tally()
        let fourthDone = DispatchSemaphore(value: 0)
        var order: [Int] = []
        var waited = DispatchTimeoutResult.success
        try await forEachInOrder(Array(0..<6), width: 2, transform: { item in
            tally.finished(item)
            if item == 3 { fourthDone.signal() }
            return item
        }, consume: { index, _ in
            if index == 0 { waited = fourthDone.wait(timeout: .now() + 60) }
            order.append(index)
        })
        #expect(waited == .success)
        #expect(order == Array(0..<6))
    }

    private struct Refused: Error {}

    @Test func aFailingConsumerStopsTheWorkersBeforeTheCallReturns() async throws {
        let tally = Tally()
        await #expect(throws: Refused.self) {
            try await forEachInOrder(Array(0..<10_000), width: 2, transform: { item in
                tally.started()
                Thread.sleep(forTimeInterval: 0.0005)
                tally.finished(item)
                return item
            }, consume: { index, _ in
                if index == 20 { throw Refused() }
            })
        }
        // Nothing runs after the call, and only the window's worth of items past the failure was taken.
        let count = tally.finishedItems.count
        #expect(tally.runningNow == 0)
        try await Task.sleep(for: .milliseconds(50))
        #expect(tally.finishedItems.count == count)
        #expect(count >= 21 && count <= 21 + 16 + 2)
    }
}
