import Testing
@testable import Triglot

@Suite struct LanguageIdentificationTests {
    let identifier = LanguageIdentifier.standard

    @Test(arguments: [
        ("Tin mới", Language.vietnamese),
        ("Ảnh tư liệu", .vietnamese),
        ("Ban Chấp hành Đảng bộ tỉnh họp phiên thường kỳ", .vietnamese),
        ("Même catégorie", .french),
        ("Solutions d'avenir", .french),
        ("Le Comité permanent a présidé la conférence", .french),
        ("No videos available", .english),
        ("The Provincial Party Committee's Organization Committee", .english),
        ("Overview of the meeting and dialogue program", .english),
    ])
    func identifiesShortLines(_ text: String, _ language: Language) {
        #expect(identifier.identify(text) == language)
    }

    @Test(arguments: ["2023", "0:00 / 0:00", "Nguyen Van Gau", "18/21"])
    func leavesTextWithoutEvidenceUndetermined(_ text: String) {
        #expect(identifier.identify(text) == .undetermined)
    }

    @Test func followsAFileThatSwitchesLanguageMidway() throws {
        let text = """
        Hội nghị đã thống nhất cao các nội dung quan trọng của tỉnh trong năm 2023.
        Ban Thường vụ Tỉnh ủy giao các cơ quan liên quan triển khai thực hiện.
        La province a achevé la planification provinciale pour la période 2021-2030.
        Le Comité permanent du Comité provincial du Parti a évalué les résultats.
        """
        let document = try Segmenter().segment(text)
        #expect(document.paragraphs.map(\.language) == [.vietnamese, .vietnamese, .french, .french])
        #expect(document.languages == [.french, .vietnamese] || document.languages == [.vietnamese, .french])
    }

    @Test func identifiesEachSentenceOfAMixedParagraph() throws {
        let text = "Hội nghị đã thống nhất cao các nội dung của tỉnh. La conférence a approuvé le projet de résolution du Comité."
        let document = try Segmenter().segment(text)
        #expect(document.sentences.map(\.language) == [.vietnamese, .french])
    }

    @Test func givesMenuWordsTheLanguageOfTheirNeighbours() throws {
        let text = """
        The Standing Committee requested organizations to seriously implement the conclusion.

        Source

        Comment (0)

        Figure

        Business
        """
        let document = try Segmenter().segment(text)
        #expect(document.paragraphs.map(\.language) == [.english, .english, .english, .english, .english])
    }

    @Test func readsEnglishFurnitureOnAFrenchPage() throws {
        let text = """
        Les comités du Parti à tous les niveaux s'acquittent pleinement de leurs responsabilités.

        Lien source

        Comment (0)

        No data
        """
        let document = try Segmenter().segment(text)
        #expect(document.paragraphs.map(\.language) == [.french, .french, .english, .english])
    }

    @Test func honoursAFixedLanguage() throws {
        let document = try Segmenter(options: SegmentationOptions(language: .fixed(.french)))
            .segment("The meeting ended. It was long.")
        #expect(document.sentences.allSatisfy { $0.language == .french })
    }
}
