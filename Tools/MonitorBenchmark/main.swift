// Times the monitoring and assessment engines on generated data: a full monitoring pass over every
// indicator × org at the last quarter followed by the year's assessment (every org's scorecard
// items, totals, ranks and grades), and an incremental recompute of both after one changed value,
// with the peak memory of the process (VmHWM).
//
// Run with: swift run -c release monitor-benchmark [--orgs N] [--indicators M] [--quarters Q]
//           [--runs R] [--csv DIR] [--path plan|dense] [--no-report]
//
// Up to 20,000 indicator × org pairs the data go through the whole pipeline: a plan written as
// YAML in memory and frozen by the Registry (with a trivial domain module declared here), base-year
// figures, the Decomposer's target book, and reported values. Beyond that (3,000 orgs × 500
// indicators) the target book alone would hold 30 million entries of a dozen fields each, so the
// dense grids of targets and values are generated directly, in the layout the engine reads, and the
// assessment scheme is compiled against the grids' indicators and orgs instead of a plan.
// ILLUSTRATIVE: every figure is generated, none is a statistic.
import Dispatch
import Foundation
import ZhibiaoKernel

// MARK: - Arguments

struct Options {
  var orgs = 13
  var indicators = 44
  var quarters = 20
  var runs = 21
  var csv: String?
  var path: String?
  var writeReport = true
}

var options = Options()
var arguments = CommandLine.arguments.dropFirst().makeIterator()
func usage() -> Never {
  FileHandle.standardError.write(
    Data(
      ("usage: monitor-benchmark [--orgs N] [--indicators M] [--quarters Q (multiple of 4, ≥ 8)] [--runs R]"
        + " [--csv DIR] [--path plan|dense] [--no-report]\n").utf8))
  exit(2)
}
@MainActor
func number() -> Int {
  guard let value = arguments.next().flatMap(Int.init) else { usage() }
  return value
}
@MainActor
func text() -> String {
  guard let value = arguments.next() else { usage() }
  return value
}
while let argument = arguments.next() {
  switch argument {
  case "--orgs": options.orgs = number()
  case "--indicators": options.indicators = number()
  case "--quarters": options.quarters = number()
  case "--runs": options.runs = number()
  case "--csv": options.csv = text()
  case "--path": options.path = text()
  case "--no-report": options.writeReport = false
  default: usage()
  }
}
guard options.orgs >= 1, options.indicators >= 1, options.quarters >= 8, options.quarters % 4 == 0, options.runs >= 1
else { usage() }
let usePlan = options.path.map { $0 == "plan" } ?? (options.orgs * options.indicators <= 20_000)

// MARK: - Measuring

/// A fast, seeded generator (SplitMix64), so that every run generates the same data.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Nanoseconds of `body`.
func time(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start)
}

/// The median of `times` in nanoseconds, as text in a fitting unit.
func median(_ times: [Double]) -> String {
  let sorted = times.sorted()
  let middle = sorted[sorted.count / 2]
  if middle < 1_000 { return String(format: "%.0f ns", middle) }
  if middle < 1_000_000 { return String(format: "%.1f µs", middle / 1_000) }
  if middle < 1_000_000_000 { return String(format: "%.2f ms", middle / 1_000_000) }
  return String(format: "%.3f s", middle / 1_000_000_000)
}

/// The peak resident set size of this process, from VmHWM in /proc/self/status.
func peakMemory() -> String {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
  else { return "unknown (no /proc/self/status)" }
  let kilobytes = Double(line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0)
  return String(format: "%.0f MB", kilobytes / 1024)
}

func report(_ name: String, _ value: String) {
  print(name.padding(toLength: 46, withPad: " ", startingAt: 0) + value)
}

let firstYear = 2021
let lastYear = firstYear + options.quarters / 4 - 1
let axis = PeriodAxis(firstYear: firstYear, lastYear: lastYear)
let profile = [0.22, 0.47, 0.73, 1.0]
var rng = SplitMix(state: 2021)

/// When a figure for `slot` was reported: on the 5th–25th day after its quarter's end, so that about
/// a quarter of the figures are late.
@MainActor
func reportedAt(slot: Int, using rng: inout SplitMix) -> Double {
  let settings = MonitoringSettings()
  let due = settings.dueInstant(for: axis.period(ofSlot: slot)).timeIntervalSinceReferenceDate
  return due - Double(16 - Int(rng.unit() * 21)) * 86_400
}

// MARK: - The pipeline through a plan

/// A domain module with nothing to add but its file.
struct BenchmarkDomain: DomainPlugin {
  var domainID: DomainID { "bench" }
}

