/// A body as the grammar reads it: what kind of body, of what level and place, under which parent; its canonical
/// English name is generated from this structure (``name``), identically for every language it was read from.
indirect enum BodyReading: Sendable, Hashable {
    /// A body of the gazetteer, named as it is.
    case organ(Organ)
    /// A local body named after its place: `<place> <level> <head>` ("Nghe An Provincial Party Committee",
    /// "Hanoi People's Committee", "Vinh City People's Council"). Without a place, the document supplies it.
    case local(head: String, level: PlaceLevel?, place: Place?)
    /// A provincial department (Sở): `<place> Department of <domain>`.
    case department(domain: Domain, place: Place?, level: PlaceLevel?)
    /// A ministry, `Ministry of <domain>`.
    case ministry(Domain)
    /// A general department, `General Department of <domain>`.
    case generalDepartment(String)
    /// A body of a parent body: `<role> of the <parent>`.
    case sub(SubRole, parent: BodyReading)
    /// A commission (Ban, Ủy ban) of a Party committee: the Central Committee's are `Central <X> Commission`.
    case commission(Domain, parent: BodyReading)
    /// An organ of a Party congress: `Presidium of the 14th National Party Congress`, or of a province's or city's
    /// congress (`place`): `Presidium of the 1st Ho Chi Minh City Party Congress`. Without the congress, the
    /// document supplies it.
    case congressOrgan(String, congress: Int?, place: Place?)
    /// A military region: `Military Region 4`.
    case militaryRegion(Int)
    /// A parent the text leaves to the document: the ministry or committee named before ("the ministry's Party
    /// civil affairs committee", "its Standing Board"), or the owner named after in a list ("Ban Chấp hành, Ban
    /// Thường vụ, Bí thư Tỉnh ủy Phú Thọ").
    case antecedent(Antecedent)

    /// The canonical English name (places and congresses missing stay out: "Provincial Party Committee").
    var name: String {
        switch self {
        case .organ(let organ):
            return organ.name
        case let .local(head, level, place):
            return Self.localName(head: head, level: level, place: place)
        case let .department(domain, place, level):
            // Circular 03/2009/TT-BNG: a province's Sở is a Department, a district's Phòng a Division.
            if level == .district || place?.level == .district {
                return (place.map { $0.name + " " } ?? "") + "District Division of " + domain.name
            }
            return (place.map { $0.name + " " } ?? "") + "Department of " + domain.name
        case .ministry(let domain):
            return "Ministry of " + domain.name
        case .generalDepartment(let domain):
            return "General Department of " + domain
        case let .sub(role, parent):
            return role.name(of: parent)
        case let .commission(domain, parent):
            if case .organ(let organ) = parent, organ.isCentralCommittee, let central = domain.central { return central }
            return domain.name + " " + (domain.isInspection ? "Commission" : "Committee") + " of " + parent.withArticle
        case let .congressOrgan(organ, congress, place):
            return organ + " of the " + (congress.map { Self.ordinal($0) + " " } ?? "")
                + (place.map { Self.localName(head: "Party Congress", level: $0.level, place: $0) } ?? "National Party Congress")
        case .militaryRegion(let number):
            return "Military Region \(number)"
        case .antecedent:
            return ""
        }
    }

    /// Whether the reading still waits for a parent from the document.
    var isPending: Bool {
        switch self {
        case .antecedent: return true
        case .sub(_, let parent), .commission(_, let parent): return parent.isPending
        default: return false
        }
    }

    /// The reading with its pending parent replaced.
    func resolving(_ antecedent: BodyReading) -> BodyReading {
        switch self {
        case .antecedent: return antecedent
        case let .sub(role, parent): return .sub(role, parent: parent.resolving(antecedent))
        case let .commission(domain, parent): return .commission(domain, parent: parent.resolving(antecedent))
        default: return self
        }
    }

    /// The kind of antecedent the reading waits for.
    var pendingKind: Antecedent? {
        switch self {
        case .antecedent(let kind): return kind
        case .sub(_, let parent), .commission(_, let parent): return parent.pendingKind
        default: return nil
        }
    }

    /// Whether the body is a ministry (or a State organ with a Party civil affairs committee).
    var isMinistry: Bool {
        switch self {
        case .ministry: return true
        case .organ(let organ): return organ.kind == .centralState
        default: return false
        }
    }

    /// Whether the body is a State organ whose Party members are led by a Party Civil Affairs Committee (Ban cán sự
    /// đảng): a ministry, a central State organ, a People's Committee, court or procuracy. The National Assembly, the
    /// People's Councils and the mass organisations have a Party Delegation (Đảng đoàn) instead.
    var hasPartyCivilAffairsCommittee: Bool {
        if isMinistry { return true }
        if case .local(let head, _, _) = self { return Self.stateHeads.contains(head) }
        return false
    }

    private static let stateHeads: Set<String> = ["People's Committee", "People's Court", "People's Procuracy"]

    /// The name after "of": `the Nghe An Provincial Party Committee`, `Military Region 2`, `Central Party Agencies`.
    var withArticle: String {
        switch self {
        case .militaryRegion: return name
        case .organ(let organ) where organ.asParent != nil: return (organ.takesArticle ? "the " : "") + organ.asParent!
        case .organ(let organ) where !organ.takesArticle: return name
        case .organ(let organ) where organ.kind == .congress: return "the " + name
        default: return "the " + name
        }
    }

    static func localName(head: String, level: PlaceLevel?, place: Place?) -> String {
        guard let place else {
            // No place: "Provincial Party Committee", as a reader would say it.
            if let level, level != .centralCity { return level.qualifier + " " + head }
            return head
        }
        let qualifier = place.level.qualifier
        return place.name + (qualifier.isEmpty ? "" : " " + qualifier) + " " + head
    }

    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// The level a body's missing place must have, if the body is named after a place.
    var missingPlaceLevel: PlaceLevel?? {
        switch self {
        case let .local(_, level, place): return place == nil ? .some(level) : nil
        case let .department(_, place, level): return place == nil ? .some(level ?? .province) : nil
        case .sub(_, let parent), .commission(_, let parent): return parent.missingPlaceLevel
        default: return nil
        }
    }

    /// The same body with its missing place (at any depth) filled.
    func placed(_ place: Place) -> BodyReading {
        switch self {
        case let .local(head, level, nil): return .local(head: head, level: level, place: place)
        case let .department(domain, nil, level): return .department(domain: domain, place: place, level: level)
        case let .sub(role, parent): return .sub(role, parent: parent.placed(place))
        case let .commission(domain, parent): return .commission(domain, parent: parent.placed(place))
        default: return self
        }
    }

    /// Whether the congress is missing (neither its number nor its place is known).
    var missingCongress: Bool {
        switch self {
        case .congressOrgan(_, nil, nil): return true
        case .sub(_, let parent), .commission(_, let parent): return parent.missingCongress
        default: return false
        }
    }

    /// The same body with its missing congress filled: a National Party Congress's number, or a local congress's
    /// number (when known) and place.
    func withCongress(_ number: Int?, place: Place? = nil) -> BodyReading {
        switch self {
        case let .congressOrgan(organ, nil, nil): return .congressOrgan(organ, congress: number, place: place)
        case let .sub(role, parent): return .sub(role, parent: parent.withCongress(number, place: place))
        case let .commission(domain, parent): return .commission(domain, parent: parent.withCongress(number, place: place))
        default: return self
        }
    }

    /// Whether the body is a Party committee (its standing board is a "Standing Board", a council's is a
    /// "Standing Committee").
    var isPartyCommittee: Bool {
        switch self {
        case let .local(head, _, _): return head.hasSuffix("Party Committee")
        case .organ(let organ): return organ.isPartyCommittee
        case .sub(let role, _): return role == .partyCommittee
        default: return false
        }
    }

    /// The domain of a Party commission ("Inspection" for the Central Inspection Commission and for the Inspection
    /// Commission of the Hanoi Party Committee); nil for any other body.
    var commissionDomain: String? {
        switch self {
        case .commission(let domain, _): return domain.name
        case .organ(let organ): return organ.commissionDomain
        default: return nil
        }
    }

    /// The body named after a place that owns this one, or this one: the Nghe An Provincial Party Committee for
    /// its Standing Committee and for itself; nil when no body in the chain is named after a place.
    var placedOwner: BodyReading? {
        switch self {
        case .local(_, _, let place?) where place.level.isProvincial || place.level == .city || place.level == .district:
            return self
        case .sub(_, let parent), .commission(_, let parent): return parent.placedOwner
        default: return nil
        }
    }

    /// The same local body of another place.
    func replacingPlace(_ place: Place) -> BodyReading {
        if case let .local(head, level, _) = self { return .local(head: head, level: level, place: place) }
        return self
    }

    /// Whether the body is the Politburo.
    var isPolitburo: Bool {
        if case .organ(let organ) = self { return organ.id == "C03" }
        return false
    }

    /// Whether the body is a committee of the Fatherland Front (its Central Committee or a local one).
    var isFatherlandFrontCommittee: Bool {
        switch self {
        case let .local(head, _, _): return head == "Vietnam Fatherland Front Committee"
        case .organ(let organ): return organ.id == "F02"
        default: return false
        }
    }

    /// Whether the body is named after a level (provincial, district …), at any depth.
    var hasLevel: Bool {
        switch self {
        case let .local(_, level, _): return level != nil
        case let .department(_, _, level): return level != nil
        case .sub(_, let parent), .commission(_, let parent): return parent.hasLevel
        default: return false
        }
    }

    /// The place the body names, at any depth.
    var place: Place? {
        switch self {
        case let .local(_, _, place): return place
        case let .department(_, place, _): return place
        case .sub(_, let parent), .commission(_, let parent): return parent.place
        default: return nil
        }
    }
}

