/// Everything the extractors read from word lists, compiled once over one vocabulary: date words, reference type
/// words, the body gazetteer and grammar, places, domains, people's names and posts.
///
/// The vocabulary holds every word form a resource uses (its matching key and its folded form), so that a
/// token's ids are found once when the sentence is tokenized and matching compares integers.
struct ExtractionResources: Sendable {
    let vocabulary: Vocabulary
    let dates: DateWords
    let references: ReferenceWords
    let places: PlaceGazetteer
    let bodies: BodyGrammar
    let people: PersonWords

    static let standard = ExtractionResources()

    private init() {
        var vocabulary = Vocabulary()
        dates = DateWords(&vocabulary)
        references = ReferenceWords(&vocabulary)
        places = PlaceGazetteer(&vocabulary)
        bodies = BodyGrammar(places: places, vocabulary: &vocabulary)
        people = PersonWords(&vocabulary)
        self.vocabulary = vocabulary
    }

    /// `text` cut into tokens with this vocabulary's ids.
    func tokenize(_ text: String) -> TokenizedText { TokenizedText(text, vocabulary: vocabulary) }
}

/// A set of words, matched by key (diacritics kept: Vietnamese) or by folded form (English, French, and names
/// written with or without diacritics).
struct WordSet: Sendable {
    private var keys: Set<Int32> = []
    private var folded: Set<Int32> = []

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
        token.kind == .word && ((token.key >= 0 && keys.contains(token.key)) || (token.folded >= 0 && folded.contains(token.folded)))
    }
}

/// Words mapped to values, matched like ``WordSet``.
struct WordMap<Value: Sendable>: Sendable {
    private var byKey: [Int32: Value] = [:]
    private var byFold: [Int32: Value] = [:]

    init() {}

    mutating func insert(key word: String, _ value: Value, _ vocabulary: inout Vocabulary) {
        byKey[vocabulary.add(TokenizedText.key(word))] = value
    }

    mutating func insert(folded word: String, _ value: Value, _ vocabulary: inout Vocabulary) {
        byFold[vocabulary.add(TokenizedText.fold(word))] = value
    }

    func value(_ token: Token) -> Value? {
        guard token.kind == .word else { return nil }
        if token.key >= 0, let value = byKey[token.key] { return value }
        if token.folded >= 0, let value = byFold[token.folded] { return value }
        return nil
    }
}
