/// The level of a local body, and of the place it is named after.
enum PlaceLevel: String, Sendable, Hashable, CaseIterable {
    case province
    /// A city under the central government (Hanoi, Ho Chi Minh City, Da Nang, Hai Phong, Can Tho, Hue).
    case centralCity = "central-city"
    /// A provincial city.
    case city
    case town
    case district
    case commune
    case ward
    case specialZone = "special-zone"
    /// A hamlet or village: its Party cell is "<Name> Party Cell".
    case hamlet

    /// The word between a place and a local body's head in canonical names: `Nghe An Provincial Party
    /// Committee`, `Hanoi Party Committee`, `Vinh City Party Committee`, `Co To Special Zone Party Committee`.
    var qualifier: String {
        switch self {
        case .province: return "Provincial"
        case .centralCity: return ""
        case .city: return "City"
        case .town: return "Town"
        case .district: return "District"
        case .commune: return "Commune"
        case .ward: return "Ward"
        case .specialZone: return "Special Zone"
        case .hamlet: return ""
        }
    }

    /// Whether a body of this level belongs to a province or centrally-run city (the article's own, when the text
    /// leaves the place out).
    var isProvincial: Bool { self == .province || self == .centralCity }
}

/// A place as body values name it: its English name without diacritics and its level.
struct Place: Sendable, Hashable {
    var name: String
    var level: PlaceLevel
}

/// Provinces, centrally-run cities and provincial cities (`Resources/places.tsv`), matched with or without
/// diacritics, and the capitalised names of places the list lacks.
struct PlaceGazetteer: Sendable {
    /// Known names, folded, with every place they can be (a province and its capital may share a name).
    private(set) var names = PhraseTrie<Place>()
    /// Every known place by folded English name and level.
    private(set) var all: [Place] = []
    /// Level words before or after a place name: tỉnh, thành phố, TP, huyện, xã, phường, province, city, …
    private(set) var levelWords = PhraseTrie<PlaceLevel>()
    /// Names whose written form starts with a level word, without it ("Hồ Chí Minh" of "Thành phố Hồ Chí Minh"):
    /// known only right after a level word, where the name alone would read as a person's.
    private(set) var namesAfterLevel = PhraseTrie<Place>()

