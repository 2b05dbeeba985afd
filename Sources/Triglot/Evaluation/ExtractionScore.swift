import Foundation

/// Hand-made gold mentions of one text (`NNN.mentions.tsv`: `type<TAB>language<TAB>text<TAB>value`, in text order).
public struct ExtractionGold: Sendable {
    public struct Item: Sendable {
        public var type: MentionType
        public var language: Language
        public var span: Span
        public var value: String
    }

    public var items: [Item]

    /// Reads `file` and finds each mention in `text`, in order: after the previous one, or inside it when it is
    /// nested there. Where the first such occurrence is not the one meant, the text column gives a few words around
    /// the mention with the mention itself in double brackets: `construction du [[Parti]]`.
    public init(text: String, file: String) throws {
        let bytes = Array(text.utf8)
        var cursor = 0
        var previousStart = 0
        items = try String(contentsOfFile: file, encoding: .utf8).fileLines.enumerated().compactMap { number, line in
            guard !line.isEmpty else { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4, let type = MentionType(rawValue: columns[0]), let language = Language(code: columns[1]) else {
                throw SegmentationGold.FormatError(file: file, line: number + 1, message: "expected type<TAB>language<TAB>text<TAB>value")
            }
            // "construction du [[Parti]]": the mention is the bracketed part, found with the words around it.
            var written = columns[2]
            var before = "", after = ""
            if let open = written.range(of: "[["), let close = written.range(of: "]]", range: open.upperBound..<written.endIndex) {
                before = String(written[..<open.lowerBound])
                after = String(written[close.upperBound...])
                written = String(written[open.upperBound..<close.lowerBound])
            }
            let needle = Array((before + written + after).utf8)
            // After the previous mention; inside it only for a mention nested in it.
            guard let found = Self.find(needle, in: bytes, from: cursor) ?? Self.find(needle, in: bytes, from: previousStart) else {
                throw SegmentationGold.FormatError(file: file, line: number + 1, message: "\"\(columns[2])\" not found after byte \(cursor)")
            }
            let start = found + before.utf8.count
            let end = start + written.utf8.count
            previousStart = start
            cursor = end
            return Item(type: type, language: language, span: Span(start: start, end: end), value: columns[3])
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        var k = from
        while k + needle.count <= bytes.count {
            if bytes[k] == needle[0] && Array(bytes[k..<k + needle.count]) == needle { return k }
            k += 1
        }
        return nil
    }
}

/// Precision, recall and F1 of extracted mentions against gold, per type and language: on spans (the same
/// type and exact span) and on values (span and normalised value both right).
public struct ExtractionScore: Sendable, CustomStringConvertible {
    public struct Key: Hashable, Comparable, Sendable {
        public var type: MentionType
        public var language: Language
        public static func < (a: Key, b: Key) -> Bool { (a.type.rawValue, a.language.code) < (b.type.rawValue, b.language.code) }
    }

    public struct Counts: Sendable {
        public var gold = 0, predicted = 0, spanCorrect = 0, valueCorrect = 0
        public var spanPrecision: Double { ratio(spanCorrect, predicted) }
        public var spanRecall: Double { ratio(spanCorrect, gold) }
        public var spanF1: Double { f1(spanPrecision, spanRecall) }
        public var valuePrecision: Double { ratio(valueCorrect, predicted) }
        public var valueRecall: Double { ratio(valueCorrect, gold) }
        public var valueF1: Double { f1(valuePrecision, valueRecall) }
        static func + (a: Counts, b: Counts) -> Counts {
            Counts(gold: a.gold + b.gold, predicted: a.predicted + b.predicted, spanCorrect: a.spanCorrect + b.spanCorrect,
                   valueCorrect: a.valueCorrect + b.valueCorrect)
        }
    }

    public var counts: [Key: Counts] = [:]
    /// Disagreements, for reading.
    public var errors: [String] = []

    public init() {}

    /// Scores `mentions` of `document` against `gold`. A predicted mention's language is its sentence's.
    public init(document: Document, mentions: [Mention], gold: ExtractionGold) {
        func language(of span: Span) -> Language {
            document.sentences.first { $0.span.contains(span.start) }?.language ?? .undetermined
        }
        var goldBySpan: [String: ExtractionGold.Item] = [:]
        for item in gold.items {
            goldBySpan["\(item.type.rawValue)\(item.span)"] = item
            counts[Key(type: item.type, language: item.language), default: Counts()].gold += 1
        }
        var matched = Set<String>()
        for mention in mentions {
            let key = "\(mention.type.rawValue)\(mention.span)"
            if let item = goldBySpan[key], !matched.contains(key) {
                matched.insert(key)
                let k = Key(type: item.type, language: item.language)
                counts[k, default: Counts()].predicted += 1
                counts[k, default: Counts()].spanCorrect += 1
                if item.value == mention.value.comparisonText { counts[k, default: Counts()].valueCorrect += 1 }
                else { errors.append("value of \(mention.type.rawValue) \"\(mention.text)\": gold \(item.value), got \(mention.value.comparisonText)") }
            } else {
                counts[Key(type: mention.type, language: language(of: mention.span)), default: Counts()].predicted += 1
                errors.append("extra \(mention.type.rawValue) \"\(mention.text)\" (\(mention.value.comparisonText))")
            }
        }
        for item in gold.items where !matched.contains("\(item.type.rawValue)\(item.span)") {
            let text = String(decoding: Array(document.text.utf8)[item.span.start..<item.span.end], as: UTF8.self)
            errors.append("missed \(item.type.rawValue) \"\(text)\" (\(item.value))")
        }
    }

    public static func + (a: Self, b: Self) -> Self {
        var sum = Self()
        sum.counts = a.counts.merging(b.counts) { $0 + $1 }
        sum.errors = a.errors + b.errors
        return sum
    }

    /// Counts for one type over all languages.
    public func total(_ type: MentionType) -> Counts {
        counts.filter { $0.key.type == type }.values.reduce(Counts(), +)
    }

    public var description: String {
        var lines = ["type     lang  gold  found   span P/R/F1          value P/R/F1"]
        for (key, c) in counts.sorted(by: { $0.key < $1.key }) {
            lines.append(String(format: "%-8@ %-4@ %5d %6d   %.3f %.3f %.3f    %.3f %.3f %.3f", key.type.rawValue, key.language.code,
                                c.gold, c.predicted, c.spanPrecision, c.spanRecall, c.spanF1, c.valuePrecision, c.valueRecall, c.valueF1))
        }
        return lines.joined(separator: "\n")
    }
}

private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
private func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
