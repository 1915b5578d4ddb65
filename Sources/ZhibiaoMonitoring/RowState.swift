/// The computed state of one row (indicator × org at the monitored period). Figures that are
/// plain look-ups (the reported value, the milestone) are read again when a report is written.
package struct RowState {
  // The view first: its last bytes are flags, and the small fields below fill the rest of its
  // last eight, so that a row takes 136 bytes instead of 144 (12 MB of 1.5 million rows).
  var view = PlanPeriodView.none
  package var isActive = false
  var flags: UInt16 = 0
  var status: PaceStatus = .grey
  var previous: PaceStatus?
  package var actual = Double.nan
  var expected = Double.nan
  var pace = Double.nan
  var pointsBehind = Double.nan
  var projection = YearEndProjection.none
  var growth = Double.nan
  var scoreOverTime = Double.nan
  var scoreAcrossDistricts = Double.nan

  static let inactive = RowState()

  /// The flags set by the passes over a whole indicator (not by the row's own computation).
  static let indicatorFlags = DataQualityFlag.sumMismatch.bit | DataQualityFlag.outlierAcrossDistricts.bit

  /// Whether two states are the same to the bit (NaN equal to NaN).
  func isIdentical(to other: RowState) -> Bool {
    let mine = numbers
    let theirs = other.numbers
    return isActive == other.isActive && flags == other.flags && status == other.status
      && previous == other.previous && view.category == other.view.category
      && view.growthStatus == other.view.growthStatus && view.achieved == other.view.achieved
      && mine.count == theirs.count && zip(mine, theirs).allSatisfy { $0.bitPattern == $1.bitPattern }
  }

  private var numbers: [Double] {
    [
      actual, expected, pace, pointsBehind, view.progress, view.timeElapsed, view.growthActual,
      view.growthRequired, view.growthRatio, projection.shareOfYear, projection.lastYearPattern,
      projection.remainingQuarters, growth, scoreOverTime, scoreAcrossDistricts,
    ]
  }
}
