extension Schema {
  /// Version 13: the audit log's index by org in the order its one query reads it.
  ///
  /// The audit log is read by plan and org in the order of its entries. Its index was by org's
  /// period, `(plan, org, year, quarter)`, which no query used and which left the entries of an
  /// org to be sorted after they were found; `(plan, org)` ends, as every index of a table with a
  /// rowid does, with the entry's `sequence`, so it gives them in order, and each of its entries,
  /// one for every figure an import writes, is two numbers shorter. On PostgreSQL the same
  /// version also lightens the check of a revision's observation, which SQLite does with its
  /// foreign key.
  static let importWrites = SchemaMigration(
    identifier: "v13-import-writes",
    sql: """
      DROP INDEX audit_log_by_org;
      CREATE INDEX audit_log_by_org ON audit_log (plan, org);
      """)
}
