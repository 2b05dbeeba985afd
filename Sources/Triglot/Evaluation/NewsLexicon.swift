import Foundation

/// Translation tables learned from the gold alignments of news groups: for every language pair, the text of each
/// gold link (both sides non-empty, boilerplate never linked) is one aligned group for ``LexiconLearner``.
public enum NewsLexicon {
    /// One lexicon with a column per language (vi, en, fr) and a weight, its `learned from` note naming the
    /// groups; rows of different pairs leave the third language's column empty.
    public static func learn(from groups: [NewsGroup], minimumCount: Int = 2) -> Lexicon {
        Training(groups).learn(excluding: nil, minimumCount: minimumCount)
    }

    /// The gold links of a set of groups, split into tokens once, so that tables leaving one group out are learned
    /// quickly (an evaluation learns one per group).
    public struct Training: Sendable {
        /// Per group, per language pair, the tokens of each link's two sides.
        private let links: [(group: String, pair: NewsLanguagePair, source: [String], target: [String])]

        public init(_ groups: [NewsGroup]) {
            var links: [(String, NewsLanguagePair, [String], [String])] = []
            for group in groups {
                for pair in group.pairs {
                    guard let beads = group.alignments[pair], let first = group.version(pair.first),
                          let second = group.version(pair.second) else { continue }
                    let learner = LexiconLearner(source: pair.first, target: pair.second)
                    for bead in beads where !bead.source.isEmpty && !bead.target.isEmpty {
                        links.append((group.id, pair,
                                      learner.tokens(NewsLexicon.text(of: bead.source, in: first), language: pair.first),
                                      learner.tokens(NewsLexicon.text(of: bead.target, in: second), language: pair.second)))
                    }
                }
            }
            self.links = links
        }

        /// The groups it holds.
        public var groups: [String] { Array(Set(links.map(\.group))).sorted() }

        /// The table learned from every group but `excluded`.
        public func learn(excluding excluded: String?, minimumCount: Int = 2) -> Lexicon {
            var learners: [NewsLanguagePair: LexiconLearner] = [:]
            for link in links where link.group != excluded {
                var learner = learners[link.pair] ?? LexiconLearner(source: link.pair.first, target: link.pair.second)
                learner.minimumCount = minimumCount
                learner.add(sourceTokens: link.source, targetTokens: link.target)
                learners[link.pair] = learner
            }
            var result = Lexicon(languages: NewsLanguagePair.order, entries: [])
            for pair in learners.keys.sorted() { result = result.merging(learners[pair]!.learn()) }
            result.notes["learned from"] = groups.filter { $0 != excluded }.joined(separator: " ")
            return result
        }
    }

    /// The units' texts joined by spaces.
    static func text(of units: [Int], in version: NewsVersion) -> String {
        let bytes = Array(version.text.utf8)
        return units.map { String(decoding: bytes[version.units[$0].start..<version.units[$0].end], as: UTF8.self) }
            .joined(separator: " ")
    }
}
