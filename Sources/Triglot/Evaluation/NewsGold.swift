import Foundation

/// A news gold group: two or three language versions of one article, with hand-made units, boilerplate,
/// alignments and entity mentions, in the layout of `corpus/news/` (and of the news sets Triglot is judged on):
///
/// ```
/// <group>/
///   <lang>.txt              the page text, exactly as stored
///   <lang>.sents            one unit a line, in order, covering the whole text
///   <lang>.boilerplate      0-based indices of boilerplate units
///   <l1>-<l2>.gold          vecalign beads over unit indices (vi-en, vi-fr, en-fr)
///   <lang>.entities.jsonl   mentions: type, text, sent (unit index), start/end (characters in the unit), value
///   source.json             URLs, article date (dct), how the versions relate
/// ```
public struct NewsGroup: Sendable {
    /// The folder name.
    public var id: String
    /// The folder it was read from.
    public var path: String
    /// The article date (`dct` in `source.json`), used to complete partial dates.
    public var articleDate: DateComponents?
    /// The versions, in the order of `source.json`'s `languages`.
    public var versions: [NewsVersion]
    /// Gold alignments by language pair, first language first as in the file name.
    public var alignments: [NewsLanguagePair: [VecalignFormat.Line]]

    /// The version in `language`, if the group has one.
    public func version(_ language: Language) -> NewsVersion? { versions.first { $0.language == language } }

    /// The language pairs that have gold, in the order vi-en, vi-fr, en-fr.
    public var pairs: [NewsLanguagePair] { alignments.keys.sorted() }
}

/// Two languages of a group, in file-name order (`vi-en`, `vi-fr`, `en-fr`).
public struct NewsLanguagePair: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var first: Language
    public var second: Language

    public init(_ first: Language, _ second: Language) {
        self.first = first
        self.second = second
    }

    /// The order of languages in gold file names.
    static let order: [Language] = [.vietnamese, .english, .french]

    public static func < (a: Self, b: Self) -> Bool {
        func rank(_ language: Language) -> Int { order.firstIndex(of: language) ?? order.count }
        return (rank(a.first), rank(a.second), a.first.code, a.second.code)
            < (rank(b.first), rank(b.second), b.first.code, b.second.code)
    }

    public var description: String { "\(first.code)-\(second.code)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "-").compactMap { Language(code: String($0)) }
        guard parts.count == 2 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a pair: \(text)"))
        }
        self.init(parts[0], parts[1])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One language version of a news gold group.
public struct NewsVersion: Sendable {
    public var language: Language
    /// The page text, exactly as stored.
    public var text: String
    /// The gold units, as UTF-8 byte spans into `text`, in order.
    public var units: [Span]
    /// Indices of the units that are boilerplate.
    public var boilerplate: Set<Int>
    /// The gold mentions, in file order.
    public var entities: [GoldEntity]
    /// Where the page came from.
    public var url: String?
}

/// A gold mention of a news group.
public struct GoldEntity: Sendable {
    public var type: MentionType
    /// The exact surface, as written in the unit.
    public var text: String
    /// The unit that holds it.
    public var unit: Int
    /// UTF-8 byte offsets into the version's text.
    public var span: Span
    /// The value in its canonical textual form: an ISO 8601 date, a body's canonical English name, or a
    /// reference as `kind|number|date` (see ``ReferenceValue``).
    public var value: String
}

/// Errors in a news gold folder, with the file and line.
public struct NewsGoldError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}

