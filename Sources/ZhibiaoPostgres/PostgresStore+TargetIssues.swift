import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  /// Issues a year's targets as the plan's next version, in one serializable transaction: two
  /// issues at once cannot both take a number or a document (the second is retried and then
  /// checked against the first). Other instances are told, as of a write to every period.
  public func issueTargets(_ filing: TargetIssueFiling) async throws -> TargetIssue {
    try await transaction(notifying: StoreChange(isLock: false, periods: nil)) { connection in
      let issued = try await self.targetIssues(plan: filing.plan, on: connection)
      if let refusal = filing.check(against: issued) { throw StoreError.refused(refusal, rows: []) }
      let version = (issued.map(\.version).max() ?? 0) + 1
      let plan = filing.plan.rawValue
      try await connection.query(
        """
        INSERT INTO target_issue (plan, version, year, document, issued_on, reason, hash, entry_count, issued_by,
          issued_role, issued_user, recorded_at)
        VALUES (\(plan), \(version), \(filing.year), \(filing.document), \(filing.issuedOn), \(filing.reason),
          \(filing.hash), \(filing.entries.count), \(filing.issuer.rawValue), \(filing.role.rawValue), \(filing.user),
          \(Timestamp.text(filing.time))::timestamptz)
        """, logger: self.logger)
      var batch = RowBatch([
        ("plan", "text"), ("version", "integer"), ("indicator", "text"), ("org", "text"), ("year", "integer"),
        ("quarter", "integer"), ("value", "numeric"), ("comparator", "text"), ("measure", "text"),
        ("partner", "text"), ("method", "text"), ("seasonal_share", "numeric"), ("is_city", "boolean"),
      ])
      for entry in filing.entries {
        batch.add([
          plan, "\(version)", entry.indicator.rawValue, entry.org.rawValue, "\(entry.period.year)",
          "\(Stored.quarter(entry.period))", entry.value.map(Stored.text), entry.comparator?.rawValue,
          entry.measure.rawValue, entry.partner?.rawValue, entry.method.rawValue,
          entry.seasonalShare.map(Stored.text), entry.isCity ? "true" : "false",
        ])
      }
      try await self.insert(batch, into: "issued_target", on: connection)
      guard let issue = try await self.targetIssues(plan: filing.plan, on: connection).last else {
        throw StoreError.unavailable(path: self.location, reason: "the issued version could not be read back")
      }
      return issue
    }
  }

  /// Every version issued of `plan`, oldest first.
  public func targetIssues(plan: PlanID) async throws -> [TargetIssue] {
    try await reading { try await targetIssues(plan: plan, on: nil) }
  }

  /// The targets of one version, in canonical order.
  public func issuedTargets(plan: PlanID, version: Int) async throws -> [TargetBook.Entry] {
    try await reading {
      try await rows(
        """
        SELECT indicator, org, year, quarter, value::text, comparator, measure, partner, method,
          seasonal_share::text, is_city
        FROM issued_target WHERE plan = \(plan.rawValue) AND version = \(version)
        ORDER BY indicator COLLATE "C", org COLLATE "C", year, quarter
        """
      ) { row in
        try Stored.issuedTarget(
          indicator: row.text(0), org: row.text(1), period: row.period(year: 2, quarter: 3),
          value: row.optionalText(4), comparator: row.optionalText(5), measure: row.text(6),
          partner: row.optionalText(7), method: row.text(8), seasonalShare: row.optionalText(9),
          isCity: row.bool(10))
      }
    }
  }

  private func targetIssues(plan: PlanID, on connection: PostgresConnection?) async throws -> [TargetIssue] {
    try await rows(
      """
      SELECT plan, version, year, document, issued_on, reason, hash, entry_count, issued_by, issued_role,
        issued_user, \(unescaped: Column.time("recorded_at"))
      FROM target_issue WHERE plan = \(plan.rawValue) ORDER BY version
      """, on: connection
    ) { row in
      TargetIssue(
        plan: PlanID(try row.text(0)), version: try row.int(1), year: try row.int(2), document: try row.text(3),
        issuedOn: try row.text(4), reason: try row.optionalText(5), hash: try row.text(6),
        entryCount: try row.int(7), issuedBy: OrgID(try row.text(8)),
        issuedRole: try Stored.role(try row.text(9), column: "target_issue.issued_role"),
        issuedUser: try row.optionalText(10), recordedAt: try row.date(11, column: "target_issue.recorded_at"))
    }
  }
}
