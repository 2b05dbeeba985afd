import Foundation
import Testing
@testable import Triglot

@Suite struct DateExtractionTests {
    let extractor = DateExtractor()
    let article = DateComponents(year: 2023, month: 8, day: 28)

    private func dates(_ text: String, article: DateComponents? = nil) -> [[String]] {
        extractor.mentions(in: text, articleDate: article).map { [$0.text, $0.value.comparisonText] }
    }

    /// The forms of the news pages, each with its bare span (cue words and weekdays outside) and its value.
    @Test(arguments: [
        ("Thông báo ngày 28/8/2023 của Tỉnh ủy.", "28/8/2023", "2023-08-28"),
        ("(Ngày 28 tháng 01 năm 2021)", "28 tháng 01 năm 2021", "2021-01-28"),
        ("Thứ Sáu, 23/01/2026 Đại hội bế mạc.", "23/01/2026", "2026-01-23"),
        ("Tối 30-1, Trung tâm Báo chí Đại hội thông tin.", "30-1", "2023-01-30"),
        ("Đại hội bế mạc trong thứ hai, ngày 1-2-2021.", "1-2-2021", "2021-02-01"),
        ("Trong hai ngày (1-2/12), Ủy ban Kiểm tra họp.", "1-2/12", "2023-12-01/2023-12-02"),
        ("trong hai ngày 16 - 17.8, tại Hà Nội", "16 - 17.8", "2023-08-16/2023-08-17"),
        ("Từ ngày 22 đến ngày 24/12/2021, tại Hà Nội", "22 đến ngày 24/12/2021", "2021-12-22/2021-12-24"),
        ("Hội Cựu chiến binh Việt Nam (6/12/1989 - 6/12/2023)", "6/12/1989 - 6/12/2023", "1989-12-06/2023-12-06"),
        ("HỌP CHÍNH PHỦ THƯỜNG KỲ THÁNG 9 NĂM 2021", "THÁNG 9 NĂM 2021", "2021-09"),
        ("giao ban Khối Nội chính tháng 8/2023.", "8/2023", "2023-08"),
        ("trong giai đoạn từ tháng 11-2019 đến tháng 8-2020 và nhiệm kỳ", "11-2019 đến tháng 8-2020", "2019-11/2020-08"),
        ("sur la période de novembre 2019 à août 2020) et du mandat", "novembre 2019 à août 2020", "2019-11/2020-08"),
        ("Từ tháng 4/2021-2/2025, ông Võ Trọng Hải là Phó Bí thư Tỉnh ủy", "4/2021-2/2025", "2021-04/2025-02"),
        ("Từ 2/2025-9/2025 ông là Phó Bí thư Tỉnh ủy Hà Tĩnh", "2/2025-9/2025", "2025-02/2025-09"),
        ("TÌNH HÌNH KINH TẾ VÀ 9 THÁNG NĂM 2021", "9 THÁNG NĂM 2021", "2021-01/2021-09"),
        ("Bí thư Tỉnh ủy nhiệm kỳ 2025-2030.", "2025-2030", "2025/2030"),
        ("Ông Phạm Đại Dương sinh năm 1974, quê ở Hà Nội.", "1974", "1974"),
        ("The Politburo issued it on July 18, 2023.", "July 18, 2023", "2023-07-18"),
        ("ld its 19th session from Sept 6 -8 in Hanoi", "Sept 6 -8", "2023-09-06/2023-09-08"),
        ("which meets in Hà Nội from November 29 – December 1.", "November 29 – December 1", "2023-11-29/2023-12-01"),
        ("held from January 25 to February 2.", "January 25 to February 2", "2023-01-25/2023-02-02"),
        ("in the 2016-21 tenure", "2016-21", "2016/2021"),
        ("the FIRST 9 MONTHS OF 2021", "FIRST 9 MONTHS OF 2021", "2021-01/2021-09"),
        ("Adoptée le jeudi 15 juillet 2021 par le Comité.", "15 juillet 2021", "2021-07-15"),
        ("Du 29 novembre au 1er décembre 2021, à Hanoi", "29 novembre au 1er décembre 2021", "2021-11-29/2021-12-01"),
        ("a tenu sa 21e session les 18 et 19 octobre", "18 et 19 octobre", "2023-10-18/2023-10-19"),
        ("Le congrès s'est clôturé lundi premier février.", "premier février", "2023-02-01"),
        ("la conclusion datée du 14 mars2014 du Bureau politique", "14 mars2014", "2014-03-14"),
        ("les membres avant le 31 août 2025.", "31 août 2025", "2025-08-31"),
        ("Kế hoạch quý II/2024 được thông qua.", "quý II/2024", "2024-04/2024-06"),
        ("Des réunions les 9 et 15 de chaque mois.", "9 et 15 de chaque mois", "R/P1M;BYMONTHDAY=9,15"),
        ("Đại hội diễn ra từ ngày 01/10/2025 đến ngày 03/10/2025 tại Vinh.", "01/10/2025 đến ngày 03/10/2025", "2025-10-01/2025-10-03"),
        ("dans de nombreux marchés de 2011 à 2021, causant des pertes", "2011 à 2021", "2011/2021"),
        ("performance in the first ten months of 2021. (Photo: VNA)", "first ten months of 2021", "2021-01/2021-10"),
        ("la situation au cours des dix premiers mois de 2021 et", "dix premiers mois de 2021", "2021-01/2021-10"),
        ("Từ 9/2014 đến 1/2016, ông là Bí thư Tỉnh ủy.", "9/2014 đến 1/2016", "2014-09/2016-01"),
    ])
    func readsTheFormsOfTheNewsPages(_ text: String, _ expression: String, _ value: String) {
        #expect(dates(text, article: article).first == [expression, value], "\(dates(text, article: article))")
    }

