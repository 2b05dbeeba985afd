import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Triglot

/// What a review page holds, read back from its markup.
struct ParsedReviewPage {
    struct Unit: Hashable { var version: Int; var sentence: Int }
    struct Row { var id: String; var classes: Set<String>; var confidence: String; var units: [[Unit]] }
    struct Mark { var entity: Int; var text: String; var version: Int; var sentence: Int }

    var rows: [Row] = []
    var unitTexts: [Unit: String] = [:]
    var unitClasses: [Unit: Set<String>] = [:]
    var marks: [Mark] = []
    var summary = ""
    var data: Data?
    var bodyText = ""

    /// Parses `html` as XML (the page is well-formed XML by design) and collects rows, units and marks.
    init(_ html: String) throws {
        let document = try XMLDocument(data: Data(html.utf8), options: [.nodePreserveWhitespace])
        let root = try #require(document.rootElement())
        #expect(root.name == "html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        walk(root)
    }

    private static func classes(_ element: XMLElement) -> Set<String> {
        Set((element.attribute(forName: "class")?.stringValue ?? "").split(separator: " ").map(String.init))
    }

    private mutating func walk(_ element: XMLElement) {
        let classes = Self.classes(element)
        switch element.name {
        case "tr" where classes.contains("bead"):
            let cells = (element.children ?? []).compactMap { $0 as? XMLElement }
            var units: [[Unit]] = []
            for cell in cells.dropFirst(2) {
                units.append((cell.children ?? []).compactMap { $0 as? XMLElement }.map(unit))
            }
            rows.append(Row(id: element.attribute(forName: "id")?.stringValue ?? "", classes: classes,
                            confidence: cells.count > 1 ? cells[1].stringValue ?? "" : "", units: units))
            for cell in cells.dropFirst(2) { for child in cell.children ?? [] { if let p = child as? XMLElement { walk(p) } } }
            return
        case "p" where classes.contains("u"):
            let key = unit(element)
            #expect(unitTexts[key] == nil, "unit \(key) shown twice")
            unitTexts[key] = element.stringValue ?? ""
            unitClasses[key] = classes
            for case let mark as XMLElement in element.children ?? [] where mark.name == "mark" {
                marks.append(Mark(entity: Int(mark.attribute(forName: "data-e")?.stringValue ?? "") ?? -1,
                                  text: mark.stringValue ?? "", version: key.version, sentence: key.sentence))
            }
            return
        case "header":
            summary = element.stringValue ?? ""
        case "script" where element.attribute(forName: "id")?.stringValue == "review-data":
            data = Data((element.stringValue ?? "").utf8)
        default: break
        }
        for child in element.children ?? [] { if let child = child as? XMLElement { walk(child) } }
    }

    private func unit(_ element: XMLElement) -> Unit {
        Unit(version: Int(element.attribute(forName: "data-v")?.stringValue ?? "") ?? -1,
             sentence: Int(element.attribute(forName: "data-s")?.stringValue ?? "") ?? -1)
    }
}

@Suite struct ReviewPageTests {
    static let seeds = TestPaths.corpus.appendingPathComponent("seeds")

    static func seedDocuments(_ names: [String] = ["000_623109171bdc0a9e", "001_08ce92fcf796cfcd"]) throws -> [Document] {
        try names.map { try Segmenter().segment(TextReader().read(path: seeds.appendingPathComponent("\($0).txt").path)) }
    }

