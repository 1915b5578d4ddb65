import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  /// Writes register entries in one transaction, keyed by register and name: a new name is
  /// added, an identical entry adds nothing, and a name whose org, level, dates, withdrawal or
  /// evidence differs is revised in place with the new source, submitter and time.
  public func submitRegister(_ submission: RegisterSubmission) async throws -> SubmissionResult {
    try await transaction { connection in
      let plan = submission.plan.rawValue
      var current: [EntryKey: RegisterEntry] = [:]
      for entry in try await self.entries(
        plan: plan, registers: Array(Set(submission.entries.map(\.register.rawValue))), on: connection)
      {
        current[EntryKey(register: entry.register, name: entry.name)] = entry
      }
      let columns = [
        ("plan", "text"), ("register", "text"), ("name", "text"), ("org", "text"), ("level", "text"),
        ("recognised_on", "text"), ("evidence", "text"), ("source", "text"), ("submitted_by", "text"),
        ("submitted_at", "timestamptz"), ("withdrawn_on", "text"), ("withdrawal_reason", "text"),
      ]
      var added = RowBatch(columns)
      var revised = RowBatch(columns)
      var result = SubmissionResult()
      for entry in submission.entries {
        let key = EntryKey(register: entry.register, name: entry.name)
        let values: [String?] = [
          plan, entry.register.rawValue, entry.name, entry.org.rawValue, entry.level, entry.recognisedOn,
          entry.evidence, submission.source, submission.submitter.rawValue, Timestamp.text(submission.time),
          entry.withdrawnOn, entry.withdrawal?.rawValue,
        ]
        switch current[key] {
        case entry?:
          result.unchanged += 1
          continue
        case nil:
          added.add(values)
          result.added += 1
        case _?:
          revised.add(values)
          result.revised += 1
        }
        current[key] = entry
      }
      try await self.insert(added, into: "register_entry", on: connection)
      try await self.update(revised, in: "register_entry", key: ["plan", "register", "name"], on: connection)
      return result
    }
  }

  /// The entries of a register (or of every register when nil), ordered by register and name.
  public func registerEntries(plan: PlanID, register: RegisterID?) async throws -> [RegisterEntry] {
    try await reading {
      try await entries(plan: plan.rawValue, registers: register.map { [$0.rawValue] }, on: nil)
    }
  }

  private func entries(plan: String, registers: [String]?, on connection: PostgresConnection?) async throws
    -> [RegisterEntry]
  {
    var query = QueryBuilder(
      """
      SELECT register, name, org, level, recognised_on, evidence, withdrawn_on, withdrawal_reason
      FROM register_entry WHERE plan =\u{20}
      """)
    query.append("$?", plan)
    if let registers { query.append(" AND register = ANY($?)", registers) }
    query.append(" ORDER BY register COLLATE \"C\", name COLLATE \"C\"")
    return try await rows(query.query, on: connection) { row in
      RegisterEntry(
        register: RegisterID(try row.text(0)), name: try row.text(1), org: OrgID(try row.text(2)),
        level: try row.text(3), recognisedOn: try row.text(4), evidence: try row.optionalText(5),
        withdrawnOn: try row.optionalText(6),
        withdrawal: try row.optionalText(7).map { text in
          guard let reason = RegisterEntry.Withdrawal(rawValue: text) else {
            throw MalformedColumn(
              column: "register_entry.withdrawal_reason", text: text,
              expected: "one of \(RegisterEntry.Withdrawal.allCases.map(\.rawValue))")
          }
          return reason
        })
    }
  }
}

/// The key of a register entry within a plan.
private struct EntryKey: Hashable {
  var register: RegisterID
  var name: String
}
