import Foundation

/// Precision, recall and F1 from counts of true positives, false positives and false negatives.
public struct MatchCounts: Sendable, Codable, Equatable {
    public var truePositives = 0, falsePositives = 0, falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// Counts of two sets compared: what both hold, what only `predicted` holds, what only `expected` holds.
    public init<T: Hashable>(predicted: Set<T>, expected: Set<T>) {
        self.init(truePositives: predicted.intersection(expected).count,
                  falsePositives: predicted.subtracting(expected).count,
                  falseNegatives: expected.subtracting(predicted).count)
    }

    /// Counts of two multisets compared (each item matched at most as often as the other side has it).
    public init<T: Hashable>(predicted: [T], expected: [T]) {
        var remaining: [T: Int] = [:]
        for item in expected { remaining[item, default: 0] += 1 }
        var matched = 0
        for item in predicted where (remaining[item] ?? 0) > 0 {
            remaining[item]! -= 1
            matched += 1
        }
        self.init(truePositives: matched, falsePositives: predicted.count - matched, falseNegatives: expected.count - matched)
    }

    /// With nothing predicted (or nothing expected), precision (or recall) is 1 by convention.
    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// How many items the gold holds.
    public var expected: Int { truePositives + falseNegatives }
    /// How many items were predicted.
    public var predicted: Int { truePositives + falsePositives }

    public static func + (a: Self, b: Self) -> Self {
        Self(truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
             falseNegatives: a.falseNegatives + b.falseNegatives)
    }
}

/// Positions in a text counted in non-white-space characters, the coordinates in which the news conventions
/// compare segmentations (so that a boundary placed before or after a space is the same boundary).
struct NonSpacePositions {
    /// For every UTF-8 offset (and the end), how many non-white-space characters come before it.
    private var before: [Int32]

    init(_ text: String) {
        before = []
        before.reserveCapacity(text.utf8.count + 1)
        var count: Int32 = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            for _ in 0..<width { before.append(count) }
            if !scalar.properties.isWhitespace { count += 1 }
        }
        before.append(count)
    }

    func position(_ offset: Int) -> Int { Int(before[min(offset, before.count - 1)]) }
}

/// How one version's segmentation compares with its gold units.
public struct NewsSegmentationScore: Sendable, Codable {
    /// Unit starts after the first, in non-white-space characters.
    public var boundaries = MatchCounts()
    /// The same, leaving out starts at line beginnings (which every line-respecting segmenter gets): the
    /// boundaries that are hard to find.
    public var boundariesInsideLines = MatchCounts()
    /// Boilerplate units: the same start and end.
    public var boilerplate = MatchCounts()
    /// Disagreements, for reading.
    public var errors: [String] = []

    public init() {}

    /// Compares `document` (segmented from `version.text`) with the version's gold.
    public init(document: Document, version: NewsVersion) {
        let positions = NonSpacePositions(version.text)
        let lineStarts = Self.lineStarts(of: version.text, positions: positions)
        func starts(_ spans: [Span]) -> Set<Int> { Set(spans.map { positions.position($0.start) }).subtracting([0]) }
        let predicted = starts(document.sentences.map(\.span))
        let expected = starts(version.units)
        boundaries = MatchCounts(predicted: predicted, expected: expected)
        boundariesInsideLines = MatchCounts(predicted: predicted.subtracting(lineStarts), expected: expected.subtracting(lineStarts))
        struct Extent: Hashable { var start: Int; var end: Int }
        func extent(_ span: Span) -> Extent { Extent(start: positions.position(span.start), end: positions.position(span.end)) }
        let predictedBoilerplate = Set(document.sentences.filter { $0.kind.isPageFurniture }.map { extent($0.span) })
        let expectedBoilerplate = Set(version.boilerplate.map { extent(version.units[$0]) })
        boilerplate = MatchCounts(predicted: predictedBoilerplate, expected: expectedBoilerplate)

        let bytes = Array(version.text.utf8)
        func excerpt(_ offset: Int) -> String {
            String(decoding: bytes[offset..<min(bytes.count, offset + 50)], as: UTF8.self)
                .replacingOccurrences(of: "\n", with: "⏎")
        }
        let byPosition = Dictionary(document.sentences.map { (positions.position($0.span.start), $0.span.start) },
                                    uniquingKeysWith: { a, _ in a })
        let goldByPosition = Dictionary(version.units.map { (positions.position($0.start), $0.start) },
                                        uniquingKeysWith: { a, _ in a })
        for position in predicted.subtracting(expected).sorted() {
            errors.append("\(version.language) extra boundary: \(excerpt(byPosition[position] ?? 0))")
        }
        for position in expected.subtracting(predicted).sorted() {
            errors.append("\(version.language) missed boundary: \(excerpt(goldByPosition[position] ?? 0))")
        }
        for sentence in document.sentences where sentence.kind.isPageFurniture && !expectedBoilerplate.contains(extent(sentence.span)) {
            errors.append("\(version.language) boilerplate not in gold: \(excerpt(sentence.span.start))")
        }
        let predictedExtents = Set(document.sentences.map { extent($0.span) })
        for k in version.boilerplate.sorted() where !predictedBoilerplate.contains(extent(version.units[k])) {
            let unit = extent(version.units[k])
            let reason = predictedExtents.contains(unit) ? "not marked" : "not a unit"
            errors.append("\(version.language) gold boilerplate \(reason): \(excerpt(version.units[k].start))")
        }
    }

