import ArgumentParser
import Foundation
import Triglot

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Learn the bead model that scores alignments of news.",
        subcommands: [ModelLearn.self, ModelCalibrate.self]
    )
}

struct ModelLearn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Learn a bead model (logistic regression over bead features) from news gold groups.",
        discussion: """
        Each INPUT is a news gold group (a folder with source.json) or a folder of them. Every bead the aligner \
        could make is a candidate, labelled by the gold links. Give the model to align, process, batch or eval news \
        with --model FILE.
        """
    )

    @Argument(help: "News gold groups, or folders of them.")
    var inputs: [String]

    @Option(help: "Where to write the model (standard output if absent).")
    var output: String?

    @Option(help: "Log-odds of leaving a sentence unaligned, against which links compete.")
    var deletionScore = 0.0

    @Option(help: "A lexicon file to score words with besides the hand-made ones (the model must then be used with it); repeatable.")
    var lexicon: [String] = []

    func run() throws {
        try reportingErrors {
            let groups = try NewsGroup.read(inputs)
            var lexicons = Lexicon.handMade
            for path in lexicon { lexicons = lexicons.merging(try Lexicon(contentsOfFile: path)) }
            let training = try NewsBeadTraining(groups, lexicon: lexicons)
            let model = training.learn(excluding: nil, deletionScore: deletionScore)
            let data = try JSONEncoder.stable(pretty: true).encode(model) + Data("\n".utf8)
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
                let (candidates, links) = training.counts
                printError("triglot: model learned from \(groups.count) groups (\(candidates) candidate beads, \(links) links), written to \(output)")
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}

struct ModelCalibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit how a bead model's links get their confidence, on news gold groups it was not learned from.",
        discussion: """
        Aligns every language pair of the groups with the model (in groups of three versions, as the three-way \
        alignment does), and fits a logistic regression of whether each link is in the gold on the link's posterior, \
        its model score and whether the third version bears it out or contradicts it; writes the model with that \
        calibration.
        """
    )

    @Argument(help: "News gold groups, or folders of them (not those the model was learned from).")
    var inputs: [String]

    @Option(help: "The bead model to calibrate (the shipped one if absent).")
    var model: String?

    @Option(help: "Where to write the calibrated model (standard output if absent).")
    var output: String?

    func run() throws {
        try reportingErrors {
            let groups = try NewsGroup.read(inputs)
            var bead = try model.map(BeadModel.read) ?? .standard
            let overlap = Set(bead.trainedOn).intersection(groups.map(\.id))
            guard overlap.isEmpty else {
                throw Failure(description: "the model was learned from \(overlap.count) of these groups: calibrate on others")
            }
            bead.calibration = nil
            var evaluator = NewsEvaluator()
            evaluator.configuration.model = bead
            bead.calibration = try ConfidenceCalibration.fit(on: groups, evaluator: evaluator)
            let data = try JSONEncoder.stable(pretty: true).encode(bead) + Data("\n".utf8)
            if let output { try data.write(to: URL(fileURLWithPath: output)) } else { FileHandle.standardOutput.write(data) }
        }
    }
}

extension BeadModel {
    /// Reads a model file, with an error that names it.
    static func read(path: String) throws -> BeadModel {
        do {
            return try JSONDecoder().decode(BeadModel.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Failure(description: "\(path): not a bead model: \(error)")
        }
    }
}