/// The kind of generated indicator `index`: mostly quarterly flows, some annual counts, one rank.
enum GeneratedKind {
  case flow, count, rank

  init(_ index: Int) {
    self = index % 10 < 7 ? .flow : (index % 10 < 9 ? .count : .rank)
  }
}

@MainActor
func planPipeline() throws -> (MonitoringTargets, Actuals, [ReportedValue], Plan) {
  let districts = (1...options.orgs).map { String(format: "district.d%04d", $0) }
  var plan = """
    plan:
      id: benchmark
      name: { zh: 基准测试方案, en: Benchmark plan }
      base_year: \(firstYear)
      target_year: \(lastYear)
      commission: bureau.city
      leading_group: group.lead
    decomposition:
      seasonal_profile: [\(profile[0]), \(profile[1]), \(profile[2]), 1]
      count_method: webster
      tie_break: [\(districts.joined(separator: ", "))]
    orgs:
      - { id: group.lead, kind: leading_group, name: { zh: 领导小组, en: Leading group } }
      - { id: bureau.city, kind: bureau, name: { zh: 市局, en: City bureau } }

    """
  for (offset, id) in districts.enumerated() {
    plan +=
      "  - { id: \(id), kind: district, code: \"\(330_000 + offset)\", name: { zh: 区\(offset), en: D\(offset) } }\n"
  }
  plan +=
    "goals:\n  - { id: goal.overall, kind: overall, name: { zh: 总体目标, en: Overall }, indicators: [bench.i0000] }\n"
  var domain = """
    domain:
      id: bench
      name: { zh: 基准领域, en: Benchmark domain }
      lead: bureau.city
    indicators:

    """
  var baselines: [Baseline] = []
  let location = SourceLocation(file: "baselines.csv", line: 1, column: 1)
  for index in 0..<options.indicators {
    let id = String(format: "bench.i%04d", index)
    let kind = GeneratedKind(index)
    switch kind {
    case .flow, .count:
      var total = 0
      for district in districts {
        let units = kind == .flow ? 100 + Int(rng.unit() * 5_000) : 1 + Int(rng.unit() * 30)
        total += units
        let value = kind == .flow ? Decimal(units) / 10 : Decimal(units)
        baselines.append(
          Baseline(
            indicator: IndicatorID(id), org: OrgID(district), year: firstYear, value: value, basis: .illustrative,
            location: location))
      }
      let city = kind == .flow ? Decimal(total) / 10 : Decimal(total)
      baselines.append(
        Baseline(
          indicator: IndicatorID(id), org: "bureau.city", year: firstYear, value: city, basis: .illustrative,
          location: location))
      let target = kind == .flow ? (city * 3 / 2).rounded(1) : Decimal(total + total / 3 + options.orgs)
      domain += """
          - id: \(id)
            name: { zh: 指标\(index), en: Indicator \(index) }
            unit: \(kind == .flow ? "亿元" : "家")
            kind: \(kind == .flow ? "flow" : "stock")
            direction: higher
            binding: expected
            aggregation: sum
            frequency: \(kind == .flow ? "quarterly" : "annual")
            owner: bureau.city
            precision: \(kind == .flow ? "0.1" : "1")
            targets:
              - { year: \(lastYear), comparator: at_least, value: \(target) }
            quotes: [指标\(index)]

        """
    case .rank:
      domain += """
          - id: \(id)
            name: { zh: 排名\(index), en: Rank \(index) }
            unit: 位
            kind: rank
            direction: lower
            binding: expected
            aggregation: city_only
            frequency: annual
            owner: bureau.city
            precision: 1
            targets:
              - { year: \(lastYear), comparator: at_most, value: 5 }
            quotes: [排名\(index)]

        """
    }
  }
  var registry = Registry(source: InMemoryConfigSource(["plan.yaml": plan, "domains/bench.yaml": domain]))
  registry.register(BenchmarkDomain())
  let frozen: Plan
  do {
    frozen = try registry.freeze()
  } catch {
    for diagnostic in error.diagnostics.prefix(20) { print(diagnostic) }
    exit(1)
  }
  let book = Decomposer(plan: frozen, baselines: Baselines(baselines)).targetBook()
  if !book.problems.isEmpty { print("decomposition problems: \(book.problems.prefix(5))") }

  // Reported figures: the base year from the baselines, later years around the book's path.
  var observations: [ReportedValue] = []
  let baselineIndex = Baselines(baselines)
  // `TargetBook.target` searches every entry; one index serves all the look-ups here.
  var bookIndex: [String: Decimal] = [:]
  for entry in book.entries {
    if let value = entry.value { bookIndex["\(entry.indicator)|\(entry.org)|\(entry.period)"] = value }
  }
  for indicator in frozen.indicators {
    let kind = GeneratedKind(Int(indicator.id.rawValue.suffix(4))!)
    let orgs = kind == .rank ? ["bureau.city"] : districts
    for year in firstYear...lastYear {
      for quarter in (kind == .flow ? 1...4 : 4...4) {
        let period = kind == .flow ? Period.quarter(quarter, of: year) : Period.year(year)
        var total = Decimal(0)
        for org in orgs {
          let value: Decimal
          if year == firstYear {
            guard let base = baselineIndex.value(indicator.id, OrgID(org), year: year) else { continue }
            value = kind == .flow ? (base * Decimal(profile[quarter - 1])).rounded(1) : base
          } else if kind == .rank {
            value = Decimal(4 + Int(rng.unit() * 4))
          } else {
            guard let target = bookIndex["\(indicator.id)|\(org)|\(period)"] else { continue }
            let noise = Decimal(Int(880 + rng.unit() * 240)) / 1000
            value = (target * noise).rounded(kind == .flow ? 1 : 0)
          }
          total += value
          let slot = axis.slot(of: period)!
          observations.append(
            ReportedValue(
              indicator: indicator.id, org: OrgID(org), period: period, value: value,
              reportedAt: Date(timeIntervalSinceReferenceDate: reportedAt(slot: slot, using: &rng))))
        }
        if kind != .rank {
          observations.append(
            ReportedValue(indicator: indicator.id, org: "bureau.city", period: period, value: total, reportedAt: nil))
        }
      }
    }
  }
  let targets = MonitoringTargets(plan: frozen, book: book)
  let actuals = Actuals(plan: frozen, observations: observations, baselines: baselineIndex)
  return (targets, actuals, observations, frozen)
}

