import Testing
@testable import Triglot

@Suite struct PersonExtractionTests {
    private func people(_ text: String) -> [Mention] {
        let bodies = BodyExtractor().mentions(in: text, language: .french)
        return PersonExtractor().mentions(in: text, bodies: bodies)
    }

    @Test func readsThePersonThePostAndTheBody() {
        let found = people("Camarades : Nguyen Thi Huong, secrétaire adjointe permanente du Comité provincial du Parti, a présidé.")
        #expect(found.map(\.text) == ["Nguyen Thi Huong"])
        #expect(found.first?.value == "nguyen-thi-huong")
        #expect(found.first?.attributes["post"] == "secrétaire adjointe")
        #expect(found.first?.attributes["body"] == "P01")
    }

    @Test func readsAPostWrittenBeforeTheName() {
        let found = people("Le chef du Comité de mobilisation de masse du Comité du Parti du district, Nguyen Vinh Phuc, a souligné.")
        #expect(found.map(\.text) == ["Nguyen Vinh Phuc"])
        #expect(found.first?.attributes["post"] == "chef")
    }

    @Test func readsNamesWithAndWithoutDiacritics() {
        #expect(PersonExtractor().mentions(in: "Đồng chí Nguyễn Văn Gấu, Bí thư Tỉnh ủy, phát biểu.").first?.value
                == "nguyen-van-gau")
        #expect(PersonExtractor().mentions(in: "Comrade Nguyen Van Gau spoke.").first?.value == "nguyen-van-gau")
    }

    @Test func doesNotTakeInstitutionsOrSentenceOpeningsForPeople() {
        #expect(people("Le Comité permanent a approuvé le projet.").isEmpty)
        #expect(people("La conférence a écouté le rapport.").isEmpty)
    }
}
