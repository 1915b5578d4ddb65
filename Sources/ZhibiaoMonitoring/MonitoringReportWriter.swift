import Foundation
import ZhibiaoPlan
import ZhibiaoTargets

/// Writes a monitor's report as it goes, row by row, as CSV (`MonitoringReport.csv`) or as JSON
/// (the bytes of `JSONEncoder` with sorted keys over `report()`), into a sink that takes the
/// bytes in order: no row is built as a `MonitoringRow`, and no more than the text of a ring of
/// chunks is held at a time (four chunks of 2,048 rows per processor), so that a report of a
/// million rows needs a few tens of megabytes beside the monitor. Rows are written in chunks that
/// a worker on each processor formats while the chunks before are handed on, in order
/// (`ReportPipeline`).
public struct MonitoringReportWriter: Sendable {
  /// How the report is written.
  public enum Format: String, Sendable, CaseIterable {
    case csv
    case json
  }

  /// The monitor whose report is written.
  public let monitor: Monitor
  /// The issued target version the rows were measured against, for JSON's `targets`.
  public var targets: TargetCitation?

  /// Rows formatted by one worker before its text is handed on.
  package static let chunkRows = 2_048

  /// A writer of `monitor`'s report.
  public init(monitor: Monitor, targets: TargetCitation? = nil) {
    self.monitor = monitor
    self.targets = targets
  }

  /// Writes the report in `format`, handing `sink` the bytes in order, in pieces of up to a few
  /// megabytes. Returns the number of rows written.
  @discardableResult
  public func write(_ format: Format, to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Int {
    let context = ReportLineText(monitor: monitor)
    var head: [UInt8] = []
    switch format {
    case .csv:
      head = Array((MonitoringReport.csvColumns.joined(separator: ",") + "\n").utf8)
    case .json:
      head.append(contentsOf: #"{"as_of":"#.utf8)
      ReportText.appendJSON(context.asOf, to: &head)
      head.append(contentsOf: #","period":"#.utf8)
      ReportText.appendJSON(monitor.period.description, to: &head)
      head.append(contentsOf: #","rows":["#.utf8)
    }
    try head.withUnsafeBytes(sink)

    let rowCount = monitor.rows.count
    let workers = rowCount >= 4 * Self.chunkRows ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
    let pipeline = ReportPipeline(text: context, format: format, workers: workers, chunkRows: Self.chunkRows)
    var written = 0
    try pipeline.run { bytes, rows in
      guard !bytes.isEmpty else { return }
      // Every JSON row is written after a comma; the first of the report is not.
      let skip = format == .json && written == 0 ? 1 : 0
      try sink(UnsafeRawBufferPointer(rebasing: bytes[skip...]))
      written += rows
    }

    if format == .json {
      var tail = Array(#"],"targets":"#.utf8)
      if let targets { ReportText.appendEncoded(targets, to: &tail) } else { tail.append(contentsOf: "null".utf8) }
      tail.append(UInt8(ascii: "}"))
      try tail.withUnsafeBytes(sink)
    }
    return written
  }

  /// Writes the report in `format` to `handle` as it goes. Returns the number of rows written.
  @discardableResult
  public func write(_ format: Format, to handle: FileHandle) throws -> Int {
    try write(format) { bytes in try handle.write(contentsOf: bytes) }
  }
}
