import Foundation

/// What document pairing knows of one document: its languages, its length, and the anchors that survive
/// translation (numbers, document references, proper names with diacritics folded).
///
/// Profiles are small; build them as documents stream past and keep only the profiles for pairing.
public struct PairingProfile: Sendable, Hashable, Codable {
    /// The languages that hold at least a tenth of the body text, most first. A file that switches language
    /// midway (a Vietnamese lead, then the French translation) has two.
    public var languages: [Language]
    /// Characters of body text and headings (captions and page furniture left out).
    public var characters: Int
    /// By the language of the sentences they occur in, anchors and how often they occur.
    public var anchors: [Language: [Anchor: Int]]
    /// Anchor (whatever the language) → where it first occurs, as a share of the body text (0 … 1). Translations
    /// mention shared anchors in much the same order; two outlets' reports of one event less so.
    public var positions: [Anchor: Double]

    /// The language most of the body is in (`und` for a document without body text).
    public var mainLanguage: Language { languages.first ?? .undetermined }

    public init(languages: [Language], characters: Int, anchors: [Language: [Anchor: Int]], positions: [Anchor: Double] = [:]) {
        self.languages = languages
        self.characters = characters
        self.anchors = anchors
        self.positions = positions
    }

    private enum CodingKeys: String, CodingKey { case languages, characters, anchors, positions }

