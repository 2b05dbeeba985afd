/// One version of a text to align: its sentences, each with its language (a version may switch language midway).
public struct AlignmentSide: Sendable {
    public var sentences: [String]
    public var languages: [Language]
    /// What each sentence is on the page. Captions, datelines and furniture often exist in one version only:
    /// the aligner prefers to leave them unaligned rather than merge them into a neighbour.
    public var kinds: [ParagraphKind]

    /// Sentences all in one language; kinds are recognised sentence by sentence from their wording.
    public init(sentences: [String], language: Language) {
        self.init(sentences: sentences, languages: Array(repeating: language, count: sentences.count))
    }

    /// Sentences with their languages; kinds are recognised sentence by sentence from their wording.
    public init(sentences: [String], languages: [Language], kinds: [ParagraphKind]? = nil) {
        precondition(sentences.count == languages.count, "one language per sentence")
        self.sentences = sentences
        self.languages = languages
        self.kinds = kinds ?? Self.kinds(of: sentences)
        precondition(self.kinds.count == sentences.count, "one kind per sentence")
    }

    /// The sentences of a segmented document, with the languages and kinds the segmenter found.
    public init(document: Document) {
        self.init(sentences: document.sentences.map { String(document.text(of: $0)) },
                  languages: document.sentences.map { sentence in
                      sentence.language.isDetermined ? sentence.language : document.paragraphs[sentence.paragraph].language
                  },
                  kinds: document.sentences.map(\.kind))
    }

    /// Kinds of sentences seen without their page: only what the wording gives away (credits, file names,
    /// furniture, datelines) is told apart from body text.
    static func kinds(of sentences: [String]) -> [ParagraphKind] {
        let segmenter = Segmenter(options: SegmentationOptions(language: .fixed(.undetermined)))
        return sentences.map { sentence in
            guard let kind = (try? segmenter.segment(sentence))?.paragraphs.first?.kind else { return .body }
            return kind == .heading ? .body : kind
        }
    }

    /// Whether sentence `k` is page material that one version may lack.
    func isFurniture(_ k: Int) -> Bool { kinds[k] == .caption || kinds[k] == .dateline || kinds[k] == .boilerplate }

    /// The language most of the text is in.
    public var mainLanguage: Language {
        var characters: [Language: Int] = [:]
        for (sentence, language) in zip(sentences, languages) { characters[language, default: 0] += sentence.count }
        return characters.max { ($0.value, $1.key.code) < ($1.value, $0.key.code) }?.key ?? .undetermined
    }
}

/// The words of both versions, numbered in one vocabulary so that a word spelled the same way on both sides
/// (a name, a number, a cognate) has one identifier.
final class AlignmentVocabulary {
    private(set) var ids: [String: Int32] = [:]
    private(set) var words: [String] = []

    func id(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        return id
    }

    var count: Int { words.count }
}

/// A word of a sentence as the scorers see it.
struct UnitToken: Hashable {
    /// The word folded (lower case, no diacritics): equal on both sides for names and cognates.
    var folded: Int32
    /// Whether the word was written with a capital inside the sentence (a likely name).
    var capitalised: Bool
    var length: Int
}

/// A sentence prepared for scoring.
struct AlignmentUnit {
    var language: Language
    /// Length in characters (Unicode scalars), not bytes.
    var characters: Int
    /// Distinct words, in order of first appearance.
    var tokens: [UnitToken]
    /// Every word in order: the index of its token in `tokens`, and its matching form (for phrase look-ups).
    var occurrences: [(token: Int32, form: String)] = []
    /// Numbers (normalised across local formats: 1.900 = 1,900 = 1 900; 85,71 = 85.71), month names as numbers,
    /// and document references.
    var anchors: [Anchor]
}

enum UnitBuilder {
    /// Prepares every sentence of `side`, numbering words in `vocabulary`.
    static func units(_ side: AlignmentSide, vocabulary: AlignmentVocabulary) -> [AlignmentUnit] {
        zip(side.sentences, side.languages).map { unit($0, language: $1, vocabulary: vocabulary) }
    }

