import ZhibiaoPlan

/// The computed state of one row (indicator × org at the monitored period). Figures that are
/// plain look-ups (the reported value, the milestone) are read again when a report is written, and
/// so are the parts of the plan-period view that follow from the period (t/n) or from its other
/// figures (R, whether x_T is met), and the points behind follow from the pace where it is a
/// number: a row takes 96 bytes (144 MB of 1.5 million rows).
package struct RowState {
  // Doubles first, then the small fields, which fill the last eight bytes.
  /// The plan-period view's p, CR_a and CR_r (`PlanPeriodView`).
  var progress = Double.nan
  var growthActual = Double.nan
  var growthRequired = Double.nan
  var expected = Double.nan
  /// The pace ρ, or where it is NaN the points behind b: one double, `paceForm` saying which.
  private var paceFigure = Double.nan
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
  private var paceForm = PaceForm.pointsBehind

  /// What the one double kept of a pace holds, and how the other figure follows from it.
  private enum PaceForm: UInt8 {
    /// ρ, with b = (1 − ρ) × 100.
    case ratio
    /// ρ, with b = 0: an amount that meets its milestone.
    case ratioOnMilestone
    /// b, with ρ NaN: a rate, or an amount with nothing due yet or without a figure.
    case pointsBehind
  }

  /// The pace ρ (`Pace.ratio`).
  var pace: Double { paceForm == .pointsBehind ? .nan : paceFigure }

  /// The points behind b (`Pace.pointsBehind`), to the bit as kept: (1 − ρ) × 100 computed again
  /// is the same double.
  var pointsBehind: Double {
    switch paceForm {
    case .ratio: (1 - paceFigure) * 100
    case .ratioOnMilestone: 0
    case .pointsBehind: paceFigure
    }
  }

  /// Keeps a pace in one double: b follows from ρ wherever ρ is a number (`Pace.amount`).
  mutating func keep(_ pace: Pace) {
    if pace.ratio.isNaN {
      paceForm = .pointsBehind
      paceFigure = pace.pointsBehind
      return
    }
    paceFigure = pace.ratio
    if pace.pointsBehind.bitPattern == ((1 - pace.ratio) * 100).bitPattern {
      paceForm = .ratio
    } else {
      precondition(pace.pointsBehind.bitPattern == 0, "a pace's points behind follow from its ratio, or are 0")
      paceForm = .ratioOnMilestone
    }
  }

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
