import ZhibiaoPlan

extension Apportionment {
  /// Apportions `seats` among entries in proportion to `weights` by `method`, with each entry
  /// between its floor and its cap.
  ///
  /// - Divisor methods (``Method/webster``, the default; ``Method/dhondt``;
  ///   ``Method/huntingtonHill``; ``Method/adams``): every entry starts at its floor and each
  ///   further seat goes to the entry with the greatest priority `w_i / d(s_i)` that is below
  ///   its cap — the bounded divisor method `s_i = clamp(⌊w_i / D⌉_d, f_i, c_i)` for a common
  ///   divisor `D` (Balinski & Young, *Fair Representation*, 2nd ed., 2001). Such methods are
  ///   house-monotone: one seat more never takes a seat from anyone.
  /// - ``Method/hamilton``: the bounded Hare quotas `q_i = clamp(λ·w_i, f_i, c_i)`, `Σ q_i = S`,
  ///   rounded down, the remaining seats to the largest remainders.
  ///
  /// Conventions a caller must know:
  /// - An entry of zero weight gets its floor (0 without one) and never more.
  /// - Huntington–Hill and Adams have `d(0) = 0`: a first seat has infinite priority, so every
  ///   entry of positive weight below its cap gets a seat before any gets a second when there
  ///   are enough seats; when there are fewer seats than such entries, the first seats go to
  ///   the larger weights (the limit of `w / d` as `d → 0`), and equal weights tie.
  /// - Ties are never broken silently. When the last seat or seats could go to two or more
  ///   entries with equal priority (for Hamilton: equal remainders),
  ///   ``ApportionmentError/tie(method:indices:seatsInContention:)`` names every entry on
  ///   either side of that boundary and the number of seats in contention; the caller decides,
  ///   for instance by lot or by giving a floor or a cap. Priorities are compared by
  ///   cross-multiplication, `w_i^k · m(s_j)` against `w_j^k · m(s_i)` (squares for
  ///   Huntington–Hill): exactly in integers when every weight is a whole number below 2³²
  ///   (populations, counts), otherwise in Double, where priorities within 8·2⁻⁵² of each other
  ///   count as equal.
  ///
  /// - Parameters:
  ///   - seats: the whole number to apportion, at least 0.
  ///   - weights: one finite weight of at least 0 per entry.
  ///   - method: the apportionment method; Webster (Sainte-Laguë) unless stated.
  ///   - floors: the least number of seats of each entry; 0 when nil.
  ///   - caps: the most seats of each entry; none when nil.
  /// - Returns: the seats of each entry, in the order of `weights`, adding up to `seats`.
  /// - Throws: ``ApportionmentError`` for negative seats or weights, lists of the wrong length,
  ///   a floor above its cap, floors that add up to more than `seats`, caps that leave too
  ///   little room (an entry of zero weight counts at its floor), or a tie.
  public static func apportion(
    seats: Int, weights: [Double], method: Method = .webster, floors: [Int]? = nil, caps: [Int]? = nil
  ) throws(ApportionmentError) -> [Int] {
    guard seats >= 0 else { throw .invalidTotal(total: Double(seats)) }
    for (index, weight) in weights.enumerated() where !weight.isFinite || weight < 0 {
      throw .invalidWeight(index: index, weight: weight)
    }
    if let floors, floors.count != weights.count {
      throw .countMismatch(list: "floors", count: floors.count, expected: weights.count)
    }
    if let caps, caps.count != weights.count {
      throw .countMismatch(list: "caps", count: caps.count, expected: weights.count)
    }
    let floor = floors ?? Array(repeating: 0, count: weights.count)
    let cap: [Int?] = caps ?? Array(repeating: nil, count: weights.count)
    for i in weights.indices where floor[i] < 0 || floor[i] > cap[i] ?? Int.max {
      throw .invalidBounds(index: i, lower: Double(floor[i]), upper: cap[i].map(Double.init))
    }

    var floorSum = 0
    var capacity = 0
    for i in weights.indices {
      // A floor or cap beyond the seats never binds; counting it as the seats avoids overflow.
      floorSum += min(floor[i], seats + 1)
      capacity += weights[i] > 0 ? min(cap[i] ?? seats, seats) : min(floor[i], seats)
      guard floorSum <= seats else {
        let sum = floor.reduce(0.0) { $0 + Double($1) }
        throw .lowerBoundsExceedTotal(total: Double(seats), lowerSum: sum, excess: sum - Double(seats))
      }
      capacity = min(capacity, seats)
    }
    guard capacity >= seats else {
      let total = weights.indices.reduce(0.0) { $0 + Double(weights[$1] > 0 ? cap[$1] ?? 0 : floor[$1]) }
      throw .capacityBelowTotal(total: Double(seats), capacity: total, shortfall: Double(seats) - total)
    }
    if floorSum == seats { return floor }

    switch method {
    case .hamilton:
      return try HareQuota.allocate(seats: seats, weights: weights, floors: floor, caps: cap)
    case .webster, .dhondt, .huntingtonHill, .adams:
      return try DivisorMethod.allocate(seats: seats, weights: weights, method: method, floors: floor, caps: cap)
    }
  }
}
