// swift-tools-version: 6.1
// Speed measurements for Triglot, kept apart from the library so that `swift test` never builds them.
// Run from this folder: `swift package benchmark` (add `--filter 'Segmentation.*'` to pick cases).
import PackageDescription

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
                .product(name: "Triglot", package: "main"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SegmentationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AlignmentBenchmarks",
            dependencies: [
                .product(name: "Triglot", package: "main"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AlignmentBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
