import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// `zhibiao assess` on the sample data, run as a user runs it.
@Suite("zhibiao assess on the sample data", .serialized)
struct AssessCommandTests {
  static let sample = Repository.config.appendingPathComponent("sample")

  @Test("The ranking is stable when run again, the laggards rank low, and every item explains itself")
  func rankingIsStableAndExplained() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("z.sqlite")
    for file in ["observations.csv", "registers.csv"] {
      #expect(try run.run(["ingest", Self.sample.appendingPathComponent(file).path, "--db", db]).status == 0)
    }
    let arguments = [
      "assess", "--year", "2024", "--db", db, "--events",
      Self.sample.appendingPathComponent("assessment-events-2024.yaml").path, "--format", "json",
    ]
    let first = try run.run(arguments)
    #expect(first.status == 0, "\(first.errors)")
    let second = try run.run(arguments)
    #expect(first.output == second.output)
    let cards = try #require(JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [[String: Any]])
    let districts = cards.filter { $0["kind"] as? String == "district" }
      .sorted { ($0["rank"] as? Int ?? 0) < ($1["rank"] as? Int ?? 0) }
    #expect(districts.count == 13)
    let order = districts.compactMap { $0["org"] as? String }
    // 建德市 has not sent 2024's 1–12月 figures: under the scheme's `missing: last_quarter` it is
    // scored, provisionally, on its 1–9月 figures, and says so; 富阳区 falls behind on purpose; with
    // no progress report sent here, 淳安县 and 萧山区 complete none of their key-task milestones due
    // in 2024 and score nothing on that item.
    let jiande = try #require(districts.first { $0["org"] as? String == "district.jiande" })
    #expect(jiande["provisional"] as? Bool == true)
    let note = try #require((jiande["missing_note"] as? [String: String])?["zh"])
    #expect(note.hasPrefix("缺2024年第四季度（1-12月）数据"))
    let jiandeItems = try #require(jiande["items"] as? [[String: Any]])
    let provisional = jiandeItems.filter { $0["status"] as? String == "provisional" }
    #expect(!provisional.isEmpty)
    #expect(
      provisional.allSatisfy {
        ($0["missing"] as? [String: Any])?["rule"] as? String == "last_quarter"
          && (($0["missing"] as? [String: Any])?["last_reported"] as? [String: Any])?["period"] as? String == "2024Q3"
      })
    #expect(districts.filter { $0["provisional"] as? Bool == true }.count == 1)
    #expect(order.last == "district.chunan")
    #expect(order.suffix(3).contains("district.fuyang"))
    #expect(order.firstIndex(of: "district.binjiang")! < order.firstIndex(of: "district.fuyang")!)
    let items = try #require(districts.first?["items"] as? [[String: Any]])
    #expect(items.allSatisfy { (($0["explanation"] as? [String: String])?["zh"] ?? "").isEmpty == false })
    let scorecard = try run.run(["assess", "--year", "2024", "--db", db, "--org", "富阳区"])
    #expect(scorecard.output.contains("完成率"))
    let jiandeCard = try run.run(["assess", "--year", "2024", "--db", db, "--org", "建德市"])
    #expect(jiandeCard.output.contains("得分为暂估分"))
    #expect(jiandeCard.output.contains("暂估：未报2024年第四季度（1-12月）数据（截止 2025-01-20）"))
    let table = try run.run(["assess", "--year", "2024", "--db", db])
    #expect(table.output.contains("目标体系（1+4+3）2024年完成情况"))
    #expect(table.output.contains("全国金融创新中心："))
  }

  @Test("validate refuses an assessment scheme with a misspelt indicator, at its line")
  func validateChecksTheScheme() throws {
    let scheme = try HangzhouPlan.text("assessment.yaml")
    let edited = try ConfigEdit.replacing(
      "indicator: plan.producer_services_va,", with: "indicator: plan.producer_service_va,", in: scheme)
    let source = try HangzhouPlan.source { files in files["assessment.yaml"] = edited }
    let report = ValidationReport(source: source)
    #expect(!report.isValid)
    let error = try #require(report.diagnostics.first { $0.severity == .error })
    #expect(
      error.location.description
        == FixtureText(edited, file: HangzhouPlan.schemeFile).position(of: "plan.producer_service_va"))
    #expect(error.description.contains("plan.producer_service_va"))
    #expect(error.description.contains("did you mean 'plan.producer_services_va'?"))
  }

  @Test("validate refuses the plan's supervision rules with an unknown trigger, at its line, and changes nothing")
  func validateChecksSupervision() throws {
    let plan = try HangzhouPlan.text("plan.yaml")
    let edited = try ConfigEdit.replacing(
      "trigger: consecutive_red\n      quarters: 3", with: "trigger: consecutive_reds\n      quarters: 3", in: plan)
    let source = try HangzhouPlan.source { files in files["plan.yaml"] = edited }
    let report = ValidationReport(source: source)
    #expect(!report.isValid)
    let error = try #require(report.diagnostics.first { $0.severity == .error }, "\(report.diagnostics)")
    #expect(error.description.contains("consecutive_reds"), "\(error)")
    #expect(error.location.file.hasSuffix("plan.yaml") && error.location.line > 1, "\(error.location)")
  }
}
