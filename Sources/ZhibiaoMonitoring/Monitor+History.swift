import Dispatch
import Foundation

extension Monitor {
  /// The monitoring of every quarter after the base year, as a monitor of each would give it
  /// (same targets, figures, settings and day of monitoring): each quarter's lights and flags.
  ///
  /// Indicators are shared out among the processors. Each worker takes one indicator at a time,
  /// whose figures (a few megabytes) stay in the processor's cache: each row through every quarter
  /// in turn — its figures read once, its growth series over time kept sorted by inserting each
  /// quarter's growth instead of sorting it again — then each quarter's test across districts and
  /// sum check. The kernels are a full pass's (`MonitorEvaluation`): pace and light, the row's own
  /// flags, the modified z-scores; only what a light and a flag need is computed.
  public func history() -> MonitoringHistory {
    let axis = targets.axis
    let rowCount = rows.count
    let slotCount = max(0, axis.count - 4)
    let dues = (0..<axis.count).map { slot in
      settings.dueInstant(for: .quarter(slot % 4 + 1, of: axis.year(ofSlot: slot))).timeIntervalSinceReferenceDate
    }
    var lights = ContiguousArray(repeating: PaceStatus.grey, count: slotCount * rowCount)
    var flagBits = ContiguousArray<UInt16>(repeating: 0, count: slotCount * rowCount)
    var active = ContiguousArray(repeating: false, count: slotCount * rowCount)
    let rowStart = self.rowStart
    let indicatorCount = targets.indicators.count
    let widest = (0..<indicatorCount).map { rowStart[$0 + 1] - rowStart[$0] }.max() ?? 0
    let workers = rowCount * slotCount >= 50_000 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16)) : 1
    let scratchSize = self.scratchSize
    withEvaluationReading { evaluation in
      lights.withUnsafeMutableBufferPointer { lights in
        flagBits.withUnsafeMutableBufferPointer { flagBits in
          active.withUnsafeMutableBufferPointer { active in
            let shared = HistoryWork(
              evaluation: evaluation, lights: lights, flags: flagBits, active: active, rowCount: rowCount, dues: dues)
            let next = NextIndicator()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
              let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: scratchSize)
              defer { scratch.deallocate() }
              let growth = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, slotCount * widest))
              defer { growth.deallocate() }
              let evaluation = shared.evaluation.using(scratch: scratch)
              let sample = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, 2 * widest))
              defer { sample.deallocate() }
              while let i = next.take(below: indicatorCount) {
                let indicatorRows = rowStart[i]..<rowStart[i + 1]
                guard !indicatorRows.isEmpty else { continue }
                for row in indicatorRows {
                  shared.throughQuarters(
                    row, evaluation, scratch: scratch, growth: growth, first: indicatorRows.lowerBound)
                }
                for slot in 4..<axis.count {
                  shared.acrossDistricts(
                    i, evaluation.at(slot: slot, due: dues[slot]), rows: indicatorRows, growth: growth, sample: sample)
                }
              }
            }
          }
        }
      }
    }
    return MonitoringHistory(
      axis: axis, rowIndicator: rowIndicator, rowOrg: rowOrg, lights: lights, flagBits: flagBits, active: active)
  }
}

/// The buffers of one history, handed to its workers: each writes the rows of its own indicators.
private struct HistoryWork: @unchecked Sendable {
  let evaluation: MonitorEvaluation
  let lights: UnsafeMutableBufferPointer<PaceStatus>
  let flags: UnsafeMutableBufferPointer<UInt16>
  let active: UnsafeMutableBufferPointer<Bool>
  let rowCount: Int
  let dues: [Double]

