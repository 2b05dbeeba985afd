import Foundation

/// Extracts mentions from a segmented document, sentence by sentence: document references, dates, named bodies
/// and people with their posts, by the news conventions.
///
/// Page furniture (boilerplate and dateline sentences, see ``ParagraphKind/isPageFurniture``) holds no mentions.
/// Each sentence is tokenized once and read by every extractor: references first (so that the year inside a State
/// code is no date), then dates (a reference takes the date it states), bodies and people. Over the document,
/// bodies whose name leaves out a place or a congress take the one the document is about (`BodyContext`).
public struct Extractor: Sendable {
    public init() {}

    /// The mentions of `document`, in text order. `articleDate` completes partial dates; when nil, the
    /// document's dateline gives it, or failing that the latest full date the text mentions.
    public func mentions(in document: Document, articleDate: DateComponents? = nil) -> [Mention] {
        let resources = ExtractionResources.standard
        let dates = DateExtractor()
        let references = DocumentReferenceExtractor()
        let bodies = BodyExtractor()
        let people = PersonExtractor()
        let sentences = document.sentences.filter { !$0.kind.isPageFurniture }
        let tokenized = sentences.map { resources.tokenize(String(document.text(of: $0))) }
        let article = articleDate ?? dates.articleDate(of: document) ?? latestFullDate(tokenized, dates: dates)
        let isoDate = article.flatMap { d in d.year.map { String(format: "%04d-%02d-%02d", $0, d.month ?? 1, d.day ?? 1) } }
        var context = BodyContext(defaultPlace: resources.places.province(ofSource: document.source)
                                    ?? Self.firstNamedProvince(tokenized, places: resources.places),
                                  articleYear: article?.year)
        let cues = DocumentCues(tokenized)
        let aboutTheGovernment = cues.namesThePrimeMinister
        var later = LaterCommissions(sentences: tokenized, languages: sentences.map(\.language), date: isoDate,
                                     aboutTheGovernment: aboutTheGovernment)
        var result: [Mention] = []
        for (index, (sentence, tokens)) in zip(sentences, tokenized).enumerated() {
            context.nextSentence()
            let base = sentence.span.start
            let found = references.references(in: tokens)
            let codes = found.map(\.code)
            let dateMentions = dates.mentions(in: tokens, base: 0, articleDate: article, excluding: codes)
            result += references.mentions(found, tokens: tokens, base: base, dates: dateMentions)
            result += dateMentions.map { mention in
                var mention = mention
                mention.span = Span(start: mention.span.start + base, end: mention.span.end + base)
                return mention
            }
            var bodyTokens = tokens
            var parses = bodies.found(in: tokens, language: sentence.language, date: isoDate, excluding: codes,
                                      aboutTheGovernment: aboutTheGovernment)
            // A page stored up to a size limit ends mid-word: its last sentence's bodies are read with the cut word
            // completed, so that a name the cut shortened is still found (the conventions annotate it up to the cut).
            if index == sentences.count - 1, Self.startOfBody(reachingTheLastWordOf: tokens, in: parses) == nil,
               Self.endsMidWord(document, at: sentence),
               let completed = completedCut(tokens, language: sentence.language, date: isoDate, excluding: codes,
                                            aboutTheGovernment: aboutTheGovernment, resources: resources, bodies: bodies) {
                (bodyTokens, parses) = completed
            }
            let named = settle(parses, tokens: bodyTokens, context: &context, places: resources.places, grammar: bodies.grammar,
                               congressNamed: cues.namesACongress, later: &later, sentence: index)
                .map { found in
                    var mention = bodies.mention(found.parse, reading: found.reading, tokens: bodyTokens, base: base)
                    // A name read through the completed word ends where the page does.
                    if mention.span.end > base + tokens.bytes.count {
                        mention.span = Span(start: mention.span.start, end: base + tokens.bytes.count)
                        mention.text = tokens.string(bytes: (mention.span.start - base)..<tokens.bytes.count)
                    }
                    return mention
                }
            result += named
            result += people.mentions(in: tokens, base: base, bodies: named)
        }
        return result.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// Whether `sentence` ends `document` in the middle of a word: only white space follows it, and it stops
    /// right after a letter, with no final stop (a page stored up to a size limit).
    static func endsMidWord(_ document: Document, at sentence: Sentence) -> Bool {
        guard document.text.utf8.dropFirst(sentence.span.end).allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }),
              let last = document.text(of: sentence).unicodeScalars.last(where: { !$0.properties.isWhitespace })
        else { return false }
        return last.properties.isAlphabetic
    }

    /// Where the earliest body that runs from a whole word before the last word of `tokens` through the last word
    /// starts, among `parses` (nil if none does).
    private static func startOfBody(reachingTheLastWordOf tokens: TokenizedText, in parses: [BodyParser.Parse]) -> Int? {
        let last = tokens.count - 1
        return parses.filter { $0.start < last && $0.end == last + 1 }.map(\.start).min()
    }

    /// The last sentence of a cut page with its last word completed by a word of place names or of the body
    /// grammar, when that makes a body name reach through the cut word from a whole word before it ("Comité central
    /// du Pa" read as "Comité central du Parti", "Ban Chấp hành Trung ươ" as "… Trung ương"; a lone fragment such as
    /// "pr" shows no body): the tokens of the completed text whose body reaching the last word starts earliest (then
    /// the completion shortest in bytes, then the first in alphabetical order), with their bodies, or nil when no
    /// completion makes one.
    func completedCut(_ tokens: TokenizedText, language: Language, date: String?, excluding codes: [Range<Int>],
                      aboutTheGovernment: Bool = false, resources: ExtractionResources, bodies: BodyExtractor) -> (TokenizedText, [BodyParser.Parse])? {
        guard tokens.count > 0, tokens[tokens.count - 1].kind == .word else { return nil }
        let last = tokens.count - 1
        let fragment = tokens.string(bytes: tokens[last].start..<tokens[last].end).lowercased()
        let prefix = Array(fragment.utf8)
        // The words of place names and of the body grammar (each once) that continue the fragment, compared on bytes.
        let words = resources.vocabulary.words
        let candidates = words.indices.filter { id in
            let word = words[id].utf8
            return resources.bodyWords.contains(Int32(id)) && word.count > prefix.count && word.starts(with: prefix)
                && !word.contains(0x20)
        }.map { words[$0] }.sorted { ($0.utf8.count, $0) < ($1.utf8.count, $1) }.prefix(Self.cutCompletionsTried)
        var best: (start: Int, tokens: TokenizedText, parses: [BodyParser.Parse])?
        for word in candidates {
            let completed = resources.tokenize(tokens.text + word.dropFirst(fragment.count))
            guard completed.count == tokens.count else { continue }
            let parses = bodies.found(in: completed, language: language, date: date, excluding: codes,
                                      aboutTheGovernment: aboutTheGovernment)
            guard let start = Self.startOfBody(reachingTheLastWordOf: completed, in: parses) else { continue }
            if best == nil || start < best!.start { best = (start, completed, parses) }
        }
        return best.map { ($0.tokens, $0.parses) }
    }

    /// How many completions of a cut word are tried, shortest (in bytes) first.
    static let cutCompletionsTried = 400

    /// The bodies of one sentence with their places and congresses settled from the document, the context
    /// updated with the places the sentence names (before each body: a body takes the place named before it).
    private func settle(_ parses: [BodyParser.Parse], tokens: TokenizedText, context: inout BodyContext,
                        places: PlaceGazetteer, grammar: BodyGrammar,
                        congressNamed: Bool, later: inout LaterCommissions,
                        sentence: Int) -> [(parse: BodyParser.Parse, reading: BodyReading)] {
        var observations = Self.places(in: tokens, places: places)
        var parser = BodyParser(grammar: grammar, tokens: tokens, language: .undetermined, date: nil)
        var congresses: [(position: Int, number: Int?, place: Place?)] = []
        var c = 0
        while c < tokens.count {
            if let congress = parser.congress(at: c) {
                if let place = congress.place {
                    congresses.append((c, congress.value, place))
                    c = congress.end
                    continue
                }
                if let local = Self.localCongress(after: congress.end, in: tokens, observations: observations,
                                                  places: places, grammar: grammar, context: context) {
                    congresses.append((c, congress.value ?? local.number, local.place))
                    c = max(congress.end, local.end)
                    continue
                }
                if let number = congress.value { congresses.append((c, number, nil)) }
                c = congress.end
            } else {
                c += 1
            }
        }
        var result: [(BodyParser.Parse, BodyReading)] = []
        var next = 0
        for (index, parse) in parses.enumerated() {
            while next < observations.count, observations[next].position < parse.start {
                apply(observations[next], to: &context)
                next += 1
            }
            let ahead = observations[next...].first { $0.position >= parse.end && $0.place.level == .province }?.place
            // In a list of posts ("Bí thư Tỉnh ủy, Trưởng Đoàn … tỉnh Lạng Sơn"), a province named before the clause ends.
            var listAhead: Place?
            if parse.end < tokens.count, tokens[parse.end].isMark(","), let place = ahead,
               let position = observations.first(where: { $0.place == place && $0.position >= parse.end })?.position,
               position - parse.end <= 16,
               !(parse.end..<position).contains(where: { tokens[$0].isMark(";") || tokens[$0].isMark(".") || tokens[$0].isMark(":") }) {
                listAhead = place
            }
            let congressHere = congresses.min { abs($0.position - parse.start) < abs($1.position - parse.start) }
                .map { (number: $0.number, place: $0.place) }
            // A bare "Đoàn Chủ tịch" or "Presidium" is a congress's only on a page that names a congress (the
            // Presidium of the Fatherland Front's Central Committee is another).
            if case .congressOrgan(_, nil, nil) = parse.reading, congressHere == nil, !context.namedACongress, !congressNamed { continue }
            // On a page about several provinces, a provincial short name with no province of its own or nearby is
            // generic ("Đảng bộ tỉnh", "Ban Chấp hành Đảng bộ tỉnh": each province's).
            if context.listsSeveralProvinces, case .some(.some(.province)) = parse.reading.missingPlaceLevel, ahead == nil,
               listAhead == nil, !context.namesAProvinceNearby {
                continue
            }
            var reading = context.resolve(parse.reading, ahead: ahead, listAhead: listAhead, congressHere: congressHere)
            if let kind = reading.pendingKind {
                let antecedent: BodyReading?
                switch kind {
                case .next: antecedent = Self.owner(after: index, in: parses, for: reading, context: context, tokens: tokens,
                                                    grammar: grammar)
                case .ministry: antecedent = context.lastMinistry
                case .committee: antecedent = context.lastCommittee
                case .commission:
                    guard let domain = reading.commissionDomain else { continue }
                    if let named = context.lastCommission[domain] ?? Self.commission(of: domain, after: index, in: parses, context: context)
                        ?? later.first(ofDomain: domain, after: sentence, context: context) {
                        // The commission itself, not one of its parent's.
                        result.append((parse, named))
                        context.saw(named)
                        while next < observations.count, observations[next].position < parse.end { next += 1 }
                        continue
                    }
                    antecedent = context.lastCommittee
                }
                guard let antecedent else { continue }
                reading = context.resolve(reading.resolving(antecedent))
            }
            result.append((parse, reading))
            if let place = parse.reading.place { context.saw(place) }
            context.saw(reading)
            // Places inside the mention are its own.
            while next < observations.count, observations[next].position < parse.end { next += 1 }
        }
        while next < observations.count {
            apply(observations[next], to: &context)
            next += 1
        }
        // Congresses named in the sentence count for the sentences after it.
        if let last = congresses.last { context.saw(congress: last.number, place: last.place) }
        let listed = result.count
        result = Self.coordinatedPlaces(result, tokens: tokens, observations: observations, places: places,
                                        parser: &parser, context: context)
        if result.count > listed {
            context.listed(result.compactMap { $0.1.place }.filter { $0.level == .province })
        }
        observations.removeAll()
        return Self.shareComplements(result, tokens: tokens, grammar: grammar)
    }

    /// Bodies named after places whose name ends with a list of places ("Tỉnh ủy Tây Ninh, Tuyên Quang", "Party
    /// Committees of Tây Ninh and Tuyên Quang provinces", "comités du Parti des provinces de Diên Biên et de Gia Lai"):
    /// each place after the first is an elliptical mention of the same body of that place; a body of the listed
    /// owners ("Ban Thường vụ Tỉnh ủy Ninh Bình, Đắk Lắk, Lào Cai": their Standing Boards) is a plural, no mention,
    /// but its first owner is (decision 8 of the news corpus).
    private static func coordinatedPlaces(_ found: [(parse: BodyParser.Parse, reading: BodyReading)], tokens t: TokenizedText,
                                          observations: [Observation], places: PlaceGazetteer, parser: inout BodyParser,
                                          context: BodyContext) -> [(parse: BodyParser.Parse, reading: BodyReading)] {
        var result: [(parse: BodyParser.Parse, reading: BodyReading)] = []
        for item in found {
            guard let owner = item.reading.placedOwner, let place = owner.place,
                  observations.contains(where: { $0.end == item.parse.end && $0.place == place }) else {
                result.append(item)
                continue
            }
            // The places listed after the name: ", Tuyên Quang", "et de Gia Lai", "và tỉnh Lào Cai".
            var more: [Observation] = []
            var k = item.parse.end
            while k < t.count {
                var j = k
                if t[j].isMark(",") { j += 1 }
                if j < t.count, t[j].isWord, ["va", "and", "et"].contains(t.folded(j)) { j += 1 }
                guard j > k, j < t.count else { break }
                if t.folded(j) == "de" { j += 1 } else if j + 1 < t.count, t.folded(j) == "d", t[j + 1].isMark("'") { j += 2 }
                if let level = places.level(in: t, at: j) { j = level.end }
                guard let next = observations.first(where: { $0.position == j }), next.place.level == place.level else { break }
                more.append(next)
                k = next.end
            }
            guard !more.isEmpty else {
                result.append(item)
                continue
            }
            if case .local = item.reading {
                result.append(item)
            } else {
                // The owner's own name inside the plural's: the body read from a later word to the same end.
                var start: Int?
                for s in (item.parse.start + 1)..<item.parse.end where start == nil {
                    if parser.bodies(at: s).contains(where: { $0.end == item.parse.end && context.resolve($0.reading).name == owner.name }) {
                        start = s
                    }
                }
                guard let start else {
                    result.append(item)
                    continue
                }
                var inner = item.parse
                inner.start = start
                inner.reading = owner
                result.append((inner, owner))
            }
            for observation in more {
                var parse = item.parse
                parse.start = observation.position
                parse.end = observation.end
                parse.reading = owner.replacingPlace(observation.place)
                result.append((parse, parse.reading))
            }
        }
        return result
    }

    /// The first commission of `domain` named after the body `index` of `parses` in the same sentence.
    private static func commission(of domain: String, after index: Int, in parses: [BodyParser.Parse],
                                   context: BodyContext) -> BodyReading? {
        parses[(index + 1)...].lazy.filter { !$0.reading.isPending && $0.reading.commissionDomain == domain }
            .first.map { context.resolve($0.reading) }
    }

    /// The owner of a head coordinated with bodies after it ("Ban Chấp hành, Ban Thường vụ Thành ủy"; "le comité
    /// exécutif, la permanence du Comité du Parti de la ville"): the first body of the coordination that can own
    /// it, or the owner of a body of the same kind in it; nil when a post or any other word comes first.
    private static func owner(after index: Int, in parses: [BodyParser.Parse], for reading: BodyReading,
                              context: BodyContext, tokens: TokenizedText, grammar: BodyGrammar) -> BodyReading? {
        guard case .sub(let role, _) = reading else { return nil }
        let t = tokens
        var previousEnd = parses[index].end
        for later in parses[(index + 1)...] {
            // The owner is the complement the item shares with the conjuncts after it ("Ban Chấp hành, Ban Thường vụ
            // Thành ủy", "le comité exécutif, la permanence du Comité du Parti de la ville"): only commas,
            // conjunctions and articles stand between them. An owner named in a later post of a list ("Bí thư Ban
            // cán sự đảng, Chủ tịch UBND tỉnh", "secrétaire du Comité chargé des affaires du Parti et président du
            // Comité populaire", "tham gia Ban Chấp hành, Ban Thường vụ, giữ chức Bí thư Tỉnh ủy") is not the
            // item's: the item is a bare head, no mention by the conventions.
            guard Self.joinsConjuncts(t, previousEnd..<later.start) else { return nil }
            previousEnd = later.end
            if later.reading.isPending { continue }
            let candidate = context.resolve(later.reading)
            var choices = [candidate]
            switch candidate {
            case .sub(_, let parent), .commission(_, let parent): choices.append(parent)
            // "Central Committee of the Vietnam Red Cross Society": its Party delegation is the Society's.
            case .organ(let organ) where organ.name.hasPrefix("Central Committee of the "):
                if let society = grammar.organsByName[String(organ.name.dropFirst("Central Committee of the ".count))] {
                    choices.insert(.organ(society), at: 0)
                }
            default: break
            }
            for choice in choices {
                switch role {
                case .executiveCommittee, .standingCommittee, .standingBoard:
                    if choice.isPartyCommittee { return choice }
                case .partyDelegation:
                    if case .organ(let organ) = choice, [.mass, .front, .centralState].contains(organ.kind) { return choice }
                case .partyCivilAffairsCommittee:
                    if choice.hasPartyCivilAffairsCommittee { return choice }
                default:
                    break
                }
            }
        }
        return nil
    }

    /// Whether only commas, apostrophes, conjunctions and the articles and prepositions before a head stand in
    /// `gap`: what joins the conjuncts of a coordination of bodies.
    private static func joinsConjuncts(_ t: TokenizedText, _ gap: Range<Int>) -> Bool {
        gap.allSatisfy { j in t[j].isMark(",") || t[j].isMark("'") || conjunctionWords.contains(t.folded(j)) }
    }

    private static let conjunctionWords: Set<String> = ["va", "and", "et", "the", "le", "la", "les", "l", "du", "de", "des",
                                                        "au", "aux", "its", "son", "sa", "ses"]

    /// A complement shared by a coordination stays in the last conjunct's span but names every conjunct: in
    /// "the Presidium, Secretariat, and Qualification Examination Board of the 14th National Congress", the
    /// Presidium and Secretariat are the 14th Congress's.
    private static func shareComplements(_ found: [(parse: BodyParser.Parse, reading: BodyReading)], tokens: TokenizedText,
                                         grammar: BodyGrammar) -> [(parse: BodyParser.Parse, reading: BodyReading)] {
        var result = found
        var end = result.count - 1
        while end > 0 {
            guard case .congressOrgan(_, let number, let place) = result[end].reading, number != nil || place != nil
            else { end -= 1; continue }
            var k = end
            while k > 0, Self.joinsConjuncts(tokens, result[k - 1].parse.end..<result[k].parse.start) {
                k -= 1
                switch result[k].reading {
                case .congressOrgan(let organ, _, _):
                    result[k].reading = .congressOrgan(organ, congress: number, place: place)
                case .organ(let organ) where organ.id == "C04" && result[k].parse.end - result[k].parse.start == 1:
                    result[k].reading = .congressOrgan("Secretariat", congress: number, place: place)
                default:
                    break
                }
            }
            end = k - 1
        }
        return result
    }

    private struct Observation {
        var position: Int
        var end: Int
        var place: Place
    }

    /// Words between a congress and the Party organisation whose congress it is: "Congrès du (Comité du) Parti de",
    /// "Congress of the … Party Organisation", folded.
    private static let congressOwnerWords: Set<String> = ["de", "du", "d", "l", "of", "the", "parti", "party", "comite",
                                                          "committee", "organisation", "organization"]

    /// The province or city whose Party congress a congress name ending at `end` is, with the congress's number when
    /// it comes after the place: "Đại hội đại biểu Đảng bộ TPHCM lần thứ I", "Đại hội Đảng bộ tỉnh lần thứ XX" (the
    /// article's province), "1er Congrès du Parti de Hô Chi Minh-Ville", "Congress of the Ho Chi Minh City Party
    /// Organisation". Nil for a National Party Congress.
    private static func localCongress(after end: Int, in t: TokenizedText, observations: [Observation],
                                      places: PlaceGazetteer, grammar: BodyGrammar,
                                      context: BodyContext) -> (place: Place, number: Int?, end: Int)? {
        var j = end
        var sawParty = false
        if j + 1 < t.count, t.folded(j) == "dang", t.folded(j + 1) == "bo" {
            j += 2
            sawParty = true
        } else {
            var steps = 0
            while j < t.count, steps < 6, t[j].isMark("'") || t[j].isWord && congressOwnerWords.contains(t.folded(j)) {
                if ["parti", "party"].contains(t.folded(j)) { sawParty = true }
                j += 1
                steps += 1
            }
        }
        if end > 0, ["parti", "party"].contains(t.folded(end - 1)) { sawParty = true }
        guard sawParty else { return nil }
        var level: (level: PlaceLevel, end: Int)?
        if let found = places.level(in: t, at: j) { level = (found.level, found.end) }
        let start = level?.end ?? j
        var place: Place
        var k: Int
        if let observation = observations.first(where: { $0.position == start }) {
            place = observation.place
            k = observation.end
        } else if let level, level.level.isProvincial || level.level == .centralCity || level.level == .city,
                  let own = context.resolve(.local(head: "Party Committee", level: level.level, place: nil)).place {
            // "Đại hội Đảng bộ tỉnh lần thứ XX": the article's province.
            place = own
            k = level.end
        } else {
            return nil
        }
        var number: Int?
        var after = k
        if after < t.count, t[after].isMark(",") { after += 1 }
        if after + 2 < t.count, t.folded(after) == "lan", t.folded(after + 1) == "thu" {
            if t[after + 2].isNumber { number = t[after + 2].number }
            else if t[after + 2].upper || t[after + 2].capitalised, let roman = grammar.words.roman(t.folded(after + 2)) { number = roman }
            if number != nil { k = after + 3 }
        }
        return (place, number, k)
    }

    private func apply(_ observation: Observation, to context: inout BodyContext) { context.saw(observation.place) }

    /// The known places a sentence names, in order.
    private static func places(in tokens: TokenizedText, places: PlaceGazetteer) -> [Observation] {
        var result: [Observation] = []
        var k = 0
        while k < tokens.count {
            // A place name after a family name is the end of a person's name ("Nguyen Nam Dinh").
            if let match = places.known(in: tokens, at: k).first, !Self.continuesAFamilyName(tokens, at: k) {
                // "tỉnh Nghệ An", "thành phố Vinh", "Vinh city": the level word decides between a province and its
                // capital.
                var level: PlaceLevel?
                if k > 0, let before = places.level(in: tokens, at: k - 1), before.end == k { level = before.level }
                else if let after = places.level(in: tokens, at: match.end) { level = after.level }
                result.append(Observation(position: k, end: match.end, place: PlaceGazetteer.choose(match.places, level: level)))
                k = match.end
            } else {
                k += 1
            }
        }
        return result
    }

    /// Whether the word before `k` is a capitalised family name joined to it by a space ("Nguyen | Nam Dinh").
    private static func continuesAFamilyName(_ t: TokenizedText, at k: Int) -> Bool {
        guard k > 0, t[k].spaceBefore, t[k - 1].isWord, t[k - 1].capitalised else { return false }
        return PersonExtractor.familyNames.contains(t.folded(k - 1))
    }

    /// The first province or centrally-run city the document names, if any: the article's own, when its source
    /// does not say.
    private static func firstNamedProvince(_ sentences: [TokenizedText], places: PlaceGazetteer) -> Place? {
        for tokens in sentences {
            if let observation = Self.places(in: tokens, places: places).first(where: { $0.place.level.isProvincial }) {
                return observation.place
            }
        }
        return nil
    }

    /// The latest day the document writes in full (a notice is dated on or after what it cites).
    private func latestFullDate(_ sentences: [TokenizedText], dates: DateExtractor) -> DateComponents? {
        var latest: CalendarDate?
        for tokens in sentences {
            for mention in dates.mentions(in: tokens, base: 0, articleDate: nil, excluding: []) {
                guard case .date(let value) = mention.value, value.precision == .day, !value.completed,
                      case .date(let day) = value.form, day.year != nil else { continue }
                if latest.map({ day > $0 }) ?? true { latest = day }
            }
        }
        guard let latest, let year = latest.year else { return nil }
        return DateComponents(year: year, month: latest.month, day: latest.day)
    }
}

