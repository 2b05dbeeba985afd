import Testing
@testable import Triglot

@Suite struct ParagraphKindTests {
    private func kinds(_ text: String) throws -> [ParagraphKind] {
        try Segmenter().segment(text).paragraphs.map(\.kind)
    }

    @Test func recognisesAScrapedEnglishPage() throws {
        let page = """
        Nghe An steps up administrative reform in 2024

        Báo Nghệ AnBáo Nghệ An12/03/2024

        bna_Delegates at the conference. Photo by Minh Khoi.jpeg
        Delegates at the conference on administrative reform. Photo: Minh Khoi

        KEY RESULTS

        The province reduced processing times for 1,200 procedures last year, the report said.

        Source

        Comment (0)

        Same category

        Farmers in Quynh Luu harvest the spring rice crop
        """
        #expect(try kinds(page) == [
            .heading, .dateline, .boilerplate, .caption, .heading, .body, .boilerplate, .boilerplate, .boilerplate,
            .boilerplate,
        ])
    }

    @Test func recognisesCreditsAndReaderWidgetsAfterTheArticle() throws {
        let page = """
        Hội nghị Trung ương khai mạc tại Hà Nội
        Sáng 10/4, Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII khai mạc tại Hà Nội.
        Thực hiện: BTV
        Hà Phương (tổng hợp)
        Thông tin bạn đọc
        Đóng Lưu thông tin
        """
        #expect(try kinds(page) == [.heading, .body, .boilerplate, .boilerplate, .boilerplate, .boilerplate])
        // A sentence that merely mentions compiling stays text.
        #expect(try kinds("Báo cáo được Văn phòng Tỉnh ủy chuẩn bị và gửi các đại biểu (tổng hợp)") != [.boilerplate])
        // A comment counter written number first opens the widgets after the article (news-heldout n102).
        let outlet = """
        Ông Nguyễn Văn Được làm Chủ tịch UBND TP.HCM
        Với việc bầu ông Được, nhiệm kỳ 2021 - 2026 đã có 3 người giữ chức Chủ tịch UBND TP.
        (0) Bình luận
        Nổi bật
        Đừng bỏ lỡ
        Ông Nguyễn Văn Được làm Chủ tịch UBND TP.HCM
        """
        #expect(try kinds(outlet) == [.heading, .body, .boilerplate, .boilerplate, .boilerplate, .boilerplate])
    }

    @Test func recognisesASitesNavigationWrittenAsABulletedList() throws {
        let page = """
        Hau A Lenh reappointed as Tuyen Quang provincial Party Secretary
          • News
          • World
          • Business
          • Sports
        The Politburo has appointed Hau A Lenh to continue as Secretary of the Tuyen Quang Provincial Party Committee.
        """
        #expect(try kinds(page) == [.heading, .boilerplate, .boilerplate, .boilerplate, .boilerplate, .body])
        // Three short items, or items that say more, are an article's list and stay text.
        let list = """
        The conference discussed the following.
          • Personnel work for the Congress
          • Draft documents to be submitted to the Congress
          • Socio-economic development in the new term
          • Amendments to the working regulations of the committee
        """
        #expect(try !kinds(list).contains(.boilerplate))
        #expect(try !kinds("Participants:\n  • Hanoi\n  • Hue\n  • Da Nang\nThey met in the capital.").contains(.boilerplate))
    }

    @Test func recognisesPlayerAndVoiceMenu() throws {
        let page = """
        Tỉnh ủy Hà Tĩnh tổng kết công tác năm 2024
        0:00 / 0:00
        0:00
          • Nam miền Bắc
          • Nữ miền Bắc
        (Baohatinh.vn) - Sáng nay, Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác năm 2024.
        """
        #expect(try kinds(page) == [.heading, .boilerplate, .boilerplate, .boilerplate, .boilerplate, .body])
    }

    @Test func recognisesCaptionsByCreditAndMarker() throws {
        let page = """
        Le secrétaire provincial du Parti a prononcé le discours de clôture de la conférence. |
        Toàn cảnh hội nghị tổng kết năm 2024. Ảnh: Hoàng Anh
        La conférence a approuvé à l'unanimité le projet de rapport politique présenté par le Comité provincial du Parti lors de la séance.
        """
        #expect(try kinds(page) == [.caption, .caption, .body])
    }

    @Test func keepsBodyParagraphsThatEndWithAColon() throws {
        let page = """
        Về tổ chức thực hiện, Thường trực Tỉnh ủy giao:
        Ban Tổ chức Tỉnh ủy chủ trì tham mưu trả lời các đề xuất, kiến nghị của đại biểu.
        """
        #expect(try kinds(page) == [.body, .body])
    }

    @Test func keepsEverythingItFlags() throws {
        let page = "Title of the notice\n\nComment (0)\n\nNo data\n"
        let document = try Segmenter().segment(page)
        // Furniture is flagged, never dropped: every non-blank line is a paragraph with sentences.
        #expect(document.paragraphs.count == 3)
        #expect(document.sentences.count == 3)
    }

    @Test(arguments: ["Việt NamViệt Nam29/08/2023", "Báo Bến TreBáo Bến Tre17/08/2023", "Thứ Hai, 28/08/2023 18:59",
                      "2023-08-28"])
    func recognisesDatelines(_ line: String) {
        #expect(ParagraphClassifier.isDateline(line))
    }

    @Test(arguments: ["Les 18/21 comités ont bien accompli leurs tâches.", "Thông báo số 1029-TB/TU"])
    func doesNotTakeFractionsOrReferencesForDatelines(_ line: String) {
        #expect(!ParagraphClassifier.isDateline(line))
    }
}
