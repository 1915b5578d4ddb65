import Foundation
import GRDB
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

/// Values the tests share.
enum Fixture {
  static let plan: PlanID = "hangzhou.producer_services"
  static let otherPlan: PlanID = "ningbo.producer_services"
  static let revenue: IndicatorID = "digital.ict_revenue"
  static let incubators: IndicatorID = "tech.national_incubators"
  static let binjiang: OrgID = "district.binjiang"
  static let xihu: OrgID = "district.xihu"
  static let bureau: OrgID = "bureau.economy"
  static let commission: OrgID = "bureau.drc"
  static let q1: Period = .quarter(1, of: 2024)
  /// A whole second, so that it survives the store's millisecond times exactly.
  static let monday = Date(timeIntervalSince1970: 1_713_139_200)
  static let tuesday = monday.addingTimeInterval(86_400)
  static let wednesday = tuesday.addingTimeInterval(86_400)

  static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

  static func row(
    _ indicator: IndicatorID = revenue, org: OrgID = binjiang, period: Period = q1, value: String,
    note: String? = nil, line: Int = 0
  ) -> ObservationInput {
    ObservationInput(indicator: indicator, org: org, period: period, value: decimal(value), note: note, line: line)
  }

  static func submission(
    _ rows: [ObservationInput], plan: PlanID = plan, by submitter: OrgID = binjiang, source: String = "q1.csv",
    at time: Date = monday, status: ObservationStatus = .submitted, reason: String? = nil, role: Role = .district
  ) -> Submission {
    Submission(
      plan: plan, submitter: submitter, role: role, source: source, time: time, status: status, reason: reason,
      rows: rows)
  }
}

extension SQLiteStore {
  /// The bureau reviews the given figures of 滨江区 for 2024Q1.
  func review(
    _ indicators: [IndicatorID], of org: OrgID = Fixture.binjiang, _ decision: ReviewDecision = .approve,
    comment: String? = nil, at time: Date = Fixture.tuesday
  ) async throws -> Int {
    try await review(
      plan: Fixture.plan, org: org, period: Fixture.q1, indicators: indicators, decision: decision, comment: comment,
      by: Fixture.bureau, role: .bureau, at: time)
  }

  /// The commission locks an org's 2024Q1.
  @discardableResult
  func lock(_ org: OrgID = Fixture.binjiang, at time: Date = Fixture.tuesday) async throws -> Bool {
    try await lock(plan: Fixture.plan, org: org, period: Fixture.q1, by: Fixture.commission, at: time)
  }

  /// Every row of every table, with the schema, as text: what a user could ever read back.
  func dump() throws -> [String] {
    try writer.read { db in
      var lines = try String.fetchAll(
        db, sql: "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      for table in tables {
        let columns = try db.columns(in: table).count
        let order = (1...columns).map(String.init).joined(separator: ", ")
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
          lines.append("\(table) \(row)")
        }
      }
      return lines
    }
  }

  /// The bytes of the database file once every committed transaction is in it and the WAL is
  /// empty.
  func checkpointedBytes() throws -> Data {
    _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    let wal = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
    #expect(wal.isEmpty, "the WAL still holds frames after a TRUNCATE checkpoint")
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }
}
