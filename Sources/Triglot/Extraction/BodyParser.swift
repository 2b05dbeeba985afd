/// Reads the bodies of one sentence with the body grammar: every reading at every token (memoised), then the
/// leftmost longest ones as mentions.
struct BodyParser {
    let g: BodyGrammar
    let t: TokenizedText
    let language: Language
    /// The article date, `YYYY-MM-DD`, for bodies renamed or merged.
    let date: String?
    /// Whether the document is about the national Government, so that the French "gouvernement", which French
    /// writes in lower case, names it (see ``governmentInLowerCase(_:)``).
    let aboutTheGovernment: Bool
    /// The readings found at each token, once known.
    private var memo: [[Parse]?] = []
    /// The places read at each token (their ends and bound indices), by whether only known ones were wanted and
    /// the level read before.
    private var placeMemo: [[(known: Bool, level: PlaceLevel?, places: [(Int, Int32)])]] = []
    /// The key and folded ids of the sentence's words (read when a rule is first tried): a rule needing a word the
    /// sentence lacks is not tried.
    private var keys = VocabularyBits()
    private var folds = VocabularyBits()
    private var wordsRead = false

    /// A reading of tokens `start..<end`.
    struct Parse {
        var start: Int
        var end: Int
        var reading: BodyReading
        var priority: Int
        var weak: Bool
        var language: Language
        /// Needs a possessive before it ("its Standing Board").
        var possessive = false
        /// An item of a list of posts whose owner is named at its end.
        var listItem = false
        /// Read only inside a congress's name.
        var inCongressName = false
        /// Read only before ", chính quyền và Nhân dân …".
        var beforeAuthoritiesAndPeople = false
    }

    /// What a rule has read so far. Places, readings and domains are held by the parser (``bound``) and named
    /// here by their index (-1 for none), so that copying bindings, which matching does at every step, costs no
    /// reference counting.
    struct Bindings {
        var place: Int32 = -1
        var placeLevel: PlaceLevel?
        var body: Int32 = -1
        var domain: Int32 = -1
        var commission: Int32 = -1
        var congress: Int?
        /// The place of a province's or city's congress read in the name ("1st Khanh Hoa Provincial Party
        /// Congress"), as a bound place.
        var congressPlace: Int32 = -1
        var number: Int?
    }

    /// The places, readings and domains bindings name.
    private struct Bound {
        var places: [Place] = []
        var readings: [BodyReading] = []
        var domains: [Domain] = []
    }
    private var bound = Bound()

    private mutating func bind(_ place: Place) -> Int32 {
        bound.places.append(place)
        return Int32(bound.places.count - 1)
    }

    private mutating func bind(_ reading: BodyReading) -> Int32 {
        bound.readings.append(reading)
        return Int32(bound.readings.count - 1)
    }

    private mutating func bind(_ domain: Domain) -> Int32 {
        bound.domains.append(domain)
        return Int32(bound.domains.count - 1)
    }

    private func place(_ b: Bindings) -> Place? { b.place < 0 ? nil : bound.places[Int(b.place)] }
    private func body(_ b: Bindings) -> BodyReading? { b.body < 0 ? nil : bound.readings[Int(b.body)] }
    private func domain(_ b: Bindings) -> Domain? { b.domain < 0 ? nil : bound.domains[Int(b.domain)] }
    private func commission(_ b: Bindings) -> Domain? { b.commission < 0 ? nil : bound.domains[Int(b.commission)] }

    init(grammar: BodyGrammar, tokens: TokenizedText, language: Language, date: String?, aboutTheGovernment: Bool = false) {
        g = grammar
        t = tokens
        self.language = language
        self.date = date
        self.aboutTheGovernment = aboutTheGovernment
    }

    /// Whether the sentence holds every word rule `index` needs.
    private mutating func mayMatch(_ index: Int) -> Bool {
        if !wordsRead {
            for token in t.tokens where token.kind == .word {
                if token.key >= 0 { keys.insert(token.key) }
                if token.folded >= 0 { folds.insert(token.folded) }
            }
            wordsRead = true
        }
        return g.rules[index].requiredKeys.allSatisfy { keys.contains($0) }
            && g.rules[index].requiredFolds.allSatisfy { folds.contains($0) }
    }

    // MARK: Mentions

    /// The mentions: at each token the longest reading (among equals, the rule written first), left to right,
    /// never overlapping.
    mutating func mentions() -> [Parse] {
        var result: [Parse] = []
        var k = 0
        // Where the last plural of bodies named after no place ends: the placeless bodies inside it are that plural's
        // ("các ban thường vụ tỉnh ủy": not "tỉnh ủy" either).
        var pluralEnd = 0
        while k < t.count {
            guard startsSomething(k) else { k += 1; continue }
            var parses: [Parse] = []
            for parse in bodies(at: k) {
                if isPlaceslessPlural(parse) { pluralEnd = max(pluralEnd, parse.end); continue }
                if k < pluralEnd, parse.reading.missingPlaceLevel != nil { continue }
                if accept(parse) { parses.append(parse) }
            }
            guard var best = parses.max(by: { ($0.end, -$0.priority) < ($1.end, -$1.priority) }) else { k += 1; continue }
            if let end = abbreviatedTail(of: best) { best.end = end }
            result.append(best)
            k = best.end
            // "ministères des Finances, de l'Education et de la Formation": the items after the first share its
            // head and are mentions of their own, by their domain alone.
            for item in ellipticalMinistries(after: best) {
                result.append(item)
                k = item.end
            }
        }
        return result
    }

    /// Where a name ends when the parenthetical abbreviation after it abbreviates the body its name ends with, not
    /// the whole name: "Comité central du Parti communiste du Vietnam (PCV)", "Central Committee of the Communist
    /// Party of Vietnam (CPV)" are one mention each (with the term after the abbreviation: "… (PCV) du XIIIe
    /// mandat"), while "Central Inspection Commission (CIC)" is two. `nil` when no such abbreviation follows.
    private mutating func abbreviatedTail(of parse: Parse) -> Int? {
        let k = parse.end
        guard isParentheticalAbbreviation(at: k) else { return nil }
        let abbreviated = Set(bodies(at: k + 1).filter { $0.end == k + 2 }.map(\.reading))
        guard !abbreviated.isEmpty, !abbreviated.contains(parse.reading) else { return nil }
        // The abbreviation must name a body the name ends with ("Parti communiste du Vietnam").
        var tail = false
        for j in parse.start + 1..<k where !tail {
            tail = bodies(at: j).contains { $0.end == k && abbreviated.contains($0.reading) }
        }
        guard tail else { return nil }
        return term(at: k + 3) ?? k + 3
    }

