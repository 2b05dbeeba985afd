import Foundation

/// The data files of `Sources/Triglot/Resources/` (word lists, abbreviations, page furniture, the gazetteer of
/// bodies, lexicons, the bead model), compiled into the library.
///
/// The files stay plain data files in the source tree, editable without code changes: at build time the
/// `EmbedBundledData` plugin turns every file of that folder into part of the library's code. So a program that
/// links Triglot, the `triglot` tool included, needs nothing beside its executable (no `*.resources` folder), and
/// a new data file is picked up by the next build. A file that cannot be read, is not UTF-8, or (`.json`) is not
/// JSON fails the build, naming the file.
///
/// Names are paths inside `Resources/`, extension included:
/// ```swift
/// for line in try BundledData.lines(named: "abbreviations.tsv") {
///     print(line.split(separator: "\t"))
/// }
/// ```
/// Asking for a name the build does not hold throws ``BundledDataError``. The library's own tables are loaded
/// once, on first use, and cannot throw from there; ``check()`` verifies beforehand that every file they read is
/// present (the `triglot` tool calls it before any command, ``process(_:date:sources:)`` before its work).
public enum BundledData {
    /// The names of the compiled-in files, in name order.
    public static var names: [String] { embedded.map(\.name) }

    /// The files the library reads: each must be compiled in for ``check()`` to pass. Add a name here when the
    /// library starts reading a new data file.
    public static let required: [String] = [
        "abbreviations.tsv", "bead-model.json", "bodies.tsv", "body-domains.tsv", "body-grammar.txt",
        "domain-lexicon.tsv", "function-words.tsv", "furniture.tsv", "glossary.tsv", "lexicon-en.txt",
        "lexicon-fr.txt", "lexicon-vi.txt", "months.tsv", "news-lexicon.tsv", "places.tsv", "published-alignment-figures.tsv",
    ]

    /// Position in ``embedded`` by name.
    private static let positions: [String: Int] = Dictionary(
        embedded.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })

    /// The exact bytes of the file `name` (a path inside `Resources/`, such as `"bodies.tsv"`).
    public static func data(named name: String) throws(BundledDataError) -> Data {
        try contents(of: name).withUTF8Buffer { Data($0) }
    }

    /// The text of the file `name` (every data file is UTF-8: the build checks it).
    public static func text(named name: String) throws(BundledDataError) -> String {
        try contents(of: name).withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    /// The lines of the file `name` that hold something: without empty lines, comment lines (starting with `#`)
    /// and the white space around each line (tabs inside a line are kept: they separate columns).
    public static func lines(named name: String) throws(BundledDataError) -> [String] {
        try contents(of: name).withUTF8Buffer { contentLines(of: $0) }
    }

    /// The lines of UTF-8 `bytes` that hold something, as ``lines(named:)`` gives them. Lines end where a
    /// character is a line break (`\n`, `\r`, `\r\n`, vertical tab, form feed, U+0085, U+2028, U+2029), found on the
    /// bytes: each is a grapheme boundary on both sides, so this cuts where splitting by characters does.
    static func contentLines(of bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var result: [String] = []
        var start = 0
        var k = 0
        func flush(_ end: Int) {
            guard end > start else { return }
            let text = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)).trimmingSpaces
            if !text.isEmpty && !text.hasPrefix("#") { result.append(text) }
        }
        while k < bytes.count {
            let byte = bytes[k]
            var length = 0
            if byte >= 0x0A && byte <= 0x0D {
                length = 1
            } else if byte == 0xC2, k + 1 < bytes.count, bytes[k + 1] == 0x85 {
                length = 2
            } else if byte == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9 {
                length = 3
            }
            if length > 0 {
                flush(k)
                k += length
                start = k
            } else {
                k += 1
            }
        }
        flush(bytes.count)
        return result
    }

    /// Verifies that every file in ``required`` is compiled in; throws for the first one missing.
    ///
    /// Cheap (no file is parsed): call it once before relying on the library's tables.
    public static func check() throws(BundledDataError) {
        for name in required { _ = try contents(of: name) }
    }

    private static func contents(of name: String) throws(BundledDataError) -> StaticString {
        guard let position = positions[name] else { throw BundledDataError(name: name, available: names) }
        return embedded[position].contents
    }
}

/// A data file the library needs is not in this build.
///
/// Its description says which file, what the build holds, and what to do.
public struct BundledDataError: Error, LocalizedError, CustomStringConvertible, Sendable, Equatable {
    /// The name asked for (a path inside `Resources/`).
    public var name: String
    /// The names the build holds.
    public var available: [String]

    /// An error for `name`, given the names the build holds.
    public init(name: String, available: [String]) {
        self.name = name
        self.available = available
    }

    /// What went wrong and how to fix it, in one line.
    public var description: String {
        "the data file \(name) is not compiled into this build of Triglot (it holds \(available.count) data files: "
            + "\(available.joined(separator: ", "))); put \(name) in Sources/Triglot/Resources/ and rebuild"
    }

    /// The same as ``description``.
    public var errorDescription: String? { description }
}

/// Data files for the library's tables, which load once on first use and cannot throw.
enum ResourceFile {
    /// The meaningful lines of `name.ext` (see ``BundledData/lines(named:)``); empty when the file is not compiled in,
    /// which ``BundledData/check()`` reports as an error before any table is loaded.
    static func lines(named name: String, extension ext: String) -> [String] {
        (try? BundledData.lines(named: "\(name).\(ext)")) ?? []
    }
}
