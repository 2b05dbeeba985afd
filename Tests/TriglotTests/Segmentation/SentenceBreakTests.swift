import Testing
@testable import Triglot

/// Conformance cases in the style of Unicode's SentenceBreakTest.txt: `÷` marks every expected sentence start
/// inside the line (a `÷` right after a stop, with no space, marks sentences glued together by scraping).
/// None of these sentences comes from the corpus: they test the rules on text the rules were not tuned on.
@Suite struct SentenceBreakTests {
    /// Segments `marked` without its marks and returns (expected, actual) sentence texts.
    private func sentences(_ marked: String, language: Language? = nil) throws -> (expected: [String], actual: [String]) {
        let expected = marked.components(separatedBy: "÷").map { $0.trimmingCharacters(in: .whitespaces) }
        let text = marked.replacingOccurrences(of: "÷", with: "")
        let options = SegmentationOptions(language: language.map { .fixed($0) } ?? .detect)
        let document = try Segmenter(options: options).segment(text)
        return (expected, document.sentences.map { String(document.text(of: $0)) })
    }

    @Test(arguments: [
        "Chiều 5/9, TP. Vinh tổ chức hội nghị tổng kết. ÷Đồng chí Nguyễn Văn An phát biểu chỉ đạo.",
        "Tham dự có PGS.TS. Trần Văn Bình, Giám đốc Sở Y tế. ÷Hội nghị kết thúc lúc 17 giờ cùng ngày.",
        "ThS. Lê Thị Hoa trình bày báo cáo tại Q. 3, TP.HCM. ÷Các đại biểu thảo luận sôi nổi.",
        "Tp.HCM và Hà Nội dẫn đầu cả nước về thu ngân sách. ÷GS. Phạm Minh Hạc nhận định như vậy.",
        "Đồng chí TS. Hoàng Văn Cường và GS.TS. Ngô Bảo Châu dự lễ. ÷Buổi lễ diễn ra trang trọng.",
        "Theo Thông báo số 1029 -TB/TU, tỉnh giao nhiệm vụ cụ thể cho từng cơ quan. ÷Ban Tổ chức Tỉnh ủy chủ trì.",
        "Hội nghị đã thống nhất cao các nội dung.÷Ban Thường vụ Tỉnh ủy giao Văn phòng tổng hợp.",
        "Tỷ lệ đạt 85,71 %, tăng 1.900 người so với năm 2022. ÷Kết quả này rất đáng ghi nhận.",
        "Ngày 18.7.2023, P. Bến Thủy nhận 1.000.000 đồng hỗ trợ. ÷Đây là nguồn lực quan trọng.",
        "Ông cho biết: “Chúng tôi sẽ tiếp tục cố gắng.” ÷Sau đó, hội nghị bế mạc.",
        "Các sở, ngành liên quan cần phối hợp chặt chẽ; UBND các huyện chủ động triển khai. ÷Giao Sở Nội vụ theo dõi.",
    ])
    func vietnamese(_ marked: String) throws {
        let result = try sentences(marked)
        #expect(result.actual == result.expected)
    }

    @Test(arguments: [
        "Il a déclaré : « C'est un moment historique. » ÷Le secrétaire a ensuite quitté la salle.",
        "Selon la résolution n° 39-NQ/TW du 18 juillet 2023, la province doit agir vite. ÷Le Comité a approuvé.",
        "Il hésita… ÷Puis il reprit la parole devant les délégués.",
        "M. Nguyen Van Gau a présidé la séance plénière. ÷Mme Tran Thi Binh a pris la parole ensuite.",
        "Le taux atteint 85,71 % contre 9,52 % l'an dernier. ÷Les résultats sont encourageants.",
        "La conférence s'est achevée dans la matinée.÷Les collectifs ont été félicités par la province.",
        "Voir https://baonghean.vn/fr/article-10291096.html pour les détails. ÷Le texte intégral est disponible.",
        "1. Renforcer le dialogue avec la population. ÷2. Promouvoir le droit à la maîtrise du peuple.",
        "Les délégués ont-ils approuvé le projet ? ÷Oui, à l'unanimité.",
        "Le règlement n° 1524-QD/HU du 11 octobre 2022 s'applique. ÷Les comités doivent le respecter.",
    ])
    func french(_ marked: String) throws {
        let result = try sentences(marked)
        #expect(result.actual == result.expected)
    }