    /// Reads a stored profile: anchors keyed by language code, a tab and the anchor (`"vi\tn1029"`), positions by
    /// the anchor alone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        languages = try container.decode([Language].self, forKey: .languages)
        characters = try container.decode(Int.self, forKey: .characters)
        func anchor(_ text: some StringProtocol, key: CodingKeys) throws -> Anchor {
            guard let anchor = Anchor(String(text)) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an anchor: \(text)")
            }
            return anchor
        }
        var anchors: [Language: [Anchor: Int]] = [:]
        for (key, count) in try container.decode([String: Int].self, forKey: .anchors) {
            guard let tab = key.firstIndex(of: "\t"), let language = Language(code: String(key[..<tab])) else {
                throw DecodingError.dataCorruptedError(forKey: .anchors, in: container,
                                                       debugDescription: "not a language code, a tab and an anchor: \(key)")
            }
            anchors[language, default: [:]][try anchor(key[key.index(after: tab)...], key: .anchors)] = count
        }
        self.anchors = anchors
        // Profiles stored before positions were kept: no order evidence.
        var positions: [Anchor: Double] = [:]
        for (key, position) in try container.decodeIfPresent([String: Double].self, forKey: .positions) ?? [:] {
            positions[try anchor(key, key: .positions)] = position
        }
        self.positions = positions
    }

    /// Writes the profile as it is stored: anchors under `"vi\tn1029"`, positions under `"n1029"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(languages, forKey: .languages)
        try container.encode(characters, forKey: .characters)
        var counts: [String: Int] = [:]
        for (language, anchors) in self.anchors {
            for (anchor, count) in anchors { counts[language.code + "\t" + anchor.description] = count }
        }
        try container.encode(counts, forKey: .anchors)
        try container.encode(Dictionary(uniqueKeysWithValues: positions.map { ($0.key.description, $0.value) }), forKey: .positions)
    }

    /// How far into a document's body text (in characters) its sentences' concepts are read: an article says what
    /// it is about in its title, sapo and lead, and reading every word of a long text against the lexicons would
    /// cost more than all the rest of its profile.
    static let conceptCharacters = 1_000

    /// The stored form (what ``encode(to:)`` writes through `JSONEncoder.stable()`, byte for byte), written
    /// directly: a profile holds a few hundred anchors, and an encoder's cost per value would weigh on every
    /// document a batch reads.
    public var storedJSON: String {
        get throws {
            var json = JSONBytes()
            json.put("{\"anchors\":{")
            var counts: [(key: String, count: Int)] = []
            for (language, anchors) in self.anchors {
                for (anchor, count) in anchors { counts.append((language.code + "\t" + anchor.description, count)) }
            }
            counts.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (k, member) in counts.enumerated() {
                if k > 0 { json.put(",") }
                json.quoted(member.key)
                json.put(":")
                json.put(member.count)
            }
            json.put("},\"characters\":")
            json.put(characters)
            json.put(",\"languages\":")
            json.quotedList(languages.map(\.code))
            json.put(",\"positions\":{")
            let places = positions.map { ($0.key.description, $0.value) }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (k, (key, place)) in places.enumerated() {
                if k > 0 { json.put(",") }
                json.quoted(key)
                json.put(":")
                try json.number(place)
            }
            json.put("}}")
            return json.text
        }
    }

    /// The profile of a segmented document: only body and heading sentences count, since captions and furniture
    /// differ between versions; the concepts of the lexicons are read in the first 1,000 characters of body text.
    public init(document: Document) {
        var characters = 0
        var anchors: [Language: [Anchor: Int]] = [:]
        var firstSeen: [Anchor: Int] = [:]
        for paragraph in document.paragraphs where paragraph.kind == .body || paragraph.kind == .heading {
            for sentence in document.sentences(of: paragraph) {
                let text = document.text(of: sentence)
                let scalars = Array(text.unicodeScalars)
                var found = Self.anchors(in: scalars)
                if sentence.language.isDetermined, characters < Self.conceptCharacters {
                    found += Self.concepts(in: String(text), language: sentence.language)
                }
                for anchor in found {
                    anchors[sentence.language, default: [:]][anchor, default: 0] += 1
                    if firstSeen[anchor] == nil { firstSeen[anchor] = characters }
                }
                characters += scalars.count
            }
        }
        self.positions = firstSeen.mapValues { Double($0) / Double(max(characters, 1)) }
        let shares = document.languageBytes
        let total = shares.reduce(0) { $0 + $1.bytes }
        self.languages = shares.filter { $0.bytes * 10 >= total }.map(\.language)
        self.characters = characters
        self.anchors = anchors
    }

    /// Numbers (grouping and decimal marks removed), references, months (named in words, or of a date written in
    /// digits day first: `January 29`, `29 janvier` and `29/1` all give month 1), Roman ordinals of two capitals or
    /// more as numbers (`khóa XIII`, `XIIIe` and `13th` all give 13), and names: every capitalised word after the
    /// first of its sentence, and every two consecutive capitalised words ("nghe an"), folded. The profile adds,
    /// for a sentence in a known language, the concepts of the hand-made lexicons it names
    /// (``concepts(in:language:index:)``: `Bộ Chính trị`, `Politburo` and `Bureau politique` all give
    /// `politburo`), so that a page that names no person and writes its dates its own way still says what it is
    /// about, in terms every version shares.
    static func anchors(in scalars: [Unicode.Scalar]) -> [Anchor] {
        var result = Anchors.numbers(in: scalars).filter { $0.form.count > 1 }  // one-digit numbers say little
        if scalars.contains("/") { result += Anchors.references(in: scalars) }
        result += romanOrdinals(in: scalars)
        // A month named in a date comes with its day or year: sentences without a digit are not read for months, and
        // their words are read for names only (no string for a word without a capital).
        let hasDigit = scalars.contains { $0.value >= 0x30 && $0.value <= 0x39 }
        let words = UnitBuilder.words(of: scalars, capitalisedTextOnly: !hasDigit)
        if hasDigit {
            result += digitDateMonths(in: scalars)
            for word in words where (3...9).contains(word.text.unicodeScalars.count) {
                if let month = Anchors.month(Normalization.folded(word.text)) { result.append(Anchor(.month, String(month))) }
            }
        }
        var previous: String?
        for (k, word) in words.enumerated() {
            guard k > 0, word.capitalised else { previous = nil; continue }
            let folded = Normalization.folded(word.text)
            if folded.count >= 3 { result.append(Anchor(.name, folded)) }
            if let previous { result.append(Anchor(.namePair, previous + " " + folded)) }
            previous = folded
        }
        return result
    }
}

