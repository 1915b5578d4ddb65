import Foundation

extension KeyTask {
  /// A milestone (节点) of a key task: what counts as done, and when it falls due.
  ///
  /// The plan's dated outcomes (到2025年培育创意设计龙头领军企业10家) are due once, by a year or a
  /// quarter, and may name the indicator and the value that settle them. A task for which the plan
  /// gives no date has yearly progress (年度推进) instead, due at the end of every year of the plan
  /// and judged on evidence.
  public struct Milestone: Hashable, Sendable {
    /// Whether a milestone is a dated outcome or yearly progress.
    public enum Kind: String, Sendable, CaseIterable, Codable {
      /// A dated outcome, due once by its period.
      case outcome
      /// Yearly progress, due at the end of every year of the plan.
      case yearly

      /// The kind's name in Chinese: 节点目标 or 年度推进.
      public var zh: String {
        switch self {
        case .outcome: "节点目标"
        case .yearly: "年度推进"
        }
      }
    }

    /// Whether it is a dated outcome or yearly progress.
    public var kind: Kind
    /// The period by which a dated outcome is due (a year, or a quarter); nil for yearly progress.
    public var due: Period?
    /// What counts as done, in the plan's words.
    public var text: String
    /// The indicator that settles it, if any.
    public var indicator: IndicatorID?
    /// The indicator's value that settles it, exactly as the plan states it, in the indicator's unit.
    public var value: Decimal?
    /// Where it was defined.
    public var location: SourceLocation
    /// Where each part was written, keyed by field (`due`, `indicator`, `value`).
    public var positions: [String: SourceLocation]

    /// A dated outcome, due by `due`.
    public static func outcome(
      due: Period, text: String, indicator: IndicatorID? = nil, value: Decimal? = nil,
      location: SourceLocation, positions: [String: SourceLocation] = [:]
    ) -> Milestone {
      Milestone(
        kind: .outcome, due: due, text: text, indicator: indicator, value: value, location: location,
        positions: positions)
    }

    /// Yearly progress, due at the end of every year of the plan.
    public static func yearly(
      text: String, indicator: IndicatorID? = nil, location: SourceLocation,
      positions: [String: SourceLocation] = [:]
    ) -> Milestone {
      Milestone(
        kind: .yearly, due: nil, text: text, indicator: indicator, value: nil, location: location,
        positions: positions)
    }

    private init(
      kind: Kind, due: Period?, text: String, indicator: IndicatorID?, value: Decimal?,
      location: SourceLocation, positions: [String: SourceLocation]
    ) {
      self.kind = kind
      self.due = due
      self.text = text
      self.indicator = indicator
      self.value = value
      self.location = location
      self.positions = positions
    }

    /// The periods at which it falls due among `years`: its own period for a dated outcome (when it
    /// lies in them), the end of each year for yearly progress.
    public func dueDates(in years: Range<Int>) -> [Period] {
      switch kind {
      case .outcome: due.map { years.contains($0.year) ? [$0] : [] } ?? []
      case .yearly: years.map { Period.year($0) }
      }
    }

    /// Whether it falls due in `year`: a dated outcome in its own year, yearly progress in every year.
    public func isDue(in year: Int) -> Bool {
      switch kind {
      case .outcome: due?.year == year
      case .yearly: true
      }
    }
  }
}
