import Dispatch
import Foundation
import ZhibiaoMonitoring
import ZhibiaoScoring

extension AssessmentGrid {
  /// The figures of the year of `monitor`'s period (monitor the fourth quarter to assess a
  /// year): for every row with a target, the actual figure in the target's measure and the
  /// annual target — the figures `MonitoringReport` rows carry, read straight from the monitor's
  /// arrays.
  public init(monitor: Monitor, events: AssessmentEvents = AssessmentEvents()) {
    let targets = monitor.targets
    self.init(
      year: targets.axis.year(ofSlot: monitor.slot), indicators: targets.indicators.map(\.id), orgs: targets.orgs,
      city: targets.indicators.map(\.city), events: events)
    load(monitor)
  }

  /// Takes every figure from `monitor` again, in place; the layout must be the monitor's. A
  /// large grid is shared out among the processors: first the cells are cleared, then each
  /// worker copies its range of rows, every row to its own cell.
  mutating func load(_ monitor: Monitor) {
    precondition(indicators.count == monitor.targets.indicators.count && orgs.count == monitor.targets.orgs.count)
    let rowCount = monitor.rows.count
    let cellCount = actual.count
    let workers = rowCount >= 100_000 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16)) : 1
    actual.withUnsafeMutableBufferPointer { actual in
      target.withUnsafeMutableBufferPointer { target in
        monitor.rows.withUnsafeBufferPointer { rows in
          monitor.facts.withUnsafeBufferPointer { facts in
            monitor.rowIndicator.withUnsafeBufferPointer { rowIndicator in
              monitor.rowOrg.withUnsafeBufferPointer { rowOrg in
                monitor.targets.values.withUnsafeBufferPointer { targets in
                  monitor.actuals.values.withUnsafeBufferPointer { values in
                    let loading = GridLoading(
                      actual: actual, target: target, rows: rows, facts: facts, rowIndicator: rowIndicator,
                      rowOrg: rowOrg, targets: targets, values: values, orgs: monitor.targets.orgs.count,
                      slots: monitor.targets.axis.count, slot: monitor.slot)
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                      loading.clear(cellCount * worker / workers..<cellCount * (worker + 1) / workers)
                    }
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                      loading.copy(rowCount * worker / workers..<rowCount * (worker + 1) / workers)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The figure of an indicator for an org, by position, as `monitor` now has it (NaN for both
  /// when the row has no target): for `Assessor.update` after `Monitor.update`.
  public static func figure(_ monitor: Monitor, indicator: Int, org: Int) -> (actual: Double, target: Double) {
    let row = Int(monitor.rowOf[indicator * monitor.targets.orgs.count + org])
    guard row >= 0, monitor.rows[row].isActive else { return (.nan, .nan) }
    return figure(monitor, row: row)
  }

  /// The actual figure and the annual target of an active row, as `Monitor.report` writes them.
  static func figure(_ monitor: Monitor, row: Int) -> (actual: Double, target: Double) {
    let i = Int(monitor.rowIndicator[row])
    let o = Int(monitor.rowOrg[row])
    let fact = monitor.facts[i]
    let orgs = monitor.targets.orgs.count
    let slots = monitor.targets.axis.count
    let slot = monitor.slot
    let annual =
      fact.partner >= 0
      ? monitor.actuals.values[(fact.partner * orgs + fact.partnerCity) * slots + slot]
      : monitor.targets.values[(i * orgs + o) * slots + slot / 4 * 4 + 3]
    return (monitor.rows[row].actual, annual)
  }
}

/// The buffers of one load from a monitor, handed to the workers of `AssessmentGrid.load`.
private struct GridLoading: @unchecked Sendable {
  let actual: UnsafeMutableBufferPointer<Double>
  let target: UnsafeMutableBufferPointer<Double>
  let rows: UnsafeBufferPointer<RowState>
  let facts: UnsafeBufferPointer<IndicatorFacts>
  let rowIndicator: UnsafeBufferPointer<Int32>
  let rowOrg: UnsafeBufferPointer<Int32>
  let targets: UnsafeBufferPointer<Double>
  let values: UnsafeBufferPointer<Double>
  let orgs: Int
  let slots: Int
  let slot: Int

  func clear(_ cells: Range<Int>) {
    guard !cells.isEmpty else { return }
    UnsafeMutableBufferPointer(rebasing: actual[cells]).update(repeating: .nan)
    UnsafeMutableBufferPointer(rebasing: target[cells]).update(repeating: .nan)
  }

  /// The actual figure and the annual target of each active row, as `Monitor.report` writes them.
  func copy(_ range: Range<Int>) {
    let year = slot / 4 * 4 + 3
    for row in range where rows[row].isActive {
      let i = Int(rowIndicator[row])
      let cell = i * orgs + Int(rowOrg[row])
      let partner = facts[i].partner
      actual[cell] = rows[row].actual
      target[cell] =
        partner >= 0 ? values[(partner * orgs + facts[i].partnerCity) * slots + slot] : targets[cell * slots + year]
    }
  }
}
