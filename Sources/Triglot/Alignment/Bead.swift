/// A bead: the sentences of each version that translate one another, with a confidence.
///
/// `sentences[v]` holds the indices of version `v`'s sentences (into that version's sentence list); any side may
/// be empty (material present in the other versions only). Confidence is the probability, under the alignment
/// model, that this bead is right (a posterior from the forward–backward pass, in [0, 1]).
public struct Bead: Hashable, Codable, Sendable {
    /// One range of sentence indices per version, in the order the versions were given (`0..<0` when empty).
    public var sentences: [Range<Int>]
    /// Probability in [0, 1] that the bead is right.
    public var confidence: Double

    /// An empty side is always stored as `0..<0`, so that equal beads compare equal.
    public init(sentences: [Range<Int>], confidence: Double) {
        self.sentences = sentences.map { $0.isEmpty ? 0..<0 : $0 }
        self.confidence = confidence
    }

    /// The shape, e.g. "2-1" or "1-0-1".
    public var shape: String { sentences.map { String($0.count) }.joined(separator: "-") }

    /// Whether the bead links at least two versions.
    public var isLink: Bool { sentences.filter { !$0.isEmpty }.count >= 2 }

    enum CodingKeys: String, CodingKey { case sentences, confidence }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lists = try container.decode([[Int]].self, forKey: .sentences)
        sentences = try lists.map { list in
            guard let first = list.first else { return 0..<0 }
            guard list == Array(first..<first + list.count) else {
                throw DecodingError.dataCorruptedError(forKey: .sentences, in: container,
                                                       debugDescription: "bead sides must be consecutive indices: \(list)")
            }
            return first..<first + list.count
        }
        confidence = try container.decode(Double.self, forKey: .confidence)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sentences.map { Array($0) }, forKey: .sentences)
        try container.encode(confidence, forKey: .confidence)
    }
}

/// The alignment of two or three versions of a text: beads in the order of the first version.
public struct Alignment: Codable, Sendable {
    /// The language of each version (its main language when it switches midway).
    public var languages: [Language]
    /// How many sentences each version has.
    public var sentenceCounts: [Int]
    public var beads: [Bead]

    public init(languages: [Language], sentenceCounts: [Int], beads: [Bead]) {
        self.languages = languages
        self.sentenceCounts = sentenceCounts
        self.beads = beads
    }

    /// Beads that link versions (not insertions or deletions), kept when their confidence reaches `threshold`.
    public func links(minimumConfidence threshold: Double = 0) -> [Bead] {
        beads.filter { $0.isLink && $0.confidence >= threshold }
    }
}
