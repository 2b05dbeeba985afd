import Benchmark
import Foundation
import Triglot
#if canImport(Glibc)
import Glibc
#endif

/// The pages of `corpus/news` in `language`, each segmented on its own as a batch segments it, repeated until
/// their texts reach `bytes`.
private func newsPages(_ language: String, bytes: Int) throws -> (documents: [Document], bytes: Int) {
    let news = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/news")
    let groups = ((try? FileManager.default.contentsOfDirectory(atPath: news.path)) ?? []).sorted()
    let segmenter = Segmenter()
    let pages = try groups.compactMap { group -> Document? in
        let path = news.appendingPathComponent(group).appendingPathComponent("\(language).txt")
        guard let text = try? String(contentsOf: path, encoding: .utf8) else { return nil }
        return try segmenter.segment(text)
    }
    precondition(!pages.isEmpty, "no \(language) pages found in \(news.path)")
    var documents: [Document] = []
    var total = 0
    while total < bytes {
        for page in pages {
            documents.append(page)
            total += page.text.utf8.count
        }
    }
    return (documents, total)
}

private let megabytes = 1.5
private let throughput = BenchmarkMetric.custom("kB/s", polarity: .prefersLarger, useScalingFactor: false)

/// CPU seconds this thread spent in `body` (on a shared virtual machine, unlike wall-clock time, this leaves out
/// the time the hypervisor gave to others).
private func threadCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    try body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [throughput, .wallClock, .mallocCountTotal, .peakMemoryResident],
                                           warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 10)
    for language in ["vi", "en", "fr"] {
        // Extraction alone (dates, references, bodies, people) over segmented pages, in thread CPU time.
        Benchmark("Extraction/Extractor, corpus/news \(language) pages, \(megabytes) MB") { benchmark in
            let (documents, bytes) = try newsPages(language, bytes: Int(megabytes * 1_000_000))
            let extractor = Extractor()
            let cpu = threadCPUSeconds {
                for document in documents { blackHole(extractor.mentions(in: document)) }
            }
            benchmark.measurement(throughput, Int((Double(bytes) / 1_000 / cpu).rounded()))
        }
        // The same pages as JSON lines, as `triglot extract` writes them.
        Benchmark("Extraction/Extractor and JSON lines, corpus/news \(language) pages, \(megabytes) MB") { benchmark in
            let (documents, bytes) = try newsPages(language, bytes: Int(megabytes * 1_000_000))
            let extractor = Extractor()
            let cpu = threadCPUSeconds {
                var output = ""
                for document in documents {
                    for mention in extractor.mentions(in: document) {
                        mention.appendJSONLine(to: &output)
                        output += "\n"
                    }
                }
                blackHole(output)
            }
            benchmark.measurement(throughput, Int((Double(bytes) / 1_000 / cpu).rounded()))
        }
    }
}
