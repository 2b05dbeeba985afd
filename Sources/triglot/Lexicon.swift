import ArgumentParser
import Foundation
import Triglot
import TriglotBatch

struct LexiconCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Learn translation tables for the aligner.",
        subcommands: [LexiconLearn.self]
    )
}

struct LexiconLearn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Learn a translation table (IBM Model 1, both directions) from parallel texts.",
        discussion: """
        Each INPUT is a news gold group (a folder with source.json: its gold links are used), a folder of such \
        groups, or files and folders of documents as for `batch`: those are paired into article bundles, aligned, \
        and their links of confidence 0.9 or more are used. The table is written in Triglot's lexicon format \
        (columns vi, en, fr, weight); give it to align, process, batch or eval news with --lexicon FILE.
        """
    )

    @Argument(help: "News gold groups, folders of them, or documents.")
    var inputs: [String]

    @Option(help: "Where to write the table (standard output if absent).")
    var output: String?

    @Option(help: "A pair must occur in at least this many aligned groups.")
    var minCount = 2

    @Option(help: "Links of documents (not gold groups) are used from this confidence on.")
    var minConfidence = 0.9

    func run() async throws {
        do {
            var groups: [NewsGroup] = []
            var documents: [String] = []
            for input in inputs {
                let found = (try? NewsGroup.groups(in: input)) ?? []
                if found.isEmpty { documents.append(input) } else { groups += try found.map { try NewsGroup(path: $0) } }
            }
            var lexicon = NewsLexicon.learn(from: groups, minimumCount: minCount)
            if !documents.isEmpty { lexicon = lexicon.merging(try await learnFromDocuments(documents)) }
            let text = lexicon.tsv(comment: [
                "Translation table learned by `triglot lexicon learn` (IBM Model 1 in both directions; weight: geometric",
                "mean of the two directions' probabilities). Triglot's lexicon format: see Lexicon.",
            ])
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
                printError("triglot: \(lexicon.entries.count) entries written to \(output)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch {
            throw reported(error)
        }
    }

    /// Pairs the documents into bundles, aligns every pair of versions, and learns from the confident links.
    private func learnFromDocuments(_ paths: [String]) async throws -> Lexicon {
        let pairing = try await BatchRunner().pair(paths)
        for failure in pairing.failures { printError("triglot: \(failure.message)") }
        let segmenter = Segmenter()
        let aligner = Aligner()
        var learners: [NewsLanguagePair: LexiconLearner] = [:]
        var sources: [String] = []
        for bundle in pairing.bundles where bundle.members.count > 1 {
            let documents = try bundle.members.map { try segmenter.segment(try TextReader().read(path: $0)) }
            sources += bundle.members.map { ($0 as NSString).lastPathComponent }
            for a in documents.indices {
                for b in documents.indices where b > a {
                    let (x, y) = (documents[a], documents[b])
                    guard let lx = x.languages.first, let ly = y.languages.first, lx != ly else { continue }
                    var pair = NewsLanguagePair(lx, ly)
                    var (first, second) = (x, y)
                    if NewsLanguagePair(ly, lx) < pair { pair = NewsLanguagePair(ly, lx); (first, second) = (y, x) }
                    var learner = learners[pair] ?? LexiconLearner(source: pair.first, target: pair.second)
                    learner.minimumCount = minCount
                    for bead in aligner.align(first, second).links(minimumConfidence: minConfidence) {
                        learner.add(source: bead.sentences[0].map { String(first.text(of: first.sentences[$0])) }.joined(separator: " "),
                                    target: bead.sentences[1].map { String(second.text(of: second.sentences[$0])) }.joined(separator: " "))
                    }
                    learners[pair] = learner
                }
            }
        }
        var result = Lexicon(languages: [.vietnamese, .english, .french], entries: [])
        for pair in learners.keys.sorted() { result = result.merging(learners[pair]!.learn()) }
        result.notes["learned from"] = sources.sorted().joined(separator: " ")
        return result
    }
}
