/// The grammar of body names (`Resources/body-grammar.txt`), the gazetteer of named organs
/// (`Resources/bodies.tsv`) and the domains of ministries, departments and Party commissions
/// (`Resources/body-domains.tsv`), compiled for matching over tokens.
///
/// A rule is a language, a pattern and a production. Patterns are words (Vietnamese ones matched with their
/// diacritics, English and French ones folded; a word written with two capitals or more, "UBND", "MoET", is an
/// abbreviation matched exactly; `^Word` must be capitalised in the text), marks (`'`, `-`, `.`, `&`), choices
/// `(a|b c|)`, optional parts `[a b]` and slots:
///
/// | slot | reads |
/// |---|---|
/// | `{body}` | a body (recursively); a pattern that starts with it extends a body already read (`{body} 's Standing Board`) |
/// | `{place}` | a place: a known province or city, or a capitalised name next to a level word ("xã Tân Khánh Trung", "My Hao ward") |
/// | `{level}` | a level word: tỉnh, thành phố, huyện, xã, phường, province, city, district, … |
/// | `{domain}` | what a ministry or department deals with (Finance, Tài chính, Finances, l'Industrie et du Commerce) |
/// | `{commission}` | what a Party commission deals with (Organization, Tổ chức, Inspection, contrôle, …) |
/// | `{ordinal}`, `{congress}`, `{number}` | 13th, XIIIe, khóa XIII; the congress's number; a number |
///
/// Productions: `organ ID`; `local "Head" [level]`; `department [level]`; `ministry`; `general-department`;
/// `sub role [of …]`; `commission [central] ["Domain"] [of …]`; `congress "Organ"`; `military`, where `of local
/// "Head" level`, `of organ ID`, `of last ministry|committee` (the one the document named last), `of last
/// commission` (a commission named by its domain alone: the document's commission of that domain, see
/// ``Antecedent/commission``) and `of next` (the owner named after, in a list of posts) give a parent the pattern
/// does not read. A `?` after a slot makes it
/// optional. A fourth column `weak`, `possessive`, `list`, `congress` (only after "Congrès du") or `people` (only before
/// ", chính quyền và Nhân dân …") restricts where the rule
/// applies. Every name of every
/// organ of the gazetteer is a rule too (`organ ID`).
struct BodyGrammar: Sendable {
    indirect enum Element: Sendable {
        case word(id: Int32, byKey: Bool, exact: String?, capitalised: Bool)
        case mark(UInt32)
        case choice([[Element]])
        case optional([Element])
        case slot(Slot, optional: Bool)
    }

    enum Slot: String, Sendable {
        case body, place, province, name, level, domain, commission, ordinal, term, congress, number
    }

    /// The parent a production names itself ("Provincial Party Standing Committee": of the provincial Party
    /// committee), when the pattern has no `{body}`.
    enum Parent: Sendable {
        case local(head: String, level: PlaceLevel?)
        case organ(String)
        case antecedent(Antecedent)
    }

    enum Production: Sendable {
        case organ(String)
        case local(head: String, level: PlaceLevel?)
        case department(PlaceLevel?)
        case ministry
        case generalDepartment
        case sub(SubRole, parent: Parent?)
        case commission(domain: String?, parent: Parent?)
        case congress(String)
        case military
    }

    struct Rule: Sendable {
        var language: Language
        var elements: [Element]
        var production: Production
        /// Lower is preferred among readings of one span.
        var priority: Int
        /// The pattern starts with `{body}`: it extends a body read before.
        var isSuffix: Bool
        /// A name that stands for a body only in some uses ("Trung ương", "Central Committee", "Government").
        var weak: Bool
        /// A head that needs a possessive before it ("its Standing Board").
        var possessive = false
        /// An item of a list that needs a list after it ("Ban Chấp hành, Ban Thường vụ, … Tỉnh ủy Phú Thọ").
        var listItem = false
        /// A name read only inside a congress's name ("1er Congrès du Parti de Hô Chi Minh-Ville").
        var inCongressName = false
        /// A head read only as the first of "the Party organisation, the authorities and the people" of a place
        /// ("Đảng bộ, chính quyền và Nhân dân tỉnh Nghệ An"), whose place ends the formula.
        var beforeAuthoritiesAndPeople = false
        /// Words every match of the pattern holds (outside optional parts and choices), by key id and by folded
        /// id: a sentence without one of them cannot match it.
        var requiredKeys: [Int32] = []
        var requiredFolds: [Int32] = []
    }

