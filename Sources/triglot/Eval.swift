import ArgumentParser
import Foundation
import Triglot

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Triglot against hand-made gold.",
        subcommands: [EvalNews.self, EvalSegment.self, EvalLanguage.self, EvalBreaks.self, EvalAlign.self, EvalExtract.self]
    )
}

struct EvalSegment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Score segmentation against gold paragraphs and sentences (see corpus/README.md).",
        discussion: "Reads every NAME.txt in the folders given that has NAME.paragraphs.tsv and NAME.sentences.tsv beside it."
    )

    @Argument(help: "Folders holding texts with gold.")
    var folders: [String]

    @Flag(help: "List every disagreement.")
    var verbose = false

    func run() throws {
        try reportingErrors {
            let segmenter = Segmenter()
            var total = SegmentationScore()
            var scored = 0
            for folder in folders {
                let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
                for name in names {
                    let base = (folder as NSString).appendingPathComponent(String(name.dropLast(4)))
                    guard FileManager.default.fileExists(atPath: base + ".sentences.tsv") else { continue }
                    let input = try TextReader().read(path: base + ".txt")
                    let gold = try SegmentationGold(text: input.text, base: base)
                    let score = SegmentationScore(document: try segmenter.segment(input), gold: gold)
                    print("== \(name)")
                    print(score)
                    if verbose { score.errors.forEach { print("   \($0)") } }
                    total = total + score
                    scored += 1
                }
            }
            guard scored > 0 else { throw Failure(description: "no texts with gold found in \(folders.joined(separator: ", "))") }
            print("== all \(scored) texts (micro-averaged)")
            print(total)
        }
    }
}

struct EvalLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Measure language identification on texts written in one known language.",
        discussion: "Segments each file as a document and counts the sentences (with at least one letter) identified as --expect."
    )

    @Option(help: "The language the files are written in (vi, fr, en).")
    var expect: String

    @Argument(help: "Text files in that language.")
    var files: [String]

    @Flag(help: "Print misidentified sentences.")
    var verbose = false

    func run() throws {
        try reportingErrors {
            guard let language = Language(code: expect) else { throw Failure(description: "not a language code: \(expect)") }
            var score = LanguageScore(expected: language)
            let segmenter = Segmenter()
            for file in files { score.add(try segmenter.segment(try TextReader().read(path: file))) }
            print(score)
            if verbose { score.examples.forEach { print("   \($0)") } }
        }
    }
}

struct EvalBreaks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breaks",
        abstract: "Score sentence boundaries on conformance cases (language<TAB>paragraph with ÷ before each sentence).",
        discussion: "The held-out set is corpus/heldout/sentence-breaks.tsv."
    )

    @Argument(help: "Case files.")
    var files: [String]

    @Flag(help: "List the cases that differ.")
    var verbose = false

    func run() throws {
        try reportingErrors {
            for file in files {
                let (byLanguage, all, failures) = try SentenceBreakCases(file: file).score(with: Segmenter())
                print("== \(file)")
                for (language, counts) in byLanguage.sorted(by: { $0.key.code < $1.key.code }) {
                    print(String(format: "%@  P %.3f  R %.3f  F1 %.3f", language.code, counts.precision, counts.recall, counts.f1))
                }
                print(String(format: "all P %.3f  R %.3f  F1 %.3f  (%d cases differ)", all.precision, all.recall, all.f1, failures.count))
                if verbose { failures.forEach { print("   \($0)") } }
            }
        }
    }
}

struct EvalExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Score extraction against gold mentions: precision, recall and F1 per type and language.",
        discussion: "Reads every NAME.txt in the folders given that has NAME.mentions.tsv beside it (type<TAB>language<TAB>text<TAB>value)."
    )

    @Argument(help: "Folders holding texts with gold mentions.")
    var folders: [String]

    @Flag(help: "List every disagreement.")
    var verbose = false

    func run() throws {
        try reportingErrors {
            var total = ExtractionScore()
            for folder in folders {
                let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
                for name in names {
                    let base = (folder as NSString).appendingPathComponent(String(name.dropLast(4)))
                    guard FileManager.default.fileExists(atPath: base + ".mentions.tsv") else { continue }
                    let document = try Segmenter().segment(try TextReader().read(path: base + ".txt"))
                    let gold = try ExtractionGold(text: document.text, file: base + ".mentions.tsv")
                    let score = ExtractionScore(document: document, mentions: Extractor().mentions(in: document), gold: gold)
                    if verbose { print("== \(name)"); score.errors.forEach { print("   \($0)") } }
                    total = total + score
                }
            }
            guard !total.counts.isEmpty else { throw Failure(description: "no gold mentions found in \(folders.joined(separator: ", "))") }
            print(total)
        }
    }
}
