import Foundation
import Testing
@testable import TriglotBatch
import Triglot

@Suite struct FilterTests {
    /// A file handle reading `bytes`.
    static func handle(_ bytes: Data) throws -> FileHandle {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-lines-\(UUID().uuidString)")
        try bytes.write(to: url)
        let handle = try FileHandle(forReadingFrom: url)
        try FileManager.default.removeItem(at: url)
        return handle
    }

    @Test func linesComeBackWholeAcrossBlocksAndOverlongOnesAreReportedWithTheirLength() throws {
        var input = Data()
        for k in 0..<30_000 { input.append(Data("line \(k)\n".utf8)) }
        input.append(Data(repeating: 0x61, count: 3 << 20))   // 3 MiB without a line break, over the 2 MiB limit
        input.append(Data("\nlast".utf8))
        var reader = LineReader(handle: try Self.handle(input), maximumLength: 2 << 20)
        var lines: [String] = []
        var overlong: [Int] = []
        while let line = try reader.next() {
            switch line {
            case .text(let data): lines.append(String(decoding: data, as: UTF8.self))
            case .tooLong(let length): overlong.append(length)
            }
        }
        #expect(lines.count == 30_001)
        #expect(lines.first == "line 0" && lines[29_999] == "line 29999" && lines.last == "last")
        #expect(overlong == [3 << 20])
    }

    @Test func impossibleDatesAndAmbiguousBundlesAreErrorsNotGuesses() {
        #expect(ArticleDates.components("2023-02-30") == nil)
        #expect(ArticleDates.components("2024-02-29")?.day == 29)
        #expect(ArticleDates.components("2023-13-01") == nil)
        let filter = JSONLFilter()
        let both = filter.process(.text(Data(#"{"id": "a", "text": "x", "versions": [{"text": "y"}]}"#.utf8)), line: 1)
        #expect(both.status == .error && both.error?.reason == .invalidField && both.id == "a")
        let date = filter.process(.text(Data(#"{"id": "b", "date": "2023-02-30", "text": "Hội nghị họp."}"#.utf8)), line: 2)
        #expect(date.error?.reason == .invalidField)
    }

    @Test func versionsWithoutANameTakeTheirBundlesIdWhereverTheLineIs() throws {
        let line = Data(#"{"id": "n1029", "versions": [{"text": "Tỉnh ủy họp ngày 28/8/2023."}, {"text": "The Provincial Party Committee met on August 28, 2023."}]}"#.utf8)
        let first = JSONLFilter().process(.text(line), line: 1)
        let later = JSONLFilter().process(.text(line), line: 700)
        let sources = try #require(first.record).article.versions.map(\.source)
        #expect(sources == ["n1029#0", "n1029#1"])
        #expect(later.record?.article.versions.map(\.source) == sources)
    }
}
