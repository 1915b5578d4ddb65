import PostgresNIO

/// Rows sent to the server as one array per column and read back with `unnest`, so that a
/// submission of 100,000 rows is a handful of statements, not 100,000 round trips.
struct RowBatch: Sendable {
  /// The columns: name and PostgreSQL type.
  let columns: [(name: String, type: String)]
  private var arrays: [ArrayColumn]
  private(set) var count = 0

  init(_ columns: [(String, String)]) {
    self.columns = columns.map { (name: $0.0, type: $0.1) }
    arrays = Array(repeating: ArrayColumn(), count: columns.count)
  }

  /// Adds a row: one value per column, in order, as text (NULL as nil).
  mutating func add(_ values: [String?]) {
    precondition(values.count == columns.count, "a row of \(values.count) values for \(columns.count) columns")
    for (index, value) in values.enumerated() { arrays[index].append(value) }
    count += 1
  }

  /// The column names, comma-separated.
  var names: String { columns.map(\.name).joined(separator: ", ") }

  /// `unnest(...) WITH ORDINALITY AS alias(columns…, ord)`, binding the arrays in `query`.
  func unnest(as alias: String, in query: inout QueryBuilder) -> String {
    let arguments = zip(arrays, columns).map { array, column in
      "\(query.bind(array.text))::\(column.type)[]"
    }
    return "unnest(\(arguments.joined(separator: ", "))) WITH ORDINALITY AS \(alias)(\(names), ord)"
  }
}

extension PostgresStore {
  /// Inserts the rows of `batch` into `table`, in the order they were added; with
  /// `overridingIdentity`, the rows' own values of an identity column are kept.
  func insert(
    _ batch: RowBatch, into table: String, overridingIdentity: Bool = false, on connection: PostgresConnection
  ) async throws {
    guard batch.count > 0 else { return }
    var query = QueryBuilder(
      "INSERT INTO \(table) (\(batch.names)) \(overridingIdentity ? "OVERRIDING SYSTEM VALUE " : "")")
    let source = batch.unnest(as: "u", in: &query)
    query.append("SELECT \(batch.columns.map { "u.\($0.name)" }.joined(separator: ", ")) FROM \(source) ORDER BY ord")
    try await connection.query(query.query, logger: logger)
  }

  /// Updates the rows of `table` that match a row of `batch` on the `key` columns, setting the
  /// other columns of the batch (and `extra`, SQL assignments such as `review_comment = NULL`).
  func update(
    _ batch: RowBatch, in table: String, key: [String], extra: String? = nil, on connection: PostgresConnection
  ) async throws {
    guard batch.count > 0 else { return }
    var query = QueryBuilder("")
    let source = batch.unnest(as: "u", in: &query)
    let assignments =
      batch.columns.filter { !key.contains($0.name) }.map { "\($0.name) = u.\($0.name)" } + (extra.map { [$0] } ?? [])
    query.append(
      "UPDATE \(table) AS t SET \(assignments.joined(separator: ", ")) FROM \(source) WHERE "
        + key.map { "t.\($0) = u.\($0)" }.joined(separator: " AND "))
    try await connection.query(query.query, logger: logger)
  }
}
