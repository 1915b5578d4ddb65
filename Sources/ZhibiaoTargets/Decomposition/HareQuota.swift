import ZhibiaoPlan

/// Hamilton's method under floors and caps: bounded Hare quotas rounded by largest remainder.
enum HareQuota {
  /// Allocates `seats` to entries with validated `weights`, `floors` and `caps`, where the
  /// bounds are known to be feasible and `seats` exceeds the sum of the floors.
  ///
  /// The quotas are the bounded shares `q_i = clamp(λ·w_i, f_i, c_i)` with `Σ q_i = S` (see
  /// ``BoundedShares/solve(total:weights:lower:upper:)``); without binding bounds they are the
  /// Hare quotas `q_i = S·w_i / Σw` (Hamilton, 1792; Balinski & Young, *Fair Representation*,
  /// 2nd ed., 2001). An entry held at a bound has a whole quota. Each free entry gets `⌊q_i⌋`,
  /// and the `S − Σ⌊q_i⌋` seats left go one each to the largest remainders `q_i − ⌊q_i⌋`. If
  /// the last seat given and the first seat not given have equal remainders, the seats in
  /// contention are not given: ``ApportionmentError/tie(method:indices:seatsInContention:)``
  /// is thrown.
  ///
  /// With whole weights below 2³² and fewer than 2⁴⁰ seats, everything is computed in
  /// integers: `λ = S′/W′` with `S′` the seats left after the entries held at a bound and `W′`
  /// the weight of the free entries, the breakpoints `f_i/w_i` and `c_i/w_i` compared by
  /// cross-multiplication, and the remainders as `S′·w_i mod W′`. Otherwise the quotas come
  /// from Double and two remainders within `2(n + 3)·2⁻⁵²·max(q_i, q_j, 1)` are equal.
  static func allocate(seats: Int, weights: [Double], floors: [Int], caps: [Int?]) throws(ApportionmentError) -> [Int] {
    let whole = weights.allSatisfy { $0 == $0.rounded(.down) && $0 < 4_294_967_296 }
    if whole && seats < 1 << 40 {
      return try exact(seats: seats, weights: weights.map { UInt128(UInt64($0)) }, floors: floors, caps: caps)
    }
    return try approximate(seats: seats, weights: weights, floors: floors, caps: caps)
  }

  /// Where an entry sits on the piece of `Σ clamp(λ·w_i, f_i, c_i)` that reaches the total.
  private enum Position {
    case atFloor, free, atCap
  }

  private static func exact(
    seats: Int, weights: [UInt128], floors: [Int], caps: [Int?]
  ) throws(ApportionmentError) -> [Int] {
    let count = weights.count
    let total = UInt128(seats)
    let floor = floors.map { UInt128($0) }
    let cap = caps.map { $0.map { UInt128(min($0, seats)) } }

    // Breakpoints a/w: at f_i/w_i an entry leaves its floor, at c_i/w_i it reaches its cap.
    struct Breakpoint {
      var bound: UInt128
      var weight: UInt128
      var leavesFloor: Bool
      var index: Int
    }
    var points: [Breakpoint] = []
    for i in 0..<count where weights[i] > 0 {
      points.append(Breakpoint(bound: floor[i], weight: weights[i], leavesFloor: true, index: i))
      if let c = cap[i] { points.append(Breakpoint(bound: c, weight: weights[i], leavesFloor: false, index: i)) }
    }
    points.sort { a, b in
      let lhs = a.bound * b.weight
      let rhs = b.bound * a.weight
      if lhs != rhs { return lhs < rhs }
      if a.leavesFloor != b.leavesFloor { return a.leavesFloor }
      return a.index < b.index
    }

    // On each piece Σ clamp(λ·w_i, f_i, c_i) = held + weight·λ.
    var position = [Position](repeating: .atFloor, count: count)
    var held = floor.reduce(0, +)
    var weight: UInt128 = 0
    for point in points {
      if held * point.weight + weight * point.bound >= total * point.weight { break }
      let i = point.index
      if point.leavesFloor {
        held -= floor[i]
        weight += weights[i]
        position[i] = .free
      } else {
        held += cap[i] ?? 0
        weight -= weights[i]
        position[i] = .atCap
      }
    }

    var result = (0..<count).map { i in position[i] == .atCap ? Int(cap[i] ?? 0) : floors[i] }
    guard weight > 0 else { return result }
    let left = total - held
    let free = (0..<count).filter { position[$0] == .free }
    var remainders: [(index: Int, remainder: UInt128)] = []
    var given = 0
    for i in free {
      let product = left * weights[i]
      result[i] = Int(product / weight)
      given += result[i]
      remainders.append((i, product % weight))
    }
    let extra = Int(left) - given
    remainders.sort { ($0.remainder, $1.index) > ($1.remainder, $0.index) }
    for k in 0..<extra { result[remainders[k].index] += 1 }
    if extra > 0, extra < remainders.count, remainders[extra - 1].remainder == remainders[extra].remainder {
      let boundary = remainders[extra].remainder
      let tied = remainders.filter { $0.remainder == boundary }.map(\.index)
      let inContention = remainders[..<extra].filter { $0.remainder == boundary }.count
      throw .tie(method: .hamilton, indices: tied.sorted(), seatsInContention: inContention)
    }
    return result
  }

