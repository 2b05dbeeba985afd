// swift-tools-version: 6.1
// Speed measurements for Triglot, kept apart from the library so that `swift test` never builds them.
// Run from this folder: `swift package benchmark` (add `--filter 'Segmentation.*'` to pick cases).
import PackageDescription

/// The identity SwiftPM gives the root package, which is named by the folder it is checked out in (`main`,
/// `triglot`, …): that folder's name, lower-cased, without a `.git` suffix, as SwiftPM derives it for `path:`
/// dependencies.
let triglot: String = {
    var folder = Context.packageDirectory.split(whereSeparator: { $0 == "/" || $0 == "\\" }).dropLast().last.map(String.init) ?? ""
    if folder.lowercased().hasSuffix(".git") { folder.removeLast(4) }
    return folder.lowercased()
}()

let package = Package(
    name: "TriglotBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SegmentationBenchmarks",
            dependencies: [
                .product(name: "Triglot", package: triglot),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SegmentationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ExtractionBenchmarks",
            dependencies: [
                .product(name: "Triglot", package: triglot),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ExtractionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AlignmentBenchmarks",
            dependencies: [
                .product(name: "Triglot", package: triglot),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AlignmentBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
