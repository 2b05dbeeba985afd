import Foundation

/// Hand-made gold segmentation of one text (the formats of `corpus/README.md`).
public struct SegmentationGold: Sendable {
    /// A gold paragraph: one line of `.paragraphs.tsv`, located in the text.
    public struct GoldParagraph: Sendable {
        /// What the paragraph is on the page.
        public var kind: ParagraphKind
        /// Its language (`und` when a careful reader could not tell).
        public var language: Language
        /// Where it is in the text (UTF-8 byte offsets).
        public var span: Span
    }

    /// A gold sentence: one line of `.sentences.tsv`, located in the text.
    public struct GoldSentence: Sendable {
        /// Its language (`und` when a careful reader could not tell).
        public var language: Language
        /// Where it is in the text (UTF-8 byte offsets).
        public var span: Span
    }

    /// The gold paragraphs, in text order.
    public var paragraphs: [GoldParagraph]
    /// The gold sentences, in text order.
    public var sentences: [GoldSentence]

    /// Errors in gold files, with the file and line.
    public struct FormatError: Error, CustomStringConvertible {
        /// The gold file.
        public var file: String
        /// The line at fault, from 1.
        public var line: Int
        /// What is wrong with it.
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// Reads `<base>.paragraphs.tsv` and `<base>.sentences.tsv` and locates every line in `text`, in order
    /// (a space in the gold matches any run of white space in the text).
    public init(text: String, paragraphsFile: String, sentencesFile: String) throws {
        let bytes = Array(text.utf8)
        func lines(_ file: String) throws -> [(Int, [Substring])] {
            let content = try String(contentsOfFile: file, encoding: .utf8)
            return content.fileLines.enumerated().compactMap {
                $0.element.isEmpty ? nil : ($0.offset + 1, $0.element.split(separator: "\t", omittingEmptySubsequences: false))
            }
        }
        var cursor = 0
        paragraphs = try lines(paragraphsFile).map { number, columns in
            guard columns.count == 3, let kind = ParagraphKind(rawValue: String(columns[0])),
                  let language = Language(code: String(columns[1])) else {
                throw FormatError(file: paragraphsFile, line: number, message: "expected kind<TAB>language<TAB>text")
            }
            guard let span = Self.locate(String(columns[2]), in: bytes, from: cursor) else {
                throw FormatError(file: paragraphsFile, line: number, message: "text not found after byte \(cursor)")
            }
            cursor = span.end
            return GoldParagraph(kind: kind, language: language, span: span)
        }
        cursor = 0
        sentences = try lines(sentencesFile).map { number, columns in
            guard columns.count == 2, let language = Language(code: String(columns[0])) else {
                throw FormatError(file: sentencesFile, line: number, message: "expected language<TAB>text")
            }
            guard let span = Self.locate(String(columns[1]), in: bytes, from: cursor) else {
                throw FormatError(file: sentencesFile, line: number, message: "text not found after byte \(cursor)")
            }
            cursor = span.end
            return GoldSentence(language: language, span: span)
        }
    }

    /// Reads the gold for `<base>.txt` from the files beside it.
    public init(text: String, base: String) throws {
        try self.init(text: text, paragraphsFile: base + ".paragraphs.tsv", sentencesFile: base + ".sentences.tsv")
    }

    /// Finds `needle` in `bytes` at or after `from`, skipping only white space before it.
    static func locate(_ needle: String, in bytes: [UInt8], from: Int) -> Span? {
        let pieces = needle.split(separator: " ").map { Array($0.utf8) }
        guard !pieces.isEmpty else { return nil }
        var position = from
        func skipSpace() {
            while position < bytes.count {
                let byte = bytes[position]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
                else if byte == 0xC2, position + 1 < bytes.count, bytes[position + 1] == 0xA0 { position += 2 }
                else { break }
            }
        }
        skipSpace()
        let start = position
        for (k, piece) in pieces.enumerated() {
            if k > 0 {
                let before = position
                skipSpace()
                if position == before { return nil }
            }
            guard position + piece.count <= bytes.count, Array(bytes[position..<position + piece.count]) == piece
            else { return nil }
            position += piece.count
        }
        return Span(start: start, end: position)
    }
}

/// How a segmentation compares with gold.
public struct SegmentationScore: Sendable, CustomStringConvertible {
    /// Sentence starts (every sentence, including the first of each paragraph).
    public var boundaries = Counts()
    /// Sentence starts inside paragraphs only: the boundaries that are hard to find.
    public var innerBoundaries = Counts()
    /// Gold paragraphs found with their gold kind.
    public var paragraphKinds = Tally()
    /// Gold paragraphs found with their gold language.
    public var paragraphLanguages = Tally()
    /// The same, for body paragraphs only.
    public var bodyParagraphLanguages = Tally()
    /// Gold sentences found with their gold language.
    public var sentenceLanguages = Tally()
    /// Gold paragraphs whose text the segmentation did not find as a paragraph.
    public var unmatchedParagraphs = 0
    /// Disagreements, for reading: "kind 12 heading→body …".
    public var errors: [String] = []

