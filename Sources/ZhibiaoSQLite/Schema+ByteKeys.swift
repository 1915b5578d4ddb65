extension Schema {
  /// Version 14: nothing to change on SQLite, whose keys already compare by their bytes (its
  /// `BINARY` collation); PostgreSQL's version 14 makes its import tables' identifiers compare
  /// the same way. The version keeps the two stores' numbers in step.
  static let byteKeys = SchemaMigration(identifier: "v14-byte-keys", sql: "")
}
