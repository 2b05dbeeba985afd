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
    /// All names of all languages, as folded word sequences (`[X]`, `[Y]`, `[E]` mark slots), with the bodies they
    /// name; and the heads of names whose parent body can be left out ("Comité permanent").
    fileprivate let trie: Trie

    public static let standard = BodyGazetteer()

    init() {
        var bodies: [String: Body] = [:]
        var trie = Trie()
        var names: [(words: [String], id: String, capitalised: Bool)] = []
        for line in ResourceFile.lines(named: "bodies", extension: "tsv") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 5 else { continue }
            var written = columns[2...min(5, columns.count - 1)].flatMap { $0.components(separatedBy: " | ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // A party organisation and its committee share a name: "Đảng bộ Khối ..." for "Đảng ủy Khối ...".
            written += written.filter { $0.hasPrefix("Đảng ủy ") }.map { "Đảng bộ " + $0.dropFirst("Đảng ủy ".count) }
            let validity = columns.count > 6 ? columns[6].split(separator: " ").map(String.init) : []
            bodies[columns[0]] = Body(id: columns[0], level: columns[1],
                                      vietnamese: columns[2].components(separatedBy: " | "),
                                      until: validity.first == "until" ? validity.last : nil,
                                      from: validity.first == "from" ? validity.last : nil)
            for name in written {
                let words = BodyExtractor.words(of: name).map { $0.key }
                guard !words.isEmpty else { continue }
                // Bare initials ("TW", "TU", "CP") name bodies only inside references: skip them as names.
                if words.count == 1 && name.count <= 3 { continue }
                let capitalised = name.first?.isUppercase == true
                trie.insert(words, id: columns[0], capitalised: capitalised)
                names.append((words, columns[0], capitalised))
            }
        }
        // Elided parents: the head of "<head> du Comité provincial du Parti", "<head> of the Provincial Party
        // Committee", "Provincial Party Committee's <head>", "<head> Tỉnh ủy" names the body alone once the document
        // has named it in full ("le Comité d'organisation"). Heads of two words or more, written capitalised.
        let fullNames = Set(names.map { $0.words })
        let connectors: Set<String> = ["du", "de", "des", "d", "la", "l", "of", "the"]
        for name in names where name.capitalised && !name.words.contains(where: BodyExtractor.isSlot) {
            let words = name.words
            for split in 1..<words.count {
                var parent = split
                while parent < words.count, connectors.contains(words[parent]) { parent += 1 }
                if parent < words.count, split >= 2, !connectors.contains(words[split - 1]), words[split - 1] != "'s",
                   fullNames.contains(Array(words[parent...])) {
                    trie.insert(Array(words[..<split]), elided: name.id)
                }
                // "Provincial Party Committee's Organization Committee": the head after the possessive.
                if words[split - 1] == "'s", fullNames.contains(Array(words[..<(split - 1)])), words.count - split >= 2 {
                    trie.insert(Array(words[split...]), elided: name.id)
                }
            }
        }
        self.bodies = bodies
        self.trie = trie
    }
}

/// Word sequences → bodies, with place, sector and event slots.
fileprivate struct Trie: Sendable {
    struct Node: Sendable {
        var children: [String: Int] = [:]
        /// Bodies a name ending here names.
        var ids: [String] = []
        /// Bodies whose elided head ends here.
        var elided: [String] = []
        /// Whether every name ending here is written capitalised in the gazetteer.
        var capitalisedOnly = true
    }

    var nodes = [Node()]

    private mutating func node(for words: [String]) -> Int {
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
        return current
    }

    mutating func insert(_ words: [String], id: String, capitalised: Bool) {
        let current = node(for: words)
        if !nodes[current].ids.contains(id) { nodes[current].ids.append(id) }
        if !capitalised { nodes[current].capitalisedOnly = false }
    }

    mutating func insert(_ words: [String], elided id: String) {
        let current = node(for: words)
        if !nodes[current].elided.contains(id) { nodes[current].elided.append(id) }
    }
}