extension NewsGroup {
    /// Whether `path` is a group folder (it has a `source.json`).
    public static func isGroup(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("source.json"))
    }

    /// The group folders in `folder`, sorted by name; `folder` itself if it is one.
    public static func groups(in folder: String) throws -> [String] {
        if isGroup(folder) { return [folder] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw NewsGoldError(file: folder, line: nil, message: "cannot list the folder (\(error.localizedDescription))")
        }
        return names.sorted().map { (folder as NSString).appendingPathComponent($0) }.filter(isGroup)
    }

    /// Reads every group in `folders` (each a group or a folder of groups), in order; throws if there is none, or
    /// if one is malformed (naming its file and line).
    public static func read(_ folders: [String]) throws -> [NewsGroup] {
        var groups: [NewsGroup] = []
        for folder in folders { groups += try Self.groups(in: folder).map { try NewsGroup(path: $0) } }
        guard !groups.isEmpty else {
            throw NewsGoldError(file: folders.joined(separator: ", "), line: nil, message: "no news groups (folders with source.json)")
        }
        return groups
    }

    /// Reads the group in `path`.
    public init(path: String) throws {
        func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        func read(_ name: String) throws -> String {
            do {
                return try String(contentsOfFile: file(name), encoding: .utf8)
            } catch {
                throw NewsGoldError(file: file(name), line: nil, message: "cannot read it as UTF-8 text")
            }
        }
        let source: SourceFile
        do {
            source = try JSONDecoder().decode(SourceFile.self, from: Data(try read("source.json").utf8))
        } catch let error as NewsGoldError {
            throw error
        } catch {
            throw NewsGoldError(file: file("source.json"), line: nil, message: "not a group description: \(error)")
        }
        self.path = path
        id = (path as NSString).lastPathComponent
        articleDate = source.dct.flatMap(ArticleDates.components)
        versions = try source.languages.map { code in
            guard let language = Language(code: code) else {
                throw NewsGoldError(file: file("source.json"), line: nil, message: "not a language code: \(code)")
            }
            return try NewsVersion(folder: path, language: language, url: source.sources?[code]?.url)
        }
        alignments = [:]
        let languages = versions.map(\.language)
        for (i, a) in languages.enumerated() {
            for b in languages[(i + 1)...] {
                var pair = NewsLanguagePair(a, b)
                if NewsLanguagePair(b, a) < pair { pair = NewsLanguagePair(b, a) }
                let name = "\(pair).gold"
                guard FileManager.default.fileExists(atPath: file(name)) else { continue }
                let beads = try VecalignFormat.parse(try read(name), source: file(name))
                try Self.check(beads, pair: pair, in: self, file: file(name))
                alignments[pair] = beads
            }
        }
    }

    /// Every unit of both sides exactly once.
    private static func check(_ beads: [VecalignFormat.Line], pair: NewsLanguagePair, in group: NewsGroup, file: String) throws {
        for (side, language) in [(0, pair.first), (1, pair.second)] {
            guard let version = group.version(language) else { continue }
            let indices = beads.flatMap { side == 0 ? $0.source : $0.target }.sorted()
            guard indices == Array(0..<version.units.count) else {
                throw NewsGoldError(file: file, line: nil,
                                    message: "the \(language) units (\(version.units.count)) are not each in exactly one bead")
            }
        }
    }

    private struct SourceFile: Decodable {
        struct Version: Decodable { var url: String? }
        var dct: String?
        var languages: [String]
        var sources: [String: Version]?
    }
}

