import ArgumentParser
import Foundation
import Triglot

struct Process: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process an article bundle (two or three versions): one JSON record with the alignment and the linked entities.",
        discussion: "The record follows ArticleRecord (schemaVersion 1): article (versions, date), alignment, entities with every version's mentions."
    )

    @Argument(help: "The two or three versions of the article.")
    var files: [String]

    @Option(help: "The article's date, YYYY-MM-DD.")
    var date: String?

    @Flag(help: "Indent the JSON.")
    var pretty = false

    func run() throws {
        try reportingErrors {
            guard files.count == 2 || files.count == 3 else { throw Failure(description: "give two or three versions") }
            let articleDate = try articleDate(date)
            let documents = try files.map { try Segmenter().segment(TextReader().read(path: $0)) }
            let record = ArticleProcessor().process(documents, articleDate: articleDate)
            FileHandle.standardOutput.write(try record.json(pretty: pretty) + Data("\n".utf8))
        }
    }
}