/// Finds mentions of named bodies: the longest name in the gazetteer at each place, in any of the three
/// languages, with the place it names when the text gives one ("Tỉnh ủy Nghệ An", "Nghe An Provincial Party
/// Committee", "Comité provincial du Parti de Bac Ninh"). Each mention's value is a canonical identifier, the
/// body's id and the place folded: `P01@nghe-an`; when one name fits several bodies (the English and French
/// "Standing Committee" for both Thường trực and Ban Thường vụ), the value lists them: `P03|P04`.
///
/// A name whose parent is left out ("le Comité permanent", "the Organization Committee" after a full mention) comes
/// out with the attribute `reading` = `elided` and the bodies whose head it is; ``BodyCoreference`` settles it, and
/// the names that fit several bodies, from the rest of the document.
public struct BodyExtractor: Sendable {
    let gazetteer: BodyGazetteer

    public init(gazetteer: BodyGazetteer = .standard) { self.gazetteer = gazetteer }

    struct Word {
        var key: String
        var range: Range<String.Index>
        var capitalised: Bool
    }

    static let placeSlot = "[x]"
    static let sectorSlot = "[y]"
    static let eventSlot = "[e]"
    static func isSlot(_ key: String) -> Bool { key == placeSlot || key == sectorSlot || key == eventSlot }

