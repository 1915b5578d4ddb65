// The import figures for programs to read (`--json`): one JSON object, printed last, its keys the
// names below in snake case (`rows_per_second_checked`), added to, never renamed.
import Foundation

/// The median import check and store write of one run, as rates, with the peak memory.
struct IngestFigures: Encodable {
  /// The rows of the checked import file.
  let rows: Int
  /// The median time to check them, and the rate.
  let checkSeconds: Double
  let rowsPerSecondChecked: Double

  init(rows: Int, checkSeconds: Double, rowsStored: Int, storeSeconds: Double) {
    self.rows = rows
    self.rowsStored = rowsStored
    self.checkSeconds = checkSeconds
    self.storeSeconds = storeSeconds
    rowsPerSecondChecked = Double(rows) / checkSeconds
    rowsPerSecondStored = Double(rowsStored) / storeSeconds
    var usage = rusage()
    #if canImport(Glibc)
      let read = getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0
      peakRSSBytes = read ? usage.ru_maxrss * 1024 : 0
    #else
      peakRSSBytes = getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_maxrss : 0
    #endif
  }

  /// The rows written to the store in one transaction, the median time to write them, and the rate.
  let rowsStored: Int
  let storeSeconds: Double
  let rowsPerSecondStored: Double
  /// The peak resident set size so far (getrusage's ru_maxrss: KiB on Linux, bytes on macOS).
  let peakRSSBytes: Int

  /// The figures as one line of JSON, keys in snake case and sorted.
  var json: String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
