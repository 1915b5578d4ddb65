import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// The scheme's deduction for unanswered notices, on scorecards computed by hand: 0.5 per notice,
/// at most 2 (`Config/assessment.yaml`), counted with the section's other deductions.
@Suite("Notice deductions")
struct NoticeDeductionTests {
  let fuyang: OrgID = "district.fuyang"

  /// 富阳区's notices of 2024 as of 2025-03-01, none answered: a blue reminder for each late
  /// quarter in `late`, and a yellow notice for its revenue red in 2024Q1–Q2.
  func notices(late: [Int], plan: Plan) -> [Notice] {
    var tracks = late.map { quarter in
      SupervisionTrack(
        indicator: "tech.national_incubators", org: fuyang,
        entries: [.init(period: .quarter(quarter, of: 2024), light: .grey, late: true, missing: true)])
    }
    tracks.append(
      SupervisionTrack(
        indicator: "digital.ict_revenue", org: fuyang,
        entries: [.init(period: .quarter(1, of: 2024), light: .red), .init(period: .quarter(2, of: 2024), light: .red)])
    )
    return Supervision.notices(
      rules: plan.supervision, settings: plan.monitoringSettings, tracks: tracks, activity: [],
      asOf: ISO8601DateFormatter().date(from: "2025-03-01T00:00:00+08:00")!)
  }

  func scorecard(late: [Int], extra: [AssessmentEvents.Adjustment] = []) throws -> Scorecard {
    let plan = try HangzhouPlan.plan()
    let scheme = try HangzhouPlan.scheme()
    let events = AssessmentEvents(deductions: extra).addingNoticeDeductions(
      notices(late: late, plan: plan), year: 2024, scheme: scheme, plan: plan)
    let result = scheme.assess(AssessmentInputs(year: 2024, events: events), plan: plan)
    return try #require(result.scorecard(for: fuyang))
  }

  @Test("Two unanswered notices deduct 0.5 each")
  func belowCap() throws {
    let card = try scorecard(late: [1])
    #expect(card.deduction.counted == 1)
    #expect(card.total == card.basic - 1)
    #expect(card.deduction.explanation.zh == "扣分：督办单逾期未答复 0.5 + 0.5 = 1；计入 min(1, 上限 10) = 1.00")
  }

  @Test("Five unanswered notices deduct 2.5, held to the cap of 2, beside the other deductions")
  func capped() throws {
    let card = try scorecard(
      late: [1, 2, 3, 4],
      extra: [AssessmentEvents.Adjustment(org: fuyang, category: "late_data", points: 0.5, reason: "迟报")])
    #expect(card.deduction.counted == 2.5)
    #expect(card.total == card.basic - 2.5)
    #expect(
      card.deduction.explanation.zh
        == "扣分：数据迟报、漏报 0.5；督办单逾期未答复 min(0.5 + 0.5 + 0.5 + 0.5 + 0.5, 上限 2) = 2；计入 min(2.5, 上限 10) = 2.50")
  }

  @Test("Notices of another year, answered or closed ones, deduct nothing")
  func notCounted() throws {
    let plan = try HangzhouPlan.plan()
    let scheme = try HangzhouPlan.scheme()
    let events = AssessmentEvents().addingNoticeDeductions(
      notices(late: [1, 2], plan: plan), year: 2025, scheme: scheme, plan: plan)
    #expect(events.deductions.isEmpty)
  }
}
