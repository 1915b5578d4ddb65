import ZhibiaoPlan

/// The priorities of a divisor method, `p_i(s) = w_i / d(s)`, compared without division.
///
/// Two priorities are compared by cross-multiplication: `p_i(s_i) > p_j(s_j)` exactly when
/// `w_i^k · m(s_j) > w_j^k · m(s_i)`, with the whole-number key `m` and power `k` of
/// ``Apportionment/Method`` (Huntington–Hill compares squares, `w² · s(s + 1)`, so that no
/// square root is taken). A key of 0 (`d(0) = 0` for Huntington–Hill and Adams) is an
/// infinite priority; among infinite priorities the larger weight comes first, the limit of
/// `w / d` as `d → 0`.
///
/// The comparison is exact when every weight is a whole number below 2³² and the seats held
/// stay below 2²¹: the products are then computed in 128-bit integers. Otherwise it is done in
/// Double, and two priorities whose products differ by at most 8 × 2⁻⁵² (≈ 1.8 × 10⁻¹⁵) of
/// the larger are equal — enough to absorb the binary representation of decimal weights and
/// the rounding of the products, and nothing more.
struct SeatPriority: Sendable {
  /// The relative tolerance of the Double comparison.
  static let tolerance = 8 * Double.ulpOfOne

  /// The numerators `w_i^k`, exact or scaled by a power of two.
  private enum Numerators: Sendable {
    case exact([UInt128])
    case approximate([Double])
  }

  private let numerators: Numerators
  private let key: @Sendable (Int) -> Int

  /// Prepares the comparison of `method`'s priorities for `weights`, where no entry will hold
  /// more than `seats` seats.
  init(method: Apportionment.Method, weights: [Double], seats: Int) {
    let (power, key) = method.priorityKey ?? (1, { $0 + 1 })
    self.key = key
    let whole = weights.allSatisfy { $0 == $0.rounded(.down) && $0 < 4_294_967_296 }
    if whole && seats < 1 << 21 {
      numerators = .exact(
        weights.map { weight in
          let w = UInt128(UInt64(weight))
          return power == 2 ? w * w : w
        })
    } else {
      // Scaling by a power of two is exact and keeps squares of large weights finite.
      let largest = weights.max() ?? 1
      let scale = largest > 0 ? Double(sign: .plus, exponent: -largest.exponent, significand: 1) : 1
      numerators = .approximate(
        weights.map { weight in
          let w = weight * scale
          return power == 2 ? w * w : w
        })
    }
  }

  /// Whether the comparison is exact.
  var isExact: Bool {
    if case .exact = numerators { return true }
    return false
  }

  /// The sign of `p_i(s_i) − p_j(s_j)`: 1, 0 or −1. In Double the sign is that of the
  /// computed products, without tolerance; use ``isTied(_:holding:_:holding:)`` for ties.
  func compare(_ i: Int, holding si: Int, _ j: Int, holding sj: Int) -> Int {
    let ki = key(si)
    let kj = key(sj)
    switch numerators {
    case .exact(let n):
      if ki == 0 || kj == 0 { return Self.sign(infinite: (ki == 0, kj == 0), n[i], n[j]) }
      return Self.sign(n[i] * UInt128(kj), n[j] * UInt128(ki))
    case .approximate(let n):
      if ki == 0 || kj == 0 { return Self.sign(infinite: (ki == 0, kj == 0), n[i], n[j]) }
      return Self.sign(n[i] * Double(kj), n[j] * Double(ki))
    }
  }

  /// Whether `p_i(s_i)` and `p_j(s_j)` are equal: exactly, or in Double within the tolerance.
  func isTied(_ i: Int, holding si: Int, _ j: Int, holding sj: Int) -> Bool {
    let ki = key(si)
    let kj = key(sj)
    if (ki == 0) != (kj == 0) { return false }
    switch numerators {
    case .exact(let n):
      return ki == 0 ? n[i] == n[j] : n[i] * UInt128(kj) == n[j] * UInt128(ki)
    case .approximate(let n):
      let (a, b) = ki == 0 ? (n[i], n[j]) : (n[i] * Double(kj), n[j] * Double(ki))
      return abs(a - b) <= Self.tolerance * max(a, b)
    }
  }

  private static func sign<T: Comparable>(_ a: T, _ b: T) -> Int {
    a > b ? 1 : (a < b ? -1 : 0)
  }

  private static func sign<T: Comparable>(infinite: (Bool, Bool), _ a: T, _ b: T) -> Int {
    switch infinite {
    case (true, true): sign(a, b)
    case (true, false): 1
    case (false, true): -1
    case (false, false): 0
    }
  }
}