    /// Rules by what can start them, each list in grammar order.
    struct RuleIndex: Sendable {
        /// By the id of a word (key ids and folded ids apart), and by mark.
        private(set) var byKey = VocabularyTable<[Int]>()
        private(set) var byFold = VocabularyTable<[Int]>()
        private(set) var byMark: [UInt32: [Int]] = [:]
        /// Rules that start with a place, a level word or a number.
        private(set) var byPlace: [Int] = []
        private(set) var byLevel: [Int] = []
        private(set) var byNumber: [Int] = []

        fileprivate mutating func add(_ rule: Int, startingWith starts: Starts) {
            for id in starts.keys.sorted() { byKey[id] = (byKey[id] ?? []) + [rule] }
            for id in starts.folds.sorted() { byFold[id] = (byFold[id] ?? []) + [rule] }
            for mark in starts.marks { byMark[mark, default: []].append(rule) }
            if starts.place { byPlace.append(rule) }
            if starts.level { byLevel.append(rule) }
            if starts.number { byNumber.append(rule) }
        }
    }

    private(set) var rules: [Rule] = []
    /// Rules that read a name from its first word.
    private(set) var starting = RuleIndex()
    /// Rules that extend a body read before (`{body} …`), by what can follow the body.
    private(set) var extending = RuleIndex()

    let places: PlaceGazetteer
    private(set) var organs: [String: Organ] = [:]
    /// Organs by canonical name, to give a reading built from parts its gazetteer id.
    private(set) var organsByName: [String: Organ] = [:]
    private(set) var domains = PhraseTrie<Domain>()
    private(set) var commissions = PhraseTrie<Domain>()
    /// Commission domains by canonical name ("Inspection").
    private(set) var commissionsByName: [String: Domain] = [:]
    /// Words of ordinals and terms.
    let words: BodyWords

