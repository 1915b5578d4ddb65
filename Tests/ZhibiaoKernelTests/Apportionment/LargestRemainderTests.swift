import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel

/// A random rounding problem: shares of a whole number of units, with optional bounds that
/// may or may not contain the shares.
struct RoundingCase: Sendable, CustomStringConvertible {
  var values: [Double]
  var total: Int
  var lower: [Int]?
  var upper: [Int]?
  /// Whether the bounds were drawn around the values (so that the values lie within them).
  var boundsContainValues: Bool

  var description: String {
    "values \(values) total \(total) lower \(lower.map(\.description) ?? "nil") "
      + "upper \(upper.map(\.description) ?? "nil")"
  }

  static let all = Generator<RoundingCase, Shrink.None<RoundingCase>> { rng in
    let count = Int.random(in: 1...13, using: &rng)
    let total = Int.random(in: 0...5000, using: &rng)
    let weights = (0..<count).map { _ in Double(Int.random(in: 0...20, using: &rng)) / 4 + 0.01 }
    let sum = weights.reduce(0, +)
    let values = weights.map { Double(total) * $0 / sum }
    let around = Bool.random(using: &rng)
    func bound(_ value: Double, _ direction: FloatingPointRoundingRule, _ sign: Int) -> Int {
      around
        ? Int(value.rounded(direction)) + sign * Int.random(in: 0...2, using: &rng)
        : Int(value.rounded()) + sign * Int.random(in: -3...6, using: &rng)
    }
    let lower = Bool.random(using: &rng) ? values.map { bound($0, .down, -1) } : nil
    let upper = Bool.random(using: &rng) ? values.map { bound($0, .up, 1) } : nil
    return RoundingCase(values: values, total: total, lower: lower, upper: upper, boundsContainValues: around)
  }
}

extension ApportionmentTests {
  /// Rounding to a precision by largest remainder, exact in the total.
  @Suite("Largest remainder")
  struct LargestRemainderTests {
    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    @Test("The largest remainders take the units left")
    func largestRemainders() throws {
      #expect(try LargestRemainder.round([1.2, 2.7, 6.1], toUnitsSumming: 10) == [1, 3, 6])
      #expect(try LargestRemainder.round([0.4, 0.3, 0.3], toUnitsSumming: 1) == [1, 0, 0])
    }

    @Test("Equal remainders go to the larger value, then to the lower index")
    func documentedTieRule() throws {
      #expect(try LargestRemainder.round([1.5, 2.5, 6.0], toUnitsSumming: 10) == [1, 3, 6])
      #expect(try LargestRemainder.round([2.5, 2.5, 5.0], toUnitsSumming: 10) == [3, 2, 5])
    }

    @Test("Remainders equal in decimal but not in binary follow the documented rule")
    func decimalRemainders() throws {
      // 0.25 / 0.1 = 2.5 and 0.35 / 0.1 = 3.4999999999999996: equal remainders in decimal, so the
      // larger value takes the unit.
      let parts = try LargestRemainder.round(
        [0.25, 0.35, 0.4], summingTo: Self.decimal("1"), precision: Self.decimal("0.1"))
      #expect(parts == [Self.decimal("0.2"), Self.decimal("0.4"), Self.decimal("0.4")])
    }

    @Test("Bounds hold and values that do not add up are shifted alike")
    func boundsAndShift() throws {
      #expect(try LargestRemainder.round([5.5, 4.5], toUnitsSumming: 10, upper: [5, 10]) == [5, 5])
      #expect(try LargestRemainder.round([5.5, 4.5], toUnitsSumming: 10, lower: [0, 5]) == [5, 5])
      #expect(try LargestRemainder.round([1.2, 1.2, 1.2], toUnitsSumming: 6) == [2, 2, 2])
      #expect(try LargestRemainder.round([3.4, 3.3, 3.3], toUnitsSumming: 7) == [3, 2, 2])
      #expect(try LargestRemainder.round([-0.5, 1.5], toUnitsSumming: 1) == [-1, 2])
    }