    /// The ministries a plural head names after its first ("ministères des Sciences et des Technologies et de la
    /// Santé", "ministères de la Sécurité publique, des Finances, de l'Education et de la Formation"): each later
    /// item, joined by a comma or "et", read by its domain with its article and "de" left out, as the conventions
    /// annotate elliptical list items.
    private func ellipticalMinistries(after first: Parse) -> [Parse] {
        guard case .ministry = first.reading, first.start < t.count, ["ministeres", "ministries"].contains(t.folded(first.start))
        else { return [] }
        var items: [Parse] = []
        var j = first.end
        while j < t.count {
            var k = j
            if t[k].isMark(",") { k += 1 }
            if k < t.count, ["et", "and"].contains(t.folded(k)) { k += 1 }
            guard k > j else { break }
            k = afterArticles(from: k)
            guard k < t.count, let match = g.domains.matches(in: t, from: k).max(by: { $0.end < $1.end }) else { break }
            var item = first
            item.start = k
            item.end = match.end
            item.reading = .ministry(match.values[0])
            items.append(item)
            j = match.end
        }
        return items
    }

    /// Where a domain's name starts after the French "de", "du", "des", "de la", "de l'" (up to three tokens) that
    /// join it to its head or to the item before it; `k` itself when none stands there.
    private func afterArticles(from k: Int) -> Int {
        var start = k
        while start < t.count, start - k < 3, ["de", "du", "des", "d", "la", "l", "'"].contains(t.folded(start)) || t[start].isMark("'") {
            start += 1
        }
        return start
    }

    private func startsSomething(_ k: Int) -> Bool {
        let token = t[k]
        switch token.kind {
        case .word: return token.key >= 0 || token.folded >= 0 || token.capitalised || token.upper
        case .number: return true
        case .punctuation: return g.starting.byMark[token.mark] != nil
        }
    }

    /// Possessive determiners that may stand before a head whose owner the sentence named ("its Standing Board").
    private static let possessives: Set<String> = ["its", "their", "sa", "son", "ses", "leur", "leurs"]

    /// Vietnamese words that make the noun after them plural ("các", "những", "mọi"), folded ("một số", some, is
    /// read as two words).
    private static let pluralMarkers: Set<String> = ["cac", "nhung", "moi"]

    /// Whether a reading is a plural of bodies named after places, with none named: "các Đoàn đại biểu Quốc hội",
    /// "các Tỉnh ủy", "một số ban thường vụ tỉnh ủy" (any delegation, any committee; the National Assembly inside is
    /// still read).
    private func isPlaceslessPlural(_ parse: Parse) -> Bool {
        guard parse.start > 0, parse.reading.missingPlaceLevel != nil else { return false }
        if Self.pluralMarkers.contains(t.folded(parse.start - 1)) { return true }
        return parse.start > 1 && t.folded(parse.start - 2) == "mot" && t.folded(parse.start - 1) == "so"
    }

    /// Whether a reading, standing alone, is a mention by the conventions (plurals of bodies named after no place
    /// aside: ``mentions()`` leaves those out, with the placeless bodies inside them).
    private func accept(_ parse: Parse) -> Bool {
        // A generic plural: "Hội đồng nhân dân các cấp", "Party committees at all levels", "à tous les niveaux".
        var j = parse.end
        if j < t.count, g.words.all.contains(t[j]) || (j + 1 < t.count && t.folded(j) == "at" && g.words.all.contains(t[j + 1])) {
            if j + 1 < t.count, g.words.levels.contains(t[j + 1]) { return false }
            if j + 2 < t.count, g.words.levels.contains(t[j + 2]) { return false }
            if j + 3 < t.count, g.words.levels.contains(t[j + 3]) { return false }
        }
        if j < t.count, t.folded(j) == "a" || t.folded(j) == "de", j + 2 < t.count, t.folded(j + 1) == "tous", g.words.levels.contains(t[j + 3 < t.count ? j + 3 : j]) {
            return false
        }
        if namesABuilding(parse) { return false }
        j = parse.start
        // A member, not the body: "Tỉnh ủy viên", "Trung ương viên".
        if parse.end < t.count, t.folded(parse.end) == "vien", t[parse.end].key >= 0 || t.string(parse.end..<parse.end + 1) == "viên" {
            return false
        }
        if parse.possessive {
            guard parse.start > 0, Self.possessives.contains(t.folded(parse.start - 1)) else { return false }
        }
        // "Parti de Hô Chi Minh-Ville" names the city's Party Committee in "1er Congrès du Parti de Hô Chi Minh-Ville",
        // not in "organisations du Parti de Hanoï".
        if parse.inCongressName {
            guard parse.start >= 2, t.folded(parse.start - 1) == "du", t.folded(parse.start - 2) == "congres" else { return false }
        }
        // "Đảng bộ, chính quyền và Nhân dân tỉnh Nghệ An": the Party organisation of the place the formula ends with.
        if parse.beforeAuthoritiesAndPeople {
            let k = parse.end
            guard k + 3 < t.count, t[k].isMark(","), t.folded(k + 1) == "chinh", t.folded(k + 2) == "quyen" else { return false }
            var j = k + 3
            if j < t.count, t[j].isMark(",") || t.folded(j) == "va" { j += 1 }
            return j + 1 < t.count && t.folded(j) == "nhan" && t.folded(j + 1) == "dan"
        }
        if parse.listItem {
            // "Ban Chấp hành, Ban Thường vụ, …", "du Comité exécutif, du Comité permanent et …".
            guard parse.end < t.count, t[parse.end].isMark(",") || t[parse.end].isMark(";")
                || ["va", "and", "et"].contains(t.folded(parse.end)) else { return false }
            return true
        }
        // A body named only inside the title of a law: "Luật Tổ chức Chính phủ", "Law on Organization of the
        // Government".
        if insideTitle(parse.start) { return false }
        // "Phó Bí thư Thường trực Tỉnh ủy": "Thường trực" belongs to the post, the body is "Tỉnh ủy".
        if case .sub(.standingBoard, _) = parse.reading, parse.start > 0, ["thu", "tich"].contains(t.folded(parse.start - 1)) {
            return false
        }
        switch parse.reading {
        case .militaryRegion, .congressOrgan: return true
        case .sub(_, let parent) where parent.isPending: return true
        case .commission(_, let parent) where parent.isPending: return true
        default: break
        }
        // Weak names ("Trung ương", "Central Committee", "Government") need a capital and a use as a name.
        if parse.weak {
            // The name's own first word, after an ordinal read before it ("15th-tenure Government").
            let head = ordinal(at: parse.start).map(\.end) ?? parse.start
            guard head < parse.end, t[head].capitalised || t[head].upper || governmentInLowerCase(parse) else { return false }
            if !weakNameStands(parse) { return false }
        }
        // Vietnamese names of organs are written capitalised ("Chính phủ", not "chính phủ": governments).
        if case .organ = parse.reading {
            guard parse.language == .vietnamese, parse.priority < g.rules.count, case .organ = g.rules[parse.priority].production else { return true }
            return t[parse.start].capitalised || t[parse.start].upper || t[parse.start].isNumber
        }
        // Outside the gazetteer, a name holds a capital somewhere after the sentence's first word, or a place.
        let capitals = (parse.start..<parse.end).contains { k in
            (t[k].capitalised || t[k].upper) && (k > 0 || k + 1 < parse.end && (t[k + 1].capitalised || t[k + 1].upper))
        }
        // The short name of a province's or district's body, even in lower case ("comité provincial du parti").
        return capitals || parse.reading.place != nil || parse.reading.hasLevel
    }

