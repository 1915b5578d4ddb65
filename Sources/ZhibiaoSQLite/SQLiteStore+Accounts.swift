import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  public func addAccount(_ account: AccountRecord) async throws {
    try await guarded {
      try await writer.write { db in
        guard try Row.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [account.name]) == nil
        else { throw AccountError.exists(account.name) }
        try db.execute(
          sql: """
            INSERT INTO account (name, org, role, password_hash, disabled, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            account.name, account.org.rawValue, account.role.rawValue, account.passwordHash, account.disabled,
            Timestamp.text(account.createdAt), Timestamp.text(account.updatedAt),
          ])
      }
    }
  }

  public func accounts() async throws -> [AccountRecord] {
    try await guarded {
      try await writer.read { db in
        try Row.fetchAll(db, sql: "SELECT \(Self.accountColumns) FROM account ORDER BY name").map(Self.account)
      }
    }
  }

  public func account(named name: String) async throws -> AccountRecord? {
    try await guarded {
      try await writer.read { db in
        try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns) FROM account WHERE name = ?", arguments: [name])
          .map(Self.account)
      }
    }
  }

  /// Disabling an account ends its sessions in the same transaction.
  public func setDisabled(_ disabled: Bool, account name: String, at time: Date) async throws {
    try await updateAccount(name, set: "disabled = ?", disabled, at: time)
  }

  /// A new password ends the account's sessions in the same transaction.
  public func setPasswordHash(_ hash: String, account name: String, at time: Date) async throws {
    try await updateAccount(name, set: "password_hash = ?", hash, at: time)
  }

  public func addToken(_ token: TokenRecord) async throws {
    try await guarded {
      try await writer.write { db in
        guard try Row.fetchOne(db, sql: "SELECT 1 FROM api_token WHERE name = ?", arguments: [token.name]) == nil
        else { throw AccountError.exists(token.name) }
        guard try Row.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [token.account]) != nil
        else { throw AccountError.unknown(token.account) }
        try db.execute(
          sql: "INSERT INTO api_token (name, account, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)",
          arguments: [
            token.name, token.account, token.hash, Timestamp.text(token.createdAt),
            token.revokedAt.map(Timestamp.text),
          ])
      }
    }
  }

  public func tokens() async throws -> [TokenRecord] {
    try await guarded {
      try await writer.read { db in
        try Row.fetchAll(db, sql: "SELECT name, account, hash, created_at, revoked_at FROM api_token ORDER BY name")
          .map { row in
            TokenRecord(
              name: row[0], account: row[1], hash: row[2],
              createdAt: try Stored.date(row[3], column: "api_token.created_at"),
              revokedAt: try (row[4] as String?).map { try Stored.date($0, column: "api_token.revoked_at") })
          }
      }
    }
  }

  public func account(forTokenHash hash: String) async throws -> AccountRecord? {
    try await guarded {
      try await writer.read { db in
        // Prepared once per connection: every request of a script asks.
        let statement = try db.cachedStatement(
          sql: """
            SELECT \(Self.accountColumns("a.")) FROM api_token t JOIN account a ON a.name = t.account
            WHERE t.hash = ? AND t.revoked_at IS NULL AND a.disabled = 0
            """)
        return try Row.fetchOne(statement, arguments: [hash]).map(Self.account)
      }
    }
  }

  /// One read, its statement prepared once per connection: every signed-in request asks.
  public func sessionAndAccount(idHash: String) async throws -> (session: SessionRecord, account: AccountRecord?)? {
    try await guarded {
      try await writer.read { db in
        let statement = try db.cachedStatement(
          sql: """
            SELECT s.id_hash, s.account, s.csrf_token, s.created_at, s.last_seen_at, s.address, \(Self.accountColumns("a."))
            FROM session s LEFT JOIN account a ON a.name = s.account WHERE s.id_hash = ?
            """)
        return try Row.fetchOne(statement, arguments: [idHash]).map { row in
          let session = SessionRecord(
            idHash: row[0], account: row[1], csrfToken: row[2],
            createdAt: try Stored.date(row[3], column: "session.created_at"),
            lastSeenAt: try Stored.date(row[4], column: "session.last_seen_at"), address: row[5])
          let account = row.hasNull(atIndex: 6) ? nil : try Self.account(row, from: 6)
          return (session, account)
        }
      }
    }
  }

  public func revokeToken(named name: String, at time: Date) async throws {
    try await guarded {
      try await writer.write { db in
        try db.execute(
          sql: "UPDATE api_token SET revoked_at = coalesce(revoked_at, ?) WHERE name = ?",
          arguments: [Timestamp.text(time), name])
        guard db.changesCount == 1 else { throw AccountError.unknown(name) }
      }
    }
  }

  // MARK: - Rows

  private static func accountColumns(_ prefix: String) -> String {
    ["name", "org", "role", "password_hash", "disabled", "created_at", "updated_at"].map { prefix + $0 }
      .joined(separator: ", ")
  }

  private static let accountColumns = accountColumns("")

  private static func account(_ row: Row) throws -> AccountRecord { try account(row, from: 0) }

  /// The account whose columns (`accountColumns`) begin at column `first` of `row`.
  private static func account(_ row: Row, from first: Int) throws -> AccountRecord {
    let roleText: String = row[first + 2]
    guard let role = Role(rawValue: roleText) else {
      throw MalformedColumn(column: "account.role", text: roleText, expected: "one of \(Role.allCases)")
    }
    return AccountRecord(
      name: row[first], org: OrgID(row[first + 1] as String), role: role, passwordHash: row[first + 3],
      disabled: row[first + 4], createdAt: try Stored.date(row[first + 5], column: "account.created_at"),
      updatedAt: try Stored.date(row[first + 6], column: "account.updated_at"))
  }

  private func updateAccount(
    _ name: String, set assignment: String, _ value: some DatabaseValueConvertible & Sendable, at time: Date
  ) async throws {
    try await guarded {
      try await writer.write { db in
        try db.execute(
          sql: "UPDATE account SET \(assignment), updated_at = ? WHERE name = ?",
          arguments: [value, Timestamp.text(time), name])
        guard db.changesCount == 1 else { throw AccountError.unknown(name) }
        try db.execute(sql: "DELETE FROM session WHERE account = ?", arguments: [name])
      }
    }
  }
}
