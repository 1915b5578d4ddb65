import Foundation
import Testing
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// `zhibiao review`, `approve`, `lock` and `ingest` following the review workflow, run as
/// separate processes on a real SQLite file; the first three tests are the bugs users reported.
@Suite("zhibiao review, approve, lock", .serialized)
struct ReviewCommandTests {
  static let header = "indicator,org,period,value,unit,note\n"

  /// A store holding 富阳区's submitted 2024Q1 figures of two indicators 市经信局 owns, one of
  /// 市金融局 and one of the commission.
  static func fuyang(_ run: Executable) throws -> String {
    let db = run.path("z.sqlite")
    try write(
      run, "q1.csv",
      """
      digital.ict_revenue,district.fuyang,2024Q1,20.8,亿元,
      digital.software_revenue,district.fuyang,2024Q1,15.5,亿元,
      finance.finance_va,district.fuyang,2024Q1,12.2,亿元,
      logistics.logistics_va,district.fuyang,2024Q1,13.9,亿元,
      """)
    let imported = try run.run(["ingest", run.path("q1.csv"), "--db", db, "--as", "district.fuyang"])
    #expect(imported.status == 0, "\(imported.errors)")
    return db
  }

  static func write(_ run: Executable, _ name: String, _ rows: String) throws {
    try (header + rows + "\n").write(toFile: run.path(name), atomically: true, encoding: .utf8)
  }

  /// Each figure of the store as `indicator org status value`.
  static func figures(_ run: Executable, db: String) throws -> [String] {
    let export = try run.run(["export", "--db", db, "--format", "json"])
    let rows = try #require(JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [[String: Any]])
    return rows.map { "\($0["indicator"]!) \($0["status"]!) \($0["value"]!)" }
  }

