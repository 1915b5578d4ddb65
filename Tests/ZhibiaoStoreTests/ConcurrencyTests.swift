import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// Many users at once: what the store promises holds when writes race, on every backend.
@Suite("Concurrent users")
struct ConcurrencyTests {
  /// 25 orgs submitting their own figures and 25 submissions of one org, all at once.
  @Test(
    "50 concurrent submitters: every row present exactly once, with one revision and one audit entry",
    arguments: StoreBackend.available)
  func fiftySubmitters(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    let rowsEach = 8
    var sent: [[ObservationInput]] = []
    for submitter in 0..<50 {
      let org: OrgID = submitter < 25 ? OrgID("district.t\(submitter)") : Fixture.binjiang
      sent.append(
        (0..<rowsEach).map { row in
          Fixture.row(IndicatorID("test.i\(submitter)_\(row)"), org: org, value: "\(submitter).\(row)", line: row + 2)
        })
    }
    let results = try await withThrowingTaskGroup(of: SubmissionResult.self) { group in
      for rows in sent {
        group.addTask { try await store.submit(Fixture.submission(rows, by: rows[0].org)) }
      }
      return try await group.reduce(into: [SubmissionResult]()) { $0.append($1) }
    }
    #expect(results.count == 50)
    #expect(results.allSatisfy { $0 == SubmissionResult(added: rowsEach) })
    let stored = try await store.observations(plan: Fixture.plan)
    #expect(stored.count == 50 * rowsEach)
    #expect(stored.allSatisfy { $0.revision == 1 })
    let key = { (indicator: IndicatorID, org: OrgID, value: Decimal) in "\(indicator)|\(org)|\(value)" }
    #expect(
      Set(stored.map { key($0.indicator, $0.org, $0.value) })
        == Set(sent.joined().map { key($0.indicator, $0.org, $0.value) }))
    #expect(try await store.auditLog(plan: Fixture.plan, org: nil).count == 50 * rowsEach)
  }

  @Test(
    "The same figure sent by many at once: every submission lands whole, the revisions count up without gaps",
    arguments: StoreBackend.available)
  func sameFigureAtOnce(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for sender in 0..<20 {
        group.addTask {
          _ = try await store.submit(
            Fixture.submission([
              Fixture.row(value: "\(100 + sender)"), Fixture.row(Fixture.incubators, value: "\(sender)"),
            ]))
        }
      }
      try await group.waitForAll()
    }
    let revisions = try await store.history(
      plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
    #expect(revisions.map(\.number) == Array(1...20))
    let incubators = try await store.history(
      plan: Fixture.plan, indicator: Fixture.incubators, org: Fixture.binjiang, period: Fixture.q1)
    // Both figures of a submission land together: the n-th revision of each came from one sender.
    #expect(zip(revisions, incubators).allSatisfy { $0.value - 100 == $1.value })
  }

  @Test("Two reviewers of one figure: exactly one approval is recorded", arguments: StoreBackend.available)
  func twoReviewers(_ backend: StoreBackend) async throws {
    for _ in 0..<5 {
      let store = try await backend.store()
      _ = try await store.submit(Fixture.submission([Fixture.row(value: "100")]))
      let moved = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<2 { group.addTask { try await store.review([Fixture.revenue]) } }
        return try await group.reduce(0, +)
      }
      #expect(moved == 1)
      let history = try await store.history(
        plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
      #expect(history.map(\.status) == [.submitted, .approved])
      #expect(try await store.auditLog(plan: Fixture.plan, org: nil).filter { $0.action == .approve }.count == 1)
    }
  }

  @Test(
    "A lock racing a submission: the submission lands wholly before the lock, or is refused whole",
    arguments: StoreBackend.available)
  func lockRacingSubmission(_ backend: StoreBackend) async throws {
    var outcomes: Set<Bool> = []
    for _ in 0..<10 {
      let store = try await backend.store()
      let rows = [Fixture.row(value: "100", line: 2), Fixture.row(Fixture.incubators, value: "7", line: 3)]
      async let submitted: Bool = {
        do {
          _ = try await store.submit(Fixture.submission(rows))
          return true
        } catch StoreError.refused(let refusal, let lines) where refusal.rule == .locked {
          #expect(lines == [2, 3])
          return false
        }
      }()
      async let locked = store.lock()
      let (landed, didLock) = try await (submitted, locked)
      #expect(didLock)
      outcomes.insert(landed)
      let audit = try await store.auditLog(plan: Fixture.plan, org: nil)
      let stored = try await store.observations(plan: Fixture.plan)
      if landed {
        #expect(stored.count == 2)
        #expect(audit.map(\.action) == [.submit, .submit, .lock])
      } else {
        #expect(stored.isEmpty)
        #expect(audit.map(\.action) == [.lock])
      }
    }
    // Which one wins is the scheduler's to decide; either is correct.
    #expect(!outcomes.isEmpty)
  }

  @Test(
    "Change requests of one figure decided at once: one is accepted, the others are stale or decided, never two values",
    arguments: StoreBackend.available)
  func decisionsAtOnce(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "100")]))
    _ = try await store.review([Fixture.revenue])
    var ids: [Int] = []
    for value in 101...105 { ids.append(try await store.fileChangeRequest(Fixture.filing(value: "\(value)")).id) }
    // Each request accepted twice at once: ten decisions racing for one figure.
    let accepted = try await withThrowingTaskGroup(of: Int?.self) { group in
      for id in ids + ids {
        group.addTask {
          do {
            return try await store.decide(id).id
          } catch StoreError.refused(let refusal, _) where refusal.rule == .stale || refusal.rule == .changeDecided {
            return nil
          }
        }
      }
      return try await group.reduce(into: [Int]()) { if let id = $1 { $0.append(id) } }
    }
    #expect(accepted.count == 1)
    let figure = try #require(try await store.observations(plan: Fixture.plan).first)
    let requests = try await store.changeRequests(plan: Fixture.plan)
    #expect(requests.filter { $0.state == .accepted }.map(\.id) == accepted)
    #expect(requests.filter { $0.state == .accepted }.map(\.value) == [figure.value])
    #expect(figure.revision == 3 && figure.status == .submitted)
    await #expect(try store.auditLog(plan: Fixture.plan, org: nil).filter { $0.action == .acceptChange }.count == 1)
  }
}
