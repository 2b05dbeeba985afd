/// Everything the extractors read from word lists, compiled once over one vocabulary: date words, reference type
/// words, the body gazetteer and grammar, places, domains, people's names and posts.
///
/// The vocabulary holds every word form a resource uses (its matching key and its folded form), so that a
/// token's ids are found once when the sentence is tokenized and matching compares integers.
struct ExtractionResources: Sendable {
    let vocabulary: Vocabulary
    /// The date words, behind one reference: each sentence's scanner holds it without copying every word list.
    let sharedDates: SharedResource<DateWords>
    let references: ReferenceWords
    let places: PlaceGazetteer
    let bodies: BodyGrammar
    let people: PersonWords
    /// The words that place names and the body grammar use: what a body name cut by a page's end may be completed
    /// with.
    let bodyWords: VocabularyBits

    static let standard = ExtractionResources()

    private init() {
        var vocabulary = Vocabulary()
        sharedDates = SharedResource(DateWords(&vocabulary))
        references = ReferenceWords(&vocabulary)
        vocabulary.handedOut = VocabularyBits()
        places = PlaceGazetteer(&vocabulary)
        bodies = BodyGrammar(places: places, vocabulary: &vocabulary)
        bodyWords = vocabulary.handedOut!
        vocabulary.handedOut = nil
        people = PersonWords(&vocabulary)
        self.vocabulary = vocabulary
    }

    /// `text` cut into tokens with this vocabulary's ids.
    func tokenize(_ text: String) -> TokenizedText { TokenizedText(text, vocabulary: vocabulary) }
}

/// An immutable resource behind one reference, so that holding it costs one retain however many tables it has.
final class SharedResource<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}

/// Values by vocabulary id, in an array indexed by the id (ids are small and dense): a look-up is an index, not a
/// hash.
struct VocabularyTable<Value: Sendable>: Sendable {
    private var values: [Value?] = []

    init() {}

    subscript(id: Int32) -> Value? {
        get { id >= 0 && Int(id) < values.count ? values[Int(id)] : nil }
        set {
            precondition(id >= 0, "a vocabulary id is never negative")
            let k = Int(id)
            if k >= values.count { values.append(contentsOf: repeatElement(nil, count: k + 1 - values.count)) }
            values[k] = newValue
        }
    }

    /// The ids that have a value, in increasing order.
    var ids: [Int32] { values.indices.filter { values[$0] != nil }.map { Int32($0) } }
}

/// A set of vocabulary ids as bits.
struct VocabularyBits: Sendable {
    private var words: [UInt64] = []

    init() {}

    mutating func insert(_ id: Int32) {
        precondition(id >= 0, "a vocabulary id is never negative")
        let k = Int(id) >> 6
        if k >= words.count { words.append(contentsOf: repeatElement(0, count: k + 1 - words.count)) }
        words[k] |= 1 << UInt64(id & 63)
    }

    @inline(__always)
    func contains(_ id: Int32) -> Bool {
        let k = Int(id) >> 6
        return id >= 0 && k < words.count && words[k] & (1 << UInt64(id & 63)) != 0
    }
}

/// A set of words, matched by key (diacritics kept: Vietnamese) or by folded form (English, French, and names
/// written with or without diacritics).
struct WordSet: Sendable {
    private var keys = VocabularyBits()
    private var folded = VocabularyBits()

    init() {}

    /// Adds `words`: those written with diacritics or marked Vietnamese match by key; `byFold` words by folded form.
    init(keys: [String] = [], folded: [String] = [], _ vocabulary: inout Vocabulary) {
        for word in keys { insert(key: word, &vocabulary) }
        for word in folded { insert(folded: word, &vocabulary) }
    }

    mutating func insert(key word: String, _ vocabulary: inout Vocabulary) {
        keys.insert(vocabulary.add(TokenizedText.key(word)))
    }

    mutating func insert(folded word: String, _ vocabulary: inout Vocabulary) {
        folded.insert(vocabulary.add(TokenizedText.fold(word)))
    }

    func contains(_ token: Token) -> Bool {
        token.kind == .word && (keys.contains(token.key) || folded.contains(token.folded))
    }
}

/// Words mapped to values, matched like ``WordSet``.
struct WordMap<Value: Sendable>: Sendable {
    private var byKey = VocabularyTable<Value>()
    private var byFold = VocabularyTable<Value>()

    init() {}

    mutating func insert(key word: String, _ value: Value, _ vocabulary: inout Vocabulary) {
        byKey[vocabulary.add(TokenizedText.key(word))] = value
    }

    mutating func insert(folded word: String, _ value: Value, _ vocabulary: inout Vocabulary) {
        byFold[vocabulary.add(TokenizedText.fold(word))] = value
    }

    func value(_ token: Token) -> Value? {
        guard token.kind == .word else { return nil }
        if let value = byKey[token.key] { return value }
        if let value = byFold[token.folded] { return value }
        return nil
    }
}
