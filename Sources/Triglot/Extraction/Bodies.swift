import Foundation

/// The named bodies Triglot knows (`Resources/bodies.tsv`): Party, State and Front organisations at every
/// level, with their names in Vietnamese, English and French. Loaded once; extend the file to teach new names.
public struct BodyGazetteer: Sendable {
    public struct Body: Sendable {
        public var id: String
        public var level: String
        public var vietnamese: [String]
        /// For renamed or merged bodies: the body exists until (exclusive) / from this month, "YYYY-MM".
        public var until: String?
        public var from: String?
    }

    /// Bodies by identifier.
    public let bodies: [String: Body]
    /// All names of all languages, as folded word sequences (`[X]` marks a place), with the bodies they name.
    fileprivate let trie: Trie

    public static let standard = BodyGazetteer()

    init() {
        var bodies: [String: Body] = [:]
        var trie = Trie()
        for line in ResourceFile.lines(named: "bodies", extension: "tsv") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 6 else { continue }
            let names = columns[2...min(5, columns.count - 1)].flatMap { $0.components(separatedBy: " | ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let validity = columns.count > 6 ? columns[6].split(separator: " ").map(String.init) : []
            bodies[columns[0]] = Body(id: columns[0], level: columns[1],
                                      vietnamese: columns[2].components(separatedBy: " | "),
                                      until: validity.first == "until" ? validity.last : nil,
                                      from: validity.first == "from" ? validity.last : nil)
            for name in names {
                let words = BodyExtractor.words(of: name).map { $0.key }
                guard !words.isEmpty else { continue }
                // Bare initials ("TW", "TU", "CP") name bodies only inside references: skip them as names.
                if words.count == 1 && name.count <= 3 { continue }
                trie.insert(words, id: columns[0])
            }
        }
        self.bodies = bodies
        self.trie = trie
    }
}

/// Word sequences → bodies, with a place slot.
fileprivate struct Trie: Sendable {
    struct Node: Sendable {
        var children: [String: Int] = [:]
        var ids: [String] = []
    }

    var nodes = [Node()]

    mutating func insert(_ words: [String], id: String) {
        var current = 0
        for word in words {
            if let next = nodes[current].children[word] {
                current = next
            } else {
                nodes.append(Node())
                nodes[current].children[word] = nodes.count - 1
                current = nodes.count - 1
            }
        }
        if !nodes[current].ids.contains(id) { nodes[current].ids.append(id) }
    }
}

/// Finds mentions of named bodies: the longest name in the gazetteer at each place, in any of the three
/// languages, with the place it names when the text gives one ("Tỉnh ủy Nghệ An", "Nghe An Provincial Party
/// Committee", "Comité provincial du Parti de Bac Ninh"). Each mention's value is a canonical identifier, the
/// body's id and the place folded: `P01@nghe-an`; when one name fits several bodies (the English and French
/// "Standing Committee" for both Thường trực and Ban Thường vụ), the value lists them: `P03|P04`.
public struct BodyExtractor: Sendable {
    let gazetteer: BodyGazetteer

    public init(gazetteer: BodyGazetteer = .standard) { self.gazetteer = gazetteer }

    struct Word {
        var key: String
        var range: Range<String.Index>
        var capitalised: Bool
    }

    static let placeSlot = "[x]"

    /// Words for matching (lower case, diacritics kept), with "'s" as a word of its own and "[X]" as the place slot.
    static func words(of text: String) -> [Word] {
        var result: [Word] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("[X]") || text[index...].hasPrefix("[Y]") {
                let end = text.index(index, offsetBy: 3)
                result.append(Word(key: placeSlot, range: index..<end, capitalised: true))
                index = end
                continue
            }
            let character = text[index]
            if character == "'" || character == "’", text[text.index(after: index)...].lowercased().hasPrefix("s"),
               !result.isEmpty {
                let after = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                if after == text.endIndex || !text[after].isLetter {
                    result.append(Word(key: "'s", range: index..<after, capitalised: false))
                    index = after
                    continue
                }
            }
            guard character.isLetter else { index = text.index(after: index); continue }
            let start = index
            while index < text.endIndex, text[index].isLetter || text[index] == "-" && index > start {
                index = text.index(after: index)
            }
            let word = text[start..<index]
            // Diacritics kept ("số" is not "Sở"), case and tone-mark placement unified.
            result.append(Word(key: Normalization.matchingForm(String(word)), range: start..<index,
                               capitalised: word.first?.isUppercase == true))
        }
        return result
    }

    /// Words that are never part of a place name.
    private static let notPlaces: Set<String> = [
        "the", "a", "an", "le", "la", "les", "l", "des", "du", "de", "un", "une", "các", "những", "this", "ce", "cette",
        "in", "on", "en", "dans", "trong", "of", "and", "et", "và",
    ]

