import Foundation
import Testing
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// `zhibiao targets issue|list|show|diff`, run as separate processes: an issued year's targets
/// stay as issued when the configuration changes, and every document cites them.
@Suite("zhibiao targets", .serialized)
struct TargetsCommandTests {
  /// The configuration with the city's 2025 logistics target raised from 1300 to 1400 亿元,
  /// which moves every logistics target of the years before it.
  static func raised() throws -> TemporaryConfig {
    let config = try TemporaryConfig()
    try config.edit(
      "domains/logistics.yaml", replacing: "- { year: 2025, comparator: at_least, value: 1300 }",
      with: "- { year: 2025, comparator: at_least, value: 1400 }")
    return config
  }

  /// 富阳区's 2024Q1 logistics row as `monitor --format json` gives it, and the report's `targets`.
  static func logistics(_ run: Executable, db: String, config: String = Repository.config.path) throws
    -> (row: [String: Any], targets: Any?)
  {
    let monitored = try run.run(
      ["monitor", "--period", "2024Q1", "--org", "富阳区", "--format", "json", "--db", db, "--as-of", "2024-05-01"],
      config: config)
    #expect(monitored.status == 0, "\(monitored.errors)")
    let report = try #require(JSONSerialization.jsonObject(with: Data(monitored.output.utf8)) as? [String: Any])
    let rows = try #require(report["rows"] as? [[String: Any]])
    let row = try #require(rows.first { $0["indicator"] as? String == "logistics.logistics_va" })
    return (row, report["targets"])
  }

  static func issue(_ run: Executable, db: String, _ extra: [String] = [], config: String = Repository.config.path)
    throws -> Executable.Run
  {
    try run.run(
      ["targets", "issue", "--year", "2024", "--doc", "杭服领〔2024〕1号", "--date", "2024-02-20", "--db", db] + extra,
      config: config)
  }

  @Test("Issued, then the configuration edited: monitoring keeps the issued targets and cites them; validate warns")
  func issuedTargetsStay() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try ReviewCommandTests.fuyang(run)
    let before = try Self.logistics(run, db: db)
    #expect(before.targets is NSNull)
    let issued = try Self.issue(run, db: db)
    #expect(issued.status == 0, "\(issued.errors)")
    #expect(issued.output.contains("已下达 2024 年目标：第1版《杭服领〔2024〕1号》"), "\(issued.output)")

    let config = try Self.raised()
    // On a store with nothing issued, the edit moves the target …
    let other = run.path("other.sqlite")
    _ = try run.run(["ingest", run.path("q1.csv"), "--db", other, "--as", "district.fuyang"])
    let moved = try Self.logistics(run, db: other, config: config.path)
    #expect("\(moved.row["milestone_ytd"]!)" != "\(before.row["milestone_ytd"]!)")
    // … but where 2024 was issued, monitoring measures against what was issued, and says so.
    let kept = try Self.logistics(run, db: db, config: config.path)
    #expect("\(kept.row["milestone_ytd"]!)" == "\(before.row["milestone_ytd"]!)")
    #expect("\(kept.row["annual_target"]!)" == "\(before.row["annual_target"]!)")
    let citation = try #require(kept.targets as? [String: Any])
    #expect(citation["version"] as? Int == 1 && citation["document"] as? String == "杭服领〔2024〕1号")
    #expect(citation["issued_on"] as? String == "2024-02-20" && (citation["sha256"] as? String)?.count == 64)
    let table = try run.run(["monitor", "--period", "2024Q1", "--db", db], config: config.path)
    #expect(table.output.contains("2024 年目标依据：第1版《杭服领〔2024〕1号》"), "\(table.output)")