extension Decimal {
  /// Rounded half up to `places` decimals.
  func rounded(_ places: Int) -> Decimal {
    DecimalArithmetic.rounded(self, scale: places, .plain)
  }
}

// MARK: - The dense grids, generated directly

@MainActor
func denseGrids() -> (MonitoringTargets, Actuals) {
  let orgCount = options.orgs + 1
  let slots = axis.count
  let orgs = [OrgID("bureau.city")] + (1...options.orgs).map { OrgID(String(format: "district.d%04d", $0)) }
  var indicators: [MonitoredIndicator] = []
  for index in 0..<options.indicators {
    // Seven in ten quarterly flows, two quarterly stocks (interpolated), one quarterly ratio.
    let kind: Indicator.Kind = index % 10 < 7 ? .flow : (index % 10 < 9 ? .stock : .ratio)
    indicators.append(
      MonitoredIndicator(
        id: IndicatorID(String(format: "bench.i%04d", index)), domain: "bench", unit: kind == .ratio ? "%" : "亿元",
        kind: kind, aggregation: kind == .ratio ? .weightedMean : .sum, precision: kind == .ratio ? 0.01 : 0.1,
        city: 0, districts: Array(1..<orgCount)))
  }
  let cells = indicators.count * orgCount * slots
  var values = ContiguousArray<Double>(repeating: .nan, count: cells)
  var reported = ContiguousArray<Double>(repeating: .nan, count: cells)
  var targets = ContiguousArray<Double>(repeating: .nan, count: cells)
  var shares = ContiguousArray<Double>(repeating: .nan, count: indicators.count * slots)
  let years = axis.years
  let reportedBySlot = (0..<slots).map { reportedAt(slot: $0, using: &rng) }
  values.withUnsafeMutableBufferPointer { values in
    reported.withUnsafeMutableBufferPointer { reported in
      targets.withUnsafeMutableBufferPointer { targets in
        for (i, spec) in indicators.enumerated() {
          if spec.kind == .flow {
            for slot in 4..<slots { shares[i * slots + slot] = profile[slot % 4] }
          }
          let cityCell = (i * orgCount) * slots
          for o in 1..<orgCount {
            let cell = (i * orgCount + o) * slots
            let base = spec.kind == .ratio ? 2 + rng.unit() * 8 : 10 + rng.unit() * 500
            let growth = spec.kind == .ratio ? 0.1 : 0.05 + rng.unit() * 0.06
            var level = base
            var previousTarget = base
            for year in 0..<years {
              let target = spec.kind == .ratio ? base + growth * Double(year) : base * pow(1.08, Double(year))
              level =
                spec.kind == .ratio
                ? base + growth * Double(year) * (0.8 + 0.4 * rng.unit()) : level * (year == 0 ? 1 : 1 + growth)
              for quarter in 0..<4 {
                let slot = year * 4 + quarter
                let seasonal = spec.kind == .flow ? profile[quarter] : 1
                let noise = 0.97 + 0.06 * rng.unit()
                let value =
                  spec.kind == .stock ? level * (1 + growth * Double(quarter + 1) / 4) : level * seasonal * noise
                values[cell + slot] = value
                reported[cell + slot] = reportedBySlot[slot] + Double(Int(rng.unit() * 6)) * 86_400
                if spec.kind != .ratio {
                  values[cityCell + slot] = (values[cityCell + slot].isNaN ? 0 : values[cityCell + slot]) + value
                }
                guard year > 0 else { continue }
                let milestone: Double =
                  switch spec.kind {
                  case .flow: target * profile[quarter]
                  case .stock: previousTarget + (target - previousTarget) * Double(quarter + 1) / 4
                  default: target
                  }
                targets[cell + slot] = milestone
                if spec.kind != .ratio {
                  targets[cityCell + slot] = (targets[cityCell + slot].isNaN ? 0 : targets[cityCell + slot]) + milestone
                }
              }
              previousTarget = target
            }
          }
          if spec.kind == .ratio {
            for slot in 0..<slots {
              values[cityCell + slot] = values[(i * orgCount + 1) * slots + slot]
              if slot >= 4 { targets[cityCell + slot] = targets[(i * orgCount + 1) * slots + slot] }
            }
          }
        }
      }
    }
  }
  return (
    MonitoringTargets(indicators: indicators, orgs: orgs, axis: axis, values: targets, shares: shares),
    Actuals(indicators: indicators.map(\.id), orgs: orgs, axis: axis, values: values, reportedAt: reported)
  )
}

