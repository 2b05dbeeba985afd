/// Fixed phrases (sequences of words and marks) mapped to values, matched over tokens: Vietnamese phrases by
/// key (diacritics kept), English and French ones by folded form, marks (`'`, `-`, `.`, `°`) by themselves.
struct PhraseTrie<Value: Sendable>: Sendable {
    private struct Node: Sendable {
        var byKey: [Int32: Int] = [:]
        var byFold: [Int32: Int] = [:]
        var byMark: [UInt32: Int] = [:]
        var values: [Value] = []
    }

    private var nodes = [Node()]
    /// The root's children by word id, as tables: every token of a text is looked up there.
    private var rootByKey = VocabularyTable<Int>()
    private var rootByFold = VocabularyTable<Int>()

    init() {}

    /// How a phrase is matched.
    enum Matching { case key, folded }

    /// Adds `phrase` (tokenized as texts are) with `value`.
    mutating func insert(_ phrase: String, _ value: Value, matching: Matching, _ vocabulary: inout Vocabulary) {
        var current = 0
        for piece in Self.pieces(of: phrase) {
            switch piece {
            case .mark(let mark):
                if let next = nodes[current].byMark[mark] { current = next; continue }
                nodes.append(Node())
                nodes[current].byMark[mark] = nodes.count - 1
                current = nodes.count - 1
            case .word(let word):
                let id = matching == .key ? vocabulary.add(TokenizedText.key(word)) : vocabulary.add(TokenizedText.fold(word))
                let existing = matching == .key ? nodes[current].byKey[id] : nodes[current].byFold[id]
                if let next = existing { current = next; continue }
                nodes.append(Node())
                if matching == .key { nodes[current].byKey[id] = nodes.count - 1 } else { nodes[current].byFold[id] = nodes.count - 1 }
                if current == 0 {
                    if matching == .key { rootByKey[id] = nodes.count - 1 } else { rootByFold[id] = nodes.count - 1 }
                }
                current = nodes.count - 1
            }
        }
        nodes[current].values.append(value)
    }

    /// Every phrase that starts at token `start`: its end (exclusive) and values, shortest first. `gap` says whether
    /// the tokens may be separated as they are (a phrase never runs across a line of text it did not write).
    func matches(in tokens: TokenizedText, from start: Int) -> [(end: Int, values: [Value])] {
        guard start < tokens.count else { return [] }
        let first = tokens[start]
        switch first.kind {
        case .word:
            // Most tokens start no phrase: answered from the root's tables.
            guard rootByKey[first.key] != nil || rootByFold[first.folded] != nil else { return [] }
        case .punctuation:
            guard nodes[0].byMark[first.mark] != nil else { return [] }
        case .number:
            return []
        }
        var result: [(Int, [Value])] = []
        var frontier = [0]
        var k = start
        while k < tokens.count, !frontier.isEmpty {
            let token = tokens[k]
            var next: [Int] = []
            for node in frontier {
                switch token.kind {
                case .punctuation:
                    if let n = nodes[node].byMark[token.mark] { next.append(n) }
                case .word:
                    if token.key >= 0, let n = nodes[node].byKey[token.key] { next.append(n) }
                    if token.folded >= 0, let n = nodes[node].byFold[token.folded], !next.contains(n) { next.append(n) }
                case .number:
                    break
                }
            }
            k += 1
            let values = next.flatMap { nodes[$0].values }
            if !values.isEmpty { result.append((k, values)) }
            frontier = next
        }
        return result
    }

    /// The ids of the words phrases can start with: by key and by folded form.
    var firstWords: (keys: [Int32], folds: [Int32]) {
        (rootByKey.ids, rootByFold.ids)
    }

    /// The longest phrase starting at `start`.
    func longest(in tokens: TokenizedText, from start: Int) -> (end: Int, values: [Value])? {
        matches(in: tokens, from: start).last
    }

    enum Piece { case word(String), mark(UInt32) }

    /// A phrase as tokens: words (letter runs) and marks (apostrophes and dashes unified).
    static func pieces(of phrase: String) -> [Piece] {
        var result: [Piece] = []
        var word = ""
        func flush() { if !word.isEmpty { result.append(.word(word)); word = "" } }
        for scalar in phrase.unicodeScalars {
            if Scalars.isLetter(scalar.value) { word.unicodeScalars.append(scalar); continue }
            flush()
            if Scalars.isSpace(scalar.value) { continue }
            var mark = scalar.value
            switch mark {
            case 0x2019, 0x2018, 0x2032, 0xB4, 0x60: mark = 0x27
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: mark = 0x2D
            default: break
            }
            result.append(.mark(mark))
        }
        flush()
        return result
    }
}
