// A shared store tells each process of the writes the others commit, and not of its own.

import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoPostgres
import ZhibiaoStore
import ZhibiaoTestSupport

@Suite("Writes told to other processes")
struct ChangesElsewhereTests {
  @Test(
    "A write committed by one store is told to another on the same database, with its org and period",
    .enabled(if: StoreBackend.available.contains(.postgres)))
  func told() async throws {
    let url = try await StoreBackend.emptySchema()
    let writer = try await PostgresStore(url: url, maximumConnections: 4)
    let listener = try await PostgresStore(url: url, maximumConnections: 4)
    let heard = listener.changesElsewhere()
    let ownHeard = writer.changesElsewhere()
    // Listening starts on a connection of its own; give it a moment before writing.
    try await Task.sleep(for: .milliseconds(300))
    _ = try await writer.submit(Fixture.submission([Fixture.row(Fixture.revenue, value: "100", line: 2)]))
    _ = try await writer.lock(
      plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1, by: "bureau.drc", at: Fixture.monday)

    var iterator = heard.makeAsyncIterator()
    let write = try #require(await iterator.next())
    #expect(!write.isLock && write.periods == [StoreChange.OrgPeriodKey(org: Fixture.binjiang, period: Fixture.q1)])
    let lock = try #require(await iterator.next())
    #expect(lock.isLock && lock.periods == [StoreChange.OrgPeriodKey(org: Fixture.binjiang, period: Fixture.q1)])

    // The writer hears nothing of its own writes: a later write by the listener is the first it hears.
    _ = try await listener.submit(
      Fixture.submission([Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "50", line: 2)]))
    var own = ownHeard.makeAsyncIterator()
    let first = try #require(await own.next())
    #expect(first.periods == [StoreChange.OrgPeriodKey(org: Fixture.xihu, period: Fixture.q1)])
  }

  @Test("A change's text names its sender, kind and periods, and a large one says all")
  func payload() throws {
    let change = StoreChange(
      isLock: false, periods: [StoreChange.OrgPeriodKey(org: "district.xihu", period: .quarter(2, of: 2025))])
    let parsed = try #require(StoreChange.parse(change.payload(from: "a")))
    #expect(parsed.sender == "a" && parsed.change == change)
    let many = StoreChange(
      isLock: true,
      periods: (0..<2000).map { StoreChange.OrgPeriodKey(org: OrgID("district.\($0)"), period: .year(2025)) })
    #expect(StoreChange.parse(many.payload(from: "b"))?.change == StoreChange(isLock: true, periods: nil))
    #expect(StoreChange.parse("junk") == nil)
  }
}
