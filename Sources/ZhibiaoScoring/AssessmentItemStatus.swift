/// Whether an item of the assessment could be scored: what a scoring rule reports with its points,
/// and what a scorecard shows for each item (as `ScoredItem.Status`).
public enum AssessmentItemStatus: String, Hashable, Sendable, CaseIterable, Codable {
  /// Scored from its figures or grade.
  case scored
  /// No actual figure, no target or no grade: 0 points.
  case missing
  /// Not applicable to this org (it is not among the indicator's eligible districts): its
  /// weight is shared among the other items in proportion.
  case notApplicable = "not_applicable"
}
