/// Finds named bodies with the body grammar, and names each by its canonical English name.
///
/// Bodies are read as a grammar, not looked up in a list: head nouns (ủy ban, ban, bộ, sở, hội đồng, đảng ủy,
/// chi bộ, ban cán sự đảng / committee, commission, board, ministry, department, council, office / comité,
/// commission, ministère, service, conseil, bureau) combined with a level, a domain, a place, an ordinal or term
/// and a parent body (`Ban Thường vụ Tỉnh ủy`, `Standing Committee of the Nghe An Provincial Party Committee`,
/// `Party Central Committee's Inspection Commission`), and abbreviations (UBND, HĐND, UBKTTW, CIC, PCC). The
/// gazetteer (`bodies.tsv`) holds the central organs and their many names. See `BodyGrammar`.
///
/// Spans follow the news conventions: the term, ordinal and place attached to a name are inside (`Quốc hội khóa
/// XV`, `13th Party Central Committee`), a leading article never is; the Party or the State alone, posts and bare
/// anaphors are no bodies; a body inside a longer name is not repeated, and a parenthetical abbreviation after a
/// name is a mention of its own (`Central Inspection Commission (CIC)`).
///
/// Used on one text, a body whose place the text leaves out keeps a name without it ("Provincial Party
/// Committee"); ``Extractor`` gives it the place the document is about.
public struct BodyExtractor: Sendable {
    let grammar: BodyGrammar

    public init() { grammar = ExtractionResources.standard.bodies }

    /// The bodies of `text`, with spans as UTF-8 offsets into `text` plus `base`. `date` (`YYYY-MM-DD`, the
    /// article's) is the date on which renamed bodies are named. A body named only through its owner elsewhere in
    /// the document ("its Standing Board", "son Bureau permanent", an item of a list of posts) has no name on one
    /// text and is left out: ``Extractor`` finds it.
    public func mentions(in text: String, base: Int = 0, language: Language = .undetermined, date: String? = nil) -> [Mention] {
        let tokens = ExtractionResources.standard.tokenize(text)
        let codes = DocumentReferenceExtractor().tokenRanges(in: tokens)
        let aboutTheGovernment = DocumentCues([tokens]).namesThePrimeMinister
        return found(in: tokens, language: language, date: date, excluding: codes, aboutTheGovernment: aboutTheGovernment).filter { !$0.reading.isPending }.map { parse in
            mention(parse, reading: parse.reading, tokens: tokens, base: base)
        }
    }

    /// The readings of a tokenized sentence, outside the token ranges `excluded` (document codes).
    /// `aboutTheGovernment`: the document is about the national Government (``DocumentCues/namesThePrimeMinister``).
    func found(in tokens: TokenizedText, language: Language, date: String?, excluding excluded: [Range<Int>],
               aboutTheGovernment: Bool = false) -> [BodyParser.Parse] {
        var parser = BodyParser(grammar: grammar, tokens: tokens, language: language, date: date,
                                aboutTheGovernment: aboutTheGovernment)
        return parser.mentions().filter { parse in !excluded.contains { $0.overlaps(parse.start..<parse.end) } }
    }

    func mention(_ parse: BodyParser.Parse, reading: BodyReading, tokens: TokenizedText, base: Int) -> Mention {
        let start = tokens[parse.start].start
        let end = tokens[parse.end - 1].end
        let name = reading.name
        let id: String?
        if case .organ(let organ) = reading { id = organ.id } else { id = grammar.organsByName[name]?.id }
        return Mention(span: Span(start: base + start, end: base + end), text: tokens.string(bytes: start..<end),
                       value: .body(BodyName(name: name, id: id)))
    }
}

/// What a document has said so far about places and congresses, to name the bodies whose place or congress a
/// mention leaves out: "Tỉnh ủy", "the Provincial Party Committee", "Comité populaire de la province" are the
/// province named in the same or the previous sentence, else the article's own province (its source's, else the
/// first the document names); "Thành ủy", "municipal Party Committee" the last city; "Đoàn Chủ tịch",
/// "Presidium" the organ of the congress last named (else the congress of the article date).
struct BodyContext {
    private var last: [PlaceLevel: (place: Place, position: Int, sentence: Int)] = [:]
    private var position = 0
    /// The sentence being read (places named in it and the one before count as the current topic).
    private var sentence = 0
    var defaultPlace: Place?
    var congress: Int?
    /// The province or city of the congress last named, when it is a local Party congress ("Đại hội đại biểu Đảng
    /// bộ TPHCM lần thứ I").
    var congressPlace: Place?
    var defaultCongress: Int?
    /// The last ministry and Party committee named, for "the ministry's …", "its Standing Board".
    private(set) var lastMinistry: BodyReading?
    private(set) var lastCommittee: BodyReading?
    /// The last Party commission named of each domain, by the domain's name ("Inspection"), for a commission
    /// named by its domain alone.
    private(set) var lastCommission: [String: BodyReading] = [:]

    init(defaultPlace: Place?, articleYear: Int?) {
        self.defaultPlace = defaultPlace
        // National Party Congresses are held every five years in January: the 11th in 2011, the 14th in 2026.
        defaultCongress = articleYear.map { 11 + ($0 - 2011) / 5 }
    }

    /// A place the text names (in a body's name or anywhere).
    mutating func saw(_ place: Place) {
        position += 1
        last[place.level] = (place, position, sentence)
    }

    /// The next sentence begins.
    mutating func nextSentence() { sentence += 1 }

    /// A congress named: a National Party Congress's number, or a local congress's number (if given) and place.
    mutating func saw(congress number: Int?, place: Place?) {
        congress = number
        congressPlace = place
    }

