import Foundation
import ZhibiaoPlan

/// Derives the target book from the frozen plan and the baselines: each city target along
/// its time path, then to the districts by the indicator's rule, then to year-to-date
/// quarterly milestones. Pure: the same plan and baselines always give the same book.
public struct Decomposer: Sendable {
  /// The plan.
  public let plan: Plan
  /// Base-year figures.
  public let baselines: Baselines
  /// Year-to-date city history of a flow by year (Q1…Q4), for estimating its seasonal profile.
  public let history: @Sendable (IndicatorID) -> [Int: [Double]]

  /// Creates a decomposer; without history, flows use the configured seasonal profile.
  public init(
    plan: Plan, baselines: Baselines, history: @escaping @Sendable (IndicatorID) -> [Int: [Double]] = { _ in [:] }
  ) {
    self.plan = plan
    self.baselines = baselines
    self.history = history
  }

  /// The whole target book. An indicator that cannot be decomposed is left out and named in
  /// `problems`; the rest are still decomposed.
  public func targetBook() -> TargetBook {
    var entries: [TargetBook.Entry] = []
    var notes: [IndicatorID: [LocalizedText]] = [:]
    var problems: [DecompositionProblem] = []
    for indicator in plan.indicators where indicator.isTarget {
      do {
        var work = IndicatorDecomposition(decomposer: self, indicator: indicator)
        try work.run()
        entries += work.entries
        if !work.notes.isEmpty { notes[indicator.id] = work.notes }
      } catch {
        problems.append(
          DecompositionProblem(indicator: indicator.id, location: indicator.location, message: error.message))
      }
    }
    return TargetBook(entries: entries, notes: notes, problems: problems)
  }

  /// The years after the base year up to the target year.
  var years: Range<Int> { plan.years }

  /// The number of years from the base year to the target year.
  var span: Int { plan.targetYear - plan.baseYear }
}

/// Why one indicator could not be decomposed.
struct DecompositionFailure: Error {
  var message: String
}
