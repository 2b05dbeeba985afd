import Benchmark
import Foundation
import Triglot

/// The public sentence-alignment gold sets, read from the first of these that holds any: the folder named by
/// `TRIGLOT_ALIGNMENT_DATA`, `Benchmarks/data/sets` (where `Benchmarks/data/fetch.sh` puts them) and
/// `../shared/data/alignment` beside the checkout. Quality is recorded as custom metrics (F1 × 1000), speed as
/// sentences per second. `triglot bench align` prints the same figures as tables, beside other aligners'.
private let benchmarksFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let candidateFolders: [String] = {
    var folders = [benchmarksFolder.appendingPathComponent("data/sets").path,
                   benchmarksFolder.deletingLastPathComponent().deletingLastPathComponent()
                       .appendingPathComponent("shared/data/alignment").path]
    if let folder = ProcessInfo.processInfo.environment["TRIGLOT_ALIGNMENT_DATA"], !folder.isEmpty {
        folders.insert(folder, at: 0)
    }
    return folders
}()

/// The cases, by set name (the names are stable so that runs compare).
private let caseSets = ["textberg_de-fr", "ted_en-fr-seg", "iwslt15-ted_en-vi-seg", "ted_en-fr-resplit",
                        "iwslt15-ted_en-vi-resplit", "parice_en-is", "hunalign-dtm_hu-en", "mac-test_zh-en"]
    .compactMap(AlignmentGoldSet.named)

private let strict = BenchmarkMetric.custom("strict F1 x1000", polarity: .prefersLarger, useScalingFactor: false)
private let lax = BenchmarkMetric.custom("lax F1 x1000", polarity: .prefersLarger, useScalingFactor: false)
private let speed = BenchmarkMetric.custom("sentences/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    guard let data = candidateFolders.first(where: { folder in caseSets.contains { $0.isPresent(in: folder) } }) else {
        FileHandle.standardError.write(Data("""
            AlignmentBenchmarks: no gold sets in \(candidateFolders.joined(separator: ", ")); \
            run Benchmarks/data/fetch.sh to get them, or set TRIGLOT_ALIGNMENT_DATA.\n
            """.utf8))
        return
    }
    let configuration = Benchmark.Configuration(
        metrics: [strict, lax, speed, .wallClock, .peakMemoryResident], warmupIterations: 0,
        maxDuration: .seconds(60), maxIterations: 3)
    var loaded: [String: [AlignmentGoldDocument]] = [:]
    for set in caseSets where set.isPresent(in: data) {
        let documents: [AlignmentGoldDocument]
        do {
            documents = try set.documents(in: data)
        } catch {
            FileHandle.standardError.write(Data("AlignmentBenchmarks: \(set.name) skipped: \(error)\n".utf8))
            continue
        }
        loaded[set.name] = documents
        Benchmark("Alignment/\(set.name)", configuration: configuration) { benchmark in
            let results = documents.map { AlignmentBenchmark().run($0, in: set) }
            let total = AlignmentSetResult(set: set.name, documents: results)
            benchmark.measurement(strict, Int((total.score.strictF1 * 1000).rounded()))
            benchmark.measurement(lax, Int((total.score.laxF1 * 1000).rounded()))
            benchmark.measurement(speed, Int(total.sentencesPerSecond.rounded()))
        }
    }

    // Scale: 10,000 × 10,000 sentences (the TED en-fr talks repeated), for time and memory.
    if let ted = loaded["ted_en-fr-seg"], !ted.isEmpty {
        var source: [String] = [], target: [String] = []
        while source.count < 10_000 {
            for document in ted where source.count < 10_000 {
                source += document.source.sentences
                target += document.target.sentences
            }
        }
        let big = (AlignmentSide(sentences: Array(source.prefix(10_000)), language: .english),
                   AlignmentSide(sentences: Array(target.prefix(10_000)), language: .french))
        Benchmark("Alignment/scale 10000 x 10000",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident, speed], warmupIterations: 0,
                                       maxDuration: .seconds(120), maxIterations: 2)) { benchmark in
            let start = ContinuousClock.now
            blackHole(Aligner().align(big.0, big.1))
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(speed, Int((20_000 / seconds).rounded()))
        }
    }
}
