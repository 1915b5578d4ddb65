// Times the core on the real configuration and prints figures: loading and checking the plan,
// reading the baselines, decomposing every target for every year and quarter, checking an
// import file that fills the whole plan, and writing 100,000 observations to the SQLite store.
// Run with: swift run -c release zhibiao-benchmarks [--config DIR] [--runs N]
import Dispatch
import Foundation
import ZhibiaoHost
import ZhibiaoKernel
import ZhibiaoSQLite
import ZhibiaoStore

var configPath = "Config"
var runs = 50
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--config": configPath = arguments.next() ?? configPath
  case "--runs": runs = arguments.next().flatMap(Int.init) ?? runs
  default:
    FileHandle.standardError.write(Data("usage: zhibiao-benchmarks [--config DIR] [--runs N]\n".utf8))
    exit(2)
  }
}

/// Runs `body` `runs` times and returns the durations in milliseconds, sorted.
@MainActor
func measure(_ body: () throws -> Void) rethrows -> [Double] {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
  }
  return times.sorted()
}

func report(_ name: String, _ times: [Double], detail: String = "") {
  let median = times[times.count / 2]
  let p90 = times[min(times.count - 1, times.count * 9 / 10)]
  print(
    name.padding(toLength: 34, withPad: " ", startingAt: 0)
      + String(format: "min %8.2f ms   median %8.2f ms   p90 %8.2f ms", times[0], median, p90)
      + (detail.isEmpty ? "" : "   \(detail)"))
}

let source = DirectoryConfigSource(path: configPath)
let plan = try PlanLoader.load(source: source)
let baselines = try ConfigBaselineSource(source: source).baselines(for: plan)
let book = Decomposer(plan: plan, baselines: baselines).targetBook()

print("Zhibiao benchmarks — \(runs) runs each, configuration '\(configPath)'")
report("load and check the plan", try measure { _ = try PlanLoader.load(source: source) })
report("read baselines.csv", try measure { _ = try ConfigBaselineSource(source: source).baselines(for: plan) })
report(
  "decompose the whole plan", measure { _ = Decomposer(plan: plan, baselines: baselines).targetBook() },
  detail: "\(book.entries.count) targets, \(plan.targetIndicators.count) indicators, "
    + "\(plan.targetYear - plan.baseYear) years × (1 + 4 quarters)")

// Import: the checks run on every figure the plan can take (one file), and the store writes
// 100,000 rows in one transaction (more keys than the plan has, so their ids are synthetic).
var lines = ["indicator,org,period,value,unit,note"]
for indicator in plan.indicators
where indicator.kind != .qualitative && indicator.countOf == nil
  && plan.derivation(for: indicator.id) == nil
{
  let orgs =
    indicator.aggregation == .cityOnly
    ? [indicator.owner] : [indicator.owner] + (indicator.eligible ?? plan.districts.map(\.id))
  for (index, org) in orgs.enumerated() {
    for year in plan.baseYear...plan.targetYear {
      let periods: [Period] = indicator.frequency == .quarterly ? (1...4).map { .quarter($0, of: year) } : [.year(year)]
      for (step, period) in periods.enumerated() {
        lines.append("\(indicator.id),\(org),\(period),\((index + 1) * 10 + year - plan.baseYear + step + 1),,")
      }
    }
  }
}
let importText = lines.joined(separator: "\n")
let check = ObservationImport(plan: plan, submitter: plan.commission)
report(
  "check an import of the whole plan", measure { _ = check.check(importText, file: "bench.csv") },
  detail: "\(lines.count - 1) rows")

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let rows = (0..<100_000).map { index in
  ObservationInput(
    indicator: IndicatorID("bench.indicator_\(index / 1_000)"), org: OrgID("district.d\(index % 1_000 / 20)"),
    period: .quarter(index % 4 + 1, of: 2021 + index % 20 / 4), value: Decimal(index) / 10, line: index + 2)
}
var writes: [Double] = []
for attempt in 0..<3 {
  let store = try SQLiteStore(path: folder.appendingPathComponent("bench-\(attempt).sqlite").path)
  let start = DispatchTime.now().uptimeNanoseconds
  _ = try store.submit(
    Submission(plan: plan.id, submitter: plan.commission, source: "bench.csv", time: Date(), rows: rows))
  writes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
}
report("store 100,000 new observations", writes.sorted(), detail: "one transaction, a new file each run")
