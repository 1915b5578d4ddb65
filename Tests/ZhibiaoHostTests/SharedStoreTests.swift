import Foundation
import Testing
import ZhibiaoPostgres
import ZhibiaoTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The commands and the web app on the shared PostgreSQL store, as an operator runs them.
@Suite("The shared PostgreSQL store", .enabled(if: StoreBackend.available.contains(.postgres)))
struct SharedStoreTests {
  /// What the reading commands print for the sample, after importing it into `db`.
  func outputs(_ run: Executable, db: String) throws -> [String] {
    let sample = Repository.config.appendingPathComponent("sample")
    for file in ["observations.csv", "registers.csv"] {
      let ingest = try run.run(["ingest", sample.appendingPathComponent(file).path, "--db", db])
      #expect(ingest.status == 0, "\(ingest.errors)")
    }
    let events = sample.appendingPathComponent("assessment-events-2024.yaml").path
    return try [
      ["monitor", "--period", "2024Q4", "--as-of", "2025-02-15", "--format", "json"],
      ["monitor", "--period", "2024Q2", "--org", "district.fuyang", "--format", "json"],
      ["assess", "--year", "2024", "--events", events, "--format", "json"],
      ["export", "observations", "--format", "json"],
      ["export", "registers", "--format", "json"],
      [
        "history", "--indicator", "digital.ict_revenue", "--org", "district.binjiang", "--period", "2024Q1", "--format",
        "json",
      ],
    ].map { arguments in
      let result = try run.run(arguments + ["--db", db])
      #expect(result.status == 0, "\(arguments): \(result.errors)")
      #expect(!result.output.isEmpty)
      return result.output
    }
  }

  @Test("The same sample through ingest, monitor, assess and export gives byte-identical JSON on SQLite and PostgreSQL")
  func sameOutputs() async throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let onSQLite = try outputs(run, db: run.path("store.sqlite"))
    let onPostgres = try outputs(run, db: try await StoreBackend.emptySchema())
    #expect(onSQLite.count == onPostgres.count)
    for (sqlite, postgres) in zip(onSQLite, onPostgres) {
      #expect(sqlite == postgres)
    }
  }

  @Test("A server that cannot be reached is named at once, with its host and port")
  func unreachable() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let port = try FreePort.find()
    let result = try run.run(
      ["monitor", "--period", "2024Q4", "--db", "postgres://postgres@127.0.0.1:\(port)/zhibiao", "--lang", "en"])
    #expect(result.status == 1)
    #expect(result.errors.contains("127.0.0.1:\(port) cannot be reached"))
    #expect(!result.errors.contains("PSQLError"))
  }

  @Test("When the database drops every connection, later requests succeed without restarting the app")
  func reconnects() async throws {
    let name = "zhibiao_test_\(UUID().uuidString.prefix(8).lowercased())"
    let server = try await RunningServer(db: try await StoreBackend.emptySchema() + "&application_name=\(name)")
    defer { server.stop() }
    func health() async -> Int {
      let answer = try? await URLSession.shared.data(from: server.url("/healthz"))
      return (answer?.1 as? HTTPURLResponse)?.statusCode ?? 0
    }
    #expect(await health() == 200)
    // What a restart of the server looks like to the app: every connection it holds is cut.
    try await PostgresAdmin.execute(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '\(name)'",
      url: try StoreBackend.serverURL())
    var statuses: [Int] = []
    for _ in 0..<50 {
      statuses.append(await health())
      if statuses.last == 200 { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(statuses.last == 200, "\(statuses)")
    #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")
  }
}
