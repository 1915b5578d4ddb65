import Foundation

extension Assessor {
  /// Takes every figure from `monitor` again and assesses anew: the assessment part of a full
  /// monitoring and assessment pass.
  public mutating func recomputeAll(from monitor: Monitor) {
    grid.load(monitor)
    recomputeAll()
  }

  /// Takes the figure of an indicator for an org from `monitor` after `Monitor.update`, and
  /// recomputes what it touches. A figure that feeds a derived indicator changes that
  /// indicator's figures too: update each.
  @discardableResult
  public mutating func update(indicator: Int, org: Int, from monitor: Monitor) -> Int {
    let (actual, target) = AssessmentGrid.figure(monitor, indicator: indicator, org: org)
    return update(indicator: indicator, org: org, actual: actual, target: target)
  }
}
