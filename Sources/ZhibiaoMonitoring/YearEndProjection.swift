/// A year-end projection (全年预计) of a flow from its year-to-date figure C_q, as a range over three
/// methods:
///
/// 1. share of year: P₁ = C_q / S_q, with S_q the cumulative seasonal share (q/4 when none);
/// 2. last year's pattern: P₂ = Y_{y−1} · C_q / C_{q,y−1}, with Y_{y−1} last year's total and
///    C_{q,y−1} last year's figure at the same quarter;
/// 3. remaining quarters at this year's growth: P₃ = C_q + (Y_{y−1} − C_{q,y−1}) · c_q / c_{q,y−1},
///    where c_q = C_q − C_{q−1} is this year's latest single quarter and c_{q,y−1} the same quarter
///    last year (c_1 = C_1): last year's remaining quarters grown at the latest quarter's
///    year-on-year rate. At Q1 it equals P₂; at Q4 all three equal C_4.
///
/// A method lacking an input, or dividing by a figure that is not positive, gives NaN.
public struct YearEndProjection: Hashable, Sendable {
  /// P₁, share of year.
  public var shareOfYear: Double
  /// P₂, last year's pattern.
  public var lastYearPattern: Double
  /// P₃, remaining quarters at this year's growth.
  public var remainingQuarters: Double

  /// The three projections.
  public init(shareOfYear: Double, lastYearPattern: Double, remainingQuarters: Double) {
    self.shareOfYear = shareOfYear
    self.lastYearPattern = lastYearPattern
    self.remainingQuarters = remainingQuarters
  }

  /// The lowest projection; NaN when there is none.
  public var low: Double {
    var low = Double.nan
    // As `min()` over the projections that are numbers: the first of equals.
    for value in [shareOfYear, lastYearPattern, remainingQuarters] where !value.isNaN && (low.isNaN || value < low) {
      low = value
    }
    return low
  }

  /// The highest projection; NaN when there is none.
  public var high: Double {
    var high = Double.nan
    // As `max()` over the projections that are numbers: the first of equals.
    for value in [shareOfYear, lastYearPattern, remainingQuarters] where !value.isNaN && (high.isNaN || high < value) {
      high = value
    }
    return high
  }

  /// The projections of a flow at quarter `quarter` with year-to-date `ytd` (C_q), this year's
  /// previous quarter `previousYTD` (C_{q−1}, ignored at Q1), seasonal share `share` (S_q, NaN for
  /// q/4), last year's total `lastYear` (Y_{y−1}) and last year's C_{q,y−1} and C_{q−1,y−1}.
  @inline(__always)
  public static func flow(
    ytd: Double, quarter: Int, share: Double, previousYTD: Double, lastYear: Double, lastYearYTD: Double,
    lastYearPreviousYTD: Double
  ) -> YearEndProjection {
    guard ytd.isFinite else {
      return YearEndProjection(shareOfYear: .nan, lastYearPattern: .nan, remainingQuarters: .nan)
    }
    let s = share.isNaN ? Double(quarter) / 4 : share
    let byShare = s > 0 ? ytd / s : .nan
    let byPattern = lastYearYTD > 0 && lastYear.isFinite ? lastYear * ytd / lastYearYTD : .nan
    let latest = quarter > 1 ? ytd - previousYTD : ytd
    let latestLastYear = quarter > 1 ? lastYearYTD - lastYearPreviousYTD : lastYearYTD
    let byGrowth =
      latestLastYear > 0 && latest.isFinite && lastYear.isFinite
      ? ytd + (lastYear - lastYearYTD) * latest / latestLastYear : .nan
    return YearEndProjection(shareOfYear: byShare, lastYearPattern: byPattern, remainingQuarters: byGrowth)
  }

  /// The projections moved by `offset` (a cumulative target adds the earlier years' totals).
  func shifted(by offset: Double) -> YearEndProjection {
    YearEndProjection(
      shareOfYear: shareOfYear + offset, lastYearPattern: lastYearPattern + offset,
      remainingQuarters: remainingQuarters + offset)
  }

  /// No projection.
  static let none = YearEndProjection(shareOfYear: .nan, lastYearPattern: .nan, remainingQuarters: .nan)
}