extension PairingProfile {
    /// The month of each date written in digits, day first (`29/1`, `29-1-2021`, `18.7.2023`), as a month anchor,
    /// as a month written in words gives one (`January 29`, `29 janvier`).
    static func digitDateMonths(in scalars: [Unicode.Scalar]) -> [Anchor] {
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].value >= 0x30 && scalars[k].value <= 0x39 }
        func number(from k: Int) -> (value: Int, end: Int) {
            var e = k, value = 0
            while isDigit(e) { value = value * 10 + Int(scalars[e].value - 0x30); e += 1 }
            return (value, e)
        }
        var result: [Anchor] = []
        var k = 0
        while k < scalars.count {
            guard isDigit(k), !isDigit(k - 1) else { k += 1; continue }
            let day = number(from: k)
            let separator = day.end < scalars.count ? scalars[day.end] : " "
            guard day.end - k <= 2, day.value >= 1, day.value <= 31, separator == "/" || separator == "-" || separator == ".",
                  isDigit(day.end + 1) else { k = day.end; continue }
            let month = number(from: day.end + 1)
            let after = month.end < scalars.count ? scalars[month.end] : " "
            let yearFollows = after == separator && isDigit(month.end + 1)
            let endsThere = !(after.properties.isAlphabetic || isDigit(month.end)) && (after != separator || yearFollows)
            if month.end - day.end - 1 <= 2, month.value >= 1, month.value <= 12, endsThere {
                result.append(Anchor(.month, String(month.value)))
            }
            k = month.end
        }
        return result
    }

    /// Roman numerals of two letters or more written in capitals (`XIII`, `XIIIe`), as numbers: the ordinals of
    /// congresses and terms that English writes in digits (`khóa XIII`, `13th`).
    static func romanOrdinals(in scalars: [Unicode.Scalar]) -> [Anchor] {
        let values: [Unicode.Scalar: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var result: [Anchor] = []
        var k = 0
        while k < scalars.count {
            guard values[scalars[k]] != nil, k == 0 || !scalars[k - 1].properties.isAlphabetic else { k += 1; continue }
            var e = k
            while e < scalars.count, values[scalars[e]] != nil { e += 1 }
            var end = e
            if end < scalars.count, scalars[end] == "e" || scalars[end] == "è" { end += 1 }
            if end - e == 1, end < scalars.count, scalars[end] == "m" { end += 1 }  // XIIIème
            let letters = Array(scalars[k..<e])
            let boundary = end >= scalars.count || !scalars[end].properties.isAlphabetic
            if letters.count >= 2, boundary {
                var total = 0
                for (i, letter) in letters.enumerated() {
                    let value = values[letter]!
                    if i + 1 < letters.count, value < values[letters[i + 1]]! { total -= value } else { total += value }
                }
                if total > 1, total < 100 { result.append(Anchor(.number, String(total))) }
            }
            k = end
        }
        return result
    }

    /// The concepts of the hand-made lexicons that a sentence in `language` names by its longest expressions
    /// (``LexiconIndex/longestConcepts(in:language:)``), each once, in the order first met, as anchors named by the
    /// concept's label (``LexiconIndex/label(of:)``: it does not change when the lexicons' concepts are numbered
    /// otherwise; two concepts of one label are one anchor).
    static func concepts(in text: String, language: Language, index: LexiconIndex = .handMade) -> [Anchor] {
        var labels = Set<String>()
        var result: [Anchor] = []
        for concept in index.longestConcepts(in: text, language: language) {
            let label = index.label(of: concept)
            if labels.insert(label).inserted { result.append(Anchor(.concept, label)) }
        }
        return result
    }
}

/// A group of documents found to be versions of the same article (or a document standing alone).
public struct ArticleBundle: Sendable, Hashable, Codable {
    /// How the correspondence was established.
    public enum Method: String, Sendable, Codable {
        /// Listed together in a manifest given by the user.
        case manifest
        /// The same article id (from a URL or an `id` field) in every version.
        case articleID = "article-id"
        /// The same file name but for a language code (`notice.vi.txt`, `notice.en.txt`).
        case fileName = "file-name"
        /// Found by ``DocumentPairer`` from shared anchors and length.
        case anchors
        /// No counterpart found: processed alone.
        case single
    }

    /// Indices of the member documents, in input order.
    public var members: [Int]
    public var method: Method
    /// For bundles found from anchors, the lowest pairwise score among members (0...1); 1 for known
    /// correspondences; `nil` for a document alone.
    public var score: Double?

    public init(members: [Int], method: Method, score: Double?) {
        self.members = members
        self.method = method
        self.score = score
    }
}

