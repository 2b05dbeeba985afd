/// How to segment a text.
public struct SegmentationOptions: Sendable, Codable, Equatable {
    /// Which language to assume.
    public enum LanguageChoice: Sendable, Codable, Equatable {
        /// Identify the language of every paragraph and sentence (files may switch language midway).
        case detect
        /// Treat the whole text as this language.
        case fixed(Language)
    }

    /// Which sentence boundaries to keep.
    public enum Boundaries: String, Sendable, Codable, Equatable, CaseIterable {
        /// ICU's boundaries corrected by Triglot's rules (abbreviations, initials, quotes, glued sentences, page
        /// material): the default.
        case corrected
        /// ICU's boundaries as they are (and every line break), for comparison with bare ICU.
        case icu
    }

    /// Which language to assume: detect (the default), or one for the whole text.
    public var language: LanguageChoice
    /// Evidence (tenths of a point) by which a paragraph's best language must lead the next to be chosen.
    public var paragraphMargin: Int32
    /// The same for a sentence to take a language different from its paragraph's.
    public var sentenceMargin: Int32
    /// Which sentence boundaries to keep.
    public var boundaries: Boundaries

    /// Options with the defaults for anything not given.
    public init(language: LanguageChoice = .detect, paragraphMargin: Int32 = 15, sentenceMargin: Int32 = 40,
                boundaries: Boundaries = .corrected) {
        self.language = language
        self.paragraphMargin = paragraphMargin
        self.sentenceMargin = sentenceMargin
        self.boundaries = boundaries
    }

    private enum CodingKeys: String, CodingKey { case language, paragraphMargin, sentenceMargin, boundaries }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(language: try container.decodeIfPresent(LanguageChoice.self, forKey: .language) ?? .detect,
                  paragraphMargin: try container.decodeIfPresent(Int32.self, forKey: .paragraphMargin) ?? 15,
                  sentenceMargin: try container.decodeIfPresent(Int32.self, forKey: .sentenceMargin) ?? 40,
                  boundaries: try container.decodeIfPresent(Boundaries.self, forKey: .boundaries) ?? .corrected)
    }
}

/// Segments text into paragraphs and sentences, with ICU's sentence break iterator per language.
///
/// The pipeline: paragraphs from line structure; the language of each paragraph from its words; the kind of each
/// paragraph (body, heading, caption, dateline, boilerplate); ICU sentence boundaries with the paragraph's locale,
/// corrected for abbreviations, initials, quotes, glued sentences and ellipses; the language of each sentence.
/// Runs in time linear in the text. A `Segmenter` is a value: share it across tasks freely.
///
/// ```swift
/// let document = try Segmenter().segment("Thông báo số 1029-TB/TU. La province a achevé ...")
/// document.sentences.map(\.language)   // [vi, fr]
/// ```
public struct Segmenter: Sendable {
    /// How this segmenter segments.
    public var options: SegmentationOptions
    let identifier: LanguageIdentifier
    let rules: SentenceRules
    let classifier: ParagraphClassifier
    /// ICU iterators kept between calls (copies of a segmenter share them; each call takes its own).
    let iterators = ICUIteratorPool()

    /// A segmenter with `options`; its word lists and rules are loaded once per process and shared.
    public init(options: SegmentationOptions = SegmentationOptions()) {
        self.options = options
        self.identifier = .standard
        self.rules = SentenceRules(abbreviations: .standard)
        self.classifier = ParagraphClassifier(furniture: .standard)
    }

    /// Segments a decoded input (see ``TextReader``).
    public func segment(_ input: TextInput) throws -> Document {
        try segment(input.text, source: input.source)
    }

    /// Segments `text`. Throws only if ICU itself fails (see ``ICUError``).
    public func segment(_ text: String, source: String? = nil) throws -> Document {
        var text = text
        let (paragraphs, sentences) = try text.withUTF8 { buffer in
            try segment(UTF8Text(bytes: buffer), units: nil)
        }
        return Document(text: text, source: source, paragraphs: paragraphs, sentences: sentences)
    }

    /// Makes a document of `text` whose sentences are the `units` given (UTF-8 byte spans, in order, not
    /// overlapping), as for pre-segmented gold: paragraphs, kinds and languages are found as usual, sentence
    /// boundaries are not. A unit that crosses a line break makes the paragraphs it touches one.
    public func segment(_ text: String, units: [Span], source: String? = nil) throws -> Document {
        var text = text
        let (paragraphs, sentences) = try text.withUTF8 { buffer in
            try segment(UTF8Text(bytes: buffer), units: units)
        }
        return Document(text: text, source: source, paragraphs: paragraphs, sentences: sentences)
    }

