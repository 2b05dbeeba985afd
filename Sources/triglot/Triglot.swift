import ArgumentParser
import Foundation
import Triglot
import TriglotBatch

@main
struct TriglotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triglot",
        abstract: "Segment, align and extract Vietnamese, French and English versions of official notices.",
        discussion: "Exit status: 0 done; 1 an input or the run failed (the other inputs are still processed); 2 a usage error.",
        subcommands: [Segment.self, Align.self, Extract.self, ProcessCommand.self, Batch.self, Export.self, Pair.self, LexiconCommand.self, ModelCommand.self, Eval.self, Bench.self]
    )

    /// A data file missing from the build is reported (exit status 1) before any command runs.
    func validate() throws { try BundledData.check() }

    /// Runs the command with the documented exit statuses: 0 done, 1 an input or the run failed (the others were
    /// still processed), 2 a usage error (a wrong option, value or number of arguments).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand { try await command.run() } else { try command.run() }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
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
        } catch {
            throw reported(error)
        }
    }

    /// Reports `error` on standard error (unless it is already an exit status) and returns the exit status 1.
    func reported(_ error: any Error) -> any Error {
        switch error {
        case let exit as ExitCode: return exit
        case let error as InputError: printError("triglot: \(error.errorDescription ?? "\(error)")")
        default: printError("triglot: \(error)")
        }
        return ExitCode(1)
    }
}

extension AlignerConfiguration {
    /// Reads aligner settings from a JSON file, with an error that names the file.
    static func read(path: String) throws -> AlignerConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(description: "\(path): cannot read the aligner configuration (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(AlignerConfiguration.self, from: data)
        } catch {
            throw Failure(description: "\(path): not an aligner configuration: \(error)")
        }
    }
}

/// The article date given on the command line, `YYYY-MM-DD` (a real day: 2023-02-30 is refused).
func articleDate(_ text: String?) throws -> DateComponents? {
    guard let text else { return nil }
    guard let date = ArticleDates.components(text) else {
        throw Failure(description: "--date takes YYYY-MM-DD (a day of the calendar), not \(text)")
    }
    return date
}
