import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  /// Writes register entries in one transaction, keyed by register and name: a new name is
  /// added, an identical entry adds nothing, and a name whose org, level, dates, withdrawal or
  /// evidence differs is revised in place with the new source, submitter and time.
  public func submitRegister(_ submission: RegisterSubmission) async throws -> SubmissionResult {
    try await guarded {
      try await writer.write { db in
        let plan = submission.plan.rawValue
        var current = try storedEntries(db, plan: plan, registers: submission.entries.map(\.register))
        let insert = try db.cachedStatement(
          sql: """
            INSERT INTO register_entry (plan, register, name, org, level, recognised_on, evidence,
              withdrawn_on, withdrawal_reason, source, submitted_by, submitted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(
          sql: """
            UPDATE register_entry SET org = ?, level = ?, recognised_on = ?, evidence = ?, withdrawn_on = ?,
              withdrawal_reason = ?, source = ?, submitted_by = ?, submitted_at = ?
            WHERE plan = ? AND register = ? AND name = ?
            """)
        let provenance: [(any DatabaseValueConvertible)?] = [
          submission.source, submission.submitter.rawValue, Timestamp.text(submission.time),
        ]
        var result = SubmissionResult()
        for entry in submission.entries {
          let key = EntryKey(register: entry.register, name: entry.name)
          let fields: [(any DatabaseValueConvertible)?] = [
            entry.org.rawValue, entry.level, entry.recognisedOn, entry.evidence, entry.withdrawnOn,
            entry.withdrawal?.rawValue,
          ]
          let keyColumns: [(any DatabaseValueConvertible)?] = [plan, entry.register.rawValue, entry.name]
          switch current[key] {
          case entry?:
            result.unchanged += 1
            continue
          case nil:
            insert.setUncheckedArguments(StatementArguments(keyColumns + fields + provenance))
            try insert.execute()
            result.added += 1
          case _?:
            update.setUncheckedArguments(StatementArguments(fields + provenance + keyColumns))
            try update.execute()
            result.revised += 1
          }
          current[key] = entry
        }
        return result
      }
    }
  }

  /// The entries of a register (or of every register when nil), ordered by register and name.
  public func registerEntries(plan: PlanID, register: RegisterID?) async throws -> [RegisterEntry] {
    var sql = """
      SELECT register, name, org, level, recognised_on, evidence, withdrawn_on, withdrawal_reason
      FROM register_entry WHERE plan = ?
      """
    var arguments: StatementArguments = [plan.rawValue]
    if let register {
      sql += " AND register = ?"
      arguments += [register.rawValue]
    }
    sql += " ORDER BY register, name"
    return try await guarded {
      try await writer.read { [sql, arguments] db in
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var entries: [RegisterEntry] = []
        while let row = try rows.next() {
          entries.append(try Self.entry(row))
        }
        return entries
      }
    }
  }

  /// The stored entries of `registers`, read in one query per register.
  private func storedEntries(_ db: Database, plan: String, registers: [RegisterID]) throws -> [EntryKey: RegisterEntry]
  {
    let statement = try db.cachedStatement(
      sql: """
        SELECT register, name, org, level, recognised_on, evidence, withdrawn_on, withdrawal_reason
        FROM register_entry WHERE plan = ? AND register = ?
        """)
    var entries: [EntryKey: RegisterEntry] = [:]
    for register in Set(registers) {
      let rows = try Row.fetchCursor(statement, arguments: [plan, register.rawValue])
      while let row = try rows.next() {
        let entry = try Self.entry(row)
        entries[EntryKey(register: entry.register, name: entry.name)] = entry
      }
    }
    return entries
  }

  private static func entry(_ row: Row) throws -> RegisterEntry {
    RegisterEntry(
      register: RegisterID(try row.decode(String.self, atIndex: 0)),
      name: try row.decode(atIndex: 1),
      org: OrgID(try row.decode(String.self, atIndex: 2)),
      level: try row.decode(atIndex: 3),
      recognisedOn: try row.decode(atIndex: 4),
      evidence: try row.decode(atIndex: 5),
      withdrawnOn: try row.decode(atIndex: 6),
      withdrawal: try (row.decode(String?.self, atIndex: 7)).map { text in
        guard let reason = RegisterEntry.Withdrawal(rawValue: text) else {
          throw MalformedColumn(
            column: "register_entry.withdrawal_reason", text: text,
            expected: "one of \(RegisterEntry.Withdrawal.allCases.map(\.rawValue))")
        }
        return reason
      })
  }
}

/// The key of a register entry within a plan.
private struct EntryKey: Hashable {
  var register: RegisterID
  var name: String
}
