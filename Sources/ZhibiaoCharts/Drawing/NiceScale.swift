/// A value axis with round ticks.
///
/// The step is the smallest number of the 1-2-5 series (1, 2 or 5 × 10^k, the "nice numbers" of
/// Heckbert, *Nice Numbers for Graph Labels*, Graphics Gems, 1990) whose multiples cover the range
/// in at most `maximumIntervals` intervals:
///
///     lower = ⌊min / step⌋ × step,  upper = ⌈max / step⌉ × step,  (upper − lower) / step ≤ maximumIntervals
///
/// So 0…1234 in at most 7 intervals steps by 200 to 1400, and 18,000…25,000 in at most 6 by 2,000.
/// A range of one value is widened to run from zero; no finite value gives 0…1.
struct NiceScale: Equatable {
  let lower: Double
  let upper: Double
  let step: Double
  /// Every multiple of the step from lower to upper.
  let ticks: [Double]
  /// The decimals a tick label needs: none for steps of 1 and up, one for 0.1, 0.2 or 0.5, and so on.
  let fractionDigits: Int

  init(covering first: Double, _ second: Double, maximumIntervals: Int = 6) {
    var low = min(first, second)
    var high = max(first, second)
    if !low.isFinite || !high.isFinite {
      (low, high) = (0, 1)
    }
    if high - low <= Swift.max(abs(high), abs(low)) * 1e-12 {
      (low, high) = low > 0 ? (0, low) : low < 0 ? (low, 0) : (0, 1)
    }
    let intervals = Swift.max(maximumIntervals, 1)
    // Start one decade below the smallest possible step, so the search cannot skip the answer.
    var exponent = Int(((high - low) / Double(intervals)).log10Floor) - 1
    var found: (mantissa: Double, exponent: Int, first: Double, last: Double)?
    search: while found == nil {
      for mantissa in [1.0, 2, 5] {
        let step = Self.value(1, mantissa: mantissa, exponent: exponent)
        // The slack keeps 1.2 / 0.2 = 5.999… from adding a tick.
        let first = (low / step + 1e-9).rounded(.down)
        let last = (high / step - 1e-9).rounded(.up)
        if last - first <= Double(intervals) {
          found = (mantissa, exponent, first, last)
          break search
        }
      }
      exponent += 1
    }
    let (mantissa, stepExponent, firstMultiple, lastMultiple) = found!
    let multiples = stride(from: firstMultiple, through: lastMultiple, by: 1)
    ticks = multiples.map { Self.value($0, mantissa: mantissa, exponent: stepExponent) }
    step = Self.value(1, mantissa: mantissa, exponent: stepExponent)
    lower = ticks.first!
    upper = ticks.last!
    fractionDigits = Swift.max(0, -stepExponent)
  }

  /// The scale cut or stretched to end at `maximum`, for an axis with a fixed top such as full
  /// marks: ticks past it are dropped and `maximum` becomes the last tick, replacing a nice tick
  /// closer to it than half a step so that their labels do not collide.
  func ending(at maximum: Double) -> NiceScale {
    guard maximum.isFinite, maximum > lower else { return self }
    var kept = ticks.filter { $0 <= maximum + step * 1e-9 }
    if let last = kept.last, maximum - last < step / 2, kept.count > 1 { kept.removeLast() }
    if kept.last.map({ abs($0 - maximum) > step * 1e-9 }) ?? true { kept.append(maximum) }
    return NiceScale(lower: lower, upper: maximum, step: step, ticks: kept, fractionDigits: fractionDigits)
  }

  private init(lower: Double, upper: Double, step: Double, ticks: [Double], fractionDigits: Int) {
    self.lower = lower
    self.upper = upper
    self.step = step
    self.ticks = ticks
    self.fractionDigits = fractionDigits
  }

  /// `multiple × mantissa × 10^exponent`, dividing by an exact power of ten for negative exponents
  /// so that 3 × 0.1 prints as 0.3.
  private static func value(_ multiple: Double, mantissa: Double, exponent: Int) -> Double {
    exponent >= 0
      ? multiple * mantissa * ChartNumber.power(exponent)
      : multiple * mantissa / ChartNumber.power(-exponent)
  }
}

extension Double {
  /// ⌊log₁₀ self⌋ for a positive value.
  fileprivate var log10Floor: Double {
    var exponent = 0.0
    var value = self
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1 {
      value *= 10
      exponent -= 1
    }
    return exponent
  }
}
