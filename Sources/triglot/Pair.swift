import ArgumentParser
import Foundation
import Triglot
import TriglotBatch

struct Pair: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find which documents are versions of the same article; one JSON line per bundle.",
        discussion: """
        Each line: members (paths, in input order), languages (per member), method (manifest, article-id, \
        file-name, anchors, single) and score (anchors: the lowest pairwise score, 0-1). Inputs as for `batch`.
        """
    )

    @Argument(help: "Files and folders.")
    var inputs: [String]

    @Option(help: "A manifest of known correspondences: one article per line, its files separated by tabs.")
    var manifest: String?

    @Option(help: "Pairs scoring below this stay apart.")
    var minScore: Double?

    @Flag(help: "Also print every pair's score on standard error (quadratic in the number of documents).")
    var scores = false

    func run() async throws {
        var options = BatchOptions()
        if let minScore { options.pairer.minimumScore = minScore }
        let result: PairingResult
        do {
            if let manifest { options.manifest = try Manifest.read(path: manifest) }
            result = try await BatchRunner(options: options).pair(inputs, allScores: scores)
        } catch {
            printError("triglot: \(error)")
            throw ExitCode(1)
        }
        var out = ""
        for bundle in result.bundles {
            out += String(decoding: try JSONEncoder.stable().encode(bundle), as: UTF8.self) + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        for (a, b, score) in result.scores { printError(String(format: "%.4f\t%@\t%@", score, a, b)) }
        for failure in result.failures { printError("triglot: \(failure.message)") }
        if !result.failures.isEmpty { throw ExitCode(1) }
    }
}
