import Benchmark
import Foundation
import Triglot
#if canImport(Glibc)
import Glibc
#endif

/// The corpus texts, repeated until they reach `bytes`, one article after another.
private func corpusText(bytes: Int) -> (text: String, articles: [String]) {
    let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/seeds")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
        .filter { $0.hasSuffix(".txt") }.sorted()
    let articles = names.compactMap { try? String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) }
    precondition(!articles.isEmpty, "no corpus texts found in \(corpus.path)")
    var text = ""
    var repeated: [String] = []
    while text.utf8.count < bytes {
        for article in articles {
            text += article + "\n\n"
            repeated.append(article)
        }
    }
    return (text, repeated)
}

private let megabytes = 8
private let throughput = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
private let ratio = BenchmarkMetric.custom("% of ICU", polarity: .prefersLarger, useScalingFactor: false)
private let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, throughput]

/// Records MB/s for `bytes` processed in `seconds`.
private func recordThroughput(_ benchmark: Benchmark, bytes: Int, seconds: Double) {
    benchmark.measurement(throughput, Int((Double(bytes) / 1_000_000 / seconds).rounded()))
}

/// CPU seconds this thread spent in `body`: on a shared virtual machine, unlike wall-clock time, this leaves out
/// the time the hypervisor gave to others.
private func threadCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    try body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(10),
                                           maxIterations: 20)
    let (text, articles) = corpusText(bytes: megabytes * 1_000_000)
    let bytes = text.utf8.count

    // Baseline: ICU's sentence iterator alone over the same UTF-8 text (no paragraphs, no language, no rules).
    Benchmark("Segmentation/ICU bare sentence iteration, \(megabytes) MB") { benchmark in
        let counter = try BareICUSentenceCounter(locale: "fr")
        let clock = ContinuousClock()
        let elapsed = try clock.measure { blackHole(try counter.count(text)) }
        recordThroughput(benchmark, bytes: bytes, seconds: seconds(elapsed))
    }

    // The same, with the text converted to UTF-16 first (conversion included): ICU's fastest way to read UTF-8
    // text, and the way Triglot gives it each paragraph.
    Benchmark("Segmentation/ICU bare sentence iteration via UTF-16, \(megabytes) MB") { benchmark in
        let counter = try BareICUSentenceCounter(locale: "fr", reading: .convertedToUTF16)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { blackHole(try counter.count(text)) }
        recordThroughput(benchmark, bytes: bytes, seconds: seconds(elapsed))
    }

    // Triglot's full segmentation: paragraphs, kinds, language per paragraph and sentence, ICU, corrections.
    Benchmark("Segmentation/Triglot full, \(megabytes) MB") { benchmark in
        let segmenter = Segmenter()
        let clock = ContinuousClock()
        let elapsed = try clock.measure { blackHole(try segmenter.segment(text)) }
        recordThroughput(benchmark, bytes: bytes, seconds: seconds(elapsed))
    }

    // Both, back to back in every iteration and in thread CPU time: Triglot's throughput as a percentage of bare
    // ICU's on the same text, which cancels the drift in machine speed that separate cases suffer.
    Benchmark("Segmentation/Triglot full vs ICU bare, \(megabytes) MB",
              configuration: .init(metrics: [ratio, .wallClock], warmupIterations: 1, maxDuration: .seconds(20),
                                   maxIterations: 20)) { benchmark in
        let counter = try BareICUSentenceCounter(locale: "fr")
        let segmenter = Segmenter()
        let icu = try threadCPUSeconds { blackHole(try counter.count(text)) }
        let triglot = try threadCPUSeconds { blackHole(try segmenter.segment(text)) }
        benchmark.measurement(ratio, Int((100 * icu / triglot).rounded()))
    }

    // The ratio against bare ICU reading the text converted to UTF-16: the stricter baseline.
    Benchmark("Segmentation/Triglot full vs ICU bare via UTF-16, \(megabytes) MB",
              configuration: .init(metrics: [ratio, .wallClock], warmupIterations: 1, maxDuration: .seconds(20),
                                   maxIterations: 20)) { benchmark in
        let counter = try BareICUSentenceCounter(locale: "fr", reading: .convertedToUTF16)
        let segmenter = Segmenter()
        let icu = try threadCPUSeconds { blackHole(try counter.count(text)) }
        let triglot = try threadCPUSeconds { blackHole(try segmenter.segment(text)) }
        benchmark.measurement(ratio, Int((100 * icu / triglot).rounded()))
    }

    // The same bytes, one article at a time, as a batch processes them.
    Benchmark("Segmentation/Triglot full, per article") { benchmark in
        let segmenter = Segmenter()
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for article in articles { blackHole(try segmenter.segment(article)) }
        }
        recordThroughput(benchmark, bytes: bytes, seconds: seconds(elapsed))
    }
}