/// Where a parent left out is found.
enum Antecedent: String, Sendable, Hashable {
    /// The last ministry the document named.
    case ministry
    /// The last Party committee the document named.
    case committee
    /// A Party commission named by its domain alone ("the Inspection Commission", "la Commission de contrôle"):
    /// the commission of that domain the document named last, else the first it names later (a title or caption
    /// shortens a name the text gives in full), else the commission of the last Party committee named.
    case commission
    /// The owner named after, in the same sentence (an item of a list of posts).
    case next
}

/// What a body is to its parent.
enum SubRole: String, Sendable, Hashable {
    case standingCommittee, standingBoard, executiveCommittee, office, partyCivilAffairsCommittee, partyCommittee
    case partyDelegation, secretariat, centralCommittee, partyCell, organizationDepartment, centralAgency

    func name(of parent: BodyReading) -> String {
        switch self {
        // The Politburo has no Ban Thường vụ: its "Thường trực", "permanence", is its Standing Board.
        case .standingCommittee where parent.isPolitburo: return "Standing Board of " + parent.withArticle
        case .standingCommittee: return "Standing Committee of " + parent.withArticle
        // Thường trực: of a Party committee its secretary and deputies (the Standing Board); a council's is its
        // Standing Committee.
        // The Fatherland Front's Ban Thường trực is its Standing Board too.
        case .standingBoard:
            return (parent.isPartyCommittee || parent.isFatherlandFrontCommittee || parent.isPolitburo ? "Standing Board of " : "Standing Committee of ")
                + parent.withArticle
        case .executiveCommittee: return "Executive Committee of " + parent.withArticle
        case .office: return "Office of " + parent.withArticle
        case .partyCivilAffairsCommittee: return "Party Civil Affairs Committee of " + parent.withArticle
        case .partyCommittee: return "Party Committee of " + parent.withArticle
        case .partyDelegation: return "Party Delegation of " + parent.withArticle
        case .secretariat: return "Secretariat of " + parent.withArticle
        case .centralCommittee: return "Central Committee of " + parent.withArticle
        case .partyCell: return "Party Cell of " + parent.withArticle
        case .organizationDepartment: return "Organization Department of the Central Agency of " + parent.withArticle
        case .centralAgency: return "Central Agency of " + parent.withArticle
        }
    }
}

