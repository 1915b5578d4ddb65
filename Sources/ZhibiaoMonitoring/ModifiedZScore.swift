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

  /// The spread of the values in `buffer`, which it sorts. One sort: the absolute deviations
  /// from the median grow outwards from the middle of the sorted values, so their median is found
  /// by walking outwards from both sides, without sorting them.
  static func spread(sorting buffer: UnsafeMutableBufferPointer<Double>) -> Spread {
    sort(buffer)
    let count = buffer.count
    let median = middle(buffer)
    var total = 0.0
    for value in buffer { total += abs(value - median) }
    // The k-th smallest deviations for k = (n − 1)/2 and n/2 (the same k when n is odd).
    let lowRank = (count - 1) / 2
    let highRank = count / 2
    var below = count % 2 == 1 ? count / 2 : count / 2 - 1
    var above = below + 1
    var low = 0.0
    var high = 0.0
    var rank = 0
    while rank <= highRank {
      let down = below >= 0 ? median - buffer[below] : .infinity
      let up = above < count ? buffer[above] - median : .infinity
      let next: Double
      if down <= up {
        next = down
        below -= 1
      } else {
        next = up
        above += 1
      }
      if rank == lowRank { low = next }
      if rank == highRank { high = next }
      rank += 1
    }
    let mad = (low + high) / 2
    return Spread(median: median, medianAbsoluteDeviation: mad, meanAbsoluteDeviation: total / Double(count))
  }

  /// The median of sorted values.
  private static func middle(_ sorted: UnsafeMutableBufferPointer<Double>) -> Double {
    let half = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
  }

  /// Sorts in place, stably: insertion sort for the short series of one org, the standard sort
  /// otherwise.
  private static func sort(_ buffer: UnsafeMutableBufferPointer<Double>) {
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
    var buffer = buffer
    buffer.sort()
  }
}