/// The Party commissions named in a document's sentences, read only when a commission named by its domain alone
/// ("The Inspection Commission proposed …" in a caption) comes before any commission of its domain: the first one
/// named after it is the one meant (a title or caption shortens a name the text then gives in full). The later
/// sentences' bodies are read once, on the first such question.
struct LaterCommissions {
    let sentences: [TokenizedText]
    let languages: [Language]
    let date: String?
    let aboutTheGovernment: Bool
    /// The commissions named, with their sentence, in text order (nil until asked).
    private var named: [(sentence: Int, reading: BodyReading)]?

    init(sentences: [TokenizedText], languages: [Language], date: String?, aboutTheGovernment: Bool) {
        self.sentences = sentences
        self.languages = languages
        self.date = date
        self.aboutTheGovernment = aboutTheGovernment
    }

    /// The first commission of `domain` named in a sentence after `sentence`, completed from `context` (its place).
    mutating func first(ofDomain domain: String, after sentence: Int, context: BodyContext) -> BodyReading? {
        if named == nil {
            let bodies = BodyExtractor()
            let references = DocumentReferenceExtractor()
            var found: [(sentence: Int, reading: BodyReading)] = []
            for (k, tokens) in sentences.enumerated() {
                let codes = references.tokenRanges(in: tokens)
                for parse in bodies.found(in: tokens, language: languages[k], date: date, excluding: codes,
                                          aboutTheGovernment: aboutTheGovernment)
                where !parse.reading.isPending && parse.reading.commissionDomain != nil {
                    found.append((k, parse.reading))
                }
            }
            named = found
        }
        return named?.first { $0.sentence > sentence && $0.reading.commissionDomain == domain }
            .map { context.resolve($0.reading) }
    }
}
