import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  public func addAccount(_ account: AccountRecord) async throws {
    try await transaction { connection in
      let inserted = try await self.rows(
        """
        INSERT INTO account (name, org, role, password_hash, disabled, created_at, updated_at)
        VALUES (\(account.name), \(account.org.rawValue), \(account.role.rawValue), \(account.passwordHash),
          \(account.disabled), \(Timestamp.text(account.createdAt))::timestamptz,
          \(Timestamp.text(account.updatedAt))::timestamptz)
        ON CONFLICT (name) DO NOTHING RETURNING 1
        """, on: connection
      ) { _ in true }
      guard !inserted.isEmpty else { throw AccountError.exists(account.name) }
    }
  }

  public func accounts() async throws -> [AccountRecord] {
    try await reading {
      try await rows(
        PostgresQuery(unsafeSQL: "SELECT \(Self.accountColumns("")) FROM account ORDER BY name COLLATE \"C\""),
        Self.account)
    }
  }

  public func account(named name: String) async throws -> AccountRecord? {
    try await reading {
      var query = QueryBuilder("SELECT \(Self.accountColumns("")) FROM account WHERE name = ")
      query.append("$?", name)
      return try await rows(query.query, Self.account).first
    }
  }

  /// Disabling an account ends its sessions in the same transaction.
  public func setDisabled(_ disabled: Bool, account name: String, at time: Date) async throws {
    try await updateAccount(name, column: "disabled", disabled, at: time)
  }

  /// A new password ends the account's sessions in the same transaction.
  public func setPasswordHash(_ hash: String, account name: String, at time: Date) async throws {
    try await updateAccount(name, column: "password_hash", hash, at: time)
  }

  public func addToken(_ token: TokenRecord) async throws {
    try await transaction { connection in
      let taken = try await self.rows("SELECT 1 FROM api_token WHERE name = \(token.name)", on: connection) { _ in 1 }
      guard taken.isEmpty else { throw AccountError.exists(token.name) }
      let owner = try await self.rows("SELECT 1 FROM account WHERE name = \(token.account)", on: connection) { _ in 1 }
      guard !owner.isEmpty else { throw AccountError.unknown(token.account) }
      try await connection.query(
        """
        INSERT INTO api_token (name, account, hash, created_at, revoked_at)
        VALUES (\(token.name), \(token.account), \(token.hash), \(Timestamp.text(token.createdAt))::timestamptz,
          \(token.revokedAt.map(Timestamp.text))::timestamptz)
        """, logger: self.logger)
    }
  }

  public func tokens() async throws -> [TokenRecord] {
    try await reading {
      try await rows(
        """
        SELECT name, account, hash, \(unescaped: Column.time("created_at")), \(unescaped: Column.time("revoked_at"))
        FROM api_token ORDER BY name COLLATE "C"
        """
      ) { row in
        TokenRecord(
          name: try row.text(0), account: try row.text(1), hash: try row.text(2),
          createdAt: try row.date(3, column: "api_token.created_at"),
          revokedAt: try row.optionalText(4).map { try Stored.date($0, column: "api_token.revoked_at") })
      }
    }
  }

  public func account(forTokenHash hash: String) async throws -> AccountRecord? {
    try await reading {
      var query = QueryBuilder(
        """
        SELECT \(Self.accountColumns("a.")) FROM api_token t JOIN account a ON a.name = t.account
        WHERE t.revoked_at IS NULL AND NOT a.disabled AND t.hash =
        """)
      query.append(" $?", hash)
      return try await rows(query.query, Self.account).first
    }
  }

  public func revokeToken(named name: String, at time: Date) async throws {
    try await transaction { connection in
      let revoked = try await self.rows(
        """
        UPDATE api_token SET revoked_at = coalesce(revoked_at, \(Timestamp.text(time))::timestamptz)
        WHERE name = \(name) RETURNING 1
        """, on: connection
      ) { _ in 1 }
      guard !revoked.isEmpty else { throw AccountError.unknown(name) }
    }
  }

  // MARK: - Rows

  private static func accountColumns(_ prefix: String) -> String {
    [
      "name", "org", "role", "password_hash", "disabled", Column.time(prefix + "created_at"),
      Column.time(prefix + "updated_at"),
    ].map { $0.hasPrefix("to_char") ? $0 : prefix + $0 }.joined(separator: ", ")
  }

  private static func account(_ row: PostgresRandomAccessRow) throws -> AccountRecord {
    let roleText = try row.text(2)
    guard let role = Role(rawValue: roleText) else {
      throw MalformedColumn(column: "account.role", text: roleText, expected: "one of \(Role.allCases)")
    }
    return AccountRecord(
      name: try row.text(0), org: OrgID(try row.text(1)), role: role, passwordHash: try row.text(3),
      disabled: try row.bool(4), createdAt: try row.date(5, column: "account.created_at"),
      updatedAt: try row.date(6, column: "account.updated_at"))
  }

  private func updateAccount(
    _ name: String, column: String, _ value: some PostgresDynamicTypeEncodable & Sendable, at time: Date
  ) async throws {
    try await transaction { connection in
      var query = QueryBuilder("UPDATE account SET \(column) = ")
      query.append("$?", value)
      query.append(", updated_at = $?::timestamptz", Timestamp.text(time))
      query.append(" WHERE name = $? RETURNING 1", name)
      let updated = try await self.rows(query.query, on: connection) { _ in 1 }
      guard !updated.isEmpty else { throw AccountError.unknown(name) }
      try await connection.query("DELETE FROM session WHERE account = \(name)", logger: self.logger)
    }
  }
}