    @Test func readsEveryMonthFormOfTheMonthTable() {
        for form in MonthNames.standard.forms {
            let text = form.language == .french ? "La réunion du 6 \(form.text) 2023 a eu lieu." : "The meeting on \(form.text) 6, 2023 took place."
            let month = form.month < 10 ? "0\(form.month)" : "\(form.month)"
            #expect(dates(text).map { $0[1] } == ["2023-\(month)-06"], "\(form.text)")
        }
        #expect(MonthNames.standard.forms.count == 39)
    }

    @Test func completesAPartialDateWithTheYearClosestToTheArticle() {
        // Dates just after the article date are this year's ("Ngày mai, 28/01"), dates well after it last year's.
        #expect(dates("Ngày mai, 28/01, Đại hội làm việc tại Hội trường.", article: DateComponents(year: 2021, month: 1, day: 27))
                .map { $0[1] } == ["2021-01-28"])
        #expect(dates("Trước đó, trong các ngày 3, 4/8, Thường trực Tỉnh ủy tổ chức.", article: article)
                .map { $0[1] } == ["2023-08-03/2023-08-04"])
        #expect(dates("The December 28-29 conference reviewed the plan.", article: DateComponents(year: 2024, month: 1, day: 10))
                .map { $0[1] } == ["2023-12-28/2023-12-29"])
        #expect(dates("The conference will open on January 5.", article: DateComponents(year: 2023, month: 12, day: 20))
                .map { $0[1] } == ["2024-01-05"])
        // Without an article date the value stays partial.
        #expect(dates("Previously, on August 3, the committee met.").map { $0[1] } == ["--08-03"])
    }

    @Test func readsAMonthJoinedToAMonthAfterAPreposition() {
        #expect(dates("tasks for November and December, the two last months", article: article).map { $0[1] }
                == ["2023-11", "2023-12"])
        #expect(dates("des tâches pour novembre et décembre", article: article).map { $0[1] } == ["2023-11", "2023-12"])
        // A month name alone with no preposition before it, or before its pair, stays unread.
        #expect(dates("Justice and December are names.", article: article).isEmpty)
    }

    @Test func valuesTheDaysOfOneEventFromItsFirstToItsLastDay() {
        // Session days that do not follow each other are one mention, as the corpus annotates them.
        #expect(dates("Trong các ngày 18, 19 và 22/3/2021, Ủy ban Kiểm tra Trung ương họp.")
                == [["18, 19 và 22/3/2021", "2021-03-18/2021-03-22"]])
        #expect(dates("Les séances des 3 et 7 août furent longues.", article: article) == [["3 et 7 août", "2023-08-03/2023-08-07"]])
        // A list that does not run forward is no span: each day on its own.
        #expect(dates("Les 7 et 3 août.", article: article).map { $0[1] } == ["2023-08-07", "2023-08-03"])
    }

    @Test func readsAPeriodOfMonthsWhoseYearOnlyItsLaterEndGives() {
        // news-heldout n93: "de juillet à octobre 2025"; the same in English and Vietnamese.
        #expect(dates("le rythme de juillet à octobre 2025 a ralenti") == [["juillet à octobre 2025", "2025-07/2025-10"]])
        #expect(dates("from July to October 2025, growth slowed") == [["July to October 2025", "2025-07/2025-10"]])
        #expect(dates("từ tháng 7 đến tháng 10/2025, tăng trưởng chậm lại") == [["tháng 7 đến tháng 10/2025", "2025-07/2025-10"]])
        // A later month first is no period.
        #expect(dates("from October to July 2025").map { $0[1] } != ["2025-10/2025-07"])
    }

    @Test func readsAPeriodOfMonthsOnlyWhenItRunsForward() {
        // A later month first, or a code after the second year, is no period.
        #expect(dates("Tỷ lệ 3/2021-5/2020 đạt.") == [])
        #expect(dates("Quyết định 2/2025-9/2025/QĐ-UBND.") == [])
        #expect(dates("từ 2/2025 - 9/2025 ông giữ chức") == [["2/2025 - 9/2025", "2025-02/2025-09"]])
    }

    @Test func givesRolesToTargetVisionAndBeforeDates() throws {
        let found = extractor.mentions(in: "phát triển tỉnh Nghệ An đến năm 2030, tầm nhìn đến năm 2045")
        #expect(found.map(\.text) == ["2030", "2045"])
        #expect(found.map { $0.value.date?.role } == [.target, .vision])
        let before = try #require(extractor.mentions(in: "to be completed before August 31, 2025.").first?.value.date)
        #expect(before.role == .before && before.iso == "2025-08-31")
    }

    @Test(arguments: [
        "Ngày 31/2/2023, hội nghị diễn ra.",
        "Le 30 février 2024, la réunion a eu lieu.",
        "February 30, 2024 was announced.",
    ])
    func findsNoImpossibleDay(_ text: String) {
        #expect(dates(text).isEmpty, "\(dates(text))")
    }

    @Test(arguments: [
        "18/21 comités du parti ont bien accompli leurs tâches, soit 85,71 %.",
        "110/117 membres du personnel ont bien accompli leurs tâches.",
        "dépassant 3/6 cibles",
        "Thông báo số 1029 -TB/TU của Tỉnh ủy.",
        "Nghị định 45/2023/NĐ-CP của Chính phủ.",
        "Nghị quyết số 629/2019/UBTVQH14 của Ủy ban thường vụ Quốc hội",
        "toàn tỉnh bước vào năm thứ 3 thực hiện nghị quyết",
        "0:00 / 0:00",
        "sáng nay, Vendredi après-midi, on Monday",
        "Ban Chấp hành Trung ương Đảng khóa XIII",
    ])
    func findsNoDateWhereThereIsNone(_ text: String) {
        #expect(dates(text, article: article).isEmpty, "\(dates(text, article: article))")
    }

    @Test func readsTheDateOfADatelineAsTheArticleDate() throws {
        let document = try Segmenter().segment("Tiêu đề bài báo\n\nBáo Bến TreBáo Bến Tre17/08/2023\n\nNội dung bài báo.")
        let date = extractor.articleDate(of: document)
        #expect(date?.year == 2023 && date?.month == 8 && date?.day == 17)
    }

    @Test func readsAVietnameseMonthWrittenWithADotBeforeItsYear() {
        // news-heldout n111: "tháng 4.2021", the cue word outside the span as for "tháng 8/2023".
        #expect(dates("Từ tháng 4.2021, ông giữ chức Phó Thủ tướng.") == [["4.2021", "2021-04"]])
        // A decimal is no month.
        #expect(dates("Tăng trưởng đạt 4.2021 điểm.").isEmpty)
    }

    @Test func readsAHalfOfAYearOnlyWithItsYear() {
        // news-heldout n106: "premier semestre de 2022"; "second semestre de l'année" is relative.
        #expect(dates("Le gouvernement a examiné le premier semestre de 2022 et le second semestre de l'année.")
                == [["premier semestre de 2022", "2022-01/2022-06"]])
        #expect(dates("in the first half of 2022 and the second half of 2023")
                == [["first half of 2022", "2022-01/2022-06"], ["second half of 2023", "2023-07/2023-12"]])
    }

    @Test func readsTheMonthAFrenchMeetingIsNamedAfter() {
        // news-heldout n95, n83: the month of a regular meeting, its year from the article.
        let article = DateComponents(year: 2022, month: 9, day: 6)
        #expect(dates("Le PM préside la réunion périodique d’août du gouvernement.", article: article) == [["août", "2022-08"]])
        #expect(dates("Il a présidé la réunion de décembre du Comité populaire.", article: article) == [["décembre", "2022-12"]])
        // A name, not a date: the August Revolution.
        #expect(dates("l'anniversaire de la Révolution d'août et la Fête nationale", article: article).isEmpty)
    }

    @Test func readsTheLastMonthsOfAYearAndTomorrowsDate() {
        // news-heldout n75 (and a French page of baonghean.vn): the last months of a year run to December; a
        // Vietnamese report: "sáng mai, 17/10".
        let article = DateComponents(year: 2024, month: 7, day: 10)
        #expect(dates("les résultats des six derniers mois de 2024", article: article) == [["six derniers mois de 2024", "2024-07/2024-12"]])
        #expect(dates("tasks in the last 6 months of 2025.", article: article) == [["last 6 months of 2025", "2025-07/2025-12"]])
        #expect(dates("in the first 6 months of 2025", article: article) == [["first 6 months of 2025", "2025-01/2025-06"]])
        #expect(dates("Kết quả được thông báo vào sáng mai, 17/10.", article: article) == [["17/10", "2024-10-17"]])
        // Two thirds of the deputies, not a date.
        #expect(dates("Hôm nay, 2/3 đại biểu tán thành.", article: article).isEmpty)
    }

    @Test func readsMayAloneButNotTheFamilyNameMaiOrTheFrenchSeven() {
        // news-heldout n137: the May meeting and "in May", where the family name Mai of a person named on is no month
        // and the French "sept" before "mois" is seven, not September.
        let article = DateComponents(year: 2021, month: 6, day: 3)
        #expect(dates("Le PM préside la réunion périodique du gouvernement de mai.", article: article) == [["mai", "2021-05"]])
        #expect(dates("le budget de l'État en mai et cinq mois de 2021", article: article)
                == [["mai", "2021-05"], ["cinq mois de 2021", "2021-01/2021-05"]])
        #expect(dates("the State budget situation in May and the first five months of 2021", article: article)
                == [["May", "2021-05"], ["first five months of 2021", "2021-01/2021-05"]])
        #expect(dates("the case of Mai Tien Dung and the report of Mai Van Ninh", article: article).isEmpty)
        #expect(dates("le rapport de Mai Van Ninh", article: article).isEmpty)
        // (The year closest to the article's: December 2020.)
        #expect(dates("la session de l'Assemblée nationale de décembre", article: article) == [["décembre", "2020-12"]])
        #expect(dates("le rapport du ministère de mai", article: article).isEmpty)
        #expect(dates("the situation in July and sept mois", article: article) == [["July", "2021-07"]])
        #expect(dates("en juillet et sept mois", article: article) == [["juillet", "2021-07"]])
        // "may" in lower case is the verb.
        #expect(dates("Delegates from may attend.", article: article).isEmpty)
    }
}