    /// The bodies named in `text`, with spans as UTF-8 offsets into `text` plus `base`. Document codes
    /// ("1029-TB/TU") are never read as names.
    /// `date` ("YYYY-MM-DD", the article's) settles readings of bodies renamed or merged (the 2025 reforms).
    public func mentions(in text: String, base: Int = 0, language: Language = .undetermined, date: String? = nil) -> [Mention] {
        let codes = DocumentReferenceExtractor().codeRanges(in: text)
        let words = Self.words(of: text).filter { word in !codes.contains { $0.overlaps(word.range) } }
        var result: [Mention] = []
        var k = 0
        while k < words.count {
            guard var match = longestMatch(in: words, from: k) else { k += 1; continue }
            // A one-word name counts only when capitalised ("Parti", "Đảng", "Gouvernement"): in lower case it is
            // a common noun ("gouvernement" for local authorities, "đại hội đảng các cấp").
            if match.end == k + 1 && !words[k].capitalised { k += 1; continue }
            // The bare Party inside a generic compound ("congrès du Parti", "Party committees", "membres du Parti")
            // names no body of its own.
            if match.end == k + 1, match.ids == ["C01"], isGenericPartyCompound(words, at: k) { k += 1; continue }
            if let date, match.ids.count > 1 {
                let current = match.ids.filter { id in
                    guard let body = gazetteer.bodies[id] else { return true }
                    if let until = body.until, date >= until { return false }
                    if let from = body.from, date < from { return false }
                    return true
                }
                if !current.isEmpty { match.ids = current }
            }
            var first = k
            var last = match.end - 1
            var place = match.place
            // A place written outside the name: before it in English ("Nghe An Provincial Party Committee"),
            // after it in Vietnamese ("Tỉnh ủy Nghệ An") and French ("... du Parti de Bac Ninh").
            if place.isEmpty {
                var before = first
                while before > 0, first - before < 3, words[before - 1].capitalised, !isNameStart(words, before - 1) {
                    before -= 1
                }
                // An article or preposition never starts a place ("The Provincial ...").
                while before < first, Self.notPlaces.contains(words[before].key) { before += 1 }
                if before < first, before == 0 || !words[before - 1].capitalised {
                    place = Array(words[before..<first]).map(\.key)
                    first = before
                } else if let (placeWords, end) = placeAfter(words, from: match.end, directly: language == .vietnamese) {
                    place = placeWords
                    last = end - 1
                }
            }
            let range = words[first].range.lowerBound..<words[last].range.upperBound
            let placeKey = place.map { Normalization.folded($0) }.joined(separator: "-")
            let id = match.ids.sorted().joined(separator: "|") + (place.isEmpty ? "" : "@" + placeKey)
            var attributes = ["level": match.ids.compactMap { gazetteer.bodies[$0]?.level }.first ?? ""]
            if !place.isEmpty { attributes["place"] = place.joined(separator: " ") }
            result.append(Mention(type: .body,
                                  span: Span(start: base + text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                                             end: base + text.utf8.distance(from: text.startIndex, to: range.upperBound)),
                                  text: String(text[range]), value: id, attributes: attributes))
            k = last + 1
        }
        return result
    }

    private struct Match {
        var end: Int
        var ids: [String]
        var place: [String]
    }

    /// Nouns that make "du Parti" / "Party …" a generic compound rather than the Party itself.
    private static let genericHeads: Set<String> = [
        "congrès", "congress", "congresses", "membre", "membres", "member", "members", "comité", "comités", "committee",
        "committees", "organisation", "organisations", "organization", "organizations", "cellule", "cellules", "cell",
        "cells", "secrétaire", "secretary", "secrétaires", "secretaries", "cadres", "officials", "đại", "chi",
    ]

    private func isGenericPartyCompound(_ words: [Word], at k: Int) -> Bool {
        // Before: "<head> du Parti", "<head> of the Party", "<head> provincial du Parti".
        var j = k - 1
        while j >= 0, k - j <= 3, ["du", "de", "of", "the", "provincial", "provinciaux", "l"].contains(words[j].key) { j -= 1 }
        if j >= 0, k - j <= 4, Self.genericHeads.contains(words[j].key) { return true }
        // After: "Party committees", "Party members", "Party Congresses".
        if k + 1 < words.count, Self.genericHeads.contains(words[k + 1].key) { return true }
        return false
    }

    private func isNameStart(_ words: [Word], _ k: Int) -> Bool {
        gazetteer.trie.nodes[0].children[words[k].key] != nil
    }

    /// The longest name starting at word `start`, if any (a place slot takes one to three capitalised words).
    private func longestMatch(in words: [Word], from start: Int) -> Match? {
        var best: Match?
        func walk(_ node: Int, _ k: Int, _ place: [String]) {
            let here = gazetteer.trie.nodes[node]
            if !here.ids.isEmpty, k > start, best.map({ k > $0.end }) ?? true {
                best = Match(end: k, ids: here.ids, place: place)
            }
            guard k < words.count else { return }
            if let next = here.children[words[k].key] { walk(next, k + 1, place) }
            if let slot = here.children[Self.placeSlot] {
                var end = k
                while end < words.count, end - k < 3, words[end].capitalised,
                      !(end == k && Self.notPlaces.contains(words[end].key)), !isNameStart(words, end) || end == k {
                    end += 1
                    walk(slot, end, place + words[k..<end].map(\.key))
                }
            }
        }
        walk(0, start, [])
        return best
    }

    /// "Nghệ An" after a Vietnamese name; "de Bac Ninh", "de la province de Bac Giang", "of Nghe An province".
    private func placeAfter(_ words: [Word], from k: Int, directly: Bool) -> ([String], Int)? {
        var start = k
        let connectors: Set<String> = ["de", "du", "of", "province", "tỉnh", "la", "huyện", "xã", "district", "commune"]
        while start < words.count, start - k < 4, connectors.contains(words[start].key) { start += 1 }
        var end = start
        while end < words.count, end - start < 3, words[end].capitalised, !isNameStart(words, end),
              !(end == start && Self.notPlaces.contains(words[end].key)) { end += 1 }
        guard end > start else { return nil }
        // Vietnamese names take the place right after; in French and English a capitalised word right after a
        // name is more likely a person's name, so a connector is needed.
        if start == k && !directly { return nil }
        return (words[start..<end].map(\.key), end)
    }
}
