import Foundation
import Logging
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

/// The shared store: the same ``Store`` on a PostgreSQL server that several instances of the web
/// app and the command line use at once.
///
/// Every write is one transaction at SERIALIZABLE isolation, retried when the server reports a
/// serialization failure, so that a rule spanning rows (a lock racing a submission, two
/// reviewers of one figure) holds as if the writes ran one after another. Values are NUMERIC
/// (exact), times TIMESTAMPTZ to the millisecond, as the SQLite store keeps them.
public final class PostgresStore: Store {
  /// Where the store is, without its password, for messages.
  public let location: String
  /// The server and database, for the server's own tools (`pg_dump`).
  let address: PostgresAddress

  let client: PostgresClient
  let logger: Logger
  /// This process's name in the notifications it sends, so that it skips its own.
  let instance = UUID().uuidString
  /// The channel writes are told on: one per schema, as notifications go to the whole database.
  var channel: String { "zhibiao_change" + (address.schema.map { "_\($0.lowercased())" } ?? "") }
  private let running: Task<Void, Never>

  /// Connects to the server of `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`), checks
  /// that it answers and brings the schema up to date.
  ///
  /// Throws ``StoreError/unavailable(path:reason:)`` naming the host and port when the server
  /// cannot be reached, and ``StoreError/schemaTooNew(found:supported:)`` when a newer build has
  /// migrated the database.
  ///
  /// With `reading`, nothing is created or migrated: a database an older build left throws
  /// ``StoreError/schemaTooOld(found:supported:)``, one with no store ``StoreError/unavailable(path:reason:)``
  /// — how a command that only reads opens it.
  public convenience init(
    url: String, maximumConnections: Int = 20, connectTimeout: Duration = .seconds(10), reading: Bool = false
  ) async throws {
    try await self.init(
      url: url, schemaVersion: PostgresSchema.migrations.count, maximumConnections: maximumConnections,
      connectTimeout: connectTimeout, reading: reading)
  }

  /// Connects and migrates up to `schemaVersion` only: how a test builds a database as an older
  /// build left it. With `reading`, checks the schema instead of migrating it.
  init(
    url: String, schemaVersion: Int, maximumConnections: Int, connectTimeout: Duration, reading: Bool = false
  ) async throws {
    let address = try PostgresAddress(url)
    location = address.description
    self.address = address
    var configuration = PostgresClient.Configuration(
      host: address.host, port: address.port, username: address.user, password: address.password,
      database: address.database, tls: address.requiresTLS ? .require(.makeClientConfiguration()) : .disable)
    configuration.options.maximumConnections = maximumConnections
    configuration.options.connectTimeout = connectTimeout
    configuration.options.additionalStartupParameters =
      [("application_name", address.applicationName)] + (address.schema.map { [("search_path", $0)] } ?? [])
    // The pool logs each failed attempt to connect; a command says what failed once, itself.
    var logger = Logger(label: "zhibiao.postgres")
    logger.logLevel = .error
    self.logger = logger
    try await PostgresAdmin.probe(address, timeout: connectTimeout)
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    self.client = client
    running = Task { await client.run() }
    do {
      if reading { try await requireSchema(schemaVersion) } else { try await migrate(upTo: schemaVersion) }
    } catch {
      running.cancel()
      throw storeError(error)
    }
  }

  deinit {
    running.cancel()
  }

  /// Closes the connections; the store cannot be used afterwards.
  public func close() {
    running.cancel()
  }

  /// Runs `body` in one transaction at SERIALIZABLE isolation, retrying it from the start when the
  /// server cancels it for a conflict with a concurrent transaction (SQLSTATE 40001), a deadlock
  /// (40P01), or a key that a concurrent transaction inserted first (23505: the body only inserts
  /// keys it has just read as absent); errors become ``StoreError``.
  ///
  /// With `periods`, the transaction first takes their locks (see ``PeriodLocks``), before its
  /// snapshot, and lets them go after it ends. The periods' change, or else `change`, is told to
  /// the other processes listening when it commits.
  func transaction<T: Sendable>(
    periods: PeriodLocks? = nil, notifying change: StoreChange? = nil,
    _ body: @escaping @Sendable (PostgresConnection) async throws -> T
  ) async throws -> T {
    var attempt = 0
    while true {
      do {
        return try await client.withConnection { connection in
          if let periods { try await connection.query(periods.query(taking: true), logger: self.logger) }
          do {
            let value = try await self.run(body, on: connection, telling: periods?.change ?? change)
            if let periods { try await connection.query(periods.query(taking: false), logger: self.logger) }
            return value
          } catch {
            if let periods { _ = try? await connection.query(periods.query(taking: false), logger: self.logger) }
            throw error
          }
        }
      } catch let error as PSQLError where Self.isRetryable(error) && attempt < 30 {
        attempt += 1
        try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * min(attempt, 10)))))
      } catch {
        throw storeError(error)
      }
    }
  }

  /// Runs `body` in a transaction on `connection`; with `change`, tells the other processes
  /// listening (``changesElsewhere()``) when it commits.
  private func run<T>(
    _ body: (PostgresConnection) async throws -> T, on connection: PostgresConnection, telling change: StoreChange?
  ) async throws -> T {
    try await connection.query("BEGIN ISOLATION LEVEL SERIALIZABLE", logger: logger)
    do {
      let value = try await body(connection)
      if let change {
        let payload = change.payload(from: instance)
        try await connection.query("SELECT pg_notify(\(channel), \(payload))", logger: logger)
      }
      try await connection.query("COMMIT", logger: logger)
      return value
    } catch {
      _ = try? await connection.query("ROLLBACK", logger: logger)
      throw error
    }
  }

  /// Runs one read, its errors as ``StoreError``.
  func reading<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch {
      throw storeError(error)
    }
  }

  /// The rows of `query`, each read by `decode`.
  func rows<T>(
    _ query: PostgresQuery, on connection: PostgresConnection? = nil, _ decode: (PostgresRandomAccessRow) throws -> T
  ) async throws -> [T] {
    let sequence =
      if let connection {
        try await connection.query(query, logger: logger)
      } else {
        try await client.query(query, logger: logger)
      }
    var values: [T] = []
    for try await row in sequence {
      values.append(try decode(row.makeRandomAccess()))
    }
    return values
  }

  private static func isRetryable(_ error: PSQLError) -> Bool {
    let state = error.serverInfo?[.sqlState]
    return state == "40001" || state == "40P01" || state == "23505"
  }

  /// The one error type callers of a ``Store`` handle: refusals pass as they are; the server's
  /// errors name the store and what the server said.
  func storeError(_ error: any Error) -> any Error {
    switch error {
    case let error as StoreError: return error
    case let error as AccountError: return error
    case let error as MalformedColumn:
      return StoreError.unavailable(
        path: location, reason: "the column \(error.column) holds '\(error.text)' where \(error.expected) belongs")
    case let error as PSQLError:
      if let message = error.serverInfo?[.message] {
        return StoreError.unavailable(path: location, reason: message)
      }
      return StoreError.unavailable(path: location, reason: Self.connectionReason(error))
    default:
      return error
    }
  }

  private static func connectionReason(_ error: PSQLError) -> String {
    switch error.code {
    case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed:
      "the server cannot be reached (is PostgreSQL running there?)"
    case .authMechanismRequiresPassword: "the server wants a password: give it in the URL"
    default: "\(error.code)"
    }
  }
}
