import Foundation

/// A translation lexicon: concepts, each written in one or more languages by one or more expressions (a word or a
/// run of words), that the aligner counts as translations of one another.
///
/// Triglot ships a hand-made glossary and a domain lexicon of Party and State language in Vietnamese, English and
/// French, and a table learned from its news corpus; ``LexiconLearner`` learns more from any parallel texts
/// (`triglot lexicon learn`), and users load their own with `--lexicon FILE`.
///
/// The file format (TSV, UTF-8): lines starting with `#` are comments; the first other line names the columns —
/// language codes, and optionally `weight` last — and every following line is one concept, its expressions in
/// each language separated by `|`, an empty column where a language has none:
///
/// ```
/// vi	en	fr
/// kỷ luật	discipline|disciplinary|disciplined	discipline|disciplinaire|sanction
/// ```
/// Expressions match runs of words regardless of case; English and French also regardless of diacritics,
/// Vietnamese with its diacritics (tone-mark placement unified). Lines starting with `#@` carry facts about the
/// lexicon (`#@ learned from: …`).
public struct Lexicon: Sendable {
    /// One concept.
    public struct Entry: Sendable, Equatable {
        /// Expressions by language, as written in the file.
        public var expressions: [Language: [String]]
        /// How strongly the expressions are linked (a learned table's probability), if known.
        public var weight: Double?

        public init(expressions: [Language: [String]], weight: Double? = nil) {
            self.expressions = expressions
            self.weight = weight
        }
    }

    /// The languages of the columns, in file order.
    public private(set) var languages: [Language]
    public private(set) var entries: [Entry]
    /// Facts about the lexicon kept from `#@ key: value` lines (for example `learned from`, the groups a learned
    /// table comes from).
    public var notes: [String: String]

    public init(languages: [Language], entries: [Entry], notes: [String: String] = [:]) {
        self.languages = languages
        self.entries = entries
        self.notes = notes
    }

    /// An empty lexicon.
    public init() { self.init(languages: [], entries: []) }

