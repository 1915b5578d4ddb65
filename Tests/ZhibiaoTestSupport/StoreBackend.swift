import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoPostgres
import ZhibiaoSQLite
import ZhibiaoStore

/// The stores a conformance test runs on: the embedded SQLite store always, and PostgreSQL when
/// a server is given in `ZHIBIAO_POSTGRES_URL` (`postgres://USER@HOST:PORT/DB`).
///
/// Without a server the PostgreSQL cases are left out, unless `ZHIBIAO_POSTGRES=required` (as
/// CI sets it), which makes them fail instead: a missing server must not pass unnoticed.
public enum StoreBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
  case sqlite
  case postgres

  /// The backends to test on here.
  public static var available: [StoreBackend] {
    let environment = ProcessInfo.processInfo.environment
    let server = environment["ZHIBIAO_POSTGRES_URL"].map { !$0.isEmpty } ?? false
    return server || environment["ZHIBIAO_POSTGRES"] == "required" ? allCases : [.sqlite]
  }

  public var testDescription: String { rawValue }

  /// The server's URL; a failure that says how to give one when there is none.
  public static func serverURL() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["ZHIBIAO_POSTGRES_URL"], !url.isEmpty else {
      throw StoreBackendUnavailable(
        description: "ZHIBIAO_POSTGRES=required but ZHIBIAO_POSTGRES_URL names no server; "
          + "start one with Tools/Postgres/start-cluster.sh")
    }
    return url
  }

  /// A new, empty, migrated store: a SQLite store in memory, or a schema of its own on the server,
  /// so that tests running side by side never see each other's rows.
  public func store() async throws -> any Store {
    switch self {
    case .sqlite:
      return try SQLiteStore.inMemory()
    case .postgres:
      return try await PostgresStore(url: try Self.emptySchema(), maximumConnections: 4)
    }
  }

  /// The URL of a new, empty schema on the server.
  public static func emptySchema() async throws -> String {
    let url = try serverURL()
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    try await PostgresAdmin.execute("CREATE SCHEMA \(schema)", url: url)
    return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
  }
}

/// The PostgreSQL tests were asked for and cannot run.
public struct StoreBackendUnavailable: Error, CustomStringConvertible {
  public let description: String
}
