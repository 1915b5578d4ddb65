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

  @Test("serve waits for a database that cannot be reached yet, saying so, instead of exiting")
  func serveWaits() async throws {
    try Executable.requireBinary()
    let process = Process()
    process.executableURL = Executable.binary
    process.arguments = [
      "serve", "--port", "\(try FreePort.find())", "--db",
      "postgres://postgres@127.0.0.1:\(try FreePort.find())/zhibiao",
      "--config", Repository.config.path, "--lang", "en",
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    try await Task.sleep(for: .seconds(2.5))
    #expect(process.isRunning)
    process.terminate()
    process.waitUntilExit()
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(said.contains("The store is unavailable; trying again in 1 s"), "\(said)")
    #expect(said.contains("trying again in 2 s"), "\(said)")
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

  /// `curl` with `arguments`: what it printed.
  static func curl(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    process.arguments = ["-s"] + arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Adds 西湖's district account `xihu.li` to `db`.
  static func addDistrict(_ run: Executable, db: String) throws {
    let added = try run.run(
      ["users", "add", "xihu.li", "--org", "district.xihu", "--role", "district", "--password-stdin", "--db", db],
      input: "西湖龙井-2025-春\n")
    #expect(added.status == 0, "\(added.errors)")
  }

  /// Signs `xihu.li` in on `server` and returns the session cookie, `__Host-zhibiao=…`.
  static func signIn(on server: RunningServer) throws -> String {
    let headers = try curl([
      "-D", "-", "-o", "/dev/null", "--data-urlencode", "name=xihu.li", "--data-urlencode", "password=西湖龙井-2025-春",
      server.url("/login").absoluteString,
    ])
    let line = try #require(
      headers.split(whereSeparator: \.isNewline).first { $0.lowercased().hasPrefix("set-cookie: __host-zhibiao=") })
    return String(line.dropFirst("set-cookie: ".count).prefix { $0 != ";" })
  }

  @Test(
    "Two instances on one database share sessions and sign-in throttling",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
  func twoInstances() async throws {
    let db = try await StoreBackend.emptySchema()
    let run = try Executable()
    defer { run.cleanUp() }
    try Self.addDistrict(run, db: db)
    let first = try await RunningServer(db: db)
    let second = try await RunningServer(db: db)
    defer {
      first.stop()
      second.stop()
    }
    // Signed in on the first instance, the session works on the second.
    let cookie = try Self.signIn(on: first)
    let me = try Self.curl(["-H", "Cookie: \(cookie)", second.url("/api/v1/me").absoluteString])
    #expect(me.contains("\"xihu.li\""), "\(me)")
    // Five failures on the first instance, and the second refuses the next attempt.
    for _ in 0..<5 {
      _ = try Self.curl([
        "-o", "/dev/null", "--data", "name=xihu.li&password=wrong", first.url("/login").absoluteString,
      ])
    }
    let status = try Self.curl([
      "-o", "/dev/null", "-w", "%{http_code}", "--data", "name=xihu.li&password=wrong",
      second.url("/login").absoluteString,
    ])
    #expect(status == "429")
  }

  @Test(
    "A submission through one instance reaches the open pages of another, through PostgreSQL's notifications",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
  func liveAcrossInstances() async throws {
    let db = try await StoreBackend.emptySchema()
    let run = try Executable()
    defer { run.cleanUp() }
    try Self.addDistrict(run, db: db)
    let token = try run.run(["tokens", "create", "script", "--user", "xihu.li", "--db", db]).output
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let first = try await RunningServer(db: db)
    let second = try await RunningServer(db: db)
    defer {
      first.stop()
      second.stop()
    }
    let cookie = try Self.signIn(on: second)
    // The district's page on the second instance listens …
    let listening = Process()
    listening.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    listening.arguments = ["-sN", "--max-time", "120", "-H", "Cookie: \(cookie)", second.url("/events").absoluteString]
    let output = Pipe()
    listening.standardOutput = output
    let heard = Heard()
    output.fileHandleForReading.readabilityHandler = { heard.append($0.availableData) }
    try listening.run()
    defer {
      listening.terminate()
      output.fileHandleForReading.readabilityHandler = nil
    }
    // … once its stream has begun (the reconnection delay comes first) …
    #expect(try await heard.wait(for: "retry: 5000", seconds: 60), "\(heard.text)")
    // … while a script submits through the first. The second instance starts listening to the
    // database when it starts; on a slow machine it may not be listening yet, so the script
    // submits again, with another value, until the page hears of a submission or a minute passes.
    let event = #"data: {"kind":"submit","org":"district.xihu","period":"2024Q1"}"#
    var submitted = 0
    while submitted < 6, !heard.text.contains(event) {
      let answer = try Self.curl([
        "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer \(token)", "-H",
        "Content-Type: text/csv", "--data-binary",
        "indicator,org,period,value\ndigital.ict_revenue,district.xihu,2024Q1,\(120 + submitted)\n",
        first.url("/api/v1/submissions").absoluteString,
      ])
      #expect(answer == "201")
      submitted += 1
      _ = try await heard.wait(for: event, seconds: 10)
    }
    #expect(heard.text.contains(event), "\(heard.text)")
  }

  /// What a listening page has received so far, appended from the pipe's reading thread.
  final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) { lock.withLock { data.append(more) } }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Whether `needle` arrives within `seconds`.
    func wait(for needle: String, seconds: Double) async throws -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if text.contains(needle) { return true }
        try await Task.sleep(for: .milliseconds(50))
      }
      return text.contains(needle)
    }
  }

  @Test("zhibiao backup on PostgreSQL writes a pg_dump archive")
  func backup() async throws {
    let db = try await StoreBackend.emptySchema()
    let run = try Executable()
    defer { run.cleanUp() }
    let sample = Repository.config.appendingPathComponent("sample/registers.csv").path
    #expect(try run.run(["ingest", sample, "--db", db]).status == 0)
    let result = try run.run(["backup", run.path("store.dump"), "--db", db])
    #expect(result.status == 0, "\(result.errors)")
    let archive = try Data(contentsOf: URL(fileURLWithPath: run.path("store.dump")))
    #expect(archive.prefix(5) == Data("PGDMP".utf8))
  }
}
