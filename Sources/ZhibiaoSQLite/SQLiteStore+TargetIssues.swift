import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  /// Issues a year's targets as the plan's next version, in one transaction: checked against the
  /// versions issued before, read inside the same transaction, so two issues cannot take one
  /// number.
  public func issueTargets(_ filing: TargetIssueFiling) async throws -> TargetIssue {
    try await guarded {
      try await writer.write { db in
        let plan = filing.plan.rawValue
        let issued = try Row.fetchAll(
          db, sql: "SELECT \(TargetIssueRows.columns) FROM target_issue WHERE plan = ? ORDER BY version",
          arguments: [plan]
        ).map(TargetIssueRows.issue)
        if let refusal = filing.check(against: issued) { throw StoreError.refused(refusal, rows: []) }
        let version = (issued.map(\.version).max() ?? 0) + 1
        try db.execute(
          sql: """
            INSERT INTO target_issue (plan, version, year, document, issued_on, reason, hash, entry_count, issued_by,
              issued_role, issued_user, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            plan, version, filing.year, filing.document, filing.issuedOn, filing.reason, filing.hash,
            filing.entries.count, filing.issuer.rawValue, filing.role.rawValue, filing.user,
            Timestamp.text(filing.time),
          ])
        let insert = try db.makeStatement(
          sql: """
            INSERT INTO issued_target (plan, version, indicator, org, year, quarter, value, comparator, measure, partner,
              method, seasonal_share, is_city)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for entry in filing.entries {
          try insert.execute(arguments: [
            plan, version, entry.indicator.rawValue, entry.org.rawValue, entry.period.year,
            Stored.quarter(entry.period), entry.value.map(Stored.text), entry.comparator?.rawValue,
            entry.measure.rawValue, entry.partner?.rawValue, entry.method.rawValue,
            entry.seasonalShare.map(Stored.text), entry.isCity ? 1 : 0,
          ])
        }
        return try TargetIssueRows.issue(
          Row.fetchOne(
            db, sql: "SELECT \(TargetIssueRows.columns) FROM target_issue WHERE plan = ? AND version = ?",
            arguments: [plan, version])!)
      }
    }
  }

  /// Every version issued of `plan`, oldest first.
  public func targetIssues(plan: PlanID) async throws -> [TargetIssue] {
    try await guarded {
      try await writer.read { db in
        try Row.fetchAll(
          db, sql: "SELECT \(TargetIssueRows.columns) FROM target_issue WHERE plan = ? ORDER BY version",
          arguments: [plan.rawValue]
        ).map(TargetIssueRows.issue)
      }
    }
  }

  /// The targets of one version, in canonical order.
  public func issuedTargets(plan: PlanID, version: Int) async throws -> [TargetBook.Entry] {
    try await guarded {
      try await writer.read { db in
        try Row.fetchAll(
          db,
          sql: """
            SELECT indicator, org, year, quarter, value, comparator, measure, partner, method, seasonal_share, is_city
            FROM issued_target WHERE plan = ? AND version = ? ORDER BY indicator, org, year, quarter
            """,
          arguments: [plan.rawValue, version]
        ).map { row in
          try TargetIssueRows.entry(
            indicator: row[0], org: row[1], period: Stored.period(year: row[2], quarter: row[3]), value: row[4],
            comparator: row[5], measure: row[6], partner: row[7], method: row[8], seasonalShare: row[9],
            isCity: (row[10] as Int) == 1)
        }
      }
    }
  }
}

/// How the rows of `target_issue` and `issued_target` read back.
enum TargetIssueRows {
  static let columns =
    "plan, version, year, document, issued_on, reason, hash, entry_count, issued_by, issued_role, issued_user, recorded_at"

  static func issue(_ row: Row) throws -> TargetIssue {
    TargetIssue(
      plan: PlanID(row[0] as String), version: row[1], year: row[2], document: row[3], issuedOn: row[4],
      reason: row[5], hash: row[6], entryCount: row[7], issuedBy: OrgID(row[8] as String),
      issuedRole: try Stored.role(row[9], column: "target_issue.issued_role"), issuedUser: row[10],
      recordedAt: try Stored.date(row[11], column: "target_issue.recorded_at"))
  }

  /// A target of a version from its columns' text.
  static func entry(
    indicator: String, org: String, period: Period, value: String?, comparator: String?, measure: String,
    partner: String?, method: String, seasonalShare: String?, isCity: Bool
  ) throws -> TargetBook.Entry {
    try Stored.issuedTarget(
      indicator: indicator, org: org, period: period, value: value, comparator: comparator, measure: measure,
      partner: partner, method: method, seasonalShare: seasonalShare, isCity: isCity)
  }
}