  /// One row through every quarter from the fifth: its light and own flags, its outlier test over
  /// time, and its growth at each quarter into `growth` at `(slot − 4) × rows of the indicator +
  /// (row − first)`. `scratch` holds the sorted growth series, then the row's figures.
  func throughQuarters(
    _ row: Int, _ evaluation: MonitorEvaluation, scratch: UnsafeMutableBufferPointer<Double>,
    growth: UnsafeMutableBufferPointer<Double>, first: Int
  ) {
    let i = Int(evaluation.rowIndicator[row])
    let fact = evaluation.facts[i]
    let slots = evaluation.slots
    let cell = (i * evaluation.orgCount + Int(evaluation.rowOrg[row])) * slots
    let indicatorRows = fact.endRow - fact.firstDistrictRow + 1
    let figures = UnsafeMutableBufferPointer(rebasing: scratch[(slots + 1)...])
    evaluation.read(fact, cell: cell, through: slots - 1, into: figures)
    var series = 0
    let minimumCount = evaluation.settings.outlierMinimumCount
    for slot in 4..<slots {
      let g = MonitorEvaluation.growth(fact, now: figures[slot], before: figures[slot - 4])
      if g.isFinite {
        // Inserted in order, as a canonical double (−0 as +0).
        var hole = series
        while hole > 0 && scratch[hole - 1] > g {
          scratch[hole] = scratch[hole - 1]
          hole -= 1
        }
        scratch[hole] = g + 0
        series += 1
      }
      let at = (slot - 4) * rowCount + row
      growth[(slot - 4) * indicatorRows + row - first] = .nan
      guard evaluation.isActive(fact, cell: cell, slot: slot) else { continue }
      active[at] = true
      lights[at] = evaluation.light(
        fact, evaluation.pace(fact, i: i, cell: cell, slot: slot, figures: figures).pace.pointsBehind)
      var bits = evaluation.ownFlags(
        fact, slot: slot, due: dues[slot], value: figures[slot], previous: slot % 4 > 0 ? figures[slot - 1] : .nan,
        reported: ReportingTimes.decode(evaluation.reportedAt[cell + slot]))
      if fact.testsOutliers && g.isFinite && series >= minimumCount {
        let spread = ModifiedZScore.spread(sorted: UnsafeBufferPointer(rebasing: scratch[0..<series]), scoring: true)
        if evaluation.isOutlier(fact, g, score: ModifiedZScore.score(g, spread: spread), median: spread.median) {
          bits |= DataQualityFlag.outlierOverTime.bit
        }
      }
      flags[at] = bits
      growth[(slot - 4) * indicatorRows + row - first] = g
    }
  }

  /// The test across districts and the sum check of indicator `i` at `quarter`'s slot, on the
  /// growth `throughQuarters` left (NaN for a row without a target). `sample` holds twice the
  /// districts: their growth, as canonical doubles, and its deviations from the median; the
  /// spread is selected from them (`ModifiedZScore.scoringSpread(selecting:deviations:)`), and
  /// sorted only where selecting does not give it.
  func acrossDistricts(
    _ i: Int, _ quarter: MonitorEvaluation, rows: Range<Int>, growth: UnsafeMutableBufferPointer<Double>,
    sample: UnsafeMutableBufferPointer<Double>
  ) {
    let fact = quarter.facts[i]
    let slot = quarter.slot
    let base = (slot - 4) * rowCount
    let local = (slot - 4) * rows.count - rows.lowerBound
    let districts = fact.firstDistrictRow..<fact.endRow
    var count = 0
    if fact.testsOutliers {
      for row in districts {
        let g = growth[local + row]
        guard g.isFinite else { continue }
        sample[count] = g + 0
        count += 1
      }
    }
    let values = UnsafeMutableBufferPointer(rebasing: sample[0..<count])
    var spread: ModifiedZScore.Spread?
    if count >= quarter.settings.outlierMinimumCount {
      spread =
        ModifiedZScore.scoringSpread(
          selecting: values, deviations: UnsafeMutableBufferPointer(rebasing: sample[count..<2 * count]))
        ?? ModifiedZScore.spread(sorting: values, scoring: true)
    }
    if let spread {
      let bit = DataQualityFlag.outlierAcrossDistricts.bit
      for row in districts {
        let g = growth[local + row]
        guard g.isFinite else { continue }
        if quarter.isOutlier(fact, g, score: ModifiedZScore.score(g, spread: spread), median: spread.median) {
          flags[base + row] |= bit
        }
      }
    }
    let cityRow = fact.firstDistrictRow - 1
    if active[base + cityRow], fact.isSum, fact.endRow > fact.firstDistrictRow,
      quarter.sum(i, total: quarter.districtTotal(i)).mismatch
    {
      flags[base + cityRow] |= DataQualityFlag.sumMismatch.bit
    }
  }
}

/// The next indicator to compute, handed out once each to the workers that ask.
private final class NextIndicator: @unchecked Sendable {
  private var next = 0
  private let lock = NSLock()

  /// The next indicator below `count`; nil when every one has been taken.
  func take(below count: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }
}
