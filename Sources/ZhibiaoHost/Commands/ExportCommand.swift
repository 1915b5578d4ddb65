import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao export`: observations or registers as CSV (UTF-8 with BOM, for Excel) or JSON.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "导出实际值或名录 (export observations or registers as CSV or JSON).")

  /// What to export.
  enum Subject: String, ExpressibleByArgument, CaseIterable {
    case observations, registers
  }

  @Argument(help: "observations | registers")
  var subject: Subject = .observations

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "csv | json")
  var format: OutputFormat = .csv

  @Option(name: .long, help: "写入文件 (write to this file instead of standard output).")
  var out: String?

  @OptionGroup var force: ForceOption

  func run() async throws {
    guard format == .csv || format == .json else { throw ValidationError("export writes csv or json") }
    let plan = try CommandPlan.load(options)
    if let out { try OutputFile.check(out, store: self.store, force: force.force) }
    let store = try await self.store.openExisting()
    let text: String
    switch subject {
    case .observations:
      text = await ObservationExport(plan: plan, records: try store.observations(plan: plan.id)).render(format)
    case .registers:
      text = await RegisterExport(entries: try store.registerEntries(plan: plan.id, register: nil)).render(format)
    }
    // Excel reads a CSV as UTF-8 only when it starts with a byte order mark.
    let output = format == .csv ? "\u{FEFF}" + text : text
    if let out {
      try Data(output.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } else {
      print(output, terminator: "")
    }
  }
}

/// Observations as rows: the import layout plus status, revision and who reported them
/// (``ObservationTable``, which the web app's downloads write too).
struct ObservationExport {
  let plan: Plan
  let records: [ObservationRecord]

  func render(_ format: OutputFormat) -> String {
    DataTable(
      columns: ObservationTable.columns, rows: ObservationTable(plan: plan, records: records).rows,
      numeric: ObservationTable.numeric
    ).render(format)
  }
}

/// Register entries as rows, in the import layout.
struct RegisterExport {
  let entries: [RegisterEntry]

  func render(_ format: OutputFormat) -> String {
    let rows = entries.map {
      [
        $0.register.rawValue, $0.name, $0.org.rawValue, $0.level, $0.recognisedOn, $0.evidence ?? "",
        $0.withdrawnOn ?? "", $0.withdrawal?.zh ?? "",
      ]
    }
    return DataTable(columns: RegisterImport.columns, rows: rows, numeric: []).render(format)
  }
}

/// Rows of text under column keys, written as CSV or as JSON objects (numbers unquoted).
struct DataTable {
  let columns: [String]
  let rows: [[String]]
  let numeric: Set<String>

  func render(_ format: OutputFormat) -> String {
    if format == .json {
      let objects = rows.map { row -> [String: Any] in
        var object: [String: Any] = [:]
        for (column, value) in zip(columns, row) {
          if numeric.contains(column), let number = Decimal(string: value, locale: nil) {
            object[column] = NSDecimalNumber(decimal: number)
          } else {
            object[column] = value.isEmpty ? NSNull() : value
          }
        }
        return object
      }
      let data =
        (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys]))
        ?? Data("[]".utf8)
      return String(decoding: data, as: UTF8.self) + "\n"
    }
    return Listing(columns: columns.map { Listing.Column(key: $0, heading: $0) }, rows: rows).render(.csv)
  }
}