    /// Positions of the first non-white-space character of every line.
    private static func lineStarts(of text: String, positions: NonSpacePositions) -> Set<Int> {
        var starts: Set<Int> = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == 0x0A || byte == 0x0D { starts.insert(positions.position(offset)) }
        }
        return starts
    }

    public static func + (a: Self, b: Self) -> Self {
        var sum = Self()
        sum.boundaries = a.boundaries + b.boundaries
        sum.boundariesInsideLines = a.boundariesInsideLines + b.boundariesInsideLines
        sum.boilerplate = a.boilerplate + b.boilerplate
        sum.errors = a.errors + b.errors
        return sum
    }
}

extension AlignmentScore {
    /// Beads over predicted sentences rewritten over gold units: each sentence stands for the units it overlaps,
    /// and beads that come to share a unit are merged (the end-to-end evaluation of alignment from raw pages).
    /// `sourceUnits[k]` / `targetUnits[k]` list the gold units sentence `k` of each side overlaps.
    public static func mapped(_ test: [VecalignFormat.Line], sourceUnits: [[Int]], targetUnits: [[Int]]) -> [VecalignFormat.Line] {
        var parent = Array(test.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var ownerOfSource: [Int: Int] = [:]
        var ownerOfTarget: [Int: Int] = [:]
        let mapped = test.map { bead in
            (Array(Set(bead.source.flatMap { sourceUnits[$0] })).sorted(),
             Array(Set(bead.target.flatMap { targetUnits[$0] })).sorted(), bead.confidence)
        }
        for (k, bead) in mapped.enumerated() {
            for unit in bead.0 {
                if let other = ownerOfSource[unit] { parent[root(k)] = root(other) } else { ownerOfSource[unit] = k }
            }
            for unit in bead.1 {
                if let other = ownerOfTarget[unit] { parent[root(k)] = root(other) } else { ownerOfTarget[unit] = k }
            }
        }
        var merged: [Int: (Set<Int>, Set<Int>, Double?)] = [:]
        var order: [Int] = []
        for (k, bead) in mapped.enumerated() {
            let r = root(k)
            if merged[r] == nil { merged[r] = ([], [], nil); order.append(r) }
            merged[r]!.0.formUnion(bead.0)
            merged[r]!.1.formUnion(bead.1)
            if let confidence = bead.2 { merged[r]!.2 = min(merged[r]!.2 ?? 1, confidence) }
        }
        return order.compactMap { r in
            let (source, target, confidence) = merged[r]!
            guard !source.isEmpty || !target.isEmpty else { return nil }
            return VecalignFormat.Line(source: source.sorted(), target: target.sorted(), confidence: confidence)
        }
    }

    /// For every span of `spans`, the indices of the `units` it overlaps (both sorted by position).
    public static func overlaps(of spans: [Span], in units: [Span]) -> [[Int]] {
        var first = 0
        return spans.map { span in
            while first < units.count && units[first].end <= span.start { first += 1 }
            var result: [Int] = []
            var k = first
            while k < units.count && units[k].start < span.end {
                if units[k].end > span.start { result.append(k) }
                k += 1
            }
            return result
        }
    }
}

/// Extraction scored as the news conventions score it: per document, the multiset of mention texts of each type
/// (NFC, runs of white space as one space) and the multiset of values, mentions in gold boilerplate units dropped.
public struct NewsExtractionScore: Sendable, Codable {
    /// Scores by type and language.
    public struct Cell: Sendable, Codable {
        public var surface = MatchCounts()
        public var value = MatchCounts()
        public init(surface: MatchCounts = MatchCounts(), value: MatchCounts = MatchCounts()) {
            self.surface = surface
            self.value = value
        }
        public static func + (a: Cell, b: Cell) -> Cell { Cell(surface: a.surface + b.surface, value: a.value + b.value) }
    }

