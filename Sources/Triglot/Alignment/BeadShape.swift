/// The shape of a bead between two versions: how many consecutive sentences of the source and of the target it
/// holds (`BeadShape(2, 1)`: two source sentences translated by one target sentence).
///
/// Shapes are values inside the library; the text form `"2-1"` (source count, a hyphen, target count) is only
/// what configuration files hold (``AlignmentOptions/shapePriors``).
public struct BeadShape: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Sentences of the source version, 0 when the bead leaves target material unaligned.
    public var source: Int
    /// Sentences of the target version, 0 when the bead leaves source material unaligned.
    public var target: Int

    /// The shape of a bead with `source` sentences of the source version and `target` of the target.
    public init(source: Int, target: Int) {
        self.source = source
        self.target = target
    }

    /// The same, unlabelled: `BeadShape(1, 2)`.
    public init(_ source: Int, _ target: Int) {
        self.init(source: source, target: target)
    }

    /// The shape of text like `"2-1"`; nil for anything else (counts are non-negative integers).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let source = Int(parts[0]), let target = Int(parts[1]), source >= 0, target >= 0 else { return nil }
        self.init(source: source, target: target)
    }

    /// `"2-1"`: the form configuration files use.
    public var description: String { "\(source)-\(target)" }

    /// Whether the bead links the versions (neither side is empty).
    public var isLink: Bool { source > 0 && target > 0 }

    /// By source count, then target count.
    public static func < (a: BeadShape, b: BeadShape) -> Bool {
        (a.source, a.target) < (b.source, b.target)
    }

    /// One sentence translated by one sentence.
    public static let oneToOne = BeadShape(1, 1)
}