    init(places: PlaceGazetteer, vocabulary v: inout Vocabulary) {
        self.places = places
        words = BodyWords(&v)
        for line in ResourceFile.lines(named: "bodies", extension: "tsv") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 3, c[0] != "id" else { continue }
            func column(_ k: Int) -> String { k < c.count ? c[k] : "" }
            guard let kind = Organ.Kind(rawValue: c[2]) else { preconditionFailure("bodies.tsv: unknown kind \(c[2]) in \(line)") }
            let organ = Organ(id: c[0], name: c[1], kind: kind, takesArticle: column(9) != "no-article",
                              asParent: column(10).isEmpty ? nil : column(10),
                              from: column(7).isEmpty ? nil : column(7), until: column(8).isEmpty ? nil : column(8))
            organs[organ.id] = organ
            organsByName[organ.name] = organ
            let names: [(Int, Language)] = [(3, .vietnamese), (4, .english), (5, .french), (6, .undetermined)]
            for (index, language) in names {
                for name in column(index).components(separatedBy: " | ").map({ $0.trimmingSpaces }) where !name.isEmpty {
                    var written = name
                    let weak = written.hasPrefix("~")
                    if weak { written.removeFirst() }
                    add(pattern: written, language: language, production: .organ(organ.id), weak: weak, &v)
                }
            }
        }
        for line in ResourceFile.lines(named: "body-domains", extension: "tsv") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count >= 6 else { continue }
            let domain = Domain(name: c[0], central: c[2].isEmpty ? nil : c[2])
            let isCommission = c[1] == "commission"
            for (index, matching) in [(3, PhraseTrie<Domain>.Matching.key), (4, .folded), (5, .folded)] {
                for name in c[index].components(separatedBy: " | ").map({ $0.trimmingSpaces }) where !name.isEmpty {
                    if isCommission { commissions.insert(name, domain, matching: matching, &v); commissionsByName[domain.name] = domain }
                    else { domains.insert(name, domain, matching: matching, &v) }
                }
            }
        }
        // The Central Committee's commissions in the gazetteer know their domain ("Central Inspection Commission").
        for domain in commissionsByName.values {
            guard let central = domain.central, var organ = organsByName[central] else { continue }
            organ.commissionDomain = domain.name
            organs[organ.id] = organ
            organsByName[central] = organ
        }
        for line in ResourceFile.lines(named: "body-grammar", extension: "txt") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: true).map { $0.trimmingSpaces }
            guard c.count >= 3, let language = Language(code: c[0]) else {
                preconditionFailure("body-grammar.txt: not a rule: \(line)")
            }
            guard let production = Self.production(c[2]) else { preconditionFailure("body-grammar.txt: bad production: \(line)") }
            let flag = c.count > 3 ? c[3] : ""
            add(pattern: c[1], language: language, production: production, weak: flag == "weak", &v)
            rules[rules.count - 1].possessive = flag == "possessive"
            rules[rules.count - 1].listItem = flag == "list"
            rules[rules.count - 1].beforeAuthoritiesAndPeople = flag == "people"
            rules[rules.count - 1].inCongressName = flag == "congress"
        }
    }

    private mutating func add(pattern: String, language: Language, production: Production, weak: Bool, _ v: inout Vocabulary) {
        var parser = PatternParser(text: pattern, byKey: language == .vietnamese)
        let elements = parser.parse(&v)
        let index = rules.count
        let isSuffix: Bool
        if case .slot(.body, false) = elements.first { isSuffix = true } else { isSuffix = false }
        rules.append(Rule(language: language, elements: isSuffix ? Array(elements.dropFirst()) : elements, production: production,
                          priority: index, isSuffix: isSuffix, weak: weak))
        for element in elements {
            guard case let .word(id, byKey, _, _) = element else { continue }
            if byKey { rules[index].requiredKeys.append(id) } else { rules[index].requiredFolds.append(id) }
        }
        var starts = Starts()
        collectStarts(isSuffix ? elements.dropFirst() : elements[...], into: &starts)
        if isSuffix { extending.add(index, startingWith: starts) } else { starting.add(index, startingWith: starts) }
    }

    fileprivate struct Starts {
        var keys: Set<Int32> = [], folds: Set<Int32> = [], marks: Set<UInt32> = []
        var place = false, level = false, number = false
    }

    /// What can start `elements`; returns whether they can match nothing at all.
    @discardableResult
    private func collectStarts(_ elements: ArraySlice<Element>, into starts: inout Starts) -> Bool {
        guard let first = elements.first else { return true }
        var empty = false
        switch first {
        case let .word(id, byKey, _, _):
            if byKey { starts.keys.insert(id) } else { starts.folds.insert(id) }
        case .mark(let mark):
            starts.marks.insert(mark)
        case .choice(let alternatives):
            for alternative in alternatives where collectStarts(alternative[...], into: &starts) { empty = true }
        case .optional(let inner):
            collectStarts(inner[...], into: &starts)
            empty = true
        case let .slot(slot, optional):
            switch slot {
            case .place, .province, .name: starts.place = true
            case .level: starts.level = true
            case .number, .ordinal: starts.number = true
            case .commission, .domain:
                let words = slot == .commission ? commissions.firstWords : domains.firstWords
                starts.keys.formUnion(words.keys)
                starts.folds.formUnion(words.folds)
            default: preconditionFailure("a rule cannot start with {\(slot.rawValue)}")
            }
            empty = optional
        }
        if empty { return collectStarts(elements.dropFirst(), into: &starts) }
        return false
    }

    private static func production(_ text: String) -> Production? {
        var parts: [String] = []
        var rest = Substring(text)
        while let first = rest.first {
            if first == " " { rest = rest.dropFirst(); continue }
            if first == "\"" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: "\"") else { return nil }
                parts.append(String(body[..<close]))
                rest = body[body.index(after: close)...]
            } else {
                let word = rest.prefix { $0 != " " }
                parts.append(String(word))
                rest = rest.dropFirst(word.count)
            }
        }
        guard let kind = parts.first else { return nil }
        // "... of local "Head" level" / "... of organ ID"
        var parent: Parent?
        if let of = parts.firstIndex(of: "of") {
            let spec = Array(parts[(of + 1)...])
            parts = Array(parts[..<of])
            switch spec.first {
            case "local" where spec.count >= 2: parent = .local(head: spec[1], level: spec.count > 2 ? PlaceLevel(rawValue: spec[2]) : nil)
            case "organ" where spec.count >= 2: parent = .organ(spec[1])
            case "last" where spec.count >= 2: parent = Antecedent(rawValue: spec[1]).map(Parent.antecedent)
            case "next": parent = .antecedent(.next)
            default: return nil
            }
        }
        let level = parts.count > 2 ? PlaceLevel(rawValue: parts[2]) : nil
        switch kind {
        case "organ": return parts.count > 1 ? .organ(parts[1]) : nil
        case "local": return parts.count > 1 ? .local(head: parts[1], level: level) : nil
        case "department": return .department(parts.count > 1 ? PlaceLevel(rawValue: parts[1]) : nil)
        case "ministry": return .ministry
        case "general-department": return .generalDepartment
        case "sub":
            guard parts.count > 1, let role = SubRole(rawValue: parts[1]) else { return nil }
            return .sub(role, parent: parent)
        case "commission":
            var domain: String?
            for part in parts.dropFirst() {
                if part == "central" { parent = .organ("C02") } else { domain = part }
            }
            return .commission(domain: domain, parent: parent)
        case "congress": return parts.count > 1 ? .congress(parts[1]) : nil
        case "military": return .military
        default: return nil
        }
    }

    /// The organ for `id`.
    func organ(_ id: String) -> Organ? { organs[id] }
}

