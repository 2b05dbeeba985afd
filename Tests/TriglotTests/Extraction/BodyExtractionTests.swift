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

    @Test func givesEveryBodyANameFitsWhetherReadLiterallyOrThroughAPlace() {
        // Seed 001's caption: the place slot of Ban Thường vụ's name and Thường trực's name both fit.
        #expect(bodies("Overview of the meeting between the Standing Committee of Nghe An Provincial Party Committee and key leaders.", .english)
                == [["Standing Committee of Nghe An Provincial Party Committee", "P03|P04@nghe-an"]])
    }

    @Test func readsAnEventCommitteeWithTheEventItServes() {
        #expect(bodies("Ban Tổ chức Tỉnh ủy chủ trì tham mưu trả lời các đề xuất, kiến nghị của đại biểu đã gửi đến Ban tổ chức Hội nghị đối thoại liên quan công tác tổ chức cán bộ.", .vietnamese)
                == [["Ban Tổ chức Tỉnh ủy", "P05"], ["Ban tổ chức Hội nghị đối thoại", "E01"]])
        #expect(bodies("les recommandations envoyées au Comité d'organisation du programme de réunion et de dialogue dans le cadre de leur autorité", .french)
                == [["Comité d'organisation du programme de réunion et de dialogue", "E01"]])
        #expect(bodies("recommendations sent to the Organizing Committee of the Meeting and Dialogue Program within their authority", .english)
                == [["Organizing Committee of the Meeting and Dialogue Program", "E01"]])
    }

    @Test func readsPluralsOfLongNamesButNotOfShortOnes() {
        #expect(bodies("Certains comités permanents des comités du Parti au niveau du district fixent des objectifs plus élevés.", .french)
                == [["comités permanents des comités du Parti au niveau du district", "D02"]])
        #expect(bodies("aux secrétaires des Comités de district du Parti, aux chefs de département", .french)
                == [["Comités de district du Parti", "D01"]])
        // A short name in the plural is a class of bodies.
        #expect(bodies("Les comités du parti à tous les niveaux et chaque membre s'acquittent pleinement des responsabilités.", .french).isEmpty)
    }

    @Test func namesTheStateInEachLanguageButNotTheAdjective() {
        #expect(bodies("tuyên truyền các chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước", .vietnamese)
                == [["Đảng", "C01"], ["Nhà nước", "N13"]])
        #expect(bodies("nâng cao hiệu lực quản lý nhà nước trên địa bàn", .vietnamese).isEmpty)
        #expect(bodies("des organisations de masse assignées par le Parti et l'État au niveau des communes", .french)
                == [["Parti", "C01"], ["État", "N13"]])
    }

    @Test func readsAPartyOrganisationAsItsCommittee() {
        #expect(bodies("Chất lượng của đội ngũ cán bộ, đảng viên trong Đảng bộ Khối Các cơ quan tỉnh tác động toàn diện.", .vietnamese)
                == [["Đảng bộ Khối Các cơ quan tỉnh", "P12"]])
    }

    @Test func takesNoPlaceAcrossPunctuationNorFromAPersonsName() {
        #expect(bodies("các chủ trương, chính sách của Đảng, Nhà nước, của tỉnh", .vietnamese)
                == [["Đảng", "C01"], ["Nhà nước", "N13"]])
        #expect(bodies("le chef du département du travail - des invalides et des affaires sociales du district de Ho Chi Cuong a proposé", .french)
                == [["département du travail - des invalides et des affaires sociales du district", "D07"]])
        #expect(bodies("Aux comités du Parti des communes, des villes, des hameaux et des quartiers, revoir l'affectation des cadres.", .french)
                == [["comités du Parti des communes", "X01"]])
        #expect(bodies("Certains comités permanents des comités du Parti au niveau du district fixent des objectifs.", .french)
                .map { $0[1] } == ["D02"])
    }

    @Test func readsALevelAsNoBody() {
        #expect(bodies("nghiên cứu ban hành quy định thí điểm điều động cán bộ cấp sở, ngành về tăng cường ở cấp xã", .vietnamese).isEmpty)
        #expect(bodies("Ban Cán sự đảng UBND tỉnh chỉ đạo UBND tỉnh, các sở, ngành liên quan trả lời thấu đáo.", .vietnamese)
                == [["Ban Cán sự đảng UBND tỉnh", "P16"], ["UBND tỉnh", "P20"], ["sở, ngành", "P23"]])
    }

    @Test func leavesPartyUnitsAndAuthoritiesAsGenericCompounds() {
        #expect(bodies("promouvoir la responsabilité de donner l'exemple aux dirigeants des comités et autorités du Parti à la base.", .french).isEmpty)
        #expect(bodies("les secrétaires et comités permanents du Parti, les chefs des départements", .french).isEmpty)
        #expect(bodies("Guider, encourager et soutenir régulièrement les comités et les responsables du Parti dans l’accomplissement des tâches.", .french).isEmpty)
    }

    @Test func marksAHeadStandingForAWholeName() {
        let found = extractor.mentions(in: "Le Comité d'organisation a affecté du personnel supplémentaire.", language: .french)
        #expect(found.map(\.text) == ["Comité d'organisation"])
        #expect(found.first?.attributes["reading"] == "elided")
        #expect(found.first.map { Set($0.value.split(separator: "|")) }?.isSuperset(of: ["P05", "D03"]) == true)
        // In lower case, a head is a common noun.
        #expect(bodies("un comité permanent sera créé", .french).isEmpty)
    }
}

