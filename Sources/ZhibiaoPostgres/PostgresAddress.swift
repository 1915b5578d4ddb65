import Foundation
import ZhibiaoStore

/// A PostgreSQL server and database as a URL names them:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|require][&schema=NAME][&application_name=NAME]`.
///
/// `application_name` names the connections in the server's views (`zhibiao` by default);
/// `schema` keeps Zhibiao's tables in a schema of their own (it must exist), where a database
/// is shared with other systems.
///
/// The password is never printed: ``description`` leaves it out. Without `sslmode` the
/// connection is plain, as on a server's own host or a private network; `sslmode=require`
/// insists on TLS.
struct PostgresAddress: CustomStringConvertible, Sendable {
  var host: String
  var port: Int
  var user: String
  var password: String?
  var database: String
  var requiresTLS: Bool
  var schema: String?
  /// The name the server's views (`pg_stat_activity`) show for the connections.
  var applicationName: String

  init(_ url: String) throws {
    guard let components = URLComponents(string: url),
      components.scheme == "postgres" || components.scheme == "postgresql"
    else {
      throw StoreError.unavailable(
        path: url, reason: "write a PostgreSQL store as postgres://USER@HOST:PORT/DATABASE")
    }
    guard let host = components.host, !host.isEmpty else {
      throw StoreError.unavailable(path: url, reason: "the URL names no host")
    }
    let database = String(components.path.drop { $0 == "/" })
    guard !database.isEmpty else {
      throw StoreError.unavailable(path: url, reason: "the URL names no database (…/DATABASE)")
    }
    self.host = host
    port = components.port ?? 5432
    user = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    password = components.password
    self.database = database
    schema = components.queryItems?.first { $0.name == "schema" }?.value
    if let schema, schema.isEmpty || !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
      throw StoreError.unavailable(path: url, reason: "a schema name is letters, digits and _, not '\(schema)'")
    }
    applicationName = components.queryItems?.first { $0.name == "application_name" }?.value ?? "zhibiao"
    let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
    switch mode {
    case "disable", "prefer", "allow": requiresTLS = false
    case "require", "verify-ca", "verify-full": requiresTLS = true
    default: throw StoreError.unavailable(path: url, reason: "sslmode is disable or require, not '\(mode)'")
    }
  }

  var description: String {
    "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
  }
}
