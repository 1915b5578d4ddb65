// The measurements, in the order they are printed: generating the data, the first and the full
// monitoring passes, the assessment, the incremental recomputes after one changed value, the peak
// memory, the report, and whether the assessment followed incrementally ends where a full one does.
import Foundation
import ZhibiaoKernel

/// One run of the benchmark: what to measure, and the generator the data come from.
struct BenchmarkRun {
  /// Timings of each measurement; the median is printed.
  let runs: Int
  /// Changed values timed one at a time.
  let updates: Int
  /// Where to write the generated data as CSV, if anywhere.
  let csv: String?
  /// Where to write the last quarter's lights and item points, if anywhere.
  let results: String?
  /// Where to keep the monitoring report written, if anywhere.
  let reportDirectory: String?
  /// How the data reach the engine.
  let path: DataPath
  /// Whether to time writing the monitoring report.
  let writeReport: Bool
  /// Whether to time the monitoring of every quarter at once.
  let allPeriods: Bool
  /// Whether to print the figures as one JSON object at the end.
  let json: Bool
  var generator: Generator
  /// The figures for `--json`, gathered as they are measured.
  var figures = MachineFigures()

  mutating func run() throws {
    let axis = generator.axis
    print(
      "Zhibiao monitoring and assessment benchmark — \(generator.orgs) districts + the city, "
        + "\(generator.indicators) indicators, \(axis.count) quarters (\(axis.firstYear)Q1–\(axis.lastYear)Q4), "
        + "\(runs) runs, median")
    var data = try generate()
    let targets = data.targets
    let cells = targets.indicators.count * targets.orgs.count * axis.count
    figures.orgs = generator.orgs
    figures.indicators = generator.indicators
    figures.quarters = axis.count
    figures.observations = data.actuals.figures.units.lazy.filter { $0 != FigureGrid.none }.count
    report("values in the grid", "\(cells) (\(figures.observations) reported)")
    if let csv {
      let elapsed = try time { try writeCSV(targets: targets, actuals: data.actuals, to: csv) }
      report("write CSV to \(csv)", median([elapsed]))
      figures.csvSeconds = medianSeconds([elapsed])
    }

    let period = axis.period(ofSlot: axis.count - 1)
    let stopwatch = Stopwatch()
    var monitor = try Monitor(targets: targets, actuals: data.takeActuals(), period: period)
    report("first pass at \(period) (allocating)", median([stopwatch.elapsed]))
    let fullTimes = times(runs) { monitor.recomputeAll() }
    report("full monitoring pass (\(monitor.activeRowCount) rows)", median(fullTimes))
    figures.monitoringPassSeconds = medianSeconds(fullTimes)

    // The assessment of the last year: districts on every indicator they report, the city bureau
    // on every indicator it owns.
    let events = BenchmarkScheme.events(orgs: targets.orgs, using: &generator.rng)
    let districtItems = targets.indicators.filter { !$0.districts.isEmpty }.map { (id: $0.id, kind: $0.kind) }
    let scheme = BenchmarkScheme.scheme(districtItems: districtItems)
    let ((compiled, firstAssessor), compileTime) = try timed {
      try Self.assessment(scheme, of: monitor, data: data, events: events)
    }
    var assessor = firstAssessor
    report("compile the scheme, assess (\(compiled.lineCount) lines)", median([compileTime]))
    let assessmentTimes = times(runs) { assessor.recomputeAll(from: monitor) }
    report("full assessment pass", median(assessmentTimes))
    figures.assessmentPassSeconds = medianSeconds(assessmentTimes)
    let (bothTimes, bothProcessor) = timesWithProcessor(runs) {
      monitor.recomputeAll()
      assessor.recomputeAll(from: monitor)
    }
    report("full monitoring + assessment pass", median(bothTimes))
    report("  processor time, all threads", median(bothProcessor))
    figures.fullPassSeconds = medianSeconds(bothTimes)
    figures.fullPassProcessorSeconds = medianSeconds(bothProcessor)

    // What the full pass computed, before any value changes, for comparing other tools with it.
    if let results {
      let elapsed = try time { try writeResults(monitor: monitor, assessor: assessor, to: results) }
      report("write lights and points to \(results)", median([elapsed]))
    }
    incremental(&monitor, &assessor)
    report("peak memory so far (VmHWM)", peakMemory())
    figures.peakRSSBytes = peakMemoryBytes()
    if allPeriods { timeAllPeriods(monitor) }
    if writeReport { try writeReports(monitor) }
    let freshMonitor = try Monitor(targets: monitor.targets, actuals: monitor.actuals, period: period)
    report("incremental monitoring equals a full one", freshMonitor.hasSameResults(as: monitor) ? "yes" : "NO")
    let fresh = try Assessor(compiled: compiled, grid: AssessmentGrid(monitor: monitor, events: events))
    report("incremental assessment equals a full one", fresh.hasSameResults(as: assessor) ? "yes" : "NO")
    figures.incrementalEqualsFull = freshMonitor.hasSameResults(as: monitor) && fresh.hasSameResults(as: assessor)
    if json { print(figures.json) }
  }