    static func unit(_ sentence: String, language: Language, vocabulary: AlignmentVocabulary) -> AlignmentUnit {
        let scalars = Array(sentence.unicodeScalars)
        // Normalise the sentence once; its words come out in the same order in all three forms.
        let original = words(of: scalars)
        let folded: [(text: String, capitalised: Bool)], forms: [(text: String, capitalised: Bool)]
        if sentence.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII text's folded and matching forms are its lower case, which cuts into the same words.
            folded = original.map { ($0.text.lowercased(), false) }
            forms = folded
        } else {
            folded = words(of: Array(Normalization.folded(sentence).unicodeScalars))
            forms = words(of: Array(Normalization.matchingForm(sentence).unicodeScalars))
        }
        let aligned = folded.count == original.count && forms.count == original.count
        var tokens: [UnitToken] = []
        tokens.reserveCapacity(original.count)
        var occurrences: [(token: Int32, form: String)] = []
        occurrences.reserveCapacity(original.count)
        var seen = Set<Int32>()
        var anchors = Anchors.numbers(in: scalars)
        for (k, word) in original.enumerated() {
            let foldedWord = aligned ? folded[k].text : Normalization.folded(word.text)
            let form = aligned ? forms[k].text : Normalization.matchingForm(word.text)
            let id = vocabulary.id(foldedWord)
            let capitalised = k > 0 && word.capitalised
            if let month = Anchors.month(foldedWord) { anchors.append(Anchor(.month, String(month))) }
            if seen.insert(id).inserted {
                tokens.append(UnitToken(folded: id, capitalised: capitalised, length: foldedWord.count))
                occurrences.append((Int32(tokens.count - 1), form))
            } else if let t = tokens.firstIndex(where: { $0.folded == id }) {
                if capitalised { tokens[t].capitalised = true }
                occurrences.append((Int32(t), form))
            }
        }
        if scalars.contains("/") { anchors.append(contentsOf: Anchors.references(in: scalars)) }
        return AlignmentUnit(language: language, characters: scalars.count, tokens: tokens, occurrences: occurrences,
                             anchors: anchors)
    }

    /// The words of a text: runs of letters (with their combining marks); ideographs are words of one character
    /// each, since Chinese and Japanese write no spaces.
    ///
    /// With `capitalisedTextOnly`, words that do not start with a capital get an empty text (the list is the same
    /// otherwise): for readers that look only at capitalised words, without making a string for every other one.
    static func words(of scalars: [Unicode.Scalar], capitalisedTextOnly: Bool = false) -> [(text: String, capitalised: Bool)] {
        // (Labelled as returned: an unlabelled list would be converted, element by element, on return.)
        var result: [(text: String, capitalised: Bool)] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard isAlphabetic(scalar) else { index += 1; continue }
            if isWordOnItsOwn(scalar) {
                result.append((String(scalar), false))
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < scalars.count, continuesWord(scalars[index]) { index += 1 }
            let capitalised = scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
            result.append((capitalised || !capitalisedTextOnly ? Scalars.string(scalars[start..<index]) : "", capitalised))
        }
        return result
    }

    /// The byte ranges of the words of UTF-8 text, cut by the rules of ``words(of:capitalisedTextOnly:)`` with no
    /// string or scalar array made: what indexing the many short expressions of a lexicon asks for.
    static func forEachWord(in text: UTF8Text, _ body: (Range<Int>) -> Void) {
        @inline(__always) func scalar(at index: Int) -> (Unicode.Scalar, Int) {
            let (value, length) = text.scalar(at: index)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }
        var index = 0
        while index < text.count {
            let (first, width) = scalar(at: index)
            guard isAlphabetic(first) else { index += width; continue }
            let start = index
            index += width
            if !isWordOnItsOwn(first) {
                while index < text.count {
                    let (next, nextWidth) = scalar(at: index)
                    guard continuesWord(next) else { break }
                    index += nextWidth
                }
            }
            body(start..<index)
        }
    }

    /// An ideograph: a word of its own (Chinese and Japanese write no spaces).
    @inline(__always)
    private static func isWordOnItsOwn(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2E80 && scalar.properties.isIdeographic
    }

    /// Whether `next` carries on the word before it: a letter that is not an ideograph, or a combining mark.
    @inline(__always)
    private static func continuesWord(_ next: Unicode.Scalar) -> Bool {
        if next.value < 0x80 { return isAlphabetic(next) }
        let properties = next.properties
        return (properties.isAlphabetic && !properties.isIdeographic) || properties.generalCategory == .nonspacingMark
    }

    /// Unicode's Alphabetic property, answered without a table look-up for ASCII (most of the text's scalars).
    @inline(__always)
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    static let coarseWords = 48
    static let coarseAnchors = 32

    /// Units of consecutive sentences joined in pairs, for the coarse pass of a long search.
    static func mergedInPairs(_ units: [AlignmentUnit]) -> [AlignmentUnit] {
        stride(from: 0, to: units.count, by: 2).map { k in
            guard k + 1 < units.count else { return units[k] }
            var merged = units[k]
            let next = units[k + 1]
            merged.characters += next.characters
            // Room for both units' words at once (growing by doubling left up to half of each list unused).
            merged.tokens.reserveCapacity(merged.tokens.count + next.tokens.count)
            merged.occurrences.reserveCapacity(merged.occurrences.count + next.occurrences.count)
            let present = Set(merged.tokens.map(\.folded))
            // Occurrences point into the merged token list (each word's first token of its spelling).
            var index: [Int32: Int32] = [:]
            for (k, token) in merged.tokens.enumerated() { index[token.folded] = Int32(k) }
            for token in next.tokens where !present.contains(token.folded) {
                merged.tokens.append(token)
                index[token.folded] = Int32(merged.tokens.count - 1)
            }
            merged.occurrences += next.occurrences.map { (index[next.tokens[Int($0.token)].folded]!, $0.form) }
            merged.anchors += next.anchors
            // Coarse units only have to place a band: their longest (rarest) words and first anchors are enough,
            // and keep the cost of a coarse level from doubling with each merge.
            if merged.tokens.count > Self.coarseWords {
                let kept = Set(merged.tokens.indices.sorted { merged.tokens[$0].length > merged.tokens[$1].length }
                    .prefix(Self.coarseWords))
                var renumbered: [Int32: Int32] = [:]
                for k in merged.tokens.indices where kept.contains(k) { renumbered[Int32(k)] = Int32(renumbered.count) }
                merged.tokens = merged.tokens.indices.filter(kept.contains).map { merged.tokens[$0] }
                merged.occurrences = merged.occurrences.compactMap { occurrence in
                    renumbered[occurrence.token].map { ($0, occurrence.form) }
                }
            }
            if merged.anchors.count > Self.coarseAnchors { merged.anchors = Array(merged.anchors.prefix(Self.coarseAnchors)) }
            return merged
        }
    }
}
