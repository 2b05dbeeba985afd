import Foundation
import Synchronization

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
        var entries: [Entry] = []
        var notes: [String: String] = [:]
        let languages = try Self.read(tsv: tsv, source: source, note: { notes[$0] = $1 }) { columns, weight in
            var expressions: [Language: [String]] = [:]
            for (language, alternatives) in columns { expressions[language] = alternatives.map(String.init) }
            entries.append(Entry(expressions: expressions, weight: weight))
        }
        self.init(languages: languages, entries: entries, notes: notes)
    }

    /// The languages named by the header line of a lexicon in the TSV format (the first line that is neither empty
    /// nor a comment), without reading its concepts; none if it has no such line.
    static func headerLanguages(of tsv: String) -> [Language] {
        // Line by line on the bytes, stopping at the header (splitting the whole file by characters would cost a
        // grapheme break test per scalar of every concept).
        let utf8 = tsv.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let raw = tsv[start..<end]
            let line = (raw.utf8.last == 0x0D ? raw.dropLast() : raw).trimmedOfSpaces
            start = end < utf8.endIndex ? utf8.index(after: end) : end
            if line.isEmpty || line.utf8.first == UInt8(ascii: "#") { continue }
            return line.utf8.split(separator: UInt8(ascii: "\t")).compactMap { field in
                Language(code: String(Substring(field).trimmedOfSpaces))
            }
        }
        return []
    }

    /// Reads the TSV format line by line without building entries: `note` gets each `#@ key: value` fact, `entry`
    /// each concept kept (written in two languages or more; each is a concept, numbered in this order), as its
    /// languages with their expressions (in column order, trimmed, none empty) and its weight. Returns the languages
    /// of the columns. What ``init(tsv:source:)`` and the lexicon index both read.
    static func read(tsv: String, source: String, note: (String, String) -> Void,
                     entry: ([(Language, [Substring])], Double?) throws -> Void) throws -> [Language] {
        var languages: [Language]?
        var hasWeight = false
        // Split on the bytes: a tab, a bar or a line feed is never part of another character, and splitting by
        // characters would cost a grapheme break test per scalar of every expression (and keep "\r\n" whole).
        var cuts: [Int] = []  // reused from call to call
        func fields(_ text: Substring, _ separator: UInt8, omittingEmpty: Bool = false) -> [Substring] {
            // The separators' byte offsets, found in the contiguous bytes (a collection walk costs a hundred
            // times more on a whole file), then the fields between them.
            var text = text
            cuts.removeAll(keepingCapacity: true)
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
        var columnsKept: [(Language, [Substring])] = []
        for (number, raw) in fields(tsv[...], UInt8(ascii: "\n")).enumerated() {
            // (Bytes compared: a test by characters costs a grapheme break test per call.)
            let line = raw.utf8.last == 0x0D ? raw.dropLast() : raw
            if line.trimmedOfSpaces.isEmpty { continue }
            if line.utf8.starts(with: "#@".utf8) {
                // "#@ learned from: …": a fact about the lexicon that tools read back.
                let body = line.dropFirst(2)
                if let colon = body.firstIndex(of: ":") {
                    note(body[..<colon].trimmingSpaces, body[body.index(after: colon)...].trimmingSpaces)
                }
                continue
            }
            if line.utf8.first == UInt8(ascii: "#") { continue }
            let columns = fields(line, UInt8(ascii: "\t")).map { $0.trimmedOfSpaces }
            guard let header = languages else {
                var names = columns.map(String.init)
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
            columnsKept.removeAll(keepingCapacity: true)
            for (language, column) in zip(header, columns) {
                let alternatives = fields(column, UInt8(ascii: "|"), omittingEmpty: true).compactMap { field in
                    let trimmed = field.trimmedOfSpaces
                    return trimmed.isEmpty ? nil : trimmed
                }
                if !alternatives.isEmpty { columnsKept.append((language, alternatives)) }
            }
            var weight: Double?
            if hasWeight {
                guard let value = Double(columns[columns.count - 1]), value.isFinite else {
                    throw FormatError(source: source, line: number + 1, message: "the weight is not a number: \(columns[columns.count - 1])")
                }
                weight = value
            }
            guard columnsKept.count >= 2 else { continue }  // a concept in one language links nothing
            try entry(columnsKept, weight)
        }
        guard let languages else {
            throw FormatError(source: source, line: 1, message: "no header line naming the language columns")
        }
        return languages
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
        /// One language's trie: nodes numbered from the root (0), the concepts of the expressions ending at each,
        /// and the edges, one per (node, word id), in an open-addressing table (a dictionary per node costs an
        /// allocation per node and a SipHash per step).
        struct Tree: Sendable {
            /// Word ids by key, by the key's bytes: keys are normalised forms (composed, or decomposed without
            /// marks), so equal keys are equal bytes, and hashing bytes spares the canonical comparison a string
            /// dictionary makes for every word of every sentence.
            var words = Vocabulary()
            /// Per node, the concepts of the expressions ending there.
            var concepts: [[Int32]] = [[]]
            /// Edge keys (`node << 32 | word`, plus one so that 0 marks an empty place) and their child nodes.
            private var keys = [UInt64](repeating: 0, count: 256)
            private var children = [Int32](repeating: 0, count: 256)
            private var edges = 0

            @inline(__always)
            private static func key(_ node: Int32, _ word: Int32) -> UInt64 {
                (UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))) &+ 1
            }

            /// The place of `key`, or the empty place where it would go.
            @inline(__always)
            private func place(of key: UInt64) -> Int {
                let mask = keys.count - 1
                var k = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
                while keys[k] != 0 && keys[k] != key { k = (k + 1) & mask }
                return k
            }

            /// The node reached from `node` by `word`, if any.
            @inline(__always)
            func child(of node: Int32, word: Int32) -> Int32? {
                let k = place(of: Self.key(node, word))
                return keys[k] == 0 ? nil : children[k]
            }

            /// The node reached from `node` by `word`, made if new.
            mutating func childMade(of node: Int32, word: Int32) -> Int32 {
                let key = Self.key(node, word)
                var k = place(of: key)
                if keys[k] != 0 { return children[k] }
                if (edges + 1) * 2 > keys.count {
                    let (oldKeys, oldChildren) = (keys, children)
                    keys = Array(repeating: 0, count: oldKeys.count * 2)
                    children = Array(repeating: 0, count: oldKeys.count * 2)
                    for (old, child) in zip(oldKeys, oldChildren) where old != 0 {
                        let j = place(of: old)
                        keys[j] = old
                        children[j] = child
                    }
                    k = place(of: key)
                }
                let next = Int32(concepts.count)
                concepts.append([])
                keys[k] = key
                children[k] = next
                edges += 1
                return next
            }
        }

        /// Per language, its trie and its words.
        let nodes: [Language: Tree]
        let conceptCount: Int
        /// Per concept, a label that does not depend on how concepts are numbered (``Builder/labels``).
        let labels: [String]

        /// The index of `lexicon`'s concepts.
        convenience init(_ lexicon: Lexicon) {
            var builder = Builder()
            for entry in lexicon.entries {
                builder.add(entry.expressions.map { ($0.key, $0.value.map { $0[...] }) })
            }
            self.init(builder)
        }

        /// The index of the concepts of lexicon files in the TSV format, read one after the other (their concepts
        /// numbered on), without building a ``Lexicon``: what the shipped lexicons ask for at every start.
        convenience init(files: [(tsv: String, source: String)]) throws {
            var builder = Builder()
            for file in files {
                _ = try Lexicon.read(tsv: file.tsv, source: file.source, note: { _, _ in }) { columns, _ in builder.add(columns) }
            }
            self.init(builder)
        }

        private init(_ builder: Builder) {
            let (trees, labels) = builder.build()
            nodes = Dictionary(uniqueKeysWithValues: zip(builder.languages, trees))
            conceptCount = builder.conceptCount
            self.labels = labels
        }

        /// Gathers the concepts' expressions by language, then builds each language's trie, the languages on
        /// threads of their own (a language's words and trie are its own, and the concepts are numbered as added).
        struct Builder {
            var slots: [Language: Int] = [:]
            var languages: [Language] = []
            /// Per language: each concept that has expressions in it, in order, with them.
            var expressions: [[(concept: Int32, expressions: [Substring])]] = []
            /// Per concept, the language (its slot) that labels it: the first by code with an expression that has a
            /// word (-1 for none), so that only that language's trie writes the label.
            var labelling: [Int] = []
            var conceptCount = 0

            /// Adds the next concept: its expressions by language.
            mutating func add(_ columns: [(Language, [Substring])]) {
                let concept = Int32(conceptCount)
                conceptCount += 1
                labelling.append(-1)
                for (language, forms) in columns.sorted(by: { $0.0.code < $1.0.code }) {
                    let slot: Int
                    if let known = slots[language] {
                        slot = known
                    } else {
                        slot = languages.count
                        slots[language] = slot
                        languages.append(language)
                        expressions.append([])
                    }
                    expressions[slot].append((concept, forms))
                    if labelling[Int(concept)] < 0, forms.contains(where: Self.hasWord) { labelling[Int(concept)] = slot }
                }
            }

            /// Whether `expression` holds a word, as the tries cut them.
            private static func hasWord(_ expression: Substring) -> Bool {
                var expression = expression
                var found = false
                expression.withUTF8 { bytes in UnitBuilder.forEachWord(in: UTF8Text(bytes: bytes)) { _ in found = true } }
                return found
            }

            /// Per language (in ``languages`` order) its trie, and per concept its label: the keys of the first
            /// expression of its first language by code, joined by spaces.
            func build() -> (trees: [Tree], labels: [String]) {
                var built = [(tree: Tree, labels: [(Int32, String)])?](repeating: nil, count: languages.count)
                built.withUnsafeMutableBufferPointer { buffer in
                    nonisolated(unsafe) let slots = buffer
                    DispatchQueue.concurrentPerform(iterations: languages.count) { slot in
                        slots[slot] = Self.tree(languages[slot], expressions[slot]) { labelling[Int($0)] == slot }
                    }
                }
                var labels = [String](repeating: "", count: conceptCount)
                for slot in languages.indices {
                    for (concept, label) in built[slot]!.labels { labels[Int(concept)] = label }
                }
                return (built.map { $0!.tree }, labels)
            }

            /// One language's trie, each distinct spelling normalised once (the lexicons repeat their words many
            /// times over), and the label each concept that `labels` gives it gets from its first expression that has
            /// words.
            private static func tree(_ language: Language, _ entries: [(concept: Int32, expressions: [Substring])],
                                     labels labelled: (Int32) -> Bool) -> (tree: Tree, labels: [(Int32, String)]) {
                var tree = Tree()
                var labels: [(Int32, String)] = []
                // Each distinct spelling met, and the id of its word's key.
                var spellings = Vocabulary()
                var spellingWords: [Int32] = []
                var ids: [Int32] = []
                for (concept, expressions) in entries {
                    var labelDone = !labelled(concept)
                    for var expression in expressions {
                        ids.removeAll(keepingCapacity: true)
                        expression.withUTF8 { bytes in
                            UnitBuilder.forEachWord(in: UTF8Text(bytes: bytes)) { range in
                                let spelling = UnsafeBufferPointer(rebasing: bytes[range])
                                let seen = spellings.id(buffer: spelling)
                                if seen >= 0 { ids.append(spellingWords[Int(seen)]); return }
                                let text = String(decoding: spelling, as: UTF8.self)
                                let id = tree.words.add(LexiconIndex.key(text, language: language))
                                _ = spellings.add(text)
                                spellingWords.append(id)
                                ids.append(id)
                            }
                        }
                        guard !ids.isEmpty else { continue }
                        if !labelDone {
                            labels.append((concept, ids.map { tree.words.words[Int($0)] }.joined(separator: " ")))
                            labelDone = true
                        }
                        var node: Int32 = 0
                        for id in ids { node = tree.childMade(of: node, word: id) }
                        if tree.concepts[Int(node)].last != concept {
                            tree.concepts[Int(node)].append(concept)
                        }
                    }
                }
                return (tree, labels)
            }
        }
    }

    /// The tries and the number of concepts, built on first use.
    private struct Built: Sendable {
        var tries: [(trie: Trie, offset: Int32)]
        var conceptCount: Int
    }

    /// The languages the lexicons are written in, known before any trie is built: a pair of versions of which one
    /// has none of them can take nothing from the index, and does not pay for building it.
    let languages: Set<Language>
    private let make: @Sendable () -> Built
    private let built = Mutex<Built?>(nil)

    /// The tries, built by the first caller (others wait for it).
    private var tries: [(trie: Trie, offset: Int32)] { storage.tries }

    /// How many concepts the index holds.
    var conceptCount: Int { storage.conceptCount }

    /// Whether its tries have been built (by a first use).
    var isBuilt: Bool { built.withLock { $0 != nil } }

    private var storage: Built {
        built.withLock { built in
            if let built { return built }
            let made = make()
            built = made
            return made
        }
    }

    private init(languages: Set<Language>, make: @escaping @Sendable () -> Built) {
        self.languages = languages
        self.make = make
    }

    convenience init(_ lexicon: Lexicon) {
        self.init(languages: Set(lexicon.languages)) {
            let trie = Trie(lexicon)
            return Built(tries: [(trie, 0)], conceptCount: trie.conceptCount)
        }
    }

    /// The index of the shipped lexicon files `names` (in `Resources/`, without `.tsv`), read straight into the
    /// tries: the same index as that of ``Lexicon``'s bundled lexicons, without building their entries. Only the
    /// files' column headers are read until the index is first used.
    convenience init(bundled names: [String]) {
        let files = names.compactMap { name in (try? BundledData.text(named: "\(name).tsv")).map { ($0, "\(name).tsv") } }
        var languages = Set<Language>()
        for (tsv, _) in files { languages.formUnion(Lexicon.headerLanguages(of: tsv)) }
        self.init(languages: languages) {
            do {
                let trie = try Trie(files: files)
                return Built(tries: [(trie, 0)], conceptCount: trie.conceptCount)
            } catch {
                preconditionFailure("a bundled lexicon is malformed: \(error)")
            }
        }
    }

    /// The concepts of several indexes, numbered one after the other.
    convenience init(combining indexes: [LexiconIndex]) {
        self.init(languages: indexes.reduce(into: Set<Language>()) { $0.formUnion($1.languages) }) {
            var tries: [(trie: Trie, offset: Int32)] = []
            var offset: Int32 = 0
            for index in indexes {
                for (trie, inner) in index.tries { tries.append((trie, offset + inner)) }
                offset += Int32(index.conceptCount)
            }
            return Built(tries: tries, conceptCount: Int(offset))
        }
    }

    /// Builds the tries now if the index can relate versions written in `first` and `second` (``relates(_:_:)``).
    func prepare(relating first: Set<Language>, _ second: Set<Language>) {
        if relates(first, second) { _ = storage }
    }

    /// Whether the index can relate any words of versions written in `first` and `second` (each the languages of
    /// one version's sentences): it must know a language of each.
    func relates(_ first: Set<Language>, _ second: Set<Language>) -> Bool {
        !languages.isDisjoint(with: first) && !languages.isDisjoint(with: second)
    }

    /// The matching key of a word in `language`.
    static func key(_ word: String, language: Language) -> String {
        language == .vietnamese ? Normalization.matchingForm(word).lowercased() : Normalization.folded(word)
    }

    static func keys(of expression: String, language: Language) -> [String] {
        UnitBuilder.words(of: Array(expression.unicodeScalars)).map { key($0.text, language: language) }
    }

    /// A label of `concept` that stays the same when concepts are numbered otherwise (another version of the
    /// lexicons): the keys of its first expression in the first language by code (English for the shipped
    /// lexicons), as in `"party central committee"`.
    func label(of concept: Int32) -> String {
        for (trie, offset) in tries.reversed() where concept >= offset {
            return trie.labels[Int(concept - offset)]
        }
        return ""
    }

    /// For each word of `keys` (matching keys of a sentence's words, in order), the concepts of every expression
    /// that covers it.
    func concepts(ofWords keys: [String], language: Language) -> [[Int32]] {
        var result = Array(repeating: [Int32](), count: keys.count)
        for (trie, offset) in tries {
            guard let nodes = trie.nodes[language] else { continue }
            let ids = keys.map { key -> Int32? in
                var key = key
                let id = key.withUTF8 { nodes.words.id(buffer: $0) }
                return id >= 0 ? id : nil
            }
            for start in keys.indices {
                var node: Int32 = 0
                var k = start
                while k < ids.count, let id = ids[k], let child = nodes.child(of: node, word: id) {
                    node = child
                    k += 1
                    for concept in nodes.concepts[Int(node)] {
                        let global = concept + offset
                        for w in start..<k where !result[w].contains(global) { result[w].append(global) }
                    }
                }
            }
        }
        return result
    }
}

