// Times the pure core on the real configuration and prints figures: loading and checking the
// plan, reading the baselines, and decomposing every target for every year and quarter.
// Run with: swift run -c release zhibiao-benchmarks [--config DIR] [--runs N]
import Dispatch
import Foundation
import ZhibiaoHost
import ZhibiaoKernel

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
