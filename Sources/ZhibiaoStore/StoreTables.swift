import Crypto
import Foundation

/// The tables of a store, described once for both backends, so that a whole store can be copied
/// from one to the other and the copy checked table by table.
///
/// Every value travels as text in one canonical form, whichever backend holds it: a decimal as
/// its exact digits, a time as UTC ISO-8601 text to the millisecond, a flag as `1` or `0`, NULL
/// as nil. Rows are ordered by the table's key, so equal tables give equal digests.
package struct StoreTable: Hashable, Sendable {
  /// How a column's values are kept.
  package enum Kind: Sendable {
    case text, integer, decimal, time, flag
  }

  package var name: String
  package var columns: [String]
  package var kinds: [Kind]
  /// The columns that order the rows.
  package var key: [String]
  /// The column whose numbers the store gives (the audit log's sequence, a change request's id):
  /// a copy keeps the source's, and the target numbers on after the highest.
  package var identity: String?

  init(_ name: String, key: [String], identity: String? = nil, _ columns: [(String, Kind)]) {
    self.name = name
    self.columns = columns.map(\.0)
    self.kinds = columns.map(\.1)
    self.key = key
    self.identity = identity
  }

  package static func == (a: StoreTable, b: StoreTable) -> Bool { a.name == b.name }
  package func hash(into hasher: inout Hasher) { hasher.combine(name) }

  private static let period: [(String, Kind)] = [("year", .integer), ("quarter", .integer)]

  /// Every table, parents before the tables that refer to them.
  package static let all: [StoreTable] = [
    StoreTable(
      "observation", key: ["plan", "org", "year", "quarter", "indicator"],
      [("plan", .text), ("indicator", .text), ("org", .text)] + period + [
        ("value", .decimal), ("status", .text), ("revision", .integer), ("reported_by", .text),
        ("reported_at", .time), ("source", .text), ("note", .text), ("changed_after_approval", .flag),
        ("review_comment", .text),
      ]),
    StoreTable(
      "revision", key: ["plan", "org", "year", "quarter", "indicator", "number"],
      [("plan", .text), ("indicator", .text), ("org", .text)] + period + [
        ("number", .integer), ("value", .decimal), ("status", .text), ("reported_by", .text),
        ("reported_at", .time), ("source", .text), ("note", .text), ("reason", .text),
        ("changed_after_approval", .flag),
      ]),
    StoreTable(
      "period_lock", key: ["plan", "org", "year", "quarter"],
      [("plan", .text), ("org", .text)] + period + [("locked_by", .text), ("locked_at", .time)]),
    StoreTable(
      "register_entry", key: ["plan", "register", "name"],
      [
        ("plan", .text), ("register", .text), ("name", .text), ("org", .text), ("level", .text),
        ("recognised_on", .text), ("evidence", .text), ("source", .text), ("submitted_by", .text),
        ("submitted_at", .time), ("withdrawn_on", .text), ("withdrawal_reason", .text),
      ]),
    StoreTable(
      "account", key: ["name"],
      [
        ("name", .text), ("org", .text), ("role", .text), ("password_hash", .text), ("disabled", .flag),
        ("created_at", .time), ("updated_at", .time),
      ]),
    StoreTable(
      "api_token", key: ["name"],
      [("name", .text), ("account", .text), ("hash", .text), ("created_at", .time), ("revoked_at", .time)]),
    StoreTable(
      "session", key: ["id_hash"],
      [
        ("id_hash", .text), ("account", .text), ("csrf_token", .text), ("created_at", .time),
        ("last_seen_at", .time), ("address", .text),
      ]),
    StoreTable(
      "login_failure", key: ["account", "address", "at"],
      [("account", .text), ("address", .text), ("at", .time)]),
    StoreTable(
      "change_request", key: ["id"], identity: "id",
      [("id", .integer), ("plan", .text), ("indicator", .text), ("org", .text)] + period + [
        ("seen_revision", .integer), ("value", .decimal), ("note", .text), ("reason", .text), ("filed_by", .text),
        ("filed_role", .text), ("filed_user", .text), ("filed_at", .time), ("state", .text), ("decided_by", .text),
        ("decided_user", .text), ("decided_at", .time), ("decision_comment", .text),
      ]),
    StoreTable(
      "target_issue", key: ["plan", "version"],
      [
        ("plan", .text), ("version", .integer), ("year", .integer), ("document", .text), ("issued_on", .text),
        ("reason", .text), ("hash", .text), ("entry_count", .integer), ("issued_by", .text), ("issued_role", .text),
        ("issued_user", .text), ("recorded_at", .time),
      ]),
    StoreTable(
      "issued_target", key: ["plan", "version", "indicator", "org", "year", "quarter"],
      [("plan", .text), ("version", .integer), ("indicator", .text), ("org", .text)] + period + [
        ("value", .decimal), ("comparator", .text), ("measure", .text), ("partner", .text), ("method", .text),
        ("seasonal_share", .decimal), ("is_city", .flag),
      ]),
    StoreTable(
      "task_report", key: ["plan", "task", "org", "year", "quarter"],
      [("plan", .text), ("task", .text), ("org", .text)] + period + [
        ("status", .text), ("progress", .integer), ("text", .text), ("evidence", .text), ("review", .text),
        ("revision", .integer), ("reported_by", .text), ("reported_at", .time), ("source", .text),
        ("reviewed_by", .text), ("reviewed_at", .time), ("review_comment", .text),
      ]),
    StoreTable(
      "task_report_event", key: ["sequence"], identity: "sequence",
      [("sequence", .integer), ("plan", .text), ("task", .text), ("org", .text)] + period + [
        ("action", .text), ("status", .text), ("progress", .integer), ("text", .text), ("evidence", .text),
        ("review", .text), ("revision", .integer), ("actor_org", .text), ("actor_role", .text),
        ("actor_user", .text), ("at", .time), ("source", .text), ("comment", .text),
      ]),
    StoreTable(
      "assessment_event", key: ["id"], identity: "id",
      [
        ("id", .integer), ("plan", .text), ("year", .integer), ("kind", .text), ("org", .text), ("category", .text),
        ("points", .decimal), ("reason", .text), ("entered_by", .text), ("entered_role", .text),
        ("entered_user", .text), ("entered_at", .time), ("withdrawn_at", .time), ("withdrawn_by", .text),
        ("withdrawal_reason", .text),
      ]),
    StoreTable(
      "notice_action", key: ["plan", "notice", "number"],
      [
        ("plan", .text), ("notice", .text), ("number", .integer), ("org", .text), ("kind", .text), ("text", .text),
        ("evidence", .text), ("actor_org", .text), ("actor_role", .text), ("actor_user", .text), ("at", .time),
        ("source", .text),
      ]),
    StoreTable(
      "audit_log", key: ["sequence"], identity: "sequence",
      [
        ("sequence", .integer), ("at", .time), ("actor_org", .text), ("actor_role", .text), ("actor_user", .text),
        ("action", .text), ("plan", .text), ("indicator", .text), ("org", .text),
      ] + period + [
        ("old_value", .decimal), ("new_value", .decimal), ("old_status", .text), ("new_status", .text),
        ("reason", .text), ("source", .text), ("change_request", .integer),
      ]),
  ]
}

