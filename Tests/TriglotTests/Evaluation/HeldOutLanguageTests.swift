import Foundation
import Testing
@testable import Triglot

/// Language identification on public texts that the word lists and rules were not written from: the TED talk
/// sets in `../shared/data/alignment/` (English, Vietnamese and French, one segment per line). Skipped when the
/// folder is absent.
@Suite struct HeldOutLanguageTests {
    static let alignmentData = TestPaths.alignmentData

    static let sets = [
        ("iwslt15-ted_en-vi-seg/vi", "vi"), ("iwslt15-ted_en-vi-seg/en", "en"),
        ("ted_en-fr-seg/fr", "fr"), ("ted_en-fr-seg/en", "en"),
    ]

    static var available: Bool { FileManager.default.fileExists(atPath: alignmentData.path) }

    @Test(.enabled(if: available, "../shared/data/alignment is absent"), arguments: sets)
    func identifiesTheLanguageOfHeldOutSentences(_ folder: String, _ code: String) throws {
        let directory = Self.alignmentData.appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
        var score = LanguageScore(expected: Language(code: code)!)
        let segmenter = Segmenter()
        for file in files.sorted() {
            score.add(try segmenter.segment(try TextReader().read(path: directory.appendingPathComponent(file).path)))
        }
        #expect(score.sentences > 3000)
        #expect(score.accuracy >= 0.995, "\(score)\n\(score.examples.joined(separator: "\n"))")
    }
}