    /// Whether the name is a building's, a place rather than the body: "Nhà Quốc hội", "National Assembly House",
    /// "Maison de l'Assemblée nationale".
    private func namesABuilding(_ parse: Parse) -> Bool {
        if parse.end < t.count, g.words.buildingAfter.contains(t[parse.end]) { return true }
        guard parse.start > 0 else { return false }
        if g.words.buildingBefore.contains(t[parse.start - 1]) { return true }
        // "Maison de l'Assemblée nationale": up to three articles and marks between.
        var j = parse.start - 1
        while j >= 0, parse.start - j <= 3, ["de", "la", "l", "du"].contains(t.folded(j)) || t[j].isMark("'") || t[j].isMark("’") {
            j -= 1
        }
        return j >= 0 && j < parse.start - 1 && t.folded(j) == "maison"
    }

    /// The French "gouvernement" in lower case, as French writes the Government ("la réunion du gouvernement", "le
    /// gouvernement a publié …"), in a document about the national Government (``aboutTheGovernment``). Not a
    /// government named by what follows ("gouvernement central", "gouvernement local", "gouvernement japonais",
    /// "gouvernement du Laos"), and not the local authorities a page lists with the Party and the people ("du
    /// Comité du Parti, du gouvernement et du peuple", where "gouvernement" renders "chính quyền").
    private func governmentInLowerCase(_ parse: Parse) -> Bool {
        // The word alone, or with its term ("gouvernement du 15e mandat").
        guard parse.language == .french, parse.end == parse.start + 1 || term(at: parse.start + 1) == parse.end,
              t.folded(parse.start) == "gouvernement", case .organ(let organ) = parse.reading, organ.id == "N03",
              aboutTheGovernment || listedAmongCentralOrgans(parse)
        else { return false }
        // "bâtir un gouvernement intègre": a government, not the Government.
        if parse.start > 0, ["un", "une", "des", "ce", "tout"].contains(t.folded(parse.start - 1)) { return false }
        let next = parse.end
        if next < t.count, t[next].isWord {
            let word = t.folded(next)
            if Self.governmentQualifiers.contains(word) { return false }
            // "gouvernement en ligne": e-government; "la réunion du gouvernement en mars" is the Government's.
            if word == "en", next + 1 < t.count, t.folded(next + 1) == "ligne" { return false }
            // "gouvernement à deux niveaux": a level of government.
            if t.string(next..<next + 1) == "à", next + 1 < t.count, ["deux", "trois", "quatre", "plusieurs"].contains(t.folded(next + 1)) {
                return false
            }
            if !t[next].capitalised, Self.nationalitySuffixes.contains(where: { word.count > $0.count + 2 && word.hasSuffix($0) }) {
                return false
            }
            if ["de", "du", "des", "d"].contains(word), next + 1 < t.count,
               t[next + 1].capitalised || t[next + 1].upper || t[next + 1].isMark("'") && next + 2 < t.count && t[next + 2].capitalised {
                return false
            }
        }
        var j = next
        while j < t.count, j - next < 8, !t[j].isMark("."), !t[j].isMark(";"), !t[j].isMark(":") {
            if ["peuple", "population", "habitants"].contains(t.folded(j)) { return false }
            j += 1
        }
        return true
    }

    /// Whether "le gouvernement" stands in a list of the State's central organs ("l'Assemblée nationale, le
    /// gouvernement, la Cour populaire suprême"): the Government, though the page names no Prime Minister.
    private func listedAmongCentralOrgans(_ parse: Parse) -> Bool {
        let k = parse.start
        guard k >= 2, t.folded(k - 1) == "le", t[k - 2].isMark(",") || t.folded(k - 2) == "et",
              parse.end < t.count, t[parse.end].isMark(",") || t.folded(parse.end) == "et" else { return false }
        // Another central organ of the State in the sentence: the National Assembly, the Supreme People's Court or
        // Procuracy.
        for j in 0..<(t.count - 1) where t[j].isWord {
            let word = t.folded(j)
            if word == "assemblee", t.folded(j + 1) == "nationale" { return true }
            if word == "cour" || word == "parquet", t.folded(j + 1) == "populaire" { return true }
        }
        return false
    }

    /// What a local body's "Party Committee" was before February 2025, by the body's head.
    private static let partyOrganBefore2025: [String: SubRole] = [
        "People's Committee": .partyCivilAffairsCommittee, "People's Council": .partyDelegation,
    ]

