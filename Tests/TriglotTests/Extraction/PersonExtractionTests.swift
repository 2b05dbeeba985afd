import Testing
@testable import Triglot

@Suite struct PersonExtractionTests {
    private func people(_ text: String) -> [Mention] {
        let bodies = BodyExtractor().mentions(in: text, language: .french)
        return PersonExtractor().mentions(in: text, bodies: bodies)
    }

    @Test func vietnameseSyllablesAreToldFromOtherWords() {
        for syllable in ["nguyen", "van", "gau", "thi", "huong", "khac", "nghia", "quynh", "phuc", "minh", "chinh", "a",
                         "y", "uyen", "gia", "tuyet", "ngoc", "trung", "qua"] {
            #expect(PersonExtractor.isVietnameseSyllable(syllable), "\(syllable)")
        }
        for word in ["viktor", "commission", "party", "hanoi", "strong", "", "xyz", "brown", "bac-giang"] {
            #expect(!PersonExtractor.isVietnameseSyllable(word), "\(word)")
        }
    }

    @Test func readsNoPersonInACityNamedAfterOne() {
        #expect(people("Il a visité Hô Chi Minh-Ville et Ho Chi Minh City hier avec Hô Chi Minh.").map(\.text) == ["Hô Chi Minh"])
    }

    @Test func readsThePersonThePostAndTheBody() {
        let found = people("Camarades : Nguyen Thi Huong, secrétaire adjointe permanente du Comité provincial du Parti, a présidé.")
        #expect(found.map(\.text) == ["Nguyen Thi Huong"])
        #expect(found.first?.value.person?.name == "nguyen-thi-huong")
        #expect(found.first?.value.person?.post == "secrétaire adjointe")
        #expect(found.first?.value.person?.body == "Provincial Party Committee")
    }

    @Test func givesPostsToPeopleNotToBodies() {
        let text = "Tổng Bí thư Tô Lâm phát biểu tại hội nghị."
        let found = PersonExtractor().mentions(in: text)
        #expect(found.map(\.text) == ["Tô Lâm"])
        #expect(found.first?.value.person?.post == "Tổng Bí thư")
        #expect(BodyExtractor().mentions(in: text, language: .vietnamese).isEmpty)
    }

    @Test func readsAPostWrittenBeforeTheName() {
        let found = people("Le chef du Comité de mobilisation de masse du Comité du Parti du district, Nguyen Vinh Phuc, a souligné.")
        #expect(found.map(\.text) == ["Nguyen Vinh Phuc"])
        #expect(found.first?.value.person?.post == "chef")
    }

    @Test func readsNamesWithAndWithoutDiacritics() {
        #expect(PersonExtractor().mentions(in: "Đồng chí Nguyễn Văn Gấu, Bí thư Tỉnh ủy, phát biểu.").first?.value.person?.name
                == "nguyen-van-gau")
        #expect(PersonExtractor().mentions(in: "Comrade Nguyen Van Gau spoke.").first?.value.person?.name == "nguyen-van-gau")
    }

    @Test func doesNotTakeInstitutionsOrSentenceOpeningsForPeople() {
        #expect(people("Le Comité permanent a approuvé le projet.").isEmpty)
        #expect(people("La conférence a écouté le rapport.").isEmpty)
    }

    @Test func readsTheNameAfterAPhotoOrArticleCredit() {
        let found = PersonExtractor().mentions(in: "Toàn cảnh hội nghị đối thoại giữa Thường trực Tỉnh ủy Nghệ An với lãnh đạo. Ảnh tư liệu: Thành Cường")
        #expect(found.map(\.text) == ["Thành Cường"])
        #expect(found.first?.value.person?.name == "thanh-cuong")
        #expect(found.first?.value.person?.isCredit == true)
        #expect(PersonExtractor().mentions(in: "bna_Overview of the meeting and dialogue program. Photo by Thanh Duy.jpeg").map(\.text) == ["Thanh Duy"])
        #expect(PersonExtractor().mentions(in: "Article et photos : Pham Tuyet").map(\.text) == ["Pham Tuyet"])
    }

    @Test func takesNoHeadingInCapitalsNorAFrenchNounForAName() {
        #expect(people("6 NHIỆM VỤ TRỌNG TÂM").isEmpty)
        #expect(people("CRÉER L'UNITÉ, UN CHANGEMENT POSITIF DANS LA PERCEPTION ET L'ACTION").isEmpty)
        #expect(people("La Commission de mobilisation de masse du Comité provincial du Parti préside et coordonne.").isEmpty)
    }

    @Test func keepsAForeignGivenNameAtTheEnd() {
        #expect(PersonExtractor().mentions(in: "Overseas Vietnamese player Le Khac Viktor attracts attention in Vietnam U22 team")
                .map { $0.value.person?.name } == ["le-khac-viktor"])
    }

    @Test func takesPlacesNamedLikePeopleForPlaces() {
        #expect(PersonExtractor().mentions(in: "Welcoming the sunshine in Duong Lam ancient village").isEmpty)
        #expect(PersonExtractor().mentions(in: "đẩy nhanh tiến độ xây dựng khu tái định cư tại Tp. Hà Tĩnh").isEmpty)
        #expect(PersonExtractor().mentions(in: "The delegation visited Hoang Mai Industrial Park on October 5.").isEmpty)
        // A place word before a comma is the end of an apposition, not a place.
        #expect(people("Selon le chef des affaires intérieures du district, Huynh Van Sau : La politique des cadres.")
                .map(\.text) == ["Huynh Van Sau"])
    }
}
