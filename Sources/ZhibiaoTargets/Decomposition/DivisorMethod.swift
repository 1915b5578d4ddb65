import ZhibiaoPlan

/// The divisor methods under floors and caps: seat by seat to the greatest priority.
enum DivisorMethod {
  /// Allocates `seats` by `method` (a divisor method) to entries with validated `weights`,
  /// `floors` and `caps`, where the bounds are known to be feasible.
  ///
  /// Every entry starts at its floor; each further seat goes to the entry with the greatest
  /// priority `w_i / d(s_i)` among those of positive weight below their cap. This is the
  /// divisor method with minimum and maximum restrictions, `s_i = clamp(⌊w_i / D⌉_d, f_i, c_i)`
  /// for one common divisor `D`, where `⌊x⌉_d` is the number of seats `s` with `d(s) ≤ x`
  /// (Balinski & Young, *Fair Representation*, 2nd ed., 2001; Pukelsheim, *Proportional
  /// Representation*, 2nd ed., 2017, on min–max restrictions). An entry of zero weight never
  /// gets a seat beyond its floor.
  ///
  /// To skip most of the seat-by-seat steps, each entry first gets
  /// `clamp(⌊w_i·(S − F − P)/W⌋ − 1, f_i, c_i)` seats (`F` the sum of floors, `P` the number
  /// and `W` the sum of positive weights). Because `s ≤ d(s) ≤ s + 1` for every method here,
  /// the final allocation holds at least that many, so the start is a part of it.
  ///
  /// The allocation is then checked for a tie: if the smallest priority among the seats
  /// awarded above the floors equals the greatest priority among the seats not awarded, the
  /// last seats could go either way, and ``ApportionmentError/tie(method:indices:seatsInContention:)``
  /// is thrown with every entry on either side of that boundary.
  static func allocate(
    seats: Int, weights: [Double], method: Apportionment.Method, floors: [Int], caps: [Int?]
  ) throws(ApportionmentError) -> [Int] {
    let count = weights.count
    let priority = SeatPriority(method: method, weights: weights, seats: seats)
    var held = start(seats: seats, weights: weights, floors: floors, caps: caps)
    var remaining = seats - held.reduce(0, +)

    func isOpen(_ i: Int) -> Bool { weights[i] > 0 && held[i] < (caps[i] ?? Int.max) }

    while remaining > 0 {
      var best: Int?
      for i in 0..<count where isOpen(i) {
        if let b = best, priority.compare(i, holding: held[i], b, holding: held[b]) <= 0 { continue }
        best = i
      }
      guard let winner = best else { break }  // unreachable: the capacity was checked
      held[winner] += 1
      remaining -= 1
    }

    // The boundary: the weakest seat awarded above the floors, the strongest seat not awarded.
    let awarded = (0..<count).filter { weights[$0] > 0 && held[$0] > floors[$0] }
    let open = (0..<count).filter(isOpen)
    guard
      let weakest = awarded.min(by: { priority.compare($0, holding: held[$0] - 1, $1, holding: held[$1] - 1) < 0 }),
      let strongest = open.max(by: { priority.compare($0, holding: held[$0], $1, holding: held[$1]) < 0 })
    else { return held }
    let boundaryCrossed = priority.compare(strongest, holding: held[strongest], weakest, holding: held[weakest] - 1) > 0
    guard boundaryCrossed || priority.isTied(strongest, holding: held[strongest], weakest, holding: held[weakest] - 1)
    else { return held }

    let losing = awarded.filter { i in
      priority.compare(i, holding: held[i] - 1, strongest, holding: held[strongest]) <= 0
        || priority.isTied(i, holding: held[i] - 1, strongest, holding: held[strongest])
    }
    let waiting = open.filter { j in
      priority.compare(j, holding: held[j], weakest, holding: held[weakest] - 1) >= 0
        || priority.isTied(j, holding: held[j], weakest, holding: held[weakest] - 1)
    }
    throw .tie(method: method, indices: Array(Set(losing + waiting)).sorted(), seatsInContention: losing.count)
  }

  /// A first allocation that the final one contains: floors, raised towards the quotas of the
  /// seats left after the floors, less one seat per entry of positive weight.
  private static func start(seats: Int, weights: [Double], floors: [Int], caps: [Int?]) -> [Int] {
    let positive = weights.filter { $0 > 0 }
    let free = seats - floors.reduce(0, +) - positive.count
    let total = positive.reduce(0, +)
    guard free > 0, total > 0 else { return floors }
    let guess = weights.indices.map { i -> Int in
      guard weights[i] > 0 else { return floors[i] }
      let share = (weights[i] * Double(free) / total).rounded(.down) - 1
      let seatsByShare = share > 0 ? Int(share) : 0
      return max(floors[i], min(caps[i] ?? Int.max, seatsByShare))
    }
    return guess.reduce(0, +) <= seats ? guess : floors
  }
}