    /// Words after "gouvernement" that make it a government other than the national one, or a level of government.
    private static let governmentQualifiers: Set<String> = [
        "central", "centrale", "centraux", "local", "locale", "locaux", "provincial", "provinciale", "municipal",
        "municipale", "communal", "communale", "electronique", "numerique", "intelligent", "ouvert",
    ]

    /// Endings of nationality adjectives ("japonais", "chinois", "laotien", "cubain", "allemand", "russe" aside).
    private static let nationalitySuffixes = ["ais", "aise", "ois", "oise", "ien", "ienne", "ain", "aine", "and", "ande"]

    /// Whether the words before `k` open the title of a law the body is named in.
    private func insideTitle(_ k: Int) -> Bool {
        guard (max(0, k - 6)..<k).contains(where: { ["luat", "law", "loi"].contains(t.folded($0)) }) else { return false }
        var j = k - 1
        var words: [String] = []
        while j >= 0, k - j <= 6, !t[j].isMark(";"), !t[j].isMark(",") {
            if t[j].isWord { words.insert(t.folded(j), at: 0) }
            j -= 1
        }
        let text = words.joined(separator: " ")
        for opening in ["luat to chuc", "law on organization of", "law on organisation of", "law on the organization of",
                        "law on the organisation of", "loi sur l organisation"] where text.contains(opening) {
            return true
        }
        return false
    }

    /// "Trung ương" names the Central Committee as a subject or a complement ("Ủy viên Trung ương", "Hội nghị
    /// Trung ương", "của Trung ương"), not as an adjective ("cơ quan Trung ương", "cấp Trung ương", "các ban
    /// Trung ương", "Trung ương và địa phương").
    private func weakNameStands(_ parse: Parse) -> Bool {
        guard parse.language == .vietnamese else { return true }
        let before = parse.start - 1
        if before >= 0, t[before].isWord {
            let adjectival: Set<String> = ["quan", "cap", "ban", "khoi", "the", "cac", "truc", "thuoc", "nganh", "phong", "doan",
                                           "hoi", "vien", "tuyen", "dia"]
            // "Ủy viên Trung ương" is a member of the Central Committee: "viên" after "ủy" stays.
            let folded = t.folded(before)
            if adjectival.contains(folded), !(folded == "vien" && before > 0 && t.folded(before - 1) == "uy") { return false }
        }
        let after = parse.end
        if after < t.count, t[after].isWord {
            let folded = t.folded(after)
            if ["doan", "hoi", "mat", "uy", "ban", "va", "den", "toi", "xuong", "quan", "cuc"].contains(folded) { return false }
        }
        return true
    }

    // MARK: Readings

    /// Every reading that starts at token `k`.
    mutating func bodies(at k: Int) -> [Parse] {
        guard k < t.count else { return [] }
        // The tables are made when first needed (a parser made for its congresses or ordinals never needs them).
        if memo.isEmpty { memo = Array(repeating: nil, count: t.count + 1) }
        if let known = memo[k] { return known }
        memo[k] = []
        var parses: [Parse] = []
        // An ordinal before the name: "13th Party Central Committee", "XIIIe Comité central", "17th Nghe An …".
        if let ordinal = ordinal(at: k), ordinal.end < t.count, !(t[ordinal.end].isMark(",")) {
            for parse in bodies(at: ordinal.end) {
                var parse = parse
                parse.start = k
                parses.append(parse)
            }
        }
        let lists = candidates(in: g.starting, at: k)
        for which in 0..<4 {
            // The four lists in order, without an array of them made at every token.
            let list = which == 0 ? lists.0 : which == 1 ? lists.1 : which == 2 ? lists.2 : lists.3
            for index in list {
                guard mayMatch(index) else { continue }
                for (end, bindings) in match(g.rules[index].elements[...], at: k, Bindings(), first: k) where end > k {
                    if let reading = produce(g.rules[index].production, bindings) {
                        parses.append(Parse(start: k, end: end, reading: reading, priority: g.rules[index].priority,
                                            weak: g.rules[index].weak, language: g.rules[index].language,
                                            possessive: g.rules[index].possessive, listItem: g.rules[index].listItem,
                                            inCongressName: g.rules[index].inCongressName,
                                            beforeAuthoritiesAndPeople: g.rules[index].beforeAuthoritiesAndPeople))
                    }
                }
            }
        }
        // Extensions of a body read: "{body} 's Standing Board", "{body} Standing Committee", then attached terms.
        var frontier = parses
        var rounds = 0
        while !frontier.isEmpty, rounds < 3 {
            var next: [Parse] = []
            for parse in frontier {
                for index in suffixCandidates(at: parse.end) {
                    guard mayMatch(index) else { continue }
                    var bindings = Bindings()
                    bindings.body = bind(parse.reading)
                    for (end, b) in match(g.rules[index].elements[...], at: parse.end, bindings, first: k) where end > parse.end {
                        if let reading = produce(g.rules[index].production, b) {
                            next.append(Parse(start: k, end: end, reading: reading, priority: g.rules[index].priority, weak: false,
                                              language: g.rules[index].language))
                        }
                    }
                }
            }
            parses += next
            frontier = next
            rounds += 1
        }
        // In "Đại hội đại biểu Đảng bộ tỉnh Nghệ An khóa XX" the term is the congress's, not the Party Committee's.
        // ("đại biểu Quốc hội khóa XV", a deputy, keeps it.)
        // (Words compared by vocabulary id: no string is made at every token.)
        func congressWords(endingAt j: Int) -> Bool { j >= 2 && g.words.dai.contains(t[j - 2]) && g.words.hoi.contains(t[j - 1]) }
        let termIsTheCongresss = !parses.isEmpty && (congressWords(endingAt: k)
            || k >= 4 && g.words.dai.contains(t[k - 2]) && g.words.bieu.contains(t[k - 1]) && congressWords(endingAt: k - 2))
        for parse in parses where !termIsTheCongresss {
            if let end = term(at: parse.end) {
                var longer = parse
                longer.end = end
                parses.append(longer)
            }
        }
        memo[k] = parses
        return parses
    }

