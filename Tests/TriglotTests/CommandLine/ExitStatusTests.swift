import Foundation
import Testing

/// The tool's documented exit statuses: 0 done, 1 an input or the run failed, 2 a usage error.
@Suite struct ExitStatusTests {
    static let seeds = TestPaths.corpus.appendingPathComponent("seeds")
    static let vietnamese = seeds.appendingPathComponent("000_623109171bdc0a9e.txt").path
    static let english = seeds.appendingPathComponent("001_08ce92fcf796cfcd.txt").path

    @Test(arguments: [
        ["align", "only-one.txt"],
        ["align", "a.txt", "b.txt", "c.txt", "d.txt"],
        ["process", "only-one.txt"],
        ["export", "--store", "x.sqlite", "--format", "docx"],
        ["batch", "corpus", "--store", "x.sqlite", "--progress", "sometimes"],
        ["align", "a.txt", "b.txt", "--aligner", "neural"],
        ["segment", "--format", "xml", "a.txt"],
        ["eval", "align", "gold-without-test.txt"],
    ])
    func usageErrorsExitWithTwoAndSayWhatIsWrong(_ arguments: [String]) throws {
        let run = try Tool.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains("Error:") && run.stdout.isEmpty, "\(run.stderr)")
    }

    @Test func anInputThatCannotBeReadExitsWithOneAndNamesTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.txt")
        try Data([0x54, 0x68, 0xC3, 0x28, 0x0A]).write(to: broken)  // invalid UTF-8 at byte 2
        for arguments in [["process", broken.path, Self.english], ["align", Self.vietnamese, broken.path],
                          ["extract", broken.path], ["segment", broken.path]] {
            let run = try Tool.run(arguments)
            #expect(run.status == 1, "\(arguments): \(run.status)")
            #expect(run.stderr.contains("broken.txt") && run.stderr.contains("2"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func aRunThatSucceedsExitsWithZero() throws {
        let run = try Tool.run(["align", Self.vietnamese, Self.english, "--format", "ladder", "--aligner", "classic"])
        #expect(run.status == 0 && !run.stdout.isEmpty, "\(run.stderr)")
    }
}
