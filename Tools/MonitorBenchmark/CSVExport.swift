// Writes the generated figures and targets as CSV files for other tools, exactly: each figure as
// its units state it (`Decimal`'s digits), written as bytes without a formatter per row.
import Dispatch
import Foundation
import ZhibiaoKernel

/// Writes `observations.csv` (`indicator,org,period,value,unit,note,reported_at`, the import format
/// plus the time of reporting in UTC, ISO 8601), `targets.csv` (`indicator,org,period,target`) and
/// `indicators.csv` into `directory`. Each indicator's lines are written by one of the processors into a buffer of
/// its own and handed to the file in order.
func writeCSV(targets: MonitoringTargets, actuals: Actuals, to directory: String) throws {
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  let axis = targets.axis
  let periods = (0..<axis.count).map { Array(",\(axis.period(ofSlot: $0)),".utf8) }
  let orgs = actuals.orgs.map { Array(",\($0)".utf8) }
  let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
  try indicatorsCSV(targets: targets, actuals: actuals).write(
    toFile: (directory as NSString).appendingPathComponent("indicators.csv"), atomically: true, encoding: .utf8)
  for isTargets in [false, true] {
    let path = (directory as NSString).appendingPathComponent(isTargets ? "targets.csv" : "observations.csv")
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    let header = isTargets ? "indicator,org,period,target\n" : "indicator,org,period,value,unit,note,reported_at\n"
    try handle.write(contentsOf: Data(header.utf8))
    let figures = isTargets ? targets.figures : actuals.figures
    let lines = IndicatorLines(
      figures: figures, reportedAt: isTargets ? nil : actuals.reportedAt, indicators: targets.indicators,
      orgs: orgs, periods: periods, slots: axis.count)
    var buffers = Array(repeating: [UInt8](), count: workers)
    for first in stride(from: 0, to: targets.indicators.count, by: workers) {
      buffers.withUnsafeMutableBufferPointer { buffers in
        let shared = SharedBuffers(buffers: buffers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          shared.buffers[worker].removeAll(keepingCapacity: true)
          if first + worker < targets.indicators.count {
            lines.append(indicator: first + worker, to: &shared.buffers[worker])
          }
        }
      }
      for buffer in buffers where !buffer.isEmpty { try buffer.withUnsafeBytes { try handle.write(contentsOf: $0) } }
    }
    try handle.close()
  }
}

/// `indicators.csv`: each indicator's kind, unit, direction, measure, the decimal places of its
/// figures and targets, and the cumulative seasonal share S_q of the last quarter (empty when its
/// milestones are interpolated), which the peers need to compute the lights.
func indicatorsCSV(targets: MonitoringTargets, actuals: Actuals) -> String {
  let last = targets.axis.count - 1
  var text = "indicator,kind,unit,direction,measure,places,target_places,last_share\n"
  for (i, spec) in targets.indicators.enumerated() {
    let share = targets.shares[i * targets.axis.count + last]
    text +=
      "\(spec.id),\(spec.kind.rawValue),\(spec.unit ?? ""),\(spec.direction.rawValue),\(spec.measure.rawValue),"
      + "\(actuals.figures.places[i]),\(targets.figures.places[i]),\(share.isNaN ? "" : "\(share)")\n"
  }
  return text
}

/// The lines of one indicator's figures, every org's at every slot that has one.
private struct IndicatorLines: @unchecked Sendable {
  let figures: FigureGrid
  let reportedAt: ReportingTimes?
  let indicators: [MonitoredIndicator]
  let orgs: [[UInt8]]
  let periods: [[UInt8]]
  let slots: Int

  func append(indicator i: Int, to output: inout [UInt8]) {
    let id = Array(indicators[i].id.rawValue.utf8)
    let unit = Array(",\(indicators[i].unit ?? ""),,".utf8)
    let places = figures.places[i]
    let none = ContiguousArray<UInt32>()
    figures.units.withUnsafeBufferPointer { figures in
      (reportedAt?.stored ?? none).withUnsafeBufferPointer { reportedAt in
        for (o, org) in orgs.enumerated() {
          for slot in 0..<slots {
            let index = (i * orgs.count + o) * slots + slot
            let units = figures[index]
            guard units != FigureGrid.none else { continue }
            output.append(contentsOf: id)
            output.append(contentsOf: org)
            output.append(contentsOf: periods[slot])
            NumberText.appendDecimal(units, places: places, to: &output)
            if !reportedAt.isEmpty {
              output.append(contentsOf: unit)
              let at = ReportingTimes.decode(reportedAt[index])
              if !at.isNaN { Self.appendInstant(at, to: &output) }
            }
            output.append(0x0A)
          }
        }
      }
    }
  }

  /// Appends an instant in seconds since 2001 as ISO 8601 in UTC, `2025-01-20T16:00:00Z`, as
  /// `ISO8601DateFormatter` writes it (whole seconds, rounded down): the civil date by Howard
  /// Hinnant's `civil_from_days`.
  static func appendInstant(_ seconds: Double, to output: inout [UInt8]) {
    let total = Int((seconds + 978_307_200).rounded(.down))
    let (dayNumber, secondOfDay) = total.quotientAndRemainder(dividingBy: 86_400)
    let days = (secondOfDay < 0 ? dayNumber - 1 : dayNumber) + 719_468
    let second = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int) {
      output.append(UInt8(ascii: "0") + UInt8(value / 10))
      output.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
    two(year / 100)
    two(year % 100)
    output.append(UInt8(ascii: "-"))
    two(month)
    output.append(UInt8(ascii: "-"))
    two(day)
    output.append(UInt8(ascii: "T"))
    two(second / 3600)
    output.append(UInt8(ascii: ":"))
    two(second / 60 % 60)
    output.append(UInt8(ascii: ":"))
    two(second % 60)
    output.append(UInt8(ascii: "Z"))
  }
}

/// The buffers of one round of indicators, each written by its own worker.
private struct SharedBuffers: @unchecked Sendable {
  let buffers: UnsafeMutableBufferPointer<[UInt8]>
}
