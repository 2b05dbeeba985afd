import Testing
@testable import Triglot

@Suite struct BodyExtractionTests {
    let extractor = BodyExtractor()

    private func bodies(_ text: String, _ language: Language = .undetermined) -> [[String]] {
        extractor.mentions(in: text, language: language).map { [$0.text, $0.value] }
    }

    @Test func namesBodiesWithTheirPlaceInEachLanguage() {
        #expect(bodies("Ban Thường vụ Tỉnh ủy Nghệ An họp phiên thường kỳ.", .vietnamese)
                == [["Ban Thường vụ Tỉnh ủy Nghệ An", "P03@nghe-an"]])
        #expect(bodies("Nghe An Provincial Party Committee issued the notice.", .english)
                == [["Nghe An Provincial Party Committee", "P01@nghe-an"]])
        #expect(bodies("Proposer au Comité provincial du Parti de Bac Ninh pour examen.", .french)
                == [["Comité provincial du Parti de Bac Ninh", "P01@bac-ninh"]])
    }

    @Test func readsPossessiveAndGenitiveForms() {
        #expect(bodies("The Provincial Party Committee's Organization Committee presides.", .english)
                == [["Provincial Party Committee's Organization Committee", "P05"]])
        #expect(bodies("Le Comité d'organisation du Comité provincial du Parti préside.", .french)
                == [["Comité d'organisation du Comité provincial du Parti", "P05"]])
    }

    @Test func leavesArticlesOutOfTheSpan() {
        #expect(bodies("The Politburo issued Resolution No. 39-NQ/TW.", .english) == [["Politburo", "C03"]])
    }

    @Test func keepsBothReadingsOfAnAmbiguousTranslation() {
        // "Standing Committee" renders both Thường trực and Ban Thường vụ: the aligned Vietnamese decides.
        #expect(bodies("The Standing Committee of the Provincial Party Committee emphasized the tasks.", .english)
                == [["Standing Committee of the Provincial Party Committee", "P03|P04"]])
    }

    @Test func tellsAnEventCommitteeFromTheStandingBody() {
        #expect(bodies("sent to the Organizing Committee of the Meeting and Dialogue Program", .english)
                .map { $0[1] } == ["E01"])
    }

    @Test func readsNoBodyInADocumentNumberOrAnAbbreviatedWord() {
        #expect(bodies("Thông báo số 1029 -TB/TU ngày 28/8/2023.", .vietnamese).isEmpty)
    }
}