    private func segment(_ text: UTF8Text, units: [Span]?) throws -> ([Paragraph], [Sentence]) {
        var raw = ParagraphSplitter.split(text)
        if let units { raw = ParagraphSplitter.joining(raw, across: units) }
        // The evidence of every word, when languages are to be detected.
        let evidence = options.language == .detect ? EvidenceIndex(text: text, identifier: identifier) : nil

        // Each paragraph's evidence, and where the index's walk stood after it (for its sentences, below).
        var paragraphEvidence: [LanguageEvidence] = []
        var cursorAfter: [Int] = []
        let detected: [Language]
        if case .fixed(let language) = options.language {
            detected = Array(repeating: language, count: raw.count)
        } else {
            paragraphEvidence.reserveCapacity(raw.count)
            cursorAfter.reserveCapacity(raw.count)
            var cursor = 0
            detected = raw.map { paragraph in
                let span = paragraph.span
                let own = evidence?.evidence(in: span.start..<span.end, cursor: &cursor) ?? LanguageEvidence()
                paragraphEvidence.append(own)
                cursorAfter.append(cursor)
                return own.decision(margin: options.paragraphMargin)
            }
        }
        var classified = classifier.classify(raw, text: text, detected: detected)
        if case .fixed(let language) = options.language {
            classified.languages = Array(repeating: language, count: raw.count)
        }

        // ICU with each paragraph's locale, on the paragraphs where it can find a boundary inside.
        var taken: [Language: ICUSentenceIterator] = [:]
        defer { iterators.giveBack(taken.values) }
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        paragraphs.reserveCapacity(raw.count)
        sentences.reserveCapacity(units?.count ?? raw.count * 2)
        var evidenceCursor = 0
        var unitCursor = 0
        var scratch = SentenceRules.Scratch()
        var icu: [ICUBoundary] = []
        for k in raw.indices {
            let span = raw[k].span
            let language = classified.languages[k]
            if let units {
                scratch.starts.removeAll(keepingCapacity: true)
                while unitCursor < units.count && units[unitCursor].start < span.end {
                    if units[unitCursor].end > span.start { scratch.starts.append(max(units[unitCursor].start, span.start)) }
                    unitCursor += 1
                }
                if scratch.starts.first.map({ $0 > span.start }) ?? true { scratch.starts.insert(span.start, at: 0) }
            } else {
                let unbreakable = options.boundaries == .corrected && classified.unbreakable[k]
                icu.removeAll(keepingCapacity: true)
                if !unbreakable && SentenceTerminators.mayBreakInside(text, span) {
                    let iterator: ICUSentenceIterator
                    if let known = taken[language] {
                        iterator = known
                    } else {
                        iterator = try iterators.take(locale: Self.locale(for: language))
                        taken[language] = iterator
                    }
                    try iterator.appendBoundaries(in: text.bytes, range: span.start..<span.end, to: &icu)
                }
                if options.boundaries == .icu {
                    scratch.starts = [span.start]
                    for boundary in icu where boundary.offset > span.start && boundary.offset < span.end {
                        let start = text.skippingSpace(from: boundary.offset, to: span.end)
                        if start < span.end && start > scratch.starts[scratch.starts.count - 1] { scratch.starts.append(start) }
                    }
                } else if unbreakable {
                    scratch.starts = [span.start]
                } else {
                    rules.sentenceStarts(in: text, paragraph: span, icu: icu[...], scratch: &scratch)
                }
            }
            let starts = scratch.starts
            let first = sentences.count
            let kind = classified.kinds[k]
            for (s, start) in starts.enumerated() {
                let next = s + 1 < starts.count ? starts[s + 1] : span.end
                let end = text.trimmingSpace(backFrom: next, to: start)
                let range = start..<end
                // A sentence keeps its paragraph's language unless its own evidence clearly says otherwise.
                var sentenceLanguage = language
                if let evidence, kind != .dateline {
                    let own: LanguageEvidence
                    if starts.count == 1 {  // the sentence is the paragraph (both without surrounding space)
                        own = paragraphEvidence[k]
                        evidenceCursor = cursorAfter[k]
                    } else {
                        own = evidence.evidence(in: range, cursor: &evidenceCursor)
                    }
                    let decided = own.decision(margin: options.sentenceMargin)
                    if decided.isDetermined { sentenceLanguage = decided }
                }
                sentences.append(Sentence(
                    index: sentences.count, paragraph: k, span: Span(start: start, end: end), language: sentenceLanguage,
                    kind: UnitKinds.kind(of: range, position: s, of: starts.count, paragraph: span, paragraphKind: kind,
                                         text: text)))
            }
            paragraphs.append(Paragraph(index: k, span: span, kind: kind, language: language,
                                        sentences: first..<sentences.count))
        }
        return (paragraphs, sentences)
    }

    /// ICU locale for a language ("root" rules for undetermined text).
    static func locale(for language: Language) -> String {
        language.isDetermined ? language.code : "root"
    }
}