/// Reads a rule's pattern.
private struct PatternParser {
    let scalars: [Unicode.Scalar]
    var k = 0
    let byKey: Bool

    init(text: String, byKey: Bool) {
        scalars = Array(text.unicodeScalars)
        self.byKey = byKey
    }

    mutating func parse(_ v: inout Vocabulary) -> [BodyGrammar.Element] {
        let result = sequence(&v)
        precondition(k == scalars.count, "body-grammar.txt: unbalanced pattern \(String(String.UnicodeScalarView(scalars)))")
        return result
    }

    private mutating func sequence(_ v: inout Vocabulary) -> [BodyGrammar.Element] {
        var result: [BodyGrammar.Element] = []
        while k < scalars.count {
            let c = scalars[k]
            if c == " " { k += 1; continue }
            if c == ")" || c == "|" || c == "]" { break }
            if c == "(" {
                k += 1
                var alternatives: [[BodyGrammar.Element]] = [sequence(&v)]
                while k < scalars.count, scalars[k] == "|" {
                    k += 1
                    alternatives.append(sequence(&v))
                }
                precondition(k < scalars.count && scalars[k] == ")", "body-grammar.txt: unclosed (")
                k += 1
                result.append(.choice(alternatives))
            } else if c == "[" {
                k += 1
                var alternatives: [[BodyGrammar.Element]] = [sequence(&v)]
                while k < scalars.count, scalars[k] == "|" {
                    k += 1
                    alternatives.append(sequence(&v))
                }
                precondition(k < scalars.count && scalars[k] == "]", "body-grammar.txt: unclosed [")
                k += 1
                result.append(.optional(alternatives.count == 1 ? alternatives[0] : [.choice(alternatives)]))
            } else if c == "{" {
                var name = ""
                k += 1
                while k < scalars.count, scalars[k] != "}" { name.unicodeScalars.append(scalars[k]); k += 1 }
                k += 1
                let optional = name.hasSuffix("?")
                if optional { name.removeLast() }
                guard let slot = BodyGrammar.Slot(rawValue: name) else { preconditionFailure("body-grammar.txt: no slot {\(name)}") }
                result.append(.slot(slot, optional: optional))
            } else if Scalars.isLetter(c.value) || c == "^" {
                var capitalised = false
                if c == "^" { capitalised = true; k += 1 }
                var word = ""
                while k < scalars.count, Scalars.isLetter(scalars[k].value) { word.unicodeScalars.append(scalars[k]); k += 1 }
                let uppers = word.unicodeScalars.filter { Scalars.isUpper($0.value) }.count
                let exact = uppers >= 2 ? Normalization.nfc(word) : nil
                let id = byKey ? v.add(TokenizedText.key(word)) : v.add(TokenizedText.fold(word))
                result.append(.word(id: id, byKey: byKey, exact: exact, capitalised: capitalised))
            } else {
                var mark = c.value
                switch mark {
                case 0x2019, 0x2018: mark = 0x27
                case 0x2013, 0x2014: mark = 0x2D
                default: break
                }
                result.append(.mark(mark))
                k += 1
            }
        }
        return result
    }
}