extension NewsVersion {
    init(folder: String, language: Language, url: String?) throws {
        func file(_ ext: String) -> String { (folder as NSString).appendingPathComponent("\(language.code).\(ext)") }
        func read(_ ext: String) throws -> String {
            do {
                return try String(contentsOfFile: file(ext), encoding: .utf8)
            } catch {
                throw NewsGoldError(file: file(ext), line: nil, message: "cannot read it as UTF-8 text")
            }
        }
        self.language = language
        self.url = url
        text = try read("txt")
        let lines = try read("sents").fileLines
        let textBytes = Array(text.utf8)
        var cursor = 0
        units = try lines.enumerated().map { number, line in
            guard let span = SegmentationGold.locate(line, in: textBytes, from: cursor) else {
                throw NewsGoldError(file: file("sents"), line: number + 1, message: "unit not found in the text after byte \(cursor)")
            }
            cursor = span.end
            return span
        }
        boilerplate = []
        for (number, line) in try read("boilerplate").fileLines.enumerated() {
            let trimmed = line.trimmingSpaces
            guard !trimmed.isEmpty else { continue }
            guard let index = Int(trimmed), lines.indices.contains(index) else {
                throw NewsGoldError(file: file("boilerplate"), line: number + 1, message: "not a unit index: \(trimmed)")
            }
            boilerplate.insert(index)
        }
        entities = []
        let entityLines = try read("entities.jsonl").fileLines
        for (number, line) in entityLines.enumerated() where !line.trimmingSpaces.isEmpty {
            let record: EntityRecord
            do {
                record = try JSONDecoder().decode(EntityRecord.self, from: Data(line.utf8))
            } catch {
                throw NewsGoldError(file: file("entities.jsonl"), line: number + 1, message: "not a mention: \(error)")
            }
            guard let type = MentionType(rawValue: record.type), lines.indices.contains(record.sent) else {
                throw NewsGoldError(file: file("entities.jsonl"), line: number + 1, message: "bad type or unit index")
            }
            // start/end count characters (Unicode scalars) of the unit's line.
            let scalars = Array(lines[record.sent].unicodeScalars)
            guard record.start >= 0, record.start <= record.end, record.end <= scalars.count else {
                throw NewsGoldError(file: file("entities.jsonl"), line: number + 1, message: "offsets outside the unit")
            }
            guard String(String.UnicodeScalarView(scalars[record.start..<record.end])) == record.text else {
                throw NewsGoldError(file: file("entities.jsonl"), line: number + 1,
                                    message: "\"\(record.text)\" is not at characters \(record.start)..<\(record.end) of unit \(record.sent)")
            }
            func bytes(_ k: Int) -> Int { scalars[..<k].reduce(0) { $0 + UTF8.width($1) } }
            let unit = units[record.sent]
            // The unit's line is found verbatim in the text, so character offsets map onto it directly.
            var span = Span(start: unit.start + bytes(record.start), end: unit.start + bytes(record.end))
            if !Self.holds(bytes: textBytes, span: span, record.text) {
                // The unit differs from the page in white space: find the surface inside the unit instead.
                guard let found = SegmentationGold.locate(record.text, in: textBytes, from: unit.start), found.end <= unit.end else {
                    throw NewsGoldError(file: file("entities.jsonl"), line: number + 1,
                                        message: "\"\(record.text)\" is not at characters \(record.start)..<\(record.end) of unit \(record.sent)")
                }
                span = found
            }
            entities.append(GoldEntity(type: type, text: record.text, unit: record.sent, span: span, value: record.value.text))
        }
    }

    private static func holds(bytes: [UInt8], span: Span, _ surface: String) -> Bool {
        span.end <= bytes.count && bytes[span.start..<span.end].elementsEqual(surface.utf8)
    }

    private struct EntityRecord: Decodable {
        var type: String
        var text: String
        var sent: Int
        var start: Int
        var end: Int
        var value: EntityValue
    }
}

/// A gold value as written in JSON: a string, or a reference object `{kind, number, date}`.
enum EntityValue: Decodable {
    case string(String)
    case reference(kind: String?, number: String?, date: String?)

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .string(text)
            return
        }
        struct Object: Decodable { var kind: String?; var number: String?; var date: String? }
        let object = try Object(from: decoder)
        self = .reference(kind: object.kind, number: object.number, date: object.date)
    }

    /// The canonical textual form compared by the scorer.
    var text: String {
        switch self {
        case .string(let text): return text
        case let .reference(kind, number, date): return ReferenceValue(kind: kind, number: number, date: date).text
        }
    }
}

/// A document reference's value as the news conventions give it: kind in lower-case English, number as written,
/// date when the mention states it; compared as `kind|number|date`.
public struct ReferenceValue: Hashable, Sendable, Codable {
    public var kind: String?
    public var number: String?
    public var date: String?

    public init(kind: String?, number: String?, date: String?) {
        self.kind = kind
        self.number = number
        self.date = date
    }

    /// `kind|number|date`, empty fields for nulls.
    public var text: String { "\(kind ?? "")|\(number ?? "")|\(date ?? "")" }
}