    public struct Key: Hashable, Comparable, Sendable, Codable {
        public var type: MentionType
        public var language: Language
        public init(type: MentionType, language: Language) {
            self.type = type
            self.language = language
        }
        public static func < (a: Key, b: Key) -> Bool { (a.type.rawValue, a.language.code) < (b.type.rawValue, b.language.code) }
    }

    public var cells: [Key: Cell] = [:]
    public var errors: [String] = []

    private enum CodingKeys: String, CodingKey { case cells, errors }
    private struct CodedCell: Codable { var type: MentionType; var language: Language; var surface: MatchCounts; var value: MatchCounts }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for cell in try container.decode([CodedCell].self, forKey: .cells) {
            cells[Key(type: cell.type, language: cell.language)] = Cell(surface: cell.surface, value: cell.value)
        }
        errors = try container.decode([String].self, forKey: .errors)
    }

    /// Cells as a list (type, language, surface, value), sorted, so that the JSON reads well and is stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cells.sorted { $0.key < $1.key }.map {
            CodedCell(type: $0.key.type, language: $0.key.language, surface: $0.value.surface, value: $0.value.value)
        }, forKey: .cells)
        try container.encode(errors, forKey: .errors)
    }

    /// The types the news gold annotates.
    public static let types: [MentionType] = [.date, .body, .docref]

    public init() {}

    /// Scores `mentions` of `version` against its gold (mentions of types the gold does not annotate are ignored).
    public init(mentions: [Mention], version: NewsVersion, value: (Mention) -> String) {
        let boilerplate = version.boilerplate.map { version.units[$0] }
        let kept = mentions.filter { mention in
            Self.types.contains(mention.type) && !boilerplate.contains { $0.contains(mention.span.start) }
        }
        for type in Self.types {
            let predicted = kept.filter { $0.type == type }
            let expected = version.entities.filter { $0.type == type && !version.boilerplate.contains($0.unit) }
            let predictedTexts = predicted.map { Self.surface($0.text) }
            let expectedTexts = expected.map { Self.surface($0.text) }
            let predictedValues = predicted.map(value)
            let expectedValues = expected.map(\.value)
            let cell = Cell(surface: MatchCounts(predicted: predictedTexts, expected: expectedTexts),
                            value: MatchCounts(predicted: predictedValues, expected: expectedValues))
            cells[Key(type: type, language: version.language)] = cell
            for (side, items) in [("extra", Self.difference(predictedTexts, expectedTexts)),
                                  ("missed", Self.difference(expectedTexts, predictedTexts))] {
                for item in items { errors.append("\(version.language) \(type.rawValue) \(side): \(item)") }
            }
            for (side, items) in [("extra", Self.difference(predictedValues, expectedValues)),
                                  ("missed", Self.difference(expectedValues, predictedValues))] {
                for item in items { errors.append("\(version.language) \(type.rawValue) value \(side): \(item)") }
            }
        }
    }

    /// NFC, runs of white space as one space, trimmed.
    static func surface(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func difference(_ a: [String], _ b: [String]) -> [String] {
        var remaining: [String: Int] = [:]
        for item in b { remaining[item, default: 0] += 1 }
        return a.filter { item in
            if (remaining[item] ?? 0) > 0 { remaining[item]! -= 1; return false }
            return true
        }
    }

    /// Sum over every language for one type.
    public func total(_ type: MentionType) -> Cell {
        cells.filter { $0.key.type == type }.values.reduce(Cell(), +)
    }

    public static func + (a: Self, b: Self) -> Self {
        var sum = Self()
        sum.cells = a.cells.merging(b.cells) { $0 + $1 }
        sum.errors = a.errors + b.errors
        return sum
    }
}
