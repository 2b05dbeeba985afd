/// What each scalar of the news scripts becomes in ``Normalization/folded(_:)``, as far as splitting a folded text
/// into words goes: a table, so that a short line can be tested for a word without folding it into a new string.
///
/// The table covers Latin (U+0000–U+036F, combining marks included), Latin Extended Additional (U+1E00–U+1EFF,
/// Vietnamese) and General Punctuation (U+2000–U+206F); every entry is computed once from
/// ``Normalization/folded(_:)`` itself and Swift's `Character` properties, so the two cannot disagree. Anything
/// else, and any scalar whose fold could join a neighbour into one `Character`, is ``Class/unknown``: callers then
/// fold the text.
struct FoldedScalars: Sendable {
    /// The part a scalar plays once folded.
    enum Class: Equatable, Sendable {
        /// Folding removes it (a combining mark): it neither ends nor extends a word.
        case removed
        /// Not part of a word (space, punctuation, symbol).
        case separator
        /// A word character that folds to one or two ASCII bytes ("É" → "e", "œ" → "oe"; `second` is 0 for one).
        case ascii(first: UInt8, second: UInt8)
        /// A word character that folds to something other than ASCII ("ø", "ß", "ª").
        case otherLetter
        /// Not in the table: fold the text to know.
        case unknown
    }

    /// The table for the bundled scripts, computed once per process.
    static let standard = FoldedScalars()

    /// The ranges the table covers, in the order `classes` stores them.
    private static let ranges: [Range<UInt32>] = [0..<0x370, 0x1E00..<0x1F00, 0x2000..<0x2070]
    private let classes: [Class]

    init() {
        var classes: [Class] = []
        for range in Self.ranges {
            for value in range { classes.append(Self.computeClass(of: value)) }
        }
        self.classes = classes
    }

    /// The class of the scalar `value`.
    @inline(__always)
    func `class`(of value: UInt32) -> Class {
        if value < 0x370 { return classes[Int(value)] }
        if value >= 0x1E00 && value < 0x1F00 { return classes[0x370 + Int(value - 0x1E00)] }
        if value >= 0x2000 && value < 0x2070 { return classes[0x470 + Int(value - 0x2000)] }
        return .unknown
    }

    /// The class of one scalar, from the fold itself. A word character is what `PhotoCredit` splits words on: a
    /// letter, a number or "+".
    private static func computeClass(of value: UInt32) -> Class {
        guard let scalar = Unicode.Scalar(value) else { return .unknown }
        let folded = Normalization.folded(String(scalar))
        if folded.isEmpty { return .removed }
        let scalars = Array(folded.unicodeScalars)
        // A mark or joiner would make one `Character` with its neighbour: then the words depend on the context.
        let joins = scalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return scalar.value == 0x200C || scalar.value == 0x200D
            }
        }
        let characters = Array(folded)
        guard !joins, characters.count == scalars.count else { return .unknown }
        let inWord = characters.map { $0.isLetter || $0.isNumber || $0 == "+" }
        if !inWord.contains(true) { return .separator }
        guard !inWord.contains(false) else { return .unknown }
        if scalars.count <= 2, scalars.allSatisfy(\.isASCII) {
            return .ascii(first: UInt8(scalars[0].value), second: scalars.count == 2 ? UInt8(scalars[1].value) : 0)
        }
        return .otherLetter
    }
}