    init(_ v: inout Vocabulary) {
        for line in ResourceFile.lines(named: "places", extension: "tsv") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 3, let level = PlaceLevel(rawValue: columns[1]) else { continue }
            let place = Place(name: columns[0], level: level)
            all.append(place)
            var written = [columns[0], columns[2]]
            if columns.count > 3 { written += columns[3].components(separatedBy: " | ") }
            for name in Set(written.map { $0.trimmingSpaces }) where !name.isEmpty {
                names.insert(name, place, matching: .folded, &v)
                if let rest = Self.withoutLevelWord(name) { namesAfterLevel.insert(rest, place, matching: .folded, &v) }
            }
        }
        let levels: [(String, PlaceLevel, PhraseTrie<PlaceLevel>.Matching)] = [
            ("tỉnh", .province, .key), ("thành phố", .city, .key), ("TP", .city, .folded), ("Tp", .city, .folded),
            ("huyện", .district, .key), ("quận", .district, .key), ("thị xã", .town, .key), ("xã", .commune, .key),
            ("phường", .ward, .key), ("thị trấn", .commune, .key), ("đặc khu", .specialZone, .key),
            ("province", .province, .folded), ("city", .city, .folded), ("district", .district, .folded),
            ("commune", .commune, .folded), ("ward", .ward, .folded), ("town", .town, .folded),
            ("special zone", .specialZone, .folded), ("ville", .city, .folded), ("quartier", .ward, .folded),
            ("zone spéciale", .specialZone, .folded),
        ]
        for (word, level, matching) in levels { levelWords.insert(word, level, matching: matching, &v) }
    }

    /// The known places whose name starts at token `k`, longest first.
    func known(in t: TokenizedText, at k: Int) -> [(end: Int, places: [Place])] {
        guard k < t.count, t[k].isWord, t[k].capitalised || t[k].upper else { return [] }
        let found = names.matches(in: t, from: k)
        let afterLevel = namesAfterLevel.matches(in: t, from: k)
        // Longest first; only a name after a level word needs merging in (rarely).
        let matches = afterLevel.isEmpty || !levelEnds(at: k, in: t) ? found.reversed()
            : (afterLevel + found).sorted { $0.end < $1.end }.reversed()
        return matches.filter { match in
            // A name is written as one run: capitalised words (and the marks inside it, "TP.HCM", "Bà Rịa - Vũng Tàu").
            (k..<match.end).allSatisfy { !t[$0].isWord || t[$0].capitalised || t[$0].upper }
        }.map { (end: $0.end, places: $0.values) }
    }

    /// Whether a level word ends right before token `k`, or before a full stop right before it ("thành phố | Hồ
    /// Chí Minh", "TP. | HCM").
    private func levelEnds(at k: Int, in t: TokenizedText) -> Bool {
        (max(0, k - 3)..<k).contains { start in
            guard let end = levelWords.longest(in: t, from: start)?.end else { return false }
            return end == k || end == k - 1 && t[end].isMark(".")
        }
    }

    /// A written name without the level word it starts with, if it starts with one. The forms places.tsv writes
    /// with a level word are few, so they are listed here rather than matched against `levelWords` (which would
    /// case-fold every place name at start-up).
    private static func withoutLevelWord(_ name: String) -> String? {
        for level in ["Thành phố ", "Tỉnh ", "TP. ", "TP.", "TP ", "Tp. ", "Tp.", "Tp "] where name.hasPrefix(level) {
            let rest = String(name.dropFirst(level.count)).trimmingSpaces
            return rest.isEmpty ? nil : rest
        }
        return nil
    }

    /// The level word at `k` ("tỉnh", "thành phố", "province"), if any.
    func level(in t: TokenizedText, at k: Int) -> (end: Int, level: PlaceLevel)? {
        guard let match = levelWords.longest(in: t, from: k) else { return nil }
        return (match.end, match.values[0])
    }

    /// The place of a known name at the level wanted (a centrally-run city for a provincial or city level), or
    /// its provincial reading.
    static func choose(_ places: [Place], level: PlaceLevel?) -> Place {
        guard let level else { return places.first { $0.level.isProvincial } ?? places[0] }
        if let exact = places.first(where: { $0.level == level }) { return exact }
        if level == .province || level == .city, let central = places.first(where: { $0.level == .centralCity }) { return central }
        // "ville de Cua Lo": a town is a city to a translator.
        if level == .city, let town = places.first(where: { $0.level == .town }) { return town }
        return Place(name: places[0].name, level: level)
    }

    /// The province a source address belongs to: a provincial paper's host names it ("baonghean.vn",
    /// "nghean.dcs.vn", "baolangson.vn"); Saigon Giai Phong is Ho Chi Minh City's, Hanoi Moi Hanoi's.
    func province(ofSource source: String?) -> Place? {
        guard let source else { return nil }
        var host = Substring(source)
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        host = host.prefix { $0 != "/" }
        let compact = host.lowercased().replacingOccurrences(of: "-", with: "")
        if compact.contains("sggp") { return all.first { $0.name == "Ho Chi Minh City" } }
        if compact.contains("hanoimoi") { return all.first { $0.name == "Hanoi" } }
        var best: Place?
        for place in all where place.level.isProvincial {
            let key = TokenizedText.fold(place.name).filter { $0.isLetter }
            guard key.count >= 6, compact.contains(key) else { continue }
            if best.map({ key.count > TokenizedText.fold($0.name).filter { $0.isLetter }.count }) ?? true { best = place }
        }
        return best
    }
}