/// Finds which documents are versions of the same article, the way document-alignment systems do: documents in
/// different languages that share rare anchors (weighted by inverse document frequency, compared by cosine) and
/// have compatible lengths are linked greedily, best score first, into bundles of at most three versions with
/// one main language each.
///
/// Deterministic: the same profiles give the same bundles, whatever order the work was done in.
public struct DocumentPairer: Sendable {
    /// Pairs scoring below this stay apart.
    public var minimumScore: Double = 0.12
    /// The spread of the log length ratio that length compatibility tolerates.
    public var lengthSpread: Double = 0.6
    /// Anchors found in more than this share of the documents are ignored (too common to tell articles apart).
    public var maximumAnchorShare: Double = 0.5
    /// Pairs sharing fewer distinct names, numbers and references than this stay apart, whatever their cosine
    /// (one shared number is chance) and whatever concepts they share (two reports on one subject name the same
    /// bodies and measures; two versions of one article also name the same people, places, dates or documents).
    public var minimumSharedAnchors = 3
    /// How much disagreement in the order of shared anchors lowers a pair's score (the agreement, 0 … 1, raised to
    /// this power).
    public var orderWeight = 1.0
    /// How many threads score the candidate pairs (the bundles do not depend on it).
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    public init() {}

    /// The score of two documents as versions of one article, in 0...1: anchor cosine weighted by length
    /// compatibility. Documents with the same main language score 0.
    public func score(_ a: PairingProfile, _ b: PairingProfile, in collection: [PairingProfile]) -> Double {
        let idf = inverseFrequencies(collection)
        return score(a, vector(a, idf), b, vector(b, idf))
    }

    /// Every pair's score (`first < second`, indices into `profiles`), for inspection: quadratic in the number of
    /// documents, with the anchor weights computed once.
    public func scores(_ profiles: [PairingProfile]) -> [(first: Int, second: Int, score: Double)] {
        let idf = inverseFrequencies(profiles)
        let vectors = profiles.map { vector($0, idf) }
        return profiles.indices.flatMap { i in
            profiles.indices[(i + 1)...].map { j in (i, j, score(profiles[i], vectors[i], profiles[j], vectors[j])) }
        }
    }

    private func score(_ a: PairingProfile, _ va: [Anchor: Weighted], _ b: PairingProfile, _ vb: [Anchor: Weighted]) -> Double {
        let shared = va.filter { anchor, x in anchor.kind != .concept && (vb[anchor].map { crosses(x, $0) } ?? false) }
        guard shared.count >= minimumSharedAnchors else { return 0 }
        return combined(cosine: dot(va, vb) / max(norm(va) * norm(vb), .leastNonzeroMagnitude), a, b,
                        order: orderAgreement(va, a, vb, b))
    }

    /// How far the shared anchors come in the same order in both documents: the share of concordant pairs among
    /// pairs of shared anchors (Kendall's agreement), 1 when fewer than three anchors are shared or positions are
    /// unknown.
    private func orderAgreement(_ va: [Anchor: Weighted], _ a: PairingProfile, _ vb: [Anchor: Weighted], _ b: PairingProfile) -> Double {
        let shared = va.keys.filter { anchor in vb[anchor].map { crosses(va[anchor]!, $0) } ?? false }.sorted()
        let points = shared.compactMap { anchor -> (Double, Double)? in
            guard let x = a.positions[anchor], let y = b.positions[anchor] else { return nil }
            return (x, y)
        }
        return Self.agreement(points)
    }

    /// The share of concordant pairs among the pairs of `points` that are concordant or discordant (Kendall's
    /// agreement of the two coordinates), 1 for fewer than three points or no such pair.
    static func agreement(_ points: [(Double, Double)]) -> Double {
        guard points.count >= 3 else { return 1 }
        var concordant = 0, discordant = 0
        for i in points.indices {
            for j in points.indices where j > i {
                let product = (points[i].0 - points[j].0) * (points[i].1 - points[j].1)
                if product > 0 { concordant += 1 } else if product < 0 { discordant += 1 }
            }
        }
        return concordant + discordant == 0 ? 1 : Double(concordant) / Double(concordant + discordant)
    }