@Suite struct CalendarDateTests {
    @Test func refusesDaysTheCalendarDoesNotHave() {
        #expect(CalendarDate(year: 2023, month: 2, day: 31) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 30) == nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29)?.iso == "2024-02-29")
        #expect(CalendarDate(year: nil, month: 8, day: 3)?.iso == "--08-03")
        #expect(CalendarDate(year: 2023, month: 13) == nil)
    }
}

@Suite struct DocumentReferenceExtractionTests {
    let extractor = DocumentReferenceExtractor()

    @Test(arguments: [
        ("Đây là nội dung tại Thông báo số 1029 -TB/TU ngày 28/8/2023 của Tỉnh ủy.", "Thông báo số 1029 -TB/TU", "notice|1029-TB/TU|2023-08-28"),
        ("The Politburo issued Resolution No. 39-NQ/TW dated July 18, 2023.", "Resolution No. 39-NQ/TW", "resolution|39-NQ/TW|2023-07-18"),
        ("résumant la résolution n° 147-NQ/TU du 15 juillet 2021 du Comité", "résolution n° 147-NQ/TU", "resolution|147-NQ/TU|2021-07-15"),
        ("vừa ban hành Kế hoạch số 61-KH/TU, ngày 27/10/2021 về kiểm điểm", "Kế hoạch số 61-KH/TU", "plan|61-KH/TU|2021-10-27"),
        ("Theo Nghị định số 45/2023/NĐ-CP của Chính phủ", "Nghị định số 45/2023/NĐ-CP", "decree|45/2023/NĐ-CP|"),
        ("và Nghị quyết số 629/2019/UBTVQH14 ngày 30/01/2019 của Ủy ban", "Nghị quyết số 629/2019/UBTVQH14", "resolution|629/2019/UBTVQH14|2019-01-30"),
        ("Quyết định 123/QĐ-UBND về việc", "Quyết định 123/QĐ-UBND", "decision|123/QĐ-UBND|"),
        ("conformément au règlement n° 213-QD/TW pour", "règlement n° 213-QD/TW", "regulation|213-QD/TW|"),
        ("En se basant sur le règlement N° 102/QD/TW du Bureau politique", "règlement N° 102/QD/TW", "regulation|102/QD/TW|"),
        ("a publié le message officiel n° 3358-CV/TU (daté du 24 février 2025", "message officiel n° 3358-CV/TU", "official dispatch|3358-CV/TU|2025-02-24"),
        // The code's type decides where it names one kind: a TB is a notice, whatever the translation says.
        ("n'a pas réalisé la conclusion N°156-TB/TW datée du 14 mars 2014", "conclusion N°156-TB/TW", "notice|156-TB/TW|2014-03-14"),
        ("Số: 127/NQ-CP", "Số: 127/NQ-CP", "resolution|127/NQ-CP|"),
        ("education and training (Résolutions No29-NQ/TW du 4 novembre 2013", "Résolutions No29-NQ/TW", "resolution|29-NQ/TW|2013-11-04"),
        ("the Provincial People's Council has just issued Notice No. 53 convening", "Notice No. 53", "notice|53||"),
        ("la décision N°2452 du Bureau Politique, datée du 5/10/2025, a été lue", "décision N°2452", "decision|2452|2025-10-05"),
        ("signed Decision No. 05-QDNS/TW on January 30 assigning", "Decision No. 05-QDNS/TW", "decision|05-QDNS/TW|"),
        // A page cut right after the slash: the mention as far as it goes.
        ("thực hiện Nghị quyết số 18-NQ/", "Nghị quyết số 18-NQ/", "resolution|18-NQ/|"),
        // A short form before the comma or full stop that ends its clause.
        ("Tại Quyết định số 2318, Thủ tướng quyết định kéo dài thời gian", "Quyết định số 2318", "decision|2318||"),
        ("Thủ tướng bổ nhiệm ông theo Quyết định số 2279.", "Quyết định số 2279", "decision|2279||"),
        // The date right after an issuer clause, with no comma.
        ("thực hiện thông báo kết luận số 01 của Bộ Chính trị ngày 12/4/2021 về", "thông báo kết luận số 01", "notice|01|2021-04-12"),
        // A document cited by its title's number, with no number sign.
        ("Đề án phát triển trường nghề chất lượng cao (Đề án 761); làm trái", "Đề án 761", "project|761||"),
        ("violations in implementing Project 371 on vocational training", "Project 371", "project|371||"),
    ])
    func readsTheSpanFromTheTypeWordAndTheValue(_ text: String, _ expression: String, _ value: String) throws {
        let found = extractor.mentions(in: text, articleDate: DateComponents(year: 2026, month: 1, day: 31))
        #expect(found.count == 1)
        #expect(found.first?.text == expression)
        #expect(found.first?.value.comparisonText == value.replacingOccurrences(of: "||", with: "|"))
    }

