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
/// at once; a write by the command line or another instance is seen once the reading is older
/// than `maximumAge` and the next one has been read. Each period's monitoring and each year's
/// assessment is computed once per reading of the store, however many requests ask at once.
final class Standing: Sendable {
  let workspace: Workspace
  let store: any Store
  let maximumAge: TimeInterval
  let clock: @Sendable () -> Date

  private struct State {
    /// Moves on with every write this app makes.
    var generation = 0
    /// The latest reading.
    var reading: Reading?
    /// The reading under way, and the generation it reads.
    var loading: (task: Task<Reading, any Error>, generation: Int)?
  }

  /// One reading of the store and what has been computed from it.
  private final class Reading: Sendable {
    let pipeline: Pipeline
    let generation: Int
    let readAt: Date
    let monitoring = Mutex<[Period: Task<MonitoringReport, any Error>]>([:])
    let assessments = Mutex<[Int: Task<ReportInputs.Assessment, any Error>]>([:])

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

  /// The reading to compute from. Requests that need a new reading share one: a write of this
  /// app makes them wait for it (so that a user sees the change just made), while a reading only
  /// older than `maximumAge` is still answered from as the next one is read beside it.
  private func reading() async throws -> Reading {
    let now = clock()
    let (ready, pending) = state.withLock { state -> (Reading?, Task<Reading, any Error>?) in
      if let current = state.reading, current.generation == state.generation {
        if now.timeIntervalSince(current.readAt) >= maximumAge, state.loading == nil {
          state.loading = (load(generation: state.generation), state.generation)
        }
        return (current, nil)
      }
      if let loading = state.loading, loading.generation == state.generation { return (nil, loading.task) }
      let task = load(generation: state.generation)
      state.loading = (task, state.generation)
      return (nil, task)
    }
    if let ready { return ready }
    return try await pending!.value
  }

  /// Reads the store for `generation` and keeps the reading as the latest.
  private func load(generation: Int) -> Task<Reading, any Error> {
    Task {
      let started = clock()
      do {
        let reading = Reading(
          pipeline: try await Pipeline(workspace: workspace, store: store), generation: generation, readAt: started)
        state.withLock { state in
          if state.reading.map({ $0.readAt <= started }) ?? true { state.reading = reading }
          if state.loading?.generation == generation { state.loading = nil }
        }
        return reading
      } catch {
        state.withLock { state in
          if state.loading?.generation == generation { state.loading = nil }
        }
        throw error
      }
    }
  }

  /// The latest year of the plan with any reported figure; nil when there is none.
  func latestYear() async throws -> Int? {
    try await reading().pipeline.observations.lazy.map(\.period.year).filter(workspace.plan.years.contains).max()
  }

  /// Monitoring at `period` (year to date).
  func monitoring(at period: Period) async throws -> MonitoringReport {
    let reading = try await reading()
    let clock = self.clock
    let task = reading.monitoring.withLock { memo in
      if let task = memo[period] { return task }
      let task = Task { try reading.pipeline.monitoring(at: period, asOf: clock()) }
      memo[period] = task
      return task
    }
    return try await task.value
  }

  /// The consolidated assessment of `year` (without the year's bonus and deduction events,
  /// which are not entered in the app); nil when the configuration has no assessment scheme.
  func assessment(year: Int) async throws -> ReportInputs.Assessment? {
    guard workspace.scheme != nil else { return nil }
    let reading = try await reading()
    let clock = self.clock
    let task = reading.assessments.withLock { memo in
      if let task = memo[year] { return task }
      let task = Task {
        let monitoring = try reading.pipeline.monitoring(at: .quarter(4, of: year), asOf: clock())
        return try reading.pipeline.assessment(of: monitoring, events: AssessmentEvents(), provisional: false)
      }
      memo[year] = task
      return task
    }
    return try await task.value
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