    /// The suffix rules that may extend a body ending at `end`, in grammar order: those whose first word, mark or
    /// slot can stand at `end`, or after parenthetical abbreviations there ("(PCC)'s Inspection Commission").
    private func suffixCandidates(at end: Int) -> [Int] {
        var result: [Int] = []
        var k = end
        while k < t.count {
            let lists = candidates(in: g.extending, at: k)
            result += lists.0 + lists.1 + lists.2 + lists.3
            // `match` skips "(", an abbreviation, ")" after the body.
            guard isParentheticalAbbreviation(at: k) else { break }
            k += 3
        }
        guard result.count > 1 else { return result }
        return Array(Set(result)).sorted()
    }

    /// Whether a place may be read at `k` (the start of every reading of `{place}`, `{province}` and `{name}`): a
    /// known place, or a capitalised word that is no common word and opens no person's name.
    private func mayStartPlace(_ k: Int) -> Bool {
        if !g.places.known(in: t, at: k).isEmpty { return true }
        return t[k].isWord && (t[k].capitalised || t[k].upper) && !g.words.notPlaces.contains(t[k]) && !isPersonName(at: k)
    }

    /// The rules of `index` that may start at token `k`, as up to four of its lists (by the word's key, by its
    /// folded form, by place, by level word; or by number or mark), tried in that order.
    private func candidates(in index: BodyGrammar.RuleIndex, at k: Int) -> ([Int], [Int], [Int], [Int]) {
        let token = t[k]
        switch token.kind {
        case .word:
            return (index.byKey[token.key] ?? [], index.byFold[token.folded] ?? [],
                    (token.capitalised || token.upper) && mayStartPlace(k) ? index.byPlace : [],
                    g.places.level(in: t, at: k) != nil ? index.byLevel : [])
        case .number:
            return (index.byNumber, [], [], [])
        case .punctuation:
            return (index.byMark[token.mark] ?? [], [], [], [])
        }
    }

    private func produce(_ production: BodyGrammar.Production, _ b: Bindings) -> BodyReading? {
        switch production {
        case .organ(let id):
            guard let organ = g.organ(id) else { return nil }
            return .organ(current(organ))
        case let .local(head, level):
            let wanted = level ?? b.placeLevel
            var place = self.place(b)
            if var chosen = place {
                if let wanted, chosen.level != wanted {
                    chosen = PlaceGazetteer.choose([chosen], level: wanted)
                }
                place = chosen
            }
            return .local(head: head, level: wanted ?? place?.level, place: place)
        case .department(let level):
            guard let domain = domain(b) else { return nil }
            return .department(domain: domain, place: place(b), level: level ?? b.placeLevel ?? place(b)?.level)
        case .ministry:
            guard let domain = domain(b) else { return nil }
            return .ministry(domain)
        case .generalDepartment:
            guard let domain = domain(b) else { return nil }
            return .generalDepartment(domain.name)
        case let .sub(role, spec):
            guard let parent = spec.map({ self.parent($0, b) }) ?? body(b) else { return nil }
            // A "Party delegation" of a ministry, the State Bank, the Government or a People's Committee is its
            // Party Civil Affairs Committee: Đảng đoàn exist in the National Assembly, the councils and the mass
            // organisations only.
            if role == .partyDelegation, parent.hasPartyCivilAffairsCommittee { return .sub(.partyCivilAffairsCommittee, parent: parent) }
            // Before February 2025 a People's Committee had a Party Civil Affairs Committee and a People's Council a
            // Party Delegation, neither a Party committee of its own: "Party Committee of the People's Committee of An
            // Giang province" (2024) renders Ban cán sự đảng, "Party Committee of the provincial People's Council"
            // (2023) Đảng đoàn HĐND; from then on it is the new Party committee ("Đảng ủy UBND tỉnh").
            if role == .partyCommittee, case .local(let head, _, _) = parent, let date, date < "2025-02",
               let meant = Self.partyOrganBefore2025[head] {
                return .sub(meant, parent: parent)
            }
            // Thường trực of a Party committee or a council; "Thường trực Ban Bí thư" and "Thường trực UBND tỉnh"
            // are posts.
            if role == .standingBoard, !parent.isFatherlandFrontCommittee {
                guard case let .local(head, _, _) = parent, head == "Party Committee" || head == "People's Council" else { return nil }
            }
            // The Communist Party's Central Committee is the Party Central Committee.
            if role == .centralCommittee, case .organ(let organ) = parent, organ.id == "C01", let central = g.organ("C02") {
                return .organ(central)
            }
            return named(.sub(role, parent: parent))
        case let .commission(name, spec):
            guard let domain = name.flatMap({ g.commissionsByName[$0] }) ?? commission(b) else { return nil }
            guard let parent = spec.map({ self.parent($0, b) }) ?? body(b) else { return nil }
            return named(.commission(domain, parent: parent))
        case .congress(let organ):
            return .congressOrgan(organ, congress: b.congress, place: b.congressPlace < 0 ? nil : bound.places[Int(b.congressPlace)])
        case .military:
            guard let number = b.number else { return nil }
            return .militaryRegion(number)
        }
    }

    /// A reading built from parts that is an organ of the gazetteer keeps its id: "Secretariat of the Party
    /// Central Committee", "Central Inspection Commission".
    private func named(_ reading: BodyReading) -> BodyReading {
        if let organ = g.organsByName[reading.name] { return .organ(current(organ)) }
        return reading
    }

    /// The organ as the gazetteer has it (renamed organs keep the name the text uses).
    private func current(_ organ: Organ) -> Organ { organ }

    /// The parent a production names itself, with the place the pattern read.
    private func parent(_ spec: BodyGrammar.Parent, _ b: Bindings) -> BodyReading? {
        switch spec {
        case let .local(head, level):
            var place = self.place(b)
            if let chosen = place, let level, chosen.level != level { place = PlaceGazetteer.choose([chosen], level: level) }
            return .local(head: head, level: level, place: place)
        case .organ(let id):
            return g.organ(id).map(BodyReading.organ)
        case .antecedent(let kind):
            return .antecedent(kind)
        }
    }

    // MARK: Matching