extension LexiconIndex {
    /// The concepts that `sentence` (in `language`) names by its longest expressions, read left to right: at each
    /// word the longest expression that starts there, then on after it (`ban chấp hành trung ương đảng` gives the
    /// concept of the whole, not those of `ban chấp hành` and `trung ương` as well). The sentence is normalised
    /// once, as a whole, and its words are looked up by their bytes.
    func longestConcepts(in sentence: String, language: Language) -> [Int32] {
        var keyed = language == .vietnamese ? Normalization.matchingForm(sentence).lowercased() : Normalization.folded(sentence)
        var result: [Int32] = []
        keyed.withUTF8 { bytes in
            var words: [Range<Int>] = []
            UnitBuilder.forEachWord(in: UTF8Text(bytes: bytes)) { words.append($0) }
            for (trie, offset) in tries {
                guard let nodes = trie.nodes[language] else { continue }
                let ids = words.map { nodes.words.id(buffer: UnsafeBufferPointer(rebasing: bytes[$0])) }
                var start = 0
                while start < ids.count {
                    var node: Int32 = 0, k = start
                    var longest: (end: Int, node: Int32)?
                    while k < ids.count, ids[k] >= 0, let child = nodes.child(of: node, word: ids[k]) {
                        node = child
                        k += 1
                        if !nodes.concepts[Int(node)].isEmpty { longest = (k, node) }
                    }
                    guard let longest else { start += 1; continue }
                    for concept in nodes.concepts[Int(longest.node)] { result.append(concept + offset) }
                    start = longest.end
                }
            }
        }
        return result
    }
}
