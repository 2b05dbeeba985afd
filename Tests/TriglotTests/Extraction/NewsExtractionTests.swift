import Foundation
import Testing
@testable import Triglot

/// Extraction on the news gold sets, scored as `triglot eval news` scores it (raw pages, the group's article date,
/// mentions in gold boilerplate dropped): `corpus/news` (the project's gold) and the development set
/// `../shared/data/news-dev` (skipped when absent). Floors sit just under the measured figures.
@Suite struct NewsExtractionTests {
    static let corpusNews = TestPaths.corpus.appendingPathComponent("news").path
    static let newsDev = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/news-dev").path
    static var newsDevPresent: Bool { NewsGroup.isGroup((newsDev as NSString).appendingPathComponent("g01-bna-10292047")) }

    /// The extraction score of every group of a folder.
    static func score(_ folder: String) throws -> NewsExtractionScore {
        var total = NewsExtractionScore()
        for path in try NewsGroup.groups(in: folder) {
            let group = try NewsGroup(path: path)
            for version in group.versions {
                let document = try Segmenter().segment(version.text, source: version.url)
                let mentions = Extractor().mentions(in: document, articleDate: group.articleDate)
                total = total + NewsExtractionScore(mentions: mentions, version: version, value: { $0.value.comparisonText })
            }
        }
        return total
    }

    static let corpus = Result { try score(corpusNews) }
    static let development = Result { try score(newsDev) }

    /// Floors: (type, language, surface F1, value F1).
    static let corpusFloors: [(MentionType, Language, Double, Double)] = [
        (.date, .vietnamese, 0.98, 0.97), (.date, .english, 0.99, 0.99), (.date, .french, 0.99, 0.99),
        (.body, .vietnamese, 0.98, 0.98), (.body, .english, 0.98, 0.97), (.body, .french, 0.95, 0.96),
        (.docref, .vietnamese, 0.99, 0.89), (.docref, .english, 0.99, 0.99), (.docref, .french, 0.99, 0.99),
    ]
    static let developmentFloors: [(MentionType, Language, Double, Double)] = [
        (.date, .vietnamese, 0.99, 0.99), (.date, .english, 0.97, 0.97), (.date, .french, 0.98, 0.98),
        (.body, .vietnamese, 0.97, 0.97), (.body, .english, 0.98, 0.98), (.body, .french, 0.97, 0.97),
        (.docref, .english, 0.99, 0.99), (.docref, .french, 0.99, 0.99),
    ]

    @Test func holdsTheFloorsOnTheNewsCorpus() throws {
        let score = try Self.corpus.get()
        for (type, language, surface, value) in Self.corpusFloors {
            let cell = score.cells[NewsExtractionScore.Key(type: type, language: language)] ?? NewsExtractionScore.Cell()
            #expect(cell.surface.f1 >= surface, "\(type) \(language) surface \(cell.surface.f1)")
            #expect(cell.value.f1 >= value, "\(type) \(language) value \(cell.value.f1)")
        }
    }

    @Test(.enabled(if: NewsExtractionTests.newsDevPresent)) func holdsTheFloorsOnTheDevelopmentSet() throws {
        let score = try Self.development.get()
        for (type, language, surface, value) in Self.developmentFloors {
            let cell = score.cells[NewsExtractionScore.Key(type: type, language: language)] ?? NewsExtractionScore.Cell()
            #expect(cell.surface.f1 >= surface, "\(type) \(language) surface \(cell.surface.f1)")
            #expect(cell.value.f1 >= value, "\(type) \(language) value \(cell.value.f1)")
        }
    }

    @Test func namesOneReferentIdenticallyInEveryLanguageOfAGroup() throws {
        // n10: the Central Inspection Commission's session on the Ministry of Education and Training, in vi, en and fr.
        let group = try NewsGroup(path: (Self.corpusNews as NSString).appendingPathComponent("n10-cic-k19-2022"))
        var values: [Language: Set<String>] = [:]
        for version in group.versions {
            let document = try Segmenter().segment(version.text, source: version.url)
            values[version.language] = Set(Extractor().mentions(in: document, articleDate: group.articleDate)
                .filter { $0.type == .body }.map { $0.value.comparisonText })
        }
        for name in ["Central Inspection Commission", "Party Civil Affairs Committee of the Ministry of Education and Training"] {
            for language in [Language.vietnamese, .english, .french] {
                #expect(values[language]?.contains(name) == true, "\(language) lacks \(name)")
            }
        }
    }
}