  private static func approximate(
    seats: Int, weights: [Double], floors: [Int], caps: [Int?]
  ) throws(ApportionmentError) -> [Int] {
    let count = weights.count
    let lower = floors.map(Double.init)
    let upper = caps.map { $0.map(Double.init) }
    let lambda = BoundedShares.solution(total: Double(seats), weights: weights, lower: lower, upper: upper).multiplier

    // Entries held at a bound take it; the free ones share what is left in proportion.
    var quotas = lower
    var left = seats
    var freeWeight = 0.0
    var free: [Int] = []
    for i in 0..<count {
      let x = lambda * weights[i]
      if weights[i] == 0 || x <= lower[i] {
        left -= floors[i]
      } else if let c = caps[i], x >= Double(c) {
        quotas[i] = Double(c)
        left -= c
      } else {
        free.append(i)
        freeWeight += weights[i]
      }
    }
    for i in free { quotas[i] = Double(left) * weights[i] / freeWeight }

    let result = try LargestRemainder.round(
      quotas, toUnitsSumming: seats, lower: floors, upper: caps.map { $0 ?? seats })

    // The weakest remainder that got a seat against the strongest that did not.
    let tolerance = 2 * Double(count + 3) * Double.ulpOfOne
    func isTied(_ a: Double, _ b: Double, scale: Double) -> Bool { abs(a - b) <= tolerance * max(scale, 1) }
    let awarded = free.filter { Double(result[$0]) > quotas[$0] }
    let waiting = free.filter { Double(result[$0]) < quotas[$0] && result[$0] < caps[$0] ?? Int.max }
    let given = awarded.map { ($0, quotas[$0] - Double(result[$0] - 1)) }
    let withheld = waiting.map { ($0, quotas[$0] - Double(result[$0])) }
    guard let weakest = given.min(by: { $0.1 < $1.1 }), let strongest = withheld.max(by: { $0.1 < $1.1 }) else {
      return result
    }
    let scale = max(quotas[weakest.0], quotas[strongest.0])
    guard strongest.1 >= weakest.1 || isTied(strongest.1, weakest.1, scale: scale) else { return result }
    let losing = given.filter { $0.1 <= strongest.1 || isTied($0.1, strongest.1, scale: max(scale, quotas[$0.0])) }
    let tiedWaiting = withheld.filter {
      $0.1 >= weakest.1 || isTied($0.1, weakest.1, scale: max(scale, quotas[$0.0]))
    }
    let indices = Set(losing.map(\.0) + tiedWaiting.map(\.0)).sorted()
    throw .tie(method: .hamilton, indices: indices, seatsInContention: losing.count)
  }
}
