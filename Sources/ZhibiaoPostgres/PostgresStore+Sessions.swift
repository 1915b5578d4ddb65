import Foundation
import PostgresNIO
import ZhibiaoStore

extension PostgresStore {
  public func addSession(_ session: SessionRecord) async throws {
    try await execute(
      """
      INSERT INTO session (id_hash, account, csrf_token, created_at, last_seen_at, address)
      VALUES (\(session.idHash), \(session.account), \(session.csrfToken),
        \(Timestamp.text(session.createdAt))::timestamptz, \(Timestamp.text(session.lastSeenAt))::timestamptz,
        \(session.address))
      """)
  }

  public func session(idHash: String) async throws -> SessionRecord? {
    try await reading {
      try await rows(
        """
        SELECT id_hash, account, csrf_token, \(unescaped: Column.time("created_at")),
          \(unescaped: Column.time("last_seen_at")), address
        FROM session WHERE id_hash = \(idHash)
        """
      ) { row in
        SessionRecord(
          idHash: try row.text(0), account: try row.text(1), csrfToken: try row.text(2),
          createdAt: try row.date(3, column: "session.created_at"),
          lastSeenAt: try row.date(4, column: "session.last_seen_at"), address: try row.text(5))
      }.first
    }
  }

  public func touchSession(idHash: String, at time: Date) async throws {
    try await execute(
      "UPDATE session SET last_seen_at = \(Timestamp.text(time))::timestamptz WHERE id_hash = \(idHash)")
  }

  public func deleteSession(idHash: String) async throws {
    try await execute("DELETE FROM session WHERE id_hash = \(idHash)")
  }

  public func deleteSessions(account: String) async throws {
    try await execute("DELETE FROM session WHERE account = \(account)")
  }

  public func recordLoginFailure(account: String, address: String, at time: Date) async throws {
    try await execute(
      """
      INSERT INTO login_failure (account, address, at)
      VALUES (\(account), \(address), \(Timestamp.text(time))::timestamptz)
      """)
  }

  public func loginFailures(account: String, address: String, since time: Date) async throws -> (
    account: Int, address: Int
  ) {
    let since = Timestamp.text(time)
    return try await reading {
      let counts = try await rows(
        """
        SELECT (SELECT count(*) FROM login_failure WHERE account = \(account) AND at >= \(since)::timestamptz),
          (SELECT count(*) FROM login_failure WHERE address = \(address) AND at >= \(since)::timestamptz)
        """
      ) { row in (try row.int(0), try row.int(1)) }
      return counts.first ?? (0, 0)
    }
  }

  /// Runs one statement on its own; a single statement is atomic.
  private func execute(_ query: PostgresQuery) async throws {
    _ = try await reading { try await client.query(query, logger: logger) }
  }
}
