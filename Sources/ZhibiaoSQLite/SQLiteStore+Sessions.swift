import Foundation
import GRDB
import ZhibiaoStore

extension SQLiteStore {
  public func addSession(_ session: SessionRecord) async throws {
    try await guarded {
      try await writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO session (id_hash, account, csrf_token, created_at, last_seen_at, address)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            session.idHash, session.account, session.csrfToken, Timestamp.text(session.createdAt),
            Timestamp.text(session.lastSeenAt), session.address,
          ])
      }
    }
  }

  public func session(idHash: String) async throws -> SessionRecord? {
    try await guarded {
      try await writer.read { db in
        try Row.fetchOne(
          db,
          sql: """
            SELECT id_hash, account, csrf_token, created_at, last_seen_at, address FROM session WHERE id_hash = ?
            """,
          arguments: [idHash]
        ).map { row in
          SessionRecord(
            idHash: row[0], account: row[1], csrfToken: row[2],
            createdAt: try Stored.date(row[3], column: "session.created_at"),
            lastSeenAt: try Stored.date(row[4], column: "session.last_seen_at"), address: row[5])
        }
      }
    }
  }

  public func touchSession(idHash: String, at time: Date) async throws {
    try await execute("UPDATE session SET last_seen_at = ? WHERE id_hash = ?", [Timestamp.text(time), idHash])
  }

  public func deleteSession(idHash: String) async throws {
    try await execute("DELETE FROM session WHERE id_hash = ?", [idHash])
  }

  public func deleteSessions(account: String) async throws {
    try await execute("DELETE FROM session WHERE account = ?", [account])
  }

  public func recordLoginFailure(account: String, address: String, at time: Date) async throws {
    try await execute(
      "INSERT INTO login_failure (account, address, at) VALUES (?, ?, ?)", [account, address, Timestamp.text(time)])
  }

  public func loginFailures(account: String, address: String, since time: Date) async throws -> (
    account: Int, address: Int
  ) {
    try await guarded {
      try await writer.read { db in
        let since = Timestamp.text(time)
        let byAccount =
          try Int.fetchOne(
            db, sql: "SELECT count(*) FROM login_failure WHERE account = ? AND at >= ?", arguments: [account, since])
          ?? 0
        let byAddress =
          try Int.fetchOne(
            db, sql: "SELECT count(*) FROM login_failure WHERE address = ? AND at >= ?", arguments: [address, since])
          ?? 0
        return (byAccount, byAddress)
      }
    }
  }

  /// Runs one statement in a transaction of its own.
  private func execute(_ sql: String, _ arguments: StatementArguments) async throws {
    try await guarded {
      try await writer.write { db in try db.execute(sql: sql, arguments: arguments) }
    }
  }
}
