import Foundation

/// Where the tests find the package's data.
enum TestPaths {
    /// The package root (the folder holding Package.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `corpus/` in the package.
    static let corpus = packageRoot.appendingPathComponent("corpus")

    /// `../shared/data/alignment`, the public alignment gold sets beside the checkout (may be absent).
    static let alignmentData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/alignment")
}