/// Words the body slots read: ordinals and terms.
struct BodyWords: Sendable {
    /// khóa (vi), mandat, législature (fr), term, tenure (en).
    var termWords = WordSet()
    /// "đại", "hội", "biểu": the words of "Đại hội (đại biểu)" before a Party Committee named in a congress's name.
    var dai = WordSet(), hoi = WordSet(), bieu = WordSet()
    /// Words that make a body's name a building's: "Nhà" right before it, "House" and "building" after it.
    var buildingBefore = WordSet(), buildingAfter = WordSet()
    /// Ordinal suffixes: th, st, nd, rd, e, er, ème.
    var ordinalSuffixes = WordSet()
    /// Roman numerals, folded.
    var romans: [String: Int] = [:]
    /// Articles and words that never start a place ("The", "Le").
    var notPlaces = WordSet()
    /// Words in the plural that make a name generic ("các cấp", "all levels", "tous les niveaux").
    var levels = WordSet()
    var all = WordSet()

    init(_ v: inout Vocabulary) {
        termWords = WordSet(keys: ["khóa"], folded: ["mandat", "législature", "term", "tenure"], &v)
        dai = WordSet(keys: ["đại"], &v)
        hoi = WordSet(keys: ["hội"], &v)
        bieu = WordSet(keys: ["biểu"], &v)
        buildingBefore = WordSet(keys: ["nhà"], &v)
        buildingAfter = WordSet(folded: ["house", "building"], &v)
        // "15ᵉ": the superscript e (U+1D49) of French typography.
        ordinalSuffixes = WordSet(folded: ["th", "st", "nd", "rd", "e", "er", "ème", "eme", "è", "ᵉ", "ᵉʳ"], &v)
        let numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
                        "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv"]
        for (k, numeral) in numerals.enumerated() { romans[numeral] = k + 1 }
        // Matched with their diacritics: "Tô", "Lê" and "La" (Sơn La) stay place syllables.
        notPlaces = WordSet(keys: ["các", "những", "tại", "của", "và", "ở", "theo", "đồng", "chí", "ông", "bà", "the", "a", "an",
                                   "le", "la", "les", "l", "des", "du", "de", "un", "une", "this", "ce", "cette", "in", "on",
                                   "en", "dans", "of", "and", "et", "au", "aux", "pour", "par", "avec", "sur", "for", "by",
                                   "with", "from", "at", "as", "mr", "mrs", "ms", "m", "mme", "party", "parti", "provincial",
                                   "province", "city", "district", "people", "committee", "council", "comité", "conseil",
                                   "commune", "ward", "town", "ville", "secretary", "chairman", "president", "deputy",
                                   "vice", "member", "comrade", "camarade", "national", "central", "standing", "general",
                                   "vietnam", "viet", "department", "ministry", "minister", "dear", "chers", "cher",
                                   "special", "zone", "military", "region"], &v)
        levels = WordSet(keys: ["cấp"], folded: ["levels", "niveaux"], &v)
        all = WordSet(keys: ["các"], folded: ["all", "tous"], &v)
    }

    /// A roman numeral's value.
    func roman(_ folded: String) -> Int? { romans[folded] }
}
