import Foundation
import ZhibiaoPlan

/// One row of the monitoring report: an indicator for an org at a period. Figures are in the
/// indicator's unit; nil where a figure cannot be given. The value, the actual, the milestone,
/// the annual target and the gap are exact decimals, written with the digits stored; the ratios
/// and projections computed from them are doubles. JSON keys are stable (snake case, as the
/// issue names them): fields are added, never renamed.
public struct MonitoringRow: Hashable, Sendable, Encodable {
  /// The year-end projection range of a flow (`YearEndProjection`).
  public struct Projection: Hashable, Sendable, Encodable {
    /// C_q / S_q.
    public var shareOfYear: Double?
    /// Y_{y−1} · C_q / C_{q,y−1}.
    public var lastYearPattern: Double?
    /// C_q + (Y_{y−1} − C_{q,y−1}) · c_q / c_{q,y−1}.
    public var remainingQuarters: Double?
    /// The lowest of the three.
    public var low: Double?
    /// The highest of the three.
    public var high: Double?

    enum CodingKeys: String, CodingKey {
      case shareOfYear = "share_of_year"
      case lastYearPattern = "last_year_pattern"
      case remainingQuarters = "remaining_quarters"
      case low, high
    }

    /// Encodes every key, null where there is no figure.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(shareOfYear, forKey: .shareOfYear)
      try container.encode(lastYearPattern, forKey: .lastYearPattern)
      try container.encode(remainingQuarters, forKey: .remainingQuarters)
      try container.encode(low, forKey: .low)
      try container.encode(high, forKey: .high)
    }
  }

  /// The last figure an org reported in the same year before the monitored quarter, kept on a row
  /// that has no figure of its own: what a provisional assessment can read instead.
  public struct LastReported: Hashable, Sendable, Encodable {
    /// The quarter reported, year to date (`2024Q3` is 1–9月).
    public var period: Period
    /// The figure reported.
    public var value: Decimal
    /// The figure in the target's measure, as `MonitoringRow.actual` states it.
    public var actual: Decimal
    /// The cumulative seasonal share S_p of that quarter, for a flow with a seasonal profile; nil
    /// otherwise.
    public var seasonalShare: Decimal?

    /// Creates the figure.
    public init(period: Period, value: Decimal, actual: Decimal, seasonalShare: Decimal?) {
      self.period = period
      self.value = value
      self.actual = actual
      self.seasonalShare = seasonalShare
    }

    enum CodingKeys: String, CodingKey {
      case period, value
      case actual = "actual_ytd"
      case seasonalShare = "seasonal_share"
    }

    /// Encodes every key, null where there is no share.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(period.description, forKey: .period)
      try container.encode(value, forKey: .value)
      try container.encode(actual, forKey: .actual)
      try container.encode(seasonalShare, forKey: .seasonalShare)
    }
  }

  /// The indicator.
  public var indicator: IndicatorID
  /// Its domain, for filtering (`--domain`); nil for a plan-level indicator.
  public var domain: DomainID?
  /// The org: a district, or the owner bureau for the city figure.
  public var org: OrgID
  /// Whether this is the city figure.
  public var isCity: Bool
  /// The period, year to date.
  public var period: Period
  /// The indicator's unit.
  public var unit: String?
  /// The indicator's kind.
  public var kind: Indicator.Kind
  /// What the target measures (a level, an increase since the base year …).
  public var measure: Target.Measure
  /// The figure reported (or derived, or counted from a register) for the period.
  public var value: Decimal?
  /// The actual year to date in the target's measure (the value; less the base year's for an
  /// increase; plus the earlier years' for a cumulative addition).
  public var actual: Decimal?
  /// The year-to-date milestone from the target book (for a parity, the partner's city figure).
  public var milestone: Decimal?
  /// The annual target of the period's year.
  public var annualTarget: Decimal?
  /// actual − milestone.
  public var gap: Decimal?
  /// The cumulative seasonal share S_q the target book used; nil for an interpolated milestone.
  public var seasonalShare: Double?
  /// What the pace compares the actual with (annual target × S_q, or the milestone).
  public var expected: Double?
  /// ρ, the pace of an amount (0.82 is 82 %); nil for a rate.
  public var pace: Double?
  /// Points behind pace that the bands judge: (1 − ρ) × 100 for amounts, percentage points for
  /// rates; ≤ 0 when on pace.
  public var pointsBehind: Double?
  /// The traffic light.
  public var status: PaceStatus
  /// The previous period's light; nil when it had no target.
  public var previousStatus: PaceStatus?
  /// The change of light since the previous period.
  public var statusChange: PaceChange
  /// 目标一致法 progress (x_t − x_0)/(x_T − x_0) at the latest year-end.
  public var progress: Double?
  /// Time elapsed t/n at the latest year-end.
  public var timeElapsed: Double?
  /// The mid-term category.
  public var midTerm: MidTermCategory?
  /// CR_a, the actual compound annual growth since the base year.
  public var growthActual: Double?
  /// CR_r, the compound annual growth the target requires.
  public var growthRequired: Double?
  /// R = d·CR_a/|CR_r|.
  public var growthRatio: Double?
  /// Open SDG's status of R.
  public var growthStatus: GrowthStatus?
  /// The year-end projection of a flow; nil for other kinds.
  public var projection: Projection?
  /// Year-on-year growth of the value (a change in percentage points for a rate).
  public var yoyGrowth: Double?
  /// The modified z-score of `yoyGrowth` among the districts.
  public var scoreAcrossDistricts: Double?
  /// The modified z-score of `yoyGrowth` against the org's own earlier growth.
  public var scoreOverTime: Double?
  /// The day the figure was reported (`YYYY-MM-DD`), when known.
  public var reportedOn: String?
  /// The last day the figure was due (`YYYY-MM-DD`).
  public var dueDay: String
  /// Whether the figure is in: reported, late, not yet due, or 未报 once its due day has passed.
  public var reporting: ReportingState
  /// For a row without a figure, the last one reported in the same year before it.
  public var lastReported: LastReported?
  /// The data-quality flags.
  public var flags: [DataQualityFlag]
  /// Every warning with its reason: the light when yellow or red, then each flag.
  public var warnings: [MonitoringWarning]
  /// For a count of a register whose reported figure differs from the register's count, the two
  /// figures and the names behind them; nil otherwise (and then left out of JSON).
  public var registerDisagreement: RegisterDisagreement?

  /// The reporting state with its due day, "未报（截止 2025-01-20）", for a row whose figure is not
  /// in on time; nil when it is.
  public var reportingNote: LocalizedText? { reporting.note(dueDay: dueDay) }

  /// Whether its pace is a gap in percentage points (`pointsBehind`) rather than a ratio (`pace`).
  public var isRate: Bool { MonitoredIndicator.isRate(kind: kind, measure: measure) }

  enum CodingKeys: String, CodingKey {
    case indicator, domain, org
    case isCity = "is_city"
    case period, unit, kind, measure, value
    case actual = "actual_ytd"
    case milestone = "milestone_ytd"
    case annualTarget = "annual_target"
    case gap
    case seasonalShare = "seasonal_share"
    case expected, pace
    case pointsBehind = "points_behind"
    case status
    case previousStatus = "previous_status"
    case statusChange = "status_change"
    case progress
    case timeElapsed = "time_elapsed"
    case midTerm = "mid_term"
    case growthActual = "growth_actual"
    case growthRequired = "growth_required"
    case growthRatio = "growth_ratio"
    case growthStatus = "growth_status"
    case projection
    case yoyGrowth = "yoy_growth"
    case scoreAcrossDistricts = "score_across_districts"
    case scoreOverTime = "score_over_time"
    case reportedOn = "reported_on"
    case dueDay = "due_day"
    case reporting
    case reportingNote = "reporting_note"
    case lastReported = "last_reported"
    case flags, warnings
    case registerDisagreement = "register_disagreement"
  }

  /// Encodes every key in a stable order, null where there is no figure.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(indicator, forKey: .indicator)
    try container.encode(domain, forKey: .domain)
    try container.encode(org, forKey: .org)
    try container.encode(isCity, forKey: .isCity)
    try container.encode(period.description, forKey: .period)
    try container.encode(unit, forKey: .unit)
    try container.encode(kind, forKey: .kind)
    try container.encode(measure, forKey: .measure)
    try container.encode(value, forKey: .value)
    try container.encode(actual, forKey: .actual)
    try container.encode(milestone, forKey: .milestone)
    try container.encode(annualTarget, forKey: .annualTarget)
    try container.encode(gap, forKey: .gap)
    try container.encode(seasonalShare, forKey: .seasonalShare)
    try container.encode(expected, forKey: .expected)
    try container.encode(pace, forKey: .pace)
    try container.encode(pointsBehind, forKey: .pointsBehind)
    try container.encode(status, forKey: .status)
    try container.encode(previousStatus, forKey: .previousStatus)
    try container.encode(statusChange, forKey: .statusChange)
    try container.encode(progress, forKey: .progress)
    try container.encode(timeElapsed, forKey: .timeElapsed)
    try container.encode(midTerm, forKey: .midTerm)
    try container.encode(growthActual, forKey: .growthActual)
    try container.encode(growthRequired, forKey: .growthRequired)
    try container.encode(growthRatio, forKey: .growthRatio)
    try container.encode(growthStatus, forKey: .growthStatus)
    try container.encode(projection, forKey: .projection)
    try container.encode(yoyGrowth, forKey: .yoyGrowth)
    try container.encode(scoreAcrossDistricts, forKey: .scoreAcrossDistricts)
    try container.encode(scoreOverTime, forKey: .scoreOverTime)
    try container.encode(reportedOn, forKey: .reportedOn)
    try container.encode(dueDay, forKey: .dueDay)
    try container.encode(reporting, forKey: .reporting)
    try container.encode(reportingNote, forKey: .reportingNote)
    try container.encode(lastReported, forKey: .lastReported)
    try container.encode(flags, forKey: .flags)
    try container.encode(warnings, forKey: .warnings)
    try container.encodeIfPresent(registerDisagreement, forKey: .registerDisagreement)
  }
}
