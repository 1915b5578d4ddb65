import Foundation
import ZhibiaoKernel
import ZhibiaoPostgres
import ZhibiaoSQLite
import ZhibiaoStore

/// Writing a submission of many rows to each store, against the floor of each database's own
/// bulk loader (`sqlite3 .import`, `psql \copy`) reading the same rows from a CSV file.
struct StoreBenchmark {
  var rows: [ObservationInput]
  var plan: PlanID
  var postgres: String?
  var folder: URL

  /// Runs the writes and the floors, printing each; returns the SQLite write times.
  func run() async throws -> [Double] {
    let submission = Submission(
      plan: plan, submitter: "bureau.drc", role: .commission, source: "bench.csv", time: Date(), rows: rows)
    let csv = folder.appendingPathComponent("rows.csv")
    try Self.csv(rows).write(to: csv, atomically: true, encoding: .utf8)
    let count = rows.count

    var sqlite: [Double] = []
    for attempt in 0..<3 {
      let store = try SQLiteStore(path: folder.appendingPathComponent("bench-\(attempt).sqlite").path)
      sqlite.append(try await milliseconds { _ = try await store.submit(submission) })
    }
    report("store rows: SQLite", sqlite.sorted(), detail: rate(count, sqlite))
    if let floor = try Self.sqliteImport(csv, into: folder.appendingPathComponent("floor.sqlite")) {
      report("floor: sqlite3 .import", [floor], detail: rate(count, [floor]))
    }

    guard let postgres else {
      print("  (PostgreSQL: give --postgres URL or ZHIBIAO_POSTGRES_URL to measure it)")
      return sqlite
    }
    var shared: [Double] = []
    for _ in 0..<3 {
      let schema = "bench_" + UUID().uuidString.prefix(8).lowercased()
      try await PostgresAdmin.execute("CREATE SCHEMA \(schema)", url: postgres)
      let store = try await PostgresStore(url: postgres + (postgres.contains("?") ? "&" : "?") + "schema=\(schema)")
      shared.append(try await milliseconds { _ = try await store.submit(submission) })
      store.close()
      try await PostgresAdmin.execute("DROP SCHEMA \(schema) CASCADE", url: postgres)
    }
    report("store rows: PostgreSQL", shared.sorted(), detail: rate(count, shared))
    if let floor = try Self.psqlCopy(csv, url: postgres) {
      report("floor: psql \\copy", [floor], detail: rate(count, [floor]))
    }
    return sqlite
  }

  private func rate(_ count: Int, _ times: [Double]) -> String {
    "\(Int(Double(count) / median(times.sorted()) * 1000)) rows/s"
  }

  /// The rows as the observation table's columns, in CSV.
  static func csv(_ rows: [ObservationInput]) -> String {
    var text = ""
    text.reserveCapacity(rows.count * 80)
    for row in rows {
      text +=
        "bench,\(row.indicator),\(row.org),\(row.period.year),\(row.period.quarter ?? 0),\(row.value),submitted,1,"
      text += "bureau.drc,2025-01-01T00:00:00.000Z,bench.csv,,0\n"
    }
    return text
  }

  private static let columns =
    "plan, indicator, org, year, quarter, value, status, revision, reported_by, reported_at, source, note, changed"

  static func sqliteImport(_ csv: URL, into database: URL) throws -> Double? {
    guard let sqlite3 = program("sqlite3") else { return nil }
    let table = "CREATE TABLE floor (\(columns.replacingOccurrences(of: ",", with: " TEXT,")) TEXT);"
    return try timed(sqlite3, [database.path, table, ".mode csv", ".import \(csv.path) floor"])
  }

  static func psqlCopy(_ csv: URL, url: String) throws -> Double? {
    guard let psql = program("psql") else { return nil }
    let plain = url.components(separatedBy: "?").first ?? url
    let table = "pg_temp.floor"
    let types = columns.components(separatedBy: ", ").map { "\($0) text" }.joined(separator: ", ")
    return try timed(
      psql, [plain, "-q", "-c", "CREATE TEMP TABLE floor (\(types))", "-c", "\\copy \(table) FROM '\(csv.path)' CSV"])
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
