import Foundation
import Testing
@testable import Triglot

@Suite struct DateExtractionTests {
    let extractor = DateExtractor()
    let article = DateComponents(year: 2023, month: 8, day: 28)

    private func dates(_ text: String, article: DateComponents? = nil) -> [(String, String)] {
        extractor.mentions(in: text, articleDate: article).map { ($0.text, $0.value) }
    }

    @Test(arguments: [
        ("Thông báo ngày 28/8/2023 của Tỉnh ủy.", "28/8/2023", "2023-08-28"),
        ("Báo Bến Tre 29/08/2023", "29/08/2023", "2023-08-29"),
        ("Nghị quyết ban hành ngày 18 tháng 7 năm 2023.", "18 tháng 7 năm 2023", "2023-07-18"),
        ("The Politburo issued it on July 18, 2023.", "July 18, 2023", "2023-07-18"),
        ("Adoptée le 15 juillet 2021 par le Comité.", "15 juillet 2021", "2021-07-15"),
        ("Avant le 5 juin 2025, le rapport sera soumis.", "Avant le 5 juin 2025", "../2025-06-05"),
        ("dans des rapports thématiques et annuels.", "annuels", "R/P1Y"),
        ("báo cáo chuyên đề và định kỳ hàng năm.", "định kỳ hàng năm", "R/P1Y"),
        ("Maintenir un régime de rapports trimestriels.", "trimestriels", "R/P3M"),
        ("Kết quả tháng 7/2023 rất khả quan.", "tháng 7/2023", "2023-07"),
        ("Mục tiêu năm 2023 đã hoàn thành.", "năm 2023", "2023"),
        ("Kế hoạch quý II/2024 được thông qua.", "quý II/2024", "2024-04/2024-06"),
        ("Quy hoạch giai đoạn 2023 - 2025 của tỉnh.", "giai đoạn 2023 - 2025", "2023/2025"),
        ("Pour la période 2021-2030, la province vise.", "période 2021-2030", "2021/2030"),
        ("Du 29 novembre au 1er décembre 2024, le congrès.", "29 novembre au 1er décembre 2024", "2024-11-29/2024-12-01"),
        ("Des réunions les 9 et 15 de chaque mois.", "9 et 15 de chaque mois", "R/P1M;BYMONTHDAY=9,15"),
    ])
    func normalisesTheFormsOfTheCorpus(_ text: String, _ expression: String, _ value: String) {
        #expect(dates(text).first.map { [$0.0, $0.1] } == [expression, value])
    }

    @Test func completesPartialDatesFromTheArticleDate() {
        #expect(dates("Trước đó, trong các ngày 3, 4/8, Thường trực Tỉnh ủy tổ chức.", article: article)
                .map(\.1) == ["2023-08-03/2023-08-04"])
        #expect(dates("Previously, on August 3 and 4, the committee met.", article: article).map(\.1) == ["2023-08-03/2023-08-04"])
        #expect(dates("Les réunions des 3 et 4 août ont eu lieu.", article: article).map(\.1) == ["2023-08-03/2023-08-04"])
        // After the article date in a past-tense sentence: last year's.
        #expect(dates("The October 18-19 conference reviewed the plan.", article: article).map(\.1) == ["2022-10-18/2022-10-19"])
        // In a sentence about the future: the next occurrence.
        #expect(dates("The conference will open on October 18.", article: article).map(\.1) == ["2023-10-18"])
        // Without an article date the value stays partial.
        #expect(dates("Previously, on August 3, the committee met.").map(\.1) == ["--08-03"])
    }

    @Test func keepsSeparateDaysSeparate() {
        #expect(dates("Les séances des 3 et 7 août furent longues.", article: article).map(\.1) == ["2023-08-03", "2023-08-07"])
    }

    @Test func marksTargetAndVisionYears() {
        let found = extractor.mentions(in: "phát triển tỉnh Nghệ An đến năm 2030, tầm nhìn đến năm 2045")
        #expect(found.map(\.text) == ["năm 2030", "năm 2045"])
        #expect(found.map { $0.attributes["role"] } == ["target", "vision"])
        let english = extractor.mentions(in: "on developing Nghe An province to 2030, with a vision to 2045")
        #expect(english.map { $0.attributes["role"] } == ["target", "vision"])
    }

    @Test(arguments: [
        "18/21 comités du parti ont bien accompli leurs tâches, soit 85,71 %.",
        "110/117 membres du personnel ont bien accompli leurs tâches.",
        "dépassant 3/6 cibles",
        "Thông báo số 1029 -TB/TU của Tỉnh ủy.",
        "Nghị định 45/2023/NĐ-CP của Chính phủ.",
        "toàn tỉnh bước vào năm thứ 3 thực hiện nghị quyết",
        "0:00 / 0:00",
    ])
    func findsNoDateWhereThereIsNone(_ text: String) {
        #expect(dates(text).isEmpty, "\(dates(text))")
    }
}

@Suite struct DocumentReferenceExtractionTests {
    let extractor = DocumentReferenceExtractor()

    @Test(arguments: [
        ("Đây là nội dung tại Thông báo số 1029 -TB/TU ngày 28/8/2023 của Tỉnh ủy.", "Thông báo số 1029 -TB/TU", "1029-TB/TU", "party", "2023-08-28"),
        ("The Politburo issued Resolution No. 39-NQ/TW dated July 18, 2023.", "Resolution No. 39-NQ/TW", "39-NQ/TW", "party", "2023-07-18"),
        ("résumant la résolution n° 147-NQ/TU du 15 juillet 2021 du Comité", "résolution n° 147-NQ/TU", "147-NQ/TU", "party", "2021-07-15"),
        ("Theo Nghị định số 45/2023/NĐ-CP của Chính phủ", "Nghị định số 45/2023/NĐ-CP", "45/2023/NĐ-CP", "state", nil),
        ("Quyết định 123/QĐ-UBND về việc", "Quyết định 123/QĐ-UBND", "123/QĐ-UBND", "state", nil),
        ("conformément au règlement n° 213-QD/TW pour", "règlement n° 213-QD/TW", "213-QD/TW", "party", nil),
    ] as [(String, String, String, String, String?)])
    func readsReferencesWithTheirTypeWordAndDate(_ text: String, _ expression: String, _ code: String, _ system: String,
                                                 _ date: String?) {
        let found = extractor.mentions(in: text, dates: DateExtractor())
        #expect(found.count == 1)
        #expect(found.first?.text == expression)
        #expect(found.first?.value == code)
        #expect(found.first?.attributes["system"] == system)
        #expect(found.first?.attributes["date"] == date)
    }

    @Test func keepsSpansAsUTF8OffsetsIntoTheDocument() throws {
        let text = "Tỉnh ủy Nghệ An. Thông báo số 1029 -TB/TU ngày 28/8/2023."
        let document = try Segmenter().segment(text)
        let mentions = Extractor().mentions(in: document)
        #expect(mentions.map(\.type) == [.body, .docref, .date])
        for mention in mentions { #expect(String(document.text(of: mention.span)) == mention.text) }
        #expect(mentions.map(\.text) == ["Tỉnh ủy Nghệ An", "Thông báo số 1029 -TB/TU", "28/8/2023"])  // no "ngày"
    }
}
