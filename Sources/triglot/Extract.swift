import ArgumentParser
import Foundation
import Triglot

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract dates, document references, named bodies and people from a text, one JSON object per mention.",
        discussion: """
        Each line: type (date, docref, body, person), text, UTF-8 start/end offsets into the file's text, value \
        (ISO 8601 for dates; {kind, number, date} for references; the canonical English name for bodies, such as \
        "Nghe An Provincial Party Committee"; the folded name for people) and attributes (a date's precision and \
        role, a reference's code, system, type and issuer, a body's gazetteer id, a person's post and body). \
        Page furniture (menus, bylines, datelines) holds no mentions. --date gives the article date that completes \
        partial dates; otherwise the dateline's date, or the latest full date in the text, is used.
        """
    )

    @Argument(help: "The text file ('-' for standard input).")
    var file: String

    @Option(help: "Language of the text: auto detects it per paragraph and sentence.")
    var lang: LanguageOption = .auto

    @Option(help: "The article's date, YYYY-MM-DD.")
    var date: String?

    func run() throws {
        try reportingErrors {
            let articleDate = try articleDate(date)
            let document = try Segmenter(options: SegmentationOptions(language: lang.choice)).segment(TextReader().read(path: file))
            var output: [UInt8] = []
            for mention in Extractor().mentions(in: document, articleDate: articleDate) {
                mention.appendJSONLine(to: &output)
                output.append(0x0A)
            }
            FileHandle.standardOutput.write(Data(output))
        }
    }
}
