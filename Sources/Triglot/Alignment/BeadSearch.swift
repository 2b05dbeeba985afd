import Foundation

/// The cells of the search: for each source position i (0...n), the target positions lo[i]...hi[i].
struct SearchWindow {
    var lo: [Int]
    var hi: [Int]

    static func full(_ n: Int, _ m: Int) -> SearchWindow {
        SearchWindow(lo: Array(repeating: 0, count: n + 1), hi: Array(repeating: m, count: n + 1))
    }

    /// A band around coarse beads (whose indices count units of `scale` sentences), widened by `margin`.
    ///
    /// `beads` is a monotone path through the whole coarse lattice, in order: each bead's position is where the
    /// previous one ended. (A bead's empty side is stored as `0..<0` and says nothing about where it stands.)
    static func band(around beads: [Bead], scale: Int, sourceCount n: Int, targetCount m: Int, margin: Int) -> SearchWindow {
        var lo = Array(repeating: Int.max, count: n + 1)
        var hi = Array(repeating: Int.min, count: n + 1)
        var sourceEnd = 0, targetEnd = 0
        for bead in beads {
            let s = sourceEnd..<sourceEnd + bead.sentences[0].count
            let t = targetEnd..<targetEnd + bead.sentences[1].count
            (sourceEnd, targetEnd) = (s.upperBound, t.upperBound)
            let rows = min(n, s.lowerBound * scale)...min(n, s.upperBound * scale)
            let columns = (min(m, t.lowerBound * scale), min(m, t.upperBound * scale))
            for i in rows {
                lo[i] = min(lo[i], max(0, columns.0 - margin))
                hi[i] = max(hi[i], min(m, columns.1 + margin))
            }
        }
        // Make the band monotone and connected, from (0, 0) to (n, m).
        lo[0] = 0
        hi[n] = m
        for i in 0...n {
            if lo[i] == Int.max { lo[i] = i > 0 ? lo[i - 1] : 0 }
            if hi[i] == Int.min { hi[i] = i > 0 ? hi[i - 1] : 0 }
        }
        for i in stride(from: n - 1, through: 0, by: -1) { lo[i] = min(lo[i], lo[i + 1]) }
        for i in 1...n { hi[i] = max(hi[i], hi[i - 1]) }
        for i in 0..<n { hi[i] = max(hi[i], lo[i + 1]) }
        return SearchWindow(lo: lo, hi: hi)
    }

    /// Whether the path of `beads` (in order, from the start) reaches an edge of the window that is not an edge of
    /// the whole lattice: the best path inside the window may then not be the best path overall.
    func confines(_ beads: [Bead]) -> Bool {
        let n = lo.count - 1, m = hi[n]
        var i = 0, j = 0
        for bead in beads {
            i += bead.sentences[0].count
            j += bead.sentences[1].count
            if (j <= lo[i] && lo[i] > 0) || (j >= hi[i] && hi[i] < m) { return true }
        }
        return false
    }

    var cellCount: Int { zip(lo, hi).reduce(0) { $0 + $1.1 - $1.0 + 1 } }
}

/// The dynamic programme over bead shapes: Viterbi for the best path, forward–backward for posteriors.
struct BeadLattice {
    let window: SearchWindow
    let shapes: [(shape: BeadShape, prior: Double)]
    let deletionPrior: Double
    let temperature: Double
    private let n: Int
    private let m: Int
    private let rowStart: [Int]
    /// Score of each shape ending in each cell (−∞ where impossible).
    private var scores: [Float]
    private var best: [Double]
    private var back: [Int8]
    private var alpha: [Double]
    private var beta: [Double]

    init(window: SearchWindow, shapes: [(shape: BeadShape, prior: Double)], deletionPrior: Double, temperature: Double) {
        self.window = window
        self.shapes = shapes
        self.deletionPrior = deletionPrior
        self.temperature = temperature
        n = window.lo.count - 1
        m = window.hi[n]
        var starts: [Int] = []
        var total = 0
        for i in 0...n {
            starts.append(total)
            total += window.hi[i] - window.lo[i] + 1
        }
        rowStart = starts
        scores = Array(repeating: -.infinity, count: total * shapes.count)
        best = Array(repeating: -.infinity, count: total)
        back = Array(repeating: -1, count: total)
        alpha = Array(repeating: -.infinity, count: total)
        beta = Array(repeating: -.infinity, count: total)
    }

    @inline(__always)
    private func cell(_ i: Int, _ j: Int) -> Int? {
        guard i >= 0, i <= n, j >= window.lo[i], j <= window.hi[i] else { return nil }
        return rowStart[i] + j - window.lo[i]
    }

    /// Fills the lattice; `score` gives the scorers' sum for non-empty source and target ranges, and `deletion`
    /// an adjustment for leaving sentence `index` of version `side` (0 or 1) unaligned.
    mutating func run(score: (Range<Int>, Range<Int>) -> Double, deletion: (Int, Int) -> Double) {
        let k = shapes.count
        for i in 0...n {
            for j in window.lo[i]...window.hi[i] {
                let here = rowStart[i] + j - window.lo[i]
                if i == 0 && j == 0 { best[here] = 0; alpha[here] = 0; continue }
                var bestScore = -Double.infinity
                var bestShape: Int8 = -1
                var forward = -Double.infinity
                for (s, (shape, prior)) in shapes.enumerated() {
                    guard let previous = cell(i - shape.source, j - shape.target), best[previous] > -.infinity else { continue }
                    let value: Double
                    if shape.source == 0 {
                        value = deletionPrior + deletion(1, j - 1)
                    } else if shape.target == 0 {
                        value = deletionPrior + deletion(0, i - 1)
                    } else {
                        value = prior + score((i - shape.source)..<i, (j - shape.target)..<j)
                    }
                    scores[here * k + s] = Float(value)
                    if best[previous] + value > bestScore {
                        bestScore = best[previous] + value
                        bestShape = Int8(s)
                    }
                    forward = logSum(forward, alpha[previous] + temperature * value)
                }
                best[here] = bestScore
                back[here] = bestShape
                alpha[here] = forward
            }
        }
        // Backward pass: β(cell) = log Σ over beads leaving it.
        beta[rowStart[n] + m - window.lo[n]] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: window.hi[i], through: window.lo[i], by: -1) {
                let here = rowStart[i] + j - window.lo[i]
                if i == n && j == m { continue }
                var total = -Double.infinity
                for (s, (shape, _)) in shapes.enumerated() {
                    guard let next = cell(i + shape.source, j + shape.target) else { continue }
                    let value = Double(scores[next * k + s])
                    guard value > -.infinity, beta[next] > -.infinity else { continue }
                    total = logSum(total, temperature * value + beta[next])
                }
                beta[here] = total
            }
        }
    }

    /// The best path's beads, each with its posterior probability.
    func bestBeads() -> [Bead] {
        guard let end = cell(n, m), best[end] > -.infinity else { return [] }
        let logZ = alpha[end]
        var beads: [Bead] = []
        var (i, j) = (n, m)
        while i > 0 || j > 0 {
            let here = cell(i, j)!
            let s = Int(back[here])
            let shape = shapes[s].shape
            let previous = cell(i - shape.source, j - shape.target)!
            let value = Double(scores[here * shapes.count + s])
            let posterior = exp(alpha[previous] + temperature * value + beta[here] - logZ)
            beads.append(Bead(sentences: [(i - shape.source)..<i, (j - shape.target)..<j],
                              confidence: min(1, max(0, posterior))))
            (i, j) = (i - shape.source, j - shape.target)
        }
        return beads.reversed()
    }
}

@inline(__always)
func logSum(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b))
}
