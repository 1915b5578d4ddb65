import ZhibiaoPlan

/// The computed state of one row (indicator × org at the monitored period). Figures that are
/// plain look-ups (the reported value, the milestone) are read again when a report is written, and
/// so are the parts of the plan-period view that follow from the period (t/n) or from its other
/// figures (R, whether x_T is met): a row takes 104 bytes (156 MB of 1.5 million rows).
package struct RowState {
  // Doubles first, then the small fields, which fill the last eight bytes.
  /// The plan-period view's p, CR_a and CR_r (`PlanPeriodView`).
  var progress = Double.nan
  var growthActual = Double.nan
  var growthRequired = Double.nan
  var expected = Double.nan
  var pace = Double.nan
  var pointsBehind = Double.nan
  var projection = YearEndProjection.none
  var growth = Double.nan
  var scoreOverTime = Double.nan
  var scoreAcrossDistricts = Double.nan
  var flags: UInt16 = 0
  package var isActive = false
  var status: PaceStatus = .grey
  var previous: PaceStatus?
  /// The plan-period view's category and growth status.
  var category: MidTermCategory?
  var growthStatus: GrowthStatus?

  static let inactive = RowState()

  /// The flags set by the passes over a whole indicator (not by the row's own computation).
  static let indicatorFlags = DataQualityFlag.sumMismatch.bit | DataQualityFlag.outlierAcrossDistricts.bit

  /// Keeps the plan-period view.
  mutating func keep(_ view: PlanPeriodView) {
    progress = view.progress
    growthActual = view.growthActual
    growthRequired = view.growthRequired
    category = view.category
    growthStatus = view.growthStatus
  }

  /// The plan-period view kept, after `years` of `span` in `direction`: the view
  /// `PlanPeriodView.of` gave, to the bit.
  func view(years: Int, span: Int, direction: Indicator.Direction) -> PlanPeriodView {
    PlanPeriodView(
      progress: progress, timeElapsed: PlanPeriodView.elapsed(years: years, span: span),
      achieved: category == .achievedEarly, category: category, growthActual: growthActual,
      growthRequired: growthRequired,
      growthRatio: PlanPeriodView.ratio(actual: growthActual, required: growthRequired, direction: direction),
      growthStatus: growthStatus)
  }

  /// Whether two states are the same to the bit (NaN equal to NaN).
  func isIdentical(to other: RowState) -> Bool {
    let mine = numbers
    let theirs = other.numbers
    return isActive == other.isActive && flags == other.flags && status == other.status
      && previous == other.previous && category == other.category && growthStatus == other.growthStatus
      && mine.count == theirs.count && zip(mine, theirs).allSatisfy { $0.bitPattern == $1.bitPattern }
  }

  private var numbers: [Double] {
    [
      expected, pace, pointsBehind, progress, growthActual, growthRequired, projection.shareOfYear,
      projection.lastYearPattern, projection.remainingQuarters, growth, scoreOverTime, scoreAcrossDistricts,
    ]
  }
}
