import Dispatch
import Foundation
import ZhibiaoMonitoring
import ZhibiaoScoring

extension AssessmentGrid {
  /// The figures of the year of `monitor`'s period (monitor the fourth quarter to assess a
  /// year): for every row with a target, the actual figure in the target's measure and the
  /// annual target — the figures `MonitoringReport` rows carry, read exactly from the monitor's
  /// units.
  public init(monitor: Monitor, events: AssessmentEvents = AssessmentEvents()) {
    let targets = monitor.targets
    let places = monitor.actuals.figures.places
    self.init(
      year: targets.axis.year(ofSlot: monitor.slot), indicators: targets.indicators.map(\.id), orgs: targets.orgs,
      city: targets.indicators.map(\.city),
      places: (
        places,
        monitor.facts.indices.map {
          monitor.facts[$0].partner >= 0 ? places[monitor.facts[$0].partner] : targets.figures.places[$0]
        }
      ),
      events: events)
    load(monitor)
  }

  /// Takes every figure from `monitor` again, in place; the layout must be the monitor's. A
  /// large grid is shared out among the processors by whole indicators: each worker clears the
  /// cells of an indicator that not every org has a row of, then writes each of its rows to its
  /// own cell, the figures while the indicator's cells are still in the cache.
  mutating func load(_ monitor: Monitor) {
    precondition(indicators.count == monitor.targets.indicators.count && orgs.count == monitor.targets.orgs.count)
    let rowCount = monitor.rows.count
    let indicatorCount = indicators.count
    let orgCount = orgs.count
    let rowStart = monitor.rowStart
    let workers = rowCount >= 100_000 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16)) : 1
    // Eight chunks per processor, handed out as each finishes one, with about the same number of
    // rows in each: a processor taken by other work for a while leaves no long tail to the others.
    let chunks = workers > 1 ? 8 * workers : 1
    var bounds = [0]
    for chunk in 1..<chunks {
      let wanted = rowCount * chunk / chunks
      var i = bounds[bounds.count - 1]
      while i < indicatorCount && rowStart[i] < wanted { i += 1 }
      bounds.append(i)
    }
    bounds.append(indicatorCount)
    let chunkBounds = bounds
    actual.withUnsafeMutableBufferPointer { actual in
      target.withUnsafeMutableBufferPointer { target in
        Self.withLoading(monitor, actual: actual, target: target) { loading in
          DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for i in chunkBounds[chunk]..<chunkBounds[chunk + 1] {
              let rows = rowStart[i]..<rowStart[i + 1]
              if rows.count < orgCount { loading.clear(i * orgCount..<(i + 1) * orgCount) }
              loading.copy(rows, indicator: i)
            }
          }
        }
      }
    }
  }

  /// Runs `body` with a loading from `monitor`'s buffers into `actual` and `target`.
  private static func withLoading<Result>(
    _ monitor: Monitor, actual: UnsafeMutableBufferPointer<Int64>, target: UnsafeMutableBufferPointer<Int64>,
    _ body: (GridLoading) -> Result
  ) -> Result {
    monitor.facts.withUnsafeBufferPointer { facts in
      monitor.rowIndicator.withUnsafeBufferPointer { rowIndicator in
        monitor.rowOrg.withUnsafeBufferPointer { rowOrg in
          monitor.targets.figures.units.withUnsafeBufferPointer { targets in
            monitor.actuals.figures.units.withUnsafeBufferPointer { values in
              body(
                GridLoading(
                  actual: actual, target: target, facts: facts, rowIndicator: rowIndicator,
                  rowOrg: rowOrg, targets: targets, values: values, orgs: monitor.targets.orgs.count,
                  slots: monitor.targets.axis.count, slot: monitor.slot))
            }
          }
        }
      }
    }
  }

  /// The figure of an indicator for an org, by position, in units, as `monitor` now has it
  /// (`FigureGrid.none` for both when the row has no target): for `Assessor.update` after
  /// `Monitor.update`.
  public static func figure(_ monitor: Monitor, indicator: Int, org: Int) -> (actual: Int64, target: Int64) {
    let row = Int(monitor.rowOf[indicator * monitor.targets.orgs.count + org])
    guard row >= 0, monitor.rows[row].isActive else { return (FigureGrid.none, FigureGrid.none) }
    let none = UnsafeMutableBufferPointer<Int64>(start: nil, count: 0)
    let figure = withLoading(monitor, actual: none, target: none) { $0.figure(row: row) }
    return (figure.actual, figure.target)
  }
}

/// The buffers of one load from a monitor, handed to the workers of `AssessmentGrid.load`.
private struct GridLoading: @unchecked Sendable {
  let actual: UnsafeMutableBufferPointer<Int64>
  let target: UnsafeMutableBufferPointer<Int64>
  let facts: UnsafeBufferPointer<IndicatorFacts>
  let rowIndicator: UnsafeBufferPointer<Int32>
  let rowOrg: UnsafeBufferPointer<Int32>
  let targets: UnsafeBufferPointer<Int64>
  let values: UnsafeBufferPointer<Int64>
  let orgs: Int
  let slots: Int
  let slot: Int

  func clear(_ cells: Range<Int>) {
    guard !cells.isEmpty else { return }
    UnsafeMutableBufferPointer(rebasing: actual[cells]).update(repeating: FigureGrid.none)
    UnsafeMutableBufferPointer(rebasing: target[cells]).update(repeating: FigureGrid.none)
  }

  /// The actual figure and the annual target of each of `range`, rows of indicator `i`, with a target, as `Monitor.report`
  /// writes them, `FigureGrid.none` for both of a row without one. Whether a row has a target is
  /// read from the targets, as the monitor's evaluation decides it
  /// (`IndicatorFacts.hasTarget(in:series:slot:)`), rather than from the rows' states, which lie far apart.
  func copy(_ range: Range<Int>, indicator i: Int) {
    let fact = facts[i]
    for row in range {
      let cell = i * orgs + Int(rowOrg[row])
      let series = cell * slots
      guard fact.hasTarget(in: targets, series: series, slot: slot) else {
        actual[cell] = FigureGrid.none
        target[cell] = FigureGrid.none
        continue
      }
      (actual[cell], target[cell]) = figure(cell: cell, fact)
    }
  }

  /// The cell of `row`, its actual figure in the target's measure and its annual target.
  @inline(__always)
  func figure(row: Int) -> (cell: Int, actual: Int64, target: Int64) {
    let i = Int(rowIndicator[row])
    let cell = i * orgs + Int(rowOrg[row])
    let figure = figure(cell: cell, facts[i])
    return (cell, figure.actual, figure.target)
  }

  /// The actual figure in the target's measure and the annual target at `cell`, of an indicator
  /// whose facts are `fact`.
  @inline(__always)
  func figure(cell: Int, _ fact: IndicatorFacts) -> (actual: Int64, target: Int64) {
    let target =
      fact.partner >= 0
      ? values[(fact.partner * orgs + fact.partnerCity) * slots + slot] : targets[cell * slots + slot / 4 * 4 + 3]
    return (FigureGrid.actual(values, measure: fact.measure, series: cell * slots, slot: slot), target)
  }
}
