import Logging
import NIOPosix
import PostgresNIO
import ZhibiaoStore

/// Single connections outside a store's pool: checking that a server answers, and statements
/// such as creating a schema for a store to live in.
public enum PostgresAdmin {
  /// Runs `sql` on one connection to the server and database of `url`, then closes it.
  public static func execute(_ sql: String, url: String) async throws {
    let address = try PostgresAddress(url)
    let connection = try await connect(address, timeout: .seconds(10))
    do {
      try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    } catch {
      try? await connection.close()
      throw StoreError.unavailable(path: address.description, reason: reason(error, address: address))
    }
    try await connection.close()
  }

  /// Connects once and closes again: a server that is down, refuses the user or has no such
  /// database is named at once, rather than after the pool's retries.
  static func probe(_ address: PostgresAddress, timeout: Duration) async throws {
    try await connect(address, timeout: timeout).close()
  }

  private static let logger: Logger = {
    var logger = Logger(label: "zhibiao.postgres.admin")
    logger.logLevel = .warning
    return logger
  }()

  private static func connect(_ address: PostgresAddress, timeout: Duration) async throws -> PostgresConnection {
    var configuration = PostgresConnection.Configuration(
      host: address.host, port: address.port, username: address.user, password: address.password,
      database: address.database,
      tls: address.requiresTLS ? .require(try .init(configuration: .makeClientConfiguration())) : .disable)
    let (seconds, attoseconds) = timeout.components
    configuration.options.connectTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    do {
      return try await PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger)
    } catch {
      throw StoreError.unavailable(path: address.description, reason: reason(error, address: address))
    }
  }

  /// What went wrong, naming the server: its own message when it answered, else why it could
  /// not be reached.
  static func reason(_ error: any Error, address: PostgresAddress) -> String {
    if let error = error as? PSQLError, let message = error.serverInfo?[.message] {
      return message
    }
    return "the server at \(address.host):\(address.port) cannot be reached: is PostgreSQL running there?"
  }
}
