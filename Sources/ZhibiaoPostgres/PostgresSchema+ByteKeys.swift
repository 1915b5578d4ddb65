extension PostgresSchema {
  /// Version 14: the identifiers in the keys of the tables an import writes — `plan`,
  /// `indicator` and `org` of `observation`, `revision` and `audit_log` — compare by their bytes
  /// (`COLLATE "C"`).
  ///
  /// They are ASCII identifiers, and byte order is the order SQLite and the store's own code give
  /// them; a database's locale compared them through the C library instead, which made each
  /// comparison several times dearer and was most of what an observation's indexes cost in an
  /// import of a million figures. Text shown to people keeps the database's collation. On a
  /// database whose collation is `C.UTF-8`, as the store's tests use, no order changes; on any
  /// other the figures are now listed in the order SQLite lists them. The indexes on the columns
  /// are rebuilt; the rows stay in place.
  static let byteKeys = PostgresMigration(
    identifier: "v14-byte-keys",
    statements: ["observation", "revision", "audit_log"].map { table in
      "ALTER TABLE \(table) "
        + ["plan", "indicator", "org"].map { "ALTER COLUMN \($0) TYPE text COLLATE \"C\"" }.joined(separator: ", ")
    })
}
