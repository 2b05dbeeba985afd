import ArgumentParser
import Foundation
import Triglot

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split texts into paragraphs and sentences.",
        discussion: """
        Prints one sentence per line (--format lines; line breaks inside a sentence become spaces), or one JSON \
        object per sentence (--format jsonl) with the file, paragraph index and kind, language, UTF-8 byte offsets \
        start/end into the file's text, and the text. FILE '-' reads standard input. Errors go to standard error; \
        the exit status is 1 if any file could not be read.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case lines, jsonl }

    @Argument(help: "Text files to segment ('-' for standard input).")
    var files: [String]

    @Option(help: "Language of the text: auto detects it per paragraph and sentence.")
    var lang: LanguageOption = .auto

    @Option(help: "Output format: lines or jsonl.")
    var format: Format = .lines

    @Option(help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = 256 << 20

    func run() throws {
        let reader = TextReader(maximumBytes: maxBytes)
        let segmenter = Segmenter(options: SegmentationOptions(language: lang.choice))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var failures = 0
        let output = FileHandle.standardOutput
        for file in files {
            do {
                let input = try reader.read(path: file)
                let document = try segmenter.segment(input)
                var lines = ""
                for sentence in document.sentences {
                    let text = document.text(of: sentence)
                    switch format {
                    case .lines:
                        lines += text.split(whereSeparator: \.isNewline).joined(separator: " ")
                        lines += "\n"
                    case .jsonl:
                        let paragraph = document.paragraphs[sentence.paragraph]
                        let record = SentenceRecord(
                            file: file, index: sentence.index, paragraph: sentence.paragraph, kind: paragraph.kind,
                            language: sentence.language, start: sentence.span.start, end: sentence.span.end,
                            text: String(text))
                        lines += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
                    }
                }
                output.write(Data(lines.utf8))
            } catch let error as InputError {
                printError("triglot: \(error.errorDescription ?? "\(error)")")
                failures += 1
            } catch {
                printError("triglot: \(file): \(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// One line of `triglot segment --format jsonl`.
struct SentenceRecord: Encodable {
    var file: String
    var index: Int
    var paragraph: Int
    var kind: ParagraphKind
    var language: Language
    /// UTF-8 byte offsets into the file's text.
    var start: Int
    var end: Int
    var text: String
}