// MARK: - CSV

/// Writes `observations.csv` (`indicator,org,period,value,unit,note,reported_at`, the import format
/// plus the time of reporting) and `targets.csv` (`indicator,org,period,target`) into `directory`.
@MainActor
func writeCSV(targets: MonitoringTargets, actuals: Actuals, to directory: String) throws {
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  let formatter = ISO8601DateFormatter()
  let periods = (0..<axis.count).map { axis.period(ofSlot: $0).description }
  for (name, isTargets) in [("observations.csv", false), ("targets.csv", true)] {
    let path = (directory as NSString).appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var buffer =
      isTargets ? "indicator,org,period,target\n" : "indicator,org,period,value,unit,note,reported_at\n"
    for (i, spec) in targets.indicators.enumerated() {
      for (o, org) in actuals.orgs.enumerated() {
        for slot in 0..<axis.count {
          let index = (i * actuals.orgs.count + o) * axis.count + slot
          let value = isTargets ? targets.values[index] : actuals.values[index]
          guard !value.isNaN else { continue }
          let places = spec.precision >= 1 ? 0 : (spec.precision >= 0.1 ? 1 : 2)
          buffer += "\(spec.id),\(org),\(periods[slot]),\(String(format: "%.\(places)f", value))"
          if !isTargets {
            let at = actuals.reportedAt[index]
            buffer +=
              ",\(spec.unit ?? ""),,"
              + (at.isNaN ? "" : formatter.string(from: Date(timeIntervalSinceReferenceDate: at)))
          }
          buffer += "\n"
          if buffer.utf8.count > 1 << 22 {
            handle.write(Data(buffer.utf8))
            buffer = ""
          }
        }
      }
    }
    handle.write(Data(buffer.utf8))
    try handle.close()
  }
}

// MARK: - Run

print(
  "Zhibiao monitoring and assessment benchmark — \(options.orgs) districts + the city, \(options.indicators) indicators, "
    + "\(options.quarters) quarters (\(firstYear)Q1–\(lastYear)Q4), \(options.runs) runs, median")
var targets: MonitoringTargets
var actuals: Actuals
var plan: Plan?
if usePlan {
  var pipeline: (MonitoringTargets, Actuals, [ReportedValue], Plan)?
  let elapsed = try time { pipeline = try planPipeline() }
  targets = pipeline!.0
  actuals = pipeline!.1
  let observations = pipeline!.2
  plan = pipeline!.3
  report("generate YAML, freeze, decompose, observe", median([elapsed]))
  var buildTimes: [Double] = []
  for _ in 0..<min(options.runs, 5) {
    buildTimes.append(time { _ = Actuals(plan: plan!, observations: observations) })
  }
  report("lay out \(observations.count) reported values", median(buildTimes))
  pipeline = nil
} else {
  var grids: (MonitoringTargets, Actuals)?
  let elapsed = time { grids = denseGrids() }
  (targets, actuals) = grids!
  grids = nil
  report("generate the dense grids", median([elapsed]))
}
let cells = targets.indicators.count * targets.orgs.count * axis.count
report("values in the grid", "\(cells) (\(actuals.values.lazy.filter { !$0.isNaN }.count) reported)")
if let directory = options.csv {
  let elapsed = try time { try writeCSV(targets: targets, actuals: actuals, to: directory) }
  report("write CSV to \(directory)", median([elapsed]))
}