    /// Groups `profiles` into bundles. `known` lists groups already known to correspond (by manifest, article id
    /// or file name, with their method): they are kept as given and not paired further. Every document ends in
    /// exactly one bundle; bundles come in the order of their first member.
    public func bundles(_ profiles: [PairingProfile],
                        known: [(members: [Int], method: ArticleBundle.Method)] = []) -> [ArticleBundle] {
        var bundleOf = [Int?](repeating: nil, count: profiles.count)
        var groups: [[Int]] = []
        var methods: [ArticleBundle.Method] = []
        var scores: [Double?] = []
        for group in known where !group.members.isEmpty {
            let members = group.members.filter { bundleOf[$0] == nil }.sorted()
            guard !members.isEmpty else { continue }
            for member in members { bundleOf[member] = groups.count }
            groups.append(members)
            methods.append(members.count > 1 ? group.method : .single)
            scores.append(members.count > 1 ? 1 : nil)
        }
        let free = profiles.indices.filter { bundleOf[$0] == nil && profiles[$0].mainLanguage.isDetermined }
        let scored = candidateScores(profiles, free: free)
        var candidates: [(a: Int, b: Int, score: Double)] = []
        var pairScore: [Int64: Double] = [:]
        func key(_ a: Int, _ b: Int) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }
        for (i, d) in free.enumerated() {
            for (e, score) in scored[i] {
                pairScore[key(d, e)] = score
                if score >= minimumScore { candidates.append((d, e, score)) }
            }
        }
        candidates.sort { ($0.score, $1.a, $1.b) > ($1.score, $0.a, $0.b) }

