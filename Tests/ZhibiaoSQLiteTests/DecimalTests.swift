import Foundation
import GRDB
import Testing
import ZhibiaoKernel
import ZhibiaoStore

@testable import ZhibiaoSQLite

@Suite("Exact values and times")
struct DecimalTests {
  static let values = [
    "0.1", "12345678901234.5678", "1.3", "-0.000001", "99999999999999999999.99", "0", "100", "-42.5",
  ]

  @Test("Values survive the store exactly, stored as decimal text", arguments: values)
  func roundTrip(text: String) async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await store.submit(Fixture.submission([Fixture.row(value: text)]))
    let value = Fixture.decimal(text)
    await #expect(try store.observations(plan: Fixture.plan).map(\.value) == [value])
    await #expect(
      try store.history(plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
        .map(\.value) == [value])
    let stored = try store.writer.read { db in
      try Row.fetchOne(db, sql: "SELECT typeof(value) AS kind, value FROM observation")
    }
    #expect(stored?["kind"] == "text")
    #expect(stored?["value"] == text)
  }

  @Test("Ten tenths add up to exactly one after the store")
  func sums() async throws {
    let store = try SQLiteStore.inMemory()
    let rows = (0..<10).map { Fixture.row(IndicatorID("x.i\($0)"), value: "0.1") }
    _ = try await store.submit(Fixture.submission(rows))
    await #expect(try store.observations(plan: Fixture.plan).map(\.value).reduce(0, +) == 1)
  }

  @Test("A value written with trailing zeros is the same value")
  func trailingZeros() async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1.3")]))
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "1.30")])) == SubmissionResult(unchanged: 1))
  }

  @Test("Times are UTC ISO-8601 text to the millisecond and read back as written")
  func timestamps() throws {
    let cases: [(Double, String)] = [
      (0, "1970-01-01T00:00:00.000Z"),
      (1_713_139_200, "2024-04-15T00:00:00.000Z"),
      (1_709_251_199.999, "2024-02-29T23:59:59.999Z"),
      (951_782_400, "2000-02-29T00:00:00.000Z"),
      (-1, "1969-12-31T23:59:59.000Z"),
      (4_102_444_800, "2100-01-01T00:00:00.000Z"),
    ]
    for (seconds, text) in cases {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(Timestamp.text(date) == text)
      #expect(Timestamp.date(text) == date)
    }
    #expect(Timestamp.date("2024-04-15 00:00:00") == nil)
    #expect(Timestamp.date("2024-13-15T00:00:00.000Z") == nil)
  }

  @Test("A hand-edited value that is not a number is reported, not read as a wrong figure")
  func malformedValue() async throws {
    let store = try SQLiteStore.inMemory()
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1")]))
    try await store.writer.write { db in try db.execute(sql: "UPDATE observation SET value = '12abc'") }
    await #expect(throws: StoreError.self) { _ = try await store.observations(plan: Fixture.plan) }
  }
}
