import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport
import ZhibiaoWorkspace

/// The CSV file of answers to notices: read strictly, every problem at its place, all or nothing.
@Suite("Notice answer files")
struct NoticeAnswerFileTests {
  let fuyang: OrgID = "district.fuyang"
  let yellow = "yellow:district.fuyang:2024Q2:digital.ict_revenue"

  /// 富阳区's yellow notice (red in 2024Q1–Q2) and 淳安县's blue one (late 2024Q4), as of 2025-02-01.
  func notices(_ plan: Plan) -> [Notice] {
    let tracks = [
      SupervisionTrack(
        indicator: "digital.ict_revenue", org: fuyang,
        entries: [.init(period: .quarter(1, of: 2024), light: .red), .init(period: .quarter(2, of: 2024), light: .red)]),
      SupervisionTrack(
        indicator: "digital.ict_revenue", org: "district.chunan",
        entries: [.init(period: .quarter(4, of: 2024), light: .grey, late: true, missing: true)]),
    ]
    return Supervision.notices(
      rules: plan.supervision, settings: plan.monitoringSettings, tracks: tracks, activity: [],
      asOf: Date(timeIntervalSince1970: 1_738_368_000))
  }

  func read(_ text: String, as org: OrgID? = nil) throws -> [NoticeActionFiling] {
    let plan = try HangzhouPlan.plan()
    return try NoticeAnswerFile.filings(
      text, file: "answers.csv", plan: plan, notices: notices(plan), actions: [], answerer: org ?? fuyang,
      role: .district, time: Date(timeIntervalSince1970: 1_738_400_000))
  }

  func errors(_ text: String, as org: OrgID? = nil) -> [String] {
    do {
      _ = try read(text, as: org)
      return []
    } catch let errors as ConfigurationErrors {
      return errors.errors.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    } catch {
      return ["\(error)"]
    }
  }

  @Test("A good file gives one answer per row, with its evidence and the notice's version")
  func accepted() throws {
    let filings = try read("notice,org,text,evidence\n\(yellow),富阳区,新增软件企业12家,区政办〔2025〕4号\n")
    #expect(filings.count == 1)
    #expect(filings[0].action.notice.description == yellow && filings[0].seenVersion == 0)
    #expect(filings[0].action.text == "新增软件企业12家" && filings[0].action.evidence == "区政办〔2025〕4号")
  }

  @Test("Every refusal is located, and one bad row refuses the file")
  func refusals() {
    let text = """
      notice,org,text,evidence
      \(yellow),district.fuyang,措施,
      yellow:district.fuyang:2024Q2:digital.ict_revenu,district.fuyang,措施,
      blue:district.chunan:2024Q4,district.fuyang,措施,
      \(yellow),district.fuyang,再答一次,

      """
    let found = errors(text)
    #expect(found.count == 3)
    #expect(found[0].hasPrefix("3:1 No supervision notice 'yellow:district.fuyang:2024Q2:digital.ict_revenu'"))
    #expect(found[1].hasPrefix("4:29 The notice 'blue:district.chunan:2024Q4' is addressed to 'district.chunan'"))
    #expect(found[2].hasPrefix("5:1 The notice '\(yellow)' is answered twice"))
    #expect(
      errors("notice,org,text\n\(yellow),district.fuyang,  \n") == [
        "2:67 The answer to '\(yellow)' states no remedy (整改措施未填写)."
      ])
    #expect(!errors("notice,org,text,note\n").isEmpty)
    #expect(errors("notice,org,text\n\(yellow),district.fuyang,措施\n", as: "district.chunan").count == 1)
  }
}
