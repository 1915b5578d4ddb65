import Foundation
import ZhibiaoMonitoring

extension Assessor {
  /// Takes every figure from `monitor` again and assesses anew: the assessment part of a full
  /// monitoring and assessment pass.
  public mutating func recomputeAll(from monitor: Monitor) {
    grid.load(monitor)
    recomputeAll()
  }

  /// Follows the last `Monitor.update`: takes again the figures of every row it evaluated — the
  /// figure set, the derived figures computed from it, the targets that read them — and
  /// recomputes what they touch. Returns the lines rescored.
  @discardableResult
  public mutating func update(from monitor: Monitor) -> Int {
    var lines = 0
    for row in monitor.lastTouchedRows {
      let (indicator, org) = (Int(monitor.rowIndicator[row]), Int(monitor.rowOrg[row]))
      let (actual, target) = AssessmentGrid.figure(monitor, indicator: indicator, org: org)
      lines += update(indicator: indicator, org: org, actual: actual, target: target)
    }
    return lines
  }
}
