/// The modified z-score of Iglewicz and Hoaglin (1993), "How to Detect and Handle Outliers":
/// M_i = 0.6745·(x_i − x̃)/MAD, where x̃ is the median and MAD = median |x_i − x̃|; |M_i| > 3.5 marks
/// a likely outlier. Unlike the plain z-score, which can never exceed (n − 1)/√n = 3.33 with 13
/// districts, it is not masked by the outlier itself.
///
/// When MAD = 0 (more than half the values equal), the score falls back to the mean absolute
/// deviation, as IBM's documentation of the modified z-score gives it (Cognos Analytics, "Modified
/// z score"): M_i = (x_i − x̃)/(1.253314·MeanAD), with MeanAD = mean |x_i − x̃| (1.253314 = √(π/2)
/// makes it estimate the standard deviation of normal data). When MeanAD is 0 too, every value is
/// the median and nothing is flagged.
public enum ModifiedZScore {
  /// 0.6745, the 0.75 quantile of the standard normal distribution: 0.6745/MAD estimates 1/σ.
  public static let consistency = 0.6745
  /// 1.253314 = √(π/2): 1.253314·MeanAD estimates σ.
  public static let meanDeviationFactor = 1.253314

  /// The centre and spreads of a set of values.
  public struct Spread: Hashable, Sendable {
    /// The median x̃.
    public var median: Double
    /// The median absolute deviation from the median.
    public var medianAbsoluteDeviation: Double
    /// The mean absolute deviation from the median.
    public var meanAbsoluteDeviation: Double
  }

  /// The spread of `values`; nil when there are none.
  public static func spread(of values: [Double]) -> Spread? {
    guard !values.isEmpty else { return nil }
    var copy = values
    return copy.withUnsafeMutableBufferPointer { spread(sorting: $0) }
  }

  /// Whether two spreads give every value the same score, to the bit: the same median and MAD, and
  /// when MAD = 0 the same MeanAD.
  static func scoresAlike(_ a: Spread?, _ b: Spread?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return a.median.bitPattern == b.median.bitPattern
      && a.medianAbsoluteDeviation.bitPattern == b.medianAbsoluteDeviation.bitPattern
      && (a.medianAbsoluteDeviation > 0 || a.meanAbsoluteDeviation.bitPattern == b.meanAbsoluteDeviation.bitPattern)
  }

  /// The modified z-score of `value`: 0.6745·(x − x̃)/MAD, or (x − x̃)/(1.253314·MeanAD) when
  /// MAD = 0; NaN when both are 0.
  public static func score(_ value: Double, spread: Spread) -> Double {
    if spread.medianAbsoluteDeviation > 0 {
      return consistency * (value - spread.median) / spread.medianAbsoluteDeviation
    }
    if spread.meanAbsoluteDeviation > 0 {
      return (value - spread.median) / (meanDeviationFactor * spread.meanAbsoluteDeviation)
    }
    return .nan
  }

  /// The modified z-score of every value (NaN for all when they do not vary).
  public static func scores(_ values: [Double]) -> [Double] {
    guard let spread = spread(of: values) else { return [] }
    return values.map { score($0, spread: spread) }
  }

  /// The spread of the values in `buffer`, which it sorts; for `scoring` as `spread(sorted:scoring:)`.
  static func spread(sorting buffer: UnsafeMutableBufferPointer<Double>, scoring: Bool = false) -> Spread {
    sort(buffer)
    return spread(sorted: UnsafeBufferPointer(buffer), scoring: scoring)
  }

  /// The spread of values sorted ascending, none NaN, at least one. The absolute deviations from
  /// the median grow outwards from the middle of the sorted values, as two ascending runs (below
  /// the median and above it), so their median is the k-th smallest of two sorted runs: found by
  /// walking outwards for a short series, by binary search for a long one, without sorting them.
  /// MeanAD adds the deviations in ascending order of the values; for `scoring` only when MAD = 0
  /// (NaN otherwise), since a score reads it only then.
  public static func spread(sorted buffer: UnsafeBufferPointer<Double>, scoring: Bool = false) -> Spread {
    let count = buffer.count
    let median = middle(buffer)
    // The k-th smallest deviations for k = (n − 1)/2 and n/2 (the same k when n is odd). The run
    // below reads down from `below`, the run above up from `below + 1`.
    let below = count % 2 == 1 ? count / 2 : count / 2 - 1
    let deviations = Deviations(sorted: buffer, median: median, below: below)
    let low: Double
    let high: Double
    if count <= 16 {
      (low, high) = deviations.selected(high: count / 2, low: (count - 1) / 2)
    } else if count <= 32 {
      (low, high) = deviations.walk(to: count / 2, low: (count - 1) / 2)
    } else {
      (low, high) = (deviations.smallest((count - 1) / 2), deviations.smallest(count / 2))
    }
    let mad = (low + high) / 2
    guard !scoring || mad == 0 else {
      return Spread(median: median, medianAbsoluteDeviation: mad, meanAbsoluteDeviation: .nan)
    }
    var total = 0.0
    for value in buffer { total += abs(value - median) }
    return Spread(median: median, medianAbsoluteDeviation: mad, meanAbsoluteDeviation: total / Double(count))
  }

  /// The absolute deviations of sorted values from their median, as two ascending runs:
  /// median − x for the values at `below` and under it (read downwards), x − median above it.
  private struct Deviations {
    let sorted: UnsafeBufferPointer<Double>
    let median: Double
    let below: Int

