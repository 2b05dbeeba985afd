import ArgumentParser
import Foundation
import Triglot

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Triglot against hand-made gold.",
        subcommands: [EvalSegment.self]
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
