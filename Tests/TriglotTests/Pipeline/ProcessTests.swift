import Foundation
import Testing
import Triglot

/// `Triglot.process`: one article bundle in one call.
@Suite struct ProcessTests {
    static let seeds = TestPaths.corpus.appendingPathComponent("seeds")

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: seeds.appendingPathComponent("\(name).txt"), encoding: .utf8)
    }

    @Test func processesABundleInOneCallAsThePipelineDoes() throws {
        let texts = try [Self.seed("000_623109171bdc0a9e"), Self.seed("001_08ce92fcf796cfcd")]
        let record = try Triglot.process(texts, date: "2023-08-28", sources: ["000.txt", "001.txt"])

        let documents = try zip(texts, ["000.txt", "001.txt"]).map { try Segmenter().segment($0, source: $1) }
        let expected = ArticleProcessor().process(documents, articleDate: DateComponents(year: 2023, month: 8, day: 28))
        #expect(try record.json() == expected.json())
        #expect(record.article.versions.map(\.source) == ["000.txt", "001.txt"])
        #expect(record.article.date == "2023-08-28")
        #expect(record.alignment.links(minimumConfidence: 0.7).count >= 30)
        let resolution = try #require(record.entities.first { $0.value == "39-NQ/TW" })
        #expect(resolution.mentions.map(\.text) == ["Nghị quyết số 39-NQ/TW", "Resolution No. 39-NQ/TW"])
    }

    @Test func aSingleVersionGetsItsMentionsWithoutAlignment() throws {
        let record = try Triglot.process([Self.seed("002_fe3e4bc5d76e30b9")])
        #expect(record.alignment.beads.isEmpty)
        #expect(record.article.versions.count == 1)
        #expect(record.article.versions[0].source == nil)
        #expect(!record.entities.isEmpty)
    }

    @Test func threeVersionsAreAlignedJointly() throws {
        let record = try Triglot.process([Self.seed("000_623109171bdc0a9e"), Self.seed("001_08ce92fcf796cfcd"),
                                          Self.seed("003_75d16ee19731c4f2")])
        #expect(record.alignment.sentenceCounts.count == 3)
        #expect(record.alignment.beads.allSatisfy { $0.sentences.count == 3 })
    }

    @Test func refusesNoVersionsFourVersionsAndImpossibleDates() throws {
        #expect(throws: ProcessingError.versionCount(0)) { try Triglot.process([]) }
        #expect(throws: ProcessingError.versionCount(4)) { try Triglot.process(["A.", "B.", "C.", "D."]) }
        #expect(throws: ProcessingError.invalidDate("2023-02-30")) { try Triglot.process(["Một câu."], date: "2023-02-30") }
        #expect(throws: ProcessingError.invalidDate("28/8/2023")) { try Triglot.process(["Một câu."], date: "28/8/2023") }
        #expect(ProcessingError.versionCount(4).errorDescription == "give one, two or three versions of the article, not 4")
    }

    @Test func namesTheVersionThatIsNotText() throws {
        let page = "<html><body><p>Not an article.</p></body></html>"
        let error = #expect(throws: InputError.self) { try Triglot.process(["Một câu.", page]) }
        #expect(error?.reason == .html)
        #expect(error?.errorDescription?.hasPrefix("version 2: ") == true, "\(error?.errorDescription ?? "")")
        let named = #expect(throws: InputError.self) { try Triglot.process(["", "Hello."], sources: ["a.vi.txt", "a.en.txt"]) }
        #expect(named == .empty(source: "a.vi.txt"))
    }
}