let period = axis.period(ofSlot: axis.count - 1)
var monitor: Monitor!
let firstPass = try time { monitor = try Monitor(targets: targets, actuals: actuals, period: period) }
actuals = Actuals(indicators: [], orgs: [], axis: axis, values: [], reportedAt: [])  // the monitor holds the only copy
report("first pass at \(period) (allocating)", median([firstPass]))
var fullTimes: [Double] = []
for _ in 0..<options.runs { fullTimes.append(time { monitor.recomputeAll() }) }
report("full monitoring pass (\(monitor.activeRowCount) rows)", median(fullTimes))

// The assessment of the last year: districts on every indicator they report, the city bureau on
// every indicator it owns.
let events = BenchmarkScheme.events(orgs: targets.orgs, using: &rng)
let districtItems = targets.indicators.filter { !$0.districts.isEmpty }.map { (id: $0.id, kind: $0.kind) }
let scheme = BenchmarkScheme.scheme(districtItems: districtItems)
var compiled: CompiledScheme!
var assessor: Assessor!
let compileTime = try time {
  let grid = AssessmentGrid(monitor: monitor, events: events)
  if let plan {
    compiled = try CompiledScheme(scheme: scheme, plan: plan, grid: grid)
  } else {
    let orgs = targets.orgs.map { id in
      Org(
        id: id, kind: id.rawValue.hasPrefix("district.") ? .district : .bureau, name: LocalizedText(zh: "", en: ""),
        location: BenchmarkScheme.location)
    }
    compiled = try CompiledScheme(scheme: scheme, orgs: orgs, targets: targets, grid: grid)
  }
  assessor = try Assessor(compiled: compiled, grid: grid)
}
report("compile the scheme, assess (\(compiled.lineCount) lines)", median([compileTime]))
var assessTimes: [Double] = []
for _ in 0..<options.runs { assessTimes.append(time { assessor.recomputeAll(from: monitor) }) }
report("full assessment pass", median(assessTimes))
var bothTimes: [Double] = []
for _ in 0..<options.runs {
  bothTimes.append(
    time {
      monitor.recomputeAll()
      assessor.recomputeAll(from: monitor)
    })
}
report("full monitoring + assessment pass", median(bothTimes))

var incrementalTimes: [Double] = []
var assessmentTimes: [Double] = []
var bothIncrementalTimes: [Double] = []
let orgCount = targets.orgs.count
let firstDistrict = targets.indicators.first?.districts.first ?? 0
for run in 0..<max(options.runs, 101) {
  let cell = Actuals.Cell(
    indicator: Int(rng.unit() * Double(targets.indicators.count)),
    org: firstDistrict + Int(rng.unit() * Double(orgCount - firstDistrict)), slot: axis.count - 1 - Int(rng.unit() * 4))
  let value = 100 + Double(run)
  switch run % 3 {
  case 0:
    incrementalTimes.append(time { monitor.update(cell, value: value) })
    assessor.update(from: monitor)
  case 1:
    monitor.update(cell, value: value)
    assessmentTimes.append(time { assessor.update(from: monitor) })
  default:
    bothIncrementalTimes.append(
      time {
        monitor.update(cell, value: value)
        assessor.update(from: monitor)
      })
  }
}
report("incremental monitoring after one value", median(incrementalTimes))
report("incremental assessment after one value", median(assessmentTimes))
report("incremental monitoring + assessment", median(bothIncrementalTimes))
report("peak memory so far (VmHWM)", peakMemory())
if options.writeReport {
  var reportTimes: [Double] = []
  var rows = 0
  for _ in 0..<min(options.runs, 3) {
    reportTimes.append(time { rows = monitor.report().rows.count })
  }
  report("write the report (\(rows) rows, with reasons)", median(reportTimes))
  report("peak memory with the report (VmHWM)", peakMemory())
}
let fresh = try Assessor(compiled: compiled, grid: AssessmentGrid(monitor: monitor, events: events))
report("incremental assessment equals a full one", fresh.hasSameResults(as: assessor) ? "yes" : "NO")
