import ArgumentParser
import Foundation
import Triglot

@main
struct TriglotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triglot",
        abstract: "Segment, align and extract Vietnamese, French and English versions of official notices.",
        subcommands: [Segment.self, Align.self, Extract.self, Process.self, Batch.self, Export.self, Pair.self, Eval.self]
    )
}

/// The language option shared by subcommands.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case auto, vi, fr, en

    var choice: SegmentationOptions.LanguageChoice {
        switch self {
        case .auto: return .detect
        case .vi: return .fixed(.vietnamese)
        case .fr: return .fixed(.french)
        case .en: return .fixed(.english)
        }
    }
}

/// Writes to standard error (standard output is for results only).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Reports a failure on standard error and exits non-zero.
struct Failure: Error, CustomStringConvertible {
    var description: String
}

extension ParsableCommand {
    /// Runs `body`, turning library errors into a message on stderr and exit status 1.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as InputError {
            printError("triglot: \(error.errorDescription ?? "\(error)")")
            throw ExitCode(1)
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("triglot: \(error)")
            throw ExitCode(1)
        }
    }
}

/// The article date given on the command line, `YYYY-MM-DD`.
func articleDate(_ text: String?) throws -> DateComponents? {
    guard let text else { return nil }
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
        throw Failure(description: "--date takes YYYY-MM-DD, not \(text)")
    }
    return DateComponents(year: parts[0], month: parts[1], day: parts[2])
}
