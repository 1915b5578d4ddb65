import Logging
import NIOPosix
import PostgresNIO
import ZhibiaoStore

/// Statements run outside a store: creating a schema or a database for a store to live in.
public enum PostgresAdmin {
  /// Runs `sql` on one connection to the server and database of `url`, then closes it.
  public static func execute(_ sql: String, url: String) async throws {
    let address = try PostgresAddress(url)
    let configuration = PostgresConnection.Configuration(
      host: address.host, port: address.port, username: address.user, password: address.password,
      database: address.database,
      tls: address.requiresTLS ? .require(try .init(configuration: .makeClientConfiguration())) : .disable)
    let connection = try await PostgresConnection.connect(
      on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1,
      logger: Logger(label: "zhibiao.postgres.admin"))
    do {
      try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "zhibiao.postgres.admin"))
    } catch {
      try? await connection.close()
      throw error
    }
    try await connection.close()
  }
}