    /// Boundary counts (see ``MatchCounts``).
    public typealias Counts = MatchCounts

    /// How many items were right, out of how many.
    public struct Tally: Sendable {
        /// Items right.
        public var correct = 0
        /// Items scored.
        public var total = 0
        /// `correct` / `total` (1 when nothing was scored).
        public var accuracy: Double { ratio(correct, total) }
        static func + (a: Tally, b: Tally) -> Tally { Tally(correct: a.correct + b.correct, total: a.total + b.total) }
    }

    /// An empty score, to sum documents' scores into.
    public init() {}

    /// Scores `document` against `gold`.
    public init(document: Document, gold: SegmentationGold) {
        let predicted = Set(document.sentences.map(\.span.start))
        let expected = Set(gold.sentences.map(\.span.start))
        let paragraphStarts = Set(gold.paragraphs.map(\.span.start))
        boundaries = Counts(truePositives: predicted.intersection(expected).count,
                            falsePositives: predicted.subtracting(expected).count,
                            falseNegatives: expected.subtracting(predicted).count)
        let innerPredicted = predicted.subtracting(paragraphStarts)
        let innerExpected = expected.subtracting(paragraphStarts)
        innerBoundaries = Counts(truePositives: innerPredicted.intersection(innerExpected).count,
                                 falsePositives: innerPredicted.subtracting(innerExpected).count,
                                 falseNegatives: innerExpected.subtracting(innerPredicted).count)
        for offset in predicted.symmetricDifference(expected).sorted() {
            let side = predicted.contains(offset) ? "extra" : "missed"
            let text = document.text.utf8.dropFirst(offset).prefix(40)
            errors.append("boundary \(side) at \(offset): \(String(decoding: text, as: UTF8.self))")
        }

        let byStart = Dictionary(document.paragraphs.map { ($0.span, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, expected) in gold.paragraphs.enumerated() {
            guard let found = byStart[expected.span] else {
                unmatchedParagraphs += 1
                errors.append("paragraph \(k) not found as a paragraph")
                continue
            }
            paragraphKinds.total += 1
            paragraphLanguages.total += 1
            if found.kind == expected.kind { paragraphKinds.correct += 1 }
            else { errors.append("kind of paragraph \(k): gold \(expected.kind.rawValue), got \(found.kind.rawValue)") }
            if found.language == expected.language { paragraphLanguages.correct += 1 }
            else { errors.append("language of paragraph \(k): gold \(expected.language), got \(found.language)") }
            if expected.kind == .body {
                bodyParagraphLanguages.total += 1
                if found.language == expected.language { bodyParagraphLanguages.correct += 1 }
            }
        }
        let sentencesBySpan = Dictionary(document.sentences.map { ($0.span, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, expected) in gold.sentences.enumerated() {
            // Languages are compared on the sentences both sides agree on.
            guard let found = sentencesBySpan[expected.span] else { continue }
            sentenceLanguages.total += 1
            if found.language == expected.language { sentenceLanguages.correct += 1 }
            else { errors.append("language of sentence \(k): gold \(expected.language), got \(found.language)") }
        }
    }

    /// The sum of two scores (micro-average).
    public static func + (a: Self, b: Self) -> Self {
        var sum = Self()
        sum.boundaries = a.boundaries + b.boundaries
        sum.innerBoundaries = a.innerBoundaries + b.innerBoundaries
        sum.paragraphKinds = a.paragraphKinds + b.paragraphKinds
        sum.paragraphLanguages = a.paragraphLanguages + b.paragraphLanguages
        sum.bodyParagraphLanguages = a.bodyParagraphLanguages + b.bodyParagraphLanguages
        sum.sentenceLanguages = a.sentenceLanguages + b.sentenceLanguages
        sum.unmatchedParagraphs = a.unmatchedParagraphs + b.unmatchedParagraphs
        sum.errors = a.errors + b.errors
        return sum
    }

    public var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return """
        sentence boundaries      P \(f(boundaries.precision))  R \(f(boundaries.recall))  F1 \(f(boundaries.f1))
        inside paragraphs only   P \(f(innerBoundaries.precision))  R \(f(innerBoundaries.recall))  F1 \(f(innerBoundaries.f1))  (\(innerBoundaries.truePositives + innerBoundaries.falseNegatives) gold)
        paragraph kinds          \(f(paragraphKinds.accuracy))  (\(paragraphKinds.correct)/\(paragraphKinds.total))
        paragraph languages      \(f(paragraphLanguages.accuracy))  (\(paragraphLanguages.correct)/\(paragraphLanguages.total)); body \(bodyParagraphLanguages.correct)/\(bodyParagraphLanguages.total)
        sentence languages       \(f(sentenceLanguages.accuracy))  (\(sentenceLanguages.correct)/\(sentenceLanguages.total))
        """
    }
}

private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

/// How often sentences get the language they are known to be in (for texts in one known language).
public struct LanguageScore: Sendable, CustomStringConvertible {
    /// The language every sentence is known to be in.
    public var expected: Language
    /// Sentences with at least one letter (numbers alone are undetermined by design and not counted).
    public var sentences = 0
    /// Sentences identified as `expected`.
    public var correct = 0
    /// How many sentences got each language.
    public var found: [Language: Int] = [:]
    /// Up to ten misidentified sentences, for reading.
    public var examples: [String] = []

    /// An empty score for texts in `expected`.
    public init(expected: Language) { self.expected = expected }

    /// The share of sentences identified as `expected` (1 with no sentence).
    public var accuracy: Double { sentences == 0 ? 1 : Double(correct) / Double(sentences) }

    /// Adds the sentences of `document`.
    public mutating func add(_ document: Document) {
        for sentence in document.sentences {
            let text = document.text(of: sentence)
            guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { continue }
            sentences += 1
            found[sentence.language, default: 0] += 1
            if sentence.language == expected { correct += 1 }
            else if examples.count < 10 { examples.append("\(sentence.language): \(text.prefix(80))") }
        }
    }

    public var description: String {
        let counts = found.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return String(format: "%@: %d sentences, accuracy %.4f (%@)", expected.code, sentences, accuracy, counts)
    }
}

/// Conformance cases for sentence boundaries: one paragraph per case, `÷` before every sentence that starts inside it
/// (`corpus/heldout/sentence-breaks.tsv`: `language<TAB>text`, `#` comments).
public struct SentenceBreakCases: Sendable {
    /// One case: a paragraph and the sentences it should be split into.
    public struct Case: Sendable {
        /// The case's line in its file, from 1.
        public var line: Int
        /// The paragraph's language.
        public var language: Language
        /// The paragraph without its marks.
        public var text: String
        /// The expected sentences.
        public var sentences: [String]
    }

    /// The cases, in file order.
    public var cases: [Case]

    /// Reads the cases of `file`; throws ``SegmentationGold/FormatError`` for a line that is not `language<TAB>text`.
    public init(file: String) throws {
        let content = try String(contentsOfFile: file, encoding: .utf8)
        cases = try content.fileLines.enumerated().compactMap { number, line in
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let columns = line.split(separator: "\t", maxSplits: 1)
            guard columns.count == 2, let language = Language(code: String(columns[0])) else {
                throw SegmentationGold.FormatError(file: file, line: number + 1, message: "expected language<TAB>text")
            }
            let marked = String(columns[1])
            return Case(line: number + 1, language: language, text: marked.replacingOccurrences(of: "÷", with: ""),
                        sentences: marked.components(separatedBy: "÷").map { $0.trimmingSpaces })
        }
    }

    /// Boundary precision, recall and F1 (boundaries inside the paragraphs only), per language and overall,
    /// with the cases that differ.
    public func score(with segmenter: Segmenter) throws -> (byLanguage: [Language: SegmentationScore.Counts],
                                                             all: SegmentationScore.Counts, failures: [String]) {
        var byLanguage: [Language: SegmentationScore.Counts] = [:]
        var failures: [String] = []
        for item in cases {
            let document = try segmenter.segment(item.text)
            let found = document.sentences.map { String(document.text(of: $0)) }
            let expected = Self.starts(of: item.sentences)
            let predicted = Self.starts(of: found)
            var counts = byLanguage[item.language] ?? SegmentationScore.Counts()
            counts.truePositives += predicted.intersection(expected).count
            counts.falsePositives += predicted.subtracting(expected).count
            counts.falseNegatives += expected.subtracting(predicted).count
            byLanguage[item.language] = counts
            if found != item.sentences { failures.append("line \(item.line): got " + found.joined(separator: " ÷")) }
        }
        let all = byLanguage.values.reduce(SegmentationScore.Counts(), +)
        return (byLanguage, all, failures)
    }

    /// Offsets (in characters of the text without spaces) where sentences after the first start.
    private static func starts(of sentences: [String]) -> Set<Int> {
        var starts = Set<Int>()
        var position = 0
        for (k, sentence) in sentences.enumerated() {
            if k > 0 { starts.insert(position) }
            position += sentence.filter { !$0.isWhitespace }.count
        }
        return starts
    }
}