/// A body of the gazetteer (`Resources/bodies.tsv`).
struct Organ: Sendable, Hashable {
    var id: String
    /// Canonical English name.
    var name: String
    /// What it is.
    var kind: Kind

    /// The kinds of body the gazetteer names (its third column).
    enum Kind: String, Sendable, Hashable {
        /// A central body of the Party (the Politburo, the Secretariat, the Central Committee's commissions).
        case centralParty = "central-party"
        /// A central body of the State (the National Assembly, the Government, the ministries).
        case centralState = "central-state"
        /// The Fatherland Front.
        case front
        /// A mass organisation (the unions, the Youth Union, the Women's Union).
        case mass
        /// An organ of a Party congress.
        case congress
    }
    /// Whether names of bodies under it put "the" before it ("of the Politburo"; but "of Central Party Agencies").
    var takesArticle: Bool
    /// Its name in the names of bodies under it, when shorter ("Party Committee of the Government").
    var asParent: String?
    /// Validity, `YYYY-MM` (from inclusive, until exclusive), for bodies renamed or merged.
    var from: String?
    var until: String?

    /// For a commission of the Central Committee (the Central Inspection Commission), its domain ("Inspection").
    var commissionDomain: String?

    var isCentralCommittee: Bool { id == "C02" }
    var isPartyCommittee: Bool { name.hasSuffix("Party Committee") || name.hasPrefix("Party Committee of ") || id == "C02" }
}

/// What a ministry, department or commission deals with: its canonical English name and, for the Party's
/// commissions, the name of the Central Committee's.
struct Domain: Sendable, Hashable {
    var name: String
    /// `Central Inspection Commission` for the commission domain "Inspection".
    var central: String?
    var isInspection: Bool { name == "Inspection" }
}
