import Benchmark
import Foundation
import Triglot

/// The public sentence-alignment gold sets beside the checkout (`../shared/data/alignment`); every case here is
/// skipped when they are absent. Quality is recorded as custom metrics (F1 × 1000), speed as sentences per second.
private let data = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data/alignment")

private struct GoldSet {
    var name: String
    var sourceFolder: String
    var targetFolder: String
    var sourceLanguage: Language
    var targetLanguage: Language
    /// Only documents whose name starts with this (Text+Berg: the test documents, as published).
    var documentPrefix = ""
    /// Score at the granularity of the gold's segments (the re-split TED sets).
    var projected = false
}

private let sets = [
    GoldSet(name: "textberg_de-fr", sourceFolder: "de", targetFolder: "fr", sourceLanguage: "de", targetLanguage: "fr",
            documentPrefix: "test"),
    GoldSet(name: "ted_en-fr-seg", sourceFolder: "en", targetFolder: "fr", sourceLanguage: "en", targetLanguage: "fr"),
    GoldSet(name: "iwslt15-ted_en-vi-seg", sourceFolder: "en", targetFolder: "vi", sourceLanguage: "en", targetLanguage: "vi"),
    GoldSet(name: "ted_en-fr-resplit", sourceFolder: "en", targetFolder: "fr", sourceLanguage: "en", targetLanguage: "fr",
            projected: true),
    GoldSet(name: "iwslt15-ted_en-vi-resplit", sourceFolder: "en", targetFolder: "vi", sourceLanguage: "en",
            targetLanguage: "vi", projected: true),
    GoldSet(name: "parice_en-is", sourceFolder: "eng", targetFolder: "isl", sourceLanguage: "en", targetLanguage: "is"),
    GoldSet(name: "hunalign-dtm_hu-en", sourceFolder: "hu", targetFolder: "en", sourceLanguage: "hu", targetLanguage: "en"),
    GoldSet(name: "mac-test_zh-en", sourceFolder: "zh", targetFolder: "en", sourceLanguage: "zh", targetLanguage: "en"),
]

private func lines(_ url: URL) throws -> [String] {
    var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
}

/// One document of a set: its two sides and its gold.
private struct Pair {
    var source: AlignmentSide
    var target: AlignmentSide
    var gold: [VecalignFormat.Line]
}

private func pairs(of set: GoldSet) -> [Pair] {
    let folder = data.appendingPathComponent(set.name)
    let documents = ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("gold").path)) ?? [])
        .filter { $0.hasSuffix(".txt") && $0.hasPrefix(set.documentPrefix) }.sorted()
    return documents.compactMap { name in
        guard let source = try? lines(folder.appendingPathComponent("\(set.sourceFolder)/\(name)")),
              let target = try? lines(folder.appendingPathComponent("\(set.targetFolder)/\(name)")),
              let goldText = try? String(contentsOf: folder.appendingPathComponent("gold/\(name)"), encoding: .utf8),
              let gold = try? VecalignFormat.parse(goldText, source: name) else { return nil }
        return Pair(source: AlignmentSide(sentences: source, language: set.sourceLanguage),
                    target: AlignmentSide(sentences: target, language: set.targetLanguage), gold: gold)
    }
}

private let strict = BenchmarkMetric.custom("strict F1 x1000", polarity: .prefersLarger, useScalingFactor: false)
private let lax = BenchmarkMetric.custom("lax F1 x1000", polarity: .prefersLarger, useScalingFactor: false)
private let speed = BenchmarkMetric.custom("sentences/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [strict, lax, speed, .wallClock, .peakMemoryResident], warmupIterations: 0,
        maxDuration: .seconds(60), maxIterations: 3)
    for set in sets {
        let documents = pairs(of: set)
        guard !documents.isEmpty else { continue }  // the data is absent: no case
        Benchmark("Alignment/\(set.name)", configuration: configuration) { benchmark in
            let aligner = Aligner()
            var score = AlignmentScore()
            var sentences = 0
            let start = ContinuousClock.now
            for document in documents {
                let alignment = aligner.align(document.source, document.target)
                var test = alignment.beads.map {
                    VecalignFormat.Line(source: Array($0.sentences[0]), target: Array($0.sentences[1]))
                }
                if set.projected { test = AlignmentScore.projected(test, onto: document.gold) }
                score = score + AlignmentScore(gold: document.gold, test: test)
                sentences += document.source.sentences.count + document.target.sentences.count
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(strict, Int((score.strictF1 * 1000).rounded()))
            benchmark.measurement(lax, Int((score.laxF1 * 1000).rounded()))
            benchmark.measurement(speed, Int((Double(sentences) / seconds).rounded()))
        }
    }

    // Scale: 10,000 × 10,000 sentences (the TED en-fr talks repeated), for time and memory.
    let ted = pairs(of: sets[1])
    if !ted.isEmpty {
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