    /// Words for matching (lower case, diacritics kept), with "'s" as a word of its own and "[X]", "[Y]", "[E]" as slots.
    static func words(of text: String) -> [Word] {
        var result: [Word] = []
        var index = text.startIndex
        while index < text.endIndex {
            // Slots are written in gazetteer names only; texts rarely hold a "[".
            if text[index] == "[" {
                for (written, key) in [("[X]", placeSlot), ("[Y]", sectorSlot), ("[E]", eventSlot)] where text[index...].hasPrefix(written) {
                    let end = text.index(index, offsetBy: 3)
                    result.append(Word(key: key, range: index..<end, capitalised: true))
                    index = end
                }
            }
            guard index < text.endIndex else { break }
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

    /// Words that are never part of a place name: articles, determiners, prepositions.
    private static let notPlaces: Set<String> = [
        "the", "a", "an", "le", "la", "les", "l", "des", "du", "de", "un", "une", "các", "những", "this", "ce", "cette",
        "in", "on", "en", "dans", "trong", "of", "and", "et", "và", "au", "aux", "à", "pour", "par", "avec", "sur",
        "selon", "chez", "entre", "vers", "to", "for", "by", "with", "from", "at", "as", "cho", "với", "của", "tại",
        "từ", "ở", "theo",
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
            guard var match = longestMatch(in: words, text: text, from: k, language: language) else { k += 1; continue }
            let length = match.end - k
            // A one-word name counts only when capitalised ("Parti", "Đảng", "Gouvernement"): in lower case it is
            // a common noun ("gouvernement" for local authorities, "đại hội đảng các cấp"). So does a two-word name
            // the gazetteer writes capitalised ("Nhà nước", "Chính phủ", "Bureau politique": "quản lý nhà nước" is
            // an adjective), and a head standing for a whole name ("le Comité permanent").
            if !words[k].capitalised && (length == 1 || length == 2 && match.capitalisedOnly || match.elided) {
                k += 1
                continue
            }
            // The bare Party inside a generic compound ("congrès du Parti", "Party committees", "membres du Parti")
            // names no body of its own.
            if length == 1, match.ids == ["C01"], isGenericPartyCompound(words, at: k) { k += 1; continue }
            // A plural of a short name is a class of bodies ("les comités du parti à tous les niveaux", "Party
            // committees"), and a head in the plural refers to no one body ("comités permanents du Parti").
            if match.plural && (length < 4 || match.elided) { k += 1; continue }
            // "cấp sở, ngành", "cấp tỉnh": a level, not a body.
            if k > 0, words[k - 1].key == "cấp" { k += 1; continue }
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
            if place.isEmpty && !match.elided && !match.event {
                var before = first
                while before > 0, first - before < 3, words[before - 1].capitalised, !isNameStart(words, before - 1) {
                    before -= 1
                }
                // An article or preposition never starts a place ("The Provincial ...", "Aux comités ...").
                while before < first, Self.notPlaces.contains(words[before].key) { before += 1 }
                if language != .french, language != .vietnamese, before < first, before == 0 || !words[before - 1].capitalised {
                    place = Array(words[before..<first]).map(\.key)
                    first = before
                } else if let (placeWords, end) = placeAfter(words, text: text, from: match.end, directly: language == .vietnamese) {
                    place = placeWords
                    last = end - 1
                }
            }
            let range = words[first].range.lowerBound..<words[last].range.upperBound
            let placeKey = place.map { Normalization.folded($0) }.joined(separator: "-")
            let id = match.ids.sorted().joined(separator: "|") + (place.isEmpty ? "" : "@" + placeKey)
            var attributes = ["level": match.ids.compactMap { gazetteer.bodies[$0]?.level }.first ?? ""]
            if !place.isEmpty { attributes["place"] = place.joined(separator: " ") }
            if match.elided { attributes["reading"] = "elided" }
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
        /// Read through a plural ("comités permanents des comités ..." for "comité permanent du comité ...").
        var plural = false
        /// A head standing for the whole name.
        var elided = false
        /// Through an event slot.
        var event = false
        var capitalisedOnly = true
    }

    /// Nouns that make "du Parti" / "Party …" a generic compound rather than the Party itself.
    private static let genericHeads: Set<String> = [
        "congrès", "congress", "congresses", "membre", "membres", "member", "members", "comité", "comités", "committee",
        "committees", "organisation", "organisations", "organization", "organizations", "cellule", "cellules", "cell",
        "cells", "secrétaire", "secretary", "secrétaires", "secretaries", "cadres", "officials", "đại", "chi",
        "unités", "autorités", "responsables", "dirigeants", "agences", "organes", "sections",
    ]

    private func isGenericPartyCompound(_ words: [Word], at k: Int) -> Bool {
        // Before: "<head> du Parti", "<head> of the Party", "<head> provincial du Parti", "comités permanents du Parti".
        let between: Set<String> = ["du", "de", "of", "the", "provincial", "provinciaux", "l", "permanent", "permanents"]
        var j = k - 1
        while j >= 0, k - j <= 3, between.contains(words[j].key) { j -= 1 }
        if j >= 0, k - j <= 4, Self.genericHeads.contains(words[j].key) { return true }
        // After: "Party committees", "Party members", "Party Congresses".
        if k + 1 < words.count, Self.genericHeads.contains(words[k + 1].key) { return true }
        return false
    }

    private func isNameStart(_ words: [Word], _ k: Int) -> Bool {
        gazetteer.trie.nodes[0].children[words[k].key] != nil
    }

    /// Whether only spaces (or a hyphen, an apostrophe) separate two words: no comma, stop or bracket.
    private static func adjacent(_ a: Word, _ b: Word, in text: String) -> Bool {
        text[a.range.upperBound..<b.range.lowerBound].allSatisfy { " -–'’\u{00A0}".contains($0) }
    }

    /// The keys a word can match in a name: itself, and its singular (marked plural) — "comités" for "comité",
    /// "provinciaux" for "provincial", "des" for "du" / "de", "committees" for "committee".
    private static func variants(of key: String) -> [(key: String, plural: Bool)] {
        var result = [(key, false)]
        switch key {
        case "des": return result + [("du", true), ("de", true)]
        case "aux": return result + [("au", true)]
        default: break
        }
        guard key.count >= 4 else { return result }
        if key.hasSuffix("aux") { result.append((String(key.dropLast(3)) + "al", true)) }
        if key.hasSuffix("s") { result.append((String(key.dropLast()), true)) }
        if key.hasSuffix("es") { result.append((String(key.dropLast(2)), true)) }
        return result
    }

    /// The longest name starting at word `start`, if any (a place slot takes one to three capitalised words).
    /// Names of the same length read through different paths ("Standing Committee of [X] Provincial Party
    /// Committee" and a literal name) give all their bodies; a full name beats a head of the same length.
    private func longestMatch(in words: [Word], text: String, from start: Int, language: Language) -> Match? {
        var best: Match?
        let nodes = gazetteer.trie.nodes
        func consider(_ node: Int, _ k: Int, _ place: [String], _ plural: Bool, _ event: Bool) {
            let here = nodes[node]
            guard k > start else { return }
            if !here.ids.isEmpty {
                if var current = best, current.end == k, !current.elided {
                    current.ids += here.ids.filter { !current.ids.contains($0) }
                    current.plural = current.plural && plural
                    current.capitalisedOnly = current.capitalisedOnly && here.capitalisedOnly
                    if current.place.isEmpty { current.place = place }
                    best = current
                } else if best.map({ k > $0.end || $0.end == k && $0.elided }) ?? true {
                    best = Match(end: k, ids: here.ids, place: place, plural: plural, event: event,
                                 capitalisedOnly: here.capitalisedOnly)
                }
            } else if !here.elided.isEmpty, best.map({ k > $0.end }) ?? true {
                best = Match(end: k, ids: here.elided, place: place, plural: plural, elided: true)
            }
        }
        func walk(_ node: Int, _ k: Int, _ place: [String], _ plural: Bool, _ event: Bool) {
            consider(node, k, place, plural, event)
            guard k < words.count else { return }
            let here = nodes[node]
            for (key, isPlural) in Self.variants(of: words[k].key) {
                if let next = here.children[key] { walk(next, k + 1, place, plural || isPlural, event) }
            }
            if let slot = here.children[Self.placeSlot] {
                var end = k
                while end < words.count, end - k < 3, words[end].capitalised,
                      !(end == k && Self.notPlaces.contains(words[end].key)), !isNameStart(words, end) || end == k {
                    end += 1
                    walk(slot, end, place + words[k..<end].map(\.key), plural, event)
                }
            }
            if let slot = here.children[Self.sectorSlot] {
                for end in sectorEnds(words, text: text, from: k, language: language) { walk(slot, end, place, plural, event) }
            }
            if let slot = here.children[Self.eventSlot] {
                for end in eventEnds(words, text: text, from: k, language: language) { walk(slot, end, place, plural, true) }
            }
        }
        walk(0, start, [], false, false)
        return best
    }

    /// Words that end a sector: levels and places are written after it ("des affaires intérieures du district").
    private static let notSectors: Set<String> = [
        "district", "province", "commune", "ville", "quartier", "arrondissement", "provincial", "provinciale", "huyện",
        "tỉnh", "xã", "phường", "county", "city", "ward",
    ]
    private static let frenchConnectors: Set<String> = ["de", "du", "des", "d", "la", "l", "et"]

    /// Where a sector written from word `k` may end: French "des affaires intérieures", "du travail - des invalides
    /// et des affaires sociales" (lower case after de/du/des); English "Home Affairs", "Labour, Invalids and Social
    /// Affairs"; Vietnamese "Nội vụ", "Giáo dục và Đào tạo".
    private func sectorEnds(_ words: [Word], text: String, from k: Int, language: Language) -> [Int] {
        var ends: [Int] = []
        guard k < words.count else { return ends }
        if ["de", "du", "des", "d"].contains(words[k].key) {
            var j = k
            while j < words.count, j - k < 12, j == k || Self.adjacent(words[j - 1], words[j], in: text) {
                let word = words[j]
                if Self.frenchConnectors.contains(word.key) { j += 1; continue }
                guard !word.capitalised, !Self.notSectors.contains(word.key), j > k else { break }
                j += 1
                ends.append(j)
            }
            return ends
        }
        guard words[k].capitalised else { return ends }
        var j = k
        var previousCapitalised = false
        while j < words.count, j - k < 8, j == k || Self.adjacent(words[j - 1], words[j], in: text)
                || text[words[j - 1].range.upperBound..<words[j].range.lowerBound].trimmingCharacters(in: .whitespaces) == "," {
            let word = words[j]
            if ["and", "và", "&", "of"].contains(word.key) && j > k { j += 1; previousCapitalised = false; continue }
            if Self.notSectors.contains(word.key) || j > k && isNameStart(words, j) && word.capitalised { break }
            if word.capitalised {
                previousCapitalised = true
            } else if language == .vietnamese && previousCapitalised {
                previousCapitalised = false
            } else {
                break
            }
            j += 1
            ends.append(j)
        }
        return ends
    }

    /// Event words: an organizing committee is the event's ("Ban tổ chức Hội nghị đối thoại", "Comité d'organisation
    /// du programme de réunion et de dialogue", "Organizing Committee of the Meeting and Dialogue Program"), not the
    /// Party's Ban Tổ chức.
    private static let eventHeads: [[String]] = [
        ["hội", "nghị"], ["chương", "trình"], ["đại", "hội"], ["hội", "thảo"], ["hội", "thi"], ["hội", "diễn"],
        ["lễ", "hội"], ["diễn", "đàn"], ["cuộc", "thi"], ["hội", "chợ"], ["triển", "lãm"], ["lễ"],
        ["programme"], ["conférence"], ["congrès"], ["réunion"], ["rencontre"], ["colloque"], ["séminaire"], ["forum"],
        ["festival"], ["concours"], ["cérémonie"], ["fête"], ["dialogue"], ["atelier"], ["sommet"], ["exposition"],
        ["foire"], ["tournoi"], ["salon"], ["semaine"], ["journée"], ["compétition"],
        ["program"], ["conference"], ["congress"], ["meeting"], ["seminar"], ["contest"], ["competition"], ["ceremony"],
        ["workshop"], ["summit"], ["exhibition"], ["fair"], ["tournament"], ["games"], ["week"],
    ]
    /// Words after which a Vietnamese event name has ended ("Hội nghị đối thoại liên quan ...", "... với lãnh đạo").
    private static let vietnameseStops: Set<String> = [
        "với", "của", "tại", "về", "và", "liên", "thuộc", "do", "để", "đã", "đang", "sẽ", "được", "cho", "trong", "ở",
        "năm", "ngày", "gửi", "các", "những", "này", "đó", "nhằm", "theo", "từ", "đến", "là", "có", "không", "trên",
        "dưới", "khi", "thì", "mà", "như", "chủ", "phối", "giữa", "lần", "thứ",
    ]

    private func eventHead(_ words: [Word], at k: Int) -> Int? {
        for head in Self.eventHeads where k + head.count <= words.count {
            if zip(head, words[k..<k + head.count]).allSatisfy({ $0 == $1.key }) { return head.count }
        }
        return nil
    }

    /// Where an event name written from word `k` may end.
    private func eventEnds(_ words: [Word], text: String, from k: Int, language: Language) -> [Int] {
        var ends: [Int] = []
        guard k < words.count else { return ends }
        // English: a title, "Meeting and Dialogue Program", ending on an event word.
        if language != .vietnamese && language != .french && words[k].capitalised {
            var j = k
            while j < words.count, j - k < 8, j == k || Self.adjacent(words[j - 1], words[j], in: text) {
                if ["and", "of", "for", "on", "&"].contains(words[j].key) && j > k { j += 1; continue }
                guard words[j].capitalised else { break }
                if eventHead(words, at: j) == 1 { ends.append(j + 1) }
                j += 1
            }
        }
        guard let head = eventHead(words, at: k) else { return ends }
        var j = k + head
        ends.append(j)
        if language == .vietnamese || head == 2 {
            // Vietnamese: the syllables that name the event, up to a function word or punctuation.
            while j < words.count, j - k < head + 4, Self.adjacent(words[j - 1], words[j], in: text),
                  !Self.vietnameseStops.contains(words[j].key) {
                j += 1
                ends.append(j)
            }
        } else if language != .english {
            // French: "de rencontre et de dialogue", lower-case complements after de / du / des / et.
            while j < words.count, j - k < 12, Self.adjacent(words[j - 1], words[j], in: text) {
                if Self.frenchConnectors.contains(words[j].key) { j += 1; continue }
                guard !words[j].capitalised || j == k + head, Self.frenchConnectors.contains(words[j - 1].key) else { break }
                j += 1
                ends.append(j)
            }
        }
        return ends
    }

    /// "Nghệ An" after a Vietnamese name; "de Bac Ninh", "de la province de Bac Giang", "of Nghe An province".
    private func placeAfter(_ words: [Word], text: String, from k: Int, directly: Bool) -> ([String], Int)? {
        guard k > 0 else { return nil }
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
        // Nothing but spaces between the name and its place ("Đảng, Nhà nước" is a list).
        guard (k..<end).allSatisfy({ Self.adjacent(words[$0 - 1], words[$0], in: text) }) else { return nil }
        // A person's full name is no place: "... du district de Ho Chi Cuong a proposé" (the chief, Hồ Chí Cường).
        var run = start
        while run < words.count, run - start < 4, words[run].capitalised,
              run == start || Self.adjacent(words[run - 1], words[run], in: text) { run += 1 }
        let runKeys = words[start..<run].map { Normalization.folded($0.key) }
        if run - start >= 3, PersonExtractor.familyNames.contains(runKeys[0]), runKeys.prefix(3) != ["ho", "chi", "minh"] {
            return nil
        }
        return (words[start..<end].map(\.key), end)
    }
}

/// Settles body mentions over a document, sentence by sentence in text order.
///
/// - A name that fits several bodies takes the one among them that the document last named unambiguously, either
///   in Vietnamese, the original ("Comité permanent du Comité provincial du Parti" is Thường trực or Ban Thường vụ
///   until a bilingual notice says "Thường trực Tỉnh ủy"), or by the same name with its complement written out
///   ("Département des affaires intérieures" after "département des affaires intérieures du district"); with
///   none, it keeps them all.
/// - A head standing for a whole name ("le Comité d'organisation", "le Comité permanent") takes the body, and
///   place, of the last mention it can be the head of; with none, it is dropped.
public struct BodyCoreference: Sendable {
    private var history: [(ids: [String], value: String, language: Language, text: String)] = []

    public init() {}

    /// `mentions` of one sentence written in `language`, settled.
    public mutating func settle(_ mentions: [Mention], language: Language) -> [Mention] {
        var result: [Mention] = []
        for var mention in mentions {
            guard mention.type == .body else { result.append(mention); continue }
            var value = BodyValue(mention.value)
            if mention.attributes["reading"] == "elided" {
                guard let antecedent = history.last(where: { !$0.ids.isEmpty && Set($0.ids).isSubset(of: value.ids) }) else { continue }
                value = BodyValue(antecedent.value)
            } else if value.ids.count > 1, let antecedent = history.last(where: {
                $0.ids.count == 1 && value.ids.contains($0.ids[0])
                    && ($0.language == .vietnamese || $0.text.hasPrefix(Self.key(mention.text) + " "))
            }) {
                value.ids = antecedent.ids
            }
            mention.value = value.text
            history.append((value.ids, mention.value, language, Self.key(mention.text)))
            result.append(mention)
        }
        return result
    }

    private static func key(_ text: String) -> String {
        BodyExtractor.words(of: text).map(\.key).joined(separator: " ")
    }
}

/// A body mention's value read back: its readings (one identifier, or several when the name fits several bodies,
/// `P03|P04`) and its place (`nghe-an`), written `P03|P04@nghe-an`.
struct BodyValue: Equatable {
    var ids: [String]
    var place: String?

    init(ids: [String], place: String?) {
        self.ids = ids
        self.place = place
    }

    init(_ value: String) {
        let parts = value.split(separator: "@", maxSplits: 1)
        ids = parts.first.map { $0.split(separator: "|").map(String.init) } ?? []
        place = parts.count > 1 ? String(parts[1]) : nil
    }

    var text: String { ids.joined(separator: "|") + (place.map { "@" + $0 } ?? "") }
}
