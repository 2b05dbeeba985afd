import Foundation
import Testing

/// The built `triglot` tool, run as a separate process.
enum Tool {
    /// The tool, beside the test bundle.
    static var executable: URL? {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        return candidates.map { $0.appendingPathComponent("triglot") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the tool to its end; standard output and error are read concurrently so neither pipe fills up.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = try start(arguments)
        let out = process.standardOutput as! Pipe, err = process.standardError as! Pipe, input = process.standardInput as! Pipe
        nonisolated(unsafe) var stderr = Data()
        let done = DispatchSemaphore(value: 0)
        Thread {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts the tool with pipes on its standard streams, and returns at once.
    static func start(_ arguments: [String], discardingOutput: Bool = false) throws -> Process {
        let executable = try #require(Self.executable, "the triglot tool is not built beside the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if discardingOutput {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        } else {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        }
        process.standardInput = Pipe()
        try process.run()
        return process
    }
}
