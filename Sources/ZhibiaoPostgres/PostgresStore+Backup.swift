import Foundation
import ZhibiaoStore

extension PostgresStore {
  /// Writes a consistent copy of the database to `path` with `pg_dump` (custom format, restored
  /// with `pg_restore`), while the store stays in use: pg_dump reads one snapshot.
  ///
  /// Throws ``StoreError/unavailable(path:reason:)`` saying what to install when `pg_dump` is
  /// not on the PATH, and with pg_dump's own message when it fails.
  public func backup(to path: String) async throws {
    guard let pgDump = Self.program("pg_dump") else {
      throw StoreError.unavailable(
        path: path,
        reason:
          "pg_dump is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)"
      )
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pgDump)
    process.arguments =
      [
        "--format=custom", "--no-owner", "--file", path, "--host", address.host, "--port", String(address.port),
        "--username", address.user, "--dbname", address.database,
      ] + (address.schema.map { ["--schema", $0] } ?? [])
    // The password goes by the environment, not the command line that other users can list.
    var environment = ProcessInfo.processInfo.environment
    environment["PGPASSWORD"] = address.password
    environment["PGSSLMODE"] = address.requiresTLS ? "require" : "disable"
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw StoreError.unavailable(path: path, reason: "pg_dump could not start: \(error)")
    }
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw StoreError.unavailable(
        path: path, reason: "pg_dump failed: \(String(decoding: message, as: UTF8.self))")
    }
  }

  /// The path of `name` on the PATH, if it is there.
  static func program(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}