        // Greedy linking, best first: join two bundles when their main languages stay distinct, they hold at most
        // three versions together, and every cross pair clears the threshold.
        var autoGroups: [Int: [Int]] = [:]   // representative → members
        var representative = Dictionary(uniqueKeysWithValues: free.map { ($0, $0) })
        for candidate in candidates {
            let ra = representative[candidate.a]!, rb = representative[candidate.b]!
            guard ra != rb else { continue }
            let ma = autoGroups[ra] ?? [ra], mb = autoGroups[rb] ?? [rb]
            guard ma.count + mb.count <= 3 else { continue }
            let languages = (ma + mb).map { profiles[$0].mainLanguage }
            guard Set(languages).count == languages.count else { continue }
            let cross = ma.flatMap { x in mb.map { y in pairScore[key(x, y)] ?? 0 } }
            guard cross.allSatisfy({ $0 >= minimumScore }) else { continue }
            let merged = (ma + mb).sorted()
            autoGroups[ra] = nil
            autoGroups[rb] = nil
            autoGroups[merged[0]] = merged
            for member in merged { representative[member] = merged[0] }
        }
        for members in autoGroups.values {
            for member in members { bundleOf[member] = groups.count }
            var lowest = 1.0
            for (i, x) in members.enumerated() { for y in members[(i + 1)...] { lowest = min(lowest, pairScore[key(x, y)] ?? 0) } }
            groups.append(members)
            methods.append(.anchors)
            scores.append(lowest)
        }
        for d in profiles.indices where bundleOf[d] == nil {
            bundleOf[d] = groups.count
            groups.append([d])
            methods.append(.single)
            scores.append(nil)
        }
        return groups.indices
            .map { ArticleBundle(members: groups[$0], method: methods[$0], score: scores[$0]) }
            .sorted { $0.members[0] < $1.members[0] }
    }

    // MARK: - Weights

    /// An anchor's weight and the languages it was seen in, for one document.
    struct Weighted {
        var weight: Double
        var languages: Set<Language>
    }

    /// For each document of `free` (indices into `profiles`), the later documents of `free` it may pair with and
    /// their scores (``score(_:_:in:)``'s, for pairs that share enough anchors across languages): only documents
    /// that share an anchor are compared, through an inverted index, on ``workers`` threads (each writes its own
    /// slots and sums in its own buffers).
    func candidateScores(_ profiles: [PairingProfile], free: [Int]) -> [[(other: Int, score: Double)]] {
        let idf = inverseFrequencies(profiles)
        let vectors = profiles.map { vector($0, idf) }
        let norms = vectors.map(norm)
        let index = AnchorIndex(vectors: vectors, documents: free, profiles: profiles)
        var scored = [[(other: Int, score: Double)]](repeating: [], count: free.count)
        let threads = max(1, min(workers, free.count))
        scored.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                var sums = AnchorIndex.Sums(documents: profiles.count)
                for i in stride(from: thread, to: free.count, by: threads) {
                    let d = free[i]
                    slots[i] = index.sharing(d, sums: &sums).compactMap { e, dotProduct, shared in
                        guard shared >= minimumSharedAnchors else { return nil }
                        let score = combined(cosine: dotProduct / max(norms[d] * norms[e], .leastNonzeroMagnitude), profiles[d], profiles[e],
                                             order: index.orderAgreement(d, e))
                        return (e, score)
                    }
                }
            }
        }
        return scored
    }

    /// Inverse document frequencies of the anchors that occur in sentences of at least two languages somewhere in
    /// the collection: only those can link translations ("1029", "nghe an"); words of one language ("tinh uy",
    /// "comite") cannot, and would only blur the comparison.
    private func inverseFrequencies(_ profiles: [PairingProfile]) -> [Anchor: Double] {
        var frequency: [Anchor: Int] = [:]
        var languages: [Anchor: Set<Language>] = [:]
        for profile in profiles {
            var seen = Set<Anchor>()
            for (language, anchors) in profile.anchors {
                for anchor in anchors.keys {
                    languages[anchor, default: []].insert(language)
                    if seen.insert(anchor).inserted { frequency[anchor, default: 0] += 1 }
                }
            }
        }
        let n = Double(max(profiles.count, 2))
        var idf: [Anchor: Double] = [:]
        for (anchor, count) in frequency where languages[anchor]!.count >= 2 {
            // Anchors in nearly every document tell nothing.
            guard Double(count) <= max(2, maximumAnchorShare * n) else { continue }
            idf[anchor] = log(n / Double(count)) + 0.1
        }
        return idf
    }

    private func vector(_ profile: PairingProfile, _ idf: [Anchor: Double]) -> [Anchor: Weighted] {
        var counts: [Anchor: (Int, Set<Language>)] = [:]
        for (language, anchors) in profile.anchors {
            for (anchor, count) in anchors where idf[anchor] != nil {
                counts[anchor, default: (0, [])].0 += count
                counts[anchor, default: (0, [])].1.insert(language)
            }
        }
        var result: [Anchor: Weighted] = [:]
        for (anchor, (count, languages)) in counts {
            result[anchor] = Weighted(weight: (1 + log(Double(count))) * idf[anchor]!, languages: languages)
        }
        return result
    }

    /// Whether an anchor shared by two documents links across languages: not when both saw it in one and the
    /// same language only (two Vietnamese texts sharing "Tỉnh ủy" are not translations of each other).
    private func crosses(_ a: Weighted, _ b: Weighted) -> Bool {
        !(a.languages.count == 1 && a.languages == b.languages)
    }

    private func dot(_ a: [Anchor: Weighted], _ b: [Anchor: Weighted]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var sum = 0.0
        for (anchor, x) in small {
            if let y = large[anchor], crosses(x, y) { sum += x.weight * y.weight }
        }
        return sum
    }

    private func norm(_ v: [Anchor: Weighted]) -> Double { sqrt(v.values.reduce(0) { $0 + $1.weight * $1.weight }) }

    /// The pair score, rounded to nine decimals: sums taken in another order differ in their last bits, and equal
    /// scores must stay equal so that ties are broken by input order, the same way in every run.
    private func combined(cosine: Double, _ a: PairingProfile, _ b: PairingProfile, order: Double) -> Double {
        guard a.mainLanguage != b.mainLanguage, a.characters > 0, b.characters > 0 else { return 0 }
        let ratio = log(Double(a.characters) / Double(b.characters))
        let compatibility = exp(-ratio * ratio / (2 * lengthSpread * lengthSpread))
        return (min(cosine, 1) * (0.5 + 0.5 * compatibility) * pow(order, orderWeight) * 1e9).rounded() / 1e9
    }
}

extension DocumentPairer {
    /// The anchors of the documents to pair, numbered, with an inverted index from each anchor to the documents
    /// that hold it: what scoring every candidate pair reads, in arrays rather than dictionaries.
    struct AnchorIndex: Sendable {
        /// One anchor of one document: the anchor's number, its weight there, and the one language it was seen in
        /// (-1 when several).
        struct Entry: Sendable {
            var anchor: Int32
            var weight: Double
            var language: Int32
            /// Whether the anchor is a concept (not counted among the shared anchors a pair needs).
            var isConcept = false
        }
        /// Per document (by its index among the profiles; empty for those not paired), its anchors sorted by number,
        /// and the place of each in the text (NaN when unknown).
        private let entries: [[Entry]]
        private let positions: [[Double]]
        /// Per anchor number, the documents that hold it (ascending) and the anchor's entry in each.
        private let postings: [[(document: Int32, entry: Int32)]]
        private let languages: [Int32]

