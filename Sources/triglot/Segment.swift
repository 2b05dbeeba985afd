import ArgumentParser
import Foundation
import Triglot

extension SegmentationOptions.Boundaries: ExpressibleByArgument {}

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split texts into paragraphs and sentences.",
        discussion: """
        Prints one sentence per line (--format lines; line breaks inside a sentence become spaces), or one JSON \
        object per sentence (--format jsonl) with the file, paragraph index, kind (body, heading, caption, dateline or \
        boilerplate), language, UTF-8 byte offsets \
        start/end into the file's text, and the text, or one JSON object per file with counts of paragraphs by \
        kind, sentences by language and bytes (--format stats). FILE '-' reads standard input. Errors go to standard error; \
        the exit status is 1 if any file could not be read.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case lines, jsonl, stats }

    @Argument(help: "Text files to segment ('-' for standard input).")
    var files: [String]

    @Option(help: "Language of the text: auto detects it per paragraph and sentence.")
    var lang: LanguageOption = .auto

    @Option(help: "Output format: lines, jsonl or stats.")
    var format: Format = .lines

    @Option(help: "Sentence boundaries: corrected (ICU with Triglot's rules) or icu (bare ICU, for comparison).")
    var boundaries: SegmentationOptions.Boundaries = .corrected

    @Option(help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = 256 << 20

    func run() throws {
        let reader = TextReader(maximumBytes: maxBytes)
        let segmenter = Segmenter(options: SegmentationOptions(language: lang.choice, boundaries: boundaries))
        let encoder = JSONEncoder.stable()
        var failures = 0
        let output = FileHandle.standardOutput
        for file in files {
            do {
                let input = try reader.read(path: file)
                let document = try segmenter.segment(input)
                var lines = ""
                if format == .stats {
                    lines = String(decoding: try encoder.encode(FileStatistics(file: file, document: document)), as: UTF8.self) + "\n"
                }
                for sentence in document.sentences where format != .stats {
                    let text = document.text(of: sentence)
                    switch format {
                    case .lines:
                        lines += Self.oneLine(text)
                        lines += "\n"
                    case .stats:
                        break
                    case .jsonl:
                        let record = SentenceRecord(
                            file: file, index: sentence.index, paragraph: sentence.paragraph, kind: sentence.kind,
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

extension Segment {
    /// The sentence on one line: each line break (LF, CR LF, CR, NEL, LS, PS) becomes one space.
    static func oneLine(_ text: Substring) -> String {
        // LF and CR are single bytes; NEL (C2 85), LS (E2 80 A8) and PS (E2 80 A9) are recognised by their lead.
        var utf8 = text.utf8.makeIterator()
        var breaks = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        while let byte = utf8.next() {
            if byte == 0x0A || byte == 0x0D || (byte == 0x85 && previous == 0xC2)
                || ((byte == 0xA8 || byte == 0xA9) && previous == 0x80 && beforePrevious == 0xE2) {
                breaks = true
                break
            }
            beforePrevious = previous
            previous = byte
        }
        guard breaks else { return String(text) }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            let isBreak = scalar == "\n" || scalar == "\r" || scalar.value == 0x85 || scalar.value == 0x2028
                || scalar.value == 0x2029
            result.append(isBreak ? " " : scalar)
        }
        return String(result)
    }
}

/// One line of `triglot segment --format jsonl`.
struct SentenceRecord: Encodable {
    var file: String
    var index: Int
    var paragraph: Int
    /// What the sentence is on the page (its paragraph's kind, or boilerplate for material split off it).
    var kind: ParagraphKind
    var language: Language
    /// UTF-8 byte offsets into the file's text.
    var start: Int
    var end: Int
    var text: String
}

/// One line of `triglot segment --format stats`.
struct FileStatistics: Encodable {
    var file: String
    var bytes: Int
    var paragraphs: [String: Int]
    var sentences: [String: Int]

    init(file: String, document: Document) {
        self.file = file
        bytes = document.text.utf8.count
        paragraphs = Dictionary(grouping: document.paragraphs, by: \.kind.rawValue).mapValues(\.count)
        sentences = Dictionary(grouping: document.sentences, by: \.language.code).mapValues(\.count)
    }
}
