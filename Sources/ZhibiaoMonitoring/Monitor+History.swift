import Dispatch
import Foundation

extension Monitor {
  /// The monitoring of every quarter after the base year, as a monitor of each would give it
  /// (same targets, figures, settings and day of monitoring): each quarter's lights and flags.
  ///
  /// Indicators are shared out among the processors; each worker takes one indicator through
  /// every quarter in turn, with the same row, outlier and sum kernels as a full pass, while the
  /// indicator's figures (a few megabytes) stay in the processor's cache — instead of one pass
  /// over the whole grid per quarter.
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
            let shared = HistoryWork(evaluation: evaluation, lights: lights, flags: flagBits, active: active)
            // Indicators are taken in turn by whichever worker is free, one at a time.
            let next = NextIndicator()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
              let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: scratchSize)
              defer { scratch.deallocate() }
              let rows = UnsafeMutableBufferPointer<RowState>.allocate(capacity: max(widest, 1))
              defer { rows.deallocate() }
              var sample = SortedSample()
              while let i = next.take(below: indicatorCount) {
                let first = rowStart[i]
                guard first < rowStart[i + 1], let start = rows.baseAddress else { continue }
                // The indicator's rows, addressed by their row numbers.
                let view = UnsafeMutableBufferPointer(start: start - first, count: rowStart[i + 1])
                for slot in 4..<axis.count {
                  let evaluation = shared.evaluation.using(scratch: scratch).at(slot: slot, due: dues[slot])
                  for row in first..<rowStart[i + 1] {
                    view[row] = evaluation.evaluate(row: row, keeping: .inactive)
                  }
                  evaluation.outliersAcrossDistricts(i, rows: view, sample: &sample)
                  evaluation.sumCheck(i, rows: view, total: evaluation.districtTotal(i))
                  let base = (slot - 4) * rowCount
                  for row in first..<rowStart[i + 1] {
                    shared.lights[base + row] = view[row].status
                    shared.flags[base + row] = view[row].flags
                    shared.active[base + row] = view[row].isActive
                  }
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
