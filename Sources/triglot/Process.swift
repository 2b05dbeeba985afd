import ArgumentParser
import Foundation
import Triglot

struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Process an article bundle (two or three versions): one JSON record with the alignment and the linked entities.",
        discussion: "The record follows ArticleRecord (schemaVersion 2): article (versions, date), alignment, entities with every version's mentions (bodies by canonical English name and gazetteer id, references as {kind, number, date})."
    )

    @Argument(help: "The two or three versions of the article.")
    var files: [String]

    @Option(help: "The article's date, YYYY-MM-DD.")
    var date: String?

    @Flag(help: "Indent the JSON.")
    var pretty = false

    @Option(help: "auto (the news bead model for Vietnamese, English and French, the classic scorers otherwise), news, or classic.")
    var aligner: AlignerChoice = .auto

    @Option(help: "A JSON file of aligner settings (AlignerConfiguration); overrides --aligner.")
    var config: String?

    @Option(help: "A lexicon file used besides the shipped ones; repeatable.")
    var lexicon: [String] = []

    func validate() throws {
        guard files.count == 2 || files.count == 3 else { throw ValidationError("give two or three versions") }
    }

    func run() throws {
        try reportingErrors {
            let articleDate = try articleDate(date)
            let documents = try files.map { try Segmenter().segment(TextReader().read(path: $0)) }
            var processor = ArticleProcessor()
            processor.aligner = try aligner.resolve(config: config, lexicons: lexicon, languages: documents.flatMap(\.languages))
            let record = processor.process(documents, articleDate: articleDate)
            FileHandle.standardOutput.write(try record.json(pretty: pretty) + Data("\n".utf8))
        }
    }
}
