import Foundation

/// The vecalign alignment format: one bead per line, `[0, 1]:[2]:0.931` (source indices, target indices,
/// optional confidence), 0-based; `[]:[7]` is a target sentence with no source.
public enum VecalignFormat {
    /// A bead with any sentence indices (gold files may list indices that are not consecutive).
    public struct Line: Sendable, Equatable {
        /// Indices of the source (first version's) sentences, 0-based.
        public var source: [Int]
        /// Indices of the target (second version's) sentences, 0-based.
        public var target: [Int]
        /// The bead's confidence, when the line gives one.
        public var confidence: Double?

        /// A bead of `source` and `target` indices.
        public init(source: [Int], target: [Int], confidence: Double? = nil) {
            self.source = source
            self.target = target
            self.confidence = confidence
        }
    }

    /// A line that is not a vecalign bead, with where it is.
    public struct FormatError: Error, CustomStringConvertible {
        /// The file (or name) the line came from.
        public var source: String
        /// The line number, from 1.
        public var line: Int
        /// The line as written.
        public var text: String
        public var description: String { "\(source):\(line): not a vecalign bead: \(text)" }
    }

    /// The line for a two-version bead.
    public static func line(_ bead: Bead) -> String {
        "[\(bead.sentences[0].map(String.init).joined(separator: ", "))]:[\(bead.sentences[1].map(String.init).joined(separator: ", "))]:"
            + String(format: "%.6f", bead.confidence)
    }

    /// Reads a file of beads; `source` names it in errors.
    public static func parse(_ text: String, source: String) throws -> [Line] {
        try text.fileLines.enumerated().compactMap { number, raw in
            let line = raw.trimmingSpaces
            guard !line.isEmpty else { return nil }
            let parts = line.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3,
                  let s = indices(parts[0]), let t = indices(parts[1]) else {
                throw FormatError(source: source, line: number + 1, text: line)
            }
            let confidence = parts.count == 3 ? Double(parts[2].trimmingSpaces) : nil
            if parts.count == 3 && confidence == nil { throw FormatError(source: source, line: number + 1, text: line) }
            return Line(source: s, target: t, confidence: confidence)
        }
    }

    private static func indices(_ text: Substring) -> [Int]? {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        let inner = trimmed.dropFirst().dropLast().trimmingSpaces
        if inner.isEmpty { return [] }
        var result: [Int] = []
        for piece in inner.split(separator: ",") {
            guard let value = Int(piece.trimmingSpaces), value >= 0 else { return nil }
            result.append(value)
        }
        return result
    }
}