        init(vectors: [[Anchor: Weighted]], documents: [Int], profiles: [PairingProfile]) {
            var numbers: [Anchor: Int32] = [:]
            var languageNumbers: [Language: Int32] = [:]
            // Anchors numbered in their own order, so that every run numbers them alike.
            for anchor in Set(documents.flatMap { vectors[$0].keys }).sorted() { numbers[anchor] = Int32(numbers.count) }
            var entries = [[Entry]](repeating: [], count: profiles.count)
            var positions = [[Double]](repeating: [], count: profiles.count)
            var postings = [[(document: Int32, entry: Int32)]](repeating: [], count: numbers.count)
            for d in documents.sorted() {
                let sorted = vectors[d].map { ($0.key, $0.value) }.sorted { numbers[$0.0]! < numbers[$1.0]! }
                for (k, (anchor, weighted)) in sorted.enumerated() {
                    let number = numbers[anchor]!
                    var language: Int32 = -1
                    if weighted.languages.count == 1, let only = weighted.languages.first {
                        if languageNumbers[only] == nil { languageNumbers[only] = Int32(languageNumbers.count) }
                        language = languageNumbers[only]!
                    }
                    entries[d].append(Entry(anchor: number, weight: weighted.weight, language: language,
                                            isConcept: anchor.kind == .concept))
                    positions[d].append(profiles[d].positions[anchor] ?? .nan)
                    postings[Int(number)].append((Int32(d), Int32(k)))
                }
            }
            self.entries = entries
            self.positions = positions
            self.postings = postings
            languages = profiles.map { profile in
                if languageNumbers[profile.mainLanguage] == nil { languageNumbers[profile.mainLanguage] = Int32(languageNumbers.count) }
                return languageNumbers[profile.mainLanguage]!
            }
        }

        /// Whether an anchor shared by two documents links across languages (``DocumentPairer``'s rule: not when
        /// both saw it in one and the same language only).
        @inline(__always)
        private static func crosses(_ a: Entry, _ b: Entry) -> Bool { a.language < 0 || a.language != b.language }

        /// A worker's running sums over the documents.
        struct Sums {
            var dot: [Double]
            /// Per document, how many names, numbers and references (not concepts) it shares.
            var shared: [Int32]
            var touched: [Int] = []
            init(documents: Int) {
                dot = Array(repeating: 0, count: documents)
                shared = Array(repeating: 0, count: documents)
            }
        }

        /// The later documents whose main language differs from `d`'s and that share an anchor with it across
        /// languages: the dot product of their anchor weights and how many names, numbers and references (not
        /// concepts) they share, in document order.
        func sharing(_ d: Int, sums: inout Sums) -> [(document: Int, dot: Double, shared: Int)] {
            for entry in entries[d] {
                for (e, k) in postings[Int(entry.anchor)] where Int(e) > d && languages[Int(e)] != languages[d] {
                    let other = entries[Int(e)][Int(k)]
                    guard Self.crosses(entry, other) else { continue }
                    if sums.dot[Int(e)] == 0 { sums.touched.append(Int(e)) }  // weights are positive
                    sums.dot[Int(e)] += entry.weight * other.weight
                    if !entry.isConcept { sums.shared[Int(e)] += 1 }
                }
            }
            sums.touched.sort()
            let result = sums.touched.map { ($0, sums.dot[$0], Int(sums.shared[$0])) }
            for e in sums.touched {
                sums.dot[e] = 0
                sums.shared[e] = 0
            }
            sums.touched.removeAll(keepingCapacity: true)
            return result
        }

        /// How far the anchors `a` and `b` share (across languages) come in the same order in both: the share of
        /// concordant pairs among pairs of them (Kendall's agreement), 1 when fewer than three have known places.
        func orderAgreement(_ a: Int, _ b: Int) -> Double {
            var points: [(Double, Double)] = []
            let x = entries[a], y = entries[b]
            var i = 0, j = 0
            while i < x.count && j < y.count {
                if x[i].anchor < y[j].anchor { i += 1; continue }
                if x[i].anchor > y[j].anchor { j += 1; continue }
                if Self.crosses(x[i], y[j]), !positions[a][i].isNaN, !positions[b][j].isNaN {
                    points.append((positions[a][i], positions[b][j]))
                }
                i += 1
                j += 1
            }
            return DocumentPairer.agreement(points)
        }
    }
}
