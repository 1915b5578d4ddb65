import Foundation
import ZhibiaoPlan

/// The rows of an import checked so far: where its columns are, the rows kept, and their figures.
struct CheckedRows {
  let columns: ImportColumns
  var rows: [ObservationInput] = []
  var figures: FiguresInFile

  init(header: [String], capacity: Int = 0) {
    columns = ImportColumns(header: header)
    rows.reserveCapacity(capacity)
    figures = FiguresInFile(capacity: capacity)
  }
}

/// The figures of a file by indicator, org and period, each at its row's index: the first row of
/// each key, so that a repeated key is found, and the file's own values for the checks across rows.
struct FiguresInFile {
  private struct Key: Hashable {
    var indicator: IndicatorID
    var org: OrgID
    var period: Period
  }

  private var rows: [Key: Int] = [:]

  init(capacity: Int) {
    rows.reserveCapacity(capacity)
  }

  /// The index of the row that gave `input`'s figure already, if one did.
  func index(of input: ObservationInput) -> Int? {
    rows[Key(indicator: input.indicator, org: input.org, period: input.period)]
  }

  /// Records that the row at `index` gives `input`'s figure.
  mutating func add(_ input: ObservationInput, at index: Int) {
    rows[Key(indicator: input.indicator, org: input.org, period: input.period)] = index
  }

  /// The value the file gives for a figure, taken from `inputs`, the rows the indices point into.
  func value(_ indicator: IndicatorID, _ org: OrgID, _ period: Period, in inputs: [ObservationInput]) -> Decimal? {
    rows[Key(indicator: indicator, org: org, period: period)].map { inputs[$0].value }
  }
}
