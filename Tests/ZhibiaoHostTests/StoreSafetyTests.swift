import Crypto
import Foundation
import Synchronization
import Testing
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

/// No command harms a store: a read never creates one, a file that is not a Zhibiao store is left
/// exactly as it was, and an output never lands on the store it reads nor on a file already there
/// unless `--force`.
@Suite("Commands never harm a store")
struct StoreSafetyTests {
  static func digest(_ path: String) throws -> String {
    SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
  }

  @Test(
    "A read command on a path with no store says so and creates nothing",
    arguments: reads + [["letters", "--year", "2025", "--out", "l"]])
  func readCreatesNothing(_ arguments: [String]) throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(arguments + ["--db", "nothing.sqlite", "--lang", "en"])
    #expect(result.status == 1)
    #expect(result.errors.contains("nothing.sqlite: error: There is no store here"), "\(result.errors)")
    for suffix in ["", "-wal", "-shm"] {
      #expect(!FileManager.default.fileExists(atPath: run.path("nothing.sqlite" + suffix)))
    }
  }

  @Test("An SQLite database that is not a Zhibiao store is refused by reads and writes alike, and left as it was")
  func foreignDatabase() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let path = run.path("other.sqlite")
    let made = try BrowserTools.run(
      "/usr/bin/python3",
      [
        "-c",
        "import sqlite3; c = sqlite3.connect('\(path)'); c.execute('create table people (name text)'); "
          + "c.execute(\"insert into people values ('张三')\"); c.commit(); c.close()",
      ], withErrors: true)
    try #require(made.status == 0, "\(made.output)")
    let before = try Self.digest(path)
    let sample = Repository.config.appendingPathComponent("sample/observations.csv").path
    for arguments in [["monitor", "--period", "2024Q3"], ["ingest", sample]] {
      let result = try run.run(arguments + ["--db", path, "--lang", "en"])
      #expect(result.status == 1, "\(arguments)")
      #expect(result.errors.contains("not a Zhibiao store"), "\(result.errors)")
    }
    #expect(try Self.digest(path) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  /// The read commands of the store-safety checks, each on the store `--db` names.
  static let reads: [[String]] = [
    ["monitor", "--period", "2024Q3"], ["assess", "--year", "2024"], ["export", "observations"],
    ["history", "--indicator", "plan.gdp", "--org", "district.xihu", "--period", "2024Q3"],
    ["report", "--year", "2024", "--out", "r"], ["tasks", "status", "--period", "2024Q4"],
    ["notices", "list", "--as-of", "2025-02-15"],
  ]

  @Test("Reads leave a store byte for byte as it was, in the journal mode it had, with no files beside it")
  func readsChangeNothing() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let sample = Repository.config.appendingPathComponent("sample/observations.csv").path
    try #require(try run.run(["ingest", sample, "--db", "z.sqlite"]).status == 0)
    let path = run.path("z.sqlite")
    let switched = try BrowserTools.run(
      "/usr/bin/python3",
      ["-c", "import sqlite3; c = sqlite3.connect('\(path)'); c.execute('pragma journal_mode=delete'); c.close()"],
      withErrors: true)
    try #require(switched.status == 0, "\(switched.output)")
    let before = try Self.digest(path)
    for arguments in Self.reads {
      let result = try run.run(arguments + ["--db", "z.sqlite"])
      #expect(result.status == 0, "\(arguments): \(result.errors)")
      #expect(try Self.digest(path) == before, "\(arguments) changed the store")
      for suffix in ["-wal", "-shm", "-journal"] {
        #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(arguments) left \(suffix)")
      }
    }
  }

  @Test("A store an older build left is refused by reads, which name store migrate and leave it as it was")
  func olderStore() async throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let path = run.path("old.sqlite")
    _ = try SQLiteStore(path: path, schemaVersion: Schema.migrations.count - 2)
    let before = try Self.digest(path)
    for arguments in Self.reads {
      let result = try run.run(arguments + ["--db", "old.sqlite"])
      #expect(result.status == 1, "\(arguments)")
      #expect(
        result.errors.contains("数据库结构为第 \(Schema.migrations.count - 2) 版，低于本程序读取的第 \(Schema.migrations.count) 版")
          && result.errors.contains("zhibiao store migrate"), "\(arguments): \(result.errors)")
      #expect(try Self.digest(path) == before, "\(arguments) changed the store")
    }
    let migrated = try run.run(["store", "migrate", "--db", "old.sqlite"])
    #expect(migrated.status == 0, "\(migrated.errors)")
    #expect(migrated.output.contains("数据库结构为第 \(Schema.migrations.count) 版"))
    #expect(try run.run(["monitor", "--period", "2024Q3", "--db", "old.sqlite"]).status == 0)
    let missing = try run.run(["store", "migrate", "--db", "none.sqlite", "--lang", "en"])
    #expect(missing.status == 1 && missing.errors.contains("There is no store here"))
  }

  @Test("Two first imports at once on a new path both succeed: the migration of one waits for the other's")
  func firstImportsAtOnce() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let sample = Repository.config.appendingPathComponent("sample")
    let files = ["observations.csv", "registers.csv"].map { sample.appendingPathComponent($0).path }
    for attempt in 0..<5 {
      let statuses = Mutex<[Int32]>([])
      DispatchQueue.concurrentPerform(iterations: 2) { index in
        let status = (try? run.run(["ingest", files[index], "--db", "new-\(attempt).sqlite"]).status) ?? -1
        statuses.withLock { $0.append(status) }
      }
      #expect(statuses.withLock { $0 } == [0, 0], "attempt \(attempt)")
      let listed = try run.run(["export", "registers", "--db", "new-\(attempt).sqlite", "--format", "json"])
      #expect(listed.status == 0 && listed.output.contains("tech.incubators"))
    }
  }

  @Test("A backup that runs out of room fails with the reason in words and leaves no file behind")
  func backupOutOfRoom() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let sample = Repository.config.appendingPathComponent("sample/observations.csv").path
    #expect(try run.run(["ingest", sample, "--db", "z.sqlite"]).status == 0)
    // Files of at most 200 blocks: the copy fails half way, as on a full disk.
    let command =
      "cd '\(run.folder.path)' && trap '' XFSZ && ulimit -f 200 && '\(Executable.binary.path)' backup copy.sqlite "
      + "--db z.sqlite --config '\(Repository.config.path)' --lang en"
    let result = try BrowserTools.run("/bin/bash", ["-c", command])
    #expect(result.status == 1)
    #expect(result.output.contains("copy.sqlite: error: The backup was not made"), "\(result.output)")
    #expect(result.output.contains("nothing was left behind") && !result.output.contains("not an error"))
    let left = try FileManager.default.contentsOfDirectory(atPath: run.folder.path).filter { $0.contains("copy") }
    #expect(left.isEmpty, "\(left)")
    #expect(try run.run(["backup", "copy.sqlite", "--db", "z.sqlite"]).status == 0)
  }

  @Test("A write that waits in vain for another writer says what it waited for, and writes nothing")
  func busyStore() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let sample = Repository.config.appendingPathComponent("sample")
    #expect(
      try run.run(["ingest", sample.appendingPathComponent("registers.csv").path, "--db", "z.sqlite"]).status == 0)
    // Another process holds the store's write lock for longer than a write waits (10 s).
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    holder.arguments = [
      "-c",
      "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        + "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True); time.sleep(14); c.execute('ROLLBACK')",
      run.path("z.sqlite"),
    ]
    let pipe = Pipe()
    holder.standardOutput = pipe
    try holder.run()
    defer { holder.terminate() }
    _ = pipe.fileHandleForReading.availableData
    let started = Date()
    let result = try run.run([
      "ingest", sample.appendingPathComponent("observations.csv").path, "--db", "z.sqlite", "--lang", "en",
    ])
    #expect(result.status == 1)
    #expect(Date().timeIntervalSince(started) >= 9, "it waits before it gives up")
    #expect(result.errors.contains("another process kept the store busy for the 10 seconds"), "\(result.errors)")
    holder.waitUntilExit()
    let exported = try run.run(["export", "observations", "--db", "z.sqlite", "--format", "json"])
    #expect(exported.status == 0 && !exported.output.contains("plan.gdp"), "nothing of the import was written")
  }

  @Test("--out never lands on the store it reads; a file already there needs --force")
  func outputs() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let sample = Repository.config.appendingPathComponent("sample/observations.csv").path
    #expect(try run.run(["ingest", sample, "--db", "z.sqlite"]).status == 0)
    let store = try Self.digest(run.path("z.sqlite"))
    let onStore = try run.run([
      "export", "observations", "--db", "z.sqlite", "--out", "z.sqlite", "--force", "--lang", "en",
    ])
    #expect(onStore.status == 1 && onStore.errors.contains("This is the store being read"), "\(onStore.errors)")
    let onJournal = try run.run(["monitor", "--period", "2024Q3", "--db", "z.sqlite", "--xlsx", "./z.sqlite-wal"])
    #expect(onJournal.status == 1)
    #expect(try Self.digest(run.path("z.sqlite")) == store)

    try Data("mine".utf8).write(to: URL(fileURLWithPath: run.path("kept.csv")))
    let kept = try run.run(["export", "observations", "--db", "z.sqlite", "--out", "kept.csv", "--lang", "en"])
    #expect(kept.status == 1 && kept.errors.contains("give --force to replace it"), "\(kept.errors)")
    #expect(try String(contentsOfFile: run.path("kept.csv"), encoding: .utf8) == "mine")
    let replaced = try run.run(["export", "observations", "--db", "z.sqlite", "--out", "kept.csv", "--force"])
    #expect(replaced.status == 0, "\(replaced.errors)")
    #expect(try String(contentsOfFile: run.path("kept.csv"), encoding: .utf8).contains("indicator,org,period"))
    let template = try run.run(["template", "--org", "西湖区", "--period", "2025Q1", "--out", "kept.csv"])
    #expect(template.status == 1)
  }
}

