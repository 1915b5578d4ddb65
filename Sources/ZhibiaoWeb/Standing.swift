import Foundation
import Hummingbird
import Synchronization
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore
import ZhibiaoWorkspace

/// Monitoring and the assessment as the pages and the API read them: computed from the store's
/// figures once and kept until the figures change.
///
/// A write through this app (a submission, a review, a lock) makes the next read compute afresh
/// at once; a write by the command line or another instance is seen within `maximumAge`. Each
/// period's monitoring and each year's assessment is computed once per reading of the store.
final class Standing: Sendable {
  let workspace: Workspace
  let store: any Store
  let maximumAge: TimeInterval
  let clock: @Sendable () -> Date

  private struct State {
    /// Moves on with every write this app makes.
    var generation = 0
    /// What was read, at which generation and when.
    var reading: Reading?
  }

  /// One reading of the store and what has been computed from it.
  private final class Reading: Sendable {
    let pipeline: Pipeline
    let generation: Int
    let readAt: Date
    let monitoring = Mutex<[Period: MonitoringReport]>([:])
    let assessments = Mutex<[Int: ReportInputs.Assessment]>([:])

    init(pipeline: Pipeline, generation: Int, readAt: Date) {
      self.pipeline = pipeline
      self.generation = generation
      self.readAt = readAt
    }
  }

  private let state = Mutex(State())

  init(
    workspace: Workspace, store: any Store, maximumAge: TimeInterval = 1,
    clock: @escaping @Sendable () -> Date = Date.init
  ) {
    self.workspace = workspace
    self.store = store
    self.maximumAge = maximumAge
    self.clock = clock
  }

  /// The figures changed: the next read computes afresh.
  func changed() { state.withLock { $0.generation += 1 } }

  private func reading() async throws -> Reading {
    let now = clock()
    let (current, generation) = state.withLock { ($0.reading, $0.generation) }
    if let current, current.generation == generation, now.timeIntervalSince(current.readAt) < maximumAge {
      return current
    }
    let fresh = Reading(
      pipeline: try await Pipeline(workspace: workspace, store: store), generation: generation, readAt: now)
    state.withLock { state in
      if state.reading.map({ $0.readAt <= fresh.readAt }) ?? true { state.reading = fresh }
    }
    return fresh
  }

  /// The latest year of the plan with any reported figure; nil when there is none.
  func latestYear() async throws -> Int? {
    try await reading().pipeline.observations.lazy.map(\.period.year).filter(workspace.plan.years.contains).max()
  }

  /// Monitoring at `period` (year to date).
  func monitoring(at period: Period) async throws -> MonitoringReport {
    let reading = try await reading()
    if let report = reading.monitoring.withLock({ $0[period] }) { return report }
    let report = try reading.pipeline.monitoring(at: period, asOf: clock())
    reading.monitoring.withLock { $0[period] = report }
    return report
  }

  /// The consolidated assessment of `year` (without the year's bonus and deduction events,
  /// which are not entered in the app); nil when the configuration has no assessment scheme.
  func assessment(year: Int) async throws -> ReportInputs.Assessment? {
    guard workspace.scheme != nil else { return nil }
    let reading = try await reading()
    if let assessment = reading.assessments.withLock({ $0[year] }) { return assessment }
    let monitoring = try await monitoring(at: .quarter(4, of: year))
    let assessment = try reading.pipeline.assessment(of: monitoring, events: AssessmentEvents(), provisional: false)
    reading.assessments.withLock { $0[year] = assessment }
    return assessment
  }

  /// The rows of `report` that `account` may read: the city's rows for every account but a
  /// viewer, an org's rows by the rules for its figures (`ReviewRules.read`).
  func readable(_ report: MonitoringReport, by account: AccountRecord) async throws -> MonitoringReport {
    let plan = workspace.plan
    let rules = ReviewRules(plan: plan)
    var locks: [OrgID: Bool] = [:]
    var rows: [MonitoringRow] = []
    for row in report.rows {
      if row.isCity {
        if account.role != .viewer { rows.append(row) }
        continue
      }
      if locks[row.org] == nil {
        locks[row.org] = try await store.isLocked(plan: plan.id, org: row.org, period: report.period)
      }
      if rules.read(row.indicator, org: row.org, locked: locks[row.org] ?? false, by: account.org, as: account.role) {
        rows.append(row)
      }
    }
    return MonitoringReport(period: report.period, asOf: report.asOf, rows: rows)
  }
}
