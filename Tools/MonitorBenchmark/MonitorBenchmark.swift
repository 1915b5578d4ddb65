// Times the monitoring and assessment engines on generated data: a full monitoring pass over every
// indicator × org at the last quarter followed by the year's assessment (every org's scorecard
// items, totals, ranks and grades), and an incremental recompute of both after one changed value,
// with the peak memory of the process (VmHWM).
//
// Run with: swift run -c release monitor-benchmark [--orgs N] [--indicators M] [--quarters Q]
//           [--runs R] [--csv DIR] [--results DIR] [--report-dir DIR] [--path plan|dense] [--no-report] [--no-all-periods]
//           [--json]   (--help lists them)
//
// Up to 20,000 indicator × org pairs the data go through the whole pipeline: a plan written as
// YAML in memory and frozen by the Registry (with a trivial domain module declared here), base-year
// figures, the Decomposer's target book, and reported values. Beyond that (3,000 orgs × 500
// indicators) the target book alone would hold 30 million entries of a dozen fields each, so the
// dense grids of targets and values are generated directly, in the layout the engine reads, and the
// assessment scheme is compiled against the grids' indicators and orgs instead of a plan.
// ILLUSTRATIVE: every figure is generated, none is a statistic.
//
// This file holds the command line; Generator.swift, GeneratedPlan.swift and DenseGrids.swift
// generate the data, CSVExport.swift writes them out, Measuring.swift times and sums up,
// BenchmarkRun.swift takes the measurements in the order they are printed, and
// MachineFigures.swift gathers them for `--json`.
import ArgumentParser

/// How the generated data reach the engine.
enum DataPath: String, CaseIterable, ExpressibleByArgument {
  /// Through a generated plan: YAML, the Registry, baselines, the Decomposer and reported values.
  case plan
  /// The dense grids of targets and values, generated directly.
  case dense
}

@main
struct MonitorBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "monitor-benchmark",
    abstract: "Times monitoring and assessment, full and incremental, on generated data (ILLUSTRATIVE).")

  @Option(name: .long, help: ArgumentHelp("Districts (the city bureau comes on top).", valueName: "N"))
  var orgs = 13

  @Option(name: .long, help: ArgumentHelp("Indicators.", valueName: "M"))
  var indicators = 44

  @Option(name: .long, help: ArgumentHelp("Quarters from 2021Q1: a multiple of 4, at least 8.", valueName: "Q"))
  var quarters = 20

  @Option(name: .long, help: ArgumentHelp("Runs of each timing; the median is printed.", valueName: "R"))
  var runs = 21

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Changed values, one at a time, for the incremental timings (default: runs, at least 101).", valueName: "U"))
  var updates: Int?

  @Option(name: .long, help: ArgumentHelp("Also write observations.csv and targets.csv into DIR.", valueName: "DIR"))
  var csv: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Also write lights.csv and points.csv (the last quarter's lights, the districts' item points) into DIR.",
      valueName: "DIR"))
  var results: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Also keep the monitoring report written, as report.csv and report.json, in DIR.", valueName: "DIR"))
  var reportDir: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Through a generated plan, or the dense grids generated directly (default: plan up to 20,000"
        + " indicator × org pairs, dense beyond).", valueName: "plan|dense"))
  var path: DataPath?

  @Flag(name: .long, help: "Leave out writing the monitoring report.")
  var noReport = false

  @Flag(name: .long, help: "Leave out the monitoring of every quarter at once.")
  var noAllPeriods = false

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Also print the figures as one JSON object at the end (observations, full_pass_seconds, "
        + "incremental_seconds, report_seconds, peak_rss_bytes, …)."))
  var json = false

  func validate() throws {
    guard orgs >= 1 else { throw ValidationError("--orgs must be at least 1 (got \(orgs)).") }
    guard indicators >= 1 else { throw ValidationError("--indicators must be at least 1 (got \(indicators)).") }
    guard quarters >= 8, quarters % 4 == 0 else {
      throw ValidationError("--quarters must be a multiple of 4 and at least 8 (got \(quarters)).")
    }
    guard runs >= 1 else { throw ValidationError("--runs must be at least 1 (got \(runs)).") }
    if let updates, updates < 3 { throw ValidationError("--updates must be at least 3 (got \(updates)).") }
  }

  /// The path taken: the one asked for, else the plan's up to 20,000 indicator × org pairs.
  var dataPath: DataPath { path ?? (orgs * indicators <= 20_000 ? .plan : .dense) }

  func run() throws {
    var benchmark = BenchmarkRun(
      runs: runs, updates: updates ?? max(runs, 101), csv: csv, results: results, reportDirectory: reportDir,
      path: dataPath,
      writeReport: !noReport, allPeriods: !noAllPeriods, json: json,
      generator: Generator(orgs: orgs, indicators: indicators, years: quarters / 4))
    try benchmark.run()
  }
}
