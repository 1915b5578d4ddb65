// Times the core on the real configuration and prints figures: loading and checking the plan,
// reading the baselines, decomposing every target for every year and quarter, and checking an
// import file that fills the whole plan. Then an import of a million figures end to end, as
// `zhibiao ingest` makes it, into SQLite (and PostgreSQL when a server is given), against each
// database's own bulk loader reading the same file.
// Then a workbook of a million rows read into an import table.
// Run with: swift run -c release zhibiao-benchmarks [--config DIR] [--runs N] [--ingest-rows N]
//   [--ingest-runs N] [--postgres URL] [--only-ingest] [--workbook-rows N] [--only-workbook] [--json]
//   (--help lists them)
//
// This file holds the command line and the measurements of the real plan; Timing.swift times and
// prints them, BenchmarkData.swift makes the real plan's import file, IngestPlan.swift the
// generated plan and its file, IngestBenchmark.swift the end-to-end import.
import ArgumentParser
import Foundation
import ZhibiaoHost
import ZhibiaoKernel

@main
struct ZhibiaoBenchmarks: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "zhibiao-benchmarks",
    abstract: "Times loading, decomposing and import checks on the configuration, and a million-row import end to end.")

  @Option(name: .long, help: ArgumentHelp("The configuration directory.", valueName: "DIR"))
  var config = "Config"

  @Option(name: .long, help: ArgumentHelp("Runs of each timing of the real plan.", valueName: "N"))
  var runs = 50

  @Option(name: .long, help: ArgumentHelp("Rows of the end-to-end import (a generated plan).", valueName: "N"))
  var ingestRows = 1_000_000

  @Option(name: .long, help: ArgumentHelp("Runs of each end-to-end import measurement.", valueName: "N"))
  var ingestRuns = 3

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
        + "rows_per_second_stored, peak_rss_bytes, and each backend's under sqlite and postgres)."))
  var json = false

  @Flag(name: .long, help: "Only the end-to-end import (for profiling it).")
  var onlyIngest = false

  @Option(name: .long, help: ArgumentHelp("Rows of the workbook read into a table (0 leaves it out).", valueName: "N"))
  var workbookRows = 1_000_000

  @Flag(name: .long, help: "Only the workbook read.")
  var onlyWorkbook = false

  func validate() throws {
    guard runs >= 1 else { throw ValidationError("--runs must be at least 1 (got \(runs)).") }
    guard ingestRuns >= 1 else { throw ValidationError("--ingest-runs must be at least 1 (got \(ingestRuns)).") }
    guard ingestRows >= 1 else { throw ValidationError("--ingest-rows must be at least 1 (got \(ingestRows)).") }
  }

  func run() async throws {
    print("Zhibiao benchmarks — configuration '\(config)', \(runs) runs each; the import \(ingestRuns) runs")
    if onlyWorkbook {
      _ = try WorkbookBenchmark(rows: workbookRows, runs: ingestRuns).run()
      return
    }
    if !onlyIngest { try realPlan() }
    let figures = try await ingest()
    let workbook =
      workbookRows > 0 && !onlyIngest ? try WorkbookBenchmark(rows: workbookRows, runs: ingestRuns).run() : nil
    if json { print(IngestFigures(rows: ingestRows, figures, workbook: workbook).json) }
  }

  /// The plan of the configuration: loading, decomposing, and checking an import of every figure.
  private func realPlan() throws {
    let source = DirectoryConfigSource(path: config)
    let plan = try PlanLoader.load(source: source)
    let baselines = try ConfigBaselineSource(source: source).baselines(for: plan)
    let book = Decomposer(plan: plan, baselines: baselines).targetBook()
    report("load and check the plan", try measure(runs) { _ = try PlanLoader.load(source: source) })
    report(
      "read baselines.csv", try measure(runs) { _ = try ConfigBaselineSource(source: source).baselines(for: plan) })
    report(
      "decompose the whole plan", measure(runs) { _ = Decomposer(plan: plan, baselines: baselines).targetBook() },
      detail: "\(book.entries.count) targets, \(plan.targetIndicators.count) indicators, "
        + "\(plan.targetYear - plan.baseYear) years × (1 + 4 quarters)")
    let (importText, rowCount) = BenchmarkData.wholePlanImport(plan)
    let check = ObservationImport(plan: plan, submitter: plan.commission)
    let checks = measure(runs) { _ = check.check(importText, file: "bench.csv") }
    report("check an import of the whole plan", checks, detail: "\(rowCount) rows")
  }

  /// The end-to-end import of a generated plan's file, each stage's peak memory its own.
  private func ingest() async throws -> IngestBenchmark.Figures {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let generated = IngestPlan(rows: ingestRows)
    let file = folder.appendingPathComponent("observations.csv")
    try generated.writeImport(rows: ingestRows, to: file)
    let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
    print(
      "import: \(ingestRows) rows (\(bytes / 1_048_576) MB), \(generated.indicators) indicators × "
        + "\(generated.districts) districts × \(IngestPlan.years.count * 4) quarters")
    return try await IngestBenchmark(
      plan: try generated.plan(), file: file, rows: ingestRows, runs: ingestRuns,
      postgres: postgres ?? ProcessInfo.processInfo.environment["ZHIBIAO_POSTGRES_URL"], folder: folder
    ).run()
  }
}
