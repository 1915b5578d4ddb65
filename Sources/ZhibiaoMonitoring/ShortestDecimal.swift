/// The shortest decimal that reads back as a given double, and of those the nearest to it (on a
/// tie, the one whose last digit is even): the digits the standard library's `description` writes.
///
/// Found by Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2020) in 64-bit
/// integers: the double c·2^q and the ends of the interval of reals that round to it, 4c·2^(q−2)
/// ± 2 (± 1 below a power of two), are multiplied by 10^−k, k = ⌊log₁₀ 2^q⌋, through a 126-bit
/// approximation g of 10^−k rounded so that each product is its exact value's floor or, when not
/// exact, that floor's odd neighbour ("round to odd"), which keeps every comparison with an
/// integer exact. The interval then holds at most one multiple of 10 (one digit fewer) and at least
/// one integer; of two integers in it, the nearer to the double is taken.
package struct ShortestDecimal: Equatable, Sendable {
  /// The significant digits, without trailing zeros: the decimal is digits × 10^exponent.
  package var digits: UInt64
  package var exponent: Int

  package init(digits: UInt64, exponent: Int) {
    self.digits = digits
    self.exponent = exponent
  }

  /// The shortest decimal of the magnitude of `value`, which is finite and not zero.
  package init(_ value: Double) {
    let bits = value.bitPattern
    let fraction = bits & (1 << 52 - 1)
    let biased = Int(truncatingIfNeeded: bits >> 52) & 0x7FF
    let c: UInt64
    let q: Int
    if biased == 0 {
      // Below 3·2^−1074 the rounding error of the products is not bounded as Schubfach needs:
      // the two smallest subnormals are written by hand.
      if fraction < 3 {
        self.init(digits: fraction == 1 ? 5 : 1, exponent: fraction == 1 ? -324 : -323)
        return
      }
      c = fraction
      q = -1074
    } else {
      c = fraction | 1 << 52
      q = biased - 1075
      // A whole number below 2^53 is its own shortest decimal.
      if q < 0 && q > -53 && c & (1 << UInt64(-q) - 1) == 0 {
        self.init(trimming: c >> UInt64(-q), exponent: 0)
        return
      }
    }
    let (units, k) = Self.shortest(c: c, q: q)
    // Most doubles need 16 or 17 digits, with no trailing zero: found without a call.
    if units % 10 != 0 {
      self.init(digits: units, exponent: k)
    } else {
      self.init(trimming: units, exponent: k)
    }
  }

  /// units × 10^exponent with the trailing zeros of units taken into the exponent.
  init(trimming units: UInt64, exponent: Int) {
    // A long decimal has no trailing zero, found with one test; a short one found among 17
    // digits has many: sixteen, eight, four, two and one are taken away in turn.
    var units = units
    var exponent = exponent
    guard units % 10 == 0 else {
      self.init(digits: units, exponent: exponent)
      return
    }
    units /= 10
    exponent += 1
    if units % 10_000_000_000_000_000 == 0 {
      units /= 10_000_000_000_000_000
      exponent += 16
    }
    if units % 100_000_000 == 0 {
      units /= 100_000_000
      exponent += 8
    }
    if units % 10_000 == 0 {
      units /= 10_000
      exponent += 4
    }
    if units % 100 == 0 {
      units /= 100
      exponent += 2
    }
    if units % 10 == 0 {
      units /= 10
      exponent += 1
    }
    self.init(digits: units, exponent: exponent)
  }

  /// Schubfach's choice for c·2^q: the decimal as units of 10^k (perhaps with trailing zeros).
  @inline(__always)
  private static func shortest(c: UInt64, q: Int) -> (units: UInt64, k: Int) {
    let out: UInt64 = c & 1  // an odd significand's interval leaves out its ends
    let cb = c << 2
    let cbr = cb + 2
    let cbl: UInt64
    let k: Int
    // The standard library takes the interval below every power of two as half as wide as above
    // it, 2^−1022 included (whose neighbour below is a subnormal as near as the one above).
    if c != 1 << 52 {
      cbl = cb - 2
      k = floorLog10Pow2(q)
    } else {
      cbl = cb - 1
      k = floorLog10ThreeQuartersPow2(q)
    }
    let h = q + floorLog2Pow10(-k) + 2
    let index = 2 * (k - minK)
    let (g1, g0) = powers.withUnsafeBufferPointer { ($0[index], $0[index + 1]) }
    let vb = roundToOdd(g1, g0, cb << UInt64(h))
    let vbl = roundToOdd(g1, g0, cbl << UInt64(h))
    let vbr = roundToOdd(g1, g0, cbr << UInt64(h))
    let s = vb >> 2
    // One digit fewer: the multiples of ten either side, at most one of them in the interval.
    let sp10 = s / 10 * 10
    let tp10 = sp10 + 10
    let upin = sp10 != 0 && vbl + out <= sp10 << 2
    let wpin = tp10 << 2 + out <= vbr
    if upin != wpin { return (upin ? sp10 : tp10, k) }
    // Otherwise s or s + 1, whichever is in the interval; both are, the nearer (even on a tie).
    let t = s + 1
    let uin = vbl + out <= s << 2
    let win = t << 2 + out <= vbr
    if uin != win { return (uin ? s : t, k) }
    let twiceSum = (s + t) << 1
    return (vb < twiceSum || (vb == twiceSum && s & 1 == 0) ? s : t, k)
  }

  /// The product g·cp / 2^128 (g = g1·2^63 + g0), rounded down and made odd when not exact.
  @inline(__always)
  private static func roundToOdd(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
    let mask63: UInt64 = 1 << 63 - 1
    let x1 = g0.multipliedFullWidth(by: cp).high
    let y = g1.multipliedFullWidth(by: cp)
    let z = (y.low >> 1) &+ x1
    let vbp = y.high &+ (z >> 63)
    return vbp | (((z & mask63) &+ mask63) >> 63)
  }

  /// ⌊log₁₀ 2^e⌋, for |e| up to 5,456 (Giulietti, §6).
  package static func floorLog10Pow2(_ e: Int) -> Int { (e * 661_971_961_083) >> 41 }

  /// ⌊log₁₀ (3/4 · 2^e)⌋, for |e| up to 5,456.
  package static func floorLog10ThreeQuartersPow2(_ e: Int) -> Int {
    (e * 661_971_961_083 - 274_743_187_321) >> 41
  }

  /// ⌊log₂ 10^e⌋, for |e| up to 1,233.
  package static func floorLog2Pow10(_ e: Int) -> Int { (e * 913_124_641_741) >> 38 }

  /// The range of k = ⌊log₁₀ 2^q⌋ (or of 3/4 · 2^q) over the doubles.
  package static let minK = -324
  package static let maxK = 292
}
