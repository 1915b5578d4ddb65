import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

/// How the store's values travel to and from the server, exactly as the SQLite store keeps them:
/// a decimal as its text (cast to NUMERIC there and read back as text), a time as UTC text to
/// the millisecond (cast to TIMESTAMPTZ, and formatted back the same way).
enum Column {
  /// The SQL that reads the TIMESTAMPTZ column `name` as ``Timestamp`` text.
  static func time(_ name: String) -> String {
    "to_char(\(name) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
  }

  /// The SQL that reads the NUMERIC column `name` as text.
  static func value(_ name: String) -> String { "\(name)::text" }
}

extension PostgresRandomAccessRow {
  func text(_ index: Int) throws -> String { try self[index].decode(String.self) }
  func optionalText(_ index: Int) throws -> String? { try self[index].decode(String?.self) }
  func int(_ index: Int) throws -> Int { try self[index].decode(Int.self) }
  func bool(_ index: Int) throws -> Bool { try self[index].decode(Bool.self) }

  func decimal(_ index: Int, column: String) throws -> Decimal {
    try Stored.decimal(try text(index), column: column)
  }

  func optionalDecimal(_ index: Int, column: String) throws -> Decimal? {
    try optionalText(index).map { try Stored.decimal($0, column: column) }
  }

  func date(_ index: Int, column: String) throws -> Date {
    try Stored.date(try text(index), column: column)
  }

  func status(_ index: Int, column: String) throws -> ObservationStatus {
    try Stored.status(try text(index), column: column)
  }

  func optionalStatus(_ index: Int, column: String) throws -> ObservationStatus? {
    try optionalText(index).map { try Stored.status($0, column: column) }
  }

  func period(year: Int, quarter: Int) throws -> Period {
    try Stored.period(year: try int(year), quarter: try int(quarter))
  }
}

/// Parameters of a query built piece by piece (filters that may or may not apply).
struct QueryBuilder {
  private(set) var sql: String
  private(set) var binds = PostgresBindings()

  init(_ sql: String) { self.sql = sql }

  /// Appends `fragment`, whose `$?` stands for `value`, numbered in order.
  mutating func append(_ fragment: String, _ value: some PostgresDynamicTypeEncodable) {
    binds.append(value)
    sql += fragment.replacingOccurrences(of: "$?", with: "$\(binds.count)")
  }

  /// Binds `value` and returns its placeholder.
  mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
    binds.append(value)
    return "$\(binds.count)"
  }

  /// Binds `value` or NULL and returns its placeholder.
  mutating func bind(_ value: String?) -> String {
    binds.append(value)
    return "$\(binds.count)"
  }

  mutating func append(_ fragment: String) { sql += fragment }

  var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

/// A column of values for `unnest`, bound as one PostgreSQL array literal so that it may hold
/// NULLs: `{"a",NULL,"b"}`, cast to the column's array type in the query.
struct ArrayColumn: Sendable {
  private(set) var literal = "{"
  private var empty = true

  init() {}

  mutating func append(_ value: String?) {
    if !empty { literal += "," }
    empty = false
    guard let value else {
      literal += "NULL"
      return
    }
    literal += "\""
    for character in value.unicodeScalars {
      if character == "\"" || character == "\\" { literal += "\\" }
      literal.unicodeScalars.append(character)
    }
    literal += "\""
  }

  mutating func append(_ value: Int) { append(String(value)) }
  mutating func append(_ value: Bool) { append(value ? "t" : "f") }

  var text: String { literal + "}" }
}
