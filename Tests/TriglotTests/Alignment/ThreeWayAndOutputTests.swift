import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Triglot

@Suite struct ThreeWayAlignmentTests {
    let vietnamese = [
        "Tỉnh ủy tổ chức hội nghị ngày 3/8/2023.",
        "Hội nghị đánh giá việc thực hiện Nghị quyết số 39-NQ/TW.",
        "Tỉnh phấn đấu có thêm 1.900 doanh nghiệp mới.",
        "Ban Thường vụ giao Ban Tổ chức xây dựng quy định mới.",
    ]
    let french = [
        "Le Comité provincial du Parti a tenu une conférence le 3 août 2023.",
        "La conférence a examiné la mise en œuvre de la résolution n° 39-NQ/TW.",
        "La province vise 1.900 nouvelles entreprises.",
        "Le Comité permanent a chargé le Comité d'organisation d'un nouveau règlement.",
    ]
    let english = [
        "The Provincial Party Committee held a conference on August 3, 2023.",
        "Photo: Thanh Duy",
        "The conference reviewed the implementation of Resolution No. 39-NQ/TW.",
        "The province aims for 1,900 new enterprises.",
        "The Standing Committee assigned the Organization Committee a new regulation.",
    ]

    private var alignment: Alignment {
        Aligner().align(AlignmentSide(sentences: vietnamese, language: .vietnamese),
                        AlignmentSide(sentences: french, language: .french),
                        AlignmentSide(sentences: english, language: .english))
    }

    @Test func groupsTheThreeVersionsIntoConsistentTriples() {
        let beads = alignment.beads
        #expect(beads.map(\.sentences) == [
            [0..<1, 0..<1, 0..<1], [0..<0, 0..<0, 1..<2], [1..<2, 1..<2, 2..<3], [2..<3, 2..<3, 3..<4],
            [3..<4, 3..<4, 4..<5],
        ])
    }

    @Test func coversEverySentenceOfEveryVersionOnce() {
        let alignment = alignment
        for version in 0..<3 {
            let covered = alignment.beads.flatMap { Array($0.sentences[version]) }.sorted()
            #expect(covered == Array(0..<alignment.sentenceCounts[version]))
        }
        #expect(alignment.beads.allSatisfy { (0...1).contains($0.confidence) })
    }

    @Test func writesValidTMXWithEveryLanguageOfABead() throws {
        let sides = [AlignmentSide(sentences: vietnamese, language: .vietnamese),
                     AlignmentSide(sentences: french, language: .french),
                     AlignmentSide(sentences: english.map { $0 + " <&> \"x\"" }, language: .english)]
        let tmx = try AlignmentWriter.write(Aligner().align(sides[0], sides[1], sides[2]), sides: sides, format: .tmx)
        let parser = XMLParser(data: Data(tmx.utf8))
        #expect(parser.parse(), "TMX is not well-formed: \(String(describing: parser.parserError))")
        #expect(tmx.contains("<tuv xml:lang=\"vi\">") && tmx.contains("<tuv xml:lang=\"fr\">"))
        #expect(tmx.contains("&lt;&amp;&gt; &quot;x&quot;"))
        #expect(tmx.components(separatedBy: "<tu ").count - 1 == 4)  // the caption links nothing
    }

    @Test func refusesTwoVersionFormatsForThreeVersions() {
        let sides = [AlignmentSide(sentences: vietnamese, language: .vietnamese),
                     AlignmentSide(sentences: french, language: .french),
                     AlignmentSide(sentences: english, language: .english)]
        #expect(throws: AlignmentWriter.UnsupportedFormat.self) {
            try AlignmentWriter.write(Aligner().align(sides[0], sides[1], sides[2]), sides: sides, format: .ladder)
        }
    }

    @Test func writesOneJSONObjectPerBead() throws {
        let sides = [AlignmentSide(sentences: french, language: .french), AlignmentSide(sentences: english, language: .english)]
        let alignment = Aligner().align(sides[0], sides[1])
        let lines = try AlignmentWriter.write(alignment, sides: sides, format: .jsonl).split(separator: "\n")
        #expect(lines.count == alignment.beads.count)
        let caption = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as! [String: Any]
        #expect(caption["sentences"] as! [[Int]] == [[], [1]])
        #expect(caption["languages"] as! [String] == ["fr", "en"])
        #expect(caption["texts"] as! [String] == ["", "Photo: Thanh Duy"])
    }
}
