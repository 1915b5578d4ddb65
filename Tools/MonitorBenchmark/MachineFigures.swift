// The figures of one run for programs to read (`--json`): one JSON object, printed last, its keys
// the names below in snake case (`full_pass_seconds`), added to, never renamed.
import Foundation

/// The figures of one run, in seconds and bytes.
struct MachineFigures: Encodable {
  var orgs = 0
  var indicators = 0
  var quarters = 0
  /// The reported figures in the grid.
  var observations = 0
  /// The time to write the CSV files, when they were written (`--csv`).
  var csvSeconds: Double?
  /// The median full monitoring pass followed by the full assessment pass.
  var fullPassSeconds: Double?
  /// Its median processor time, every thread's: steadier than the time elapsed on a busy machine.
  var fullPassProcessorSeconds: Double?
  var monitoringPassSeconds: Double?
  var assessmentPassSeconds: Double?
  /// The median incremental monitoring and assessment after one changed value.
  var incrementalSeconds: Double?
  var incrementalMonitoringSeconds: Double?
  var incrementalAssessmentSeconds: Double?
  /// The median time to write the monitoring report to a file as CSV, when it was written, and
  /// as JSON; their rows, sizes and the peak memory the writing added, per row.
  var reportSeconds: Double?
  var reportJSONSeconds: Double?
  var reportProcessorSeconds: Double?
  var reportJSONProcessorSeconds: Double?
  var reportRows: Int?
  var reportCSVBytes: Int?
  var reportJSONBytes: Int?
  var reportCSVAddedPeakBytesPerRow: Int?
  var reportJSONAddedPeakBytesPerRow: Int?
  /// The same reports formatted with their bytes dropped: the writer's part, without the file's.
  var reportFormattingSeconds: Double?
  var reportFormattingProcessorSeconds: Double?
  var reportJSONFormattingSeconds: Double?
  var reportJSONFormattingProcessorSeconds: Double?
  /// The processor time to write one of the report's paces, growths or scores as JSON writes it,
  /// in nanoseconds: by `ShortestDecimal`, and by the standard library's `description`.
  var shortestDigitsNanoseconds: Double?
  var standardLibraryDigitsNanoseconds: Double?
  /// The median time of the monitoring of every quarter at once, and the peak memory it added.
  var allPeriodsSeconds: Double?
  var allPeriodsProcessorSeconds: Double?
  var allPeriodsAddedPeakBytes: Int?
  /// The peak resident set size (VmHWM) before the report.
  var peakRSSBytes: Int?
  /// The peak resident set size while the report was written, when it was (VmHWM reset before).
  var peakRSSWithReportBytes: Int?
  /// Whether the incremental monitoring and assessment ended where full ones do.
  var incrementalEqualsFull: Bool?

  /// The figures as one line of JSON, keys in snake case and sorted.
  var json: String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
