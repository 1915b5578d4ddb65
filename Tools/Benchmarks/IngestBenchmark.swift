// An import of a million figures the way `zhibiao ingest FILE` makes it: the file's bytes read and
// decoded, every check against the plan and the store, the review workflow's refusals, then the
// submission in one transaction — on SQLite and on PostgreSQL — against the floor of each
// database's own bulk loader reading the same file into one bare table.
import Foundation
import ZhibiaoKernel
import ZhibiaoPostgres
import ZhibiaoSQLite
import ZhibiaoStore
import ZhibiaoWorkspace

/// The end-to-end import measurements, printed as they are made.
struct IngestBenchmark {
  /// The generated plan and its import file.
  var plan: Plan
  var file: URL
  var rows: Int
  /// The runs of each measurement.
  var runs: Int
  var postgres: String?
  /// Where the SQLite stores and the floor's database are made.
  var folder: URL

  /// One backend's figures: the median whole import (checks and store), the median store write
  /// alone, and the peak memory of an import.
  struct Stored {
    var importSeconds: Double
    var submitSeconds: Double
    /// This process's processor time of an import (a server's own is not counted).
    var processorSeconds: Double
    var peakBytes: Int?
    var floorSeconds: Double?
  }

  /// The checks alone against an empty store, and each backend's import.
  struct Figures {
    var checkSeconds: Double
    var checkProcessorSeconds: Double
    var checkPeakBytes: Int?
    var sqlite: Stored
    var postgres: Stored?
  }

  func run() async throws -> Figures {
    let empty = try SQLiteStore.inMemory()
    var checks: [Double] = []
    PeakMemory.reset()
    let processor = processorSeconds()
    for _ in 0..<runs {
      checks.append(try await milliseconds { _ = try await check(against: empty) })
    }
    let checkPeak = PeakMemory.bytes()
    let checkProcessor = (processorSeconds() - processor) / Double(runs)
    report(
      "check \(rows) rows", checks.sorted(),
      detail: rate(checks) + PeakMemory.text(checkPeak) + processorText(checkProcessor))

    var sqlite: [(whole: Double, submit: Double)] = []
    PeakMemory.reset()
    let sqliteProcessor = processorSeconds()
    for attempt in 0..<runs {
      let store = try SQLiteStore(path: folder.appendingPathComponent("ingest-\(attempt).sqlite").path)
      sqlite.append(try await ingest(into: store))
    }
    let sqlitePeak = PeakMemory.bytes()
    var sqliteFigures = summary(
      "SQLite", sqlite, peak: sqlitePeak, processor: (processorSeconds() - sqliteProcessor) / Double(runs))
    if let floor = try Floors.sqliteImport(file, into: folder.appendingPathComponent("floor.sqlite")) {
      report("floor: sqlite3 .import", [floor], detail: rate([floor]))
      sqliteFigures.floorSeconds = floor / 1000
    }

    guard let postgres else {
      print("  (PostgreSQL: give --postgres URL or set ZHIBIAO_POSTGRES_URL to measure it)")
      return Figures(
        checkSeconds: median(checks.sorted()) / 1000, checkProcessorSeconds: checkProcessor, checkPeakBytes: checkPeak,
        sqlite: sqliteFigures)
    }
    var shared: [(whole: Double, submit: Double)] = []
    PeakMemory.reset()
    let postgresProcessor = processorSeconds()
    for _ in 0..<runs {
      let schema = "bench_" + UUID().uuidString.prefix(8).lowercased()
      try await PostgresAdmin.execute("CREATE SCHEMA \(schema)", url: postgres)
      let store = try await PostgresStore(url: postgres + (postgres.contains("?") ? "&" : "?") + "schema=\(schema)")
      do {
        shared.append(try await ingest(into: store))
      } catch {
        store.close()
        try await PostgresAdmin.execute("DROP SCHEMA \(schema) CASCADE", url: postgres)
        throw error
      }
      store.close()
      try await PostgresAdmin.execute("DROP SCHEMA \(schema) CASCADE", url: postgres)
    }
    var postgresFigures = summary(
      "PostgreSQL", shared, peak: PeakMemory.bytes(),
      processor: (processorSeconds() - postgresProcessor) / Double(runs))
    if let floor = try Floors.psqlCopy(file, url: postgres) {
      report("floor: psql \\copy", [floor], detail: rate([floor]))
      postgresFigures.floorSeconds = floor / 1000
    }
    return Figures(
      checkSeconds: median(checks.sorted()) / 1000, checkProcessorSeconds: checkProcessor, checkPeakBytes: checkPeak,
      sqlite: sqliteFigures, postgres: postgresFigures)
  }

  /// Reads and checks the file as the commission sends it, as `zhibiao ingest` does; fails on
  /// any problem, since every generated figure is valid.
  private func check(against store: any Store) async throws -> ImportFile {
    let data = try Data(contentsOf: file)
    guard let (text, _) = TextDecoding.decode(data) else { throw BenchmarkFailure("the file is not UTF-8") }
    let (checked, diagnostics) = try await ImportFile.check(
      text, file: file.lastPathComponent, plan: plan, submitter: plan.commission, store: store)
    let role = ReviewRules(plan: plan).role(of: plan.commission)
    let problems =
      diagnostics
      + checked.refusals(
        file: file.lastPathComponent, plan: plan, submitter: plan.commission, role: role, language: .en)
    guard problems.allSatisfy({ $0.severity != .error }), checked.count == rows else {
      throw BenchmarkFailure("the generated file does not pass: \(problems.prefix(3).map(\.description))")
    }
    return checked
  }

  /// The whole import into `store`, and the submission alone, in milliseconds.
  private func ingest(into store: any Store) async throws -> (whole: Double, submit: Double) {
    var submit = 0.0
    let whole = try await milliseconds {
      let checked = try await check(against: store)
      submit = try await milliseconds {
        let result = try await checked.submit(
          to: store, plan: plan, submitter: plan.commission, role: .commission, source: file.lastPathComponent)
        guard result.added == rows else { throw BenchmarkFailure("\(result.added) of \(rows) rows were added") }
      }
    }
    return (whole, submit)
  }

  private func summary(
    _ backend: String, _ times: [(whole: Double, submit: Double)], peak: Int?, processor: Double
  ) -> Stored {
    let wholes = times.map(\.whole).sorted()
    let submits = times.map(\.submit).sorted()
    report(
      "ingest \(rows) rows: \(backend)", wholes,
      detail: rate(wholes) + PeakMemory.text(peak) + processorText(processor))
    report("  of which the store write", submits, detail: rate(submits))
    return Stored(
      importSeconds: median(wholes) / 1000, submitSeconds: median(submits) / 1000, processorSeconds: processor,
      peakBytes: peak)
  }

  private func processorText(_ seconds: Double) -> String {
    String(format: "   processor %.2f s (%.0f rows/s)", seconds, Double(rows) / seconds)
  }

  private func rate(_ times: [Double]) -> String {
    "\(Int(Double(rows) / median(times.sorted()) * 1000)) rows/s"
  }
}

/// A measurement that cannot go on: the generated data did not import as it should.
struct BenchmarkFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