    @Test("Infeasible bounds and bad input are refused")
    func refusals() {
      #expect(throws: ApportionmentError.lowerBoundsExceedTotal(total: 8, lowerSum: 10, excess: 2)) {
        try LargestRemainder.round([4, 4], toUnitsSumming: 8, lower: [5, 5])
      }
      #expect(throws: ApportionmentError.capacityBelowTotal(total: 8, capacity: 6, shortfall: 2)) {
        try LargestRemainder.round([4, 4], toUnitsSumming: 8, upper: [3, 3])
      }
      #expect(throws: ApportionmentError.invalidValue(index: 1, value: .infinity)) {
        try LargestRemainder.round([4, .infinity], toUnitsSumming: 8)
      }
      #expect(throws: ApportionmentError.invalidBounds(index: 0, lower: 5, upper: 3)) {
        try LargestRemainder.round([4, 4], toUnitsSumming: 8, lower: [5, 0], upper: [3, 8])
      }
    }

    @Test("Decimal rounding adds up to the total exactly, in the unit of the total")
    func decimalRounding() throws {
      let shares = try BoundedShares.solve(
        total: 1234.5, weights: [3, 3, 3, 1, 7, 2, 5, 8, 1, 1, 4, 6, 2], lower: Array(repeating: nil, count: 13),
        upper: Array(repeating: nil, count: 13))
      let parts = try LargestRemainder.round(shares, summingTo: Self.decimal("1234.5"), precision: Self.decimal("0.1"))
      #expect(parts.reduce(0, +) == Self.decimal("1234.5"))
      for (part, share) in zip(parts, shares) {
        #expect(DecimalArithmetic.isMultiple(part, of: Self.decimal("0.1")))
        #expect(abs(DecimalArithmetic.double(part) - share) < 0.1)
      }
    }

    @Test("Decimal rounding refuses a bad precision and reports bounds in the unit of the total")
    func decimalRefusals() {
      #expect(throws: ApportionmentError.invalidPrecision(precision: 0)) {
        try LargestRemainder.round([1, 2], summingTo: 3, precision: 0)
      }
      #expect(
        throws: ApportionmentError.totalNotMultipleOfPrecision(
          total: Self.decimal("12.35"), precision: Self.decimal("0.1"))
      ) {
        try LargestRemainder.round([6, 6.35], summingTo: Self.decimal("12.35"), precision: Self.decimal("0.1"))
      }
      #expect(throws: ApportionmentError.lowerBoundsExceedTotal(total: 0.8, lowerSum: 1, excess: 0.2)) {
        try LargestRemainder.round(
          [0.4, 0.4], summingTo: Self.decimal("0.8"), precision: Self.decimal("0.1"),
          lower: [Self.decimal("0.5"), Self.decimal("0.5")])
      }
    }

    @Test("The parts add up exactly, bounds hold, and each part is within one unit of its value")
    func properties() async {
      await propertyCheck(count: 500, input: RoundingCase.all) { problem in
        let result = Result { () throws(ApportionmentError) -> [Int] in
          try LargestRemainder.round(
            problem.values, toUnitsSumming: problem.total, lower: problem.lower, upper: problem.upper)
        }
        let lowerSum = problem.lower?.reduce(0, +) ?? Int.min
        let upperSum = problem.upper?.reduce(0, +) ?? Int.max
        let boundsCross = problem.values.indices.contains {
          (problem.lower?[$0] ?? .min) > (problem.upper?[$0] ?? .max)
        }
        switch result {
        case .success(let parts):
          #expect(!boundsCross && lowerSum <= problem.total && upperSum >= problem.total, "\(problem)")
          #expect(parts.reduce(0, +) == problem.total, "\(problem): \(parts)")
          for i in parts.indices {
            #expect(
              parts[i] >= problem.lower?[i] ?? .min && parts[i] <= problem.upper?[i] ?? .max, "\(problem): \(parts)")
            let unbounded = problem.lower == nil && problem.upper == nil
            if problem.boundsContainValues || unbounded {
              #expect(abs(Double(parts[i]) - problem.values[i]) < 1, "\(problem): \(parts)")
            }
          }
        case .failure(.invalidBounds):
          #expect(boundsCross, "\(problem)")
        case .failure(.lowerBoundsExceedTotal):
          #expect(lowerSum > problem.total, "\(problem)")
        case .failure(.capacityBelowTotal):
          #expect(upperSum < problem.total, "\(problem)")
        case .failure(let error):
          Issue.record("unexpected \(error) for \(problem)")
        }
      }
    }

    @Test("Decimal parts add up to a random total exactly at 0.1 and 0.01")
    func decimalProperties() async {
      await propertyCheck(
        count: 200, input: Gen.int(in: 0...10_000_000), Gen.double(in: 0.01...100).array(of: 1...13), Gen.bool
      ) { units, weights, hundredths in
        let precision = Self.decimal(hundredths ? "0.01" : "0.1")
        let total = Decimal(units) * precision
        let shares = try BoundedShares.solve(
          total: DecimalArithmetic.double(total), weights: weights, lower: weights.map { _ in nil },
          upper: weights.map { _ in nil })
        let parts = try LargestRemainder.round(shares, summingTo: total, precision: precision)
        #expect(parts.reduce(0, +) == total, "\(units) units of \(precision) over \(weights)")
        for (part, share) in zip(parts, shares) {
          #expect(abs(DecimalArithmetic.double(part) - share) < DecimalArithmetic.double(precision) * (1 + 1e-9))
        }
      }
    }
  }
}
