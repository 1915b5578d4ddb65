import PropertyBased
import Testing
import ZhibiaoKernel

/// A random bounded-shares problem.
struct ShareCase: Sendable, CustomStringConvertible {
  var total: Double
  var weights: [Double]
  var lower: [Double?]
  var upper: [Double?]
  /// A random order of the entries.
  var order: [Int]

  var description: String { "total \(total) weights \(weights) lower \(lower) upper \(upper)" }

  var lowerSum: Double { lower.reduce(0) { $0 + ($1 ?? 0) } }
  var capacity: Double {
    weights.indices.reduce(0) { $0 + (weights[$1] > 0 ? upper[$1] ?? .infinity : lower[$1] ?? 0) }
  }

  static let all = Generator<ShareCase, Shrink.None<ShareCase>> { rng in
    let count = Int.random(in: 1...13, using: &rng)
    let weights = (0..<count).map { _ in
      Int.random(in: 0..<6, using: &rng) == 0 ? 0 : Double.random(in: 0.01...1000, using: &rng)
    }
    let lower: [Double?] = (0..<count).map { _ in
      Bool.random(using: &rng) ? nil : Double.random(in: 0...100, using: &rng)
    }
    let upper: [Double?] = (0..<count).map { i in
      Bool.random(using: &rng) ? nil : (lower[i] ?? 0) + Double.random(in: 0...300, using: &rng)
    }
    let total = Double.random(in: 0...2000, using: &rng)
    return ShareCase(
      total: total, weights: weights, lower: lower, upper: upper, order: Array(0..<count).shuffled(using: &rng))
  }
}

extension ApportionmentTests {
  /// Shares proportional to weights within bounds.
  @Suite("Bounded shares")
  struct BoundedSharesTests {
    @Test("Without binding bounds the shares are proportional")
    func proportional() throws {
      let shares = try BoundedShares.solve(
        total: 100, weights: [1, 3, 0, 4], lower: [nil, nil, nil, nil], upper: [nil, nil, nil, nil])
      #expect(shares == [12.5, 37.5, 0, 50])
    }

    @Test("Bounds clamp, and the rest share in proportion: x = clamp(λ·w, L, U)")
    func clamped() throws {
      // x0 = min(λ, 8), x1 = 3λ, x2 = max(5λ, 60); λ = 32/3 gives 8 + 32 + 60 = 100.
      let shares = try BoundedShares.solve(
        total: 100, weights: [1, 3, 5], lower: [nil, nil, 60], upper: [8, nil, nil])
      #expect(abs(shares[0] - 8) < 1e-12 && abs(shares[1] - 32) < 1e-12 && abs(shares[2] - 60) < 1e-12)
    }

    @Test("Zero weights take their lower bound, or 0")
    func zeroWeights() throws {
      let shares = try BoundedShares.solve(total: 10, weights: [0, 0, 1], lower: [2, nil, nil], upper: [5, 5, nil])
      #expect(shares == [2, 0, 8])
    }

    @Test("Infeasible bounds are refused with the sums and the gap")
    func infeasible() {
      #expect(throws: ApportionmentError.lowerBoundsExceedTotal(total: 10, lowerSum: 12, excess: 2)) {
        try BoundedShares.solve(total: 10, weights: [1, 1], lower: [6, 6], upper: [nil, nil])
      }
      #expect(throws: ApportionmentError.capacityBelowTotal(total: 10, capacity: 7, shortfall: 3)) {
        try BoundedShares.solve(total: 10, weights: [1, 0], lower: [nil, 2], upper: [5, 9])
      }
      #expect(throws: ApportionmentError.invalidBounds(index: 0, lower: 3, upper: 2)) {
        try BoundedShares.solve(total: 10, weights: [1, 1], lower: [3, nil], upper: [2, nil])
      }
      #expect(throws: ApportionmentError.countMismatch(list: "upper bounds", count: 1, expected: 2)) {
        try BoundedShares.solve(total: 10, weights: [1, 1], lower: [nil, nil], upper: [nil])
      }
      #expect(throws: ApportionmentError.invalidTotal(total: -1)) {
        try BoundedShares.solve(total: -1, weights: [1], lower: [nil], upper: [nil])
      }
    }

    @Test("Decimal lower bounds that add up to the total are feasible")
    func boundsAtTheTotal() throws {
      let shares = try BoundedShares.solve(total: 0.3, weights: [1, 1], lower: [0.1, 0.2], upper: [nil, nil])
      #expect(shares == [0.1, 0.2])
    }

    @Test("The shares add up, bounds hold, free entries are proportional, order does not matter")
    func properties() async {
      await propertyCheck(count: 500, input: ShareCase.all) { problem in
        let result = Result { () throws(ApportionmentError) -> [Double] in
          try BoundedShares.solve(
            total: problem.total, weights: problem.weights, lower: problem.lower, upper: problem.upper)
        }
        switch result {
        case .failure(.lowerBoundsExceedTotal):
          #expect(problem.lowerSum > problem.total, "\(problem)")
        case .failure(.capacityBelowTotal):
          #expect(problem.capacity < problem.total, "\(problem)")
        case .failure(let error):
          Issue.record("unexpected \(error) for \(problem)")
        case .success(let shares):
          #expect(problem.lowerSum <= problem.total && problem.capacity >= problem.total, "\(problem)")
          let tolerance = 1e-9 * max(1, problem.total)
          #expect(abs(shares.reduce(0, +) - problem.total) <= tolerance, "\(problem): \(shares)")
          var ratios: [Double] = []
          for i in shares.indices {
            let low = problem.lower[i] ?? 0
            let high = problem.upper[i] ?? .infinity
            #expect(shares[i] >= low - tolerance && shares[i] <= high + tolerance, "\(problem): \(shares)")
            if problem.weights[i] == 0 { #expect(shares[i] == low, "\(problem): \(shares)") }
            if problem.weights[i] > 0, shares[i] > low + tolerance, shares[i] < high - tolerance {
              ratios.append(shares[i] / problem.weights[i])
            }
          }
          if let least = ratios.min(), let most = ratios.max() {
            #expect(most - least <= 1e-9 * most, "\(problem): unequal λ among free entries \(ratios)")
          }
          let order = problem.order
          let permuted = try BoundedShares.solve(
            total: problem.total, weights: order.map { problem.weights[$0] }, lower: order.map { problem.lower[$0] },
            upper: order.map { problem.upper[$0] })
          for (k, i) in order.enumerated() {
            #expect(abs(permuted[k] - shares[i]) <= tolerance, "\(problem) in order \(order)")
          }
        }
      }
    }
  }
}