    /// Whether "(", a short word or an abbreviation, ")" start at `k` ("(UBKT)", "(PCC)").
    private func isParentheticalAbbreviation(at k: Int) -> Bool {
        k + 3 <= t.count && t[k].isMark("(") && (t[k + 1].upper || t[k + 1].isWord && t.string(k + 1..<k + 2).count <= 6)
            && t[k + 2].isMark(")")
    }

    /// Every way `elements` match from token `k`: the end and the bindings.
    private mutating func match(_ elements: ArraySlice<BodyGrammar.Element>, at k: Int, _ b: Bindings, first: Int) -> [(Int, Bindings)] {
        var result: [(Int, Bindings)] = []
        match(elements, at: k, b, first: first, into: &result)
        return result
    }

    /// The same, appended to `result` (in the order the ways are found).
    private mutating func match(_ elements: ArraySlice<BodyGrammar.Element>, at k: Int, _ b: Bindings, first: Int,
                                into result: inout [(Int, Bindings)]) {
        guard let element = elements.first else {
            result.append((k, b))
            return
        }
        let rest = elements.dropFirst()
        // A parenthetical abbreviation inside a name is part of it: "Ủy ban Kiểm tra (UBKT) Trung ương",
        // "Party Central Committee (PCC)'s Inspection Commission".
        if k > first, isParentheticalAbbreviation(at: k) {
            let before = result.count
            matchOne(element, rest, at: k + 3, b, first: first, into: &result)
            // Only the ways that read past the abbreviation.
            var kept = before
            for j in before..<result.count where result[j].0 > k + 3 {
                result.swapAt(kept, j)
                kept += 1
            }
            result.removeSubrange(kept...)
        }
        matchOne(element, rest, at: k, b, first: first, into: &result)
    }

    private mutating func matchOne(_ element: BodyGrammar.Element, _ rest: ArraySlice<BodyGrammar.Element>, at k: Int,
                                   _ b: Bindings, first: Int, into result: inout [(Int, Bindings)]) {
        switch element {
        case let .word(id, byKey, exact, capitalised):
            guard k < t.count, t[k].isWord else { return }
            let token = t[k]
            guard byKey ? token.key == id : token.folded == id else { return }
            if let exact, Normalization.nfc(t.string(k..<k + 1)) != exact { return }
            if capitalised && !(token.capitalised || token.upper) { return }
            // A name is written on one line of words: no sentence mark between its words.
            match(rest, at: k + 1, b, first: first, into: &result)
        case .mark(let mark):
            guard k < t.count, t[k].kind == .punctuation, t[k].mark == mark else { return }
            match(rest, at: k + 1, b, first: first, into: &result)
        case .choice(let alternatives):
            for alternative in alternatives {
                for (end, bindings) in match(alternative[...], at: k, b, first: first) {
                    match(rest, at: end, bindings, first: first, into: &result)
                }
            }
        case .optional(let inner):
            match(rest, at: k, b, first: first, into: &result)
            for (end, bindings) in match(inner[...], at: k, b, first: first) where end > k {
                match(rest, at: end, bindings, first: first, into: &result)
            }
        case let .slot(slot, optional):
            if optional { match(rest, at: k, b, first: first, into: &result) }
            for (end, bindings) in read(slot, at: k, b) where end > k {
                match(rest, at: end, bindings, first: first, into: &result)
            }
        }
    }

    // MARK: Slots

    private mutating func read(_ slot: BodyGrammar.Slot, at k: Int, _ b: Bindings) -> [(Int, Bindings)] {
        guard k < t.count else { return [] }
        switch slot {
        case .body:
            let parses = bodies(at: k)
            var result: [(Int, Bindings)] = []
            result.reserveCapacity(parses.count)
            for parse in parses {
                var bindings = b
                bindings.body = bind(parse.reading)
                result.append((parse.end, bindings))
            }
            return result
        case .place, .province:
            return readPlace(at: k, known: slot == .province, b)
        case .name:
            return readName(at: k, b)
        case .level:
            guard let level = g.places.level(in: t, at: k) else { return [] }
            var bindings = b
            bindings.placeLevel = level.level
            // "TP." as an abbreviation: the full stop belongs to it.
            var end = level.end
            if end < t.count, t[end].isMark("."), level.end == k + 1, t[k].upper || ["tp", "tx"].contains(t.folded(k)) { end += 1 }
            return [(end, bindings)]
        case .domain, .commission:
            // French: "ministère de l'Industrie", "des Finances", "du Travail", "de la Santé".
            let start = afterArticles(from: k)
            let trie = slot == .domain ? g.domains : g.commissions
            var result: [(Int, Bindings)] = []
            for from in start == k ? [k] : [k, start] {
                for match in trie.matches(in: t, from: from) {
                    var bindings = b
                    if slot == .domain { bindings.domain = bind(match.values[0]) } else { bindings.commission = bind(match.values[0]) }
                    result.append((match.end, bindings))
                }
            }
            return result
        case .ordinal:
            guard let ordinal = ordinal(at: k) else { return [] }
            var bindings = b
            bindings.congress = ordinal.value
            return [(ordinal.end, bindings)]
        case .term:
            guard let end = term(at: k) else { return [] }
            return [(end, b)]
        case .congress:
            guard let congress = congress(at: k) else { return [] }
            var bindings = b
            bindings.congress = congress.value
            if let place = congress.place { bindings.congressPlace = bind(place) }
            return [(congress.end, bindings)]
        case .number:
            guard t[k].isNumber, t[k].digits <= 2 else { return [] }
            var bindings = b
            bindings.number = t[k].number
            return [(k + 1, bindings)]
        }
    }

    /// A place at `k`: a known name (at every length), or a run of one to three capitalised words next to a level
    /// word ("xã Tân Khánh Trung", "My Hao ward", "district de Cô Tô") unless `known` only.
    private mutating func readPlace(at k: Int, known: Bool, _ b: Bindings) -> [(Int, Bindings)] {
        // Many rules read a place at the same token: what is read there depends only on the level read before.
        let places: [(Int, Int32)]
        if placeMemo.isEmpty { placeMemo = Array(repeating: [], count: t.count + 1) }
        if let found = placeMemo[k].first(where: { $0.known == known && $0.level == b.placeLevel }) {
            places = found.places
        } else {
            places = readPlaces(at: k, known: known, level: b.placeLevel).map { end, place in (end, bind(place)) }
            placeMemo[k].append((known, b.placeLevel, places))
        }
        return places.map { end, place in
            var bindings = b
            bindings.place = place
            return (end, bindings)
        }
    }

