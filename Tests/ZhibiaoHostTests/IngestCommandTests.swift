import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// `zhibiao ingest` and its companions, run as a user runs them: as a separate process on a
/// real SQLite file.
@Suite("zhibiao ingest, approve, history, export, backup", .serialized)
struct IngestCommandTests {
  static let sample = Repository.config.appendingPathComponent("sample")

  static func sampleFile(_ name: String) -> String { sample.appendingPathComponent(name).path }

  /// The rows of a CSV without its comment lines, as a UTF-8 string.
  static func sampleText(_ name: String) throws -> String {
    try String(contentsOfFile: sampleFile(name), encoding: .utf8)
  }

  @Test("The sample quarters import, and importing them again changes nothing")
  func sampleImportsIdempotently() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let first = try run.run(["ingest", Self.sampleFile("observations.csv"), "--db", run.path("z.sqlite")])
    #expect(first.status == 0, "\(first.errors)")
    #expect(first.output.contains("4340 行，新增 4340，修订 0，未变 0"))
    let again = try run.run(["ingest", Self.sampleFile("observations.csv"), "--db", run.path("z.sqlite")])
    #expect(again.output.contains("新增 0，修订 0，未变 4340"))
    let history = try run.run([
      "history", "--indicator", "finance.finance_va", "--org", "淳安县", "--period", "2024Q3", "--db",
      run.path("z.sqlite"), "--format", "json",
    ])
    let revisions = try #require(JSONSerialization.jsonObject(with: Data(history.output.utf8)) as? [[String: Any]])
    #expect(revisions.count == 1)
    #expect(revisions.first?["source"] as? String == "observations.csv")
  }

  /// Everything the store holds, as the export commands write it.
  static func contents(_ run: Executable, db: String) throws -> String {
    try ["observations", "registers"].map { subject in
      try run.run(["export", subject, "--db", db, "--format", "json"]).output
    }.joined(separator: "\n")
  }

  // The store's own tests compare the file byte for byte after a refused submission. Here each
  // command is a new process, and opening a WAL database with GRDB's pool briefly creates and
  // drops a table, which rewrites a few header bytes; so this compares everything the store
  // holds instead.
  @Test("Every typical mistake is reported at its line, and the store holds exactly what it held")
  func mistakesAreRefusedWhole() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("z.sqlite")
    _ = try run.run(["ingest", Self.sampleFile("observations.csv"), "--db", db])
    _ = try run.run(["ingest", Self.sampleFile("registers.csv"), "--db", db])
    let before = try Self.contents(run, db: db)
    #expect(before.count > 100_000)
    let result = try run.run(["ingest", Self.sampleFile("mistakes-gbk.csv"), "--db", db, "--as", "district.binjiang"])
    #expect(result.status == 1)
    let expected = try Self.sampleText("mistakes-expected.txt").split(separator: "\n")
      .filter { !$0.hasPrefix("#") }
      .compactMap { line -> (Int, Bool)? in
        let parts = line.split(separator: ":", maxSplits: 2)
        guard parts.count >= 2, let number = Int(parts[0]) else { return nil }
        return (number, parts[1].trimmingCharacters(in: .whitespaces) == "error")
      }
    #expect(expected.filter(\.1).count == 8)
    let reported = Set(
      result.errors.split(separator: "\n").compactMap { line -> Int? in
        guard line.contains("mistakes-gbk.csv:") else { return nil }
        return Int(line.split(separator: ":")[1])
      })
    for (line, isError) in expected {
      #expect(reported.contains(line) == isError, "line \(line) should \(isError ? "" : "not ")be reported")
    }
    #expect(result.errors.contains("未导入：8 个错误"))
    #expect(try Self.contents(run, db: db) == before)
  }

  @Test("A GBK file, a UTF-8 file with BOM and a plain UTF-8 file import the same values")
  func encodingsImportAlike() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let text = try Self.sampleText("observations.csv")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // The header, and 滨江区's rows written with its Chinese name so that GBK has something to encode.
    let subset =
      ([String(lines.first { !$0.hasPrefix("#") }!)]
      + lines.filter { $0.contains(",district.binjiang,") }.prefix(300).map {
        $0.replacingOccurrences(of: ",district.binjiang,", with: ",滨江区,")
      }).joined(separator: "\r\n") + "\r\n"
    let gbk = try #require(subset.data(using: String.Encoding(rawValue: 0x8000_0632)))
    try Data(subset.utf8).write(to: URL(fileURLWithPath: run.path("utf8.csv")))
    try (Data([0xEF, 0xBB, 0xBF]) + Data(subset.utf8)).write(to: URL(fileURLWithPath: run.path("bom.csv")))
    try gbk.write(to: URL(fileURLWithPath: run.path("gbk.csv")))
    var exports: [String] = []
    for name in ["utf8", "bom", "gbk"] {
      let db = run.path("\(name).sqlite")
      let result = try run.run(["ingest", run.path("\(name).csv"), "--db", db])
      #expect(result.status == 0, "\(name): \(result.errors)")
      let export = try run.run(["export", "--db", db, "--format", "json"])
      let rows = try #require(JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [[String: Any]])
      #expect(rows.count == 300)
      exports.append(
        rows.map { "\($0["indicator"]!)|\($0["org"]!)|\($0["period"]!)|\($0["value"]!)" }.joined(separator: "\n"))
    }
    #expect(exports[0] == exports[1])
    #expect(exports[0] == exports[2])
  }

  @Test("A district may submit only its own figures")
  func districtSubmitsItsOwn() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let file = run.path("other.csv")
    try "indicator,org,period,value,unit,note\nfinance.finance_va,district.xihu,2024Q1,50.5,亿元,\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    let result = try run.run(["ingest", file, "--db", run.path("z.sqlite"), "--as", "district.binjiang"])
    #expect(result.status == 1)
    #expect(
      result.errors.contains(
        "other.csv:2:20: error: 'district.binjiang' may submit only its own figures, not those of 'district.xihu'."))
  }

  @Test("A malformed CSV file is refused with its line and column, and nothing is written")
  func malformedFileIsRefused() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("z.sqlite")
    let good = run.path("good.csv")
    try "indicator,org,period,value,unit,note\nfinance.finance_va,district.xihu,2024Q1,50.5,亿元,\n"
      .write(toFile: good, atomically: true, encoding: .utf8)
    #expect(try run.run(["ingest", good, "--db", db]).status == 0)
    let before = try Self.contents(run, db: db)
    let bad = run.path("bad.csv")
    try
      "indicator,org,period,value,unit,note\nfinance.finance_va,district.xihu,2024Q2,60.5,亿元,\nfinance.finance_va,district.binjiang,2024Q1,\"20\"5,亿元,\n"
      .write(toFile: bad, atomically: true, encoding: .utf8)
    let result = try run.run(["ingest", bad, "--db", db])
    #expect(result.status == 1)
    #expect(result.errors.contains("bad.csv:3:49: error: Text after the closing quote of a field"), "\(result.errors)")
    #expect(try Self.contents(run, db: db) == before)
  }

  @Test("ingest, approve and backup report what they did in English with --lang en")
  func englishAnswers() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("z.sqlite")
    let file = run.path("q1.csv")
    try "indicator,org,period,value,unit,note\nfinance.finance_va,district.xihu,2024Q1,50.5,亿元,\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    let checked = try run.run(["ingest", file, "--db", db, "--dry-run", "--lang", "en"])
    #expect(checked.output.contains("Checked: all 1 rows of"), "\(checked.output)\(checked.errors)")
    let imported = try run.run(["ingest", file, "--db", db, "--lang", "en"])
    #expect(imported.output.contains(": 1 rows, 1 added, 0 revised, 0 unchanged."), "\(imported.output)")
    let approved = try run.run([
      "approve", "--org", "district.xihu", "--period", "2024Q1", "--as", "bureau.finance", "--db", db, "--lang", "en",
    ])
    #expect(
      approved.output
        == "Approved Xihu District, 2024Q1: 1 figures (reviewed by Municipal Local Financial Supervision and Administration Bureau).\n",
      "\(approved.output)")
    let backup = try run.run(["backup", run.path("copy.sqlite"), "--db", db, "--lang", "en"])
    #expect(backup.output.hasPrefix("Backed up "), "\(backup.output)")
  }

  @Test(
    "A changed approved figure is refused without a reason, filed as a change request with one, and once accepted is flagged and kept in the history"
  )
  func approvedFigureChanges() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("z.sqlite")
    let file = run.path("q1.csv")
    func write(_ value: String) throws {
      try "indicator,org,period,value,unit,note\nfinance.finance_va,district.xihu,2024Q1,\(value),亿元,\n"
        .write(toFile: file, atomically: true, encoding: .utf8)
    }
    try write("50.5")
    #expect(try run.run(["ingest", file, "--db", db]).status == 0)
    let approve = try run.run(["approve", "--org", "西湖区", "--period", "2024Q1", "--as", "市地方金融监管局", "--db", db])
    #expect(approve.output.contains("1 项数据"), "\(approve.output)\(approve.errors)")
    try write("52.0")
    let refused = try run.run(["ingest", file, "--db", db])
    #expect(refused.status == 1)
    #expect(refused.errors.contains("（第 2 行）"), "\(refused.errors)")
    #expect(refused.errors.contains("用 --reason 说明理由，即可提交变更申请"), "\(refused.errors)")
    let refusedEn = try run.run(["ingest", file, "--db", db, "--lang", "en"])
    #expect(refusedEn.errors.contains("are approved and cannot change directly; file a change request with a reason"))
    #expect(
      refusedEn.errors.contains("(lines 2) Give the reason with --reason to file change requests."),
      "\(refusedEn.errors)")
    let draft = try run.run(["ingest", file, "--db", db, "--draft", "--reason", "x"])
    #expect(draft.status == 64, "\(draft.errors)")
    let filed = try run.run(["ingest", file, "--db", db, "--reason", "统计局反馈核实修正"])
    #expect(filed.status == 0, "\(filed.errors)")
    #expect(filed.output.contains("未变 0，提交变更申请 1"), "\(filed.output)")
    let twice = try run.run(["ingest", file, "--db", db, "--reason", "统计局反馈核实修正", "--lang", "en"])
    #expect(twice.output.contains("0 revised, 1 unchanged."), "\(twice.output)")
    #expect(try run.run(["changes", "accept", "1", "--db", db]).status == 0)
    let history = try run.run([
      "history", "--indicator", "finance.finance_va", "--org", "district.xihu", "--period", "2024年1-3月", "--db", db,
    ])
    #expect(history.output.contains("50.5"))
    #expect(history.output.contains("52"))
    #expect(history.output.contains("统计局反馈核实修正"))
    #expect(history.output.contains("change-request #1"))
    #expect(history.output.contains("审核后修改"))
  }

  @Test("Export writes CSV with a byte order mark for Excel; a backup holds the same figures")
  func exportAndBackup() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("z.sqlite")
    _ = try run.run(["ingest", Self.sampleFile("observations.csv"), "--db", db])
    _ = try run.run(["ingest", Self.sampleFile("registers.csv"), "--db", db])
    let out = run.path("out.csv")
    #expect(try run.run(["export", "--db", db, "--out", out]).status == 0)
    let csv = try Data(contentsOf: URL(fileURLWithPath: out))
    #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(String(decoding: csv, as: UTF8.self).split(separator: "\r\n").count == 4341)
    let registers = try run.run(["export", "registers", "--db", db, "--format", "json"])
    let entries = try #require(JSONSerialization.jsonObject(with: Data(registers.output.utf8)) as? [[String: Any]])
    #expect(entries.count == 862)
    let copy = run.path("copy.sqlite")
    #expect(try run.run(["backup", copy, "--db", db]).status == 0)
    let fromCopy = try run.run(["export", "--db", copy, "--out", run.path("copy.csv")])
    #expect(fromCopy.status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: run.path("copy.csv"))) == csv)
  }

  @Test("A register-counted indicator is counted name by name from the register")
  func registerCounts() throws {
    let plan = try HangzhouPlan.plan()
    let text = try Self.sampleText("registers.csv")
    let (entries, diagnostics) = RegisterImport(plan: plan, submitter: plan.commission).check(
      text, file: "registers.csv")
    #expect(diagnostics.isEmpty)
    let incubators = try #require(plan.indicator("tech.national_incubators"))
    let city = RegisterEntry.count(
      incubators, org: incubators.owner, period: .year(2021), in: entries, isDistrict: false)
    #expect(city == 57)
    let binjiang = RegisterEntry.count(
      incubators, org: "district.binjiang", period: .year(2021), in: entries, isDistrict: true)
    #expect(binjiang == 14)
    #expect(
      RegisterImport(plan: plan, submitter: "district.xihu").check(text, file: "registers.csv").diagnostics
        .first?.message.contains("may submit only its own entries") == true)
  }
}