  /// The data by the path asked for, with how long generating them took.
  mutating func generate() throws -> GeneratedData {
    switch path {
    case .plan:
      let (pipeline, elapsed) = try timed { try generator.planPipeline() }
      report("generate YAML, freeze, decompose, observe", median([elapsed]))
      let plan = pipeline.data.plan!
      let layouts = times(min(runs, 5)) { _ = Actuals(plan: plan, observations: pipeline.observations) }
      report("lay out \(pipeline.observations.count) reported values", median(layouts))
      return pipeline.data
    case .dense:
      let (data, elapsed) = timed { generator.denseGrids() }
      report("generate the dense grids", median([elapsed]))
      return data
    }
  }

  /// The scheme compiled against the plan, or without one against the grids' indicators and orgs,
  /// and the first assessment.
  static func assessment(
    _ scheme: AssessmentScheme, of monitor: Monitor, data: GeneratedData, events: AssessmentEvents
  ) throws -> (CompiledScheme, Assessor) {
    let grid = AssessmentGrid(monitor: monitor, events: events)
    let compiled: CompiledScheme
    if let plan = data.plan {
      compiled = try CompiledScheme(scheme: scheme, plan: plan, grid: grid)
    } else {
      let orgs = data.targets.orgs.map { id in
        Org(
          id: id, kind: id.rawValue.hasPrefix("district.") ? .district : .bureau, name: LocalizedText(zh: "", en: ""),
          location: BenchmarkScheme.location)
      }
      compiled = try CompiledScheme(scheme: scheme, orgs: orgs, targets: data.targets, grid: grid)
    }
    return (compiled, try Assessor(compiled: compiled, grid: grid))
  }

  /// One value changed at a time, of a random indicator and district in the last year: in turn the
  /// monitoring timed alone (the assessment following untimed), the assessment following it timed
  /// alone, and both together.
  mutating func incremental(_ monitor: inout Monitor, _ assessor: inout Assessor) {
    var monitoring: [Double] = []
    var assessment: [Double] = []
    var both: [Double] = []
    let targets = monitor.targets
    let orgCount = targets.orgs.count
    let firstDistrict = targets.indicators.first?.districts.first ?? 0
    let lastSlot = targets.axis.count - 1
    for run in 0..<updates {
      let cell = Actuals.Cell(
        indicator: Int(generator.rng.unit() * Double(targets.indicators.count)),
        org: firstDistrict + Int(generator.rng.unit() * Double(orgCount - firstDistrict)),
        slot: lastSlot - Int(generator.rng.unit() * 4))
      let value = Int64(1000 + run)
      switch run % 3 {
      case 0:
        monitoring.append(time { monitor.update(cell, units: value) })
        assessor.update(from: monitor)
      case 1:
        monitor.update(cell, units: value)
        assessment.append(time { assessor.update(from: monitor) })
      default:
        both.append(
          time {
            monitor.update(cell, units: value)
            assessor.update(from: monitor)
          })
      }
    }
    report("incremental monitoring after one value", median(monitoring))
    report("incremental assessment after one value", median(assessment))
    report("incremental monitoring + assessment", median(both))
    figures.incrementalMonitoringSeconds = medianSeconds(monitoring)
    figures.incrementalAssessmentSeconds = medianSeconds(assessment)
    figures.incrementalSeconds = medianSeconds(both)
  }
}

extension BenchmarkRun {
  /// Times the monitoring of every quarter at once (`Monitor.history`), with the peak memory it
  /// adds, and prints the lights of the last quarter as a check against the full pass.
  mutating func timeAllPeriods(_ monitor: Monitor) {
    let before = residentBytes()
    resetPeakMemory()
    var lastCounts: [PaceStatus: Int] = [:]
    var quarters = 0
    let (elapsed, processor) = timesWithProcessor(min(runs, 3)) {
      let history = monitor.history()
      quarters = history.slots.count
      lastCounts = history.counts(slot: monitor.targets.axis.count - 1)
    }
    let added = (peakMemoryBytes() ?? 0) - before
    report("all periods: every quarter's lights (\(quarters))", median(elapsed))
    report("  processor time, all threads", median(processor))
    report("  peak memory added", "\(added / 1_048_576) MB")
    let full = monitor.lightCounts
    report("  last quarter's lights equal the full pass'", lastCounts == full ? "yes" : "NO")
    figures.allPeriodsSeconds = medianSeconds(elapsed)
    figures.allPeriodsProcessorSeconds = medianSeconds(processor)
    figures.allPeriodsAddedPeakBytes = added
  }
}

extension GeneratedData {
  /// The actual figures, leaving none here: whoever takes them holds the only copy, and updates it
  /// in place instead of copying 30 million figures on the first change.
  mutating func takeActuals() -> Actuals {
    defer {
      actuals = Actuals(
        indicators: [], orgs: [], axis: targets.axis, figures: FigureGrid(places: [], stride: 0), reportedAt: [])
    }
    return actuals
  }
}