    let warned = try run.run(["validate", "--db", db], config: config.path)
    #expect(warned.status == 0, "\(warned.errors)")
    #expect(warned.errors.contains("warning: The 2024 targets in the configuration differ from version 1 as issued"))
    #expect(warned.errors.contains("logistics.yaml:"), "\(warned.errors)")
    let clean = try run.run(["validate", "--db", db])
    #expect(!clean.errors.contains("differ from version"), "\(clean.errors)")
  }

  @Test("An adjustment needs a reason; a diff of two versions lists exactly the targets the edit moved")
  func adjustmentAndDiff() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("z.sqlite")
    #expect(try Self.issue(run, db: db).status == 0)
    let config = try Self.raised()
    let again = try run.run(
      ["targets", "issue", "--year", "2024", "--doc", "杭服领〔2024〕2号", "--db", db], config: config.path)
    #expect(again.status == 1)
    #expect(again.errors.contains("调整须说明理由"), "\(again.errors)")
    let adjusted = try run.run(
      ["targets", "issue", "--year", "2024", "--doc", "杭服领〔2024〕2号", "--reason", "物流目标上调", "--db", db],
      config: config.path)
    #expect(adjusted.status == 0, "\(adjusted.errors)")

    let diffed = try run.run(["targets", "diff", "1", "2", "--format", "json", "--db", db])
    #expect(diffed.status == 0, "\(diffed.errors)")
    let rows = try #require(JSONSerialization.jsonObject(with: Data(diffed.output.utf8)) as? [[String: Any]])
    // Every 2024 logistics target, city and districts, year and quarters, and nothing else.
    let book = try run.run(
      ["decompose", "--year", "2024", "--indicator", "logistics.logistics_va", "--quarterly", "--format", "json"],
      config: config.path)
    let targets = try #require(JSONSerialization.jsonObject(with: Data(book.output.utf8)) as? [[String: Any]])
    #expect(rows.count == targets.count && rows.count > 14)
    #expect(
      rows.allSatisfy { $0["indicator"] as? String == "logistics.logistics_va" && $0["change"] as? String == "changed" }
    )
    for row in rows {
      let (old, new, delta) = try (
        #require(row["old"] as? NSNumber).decimalValue, #require(row["new"] as? NSNumber).decimalValue,
        #require(row["delta"] as? NSNumber).decimalValue
      )
      #expect(new - old == delta && delta > 0, "\(row)")
    }
    // The configuration now decomposes to version 2 exactly.
    let same = try run.run(["targets", "diff", "2", "config", "--db", db], config: config.path)
    #expect(same.output == "两者目标完全相同。\n", "\(same.output)")
    let listed = try run.run(["targets", "list", "--format", "json", "--db", db])
    let versions = try #require(JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    #expect(versions.map { "\($0["version"]!) \($0["in_force"]!) \($0["reason"]!)" } == ["1 0 <null>", "2 1 物流目标上调"])
    let shown = try run.run(["targets", "show", "2", "--org", "富阳区", "--db", db])
    #expect(shown.output.hasPrefix("2024 年目标依据：第2版《杭服领〔2024〕2号》"), "\(shown.output)")
    #expect(shown.output.contains("调整理由：物流目标上调"))
    let missing = try run.run(["targets", "show", "3", "--db", db])
    #expect(missing.status == 1 && missing.errors.contains("没有第3版目标（已有版本：1, 2）"), "\(missing.errors)")
  }

  @Test("Only the commission issues; letters and reports cite the version in force")
  func citations() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try ReviewCommandTests.fuyang(run)
    let refused = try Self.issue(run, db: db, ["--as", "district.fuyang"])
    #expect(refused.status == 1 && refused.errors.contains("只有市发改委可以下达目标"), "\(refused.errors)")
    #expect(try Self.issue(run, db: db).status == 0)
    let letters = try run.run(["letters", "--year", "2024", "--out", run.path("letters"), "--db", db])
    #expect(letters.status == 0, "\(letters.errors)")
    let page = try String(contentsOfFile: run.path("letters/district.fuyang.html"), encoding: .utf8)
    #expect(page.contains("2024 年目标依据：第1版《杭服领〔2024〕1号》（2024-02-20下达"), "\(page.prefix(2000))")
    let report = try run.run(["report", "--period", "2024Q1", "--out", run.path("report"), "--db", db])
    #expect(report.status == 0, "\(report.errors)")
    let html = try String(contentsOfFile: run.path("report/report.html"), encoding: .utf8)
    #expect(html.contains("第1版《杭服领〔2024〕1号》"))
    // Letters of a year never issued say nothing of a version.
    let unissued = try run.run(["letters", "--year", "2025", "--out", run.path("later"), "--db", db])
    #expect(unissued.status == 0)
    let later = try String(contentsOfFile: run.path("later/district.fuyang.html"), encoding: .utf8)
    #expect(!later.contains("目标依据"))
  }
}
