import Foundation
import Testing
@testable import Triglot

@Suite struct TextReaderTests {
    let reader = TextReader()

    @Test func reportsTheByteOfInvalidUTF8() {
        let bytes = Array("Hội nghị\nđã họp ".utf8) + [0xC3, 0x28] + Array(" tiếp".utf8)
        #expect(throws: InputError.invalidUTF8(source: "a.txt", byteOffset: 24, line: 2, column: 12)) {
            try reader.decode(bytes, source: "a.txt")
        }
    }

    @Test func rejectsOverlongAndSurrogateEncodings() {
        #expect(throws: InputError.self) { try reader.decode([0x41, 0xC0, 0xAF], source: "x") }
        #expect(throws: InputError.self) { try reader.decode([0x41, 0xED, 0xA0, 0x80], source: "x") }
    }

    @Test func decodesUTF16WithByteOrderMark() throws {
        let text = "Tỉnh ủy Nghệ An. Le Comité."
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try reader.decode(little, source: "le.txt").text == text)
        #expect(try reader.decode(big, source: "be.txt").text == text)
        #expect(try reader.decode(big, source: "be.txt").encoding == .utf16BigEndian)
    }

    @Test func rejectsTruncatedUTF16() {
        #expect(throws: InputError.invalidUTF16(source: "odd.txt", byteOffset: 4)) {
            try reader.decode([0xFF, 0xFE, 0x41, 0x00, 0x42], source: "odd.txt")
        }
    }

    @Test func skipsTheUTF8ByteOrderMark() throws {
        let input = try reader.decode([0xEF, 0xBB, 0xBF] + Array("Xin chào.".utf8), source: "bom.txt")
        #expect(input.text == "Xin chào.")
        #expect(input.byteOrderMarkLength == 3)
    }

    @Test(arguments: [[], [0x20, 0x0A, 0x0D, 0x0A], [0xEF, 0xBB, 0xBF]] as [[UInt8]])
    func rejectsEmptyInput(_ bytes: [UInt8]) {
        #expect(throws: InputError.empty(source: "empty.txt")) { try reader.decode(bytes, source: "empty.txt") }
    }

    @Test func rejectsBinaryData() {
        #expect(throws: InputError.binary(source: "b.bin", byteOffset: 3, what: "binary data (NUL bytes)")) {
            try reader.decode([0x41, 0x42, 0x43, 0x00, 0x01], source: "b.bin")
        }
        #expect(throws: InputError.binary(source: "d.pdf", byteOffset: 0, what: "a PDF document")) {
            try reader.decode(Array("%PDF-1.7\n...".utf8), source: "d.pdf")
        }
    }

    @Test func rejectsHTML() {
        let page = "\n<!DOCTYPE html><html><body><p>Tỉnh ủy</p></body></html>"
        #expect(throws: InputError.html(source: "p.txt", byteOffset: 1, tag: "<!DOCTYPE html>")) {
            try reader.decode(Array(page.utf8), source: "p.txt")
        }
        let fragments = "Hội nghị <div class=\"a\">x</div> <p>y</p> <span>z</span>"
        #expect(throws: InputError.self) { try reader.decode(Array(fragments.utf8), source: "f.txt") }
    }

    @Test func acceptsLoneParagraphMarksOfSentencePerLineFiles() throws {
        let text = "<p>\nJohn Steinbeck\nEgy marék arany\n<p>\nElső fejezet.\n"
        #expect(try reader.decode(Array(text.utf8), source: "hunalign.txt").text == text)
    }

    @Test func acceptsProseThatMentionsAngleBrackets() throws {
        let text = "Growth was < 5% in 2023 and the target is > 6%. The <b> tag is not used here."
        #expect(try reader.decode(Array(text.utf8), source: "t.txt").text == text)
    }

    @Test func refusesInputsOverTheLimit() {
        #expect(throws: InputError.tooLarge(source: "big.txt", bytes: 11, limit: 10)) {
            try TextReader(maximumBytes: 10).decode(Array("hello world".utf8), source: "big.txt")
        }
    }

    @Test func namesTheFileInEveryMessage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triglot-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.txt").path
        try Data([0x61, 0xFF, 0x62]).write(to: URL(fileURLWithPath: path))
        do {
            _ = try reader.read(path: path)
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.errorDescription?.contains(path) == true)
            #expect(error.errorDescription?.contains("byte 1") == true)
        }
        #expect(throws: InputError.unreadable(source: directory.path + "/missing.txt", reason: "no such file")) {
            try reader.read(path: directory.path + "/missing.txt")
        }
    }

    @Test func fileLinesCutAtLineFeedsWithOrWithoutCarriageReturns() {
        #expect("".fileLines == [])
        #expect("one".fileLines == ["one"])
        #expect("one\ntwo\n".fileLines == ["one", "two"])
        #expect("one\r\ntwo\r\n".fileLines == ["one", "two"])
        #expect("one\r\ntwo".fileLines == ["one", "two"])
        // Empty lines inside are kept (a gold unit per line), and only one final break is dropped.
        #expect("a\n\nb\n\n".fileLines == ["a", "", "b", ""])
        // A lone carriage return inside a line stays; a combining mark after a break starts the next line.
        #expect("Ủy ban\rx\n\u{301}y".fileLines == ["Ủy ban\rx", "\u{301}y"])
        let lines = ["Tỉnh ủy Nghệ An", "Le Comité", "The Committee"]
        #expect(lines.joined(separator: "\r\n").fileLines == lines)
        #expect((lines.joined(separator: "\n") + "\n").fileLines == lines)
    }
}