    /// The places at `k` (each with its end), after a level word read as `placeLevel`, if any.
    private func readPlaces(at k: Int, known: Bool, level placeLevel: PlaceLevel?) -> [(Int, Place)] {
        var result: [(Int, Place)] = []
        if let qualified = qualifiedPlace(at: k) { result.append(qualified) }
        for match in g.places.known(in: t, at: k) {
            result.append((match.end, PlaceGazetteer.choose(match.places, level: placeLevel)))
        }
        if !result.isEmpty || known { return result }
        guard t[k].isWord, t[k].capitalised || t[k].upper, !g.words.notPlaces.contains(t[k]) else { return [] }
        // A person's full name is no place: "… du district de Ho Chi Cuong a proposé" (the chief, Hồ Chí Cường).
        if isPersonName(at: k) { return [] }
        let afterLevel = k > 0 && (placeLevel != nil || levelEnds(at: k))
        var end = k
        while end < t.count, end - k < 3, t[end].isWord, t[end].capitalised, !t[end].upper || t.string(end..<end + 1).count <= 3,
              !g.words.notPlaces.contains(t[end]), end == k || t[end].spaceBefore {
            end += 1
            let beforeLevel = end < t.count && (g.places.level(in: t, at: end) != nil || t.folded(end) == "provincial")
            guard afterLevel || beforeLevel else { continue }
            var level = placeLevel ?? .province
            if !afterLevel, let after = g.places.level(in: t, at: end) { level = after.level }
            result.append((end, Place(name: Self.placeName(t.string(k..<end)), level: level)))
        }
        return result
    }

    /// A known place named with its level and a region before it, as agency English and French write provinces:
    /// "the Central Highlands province of Dak Nong", "the south-central province of Phu Yen", "la province centrale
    /// de Phu Yen" (up to four words of region, none of them a level; the place must be known).
    private func qualifiedPlace(at k: Int) -> (Int, Place)? {
        let article = language == .english ? "the" : language == .french ? "la" : nil
        guard let article, k + 3 < t.count, t[k].isWord, t.folded(k) == article else { return nil }
        var level: (end: Int, level: PlaceLevel)?
        if language == .french { level = g.places.level(in: t, at: k + 1) }
        // English: the region comes first; French: after the level.
        let regionStart = level?.end ?? k + 1
        var end = regionStart
        while end < t.count, end - regionStart < 4, t[end].isWord || t[end].isMark("-") {
            if language == .english, let found = g.places.level(in: t, at: end) { level = found; break }
            if language == .french, t.folded(end) == "de" { break }
            end += 1
        }
        guard let level, level.level == .province || level.level == .city || level.level == .centralCity else { return nil }
        let j = language == .english ? level.end : end
        let preposition = language == .english ? "of" : "de"
        guard j + 1 < t.count, t[j].isWord, t.folded(j) == preposition,
              let match = g.places.known(in: t, at: j + 1).max(by: { $0.end < $1.end }) else { return nil }
        return (match.end, PlaceGazetteer.choose(match.places, level: level.level))
    }

    /// A name at `k`: a known place, or one to three capitalised words ("Huyện ủy Lộc Bình", "Chi bộ Liên Mậu",
    /// "Đảng ủy xã Tân Khánh Trung"), not a person's name (a family name and two more words).
    private mutating func readName(at k: Int, _ b: Bindings) -> [(Int, Bindings)] {
        let known = readPlace(at: k, known: true, b)
        if !known.isEmpty { return known }
        guard t[k].isWord, t[k].capitalised, !g.words.notPlaces.contains(t[k]) else { return [] }
        var end = k
        while end < t.count, end - k < 3, t[end].isWord, t[end].capitalised, !t[end].upper, !g.words.notPlaces.contains(t[end]),
              end == k || t[end].spaceBefore {
            end += 1
        }
        if isPersonName(at: k) { return [] }
        var result: [(Int, Bindings)] = []
        for stop in (k + 1)...end {
            var bindings = b
            bindings.place = bind(Place(name: Self.placeName(t.string(k..<stop)), level: b.placeLevel ?? .district))
            result.append((stop, bindings))
        }
        return result
    }

    /// Whether a person's full name starts at `k`: a family name and two or three more capitalised words
    /// (Ho Chi Minh City excepted).
    private func isPersonName(at k: Int) -> Bool {
        var end = k
        while end < t.count, end - k < 4, t[end].isWord, t[end].capitalised, end == k || t[end].spaceBefore { end += 1 }
        guard end - k >= 3, PersonExtractor.familyNames.contains(t.folded(k)) else { return false }
        return !(t.folded(k) == "ho" && t.folded(k + 1) == "chi" && t.folded(k + 2) == "minh")
    }

    /// A place name as values write it: diacritics removed, each word capitalised ("Cô Tô" → "Co To").
    static func placeName(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map { word in
            let folded = TokenizedText.fold(String(word))
            return folded.prefix(1).uppercased() + folded.dropFirst()
        }.joined(separator: " ")
    }

    /// Whether a level word ends right before `k`, or before a connector ("district de Cô Tô", "province of").
    private func levelEnds(at k: Int) -> Bool {
        for start in max(0, k - 3)..<k {
            guard let level = g.places.level(in: t, at: start) else { continue }
            if level.end == k { return true }
            if level.end + 1 == k, t[level.end].isMark(".") || ["de", "of", "d"].contains(t.folded(level.end)) { return true }
            if level.end + 2 == k, t.folded(level.end) == "d", t[level.end + 1].isMark("'") { return true }
        }
        return false
    }

