// The import figures for programs to read (`--json`): one JSON object, printed last, its keys the
// names below in snake case (`rows_per_second_checked`), added to, never renamed.
import Foundation

/// The median end-to-end import of one run, as rates, with the peak memory.
struct IngestFigures: Encodable {
  /// One backend's import: the whole of it (reading, every check, the store write) and the store
  /// write alone, with the peak memory of an import and the floor of the database's bulk loader.
  struct Backend: Encodable {
    let rowsPerSecondStored: Double
    let importSeconds: Double
    let submitSeconds: Double
    let rowsPerSecondSubmitted: Double
    /// This process's processor time of an import (a PostgreSQL server's own is not counted).
    let processorSeconds: Double
    let peakRSSBytes: Int?
    let floorSeconds: Double?
    let floorRowsPerSecond: Double?

    init(rows: Int, _ stored: IngestBenchmark.Stored) {
      importSeconds = stored.importSeconds
      submitSeconds = stored.submitSeconds
      rowsPerSecondStored = Double(rows) / stored.importSeconds
      rowsPerSecondSubmitted = Double(rows) / stored.submitSeconds
      processorSeconds = stored.processorSeconds
      peakRSSBytes = stored.peakBytes
      floorSeconds = stored.floorSeconds
      floorRowsPerSecond = stored.floorSeconds.map { Double(rows) / $0 }
    }
  }

  /// The rows of the import file.
  let rows: Int
  /// The median time to read and check them, and the rate.
  let checkSeconds: Double
  let rowsPerSecondChecked: Double
  /// The processor time of a check.
  let checkProcessorSeconds: Double
  /// The rate of the whole import into SQLite, the default store (also under `sqlite`).
  let rowsPerSecondStored: Double
  /// The highest peak resident set size (VmHWM) of the import's stages, each of which starts a
  /// new peak, and that of the checks alone.
  let peakRSSBytes: Int?
  let checkPeakRSSBytes: Int?
  /// Each backend's figures; `postgres` only when a server was given.
  let sqlite: Backend
  let postgres: Backend?
  /// A workbook read into an import table, when one was measured.
  let workbook: WorkbookBenchmark.Figures?

  init(rows: Int, _ figures: IngestBenchmark.Figures, workbook: WorkbookBenchmark.Figures? = nil) {
    self.workbook = workbook
    self.rows = rows
    checkSeconds = figures.checkSeconds
    rowsPerSecondChecked = Double(rows) / figures.checkSeconds
    checkProcessorSeconds = figures.checkProcessorSeconds
    rowsPerSecondStored = Double(rows) / figures.sqlite.importSeconds
    peakRSSBytes = [figures.checkPeakBytes, figures.sqlite.peakBytes, figures.postgres?.peakBytes].compactMap { $0 }
      .max()
    checkPeakRSSBytes = figures.checkPeakBytes
    sqlite = Backend(rows: rows, figures.sqlite)
    postgres = figures.postgres.map { Backend(rows: rows, $0) }
  }

  /// The figures as one line of JSON, keys in snake case and sorted.
  var json: String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
