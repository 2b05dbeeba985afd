import Foundation

/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares), which
/// converges in a few iterations for models of a few dozen weights: how ``BeadModel`` and its confidence
/// calibration are learned.
public struct BeadModelTrainer: Sendable {
    /// One candidate bead: its features (in ``BeadFeature`` order) and whether the gold has it as a link.
    public struct Example: Sendable {
        public var features: [Double]
        public var isLink: Bool
        public init(features: [Double], isLink: Bool) {
            self.features = features
            self.isLink = isLink
        }
    }

    /// Strength of the L2 penalty (the bias is not penalised).
    public var regularisation = 1.0
    public var iterations = 25

    public init() {}

    /// The weights that best separate links from other candidates.
    public func fit(_ examples: [Example]) -> [BeadFeature: Double] {
        Dictionary(uniqueKeysWithValues: zip(BeadFeature.allCases, weights(examples)))
    }

    /// The weights, in the order of the examples' features (the first one, the bias, is not penalised).
    public func weights(_ examples: [Example]) -> [Double] {
        guard let d = examples.first?.features.count else { return [] }
        var w = [Double](repeating: 0, count: d)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: d)
            var hessian = [Double](repeating: 0, count: d * d)
            for example in examples {
                let x = example.features
                var z = 0.0
                for k in 0..<d { z += w[k] * x[k] }
                let p = 1 / (1 + exp(-z))
                let residual = (example.isLink ? 1 : 0) - p
                let curvature = max(p * (1 - p), 1e-9)
                for i in 0..<d {
                    gradient[i] += residual * x[i]
                    for j in i..<d { hessian[i * d + j] += curvature * x[i] * x[j] }
                }
            }
            for i in 0..<d {
                for j in 0..<i { hessian[i * d + j] = hessian[j * d + i] }
                if i > 0 {  // feature 0 is the bias
                    gradient[i] -= regularisation * w[i]
                    hessian[i * d + i] += regularisation
                }
            }
            guard let step = Self.solve(hessian, gradient, size: d) else { break }
            var change = 0.0
            for k in 0..<d {
                w[k] += step[k]
                change = max(change, abs(step[k]))
            }
            if change < 1e-7 { break }
        }
        return w
    }

    /// Solves A x = b (A symmetric positive definite, row-major) by Gaussian elimination with partial pivoting.
    static func solve(_ a: [Double], _ b: [Double], size n: Int) -> [Double]? {
        var m = a
        var x = b
        for column in 0..<n {
            var pivot = column
            for row in column + 1..<n where abs(m[row * n + column]) > abs(m[pivot * n + column]) { pivot = row }
            guard abs(m[pivot * n + column]) > 1e-12 else { return nil }
            if pivot != column {
                for k in 0..<n { m.swapAt(column * n + k, pivot * n + k) }
                x.swapAt(column, pivot)
            }
            for row in column + 1..<n {
                let factor = m[row * n + column] / m[column * n + column]
                guard factor != 0 else { continue }
                for k in column..<n { m[row * n + k] -= factor * m[column * n + k] }
                x[row] -= factor * x[column]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in row + 1..<n { sum -= m[row * n + k] * x[k] }
            x[row] = sum / m[row * n + row]
        }
        return x
    }
}
