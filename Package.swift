// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Triglot",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Triglot", targets: ["Triglot"]),
        .library(name: "TriglotBatch", targets: ["TriglotBatch"]),
        .executable(name: "triglot", targets: ["triglot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `swift package generate-documentation`: the DocC catalogs of Triglot and TriglotBatch.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The system ICU (Debian: libicu-dev). Only TriglotICU's C files include its headers.
        .systemLibrary(
            name: "ICUSystem",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        // Plain-typed C interface over ICU: sentence boundaries and normalisation on UTF-8 buffers.
        .target(name: "TriglotICU", dependencies: ["ICUSystem"]),
        // The library. Its data files (Resources/) are compiled into it by the EmbedBundledData plugin, so that
        // the executable needs no resource folder beside it.
        .target(
            name: "Triglot",
            dependencies: ["TriglotICU"],
            exclude: ["Resources"],
            plugins: ["EmbedBundledData"]
        ),
        // Turns every file of a target's Resources/ folder into Swift source at build time (BundledData).
        .plugin(name: "EmbedBundledData", capability: .buildTool(), dependencies: ["TriglotDataEmbedder"]),
        .executableTarget(name: "TriglotDataEmbedder"),
        // Whole corpora: reading folders and JSONL streams, all cores, the SQLite store (Debian: libsqlite3-dev), exports.
        .target(
            name: "TriglotBatch",
            dependencies: ["Triglot", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "triglot",
            dependencies: [
                "Triglot",
                "TriglotBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TriglotTests",
            dependencies: ["Triglot", "TriglotBatch", "triglot", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Batch/tmx14.dtd"]  // read from the source tree by the TMX export test
        ),
    ]
)
