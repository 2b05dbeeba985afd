import Foundation
import Testing
@testable import Triglot

@Suite struct DocumentTests {
    @Test(arguments: ["\n", "\r\n", "\r"])
    func mapsEverySpanBackToTheOriginalWhateverTheLineEnds(_ newline: String) throws {
        let text = ["6 KEY TASKS", "", "Previously, on August 3 and 4, the committee met. It set six tasks.", "Source"]
            .joined(separator: newline)
        let document = try Segmenter().segment(text)
        #expect(document.paragraphs.count == 3)
        #expect(document.sentences.map { String(document.text(of: $0)) } == [
            "6 KEY TASKS", "Previously, on August 3 and 4, the committee met.", "It set six tasks.", "Source",
        ])
        let utf8 = Array(text.utf8)
        for sentence in document.sentences {
            #expect(String(decoding: utf8[sentence.span.start..<sentence.span.end], as: UTF8.self)
                    == String(document.text(of: sentence)))
            #expect(document.paragraphs[sentence.paragraph].span.contains(sentence.span))
        }
    }

    @Test func countsOffsetsInUTF8Bytes() throws {
        let (first, second) = ("Đảng ủy họp.", "Hội nghị bế mạc.")
        let document = try Segmenter().segment(first + " " + second)
        #expect(first.utf8.count == 19 && second.utf8.count == 24)
        #expect(document.sentences.map(\.span) == [Span(start: 0, end: 19), Span(start: 20, end: 44)])
    }

    @Test func roundTripsThroughJSON() throws {
        let document = try Segmenter().segment("Tỉnh ủy Nghệ An. Le Comité a approuvé.")
        let data = try JSONEncoder().encode(document)
        let decoded = try JSONDecoder().decode(Document.self, from: data)
        #expect(decoded.text == document.text)
        #expect(decoded.sentences == document.sentences)
        #expect(decoded.paragraphs == document.paragraphs)
    }

    @Test func segmentsTextWithoutLettersOrLineBreaks() throws {
        #expect(try Segmenter().segment("").sentences.isEmpty)
        #expect(try Segmenter().segment("   \n\n ").paragraphs.isEmpty)
        let numbers = try Segmenter().segment("2023")
        #expect(numbers.sentences.count == 1)
        #expect(numbers.sentences[0].language == .undetermined)
    }
}
