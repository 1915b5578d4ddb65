import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// The row checks of a task progress import on the real plan, each on a small file.
@Suite("Task progress import checks")
struct TaskReportImportTests {
  let plan: Plan

  init() throws { plan = try HangzhouPlan.plan() }

  static let today = ObservationImport.noonInChina("2025-05-10")!
  static let header = "task,org,period,status,progress,text,evidence"

  func check(_ rows: [String], by submitter: OrgID? = nil, header: String = Self.header) -> (
    reports: [TaskProgress], lines: [Int], errors: [String]
  ) {
    let text = ([header] + rows).joined(separator: "\n") + "\n"
    let result = TaskReportImport(plan: plan, submitter: submitter ?? plan.commission, now: Self.today).check(
      text, file: "t.csv")
    return (result.reports, result.lines, result.diagnostics.map(\.description))
  }

  @Test("Statuses in Chinese or as ids, percentages with or without %, orgs by id or name, each with its line")
  func reads() {
    let result = check([
      "digital.software.parks,district.binjiang,2025Q1,推进中,40,二期开工,滨政办〔2025〕3号",
      "digital.software.parks,西湖区,2025年1-3月,completed,100%,名园挂牌,https://example.org/a",
      "digital.live_commerce.talent,bureau.human_resources,2024Q4,滞后,,标准征求意见中,",
      "digital.live_commerce.talent,bureau.econ_info,2025Q2,not_started,0,尚未启动,",
    ])
    #expect(result.errors == [])
    #expect(result.reports.map(\.status) == [.inProgress, .completed, .lagging, .notStarted])
    #expect(result.reports.map(\.progress) == [40, 100, nil, 0])
    #expect(result.reports[1].org == "district.xihu" && result.reports[1].period == .quarter(1, of: 2025))
    #expect(result.reports.map(\.evidence) == ["滨政办〔2025〕3号", "https://example.org/a", nil, nil])
    #expect(result.lines == [2, 3, 4, 5])
  }

  @Test(
    "Each wrong row is refused with its line and reason, and nothing of the file is kept",
    arguments: [
      ("digital.software.park,district.binjiang,2025Q1,推进中,40,x,", "Unknown task 'digital.software.park'"),
      ("digital.software.parks,district.fuyang,2025Q1,推进中,40,x,", "'district.fuyang' (富阳区) is not named by the task"),
      ("digital.software.parks,district.binjiang,2025,推进中,40,x,", "write 2025Q4 for the whole year 2025"),
      ("digital.software.parks,district.binjiang,2025Q3,推进中,40,x,", "The quarter 2025Q3 has not begun"),
      ("digital.software.parks,district.binjiang,2021Q4,推进中,40,x,", "outside the plan's years 2022–2025"),
      ("digital.software.parks,district.binjiang,2025Q1,进行中,40,x,", "Unknown status '进行中'"),
      ("digital.software.parks,district.binjiang,2025Q1,推进中,101,x,", "not a whole percentage from 0 to 100"),
      ("digital.software.parks,district.binjiang,2025Q1,推进中,4.5,x,", "not a whole percentage from 0 to 100"),
      ("digital.software.parks,district.binjiang,2025Q1,已完成,90,x,y", "A completed task is 100 % done, not 90 %"),
      ("digital.software.parks,district.binjiang,2025Q1,已完成,100,x,", "A completed task names its evidence"),
      ("digital.software.parks,district.binjiang,2025Q1,未启动,10,x,", "A task not started is 0 % done"),
      ("digital.software.parks,district.binjiang,2025Q1,推进中,40,,", "The report says nothing"),
    ])
  func refusals(_ row: String, _ message: String) {
    let good = "digital.software.parks,district.xihu,2025Q1,推进中,40,二期开工,"
    let result = check([good, row])
    #expect(result.reports.isEmpty && result.lines.isEmpty)
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.contains(message) == true, "\(result.errors)")
    #expect(result.errors.first?.hasPrefix("t.csv:3:") == true, "\(result.errors)")
  }

  @Test("A text over 500 characters, a repeated report, an unknown column and a district's report of another org")
  func otherRefusals() {
    let long = String(repeating: "长", count: 501)
    #expect(
      check(["digital.software.parks,district.binjiang,2025Q1,推进中,40,\(long),"]).errors.first?.contains(
        "The text has 501 characters") == true)
    let twice = check([
      "digital.software.parks,district.binjiang,2025Q1,推进中,40,a,",
      "digital.software.parks,滨江区,2025Q1,推进中,50,b,",
    ])
    #expect(
      twice.errors == [
        "t.csv:3:1: error: This row repeats the report of 'district.binjiang' on 'digital.software.parks' for 2025Q1, given on line 2."
      ])
    let extra = check(["digital.software.parks,district.binjiang,2025Q1,推进中,40,a,,x"], header: Self.header + ",score")
    #expect(extra.errors.first?.contains("score") == true, "\(extra.errors)")
    let other = check(["digital.software.parks,district.xihu,2025Q1,推进中,40,a,"], by: "district.binjiang")
    #expect(other.errors.first?.contains("'district.binjiang' may submit only its own progress reports") == true)
  }

  @Test(
    "Who reports and reviews a task's progress: each org its own, the lead its partners', the commission the lead's")
  func rules() throws {
    let rules = ReviewRules(plan: plan)
    let task = try #require(plan.tasks.first { $0.id == "digital.software.parks" })
    let lead = try #require(task.lead)
    #expect(rules.reportTask(task, org: "district.xihu", by: "district.xihu", as: .district) == nil)
    #expect(rules.reportTask(task, org: "district.xihu", by: "district.binjiang", as: .district)?.kind == .forbidden)
    #expect(rules.reportTask(task, org: "district.xihu", by: lead, as: .bureau)?.kind == .forbidden)
    #expect(rules.reportTask(task, org: lead, by: lead, as: .bureau) == nil)
    #expect(rules.reportTask(task, org: "district.fuyang", by: plan.commission, as: .commission)?.rule == .taskReport)
    #expect(rules.reportTask(task, org: "district.xihu", by: plan.commission, as: .commission) == nil)
    #expect(rules.reportTask(task, org: "district.xihu", by: "district.xihu", as: .viewer) != nil)
    #expect(rules.reviewTask(task, org: "district.xihu", by: lead, as: .bureau) == nil)
    #expect(rules.reviewTask(task, org: lead, by: lead, as: .bureau)?.rule == .taskReview)
    #expect(rules.reviewTask(task, org: lead, by: plan.commission, as: .commission) == nil)
    #expect(rules.reviewTask(task, org: "district.xihu", by: plan.commission, as: .commission) != nil)
    #expect(rules.reviewTask(task, org: "district.xihu", by: "district.binjiang", as: .district) != nil)
    #expect(rules.reviewTask(task, org: "district.xihu", by: "bureau.sci_tech", as: .bureau) != nil)
  }
}
