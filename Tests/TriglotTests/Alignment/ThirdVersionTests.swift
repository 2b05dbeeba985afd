import Foundation
import Testing
@testable import Triglot

/// What a third version says of the links between two others, and how it moves their confidence.
@Suite struct ThirdVersionTests {
    /// Links A–C and C–B of a small example: A0–C0, A1–C1 C2, C0–B0, C1–B1, C2–B2.
    static let toPivot: [(Range<Int>, Range<Int>)] = [(0..<1, 0..<1), (1..<2, 1..<3)]
    static let fromPivot: [(Range<Int>, Range<Int>)] = [(0..<1, 0..<1), (1..<2, 1..<2), (2..<3, 2..<3)]

    @Test func theThirdVersionAgreesWhenItsLinksLeadToTheSameSentences() {
        func agreement(_ source: Range<Int>, _ target: Range<Int>) -> ThirdVersionAgreement {
            .of(source: source, target: target, through: Self.toPivot, Self.fromPivot)
        }
        #expect(agreement(0..<1, 0..<1) == .agrees)
        // A1 reaches B1 and B2 through C: a link to both, or to one of them, is borne out.
        #expect(agreement(1..<2, 1..<3) == .agrees)
        #expect(agreement(1..<2, 1..<2) == .agrees)
        // A0 leads to B0 only: a link A0–B1 is contradicted, and so is A0 with B1 B2.
        #expect(agreement(0..<1, 1..<2) == .disagrees)
        #expect(agreement(0..<1, 1..<3) == .disagrees)
        // Partly borne out, partly not (A0 A1 reach B0 B1 B2; the link names B1 and B3): a disagreement.
        #expect(agreement(0..<2, 1..<4) == .disagrees)
        // A2 has no link to C, and C has no link to B3: the third version says nothing.
        #expect(agreement(2..<3, 0..<1) == .silent)
        #expect(agreement(0..<1, 3..<4) == .silent)
    }

    @Test func aCalibrationOfThreeWeightsLeavesTheThirdVersionOut() {
        let old = ConfidenceCalibration(weights: [0.5, 0.5, 0.05], fittedOn: ["g1"])
        let confidence = old.confidence(posterior: 0.8, score: 2)
        for agreement in ThirdVersionAgreement.allCases {
            #expect(old.confidence(posterior: 0.8, score: 2, agreement: agreement) == confidence)
        }
        let new = ConfidenceCalibration(weights: [0.5, 0.5, 0.05, 0.4, -1.2], fittedOn: ["g1"])
        #expect(new.confidence(posterior: 0.8, score: 2, agreement: .silent) == confidence)
        #expect(new.confidence(posterior: 0.8, score: 2, agreement: .agrees) > confidence)
        #expect(new.confidence(posterior: 0.8, score: 2, agreement: .disagrees) < confidence)
    }

    @Test func theShippedCalibrationTrustsLinksTheThirdVersionBearsOut() throws {
        let weights = try #require(BeadModel.standard.calibration).weights
        #expect(weights.count == 5)
        #expect(weights[3] > 0, "agreement raises confidence: \(weights)")
        #expect(weights[4] < -weights[3], "disagreement lowers it more than agreement raises it: \(weights)")
    }

    @Test func inAGroupOfThreeVersionsEachLinksConfidenceFollowsTheThirdVersion() throws {
        // Every group of three versions of corpus/news: the pairs as the three-way alignment makes them hold the
        // same beads as each pair aligned on its own; only the confidences move, with what the third version says.
        let groups = try NewsGroup.groups(in: TestPaths.corpus.appendingPathComponent("news").path)
            .map { try NewsGroup(path: $0) }.filter { $0.versions.count == 3 }
        #expect(groups.count >= 10)
        let aligner = Aligner.news
        var counts: [ThirdVersionAgreement: Int] = [:]
        for group in groups {
            let sides = try group.versions.map { AlignmentSide(document: try Segmenter().segment($0.text, units: $0.units)) }
            let evidence = aligner.pairwiseEvidence(sides[0], sides[1], sides[2])
            let views = aligner.pairwise(sides[0], sides[1], sides[2])
            for (view, raw) in zip(views, evidence) {
                let alone = aligner.align(sides[view.first], sides[view.second])
                #expect(view.alignment.beads.map(\.sentences) == alone.beads.map(\.sentences), "\(group.id)")
                for k in alone.beads.indices where alone.beads[k].isLink {
                    let (together, apart) = (view.alignment.beads[k].confidence, alone.beads[k].confidence)
                    counts[raw.agreements[k], default: 0] += 1
                    switch raw.agreements[k] {
                    case .agrees: #expect(together > apart, "\(group.id) \(alone.beads[k].sentences)")
                    case .disagrees: #expect(together < apart, "\(group.id) \(alone.beads[k].sentences)")
                    case .silent: #expect(together == apart, "\(group.id) \(alone.beads[k].sentences)")
                    }
                }
            }
        }
        // Most links are borne out by the third version; some are contradicted.
        #expect(counts[.agrees, default: 0] > 2 * counts[.disagrees, default: 0], "\(counts)")
        #expect(counts[.disagrees, default: 0] > 0, "\(counts)")
    }
}
