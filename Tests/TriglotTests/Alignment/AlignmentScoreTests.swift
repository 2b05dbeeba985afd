import Testing
@testable import Triglot

@Suite struct AlignmentScoreTests {
    private func beads(_ text: String) throws -> [VecalignFormat.Line] { try VecalignFormat.parse(text, source: "test") }

    @Test func countsStrictAndLaxMatchesTheWayVecalignDoes() throws {
        let gold = try beads("[0]:[0]\n[1]:[1, 2]\n[2]:[]\n[]:[3]\n[3, 4]:[4]\n")
        // [0]:[0] strict; [1]:[1] lax (overlaps the gold 1-2); [2]:[2] wrong; [3]:[3] wrong (gold has 3 with
        // nothing); [4]:[4] lax (overlaps the gold 2-1).
        let test = try beads("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n")
        let score = AlignmentScore(gold: gold, test: test)
        #expect(score.strictTruePositives == 1 && score.strictFalsePositives == 4)
        #expect(score.laxTruePositives == 3 && score.laxFalsePositives == 2)
        // Recall runs over the gold beads with both sides: [0]:[0], [1]:[1, 2], [3, 4]:[4].
        #expect(score.strictRecalled == 1 && score.strictMissed == 2)
        #expect(score.laxRecalled == 3 && score.laxMissed == 0)
        #expect(abs(score.strictF1 - 2 * 0.2 * (1.0 / 3) / (0.2 + 1.0 / 3)) < 1e-12)
    }

    @Test func givesAPerfectScoreToTheGoldItself() throws {
        let gold = try beads("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[]\n")
        let score = AlignmentScore(gold: gold, test: gold)
        #expect(score.strictF1 == 1 && score.laxF1 == 1)
    }

    @Test func projectsTestBeadsToCoarseGold() throws {
        let gold = try beads("[0, 1]:[0, 1]\n[2]:[2]\n")
        let test = try beads("[0]:[0]\n[1]:[1]\n[2]:[2]\n")
        #expect(AlignmentScore.projected(test, onto: gold) == [
            VecalignFormat.Line(source: [0, 1], target: [0, 1]), VecalignFormat.Line(source: [2], target: [2]),
        ])
        #expect(AlignmentScore(gold: gold, test: AlignmentScore.projected(test, onto: gold)).strictF1 == 1)
    }

    @Test func readsConfidencesAndRejectsMalformedLines() throws {
        #expect(try beads("[0, 1]:[2]:0.93\n") == [VecalignFormat.Line(source: [0, 1], target: [2], confidence: 0.93)])
        #expect(throws: VecalignFormat.FormatError.self) { try beads("[0]:[1\n") }
        #expect(throws: VecalignFormat.FormatError.self) { try beads("[a]:[1]\n") }
        #expect(throws: VecalignFormat.FormatError.self) { try beads("[0]:[1]:high\n") }
    }

    @Test func readsFilesWithWindowsLineEndsAndNamesTheFileLineOfAnError() throws {
        let unix = "[0]:[0]\n\n[1, 2]:[1]:0.5\n[]:[2]\n"
        #expect(try beads(unix.replacingOccurrences(of: "\n", with: "\r\n")) == (try beads(unix)))
        #expect(try beads(unix).count == 3)
        // The blank line counts: the bad bead is on the file's third line.
        let error = #expect(throws: VecalignFormat.FormatError.self) { try beads("[0]:[0]\r\n\r\n[1]:[x]\r\n") }
        #expect(error?.line == 3 && error?.text == "[1]:[x]")
    }
}