    /// A lexicon format error, with the source and line.
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var source: String
        public var line: Int
        public var message: String
        public var description: String { "\(source):\(line): \(message)" }
    }

    /// Reads a lexicon in the TSV format described on the type; `source` names it in errors.
    public init(tsv: String, source: String) throws {
        var languages: [Language]?
        var hasWeight = false
        var entries: [Entry] = []
        var notes: [String: String] = [:]
        // Split on the bytes: a tab, a bar or a line feed is never part of another character, and splitting by
        // characters would cost a grapheme break test per scalar of every expression (and keep "\r\n" whole).
        func fields(_ text: Substring, _ separator: UInt8, omittingEmpty: Bool = false) -> [Substring] {
            // The separators' byte offsets, found in the contiguous bytes (a collection walk costs a hundred
            // times more on a whole file), then the fields between them.
            var text = text
            var cuts: [Int] = []
            let count = text.withUTF8 { bytes in
                for (k, byte) in bytes.enumerated() where byte == separator { cuts.append(k) }
                return bytes.count
            }
            cuts.append(count)
            let utf8 = text.utf8
            var result: [Substring] = []
            result.reserveCapacity(cuts.count)
            var start = 0
            for cut in cuts {
                if cut > start || !omittingEmpty {
                    let from = utf8.index(utf8.startIndex, offsetBy: start)
                    let to = utf8.index(from, offsetBy: cut - start)
                    result.append(text[from..<to])
                }
                start = cut + 1
            }
            return result
        }
        for (number, raw) in fields(tsv[...], UInt8(ascii: "\n")).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingSpaces.isEmpty { continue }
            if line.hasPrefix("#@") {
                // "#@ learned from: …": a fact about the lexicon that tools read back.
                let body = line.dropFirst(2)
                if let colon = body.firstIndex(of: ":") {
                    notes[body[..<colon].trimmingSpaces] =
                        body[body.index(after: colon)...].trimmingSpaces
                }
                continue
            }
            if line.hasPrefix("#") { continue }
            let columns = fields(line, UInt8(ascii: "\t")).map { $0.trimmingSpaces }
            guard let header = languages else {
                var names = columns
                if names.last?.lowercased() == "weight" { hasWeight = true; names.removeLast() }
                let parsed = names.compactMap { Language(code: $0) }
                guard parsed.count == names.count, parsed.count >= 2, Set(parsed).count == parsed.count else {
                    throw FormatError(source: source, line: number + 1,
                                      message: "the first line must name the columns: two or more language codes, then optionally 'weight'")
                }
                languages = parsed
                continue
            }
            guard columns.count == header.count + (hasWeight ? 1 : 0) else {
                throw FormatError(source: source, line: number + 1,
                                  message: "expected \(header.count + (hasWeight ? 1 : 0)) tab-separated columns, found \(columns.count)")
            }
            var expressions: [Language: [String]] = [:]
            for (language, column) in zip(header, columns) {
                let alternatives = fields(column[...], UInt8(ascii: "|"), omittingEmpty: true).map { $0.trimmingSpaces }
                    .filter { !$0.isEmpty }
                if !alternatives.isEmpty { expressions[language] = alternatives }
            }
            var weight: Double?
            if hasWeight {
                guard let value = Double(columns[columns.count - 1]), value.isFinite else {
                    throw FormatError(source: source, line: number + 1, message: "the weight is not a number: \(columns[columns.count - 1])")
                }
                weight = value
            }
            guard expressions.count >= 2 else { continue }  // a concept in one language links nothing
            entries.append(Entry(expressions: expressions, weight: weight))
        }
        guard let languages else {
            throw FormatError(source: source, line: 1, message: "no header line naming the language columns")
        }
        self.init(languages: languages, entries: entries, notes: notes)
    }

    /// Reads a lexicon file.
    public init(contentsOfFile path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FormatError(source: path, line: 0, message: "cannot read the lexicon as UTF-8 text (\(error.localizedDescription))")
        }
        try self.init(tsv: text, source: path)
    }

    /// The concepts of both lexicons (languages in the order first seen).
    public func merging(_ other: Lexicon) -> Lexicon {
        var languages = self.languages
        for language in other.languages where !languages.contains(language) { languages.append(language) }
        return Lexicon(languages: languages, entries: entries + other.entries, notes: notes.merging(other.notes) { a, _ in a })
    }

    /// The lexicon in its TSV format, with a weight column when any entry has a weight.
    public func tsv(comment: [String] = []) -> String {
        let weighted = entries.contains { $0.weight != nil }
        var lines = comment.map { "# " + $0 }
        for (key, value) in notes.sorted(by: { $0.key < $1.key }) { lines.append("#@ \(key): \(value)") }
        lines.append((languages.map(\.code) + (weighted ? ["weight"] : [])).joined(separator: "\t"))
        for entry in entries {
            var columns = languages.map { (entry.expressions[$0] ?? []).joined(separator: "|") }
            if weighted { columns.append(entry.weight.map { String(format: "%.4f", $0) } ?? "") }
            lines.append(columns.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lexicons Triglot ships: the hand-made ones (``handMade``) and the table learned from the news corpus
    /// (``newsTable``).
    public static let standard: Lexicon = handMade.merging(newsTable)

    /// The glossary of core notions and the domain lexicon of Party and State language (`Resources/glossary.tsv`,
    /// `Resources/domain-lexicon.tsv`), written by hand, not learned from any gold.
    public static let handMade: Lexicon = bundled(["glossary", "domain-lexicon"])

    /// The table learned from the gold alignments of Triglot's news corpus (`Resources/news-lexicon.tsv`, made by
    /// `triglot lexicon learn corpus/news`); its `learned from` note names the groups, so that evaluations on them
    /// can leave each one out.
    public static let newsTable: Lexicon = bundled(["news-lexicon"])

    /// The groups named by a `#@ learned from:` note (separated by spaces or commas).
    public var learnedFrom: [String] {
        (notes["learned from"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }

    private static func bundled(_ names: [String]) -> Lexicon {
        var result = Lexicon()
        for name in names {
            guard let text = try? BundledData.text(named: "\(name).tsv") else { continue }
            do {
                result = result.merging(try Lexicon(tsv: text, source: "\(name).tsv"))
            } catch {
                preconditionFailure("the bundled lexicon \(name).tsv is malformed: \(error)")
            }
        }
        return result
    }
}

/// A lexicon ready for matching: per language, a trie over the words of every expression. Several indexes can be
/// combined without indexing their lexicons again (their concepts are numbered one after the other).
///
/// Matching is by word (runs of letters, as ``UnitBuilder`` splits them), so that an expression matches the
/// words of a sentence wherever it stands. Vietnamese keys keep diacritics (in matching form: lower case,
/// tone marks unified); other languages are folded (no diacritics).
final class LexiconIndex: Sendable {
    /// One indexed lexicon.
    private final class Trie: Sendable {
        struct Node {
            var children: [Int32: Int32] = [:]
            var concepts: [Int32] = []
        }

        let nodes: [Language: [Node]]
        /// Word ids by key (shared across languages; the trie is per language).
        let words: [String: Int32]
        let conceptCount: Int

        init(_ lexicon: Lexicon) {
            // Per language (numbered as first met): its trie and the id of each of its words' keys, each distinct
            // word normalised once (the lexicons repeat their words many times over).
            var slots: [Language: Int] = [:]
            var languages: [Language] = []
            var tries: [[Node]] = []
            var memo: [[String: Int32]] = []
            var words: [String: Int32] = [:]
            for (concept, entry) in lexicon.entries.enumerated() {
                // Languages in a fixed order, and each trie mutated in place (never copied).
                for (language, expressions) in entry.expressions.sorted(by: { $0.key.code < $1.key.code }) {
                    let slot: Int
                    if let known = slots[language] {
                        slot = known
                    } else {
                        slot = languages.count
                        slots[language] = slot
                        languages.append(language)
                        tries.append([Node()])
                        memo.append([:])
                    }
                    for expression in expressions {
                        let ids = UnitBuilder.words(of: Array(expression.unicodeScalars)).map { word in
                            if let known = memo[slot][word.text] { return known }
                            let key = LexiconIndex.key(word.text, language: language)
                            let id: Int32
                            if let known = words[key] {
                                id = known
                            } else {
                                id = Int32(words.count)
                                words[key] = id
                            }
                            memo[slot][word.text] = id
                            return id
                        }
                        guard !ids.isEmpty else { continue }
                        var node = 0
                        for id in ids {
                            if let child = tries[slot][node].children[id] {
                                node = Int(child)
                            } else {
                                let next = tries[slot].count
                                tries[slot].append(Node())
                                tries[slot][node].children[id] = Int32(next)
                                node = next
                            }
                        }
                        if tries[slot][node].concepts.last != Int32(concept) {
                            tries[slot][node].concepts.append(Int32(concept))
                        }
                    }
                }
            }
            self.nodes = Dictionary(uniqueKeysWithValues: zip(languages, tries))
            self.words = words
            conceptCount = lexicon.entries.count
        }
    }

    private let tries: [(trie: Trie, offset: Int32)]
    /// How many concepts the index holds.
    let conceptCount: Int

    init(_ lexicon: Lexicon) {
        let trie = Trie(lexicon)
        tries = [(trie, 0)]
        conceptCount = trie.conceptCount
    }

    /// The concepts of several indexes, numbered one after the other.
    init(combining indexes: [LexiconIndex]) {
        var tries: [(trie: Trie, offset: Int32)] = []
        var offset: Int32 = 0
        for index in indexes {
            for (trie, inner) in index.tries { tries.append((trie, offset + inner)) }
            offset += Int32(index.conceptCount)
        }
        self.tries = tries
        conceptCount = Int(offset)
    }

    /// The matching key of a word in `language`.
    static func key(_ word: String, language: Language) -> String {
        language == .vietnamese ? Normalization.matchingForm(word).lowercased() : Normalization.folded(word)
    }

    static func keys(of expression: String, language: Language) -> [String] {
        UnitBuilder.words(of: Array(expression.unicodeScalars)).map { key($0.text, language: language) }
    }

    /// For each word of `keys` (matching keys of a sentence's words, in order), the concepts of every expression
    /// that covers it.
    func concepts(ofWords keys: [String], language: Language) -> [[Int32]] {
        var result = Array(repeating: [Int32](), count: keys.count)
        for (trie, offset) in tries {
            guard let nodes = trie.nodes[language] else { continue }
            let ids = keys.map { trie.words[$0] }
            for start in keys.indices {
                var node = 0
                var k = start
                while k < ids.count, let id = ids[k], let child = nodes[node].children[id] {
                    node = Int(child)
                    k += 1
                    for concept in nodes[node].concepts {
                        let global = concept + offset
                        for w in start..<k where !result[w].contains(global) { result[w].append(global) }
                    }
                }
            }
        }
        return result
    }
}