    /// The i-th deviation of the run below the median.
    @inline(__always)
    func down(_ i: Int) -> Double { median - sorted[below - i] }

    /// The i-th deviation of the run above the median.
    @inline(__always)
    func up(_ i: Int) -> Double { sorted[below + 1 + i] - median }

    /// The deviations of ranks `low` and `high` in the order `walk(to:low:)` merges the two runs
    /// (the one below first between equal deviations), found by ranking every deviation at once:
    /// its place in its own run plus the deviations of the other run merged before it. Without a
    /// chain of dependent steps, this beats walking for a short series (16 values: 64 independent
    /// comparisons).
    func ranked(high: Int, low: Int) -> (Double, Double) {
      let belowCount = below + 1
      let aboveCount = sorted.count - belowCount
      var result = (0.0, 0.0)
      for i in 0..<belowCount {
        let deviation = down(i)
        var rank = i
        for j in 0..<aboveCount { rank += up(j) < deviation ? 1 : 0 }
        if rank == low { result.0 = deviation }
        if rank == high { result.1 = deviation }
      }
      for j in 0..<aboveCount {
        let deviation = up(j)
        var rank = j
        for i in 0..<belowCount { rank += down(i) <= deviation ? 1 : 0 }
        if rank == low { result.0 = deviation }
        if rank == high { result.1 = deviation }
      }
      return result
    }

    /// The deviations of ranks `low` and `high` as `ranked(high:low:)` gives them, each as the
    /// least over the ways of taking its rank + 1 smallest deviations (a run of the lowest from
    /// below the median and the rest from above) of the largest deviation taken: a dozen
    /// independent minimums and maximums instead of ranking every deviation. Equal deviations
    /// have equal values, except +0 and −0; so when both ranks are zeros (the only case where the
    /// two could pick different bits), or the result is not a positive finite number, the ranks
    /// are found by `ranked(high:low:)` after all.
    func selected(high: Int, low: Int) -> (Double, Double) {
      let highValue = smallestOfSplits(high)
      let lowValue = low == high ? highValue : smallestOfSplits(low)
      let mad = (lowValue + highValue) / 2
      guard mad > 0 && mad.isFinite else { return ranked(high: high, low: low) }
      return (lowValue, highValue)
    }

    /// The deviation of rank `k` (0-based): the least, over i taken from below and k + 1 − i from
    /// above, of the larger of the last taken from each run.
    @inline(__always)
    private func smallestOfSplits(_ k: Int) -> Double {
      let belowCount = below + 1
      let aboveCount = sorted.count - belowCount
      var best = Double.infinity
      var i = max(0, k + 1 - aboveCount)
      let last = min(k + 1, belowCount)
      while i <= last {
        let fromBelow = i > 0 ? down(i - 1) : -.infinity
        let fromAbove = k >= i ? up(k - i) : -.infinity
        let largest = fromBelow < fromAbove ? fromAbove : fromBelow
        best = largest < best ? largest : best
        i += 1
      }
      return best
    }

    /// The deviations of rank `low` and `high` (0-based, low ≤ high), walking outwards.
    func walk(to high: Int, low: Int) -> (Double, Double) {
      var (downs, ups) = (0, 0)
      var result = (0.0, 0.0)
      for rank in 0...high {
        let down = downs <= below ? self.down(downs) : .infinity
        let up = below + 1 + ups < sorted.count ? self.up(ups) : .infinity
        // Selects rather than branches: which side is nearer is a coin toss.
        let isDown = down <= up
        let next = isDown ? down : up
        downs += isDown ? 1 : 0
        ups += isDown ? 0 : 1
        if rank == low { result.0 = next }
        if rank == high { result.1 = next }
      }
      return result
    }

    /// The deviation of rank `k` (0-based): of the k + 1 smallest, i come from the run below and
    /// the rest from above, with the least i whose next value below is not smaller than the last
    /// taken above; found by binary search.
    func smallest(_ k: Int) -> Double {
      let taken = k + 1
      let belowCount = below + 1
      let aboveCount = sorted.count - belowCount
      var low = max(0, taken - aboveCount)
      var high = min(taken, belowCount)
      while low < high {
        let i = (low + high) / 2
        if down(i) < up(taken - i - 1) { low = i + 1 } else { high = i }
      }
      let fromBelow = low > 0 ? down(low - 1) : -.infinity
      let fromAbove = taken - low > 0 ? up(taken - low - 1) : -.infinity
      return max(fromBelow, fromAbove)
    }
  }

  /// The median of sorted values.
  private static func middle(_ sorted: UnsafeBufferPointer<Double>) -> Double {
    let half = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
  }

  /// Sorts in place: a sorting network for the short series of one org, insertion sort up to 24
  /// values, a radix sort for the samples of many districts, the standard sort otherwise.
  static func sort(_ buffer: UnsafeMutableBufferPointer<Double>) {
    if buffer.count <= 16 {
      sortSixteen(buffer)
      return
    }
    guard buffer.count > 24 else {
      var index = 1
      while index < buffer.count {
        let value = buffer[index]
        var hole = index
        while hole > 0 && buffer[hole - 1] > value {
          buffer[hole] = buffer[hole - 1]
          hole -= 1
        }
        buffer[hole] = value
        index += 1
      }
      return
    }
    if buffer.count >= radixSortMinimum && radixSort(buffer) { return }
    var buffer = buffer
    buffer.sort()
  }
}
