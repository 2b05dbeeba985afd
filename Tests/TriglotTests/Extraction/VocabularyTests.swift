import Testing
@testable import Triglot

@Suite struct VocabularyTests {
    @Test func wordsAreFoundByTheirBytesAsByTheirText() {
        let vocabulary = ExtractionResources.standard.vocabulary
        let ids = vocabulary.words.indices.map { Int32($0) }
        #expect(ids.count > 500)
        #expect(vocabulary.words.map { vocabulary.id(bytes: Array($0.utf8)) } == ids)
        #expect(vocabulary.words.map { vocabulary.id($0) } == ids)
        for unknown in ["", "zzzq", "tỉnh ủyx", "comité2", "\u{0}"] {
            #expect(vocabulary.id(bytes: Array(unknown.utf8)) == -1)
        }
    }

    @Test func aVocabularyGrowsWithoutLosingWords() {
        var vocabulary = Vocabulary()
        let words = (0..<5_000).map { "w\($0)ế" }
        let ids = words.map { vocabulary.add($0) }
        #expect(ids == (0..<5_000).map(Int32.init))
        #expect(words.map { vocabulary.add($0) } == ids)
        #expect(words.map { vocabulary.id(bytes: Array($0.utf8)) } == ids)
        // The empty word, if ever added, is found like any other.
        let empty = vocabulary.add("")
        #expect(vocabulary.id(bytes: []) == empty)
        #expect(vocabulary.id(bytes: Array("w0ế".utf8)) == 0)
    }

    @Test func tablesAndBitsByIdAnswerLikeDictionariesAndSets() {
        var table = VocabularyTable<Int>()
        var bits = VocabularyBits()
        let ids: [Int32] = [0, 1, 63, 64, 65, 1_000, 4_096]
        for id in ids {
            table[id] = Int(id) * 2
            bits.insert(id)
        }
        let all = Array(Int32(-1)...5_000)
        #expect(all.map { table[$0] } == all.map { ids.contains($0) ? Int($0) * 2 : nil })
        #expect(all.map { bits.contains($0) } == all.map { ids.contains($0) })
        #expect(table.ids == ids)
    }
}
