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
    /// The names written with Vietnamese letters ("Nam Định", "Hồ Chí Minh" after a level word), matched with their
    /// tones: a name on a page written with Vietnamese letters must be spelled so, since a person's "Nam Đình" is no
    /// "Nam Định".
    private(set) var vietnameseNames = PhraseTrie<Place>()

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
                let rest = Self.withoutLevelWord(name)
                if let rest { namesAfterLevel.insert(rest, place, matching: .folded, &v) }
                if Self.hasVietnameseLetters(name) {
                    vietnameseNames.insert(name, place, matching: .key, &v)
                    if let rest { vietnameseNames.insert(rest, place, matching: .key, &v) }
                }
            }
        }
        let levels: [(String, PlaceLevel, PhraseTrie<PlaceLevel>.Matching)] = [
            ("tỉnh", .province, .key), ("thành phố", .city, .key), ("TP", .city, .folded), ("Tp", .city, .folded),
            ("huyện", .district, .key), ("quận", .district, .key), ("thị xã", .town, .key), ("xã", .commune, .key),
            ("phường", .ward, .key), ("thị trấn", .commune, .key), ("đặc khu", .specialZone, .key),
            ("province", .province, .folded), ("city", .city, .folded), ("district", .district, .folded),
            ("commune", .commune, .folded), ("ward", .ward, .folded), ("town", .town, .folded),
            ("special zone", .specialZone, .folded), ("island district", .district, .folded), ("ville", .city, .folded),
            ("quartier", .ward, .folded), ("district insulaire", .district, .folded),
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
            guard (k..<match.end).allSatisfy({ !t[$0].isWord || t[$0].capitalised || t[$0].upper }) else { return false }
            // Written with Vietnamese letters, it is spelled with its tones.
            guard (k..<match.end).contains(where: { Self.hasVietnameseLetters(t.bytes[t[$0].start..<t[$0].end]) }) else { return true }
            return vietnameseNames.matches(in: t, from: k).contains { $0.end == match.end }
        }.map { (end: $0.end, places: $0.values) }
    }

    /// Whether `text` holds a letter only Vietnamese writes (đ, ơ, ư, ă, ĩ, ũ, the vowels with a dot below, a hook
    /// or a tone over a circumflex), precomposed or with its combining mark; French "Nghê An", "Dông Nai" do not.
    static func hasVietnameseLetters(_ text: String) -> Bool { hasVietnameseLetters(Array(text.utf8)[...]) }

    /// The same test on UTF-8 bytes: Đ đ Ă ă Ĩ ĩ (C4 90, 91, 82, 83, A8, A9), Ũ ũ (C5 A8, A9), Ơ ơ Ư ư (C6 A0, A1,
    /// AF, B0), U+1EA0–U+1EF9 (E1 BA A0 – E1 BB B9), combining U+0309, U+031B, U+0323 (CC 89, 9B, A3).
    static func hasVietnameseLetters(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0xC4 { i += 1; continue }
            let next = i + 1 < bytes.endIndex ? bytes[i + 1] : 0
            switch b {
            case 0xC4: if [0x90, 0x91, 0x82, 0x83, 0xA8, 0xA9].contains(next) { return true }
            case 0xC5: if next == 0xA8 || next == 0xA9 { return true }
            case 0xC6: if [0xA0, 0xA1, 0xAF, 0xB0].contains(next) { return true }
            case 0xCC: if [0x89, 0x9B, 0xA3].contains(next) { return true }
            case 0xE1:
                let third = i + 2 < bytes.endIndex ? bytes[i + 2] : 0
                if next == 0xBA && third >= 0xA0 || next == 0xBB && third <= 0xB9 { return true }
            default: break
            }
            i += 1
        }
        return false
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
