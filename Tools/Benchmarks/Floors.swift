// The floor an import is measured against: each database's own bulk loader reading the same CSV
// file into one bare table of text columns, with no check at all.
import Foundation

enum Floors {
  /// The import file's columns.
  private static let columns = ["indicator", "org", "period", "value", "unit", "note"]

  /// Milliseconds of `sqlite3 DB .import FILE` into a new table; nil without `sqlite3`.
  static func sqliteImport(_ csv: URL, into database: URL) throws -> Double? {
    guard let sqlite3 = program("sqlite3") else { return nil }
    try? FileManager.default.removeItem(at: database)
    let table = "CREATE TABLE floor (\(columns.map { "\($0) TEXT" }.joined(separator: ", ")));"
    return try timed(sqlite3, [database.path, table, ".mode csv", ".import --skip 1 \(csv.path) floor"])
  }

  /// Milliseconds of `psql URL -c '\copy …'` into a temporary table; nil without `psql`.
  static func psqlCopy(_ csv: URL, url: String) throws -> Double? {
    guard let psql = program("psql") else { return nil }
    let plain = url.components(separatedBy: "?").first ?? url
    let types = columns.map { "\($0) text" }.joined(separator: ", ")
    return try timed(
      psql,
      [
        plain, "-q", "-c", "CREATE TEMP TABLE floor (\(types))", "-c",
        "\\copy pg_temp.floor FROM '\(csv.path)' CSV HEADER",
      ])
  }

  private static func program(_ name: String) -> String? {
    ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  private static func timed(_ program: String, _ arguments: [String]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    process.waitUntilExit()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
  }
}
