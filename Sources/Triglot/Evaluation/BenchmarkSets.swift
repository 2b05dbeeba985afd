import Foundation

/// A public sentence-alignment gold set in vecalign's layout, as `Benchmarks/data/fetch.sh` lays it out:
///
/// ```
/// <set>/<source folder>/<doc>.txt   one sentence (unit) per line, UTF-8
/// <set>/<target folder>/<doc>.txt
/// <set>/gold/<doc>.txt              gold beads, vecalign format: [0]:[0, 1], []:[7], [3]:[]
/// ```
///
/// ``standard`` lists the sets Triglot reports; a set of one's own is described with the memberwise initialiser.
public struct AlignmentGoldSet: Sendable, Hashable, Codable {
    /// The set's folder name, which is also its name in tables and on the command line (`textberg_de-fr`).
    public var name: String
    /// The folder holding the source side's documents (`de`, or `eng` in ParIce).
    public var sourceFolder: String
    /// The folder holding the target side's documents.
    public var targetFolder: String
    /// The source side's language (`de`).
    public var sourceLanguage: Language
    /// The target side's language (`fr`).
    public var targetLanguage: Language
    /// Only documents whose file name starts with this are aligned (Text+Berg: `test`, the published test set).
    public var documentPrefix: String
    /// Whether the gold's beads are segments holding several sentences (the re-split TED sets): test beads that
    /// touch the same gold bead are then merged before scoring (``AlignmentScore/projected(_:onto:)``).
    public var scoredAtGoldGranularity: Bool
    /// What the set is, in a few words, for table headings.
    public var summary: String

    /// A set of one's own; see the properties.
    public init(name: String, sourceFolder: String, targetFolder: String, sourceLanguage: Language,
                targetLanguage: Language, documentPrefix: String = "", scoredAtGoldGranularity: Bool = false,
                summary: String = "") {
        self.name = name
        self.sourceFolder = sourceFolder
        self.targetFolder = targetFolder
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.documentPrefix = documentPrefix
        self.scoredAtGoldGranularity = scoredAtGoldGranularity
        self.summary = summary
    }

    /// The sets Triglot reports, in the order of its tables (sources and licences in `Benchmarks/data/sets.tsv`).
    public static let standard: [AlignmentGoldSet] = [
        AlignmentGoldSet(name: "textberg_de-fr", sourceFolder: "de", targetFolder: "fr", sourceLanguage: "de",
                         targetLanguage: "fr", documentPrefix: "test",
                         summary: "Text+Berg (Swiss Alpine Club yearbooks, OCR), the Bleualign test documents test0–6"),
        AlignmentGoldSet(name: "parice_en-is", sourceFolder: "eng", targetFolder: "isl", sourceLanguage: "en",
                         targetLanguage: "is", summary: "ParIce, 10 documents of five sub-corpora (SentAlign's set)"),
        AlignmentGoldSet(name: "mac-test_zh-en", sourceFolder: "zh", targetFolder: "en", sourceLanguage: "zh",
                         targetLanguage: "en", summary: "MAC-Test, 24 chapters of Chinese novels and their translations"),
        AlignmentGoldSet(name: "hunalign-1984_hu-en", sourceFolder: "hu", targetFolder: "en", sourceLanguage: "hu",
                         targetLanguage: "en", summary: "Orwell's 1984, MULTEXT-East hand alignment (hunalign's test)"),
        AlignmentGoldSet(name: "hunalign-1984_ro-en", sourceFolder: "ro", targetFolder: "en", sourceLanguage: "ro",
                         targetLanguage: "en", summary: "Orwell's 1984, MULTEXT-East hand alignment (hunalign's test)"),
        AlignmentGoldSet(name: "hunalign-steinbeck_hu-en", sourceFolder: "hu", targetFolder: "en", sourceLanguage: "hu",
                         targetLanguage: "en", summary: "Steinbeck, Cup of Gold, hand alignment (hunalign's test)"),
        AlignmentGoldSet(name: "hunalign-dtm_hu-en", sourceFolder: "hu", targetFolder: "en", sourceLanguage: "hu",
                         targetLanguage: "en", summary: "Diplomacy and Trade Magazine, hand alignment (hunalign's test)"),
        AlignmentGoldSet(name: "iwslt15-ted_en-vi-resplit", sourceFolder: "en", targetFolder: "vi", sourceLanguage: "en",
                         targetLanguage: "vi", scoredAtGoldGranularity: true,
                         summary: "IWSLT'15 TED talks, segments re-split into sentences, scored at segment level"),
        AlignmentGoldSet(name: "ted_en-fr-resplit", sourceFolder: "en", targetFolder: "fr", sourceLanguage: "en",
                         targetLanguage: "fr", scoredAtGoldGranularity: true,
                         summary: "TED talks (IWSLT'13, DiscoMT'15), segments re-split into sentences, scored at segment level"),
        AlignmentGoldSet(name: "iwslt15-ted_en-vi-seg", sourceFolder: "en", targetFolder: "vi", sourceLanguage: "en",
                         targetLanguage: "vi", summary: "IWSLT'15 TED talks, official segments (1-1 by construction)"),
        AlignmentGoldSet(name: "ted_en-fr-seg", sourceFolder: "en", targetFolder: "fr", sourceLanguage: "en",
                         targetLanguage: "fr", summary: "TED talks (IWSLT'13, DiscoMT'15), official segments (1-1 by construction)"),
    ]

