import Foundation
import Testing

/// The Benchmarks package (`Benchmarks/Package.swift`) depends on the root package by path, and SwiftPM names that
/// package after the folder it is checked out in: the manifest must build in a checkout that is not called `main`.
/// Builds a copy of the package's sources in a folder named `Triglot-checkout` (about a minute on two cores);
/// skipped where the swift toolchain is absent.
@Suite(.enabled(if: ExternalCommand.isInstalled("swift"), "needs the swift toolchain"))
struct BenchmarksPackageTests {
    @Test(.timeLimit(.minutes(20)))
    func buildsInACheckoutFolderNotNamedMain() throws {
        let scratch = try TemporaryFolder("benchmarks-package")
        let checkout = scratch.appending("Triglot-checkout")
        try FileManager.default.createDirectory(at: checkout, withIntermediateDirectories: true)
        // What a clone holds: every entry but hidden ones (.git, .build, .swiftpm), at the top and in Benchmarks/,
        // and without fetched data.
        let root = TestPaths.packageRoot
        let fileManager = FileManager.default
        for name in try fileManager.contentsOfDirectory(atPath: root.path) where !name.hasPrefix(".") && name != "Benchmarks" {
            try fileManager.copyItem(at: root.appendingPathComponent(name), to: checkout.appendingPathComponent(name))
        }
        try fileManager.createDirectory(at: checkout.appendingPathComponent("Benchmarks"), withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("Benchmarks").path)
        where !name.hasPrefix(".") && name != "data" {
            try fileManager.copyItem(at: root.appendingPathComponent("Benchmarks/\(name)"),
                                     to: checkout.appendingPathComponent("Benchmarks/\(name)"))
        }
        let benchmarks = checkout.appendingPathComponent("Benchmarks")

        // The package graph resolves (this is where a hard-coded `package: "main"` fails).
        let described = try ExternalCommand.run(["swift", "package", "describe"], in: benchmarks, timeout: 300)
        #expect(described.status == 0, "\(described.output)")
        #expect(described.stdout.contains("AlignmentBenchmarks"), "\(described.output)")

        // And both benchmark executables build against the root package.
        let built = try ExternalCommand.run(["swift", "build", "--scratch-path", scratch.appending("build").path],
                                            in: benchmarks, timeout: 1100)
        #expect(built.status == 0, "\(built.output.suffix(4000))")
        #expect(!built.stderr.contains("unknown package"), "\(built.output.suffix(4000))")
    }
}