    @Test func seedPageHasOneRowPerBeadAndEveryUnitOnceWithItsText() throws {
        let documents = try Self.seedDocuments()
        let record = ArticleProcessor().process(documents)
        let page = try ParsedReviewPage(ReviewPage(record: record, documents: documents).html())

        #expect(page.rows.count == record.alignment.beads.count)
        #expect(record.alignment.beads.count > 30)
        for (row, bead) in zip(page.rows, record.alignment.beads) {
            #expect(row.units.count == 2)
            for (v, units) in row.units.enumerated() {
                #expect(units.map(\.sentence) == Array(bead.sentences[v]), "row \(row.id), version \(v)")
                #expect(units.allSatisfy { $0.version == v })
            }
            #expect(row.confidence == String(format: "%.3f", bead.confidence))
            #expect(row.classes.contains(bead.isLink ? "link" : "unaligned"))
        }
        let expected = documents.enumerated().flatMap { v, document in
            document.sentences.map { (ParsedReviewPage.Unit(version: v, sentence: $0.index), String(document.text(of: $0))) }
        }
        #expect(page.unitTexts.count == expected.count)
        for (unit, text) in expected { #expect(page.unitTexts[unit] == text, "unit \(unit)") }
    }

    @Test func entitiesAreHighlightedWithTheirValueAndLinkedMentions() throws {
        let documents = try Self.seedDocuments()
        let record = ArticleProcessor().process(documents)
        let page = try ParsedReviewPage(ReviewPage(record: record, documents: documents).html())

        // Every mark is a mention of its entity, in the unit the record names.
        #expect(page.marks.count >= record.entities.flatMap(\.mentions).count - 5)
        for mark in page.marks {
            let entity = try #require(record.entities.indices.contains(mark.entity) ? record.entities[mark.entity] : nil)
            #expect(entity.mentions.contains { $0.version == mark.version && $0.sentence == mark.sentence && $0.text == mark.text },
                    "\(mark.text) is not a mention of entity \(mark.entity)")
        }
        // The resolution 39-NQ/TW is linked across versions: both mentions are marked with one entity.
        let resolution = try #require(record.entities.firstIndex { $0.value == "39-NQ/TW" })
        #expect(Set(page.marks.filter { $0.entity == resolution }.map(\.version)) == [0, 1])

        // The data the script shows on hover: each entity's type, value and mentions with their version.
        struct PageData: Decodable {
            struct Entity: Decodable {
                struct Mention: Decodable { var version: Int; var sentence: Int; var text: String; var language: String }
                var type: String; var value: String; var mentions: [Mention]
            }
            var versions: [String]; var entities: [Entity]
        }
        let data = try JSONDecoder().decode(PageData.self, from: try #require(page.data))
        #expect(data.versions == ["000_623109171bdc0a9e.txt", "001_08ce92fcf796cfcd.txt"])
        #expect(data.entities.map(\.value) == record.entities.map(\.value))
        #expect(data.entities[resolution].mentions.map(\.text) == ["Nghị quyết số 39-NQ/TW", "Resolution No. 39-NQ/TW"])
    }

    @Test func aSingleVersionShowsEveryUnitInARowOfItsOwn() throws {
        let documents = try Self.seedDocuments(["002_fe3e4bc5d76e30b9"])
        let record = ArticleProcessor().process(documents)
        #expect(record.alignment.beads.isEmpty)
        let page = try ParsedReviewPage(ReviewPage(record: record, documents: documents).html())
        #expect(page.rows.count == documents[0].sentences.count)
        #expect(page.unitTexts.count == documents[0].sentences.count)
        #expect(page.rows.allSatisfy { $0.confidence == "–" && $0.classes.contains("unaligned") })
        #expect(page.summary.contains("0: 0 links, 0 unaligned; \(documents[0].sentences.count) units in no bead"))
        #expect(!page.marks.isEmpty)
    }

    /// Four short versions' worth of beads whose shapes, confidences and order are known.
    static func handMadePage(lowConfidence: Double = 0.7) throws -> (ReviewPage, String) {
        let source = AlignmentSide(sentences: ["Một.", "Hai.", "Ba.", "Bốn.", "Năm."], language: .vietnamese)
        let target = AlignmentSide(sentences: ["One.", "Two.", "Three.", "Four.", "Comment (0)"], language: .english)
        let beads = [
            Bead(sentences: [0..<1, 0..<1], confidence: 0.95),
            Bead(sentences: [1..<2, 3..<4], confidence: 0.62),   // crossing: sentence 3 of the target, before 1 and 2
            Bead(sentences: [2..<4, 1..<2], confidence: 0.80),
            Bead(sentences: [0..<0, 2..<3], confidence: 0.40),   // unaligned
            Bead(sentences: [4..<5, 0..<0], confidence: 0.90),   // unaligned
            Bead(sentences: [0..<0, 4..<5], confidence: 0.99),   // unaligned
        ]
        let alignment = Alignment(languages: [.vietnamese, .english], sentenceCounts: [5, 5], beads: beads)
        var page = ReviewPage(alignment: alignment, sides: [source, target], sources: ["a.vi.txt", "a.en.txt"])
        page.lowConfidence = lowConfidence
        return (page, page.html())
    }

    @Test func summaryGivesShapesMeanConfidenceAndLinksUnderTheThreshold() throws {
        let (_, html) = try Self.handMadePage()
        let page = try ParsedReviewPage(html)
        #expect(page.summary.contains("6: 3 links, 3 unaligned"))
        #expect(page.summary.contains("0-1 ×2 1-1 ×2 1-0 ×1 2-1 ×1"), "\(page.summary)")
        #expect(page.summary.contains(String(format: "%.3f", (0.95 + 0.62 + 0.80) / 3)))
        #expect(page.summary.contains("links under .7") && page.summary.contains("links under .71: 1"))
        #expect(page.rows.map { $0.classes.contains("low") } == [false, true, false, false, false, false])
        let stricter = try ParsedReviewPage(try Self.handMadePage(lowConfidence: 0.9).1)
        #expect(stricter.rows.filter { $0.classes.contains("low") }.map(\.id) == ["b1", "b2"])
    }

    @Test func crossingLinksAreMarkedAndOnlyThem() throws {
        let (page, html) = try Self.handMadePage()
        #expect(page.crossing == [false, true, false, false, false, false])
        let parsed = try ParsedReviewPage(html)
        #expect(parsed.rows.filter { $0.classes.contains("crossing") }.map(\.id) == ["b1"])
        #expect(parsed.summary.contains("crossing links1: 1"))
        #expect(ReviewPage.longestIncreasingRun([0, 3, 1, 2, 4]) == [0, 2, 3, 4])
        #expect(ReviewPage.longestIncreasingRun([]) == [])
    }

    @Test func unalignedUnitsAndBoilerplateAreSetApart() throws {
        let (_, html) = try Self.handMadePage()
        let page = try ParsedReviewPage(html)
        #expect(page.rows.map { $0.classes.contains("unaligned") } == [false, false, false, true, true, true])
        // "Comment (0)" is page furniture: its unit and its row are marked so.
        let menu = ParsedReviewPage.Unit(version: 1, sentence: 4)
        #expect(page.unitClasses[menu]?.contains("k-boilerplate") == true)
        #expect(page.rows[5].classes.contains("furniture"))
        #expect(!page.rows[0].classes.contains("furniture"))
    }

    @Test func markupInTheTextIsShownAsTextAndCannotEndTheScript() throws {
        let hostile = ["Tom & Jerry <b>bold</b> ]]> </script><script>alert(1)</script>", "Plain."]
        let side = AlignmentSide(sentences: hostile, language: .english)
        let other = AlignmentSide(sentences: ["Một.", "Hai."], language: .vietnamese)
        let alignment = Alignment(languages: [.english, .vietnamese], sentenceCounts: [2, 2],
                                  beads: [Bead(sentences: [0..<1, 0..<1], confidence: 0.9), Bead(sentences: [1..<2, 1..<2], confidence: 0.9)])
        let html = ReviewPage(alignment: alignment, sides: [side, other], title: "<title> & more").html()
        let page = try ParsedReviewPage(html)
        #expect(page.unitTexts[.init(version: 0, sentence: 0)] == hostile[0])
        #expect(html.components(separatedBy: "</script>").count == 3)  // the two script elements, nothing more
        #expect(!html.contains("<b>bold"))
    }

    @Test func entityDataCannotEndItsScriptElement() throws {
        let text = "Nghị quyết số 39-NQ/TW </script><b>x</b>"
        let document = try Segmenter().segment(text, source: "a.txt")
        let mention = ArticleRecord.LinkedMention(version: 0, language: .vietnamese, sentence: 0, text: text,
                                                  start: 0, end: text.utf8.count, value: .text("</script>&"))
        let record = ArticleRecord(
            article: .init(versions: [], date: nil),
            alignment: Alignment(languages: [.vietnamese], sentenceCounts: [document.sentences.count], beads: []),
            entities: [ArticleRecord.Entity(type: .docref, value: "</script>&", mentions: [mention])])
        let html = ReviewPage(record: record, documents: [document]).html()
        #expect(html.components(separatedBy: "</script>").count == 3)
        let page = try ParsedReviewPage(html)
        let data = try #require(page.data)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let entities = object?["entities"] as? [[String: Any]]
        #expect(entities?.first?["value"] as? String == "</script>&")
    }

    /// A long article: the seeds' sentences repeated into versions of a few thousand units.
    static func longAlignment(beads count: Int) -> (Alignment, [AlignmentSide]) {
        let source = (0..<count).map { "Câu số \($0) của bản tiếng Việt, với Nghị quyết số \($0)-NQ/TW." }
        let target = (0..<count).map { "Sentence \($0) of the English version, with Resolution No. \($0)-NQ/TW." }
        let beads = (0..<count).map { Bead(sentences: [$0..<$0 + 1, $0..<$0 + 1], confidence: Double($0 % 100) / 100) }
        return (Alignment(languages: [.vietnamese, .english], sentenceCounts: [count, count], beads: beads),
                [AlignmentSide(sentences: source, languages: Array(repeating: .vietnamese, count: count), kinds: Array(repeating: .body, count: count)),
                 AlignmentSide(sentences: target, languages: Array(repeating: .english, count: count), kinds: Array(repeating: .body, count: count))])
    }

    @Test func pagesOfThousandsOfBeadsAreWrittenInLinearTime() throws {
        func seconds(_ count: Int) -> (Double, Int) {
            let (alignment, sides) = Self.longAlignment(beads: count)
            let clock = ContinuousClock()
            var html = ""
            let elapsed = clock.measure { html = ReviewPage(alignment: alignment, sides: sides).html() }
            return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, html.utf8.count)
        }
        _ = seconds(200)  // warm up
        let (small, smallBytes) = seconds(1_000)
        let (large, largeBytes) = seconds(8_000)
        #expect(Double(largeBytes) / Double(smallBytes) < 8.5)
        // Eight times the beads, well under the 64 times a quadratic pass would take (timing noise allowed for).
        #expect(large < max(small * 24, 0.5), "1,000 beads \(small) s, 8,000 beads \(large) s")
        let (alignment, sides) = Self.longAlignment(beads: 1_000)
        let page = try ParsedReviewPage(ReviewPage(alignment: alignment, sides: sides).html())
        #expect(page.rows.count == 1_000)
        #expect(page.unitTexts.count == 2_000)
        #expect(page.rows.filter { $0.classes.contains("low") }.count == 700)
    }
}