    /// The standard set called `name`, if there is one.
    public static func named(_ name: String) -> AlignmentGoldSet? { standard.first { $0.name == name } }

    /// The set's folder inside `dataFolder`.
    public func folder(in dataFolder: String) -> String { (dataFolder as NSString).appendingPathComponent(name) }

    /// Whether `dataFolder` holds this set (its `gold` folder exists).
    public func isPresent(in dataFolder: String) -> Bool {
        var isFolder: ObjCBool = false
        let gold = (folder(in: dataFolder) as NSString).appendingPathComponent("gold")
        return FileManager.default.fileExists(atPath: gold, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The names of the documents aligned: the gold files that start with ``documentPrefix``, sorted, without `.txt`.
    public func documentNames(in dataFolder: String) throws -> [String] {
        let gold = (folder(in: dataFolder) as NSString).appendingPathComponent("gold")
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: gold)
        } catch {
            throw BenchmarkDataError(file: gold, message: "cannot list the gold folder (\(error.localizedDescription))")
        }
        return files.filter { $0.hasSuffix(".txt") && $0.hasPrefix(documentPrefix) }.map { String($0.dropLast(4)) }.sorted()
    }

    /// Reads every document of the set from `dataFolder`, in name order. Throws ``BenchmarkDataError`` naming the
    /// file when one is missing, is not UTF-8, or holds a line that is not a vecalign bead. (Gold beads are not
    /// checked against the sides: ParIce's gold has a deletion bead one past the end, which scoring ignores.)
    public func documents(in dataFolder: String) throws -> [AlignmentGoldDocument] {
        let names = try documentNames(in: dataFolder)
        guard !names.isEmpty else {
            throw BenchmarkDataError(file: (folder(in: dataFolder) as NSString).appendingPathComponent("gold"),
                                     message: "no gold documents\(documentPrefix.isEmpty ? "" : " named \(documentPrefix)*")")
        }
        return try names.map { try document(named: $0, in: dataFolder) }
    }

    /// Reads the document `name` (its two sides and its gold) from `dataFolder`.
    public func document(named name: String, in dataFolder: String) throws -> AlignmentGoldDocument {
        let base = folder(in: dataFolder) as NSString
        let sourcePath = base.appendingPathComponent("\(sourceFolder)/\(name).txt")
        let targetPath = base.appendingPathComponent("\(targetFolder)/\(name).txt")
        let goldPath = base.appendingPathComponent("gold/\(name).txt")
        let source = try Self.lines(sourcePath)
        let target = try Self.lines(targetPath)
        let gold: [VecalignFormat.Line]
        do {
            gold = try VecalignFormat.parse(try Self.text(goldPath), source: goldPath)
        } catch let error as VecalignFormat.FormatError {
            throw BenchmarkDataError(file: goldPath, message: error.description)
        }
        return AlignmentGoldDocument(
            name: name, source: AlignmentSide(sentences: source, language: sourceLanguage),
            target: AlignmentSide(sentences: target, language: targetLanguage), gold: gold)
    }

    private static func text(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchmarkDataError(file: path, message: "missing or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BenchmarkDataError(file: path, message: "not UTF-8 text")
        }
        return text
    }

    /// One sentence per line; a final line break ends the last sentence rather than starting an empty one.
    private static func lines(_ path: String) throws -> [String] {
        try text(path).fileLines
    }
}

/// One document of a gold set: its two sides and its gold beads.
public struct AlignmentGoldDocument: Sendable {
    /// The file name without `.txt`.
    public var name: String
    /// The source side, one sentence per line of its file.
    public var source: AlignmentSide
    /// The target side.
    public var target: AlignmentSide
    /// The gold beads.
    public var gold: [VecalignFormat.Line]

    /// A document; see the properties.
    public init(name: String, source: AlignmentSide, target: AlignmentSide, gold: [VecalignFormat.Line]) {
        self.name = name
        self.source = source
        self.target = target
        self.gold = gold
    }

    /// Sentences of both sides.
    public var sentenceCount: Int { source.sentences.count + target.sentences.count }
}

/// A gold set's file that cannot be used, with what to do about it.
public struct BenchmarkDataError: Error, CustomStringConvertible, Sendable {
    /// The file or folder at fault.
    public var file: String
    /// What is wrong with it.
    public var message: String

    /// An error about `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}
