/// Whether an item of the assessment could be scored: what a scoring rule reports with its points,
/// and what a scorecard shows for each item (as `ScoredItem.Status`).
public enum AssessmentItemStatus: String, Hashable, Sendable, CaseIterable, Codable {
  /// Scored from its figures or grade.
  case scored
  /// No actual figure, no target or no grade: 0 points (for a figure not reported, under the
  /// scheme's `missing: zero`, or under `last_quarter` when no quarter was reported).
  case missing
  /// Not applicable to this org (it is not among the indicator's eligible districts): its
  /// weight is shared among the other items in proportion.
  case notApplicable = "not_applicable"
  /// Its figure was not reported and it is scored, provisionally, on the last quarter reported
  /// (the scheme's `missing: last_quarter`).
  case provisional
  /// Its figure was not reported and it is left out: its weight is shared among the other items
  /// (the scheme's `missing: reweight`).
  case excluded

  /// Whether the item's figure was not reported, whatever the scheme did about it.
  public var isUnreported: Bool { self == .provisional || self == .excluded }
}
