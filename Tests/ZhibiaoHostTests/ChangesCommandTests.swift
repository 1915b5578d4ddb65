import Foundation
import Testing
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// `zhibiao changes list|accept|reject`, run as separate processes on a real SQLite file.
@Suite("zhibiao changes", .serialized)
struct ChangesCommandTests {
  /// A store where 富阳区's approved logistics figure (13.9) has two pending change requests,
  /// #1 to 14.2 and #2 to 14.5, and 西湖区's has none.
  static func filed(_ run: Executable) throws -> String {
    let db = try ReviewCommandTests.fuyang(run)
    #expect(try run.run(["approve", "--org", "富阳区", "--period", "2024Q1", "--db", db]).status == 0)
    for value in ["14.2", "14.5"] {
      try ReviewCommandTests.write(run, "fix.csv", "logistics.logistics_va,district.fuyang,2024Q1,\(value),亿元,核实")
      let filed = try run.run([
        "ingest", run.path("fix.csv"), "--db", db, "--as", "district.fuyang", "--reason", "统计局反馈修正",
      ])
      #expect(filed.status == 0, "\(filed.errors)")
    }
    return db
  }

  static func list(_ run: Executable, db: String, _ arguments: [String] = []) throws -> [[String: Any]] {
    let listed = try run.run(["changes", "list", "--db", db, "--format", "json"] + arguments)
    #expect(listed.status == 0, "\(listed.errors)")
    return try #require(JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
  }

  @Test("The list shows each request with its figure's current value, filtered by org and state")
  func list() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try Self.filed(run)
    let requests = try Self.list(run, db: db)
    #expect(
      requests.map { "\($0["id"]!) \($0["state"]!) \($0["value"]!) \($0["current_value"]!)" } == [
        "1 pending 14.2 13.9", "2 pending 14.5 13.9",
      ])
    let first = try #require(requests.first)
    #expect(first["indicator"] as? String == "logistics.logistics_va")
    #expect(first["org"] as? String == "district.fuyang" && first["period"] as? String == "2024Q1")
    #expect(first["reason"] as? String == "统计局反馈修正" && first["note"] as? String == "核实")
    #expect(first["filed_by"] as? String == "district.fuyang" && first["decided_by"] is NSNull)
    #expect((first["seen_revision"] as? NSNumber)?.intValue == (first["current_revision"] as? NSNumber)?.intValue)
    #expect(try Self.list(run, db: db, ["--org", "西湖区"]).isEmpty)
    #expect(try Self.list(run, db: db, ["--org", "富阳区", "--state", "pending"]).count == 2)
    #expect(try Self.list(run, db: db, ["--state", "accepted"]).isEmpty)
    let table = try run.run(["changes", "list", "--db", db])
    #expect(table.output.contains("待处理") && table.output.contains("统计局反馈修正"), "\(table.output)")
    let csv = try run.run(["changes", "list", "--db", db, "--format", "csv"])
    #expect(csv.output.hasPrefix("id,state,indicator,org,period,seen_revision,current_value"), "\(csv.output)")
    #expect(csv.output.contains("\r\n1,pending,logistics.logistics_va,"), "\(csv.output)")
    let state = try run.run(["changes", "list", "--db", db, "--state", "open"])
    #expect(state.status == 64)
  }

  @Test("The commission accepts one request; the other is then stale, and is rejected with a comment")
  func acceptAndReject() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try Self.filed(run)
    let accepted = try run.run(["changes", "accept", "1", "--db", db])
    #expect(
      accepted.output == "已同意变更申请 #1：富阳区 2024年1-3月 logistics.logistics_va 改为 14.2，已报送，须重新审核。\n",
      "\(accepted.output)\(accepted.errors)")
    #expect(try ReviewCommandTests.figures(run, db: db).contains("logistics.logistics_va submitted 14.2"))
    let stale = try run.run(["changes", "accept", "2", "--db", db, "--lang", "en"])
    #expect(stale.status == 1)
    #expect(
      stale.errors.contains("error: The figure of change request #2 has changed since it was filed"), "\(stale.errors)")
    let bare = try run.run(["changes", "reject", "2", "--db", db])
    #expect(bare.status == 64, "\(bare.errors)")
    let blank = try run.run(["changes", "reject", "2", "--comment", "  ", "--db", db, "--lang", "en"])
    #expect(blank.status == 1)
    #expect(blank.errors.contains("A rejection needs a comment"), "\(blank.errors)")
    let rejected = try run.run([
      "changes", "reject", "2", "--comment", "已按 #1 修正", "--db", db, "--lang", "en",
    ])
    #expect(
      rejected.output
        == "Rejected change request #2 (logistics.logistics_va of Fuyang District, 2024Q1); the figure stays as it is.\n",
      "\(rejected.output)\(rejected.errors)")
    let requests = try Self.list(run, db: db)
    #expect(
      requests.map { "\($0["id"]!) \($0["state"]!) \($0["decided_by"]!)" } == [
        "1 accepted bureau.drc", "2 rejected bureau.drc",
      ])
    #expect(requests.last?["comment"] as? String == "已按 #1 修正")
    let twice = try run.run(["changes", "accept", "1", "--db", db, "--lang", "en"])
    #expect(twice.status == 1)
    #expect(twice.errors.contains("Change request #1 has been decided already (accepted)."), "\(twice.errors)")
  }

  @Test("Only the commission decides; an unknown request is named")
  func onlyTheCommission() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try Self.filed(run)
    let bureau = try run.run(["changes", "accept", "1", "--as", "bureau.econ_info", "--db", db, "--lang", "en"])
    #expect(bureau.status == 1)
    #expect(
      bureau.errors.contains("error: Only the commission accepts or rejects change requests"), "\(bureau.errors)")
    let district = try run.run(["changes", "reject", "1", "--comment", "不同意", "--as", "富阳区", "--db", db])
    #expect(district.status == 1)
    #expect(district.errors.contains("只有市发改委可以受理变更申请"), "\(district.errors)")
    #expect(try Self.list(run, db: db, ["--state", "pending"]).count == 2)
    let unknown = try run.run(["changes", "accept", "9", "--db", db, "--lang", "en"])
    #expect(unknown.status == 1)
    #expect(unknown.errors.contains("There is no change request #9."), "\(unknown.errors)")
    #expect(try run.run(["changes", "accept", "0", "--db", db]).status == 64)
  }
}
