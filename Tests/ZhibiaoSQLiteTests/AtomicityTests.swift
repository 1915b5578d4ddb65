import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

/// A submission that fails part-way leaves the store exactly as it was.
///
/// Two comparisons, each catching what the other could miss: the bytes of the database file
/// after a TRUNCATE checkpoint (every committed page in the file, the WAL empty), which is the
/// literal "byte for byte"; and a dump of the schema and every row of every table, which says
/// which row differs when the bytes do.
@Suite("All rows or none")
struct AtomicityTests {
  /// A row that makes the second of three rows fail, or the last one refused.
  enum BadRow: String, CaseIterable, CustomTestStringConvertible {
    /// An empty indicator id, refused by a CHECK constraint while the rows are being written.
    case emptyIndicator
    /// A quarter the period type lets through but the schema does not.
    case quarterOutOfRange
    /// A change to a locked period, as the last row.
    case approvedPeriodLast
    /// An empty indicator id after more new figures than one insert statement takes, so that the
    /// statements before it have written their rows when it fails.
    case emptyIndicatorAfterFullBatches

    var testDescription: String { rawValue }

    var rows: [ObservationInput] {
      let first = Fixture.row(Fixture.revenue, value: "200", line: 2)  // revises a stored value
      let third = Fixture.row("digital.cloud_revenue", value: "3", line: 4)  // a new observation
      switch self {
      case .emptyIndicator: return [first, Fixture.row("", value: "1", line: 3), third]
      case .quarterOutOfRange: return [first, Fixture.row(period: .quarter(7, of: 2024), value: "1", line: 3), third]
      case .approvedPeriodLast: return [first, third, Fixture.row(org: Fixture.xihu, value: "9", line: 5)]
      case .emptyIndicatorAfterFullBatches:
        let many = (0..<1_100).map { Fixture.row(IndicatorID("bulk.i\($0)"), value: "\($0)", line: 5 + $0) }
        return [first] + many + [Fixture.row("", value: "1", line: 3), third]
      }
    }
  }

  @Test("A submission that fails part-way leaves the file byte for byte as it was", arguments: BadRow.allCases)
  func failedSubmissionWritesNothing(bad: BadRow) async throws {
    let temporary = try TemporaryStore()
    defer { withExtendedLifetime(temporary) {} }
    let store = temporary.store
    let seed = [
      Fixture.row(Fixture.revenue, value: "100"), Fixture.row(Fixture.incubators, value: "7"),
      Fixture.row(org: Fixture.xihu, value: "50"),
    ]
    _ = try await store.submit(Fixture.submission(seed))
    try await store.lock(Fixture.xihu)
    let audit = try await store.auditLog(plan: Fixture.plan, org: nil)
    let bytes = try store.checkpointedBytes()
    let dump = try store.dump()

    await #expect(throws: StoreError.self) {
      _ = try await store.submit(Fixture.submission(bad.rows, at: Fixture.wednesday))
    }

    #expect(try store.dump() == dump)
    #expect(try store.checkpointedBytes() == bytes)
    #expect(try await store.observations(plan: Fixture.plan).map(\.value) == [100, 50, 7])
    // No audit entry of the failed submission was kept.
    await #expect(try store.auditLog(plan: Fixture.plan, org: nil) == audit)
    // The store is still usable, and the same rows without the bad one go in whole.
    let good = bad.rows.filter { $0.indicator != "" && $0.period.quarter != 7 && $0.org != Fixture.xihu }
    await #expect(try store.submit(Fixture.submission(good)) == SubmissionResult(added: good.count - 1, revised: 1))
  }

  @Test("A constraint failure is reported as a store error that names the file")
  func constraintFailureIsAStoreError() async throws {
    let store = try SQLiteStore.inMemory()
    await #expect {
      _ = try await store.submit(Fixture.submission(BadRow.emptyIndicator.rows))
    } throws: { error in
      guard case .unavailable(let path, let reason)? = error as? StoreError else { return false }
      return path == ":memory:" && reason.contains("CHECK constraint failed")
    }
  }
}
