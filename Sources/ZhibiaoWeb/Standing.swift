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
/// A write through this app (a submission, a review, a lock) makes the next read check the store
/// at once. Otherwise a reading is checked when it is older than `maximumAge`, beside the requests
/// it goes on answering: the store's change mark (`Store.changeMark`) tells whether anything was
/// written — by the command line or another instance — and only then is the store read again and
/// everything computed afresh. Each period's monitoring, each year's assessment and each kept
/// page is computed once per reading, however many requests ask at once.
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
    /// The store's change mark when it was read.
    let mark: String
    /// The generation it holds for and when it was last found current; a check that finds the
    /// store unchanged renews these and keeps everything computed.
    let stamp: Mutex<(generation: Int, checkedAt: Date)>
    /// What was computed from this reading — monitoring, assessments, pages, API answers — by key.
    let views = Mutex<[String: Task<any Sendable, any Error>]>([:])

    init(pipeline: Pipeline, mark: String, generation: Int, checkedAt: Date) {
      self.pipeline = pipeline
      self.mark = mark
      self.stamp = Mutex((generation, checkedAt))
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

  /// The figures changed: the next read computes afresh. The store is read again at once, not
  /// when the next page asks, so that a page opened on hearing of the change (the board) waits
  /// less; a reading under way already is left to finish, and the next read starts its own.
  func changed() {
    state.withLock { state in
      state.generation += 1
      if state.loading == nil { state.loading = (load(generation: state.generation), state.generation) }
    }
  }

  /// The reading to compute from. Requests that need a new reading share one: a write of this
  /// app makes them wait for it (so that a user sees the change just made), while a reading only
  /// older than `maximumAge` is still answered from as the next one is read beside it.
  private func reading() async throws -> Reading {
    let now = clock()
    let (ready, pending) = state.withLock { state -> (Reading?, Task<Reading, any Error>?) in
      if let current = state.reading {
        let stamp = current.stamp.withLock { $0 }
        if stamp.generation == state.generation {
          if now.timeIntervalSince(stamp.checkedAt) >= maximumAge, state.loading == nil {
            state.loading = (load(generation: state.generation), state.generation)
          }
          return (current, nil)
        }
      }
      if let loading = state.loading, loading.generation == state.generation { return (nil, loading.task) }
      let task = load(generation: state.generation)
      state.loading = (task, state.generation)
      return (nil, task)
    }
    if let ready { return ready }
    return try await pending!.value
  }

  /// Checks the store for `generation`: when its change mark is the one read last, the last
  /// reading is renewed with all that was computed from it; else the store is read afresh.
  private func load(generation: Int) -> Task<Reading, any Error> {
    Task {
      let started = clock()
      func finish(_ reading: Reading?) {
        state.withLock { state in
          // A check that started before a later one must not put back an older reading.
          let latest = state.reading?.stamp.withLock { $0.generation } ?? -1
          if let reading, state.reading !== reading, latest <= generation { state.reading = reading }
          if state.loading?.generation == generation { state.loading = nil }
        }
      }
      do {
        // The mark is read first: a write landing during the reading moves it, and the next check reads again.
        let mark = try await store.changeMark()
        let current = state.withLock { $0.reading }
        if let current, current.mark == mark {
          current.stamp.withLock { stamp in
            if stamp.generation <= generation { stamp = (generation, started) }
          }
          finish(current)
          return current
        }
        let reading = Reading(
          pipeline: try await Pipeline(workspace: workspace, store: store, after: current?.pipeline), mark: mark,
          generation: generation, checkedAt: started)
        finish(reading)
        return reading
      } catch {
        finish(nil)
        throw error
      }
    }
  }

  /// The figures of the current reading.
  func pipeline() async throws -> Pipeline { try await reading().pipeline }

  /// The target book in force at the current reading: the configuration's, with every year
  /// issued in the store as its version in force holds it.
  func book() async throws -> TargetBook { try await reading().pipeline.workspace.book }

  /// The workspace at the current reading, with the issued target versions in force.
  func current() async throws -> Workspace { try await reading().pipeline.workspace }

  /// The latest year of the plan with any reported figure; nil when there is none.
  func latestYear() async throws -> Int? {
    try await reading().pipeline.observations.lazy.map(\.period.year).filter(workspace.plan.years.contains).max()
  }

  /// Monitoring at `period` (year to date).
  func monitoring(at period: Period) async throws -> MonitoringReport {
    let clock = self.clock
    return try await memo("monitoring|\(period)") { try $0.monitoring(at: period, asOf: clock()) }
  }

  /// The consolidated assessment of `year` (without the year's bonus and deduction events,
  /// which are not entered in the app); nil when the configuration has no assessment scheme.
  func assessment(year: Int) async throws -> ReportInputs.Assessment? {
    guard workspace.scheme != nil else { return nil }
    let clock = self.clock
    return try await memo("assessment|\(year)") { pipeline in
      let monitoring = try pipeline.monitoring(at: .quarter(4, of: year), asOf: clock())
      return try pipeline.assessment(of: monitoring, events: AssessmentEvents(), provisional: false)
    }
  }

  /// What `make` computes from the current reading, computed once per reading under `key`
  /// however many requests ask at once: a page's content, an API's answer.
  func cached<T: Sendable>(_ key: String, _ make: @escaping @Sendable () async throws -> T) async throws -> T {
    try await memo("view|" + key) { _ in try await make() }
  }

  /// What `make` computes from the current reading's figures, once per reading under `key`.
  private func memo<T: Sendable>(
    _ key: String, _ make: @escaping @Sendable (Pipeline) async throws -> T
  ) async throws -> T {
    let reading = try await reading()
    let task = reading.views.withLock { views in
      if let task = views[key] { return task }
      let task = Task<any Sendable, any Error> { try await make(reading.pipeline) }
      views[key] = task
      return task
    }
    guard let value = try await task.value as? T else { throw HTTPError(.internalServerError) }
    return value
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

/// A page's values, computed once and then only read: strings, numbers, and arrays and
/// dictionaries of them, which no one changes after they are made.
struct PageValues: @unchecked Sendable {
  let values: [String: Any]
}
