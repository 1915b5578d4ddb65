/// A double that is a short decimal — a report's expected figure or projection, a stated figure
/// with a few places — found without Schubfach, in the double's own arithmetic.
extension ShortestDecimal {
  /// The decimal of at most 15 significant digits that reads back as `value` (finite, not zero),
  /// if there is one: then it is the shortest.
  ///
  /// With |value| = m, 10^p is picked so that m·10^p is below 10^15 and at least 10^13, and n is
  /// m·10^p rounded to a whole number. When n / 10^p, a division of two doubles that are exact (n
  /// below 2^53, p at most 22) and so rounded once, to nearest even, as a decimal is read, gives
  /// m back, n·10^−p reads back as m. Two different decimals of at most 15 significant digits are
  /// further apart than the reals that round to one double (10^−15 of their size against
  /// 2^−52), so no other decimal of at most 15 digits, and so no shorter one, reads back as m.
  /// Any error in m·10^p only makes the check fail, never pass wrongly.
  package init?(short value: Double) {
    let magnitude = abs(value)
    // ⌊log₁₀ m⌋ is k or k + 1, so m < 10^(k+2) and m·10^p < 10^15 with p = 13 − k.
    let k = Self.floorLog10Pow2(Int(magnitude.exponent))
    let p = 13 - k
    guard p >= 0 && p <= 22 else { return nil }
    let scale = Self.exactPowersOfTen[p]
    let n = (magnitude * scale).rounded(.toNearestOrEven)
    guard n / scale == magnitude, n >= 1 else { return nil }
    self.init(trimming: UInt64(n), exponent: -p)
  }

  /// 10^0 to 10^22, every one a double exactly.
  package static let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
  ]
}