    /// An ordinal: 13th, 13th-tenure, 12e, XIIIe, XIV e, 1er.
    func ordinal(at k: Int) -> (end: Int, value: Int)? {
        guard k < t.count else { return nil }
        var value: Int?
        var end = k
        if t[k].isNumber, t[k].digits <= 3 {
            // 13th, 13e; "19 e" (a superscript e flattened with a space before it) in French.
            guard k + 1 < t.count, g.words.ordinalSuffixes.contains(t[k + 1]),
                  !t[k + 1].spaceBefore || language == .french && t.folded(k + 1) == "e" else { return nil }
            value = t[k].number
            end = k + 2
        } else if t[k].isWord, t[k].upper || t[k].capitalised {
            // XIIIe, XIVe: a roman numeral glued to its suffix, or written apart ("XIV e").
            var folded = t.folded(k)
            // "XIIIᵉ": the superscript e read as an e.
            if folded.utf8.last == 0x89, folded.hasSuffix("ᵉ") { folded = String(folded.dropLast()) + "e" }
            // Roman numerals are written with i, v and x (an ordinal's e after them).
            guard folded.utf8.allSatisfy({ $0 == 0x69 || $0 == 0x76 || $0 == 0x78 || $0 == 0x65 }) else { return nil }
            if folded.hasSuffix("e"), let roman = g.words.roman(String(folded.dropLast())), t.string(k..<k + 1).dropLast().allSatisfy(\.isUppercase) {
                value = roman
                end = k + 1
            } else if let roman = g.words.roman(folded), t[k].upper || folded.count == 1 && t[k].capitalised,
                      k + 1 < t.count, t.folded(k + 1) == "e" {
                value = roman
                end = k + 2
            }
        }
        guard let value else { return nil }
        // "13th-tenure", "14th-term".
        if end + 1 < t.count, t[end].isMark("-"), !t[end].spaceBefore, g.words.termWords.contains(t[end + 1]) { end += 2 }
        return (end, value)
    }

    /// A term attached to a name: "khóa XIII", "Khoá XV", "du 13e mandat", "du XIVe mandat", "de la XVe
    /// législature", "of the 14th term".
    func term(at k: Int) -> Int? {
        guard k < t.count else { return nil }
        if t[k].isWord, t[k].key >= 0, g.words.termWords.contains(t[k]), language == .vietnamese || t.folded(k) == "khoa" {
            guard k + 1 < t.count, t[k + 1].isNumber || isTermNumber(at: k + 1) else { return nil }
            // Coordinated terms are one: "khóa XII, XIII", "khóa 10 và 11".
            var end = k + 2
            while end + 1 < t.count, t[end].isMark(",") || t.folded(end) == "va", isTermNumber(at: end + 1) { end += 2 }
            return end
        }
        if t.folded(k) == "khoa", k + 1 < t.count, g.words.roman(t.folded(k + 1)) != nil, t[k + 1].upper { return k + 2 }
        // du 13e mandat, de la XVe législature, of the 14th term
        var j = k
        let folded = t.folded(j)
        if folded == "du" { j += 1 } else if folded == "de", j + 1 < t.count, t.folded(j + 1) == "la" { j += 2 }
        else if folded == "of", j + 1 < t.count, t.folded(j + 1) == "the" { j += 2 } else { return nil }
        guard let ordinal = ordinal(at: j), ordinal.end < t.count, g.words.termWords.contains(t[ordinal.end]) else { return nil }
        return ordinal.end + 1
    }

    /// A term's number after "khóa": a number of two digits at most, or a roman numeral ("XIII", "Xv").
    private func isTermNumber(at k: Int) -> Bool {
        if t[k].isNumber { return t[k].digits <= 2 }
        return g.words.roman(t.folded(k)) != nil && (t[k].upper || t[k].capitalised)
    }

    /// A congress: "Đại hội XIV", "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "14th National Party
    /// Congress", "14th National Congress of the Party", "14e Congrès national du Parti", "XIIIe Congrès".
    func congress(at k: Int) -> (end: Int, value: Int?, place: Place?)? {
        guard k < t.count, t[k].kind != .punctuation else { return nil }
        // A word starts a congress only as "đại hội", "congress" / "congrès" or a roman numeral (i, v, x).
        if t[k].isWord, let first = t.folded(k).utf8.first, first != 0x64, first != 0x63, first != 0x69, first != 0x76,
           first != 0x78 {
            return nil
        }
        if t.folded(k) == "dai", k + 1 < t.count, t.folded(k + 1) == "hoi", TokenizedText.key(t.string(k..<k + 2)).hasPrefix("đại") {
            var j = k + 2
            var steps = 0
            while j < t.count, steps < 6, t[j].isWord, ["dai", "bieu", "toan", "quoc", "lan", "thu"].contains(t.folded(j)) { j += 1; steps += 1 }
            var value: Int?
            if j < t.count, t[j].isNumber { value = t[j].number; j += 1 }
            else if j < t.count, let roman = g.words.roman(t.folded(j)), t[j].upper { value = roman; j += 1 }
            if value != nil, j + 2 < t.count, t.folded(j) == "cua", t.folded(j + 1) == "dang" { j += 2 }
            return (j, value, nil)
        }
        if let ordinal = ordinal(at: k) {
            var j = ordinal.end
            var sawCongress = false
            var steps = 0
            // A province's or city's congress named before "Provincial Party Congress" / "Party Congress": "1st Khanh
            // Hoa Provincial Party Congress", "1st Ho Chi Minh City Party Congress".
            var place: Place?
            if let named = readPlaces(at: j, known: true, level: nil).first, named.0 + 1 < t.count,
               ["provincial", "municipal", "party", "city"].contains(t.folded(named.0)) {
                place = named.1
                j = named.0
            }
            while j < t.count, steps < 6, t[j].isWord {
                let folded = t.folded(j)
                if folded == "congress" || folded == "congres" { sawCongress = true; j += 1; steps += 1; continue }
                guard ["national", "party", "parti", "du", "of", "the", "communist", "nationale"].contains(folded)
                    || place != nil && ["provincial", "municipal", "city"].contains(folded) else { break }
                j += 1
                steps += 1
            }
            guard sawCongress else { return nil }
            // Trailing words that belong to the next phrase ("of the").
            while j > ordinal.end, ["of", "the", "du"].contains(t.folded(j - 1)) { j -= 1 }
            return (j, ordinal.value, place)
        }
        let folded = t.folded(k)
        if folded == "congress" || folded == "congres" { return (k + 1, nil, nil) }
        return nil
    }
}
