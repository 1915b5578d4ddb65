import PropertyBased
import Testing
import ZhibiaoKernel

extension ApportionmentTests {
  /// Properties of whole-number apportionment on random weights, floors, caps and totals.
  @Suite("Apportionment properties")
  struct ApportionmentPropertyTests {
    @Test("The seats add up, every bound holds, zero weights get their floor, infeasible input is refused")
    func sumsAndBounds() async {
      await propertyCheck(count: 400, input: Oracle.seatCases(), Gen.bool) { problem, tenths in
        let result = outcome {
          try Apportionment.apportion(
            seats: problem.seats, weights: problem.doubleWeights(tenths: tenths), method: problem.method,
            floors: problem.floors, caps: problem.caps)
        }
        switch result {
        case .success(let seats):
          #expect(problem.isFeasible, "\(problem)")
          #expect(seats.reduce(0, +) == problem.seats, "\(problem)")
          for i in seats.indices {
            #expect(seats[i] >= problem.floors?[i] ?? 0, "\(problem)")
            #expect(seats[i] <= problem.caps?[i] ?? Int.max, "\(problem)")
            if problem.weights[i] == 0 { #expect(seats[i] == problem.floors?[i] ?? 0, "\(problem)") }
          }
        case .failure(.lowerBoundsExceedTotal(let total, let lowerSum, let excess)):
          #expect(problem.floorSum > problem.seats, "\(problem)")
          #expect(total == Double(problem.seats) && lowerSum == Double(problem.floorSum) && excess == lowerSum - total)
        case .failure(.capacityBelowTotal(let total, let capacity, let shortfall)):
          #expect(problem.floorSum <= problem.seats, "\(problem)")
          #expect(problem.capacity.map { $0 < problem.seats } == true, "\(problem)")
          #expect(total == Double(problem.seats) && capacity == Double(problem.capacity ?? -1))
          #expect(shortfall == total - capacity)
        case .failure(.tie(let method, let indices, let seats)):
          #expect(problem.isFeasible && method == problem.method, "\(problem)")
          #expect(indices.count >= 2 && seats >= 1 && seats < indices.count, "\(problem)")
        case .failure(let error):
          Issue.record("unexpected \(error) for \(problem)")
        }
      }
    }

    @Test("Divisor methods agree with the integer reference, ties included, for whole and tenth weights")
    func divisorMethodsMatchReference() async {
      let methods = Apportionment.Method.allCases.filter(\.isDivisorMethod)
      await propertyCheck(count: 400, input: Oracle.seatCases(methods: methods), Gen.bool) { problem, tenths in
        guard problem.isFeasible else { return }
        let result = outcome {
          try Apportionment.apportion(
            seats: problem.seats, weights: problem.doubleWeights(tenths: tenths), method: problem.method,
            floors: problem.floors, caps: problem.caps)
        }
        #expect(result == Oracle.divisor(problem), "\(problem) tenths \(tenths)")
      }
    }

    @Test("Hamilton without bounds agrees with the integer reference, ties included")
    func hamiltonMatchesReference() async {
      await propertyCheck(count: 300, input: Oracle.seatCases(methods: [.hamilton]), Gen.bool) { problem, tenths in
        guard problem.weights.contains(where: { $0 > 0 }) else { return }
        let result = outcome {
          try Apportionment.apportion(
            seats: problem.seats, weights: problem.doubleWeights(tenths: tenths), method: .hamilton)
        }
        #expect(
          result == Oracle.hamilton(seats: problem.seats, weights: problem.weights), "\(problem) tenths \(tenths)")
      }
    }

    @Test("Hamilton with bounds gives the same in whole weights (integers) and in tenths (Double)")
    func hamiltonExactAndApproximateAgree() async {
      await propertyCheck(count: 300, input: Oracle.seatCases(methods: [.hamilton])) { problem in
        func run(tenths: Bool) -> Result<[Int], ApportionmentError> {
          outcome {
            try Apportionment.apportion(
              seats: problem.seats, weights: problem.doubleWeights(tenths: tenths), method: .hamilton,
              floors: problem.floors, caps: problem.caps)
          }
        }
        #expect(run(tenths: false) == run(tenths: true), "\(problem)")
      }
    }

    @Test("Hamilton stays within one seat of the bounded quota")
    func hamiltonWithinQuota() async {
      await propertyCheck(count: 300, input: Oracle.seatCases(methods: [.hamilton])) { problem in
        guard problem.isFeasible else { return }
        let weights = problem.doubleWeights(tenths: false)
        guard
          case .success(let seats) = outcome({
            try Apportionment.apportion(
              seats: problem.seats, weights: weights, method: .hamilton, floors: problem.floors, caps: problem.caps)
          })
        else { return }
        let quotas = try BoundedShares.solve(
          total: Double(problem.seats), weights: weights,
          lower: weights.indices.map { i in problem.floors.map { Double($0[i]) } ?? nil },
          upper: weights.indices.map { i in problem.caps.map { Double($0[i]) } ?? nil })
        for i in seats.indices {
          #expect(abs(Double(seats[i]) - quotas[i]) < 1 + 1e-9, "\(problem): \(seats) against \(quotas)")
        }
      }
    }

    @Test("Divisor methods are house-monotone: one seat more takes a seat from no entry")
    func houseMonotone() async {
      let methods = Apportionment.Method.allCases.filter(\.isDivisorMethod)
      await propertyCheck(count: 400, input: Oracle.seatCases(methods: methods), Gen.bool) { problem, tenths in
        let weights = problem.doubleWeights(tenths: tenths)
        func seats(_ count: Int) -> [Int]? {
          try? Apportionment.apportion(
            seats: count, weights: weights, method: problem.method, floors: problem.floors, caps: problem.caps)
        }
        guard let before = seats(problem.seats), let after = seats(problem.seats + 1) else { return }
        for i in before.indices {
          #expect(after[i] >= before[i], "\(problem): \(before) then \(after)")
        }
      }
    }

    @Test("Apportionment does not depend on the order of the entries")
    func orderIndependent() async {
      await propertyCheck(count: 300, input: Oracle.reorderedSeatCases(), Gen.bool) { input, tenths in
        let (problem, order) = input
        let other = problem.permuted(order)
        func run(_ p: SeatCase) -> Result<[Int], ApportionmentError> {
          outcome {
            try Apportionment.apportion(
              seats: p.seats, weights: p.doubleWeights(tenths: tenths), method: p.method, floors: p.floors, caps: p.caps
            )
          }
        }
        switch (run(problem), run(other)) {
        case (.success(let a), .success(let b)):
          #expect(order.map { a[$0] } == b, "\(problem) in order \(order)")
        case (.failure(.tie(_, let a, let n)), .failure(.tie(_, let b, let m))):
          #expect(Set(a.map { order.firstIndex(of: $0)! }) == Set(b) && n == m, "\(problem) in order \(order)")
        case (.failure, .failure):
          break
        case (let a, let b):
          Issue.record("\(problem) gives \(a), in order \(order) \(b)")
        }
      }
    }
  }
}
