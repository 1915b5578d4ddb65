import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoSQLite
import ZhibiaoStore
import ZhibiaoTestSupport
import ZhibiaoWorkspace

@testable import ZhibiaoHost

/// A stored figure that no double can hold, followed from the store to what people read.
@Suite("Exact figures from the store to monitoring and the assessment")
struct ExactFigureTests {
  /// 18 significant digits: the nearest double is 12345678901234.567….
  static let stated = "12345678901234.5678"

  @Test("A stored 12345678901234.5678 reaches the monitoring row, its JSON and the assessment's figures unchanged")
  func storedDigitsSurvive() async throws {
    let value = try #require(Decimal(string: Self.stated, locale: nil))
    #expect("\(try #require(Double(Self.stated)))" != Self.stated)
    let workspace = try HangzhouPlan.workspace()
    let plan = workspace.plan
    let store = try SQLiteStore.inMemory()
    let csv =
      "indicator,org,period,value,unit,note\ndigital.software_revenue,district.binjiang,2024Q4,\(Self.stated),亿元,\n"
    let (file, diagnostics) = try await ImportFile.check(
      csv, file: "exact.csv", plan: plan, submitter: plan.commission, store: store)
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    _ = try await file.submit(to: store, plan: plan, submitter: plan.commission, role: .commission, source: "exact.csv")

    let pipeline = try await Pipeline(workspace: workspace, store: store)
    let asOf = try #require(ObservationImport.noonInChina("2025-03-01"))
    let monitoring = try pipeline.monitoring(at: .quarter(4, of: 2024), asOf: asOf)
    let row = try #require(
      monitoring.rows.first { $0.indicator == "digital.software_revenue" && $0.org == "district.binjiang" })
    #expect(row.value == value && row.actual == value)
    let target = workspace.book.target("digital.software_revenue", "district.binjiang", .quarter(4, of: 2024))?.value
    #expect(row.annualTarget == target && row.gap == target.map { value - $0 })

    let json = MonitoringListing(plan: plan, report: monitoring, language: .zh).render(.json)
    let line = try #require(json.split(separator: "\n").first { $0.contains(Self.stated) })
    #expect(line.contains(Self.stated) && !line.contains(Self.stated + "0") && !line.contains("12345678901234.5677"))

    let inputs = Pipeline.inputs(year: 2024, monitoring: monitoring, events: AssessmentEvents())
    let binjiang = try #require(plan.org("district.binjiang"))
    #expect(inputs.figure(for: binjiang, indicator: "digital.software_revenue")?.actual == value)

    let monitor = try Monitor(
      plan: plan, book: workspace.book, observations: pipeline.observations, baselines: workspace.baselines,
      period: .quarter(4, of: 2024))
    let grid = AssessmentGrid(monitor: monitor)
    let i = try #require(grid.indicators.firstIndex(of: "digital.software_revenue"))
    let o = try #require(grid.orgs.firstIndex(of: "district.binjiang"))
    #expect(grid.decimals(indicator: i, org: o) == AssessmentFigure(actual: value, target: target))
  }

  @Test("A figure stated beyond what monitoring keeps exactly is refused with one sentence, not rounded")
  func tooManyDigitsAreRefused() throws {
    let workspace = try HangzhouPlan.workspace()
    let figure = ReportedValue(
      indicator: "digital.software_revenue", org: "district.binjiang", period: .quarter(4, of: 2024),
      value: try #require(Decimal(string: "123456789012345678901.5", locale: nil)))
    #expect(throws: Monitor.Failure.figureOutOfRange(figure)) {
      try Monitor(
        plan: workspace.plan, book: workspace.book, observations: [figure], period: .quarter(4, of: 2024))
    }
  }
}