  @Test(
    "A changed approved figure is a change request the commission accepts, then reviewed again; so is one once locked")
  func approvedFigureChanged() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try Self.fuyang(run)
    let approved = try run.run(["approve", "--org", "富阳区", "--period", "2024Q1", "--db", db])
    #expect(approved.output.contains("已审核通过 富阳区 2024年1-3月：1 项数据"), "\(approved.output)\(approved.errors)")
    try Self.write(run, "fix.csv", "logistics.logistics_va,district.fuyang,2024Q1,14.2,亿元,")
    let refused = try run.run(["ingest", run.path("fix.csv"), "--db", db, "--as", "district.fuyang"])
    #expect(refused.status == 1)
    #expect(refused.errors.contains("的数据已审核，不能直接修改；请提交说明理由的变更申请"), "\(refused.errors)")
    #expect(refused.errors.contains("用 --reason 说明理由，即可提交变更申请"))
    // With a reason the change is filed, and the commission's approval stands until it decides.
    let filed = try run.run([
      "ingest", run.path("fix.csv"), "--db", db, "--as", "district.fuyang", "--reason", "统计局反馈修正",
    ])
    #expect(filed.output.contains("提交变更申请 1（待市发改委处理）"), "\(filed.output)\(filed.errors)")
    #expect(try Self.figures(run, db: db).contains("logistics.logistics_va approved 13.9"))
    let accepted = try run.run(["changes", "accept", "1", "--db", db])
    #expect(accepted.status == 0, "\(accepted.errors)")
    #expect(try Self.figures(run, db: db).contains("logistics.logistics_va submitted 14.2"))
    // Reviewed and locked, it changes again only through a request, which the commission accepts
    // into the locked period; the figure is then reviewed again there.
    _ = try run.run(["approve", "--org", "富阳区", "--period", "2024Q1", "--db", db])
    #expect(try run.run(["lock", "--period", "2024Q1", "--org", "富阳区", "--db", db]).status == 0)
    try Self.write(run, "fix.csv", "logistics.logistics_va,district.fuyang,2024Q1,14.5,亿元,")
    let locked = try run.run([
      "ingest", run.path("fix.csv"), "--db", db, "--as", "district.fuyang", "--lang", "en",
    ])
    #expect(locked.status == 1)
    #expect(locked.errors.contains("are locked by the commission and cannot change directly"), "\(locked.errors)")
    #expect(locked.errors.contains("Give the reason with --reason to file change requests."))
    let again = try run.run([
      "ingest", run.path("fix.csv"), "--db", db, "--as", "district.fuyang", "--reason", "再次修正", "--lang", "en",
    ])
    #expect(again.output.contains("1 change requests filed (for the commission to decide)"), "\(again.output)")
    #expect(try Self.figures(run, db: db).contains("logistics.logistics_va approved 14.2"))
    #expect(try run.run(["changes", "accept", "2", "--db", db]).status == 0)
    #expect(try Self.figures(run, db: db).contains("logistics.logistics_va submitted 14.5"))
    let reviewed = try run.run(["approve", "--org", "富阳区", "--period", "2024Q1", "--db", db])
    #expect(reviewed.output.contains("1 项数据"), "\(reviewed.output)\(reviewed.errors)")
    #expect(try Self.figures(run, db: db).contains("logistics.logistics_va approved 14.5"))
  }

  @Test("A bureau approves only the indicators it owns, never its own city figures")
  func bureauReviewsItsOwn() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try Self.fuyang(run)
    let approved = try run.run([
      "approve", "--org", "district.fuyang", "--period", "2024Q1", "--as", "bureau.econ_info", "--db", db,
      "--lang", "en",
    ])
    #expect(approved.output.contains("Approved Fuyang District, 2024Q1: 2 figures"), "\(approved.output)")
    #expect(
      try Self.figures(run, db: db).sorted() == [
        "digital.ict_revenue approved 20.8", "digital.software_revenue approved 15.5",
        "finance.finance_va submitted 12.2", "logistics.logistics_va submitted 13.9",
      ])
    let other = try run.run([
      "review", "--org", "district.fuyang", "--period", "2024Q1", "--as", "bureau.econ_info", "--decision",
      "approve", "--indicator", "finance.finance_va", "--db", db, "--lang", "en",
    ])
    #expect(other.status == 1)
    #expect(other.errors.contains("does not own finance.finance_va"), "\(other.errors)")
    let own = try run.run([
      "review", "--org", "bureau.econ_info", "--period", "2024Q1", "--as", "bureau.econ_info", "--decision",
      "approve", "--db", db,
    ])
    #expect(own.status == 1)
    #expect(own.errors.contains("不能审核 市经信局 的任何数据") || own.errors.contains("的任何数据"), "\(own.errors)")
  }

  @Test("A draft never replaces a submitted figure, and monitoring keeps the submitted one")
  func draftNeverReplaces() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try Self.fuyang(run)
    try Self.write(run, "draft.csv", "digital.ict_revenue,district.fuyang,2024Q1,99,亿元,")
    let draft = try run.run(["ingest", run.path("draft.csv"), "--db", db, "--as", "district.fuyang", "--draft"])
    #expect(draft.status == 1)
    #expect(draft.errors.contains("草稿不能替换已报送"), "\(draft.errors)")
    #expect(try Self.figures(run, db: db).contains("digital.ict_revenue submitted 20.8"))
    // A draft of a figure not yet reported is kept, but not read as a reported figure.
    try Self.write(run, "draft.csv", "digital.digital_trade,district.fuyang,2024Q1,6.9,亿元,")
    #expect(
      try run.run(["ingest", run.path("draft.csv"), "--db", db, "--as", "district.fuyang", "--draft"]).status == 0)
    #expect(!(try Self.figures(run, db: db).contains { $0.hasPrefix("digital.digital_trade") }))
    let monitor = try run.run(["monitor", "--period", "2024Q1", "--db", db, "--org", "富阳区", "--format", "json"])
    #expect(monitor.status == 0, "\(monitor.errors)")
    #expect(!monitor.output.contains("\"actual\":99") && !monitor.output.contains("\"actual\" : 99"))
  }

  @Test("Returning needs a comment, and the returned figure shows it in its history")
  func returnWithComment() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try Self.fuyang(run)
    let arguments = [
      "review", "--org", "district.fuyang", "--period", "2024Q1", "--as", "bureau.econ_info", "--decision", "return",
      "--indicator", "digital.ict_revenue", "--db", db,
    ]
    let bare = try run.run(arguments + ["--lang", "en"])
    #expect(bare.status == 1)
    #expect(bare.errors.contains("error: A return needs a comment"), "\(bare.errors)")
    let returned = try run.run(arguments + ["--comment", "请核对统计口径"])
    #expect(returned.output.contains("已退回 富阳区 2024年1-3月：1 项数据"), "\(returned.output)\(returned.errors)")
    let history = try run.run([
      "history", "--indicator", "digital.ict_revenue", "--org", "district.fuyang", "--period", "2024Q1", "--db", db,
    ])
    #expect(history.output.contains("returned"))
    #expect(history.output.contains("请核对统计口径"))
  }

  @Test("Only the commission locks; without --org it locks every org")
  func lockByCommissionOnly() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try Self.fuyang(run)
    let refused = try run.run(["lock", "--period", "2024Q1", "--as", "bureau.econ_info", "--db", db, "--lang", "en"])
    #expect(refused.status == 1)
    #expect(refused.errors.contains("error: Only the commission locks periods"), "\(refused.errors)")
    let district = try run.run(["lock", "--period", "2024Q1", "--as", "富阳区", "--db", db])
    #expect(district.errors.contains("只有市发改委可以锁定期间"), "\(district.errors)")
    let outside = try run.run(["lock", "--period", "2030Q1", "--db", db])
    #expect(outside.status == 1)
    let all = try run.run(["lock", "--period", "2024Q1", "--db", db, "--lang", "en"])
    #expect(all.status == 0, "\(all.errors)")
    #expect(all.output.contains("0 locked already"), "\(all.output)")
    let again = try run.run(["lock", "--period", "2024Q1", "--org", "district.fuyang", "--db", db, "--lang", "en"])
    #expect(again.output == "Locked Fuyang District, 2024Q1: 0 newly locked, 1 locked already.\n", "\(again.output)")
  }

  @Test("--as says it is for a trusted local operator")
  func asHelp() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    for command in [["ingest"], ["review"], ["approve"], ["lock"], ["changes", "accept"], ["changes", "reject"]] {
      let help = try run.run(command + ["--help"]).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(help.contains("for a trusted local operator only"), "\(command)")
    }
    #expect(try run.run(["approve", "--help"]).output.contains("review --decision approve"))
  }
}
