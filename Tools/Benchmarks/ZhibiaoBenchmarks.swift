// Times the core on the real configuration and prints figures: loading and checking the plan,
// reading the baselines, decomposing every target for every year and quarter, checking an
// import file that fills the whole plan, and writing observations to the SQLite store (and to a
// PostgreSQL server when one is given) against each database's own bulk loader.
// Run with: swift run -c release zhibiao-benchmarks [--config DIR] [--runs N] [--json]   (--help lists them)
//
// This file holds the command line and the measurements; Timing.swift times and prints them,
// BenchmarkData.swift makes the import file and the rows for the store.
import ArgumentParser
import Foundation
import ZhibiaoHost
import ZhibiaoKernel
import ZhibiaoSQLite
import ZhibiaoStore

@main
struct ZhibiaoBenchmarks: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "zhibiao-benchmarks",
    abstract: "Times loading, decomposing, import checks and store writes on the configuration.")

  @Option(name: .long, help: ArgumentHelp("The configuration directory.", valueName: "DIR"))
  var config = "Config"

  @Option(name: .long, help: ArgumentHelp("Runs of each timing (the store write runs 3 times).", valueName: "N"))
  var runs = 50

  @Option(name: .long, help: ArgumentHelp("Rows of the store-write benchmark.", valueName: "N"))
  var storeRows = 100_000

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A PostgreSQL server to measure too (default $ZHIBIAO_POSTGRES_URL); the benchmark works in schemas of its own.",
      valueName: "URL"))
  var postgres: String?

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Also print the figures as one JSON object at the end (rows, rows_per_second_checked, "
        + "rows_per_second_stored, peak_rss_bytes, …)."))
  var json = false

  @Flag(name: .long, help: "Only the store writes (for profiling them).")
  var onlyStore = false

  func validate() throws {
    guard runs >= 1 else { throw ValidationError("--runs must be at least 1 (got \(runs)).") }
  }

  func run() async throws {
    let source = DirectoryConfigSource(path: config)
    let plan = try PlanLoader.load(source: source)
    let baselines = try ConfigBaselineSource(source: source).baselines(for: plan)
    let book = Decomposer(plan: plan, baselines: baselines).targetBook()

    print("Zhibiao benchmarks — \(runs) runs each, configuration '\(config)'")
    if onlyStore {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-bench-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      _ = try await StoreBenchmark(
        rows: BenchmarkData.storeRows(count: storeRows), plan: plan.id, postgres: postgres, folder: folder
      ).run()
      return
    }
    report("load and check the plan", try measure(runs) { _ = try PlanLoader.load(source: source) })
    report(
      "read baselines.csv", try measure(runs) { _ = try ConfigBaselineSource(source: source).baselines(for: plan) })
    report(
      "decompose the whole plan", measure(runs) { _ = Decomposer(plan: plan, baselines: baselines).targetBook() },
      detail: "\(book.entries.count) targets, \(plan.targetIndicators.count) indicators, "
        + "\(plan.targetYear - plan.baseYear) years × (1 + 4 quarters)")

    // Import: the checks run on every figure the plan can take (one file), and the store writes
    // 100,000 rows in one transaction (more keys than the plan has, so their ids are synthetic).
    let (importText, rowCount) = BenchmarkData.wholePlanImport(plan)
    let check = ObservationImport(plan: plan, submitter: plan.commission)
    let checks = measure(runs) { _ = check.check(importText, file: "bench.csv") }
    report("check an import of the whole plan", checks, detail: "\(rowCount) rows")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try await StoreBenchmark(
      rows: BenchmarkData.storeRows(count: storeRows), plan: plan.id,
      postgres: postgres ?? ProcessInfo.processInfo.environment["ZHIBIAO_POSTGRES_URL"], folder: folder
    ).run()
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    print("peak memory: \(usage.ru_maxrss / 1024) MB")

    let rows = BenchmarkData.storeRows(count: 100_000)
    var writes: [Double] = []
    for attempt in 0..<3 {
      // A new file each run: the store benchmark above has filled bench-N.sqlite with these rows already.
      let store = try SQLiteStore(path: folder.appendingPathComponent("new-\(attempt).sqlite").path)
      let submission = Submission(
        plan: plan.id, submitter: plan.commission, role: .commission, source: "bench.csv", time: Date(), rows: rows)
      writes.append(try await milliseconds { _ = try await store.submit(submission) })
    }
    report("store 100,000 new observations", writes.sorted(), detail: "one transaction, a new file each run")
    if json {
      print(
        IngestFigures(
          rows: rowCount, checkSeconds: median(checks) / 1000, rowsStored: rows.count,
          storeSeconds: median(writes.sorted()) / 1000
        ).json)
    }
  }
}