/// A folder of output (a report, letters) keeps a list of what it wrote: writing again replaces
/// and cleans only its own files; a file someone else put there is never replaced without
/// `--force`, nor removed.
@Suite("Output folders")
struct OutputFolderTests {
  @Test("A report refuses to replace a file it did not write, rewrites its own, and removes only what it wrote before")
  func report() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let sample = Repository.config.appendingPathComponent("sample/observations.csv").path
    #expect(try run.run(["ingest", sample, "--db", "z.sqlite"]).status == 0)
    let folder = run.folder.appendingPathComponent("r")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: folder.appendingPathComponent("report.html"))
    try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let arguments = ["report", "--year", "2024", "--out", "r", "--db", "z.sqlite", "--lang", "en"]
    let refused = try run.run(arguments)
    #expect(refused.status == 1 && refused.errors.contains("was not written here before"), "\(refused.errors)")
    #expect(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8) == "mine")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.md").path))

    #expect(try run.run(arguments + ["--force"]).status == 0)
    let manifest = try String(contentsOf: folder.appendingPathComponent(".zhibiao-files"), encoding: .utf8)
    #expect(
      manifest.contains("report.html\n") && manifest.contains("data/tables.xlsx\n") && !manifest.contains("notes"))
    // A file the last run wrote and the next does not is removed; the others' stay.
    try Data("old".utf8).write(to: folder.appendingPathComponent("data/gone.csv"))
    try (manifest + "data/gone.csv\n").write(
      to: folder.appendingPathComponent(".zhibiao-files"), atomically: true, encoding: .utf8)
    let again = try run.run(arguments)
    #expect(again.status == 0, "\(again.errors)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/gone.csv").path))
    #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes")
  }

  @Test("Letters refuse to replace a letter they did not write")
  func letters() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let folder = run.folder.appendingPathComponent("l")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("draft".utf8).write(to: folder.appendingPathComponent("district.xihu.docx"))
    let refused = try run.run(["letters", "--year", "2025", "--out", "l", "--format", "docx"])
    #expect(refused.status == 1)
    #expect(try String(contentsOf: folder.appendingPathComponent("district.xihu.docx"), encoding: .utf8) == "draft")
    #expect(try run.run(["letters", "--year", "2025", "--out", "l"]).status == 0)
  }
}
