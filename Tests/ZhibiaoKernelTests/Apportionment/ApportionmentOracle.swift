// Random inputs for the property tests, and an independent reference for the divisor methods
// and unbounded Hamilton that works in integers only: every candidate seat is listed with its
// priority, the list is sorted, and the top seats are taken.

import PropertyBased
import Testing
import ZhibiaoKernel

/// A random apportionment problem.
struct SeatCase: Sendable, CustomStringConvertible {
  var method: Apportionment.Method
  var seats: Int
  /// Whole weights; the tests pass them as they are or divided by 10.
  var weights: [Int]
  var floors: [Int]?
  var caps: [Int]?

  var description: String {
    "\(method.rawValue) seats \(seats) weights \(weights) floors \(floors.map(\.description) ?? "nil") "
      + "caps \(caps.map(\.description) ?? "nil")"
  }

  /// The weights as Doubles, whole or in tenths.
  func doubleWeights(tenths: Bool) -> [Double] { weights.map { tenths ? Double($0) / 10 : Double($0) } }

  /// Σ floors and the most the entries can take (a zero weight only its floor).
  var floorSum: Int { floors?.reduce(0, +) ?? 0 }
  var capacity: Int? {
    var sum = 0
    for i in weights.indices {
      if weights[i] > 0 {
        guard let cap = caps?[i] else { return nil }
        sum += cap
      } else {
        sum += floors?[i] ?? 0
      }
    }
    return sum
  }
  var isFeasible: Bool { floorSum <= seats && capacity.map { $0 >= seats } ?? true }

  /// The same problem with its entries in the order `order` (order[k] is the old index).
  func permuted(_ order: [Int]) -> SeatCase {
    SeatCase(
      method: method, seats: seats, weights: order.map { weights[$0] }, floors: floors.map { f in order.map { f[$0] } },
      caps: caps.map { c in order.map { c[$0] } })
  }
}

enum Oracle {
  /// Random problems: 1–13 entries, small whole weights (some zero, some equal, so that ties
  /// happen), optional floors and caps that are sometimes infeasible.
  static func seatCases(methods: [Apportionment.Method] = Apportionment.Method.allCases)
    -> Generator<SeatCase, Shrink.None<SeatCase>>
  {
    Generator { rng in seatCase(methods: methods, using: &rng) }
  }

  /// Random problems as ``seatCases(methods:)`` makes them, each with a random order of its entries.
  static func reorderedSeatCases() -> Generator<(SeatCase, [Int]), Shrink.None<(SeatCase, [Int])>> {
    Generator { rng in
      let problem = seatCase(methods: Apportionment.Method.allCases, using: &rng)
      return (problem, Array(problem.weights.indices).shuffled(using: &rng))
    }
  }

  private static func seatCase(
    methods: [Apportionment.Method], using rng: inout any SeededRandomNumberGenerator
  ) -> SeatCase {
    let count = Int.random(in: 1...13, using: &rng)
    let small = Bool.random(using: &rng)
    let weights = (0..<count).map { _ in
      Int.random(in: 0..<8, using: &rng) == 0 ? 0 : Int.random(in: 1...(small ? 6 : 5000), using: &rng)
    }
    let seats = Int.random(in: 0...60, using: &rng)
    var floors: [Int]?
    var caps: [Int]?
    if Int.random(in: 0..<3, using: &rng) == 0 {
      floors = (0..<count).map { _ in Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 0...6, using: &rng) : 0 }
    }
    if Int.random(in: 0..<3, using: &rng) == 0 {
      caps = (0..<count).map { i in (floors?[i] ?? 0) + Int.random(in: 0...(small ? 6 : 30), using: &rng) }
    }
    return SeatCase(
      method: methods.randomElement(using: &rng)!, seats: seats, weights: weights, floors: floors, caps: caps)
  }

  /// A seat's priority `w^k / m(s)` as the pair (w^k, m(s)); m = 0 is an infinite priority.
  private static func priority(_ method: Apportionment.Method, weight: Int, held s: Int) -> (Int, Int) {
    switch method {
    case .webster: (weight, 2 * s + 1)
    case .dhondt: (weight, s + 1)
    case .adams: (weight, s)
    case .huntingtonHill: (weight * weight, s * (s + 1))
    case .hamilton: fatalError("Hamilton has no priorities")
    }
  }

  /// −1, 0, 1 for a < b, a = b, a > b.
  private static func compare(_ a: (Int, Int), _ b: (Int, Int)) -> Int {
    if a.1 == 0 || b.1 == 0 {
      if a.1 != 0 { return -1 }
      if b.1 != 0 { return 1 }
      return a.0 < b.0 ? -1 : (a.0 > b.0 ? 1 : 0)
    }
    let lhs = a.0 * b.1
    let rhs = b.0 * a.1
    return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0)
  }

  /// The expected outcome of a feasible divisor-method case: the seats, or the tied indices and
  /// the number of seats in contention.
  static func divisor(_ problem: SeatCase) -> Result<[Int], ApportionmentError> {
    let floors = problem.floors ?? problem.weights.map { _ in 0 }
    var candidates: [(index: Int, priority: (Int, Int))] = []
    for (i, w) in problem.weights.enumerated() where w > 0 {
      let cap = min(problem.caps?[i] ?? problem.seats, problem.seats)
      guard floors[i] < cap else { continue }
      for s in floors[i]..<cap {
        candidates.append((i, priority(problem.method, weight: w, held: s)))
      }
    }
    candidates.sort { compare($0.priority, $1.priority) > 0 }
    let free = problem.seats - floors.reduce(0, +)
    if free > 0, free < candidates.count, compare(candidates[free - 1].priority, candidates[free].priority) == 0 {
      let boundary = candidates[free].priority
      let tied = candidates.enumerated().filter { compare($0.element.priority, boundary) == 0 }
      let indices = Set(tied.map(\.element.index)).sorted()
      let inContention = tied.filter { $0.offset < free }.count
      return .failure(.tie(method: problem.method, indices: indices, seatsInContention: inContention))
    }
    var result = floors
    for candidate in candidates.prefix(free) { result[candidate.index] += 1 }
    return .success(result)
  }

  /// The expected outcome of unbounded Hamilton: quotas S·w_i/W in integers.
  static func hamilton(seats: Int, weights: [Int]) -> Result<[Int], ApportionmentError> {
    let total = weights.reduce(0, +)
    guard total > 0 else { return .success(weights.map { _ in 0 }) }
    var result = weights.map { seats * $0 / total }
    let remainders = weights.enumerated().map { (index: $0.offset, remainder: seats * $0.element % total) }
      .sorted { $0.remainder > $1.remainder }
    let extra = seats - result.reduce(0, +)
    if extra > 0, extra < remainders.count, remainders[extra - 1].remainder == remainders[extra].remainder {
      let boundary = remainders[extra].remainder
      let tied = remainders.enumerated().filter { $0.element.remainder == boundary }
      return .failure(
        .tie(
          method: .hamilton, indices: tied.map(\.element.index).sorted(),
          seatsInContention: tied.filter { $0.offset < extra }.count))
    }
    for entry in remainders.prefix(extra) { result[entry.index] += 1 }
    return .success(result)
  }
}

/// Runs an apportionment and keeps its result or error.
func outcome(_ body: () throws -> [Int]) -> Result<[Int], ApportionmentError> {
  do {
    return .success(try body())
  } catch let error as ApportionmentError {
    return .failure(error)
  } catch {
    preconditionFailure("apportionment threw \(error)")
  }
}