    @Test(arguments: [
        "The Politburo issued Resolution No. 39-NQ/TW dated July 18, 2023. ÷It concerns Nghe An province.",
        "Dr. Nguyen Thi Huong and Mr. Tran Van Nam attended the meeting. ÷It lasted two hours.",
        "Delegates from the U.S. Embassy attended the ceremony in Vinh. ÷They praised the results.",
        "Professor Tran V. Binh presented the provincial report. ÷Questions followed.",
        "He said: “We will continue to work hard.” ÷The session then closed.",
        "Growth reached 1,900 units, or 85.71%, in the third quarter. ÷Exports rose as well.",
        "See Fig. 3 for details of the plan. ÷The data cover the period 2021 - 2030.",
        "Children in the district need more vitamin C. ÷The campaign starts today.",
        "They waited for the results... ÷Then the announcement came.",
        "The meeting ended at noon.÷Delegates then visited the exhibition.",
    ])
    func english(_ marked: String) throws {
        let result = try sentences(marked)
        #expect(result.actual == result.expected)
    }

    @Test func keepsCaptionMarkerWithItsSentence() throws {
        let result = try sentences("Scène de la conférence provinciale. |")
        #expect(result.actual == ["Scène de la conférence provinciale. |"])
    }

    @Test func keepsImageFileNameWhole() throws {
        let text = "bna_Overview of the meeting in 2023. Photo by Thanh Duy.jpeg\nThe meeting was held in Vinh. It lasted two days."
        let document = try Segmenter().segment(text)
        #expect(document.sentences.map { String(document.text(of: $0)) } == [
            "bna_Overview of the meeting in 2023. Photo by Thanh Duy.jpeg",
            "The meeting was held in Vinh.", "It lasted two days.",
        ])
        // An image file name is page furniture (the news conventions), one unit whatever its stops.
        #expect(document.paragraphs[0].kind == .boilerplate)
    }

    @Test func neverSplitsAcrossParagraphs() throws {
        let document = try Segmenter().segment("6 NHIỆM VỤ TRỌNG TÂM\nTrước đó, trong các ngày 3, 4/8, tỉnh tổ chức hội nghị")
        #expect(document.sentences.count == 2)
        #expect(document.sentences.map(\.paragraph) == [0, 1])
    }

    @Test func splitsASectionLabelAfterTheStoresDatePrefixAsBoilerplate() throws {
        let document = try Segmenter().segment(" date 2025-11-03 Thời sự Kỳ họp thứ 33 HĐND tỉnh thông qua 19 nghị quyết\nChiều 3/11, kỳ họp bế mạc.")
        #expect(document.sentences.map { String(document.text(of: $0)) } == [
            "date 2025-11-03", "Thời sự", "Kỳ họp thứ 33 HĐND tỉnh thông qua 19 nghị quyết", "Chiều 3/11, kỳ họp bế mạc.",
        ])
        #expect(document.sentences.prefix(2).allSatisfy { $0.kind == .boilerplate })
        #expect(document.sentences[2].kind != .boilerplate)
        // A title that opens with a section's words is left whole: no prefix before it, or no capital after them.
        #expect(try Segmenter().segment("Thời sự Nghệ An hôm nay").sentences.count == 1)
        #expect(try Segmenter().segment(" date 2025-11-03 Kinh tế tư nhân là động lực").sentences.count == 2)
    }

    @Test func endsAUnitAtEveryLineBreakOfThePage() throws {
        // The news conventions: a page's line break is never inside a unit, even where a line looks hard-wrapped.
        let text = "The Standing Committee of the Provincial Party Committee assigned\nthe Organization Committee to study the regulations. It reported later."
        let document = try Segmenter().segment(text)
        #expect(document.paragraphs.count == 2)
        #expect(document.sentences.map { String(document.text(of: $0)) } == [
            "The Standing Committee of the Provincial Party Committee assigned",
            "the Organization Committee to study the regulations.", "It reported later.",
        ])
    }
}