/// Body mentions settled over a document.
@Suite struct BodyCoreferenceTests {
    private func settled(_ sentences: [(String, Language)]) -> [[String]] {
        var coreference = BodyCoreference()
        return sentences.flatMap { text, language in
            coreference.settle(BodyExtractor().mentions(in: text, language: language), language: language)
        }.map { [$0.text, $0.value] }
    }

    @Test func givesAnElidedNameTheBodyOfTheLastFullMention() {
        #expect(settled([
            ("Lors de la réunion, la vice-présidente du Comité d'organisation du Comité du Parti d'arrondissement, Nguyen Thi Ngoc Bich, a déclaré.", .french),
            ("Le Comité d'organisation a affecté du personnel supplémentaire, pour travailler avec les membres du Comité permanent.", .french),
        ]) == [["Comité d'organisation du Comité du Parti d'arrondissement", "D03"], ["Comité d'organisation", "D03"]])
    }

    @Test func dropsAnElidedNameWithNoAntecedent() {
        #expect(settled([("Le Comité d'organisation a affecté du personnel supplémentaire.", .french)]).isEmpty)
    }

    @Test func settlesAnAmbiguousTranslationByTheVietnameseOriginal() {
        let french = ("Le Comité permanent du Comité provincial du Parti a évalué la situation.", Language.french)
        #expect(settled([("Thường trực Tỉnh ủy nhấn mạnh 5 yêu cầu.", .vietnamese), french]).last == ["Comité permanent du Comité provincial du Parti", "P04"])
        #expect(settled([french]) == [["Comité permanent du Comité provincial du Parti", "P03|P04"]])
        // A French name of one reading does not decide another French name.
        #expect(settled([
            ("Nguyen Van Gau, membre du Comité central du Parti, a présidé.", .french),
            ("les documents publiés par le gouvernement central et la province", .french),
        ]).last == ["gouvernement central", "C02|N03"])
    }

    @Test func settlesANameByTheSameNameWithItsComplementWrittenOut() {
        #expect(settled([
            ("Récemment, des fonctionnaires du Département des affaires intérieures du district ont été affectés à la base.", .french),
            ("a souligné le chef du Département des affaires intérieures, Huynh Van Sau.", .french),
        ]).map { $0[1] } == ["D07", "D07"])
    }
}