    /// Whether the document has named a congress so far (national or local).
    var namedACongress: Bool { congress != nil || congressPlace != nil }

    /// A body the text names (resolved): it and the bodies it is of become antecedents.
    mutating func saw(_ reading: BodyReading) {
        var current: BodyReading? = reading
        while let body = current {
            if body.isMinistry { lastMinistry = body }
            if let domain = body.commissionDomain, !body.isPending { lastCommission[domain] = body }
            if body.isPartyCommittee { lastCommittee = body; break }
            switch body {
            case .sub(_, let parent), .commission(_, let parent): current = parent
            default: current = nil
            }
        }
    }

    /// The reading with its missing place and congress filled. `ahead` is the province the sentence names after
    /// the mention, taken when the document has named none before ("secrétaire adjoint du Comité provincial du
    /// Parti, président du Comité populaire de la province de Yên Bai").
    /// `listAhead` is the province named after the mention in the same list of posts ("Bí thư Tỉnh ủy, Trưởng Đoàn
    /// đại biểu Quốc hội tỉnh Lạng Sơn"), taken first. `congressHere` is a congress the sentence names.
    func resolve(_ reading: BodyReading, ahead: Place? = nil, listAhead: Place? = nil,
                 congressHere: (number: Int?, place: Place?)? = nil) -> BodyReading {
        var reading = reading
        if reading.missingCongress {
            if let here = congressHere { reading = reading.withCongress(here.number, place: here.place) }
            else if namedACongress { reading = reading.withCongress(congress, place: congressPlace) }
            else if let defaultCongress { reading = reading.withCongress(defaultCongress) }
        }
        guard let wanted = reading.missingPlaceLevel else { return reading }
        if wanted == .province || wanted == nil, let listAhead { return reading.placed(listAhead) }
        if (wanted == .province || wanted == nil), last[.province] == nil, let ahead { return reading.placed(ahead) }
        if let place = place(at: wanted) { reading = reading.placed(place) }
        return reading
    }

    /// The document has listed several provinces after one body's name ("Ban Thường vụ Tỉnh ủy Ninh Bình, Đắk Lắk,
    /// Lào Cai"): it is about several provinces, so a short name that names none ("Đảng bộ tỉnh", "the provincial
    /// Party Committee") is no longer the article's own province's.
    var listsSeveralProvinces: Bool { !listedProvinces.isEmpty }
    /// The provinces the document has listed so.
    private(set) var listedProvinces: [Place] = []

    mutating func listed(_ provinces: [Place]) {
        for place in provinces where !listedProvinces.contains(place) { listedProvinces.append(place) }
    }

    /// Whether a province other than the listed ones was named in this sentence or the one before (the short names'
    /// current topic).
    var namesAProvinceNearby: Bool {
        if let recent = last[.province], recent.sentence >= sentence - 1, !listedProvinces.contains(recent.place) { return true }
        return false
    }

    private func place(at level: PlaceLevel?) -> Place? {
        func latest(_ levels: [PlaceLevel]) -> Place? {
            levels.compactMap { last[$0] }.max { $0.position < $1.position }?.place
        }
        switch level {
        case .province?:
            // A province named in this sentence or the one before is the topic; else the article's own.
            if let recent = last[.province], recent.sentence >= sentence - 1 { return recent.place }
            return (defaultPlace?.level == .province ? defaultPlace : nil) ?? latest([.province]) ?? latest([.centralCity]) ?? defaultPlace
        case .city?:
            return latest([.centralCity, .city]) ?? (defaultPlace?.level == .centralCity ? defaultPlace : nil)
        case .centralCity?:
            return latest([.centralCity]) ?? (defaultPlace?.level == .centralCity ? defaultPlace : nil)
        case nil:
            if let recent = [last[.province], last[.centralCity]].compactMap({ $0 }).max(by: { $0.position < $1.position }),
               recent.sentence >= sentence - 1 { return recent.place }
            return defaultPlace ?? latest([.province, .centralCity])
        case let other?:
            return latest([other])
        }
    }
}

/// What a whole document says that decides how some of its bodies are read, found in one pass over its words.
struct DocumentCues {
    /// The document names the Prime Minister by name ("Premier ministre Pham Minh Chinh", "Prime Minister Pham Minh
    /// Chinh"): it is about the national Government, and a French "gouvernement" in lower case names it. A page
    /// about a province that mentions the Prime Minister without a name ("soumettre au Premier ministre") is not.
    private(set) var namesThePrimeMinister = false
    /// The document names a congress ("đại hội", "congress", "congrès"): a bare "Đoàn Chủ tịch" or "Presidium" is
    /// then a congress's.
    private(set) var namesACongress = false

    init(_ sentences: [TokenizedText]) {
        for t in sentences {
            for k in 0..<t.count where t[k].isWord {
                // Only words of the lengths and first letters of these cues are folded: no string for other words.
                let length = t[k].end - t[k].start
                let first = t.bytes[t[k].start] | 0x20
                if !namesThePrimeMinister, length == 5 || length == 7, first == 0x70, k + 2 < t.count,
                   ["premier", "prime"].contains(t.folded(k)), ["ministre", "minister"].contains(t.folded(k + 1)),
                   t[k + 2].isWord, t[k + 2].capitalised {
                    namesThePrimeMinister = true
                }
                // "congress", "congrès", "congresses" start with c; "đại" with đ (C4) or d.
                if !namesACongress, length >= 3, first == 0x63 || first == 0x64 || t.bytes[t[k].start] == 0xC4 {
                    let word = t.folded(k)
                    namesACongress = word.hasPrefix("congres") || word == "dai" && k + 1 < t.count && t.folded(k + 1) == "hoi"
                }
                if namesThePrimeMinister && namesACongress { return }
            }
        }
    }
}
