import ZhibiaoKernel

/// Everything a report is built from — computed by the caller from the plan, the target book and
/// the store — so that building the report is a pure function of its inputs.
public struct ReportInputs: Sendable {
  /// What the report covers.
  public enum Scope: Hashable, Sendable {
    /// The quarterly monitoring report (季度监测报告), year to date through the quarter.
    case quarter(Period)
    /// The annual development report (年度发展报告).
    case year(Int)

    /// The period monitored: the quarter, or the year's 1–12月.
    public var period: Period {
      switch self {
      case .quarter(let period): period
      case .year(let year): .quarter(4, of: year)
      }
    }
  }

  /// A district's place on the tile map (0-based, row 0 to the north).
  public struct TilePosition: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
      self.row = row
      self.column = column
    }
  }

  /// The assessment the report shows.
  public struct Assessment: Sendable {
    public var result: AssessmentResult
    public var scheme: AssessmentScheme
    public var view: AssessmentConsolidatedView
    /// Whether it scores year-to-date figures against year-to-date milestones (a quarter's
    /// provisional standing) rather than the year's figures against the year's targets.
    public var provisional: Bool

    public init(
      result: AssessmentResult, scheme: AssessmentScheme, view: AssessmentConsolidatedView, provisional: Bool
    ) {
      self.result = result
      self.scheme = scheme
      self.view = view
      self.provisional = provisional
    }
  }

  public var plan: Plan
  public var book: TargetBook
  public var scope: Scope
  /// Monitoring at the scope's period.
  public var monitoring: MonitoringReport
  /// Monitoring at the end of each plan year (1–12月) up to the target year, for the paths of
  /// the headline indicators; years without figures have no actuals.
  public var yearEnds: [MonitoringReport]
  public var assessment: Assessment?
  /// Where each district sits on the tile map; districts without a place are laid out in a grid.
  public var tiles: [OrgID: TilePosition]
  /// What the title calls the subject, e.g. 杭州市生产性服务业; the plan's name when nil.
  public var subject: LocalizedText?
  /// A line shown at the top of every page, e.g. that the figures are illustrative.
  public var caveat: LocalizedText?
  /// The day the figures were read (`YYYY-MM-DD`).
  public var asOf: String?
  /// The progress reports sent on the plan's key tasks.
  public var taskReports: [TaskStanding.Report] = []
  /// The supervision notices as of that day; the report summarises those of its period's year.
  public var notices: [Notice] = []

  public init(
    plan: Plan, book: TargetBook, scope: Scope, monitoring: MonitoringReport, yearEnds: [MonitoringReport],
    assessment: Assessment?, tiles: [OrgID: TilePosition] = [:], subject: LocalizedText? = nil,
    caveat: LocalizedText? = nil, asOf: String? = nil
  ) {
    self.plan = plan
    self.book = book
    self.scope = scope
    self.monitoring = monitoring
    self.yearEnds = yearEnds
    self.assessment = assessment
    self.tiles = tiles
    self.subject = subject
    self.caveat = caveat
    self.asOf = asOf
  }
}
