import Foundation
import Testing
@testable import Triglot

@Suite struct StableJSONTextTests {
    private func encoded<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder.stable().encode(value), as: UTF8.self)
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        let samples = ["Tỉnh ủy Nghệ An", "578-KL/TU", "\"Đổi mới\" \\ back", "tab\there\nline\r\u{8}\u{C}",
                       "\u{0}\u{1}\u{1F}\u{7F}", "l’Éducation – « Hà Nội »", "", "emoji 🇻🇳 and \u{2028} separator"]
        for sample in samples {
            #expect(StableJSONText.quoted(sample) == (try encoded(sample)), "\(sample.debugDescription)")
        }
        // Every ASCII character, one by one.
        for value in 0..<128 {
            let sample = String(UnicodeScalar(UInt8(value)))
            #expect(StableJSONText.quoted(sample) == (try encoded(sample)))
        }
    }

    @Test func objectsListTheirMembersInTheEncodersOrder() throws {
        let members = ["type": "KL", "code": "578-KL/TU", "system": "party", "issuer": "TU", "role": "before",
                       "precision": "day", "post": "Bí thư", "body": "Tỉnh ủy", "id": "C01"]
        #expect(StableJSONText.object(members) == (try encoded(members)))
        #expect(StableJSONText.object([:]) == (try encoded([String: String]())))
    }

    /// What the encoder would write for a mention line.
    private struct Line: Encodable {
        var type: MentionType
        var text: String
        var start: Int
        var end: Int
        var value: ArticleRecord.Value
        var attributes: [String: String]
    }

    @Test func mentionLinesAreWhatTheEncoderWrites() throws {
        let text = try String(contentsOf: TestPaths.corpus.appendingPathComponent("seeds/003_75d16ee19731c4f2.txt"), encoding: .utf8)
        let mentions = Extractor().mentions(in: try Segmenter().segment(text))
        #expect(mentions.count > 50)
        #expect(Set(mentions.map(\.type)) == Set(MentionType.allCases))
        for mention in mentions {
            let line = Line(type: mention.type, text: mention.text, start: mention.span.start, end: mention.span.end,
                            value: ArticleRecord.Value(mention.value), attributes: mention.value.attributes)
            #expect(mention.jsonLine == (try encoded(line)))
        }
    }

    @Test func mentionLinesWithEveryAttributeAreWhatTheEncoderWrites() throws {
        // Every attribute of every kind of value present (the text's mentions leave some out).
        let day = try #require(CalendarDate(year: 2024, month: 5, day: 17))
        let values: [MentionValue] = [
            .date(DateValue(form: .date(day), precision: .day, role: .before, completed: true)),
            .date(DateValue(form: .date(day), precision: .day)),
            .date(DateValue(form: .monthDays([1, 15]), precision: .recurrence, role: .target)),
            .reference(DocumentReference(kind: .conclusion, number: "578-KL/TU", code: "578-KL/TU", system: .party,
                                         typeCode: "KL", issuer: "TU", year: 2025, date: day)),
            .reference(DocumentReference(kind: nil, number: "12", year: 2020)),
            .body(BodyName(name: "Politburo", id: "C01")),
            .body(BodyName(name: "Nghe An Provincial Party Committee")),
            .person(PersonName(name: "nguyen van a", post: "Bí thư", body: "Tỉnh ủy \"Nghệ An\"", isCredit: true)),
            .person(PersonName(name: "tran thi b", post: "Secretary")),
        ]
        for value in values {
            let mention = Mention(span: Span(start: 3, end: 14), text: "« Tỉnh ủy »\n", value: value)
            let line = Line(type: mention.type, text: mention.text, start: 3, end: 14, value: ArticleRecord.Value(value),
                            attributes: value.attributes)
            #expect(mention.jsonLine == (try encoded(line)), "\(value)")
            var bytes: [UInt8] = Array("before\n".utf8)
            mention.appendJSONLine(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "before\n" + mention.jsonLine)
        }
    }

    @Test func numbersAreWrittenAsTheEncoderWritesThem() throws {
        var values: [Double] = [0, 1, 0.5, 0.1, 1e-7, 1e-5, 3e-5, 0.9999999999999999, 0.123456789012345678, 1e16, 1e21,
                                5e-324, -0.0, 100, 12345678.9]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { values.append(Double.random(in: 0...1, using: &generator)) }
        for value in values {
            var text = ""
            try StableJSONText.appendNumber(value, to: &text)
            #expect(text == (try encoded(value)), "\(value)")
        }
        var text = ""
        #expect(throws: EncodingError.self) { try StableJSONText.appendNumber(.nan, to: &text) }
        #expect(throws: EncodingError.self) { try JSONEncoder.stable().encode(Double.nan) }
    }

    @Test func recordsAreWhatTheEncoderWritesOnRealBundles() throws {
        // Every news group of the corpus processed as a bundle (two or three languages), and two seeds.
        let news = TestPaths.corpus.appendingPathComponent("news")
        var bundles: [[Document]] = []
        for path in try NewsGroup.groups(in: news.path) {
            let group = try NewsGroup(path: path)
            bundles.append(try group.versions.map { try Segmenter().segment($0.text, source: $0.url) })
        }
        bundles.append(try ["000_623109171bdc0a9e", "001_08ce92fcf796cfcd"].map { name in
            try Segmenter().segment(TextReader().read(path: TestPaths.corpus.appendingPathComponent("seeds/\(name).txt").path))
        })
        #expect(bundles.count > 30)
        var mentions = 0, references = 0
        for documents in bundles {
            let record = ArticleProcessor().process(documents)
            mentions += record.entities.reduce(0) { $0 + $1.mentions.count }
            references += record.entities.filter { $0.type == .docref }.count
            #expect(try record.jsonText() == (try encoded(record)))
            #expect(try record.json() == (try JSONEncoder.stable().encode(record)))
        }
        #expect(mentions > 1_000 && references > 10)
    }

    @Test func recordsWithAbsentMembersAndAwkwardTextAreWhatTheEncoderWrites() throws {
        let mention = ArticleRecord.LinkedMention(version: 1, language: .french, sentence: 3, text: "« l’Éducation » \"quoted\" \\ \n\t",
                                                  start: 7, end: 42, value: .reference(kind: nil, number: "12/2020/NĐ-CP", date: nil))
        let withAttributes = ArticleRecord.LinkedMention(version: 0, language: .vietnamese, sentence: 0, text: "Tỉnh ủy 🇻🇳",
                                                         start: 0, end: 11, value: .text("Tỉnh ủy\u{2028}"),
                                                         attributes: ["role": "issuer", "id": "C01"])
        let record = ArticleRecord(
            article: .init(versions: [.init(source: nil, languages: [.french], title: nil, sentenceCount: 0),
                                      .init(source: "a/b.txt", languages: [.vietnamese, .english], title: "T\u{1}", sentenceCount: 4)],
                           date: nil),
            alignment: Alignment(languages: [.french, .vietnamese], sentenceCounts: [0, 4],
                                 beads: [Bead(sentences: [0..<0, 0..<2], confidence: 1),
                                         Bead(sentences: [0..<0, 2..<3], confidence: 1e-7),
                                         Bead(sentences: [0..<0, 3..<4], confidence: 0.3333333333333333)]),
            entities: [.init(type: .docref, value: "12/2020/NĐ-CP", id: nil, mentions: [mention, withAttributes]),
                       .init(type: .body, value: "", id: "C01", mentions: [])])
        #expect(try record.jsonText() == (try encoded(record)))
        #expect(try ArticleRecord(article: .init(versions: [], date: "2020"), alignment: Alignment(languages: [], sentenceCounts: [], beads: []),
                                  entities: []).jsonText() == #"{"alignment":{"beads":[],"languages":[],"sentenceCounts":[]},"article":{"date":"2020","versions":[]},"entities":[],"schemaVersion":2}"#)
        var broken = record
        broken.alignment.beads[0].confidence = .infinity
        #expect(throws: EncodingError.self) { try broken.jsonText() }
    }
}
