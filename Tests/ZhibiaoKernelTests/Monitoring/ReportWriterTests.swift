import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel

@Suite("Monitoring: the report written as it goes")
struct ReportWriterTests {
  /// The report's JSON as the command line's `JSONViews.monitoring(_:pretty: false)` encodes it.
  static func encoded(_ report: MonitoringReport) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(report), as: UTF8.self)
  }

  /// What the writer writes in `format`.
  static func written(_ monitor: Monitor, _ format: MonitoringReportWriter.Format) -> (text: String, rows: Int) {
    var bytes: [UInt8] = []
    let rows = MonitoringReportWriter(monitor: monitor).write(format) { bytes.append(contentsOf: $0) }
    return (String(decoding: bytes, as: UTF8.self), rows)
  }

  @Test(
    "A plan with derived indicators, a parity, register counts, late and missing figures: the streamed JSON and CSV are the bytes of the report built row by row",
    arguments: [
      Period.quarter(1, of: 2023), .quarter(3, of: 2024), .quarter(4, of: 2024), .year(2024), .quarter(2, of: 2025),
    ])
  func planReport(period: Period) throws {
    let setup = try MonitoringIntegrationTests.Setup()
    for asOf in [nil, chinaTime("2025-02-01 09:00")] {
      let monitor = try setup.monitor(period, asOf: asOf)
      let report = monitor.report()
      #expect(!report.rows.isEmpty)
      let json = Self.written(monitor, .json)
      let expected = try Self.encoded(report)
      #expect(json.text == expected)
      #expect(json.rows == report.rows.count)
      let csv = Self.written(monitor, .csv)
      #expect(csv.text == report.csv)
      #expect(csv.text.split(separator: "\n").count == report.rows.count + 1)
    }
  }

  @Test(
    "Property: on random grids (ties, zeros, missing figures and targets) the streamed JSON and CSV equal the report's")
  func randomGrids() async throws {
    await propertyCheck(count: 60, input: IncrementalCase.generator) { try Self.expectStreamedAsReported($0) }
  }

  /// Expects the streamed JSON and CSV of the case's monitor to be the report's, byte for byte.
  static func expectStreamedAsReported(_ testCase: IncrementalCase) throws {
    let settings = MonitoringSettings(outlierMinimumCount: 3, outlierMinimumPoints: 0)
    guard
      let monitor = try? testCase.grid.monitor(
        testCase.period, settings: settings, asOf: chinaTime("2024-06-30 12:00"))
    else {
      Issue.record("no monitor for \(testCase)")
      return
    }
    let report = monitor.report()
    let expected = try encoded(report)
    #expect(written(monitor, .json).text == expected, "\(testCase)")
    #expect(written(monitor, .csv).text == report.csv, "\(testCase)")
  }

  @Test("A report of many chunks keeps its rows in order, each once")
  func manyChunks() throws {
    let monitor = try Self.manyChunkMonitor()
    let report = monitor.report()
    #expect(report.rows.count > 4 * MonitoringReportWriter.chunkRows)
    #expect(Self.written(monitor, .csv).text == report.csv)
    let expected = try Self.encoded(report)
    #expect(Self.written(monitor, .json).text == expected)
  }

  /// A monitor of 9,000 districts and two indicators: rows for many chunks of the writer.
  static func manyChunkMonitor() throws -> Monitor {
    let axis = PeriodAxis(firstYear: 2021, lastYear: 2025)
    let districts = 9_000
    let orgs = WideGrid.orgs(districts: districts)
    let indicators = [
      MonitoredIndicator(id: "mon.output", kind: .flow, precision: 0.1, city: 0, districts: Array(1...districts)),
      MonitoredIndicator(
        id: "mon.rate", kind: .ratio, aggregation: .weightedMean, city: 0, districts: Array(1...districts)),
    ]
    let count = indicators.count * orgs.count * axis.count
    let values = ContiguousArray((0..<count).map { (index: Int) -> Double in Double(index * 7919 % 5000) / 10 })
    let targets = ContiguousArray(
      (0..<count).map { (index: Int) -> Double in
        index % axis.count < 4 ? .nan : Double(index * 104_729 % 4000) / 10
      })
    let grids = WideGrid.layout(indicators, orgs: orgs, axis: axis, values: values, targets: targets)
    return try Monitor(targets: grids.targets, actuals: grids.actuals, period: .quarter(3, of: 2024))
  }

  @Test(
    "A sink that fails part way: the error comes back, the bytes before it are the report's first, and the writer can write again"
  )
  func failingSink() throws {
    struct Full: Error {}
    let monitor = try Self.manyChunkMonitor()
    let expected = Array(monitor.report().csv.utf8)
    let writer = MonitoringReportWriter(monitor: monitor)
    for pieces in [1, 2, 7] {
      var bytes: [UInt8] = []
      var handed = 0
      #expect(throws: Full.self) {
        try writer.write(.csv) { piece in
          guard handed < pieces else { throw Full() }
          handed += 1
          bytes.append(contentsOf: piece)
        }
      }
      #expect(handed == pieces)
      #expect(bytes.count < expected.count)
      #expect(Array(expected.prefix(bytes.count)) == bytes)
    }
    #expect(Self.written(monitor, .csv).text == String(decoding: expected, as: UTF8.self))
  }

  @Test("Property: a double rounded to 0–8 decimals is written as printf's %.Nf writes it, ties to even included")
  func fixedDecimals() async {
    let values = Gen.oneOf(
      Gen.double(in: -1e6...1e6), Gen.int(in: -100_000...100_000).map { Double($0) / 8 },
      Gen.int(in: -1000...1000).map { Double($0) / 1000 }, Gen.double(in: -1e-6...1e-6))
    await propertyCheck(count: 2000, input: values, Gen.int(in: 0...8)) { value, places in
      #expect(NumberText.fixed(value, places: places) == String(format: "%.\(places)f", value), "\(value) \(places)")
    }
    for (value, places) in [(0.125, 2), (2.5, 0), (3.5, 0), (-0.0, 2), (-0.001, 2), (1e18, 1), (5e-324, 3)] {
      #expect(NumberText.fixed(value, places: places) == String(format: "%.\(places)f", value), "\(value) \(places)")
    }
  }

  @Test("Property: a figure in units is written as Decimal describes it")
  func decimals() async {
    await propertyCheck(count: 1000, input: Gen.int(in: -2_000_000_000...2_000_000_000), Gen.int(in: 0...12)) {
      units, places in
      var output: [UInt8] = []
      NumberText.appendDecimal(Int64(units), places: places, to: &output)
      let expected = FigureGrid.decimal(Int64(units), places: places)?.description
      #expect(String(decoding: output, as: UTF8.self) == expected, "\(units) \(places)")
    }
  }

  @Test("Property: a sample of many districts' growth sorted by radix equals the standard sort, bit for bit")
  func radixSort() async {
    let many = Gen.int(in: -400...400).map { Double($0) / 16 }.array(of: 256...3000)
    let spread = Gen.double(in: -2...2).array(of: 256...3000)
    await propertyCheck(count: 40, input: many, spread) { tied, untied in
      for values in [tied, untied] {
        let sample = SortedSample(values)
        #expect(sample.values.map(\.bitPattern) == values.map { $0 + 0 }.sorted().map(\.bitPattern))
        #expect(SortedSampleTests.figures(sample.spread) == SortedSampleTests.reference(values))
      }
    }
  }
}