    @Test func takesACodeCutOnlyAtTheEndOfTheText() {
        #expect(extractor.mentions(in: "thực hiện Nghị quyết số 18-NQ/ và các văn bản").isEmpty)
        #expect(extractor.mentions(in: "thực hiện Nghị quyết số 18-NQ/").map(\.text) == ["Nghị quyết số 18-NQ/"])
        #expect(extractor.mentions(in: "the position for the 2021-2026 term.\n\nIn Decision 2587/").map(\.text) == ["Decision 2587/"])
        #expect(extractor.mentions(in: "In Decision 2587/ and others").isEmpty)
        #expect(extractor.mentions(in: "a share of 3/").isEmpty)
    }

    @Test func readsNoQuantityYearOrCommonNounAsABareReference() {
        #expect(extractor.mentions(in: "Kế hoạch 100 ngày đầu nhiệm kỳ được triển khai.").isEmpty)
        #expect(extractor.mentions(in: "triển khai Kế hoạch 5 năm và kế hoạch 25 dự án").isEmpty)
        #expect(extractor.mentions(in: "The Plan 20 % of the budget").isEmpty)
        #expect(extractor.mentions(in: "Nghị quyết 2025 của tỉnh").isEmpty)
    }

    @Test func leavesDecimalsAndUnreadCodesAlone() {
        #expect(extractor.mentions(in: "Nghị quyết số 2,5 triệu đồng").isEmpty)
        #expect(extractor.mentions(in: "theo Quyết định số 12/ABC/xyz của tỉnh").isEmpty)
    }

    @Test func givesAParentheticalAliasAMentionOfItsOwn() {
        let found = extractor.mentions(in: "triển khai Nghị quyết số 68-NQ/TW (Nghị quyết số 68) về phát triển kinh tế tư nhân")
        #expect(found.map(\.text) == ["Nghị quyết số 68-NQ/TW", "Nghị quyết số 68"])
    }

    @Test func keepsSpansAsUTF8OffsetsIntoTheDocumentAndTheYearOfAStateCodeOutOfDates() throws {
        let text = "Tỉnh ủy Nghệ An. Thông báo số 1029 -TB/TU ngày 28/8/2023, theo Nghị định 45/2023/NĐ-CP."
        let document = try Segmenter().segment(text)
        let mentions = Extractor().mentions(in: document)
        for mention in mentions { #expect(String(document.text(of: mention.span)) == mention.text) }
        #expect(mentions.filter { $0.type == .date }.map(\.text) == ["28/8/2023"])  // no "ngày", no 2023 of the decree
        #expect(mentions.filter { $0.type == .docref }.map(\.text) == ["Thông báo số 1029 -TB/TU", "Nghị định 45/2023/NĐ-CP"])
    }
}