/// A store whose tables can be read and written whole: what `zhibiao store copy` needs.
package protocol TableStore: Store {
  /// The rows of `table` in canonical text, ordered by its key.
  func rows(of table: StoreTable) async throws -> [[String?]]
  /// Writes `tables` in one transaction. Refuses a store that holds any row unless `replacing`,
  /// in which case every table is emptied first — the append-only audit log too. Before it
  /// commits, each table is read back inside the transaction and given to `check`, whose error
  /// undoes the whole load.
  func load(
    _ tables: [(StoreTable, [[String?]])], replacing: Bool,
    check: @escaping @Sendable (StoreTable, [[String?]]) throws -> Void
  ) async throws
}

/// Why a copy was refused or undone.
package enum StoreCopyError: Error, Equatable, CustomStringConvertible {
  /// The target holds rows and `--replace` was not given.
  case targetNotEmpty(table: String, rows: Int)
  /// A table read back from the target differs from the source's.
  case differs(table: String, source: TableDigest, copy: TableDigest)

  package var description: String {
    switch self {
    case .targetNotEmpty(let table, let rows):
      "the target already holds data (\(rows) rows in \(table)); give --replace to overwrite it"
    case .differs(let table, let source, let copy):
      "the copy of \(table) differs from the source (\(copy.rows) rows, SHA-256 \(copy.sha256.prefix(12))… "
        + "against \(source.rows) rows, \(source.sha256.prefix(12))…); nothing was written"
    }
  }
}

extension TableDigest {
  /// The digest of rows in canonical text: each value with its length (so that no two different
  /// rows give the same bytes), NULL as a mark of its own.
  package init(_ rows: [[String?]]) {
    var hasher = SHA256()
    for row in rows {
      for value in row {
        if let value {
          let bytes = Array(value.utf8)
          hasher.update(data: Array("\(bytes.count):".utf8) + bytes)
        } else {
          hasher.update(data: Array("-".utf8))
        }
      }
      hasher.update(data: [0x0A])
    }
    self.init(rows: rows.count, sha256: hasher.finalize().map { String(format: "%02x", $0) }.joined())
  }
}

/// Copying a whole store: every table read from the source, written to the target in one
/// transaction, and checked there — row count and SHA-256 per table — before it commits.
package enum StoreCopy {
  /// Copies `source` into `target`; returns each table with its digest.
  package static func copy(from source: any TableStore, to target: any TableStore, replacing: Bool) async throws
    -> [(table: StoreTable, digest: TableDigest)]
  {
    var tables: [(StoreTable, [[String?]])] = []
    var digests: [String: TableDigest] = [:]
    for table in StoreTable.all {
      let rows = try await source.rows(of: table)
      tables.append((table, rows))
      digests[table.name] = TableDigest(rows)
    }
    let expected = digests
    try await target.load(tables, replacing: replacing) { table, copied in
      let copy = TableDigest(copied)
      guard let source = expected[table.name], source == copy else {
        throw StoreCopyError.differs(table: table.name, source: expected[table.name] ?? copy, copy: copy)
      }
    }
    return StoreTable.all.compactMap { table in digests[table.name].map { (table, $0) } }
  }
}

/// The check of one copied table: how many rows, and the SHA-256 of their canonical text.
package struct TableDigest: Equatable, Sendable {
  package var rows: Int
  package var sha256: String

  package init(rows: Int, sha256: String) {
    self.rows = rows
    self.sha256 = sha256
  }
}