@Suite("Monitoring: every quarter at once")
struct MonitoringHistoryTests {
  /// Checks that `history` gives each quarter's lights and flags as a monitor of that quarter.
  static func check(_ history: MonitoringHistory, against monitor: (Period) throws -> Monitor) throws {
    for slot in history.slots {
      let quarter = try monitor(history.axis.period(ofSlot: slot))
      let report = quarter.report()
      var reported = 0
      for row in 0..<history.rowCount where history.isActive(row: row, slot: slot) {
        let i = Int(history.rowIndicator[row])
        let o = Int(history.rowOrg[row])
        let expected = try #require(
          quarter.row(quarter.targets.indicators[i].id, quarter.targets.orgs[o]), "row \(row) at slot \(slot)")
        #expect(history.light(row: row, slot: slot) == expected.status, "row \(row) at slot \(slot)")
        #expect(
          history.flags(row: row, slot: slot) == expected.flags.filter { $0 != .registerMismatch },
          "row \(row) at slot \(slot)")
        reported += 1
      }
      #expect(reported == report.rows.count, "slot \(slot)")
      #expect(history.counts(slot: slot) == report.counts, "slot \(slot)")
    }
  }

  @Test("A plan with derived indicators, a parity and register counts: each quarter equals a monitor of that quarter")
  func plan() throws {
    let setup = try MonitoringIntegrationTests.Setup(through: .quarter(2, of: 2025))
    let asOf = chinaTime("2025-08-01 09:00")
    let monitor = try setup.monitor(.quarter(3, of: 2024), asOf: asOf)
    try Self.check(monitor.history()) { try setup.monitor($0, asOf: asOf) }
  }

  @Test(
    "With hundreds of districts, whose spread across districts is selected rather than sorted, every quarter equals a monitor of that quarter"
  )
  func manyDistricts() throws {
    let axis = PeriodAxis(firstYear: 2021, lastYear: 2025)
    let districts = 300
    let orgs = WideGrid.orgs(districts: districts)
    let indicators = [
      MonitoredIndicator(id: "mon.output", kind: .flow, precision: 0.1, city: 0, districts: Array(1...districts)),
      MonitoredIndicator(
        id: "mon.rate", kind: .ratio, aggregation: .weightedMean, city: 0, districts: Array(1...districts)),
      // Few distinct figures: MAD = 0 at many quarters, where the spread is sorted after all.
      MonitoredIndicator(id: "mon.tied", kind: .stock, precision: 1, city: 0, districts: Array(1...districts)),
    ]
    var random = WideGrid.Uniform(state: 7)
    func next() -> Double { random.next() }
    let perIndicator = orgs.count * axis.count
    let count = indicators.count * perIndicator
    let values = ContiguousArray(
      (0..<count).map { index in
        if next() < 0.05 { return Double.nan }
        if index / perIndicator == 2 { return 100 + (next() * 3).rounded() }
        // Now and then a figure far from the others, for outliers across districts.
        return next() < 0.02 ? (next() * 100_000).rounded() / 10 : (900 + next() * 200).rounded() / 10
      })
    let targets = ContiguousArray((0..<count).map { $0 % axis.count < 4 ? Double.nan : (next() * 1000).rounded() / 10 })
    let (monitoringTargets, actuals) = WideGrid.layout(
      indicators, orgs: orgs, axis: axis, values: values, targets: targets)
    let settings = MonitoringSettings(outlierMinimumPoints: 0)
    let monitor = try Monitor(
      targets: monitoringTargets, actuals: actuals, period: .quarter(4, of: 2025), settings: settings)
    let history = monitor.history()
    var outliers = 0
    for slot in history.slots {
      for row in 0..<history.rowCount where history.flags(row: row, slot: slot).contains(.outlierAcrossDistricts) {
        outliers += 1
      }
    }
    #expect(outliers > 0, "the grid has outliers across districts to find")
    try Self.check(history) {
      try Monitor(targets: monitoringTargets, actuals: actuals, period: $0, settings: settings)
    }
  }

  @Test("Property: on random grids every quarter of the history equals a monitor of that quarter")
  func randomGrids() async {
    let settings = MonitoringSettings(outlierMinimumCount: 3, outlierMinimumPoints: 0)
    let asOf = chinaTime("2024-06-30 12:00")
    await propertyCheck(count: 40, input: IncrementalCase.generator) { testCase in
      let grid = testCase.grid
      let monitor = try grid.monitor(testCase.period, settings: settings, asOf: asOf)
      try Self.check(monitor.history()) { try grid.monitor($0, settings: settings, asOf: asOf) }
    }
  }
}
