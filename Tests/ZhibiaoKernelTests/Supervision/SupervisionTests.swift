import Foundation
import Testing
import ZhibiaoKernel

/// Supervision notices on scripted quarters, every date checked by hand: due days are 20 days
/// after the quarter (China time), a notice is raised the day after, and the rules are those of
/// `Config/plan.yaml` — 蓝色提醒 for a late figure (10 days to answer), 黄色督办 after 2 red
/// periods (15 days), 红色督办 after 3 (10 days), one level up per deadline missed.
@Suite("Supervision notices")
struct SupervisionTests {
  let rules = SupervisionRules(
    levels: [
      .init(id: "blue", name: LocalizedText(zh: "蓝色提醒", en: "blue"), trigger: .lateSubmission, answerDays: 10),
      .init(id: "yellow", name: LocalizedText(zh: "黄色督办", en: "yellow"), trigger: .consecutiveRed(2), answerDays: 15),
      .init(id: "red", name: LocalizedText(zh: "红色督办", en: "red"), trigger: .consecutiveRed(3), answerDays: 10),
    ], escalates: true)
  let settings = MonitoringSettings()
  let fuyang: OrgID = "district.fuyang"
  let chunan: OrgID = "district.chunan"
  let revenue: IndicatorID = "digital.ict_revenue"

  /// `2024-07-21` at 00:00 China time, or a given time of that day.
  func day(_ text: String, _ time: String = "00:00:00") -> Date {
    ISO8601DateFormatter().date(from: "\(text)T\(time)+08:00")!
  }

  /// 富阳区's revenue: red in 2024Q1–Q3, grey in Q4 until its figure comes, green once it has.
  func redRun(q4: PaceStatus = .grey) -> SupervisionTrack {
    SupervisionTrack(
      indicator: revenue, org: fuyang,
      entries: [
        .init(period: .quarter(4, of: 2023), light: .green),
        .init(period: .quarter(1, of: 2024), light: .red),
        .init(period: .quarter(2, of: 2024), light: .red),
        .init(period: .quarter(3, of: 2024), light: .red),
        .init(period: .quarter(4, of: 2024), light: q4),
      ])
  }

  func notices(_ tracks: [SupervisionTrack], _ activity: [NoticeActivity] = [], asOf: Date) -> [Notice] {
    Supervision.notices(rules: rules, settings: settings, tracks: tracks, activity: activity, asOf: asOf)
  }

  @Test("Two red periods raise a yellow notice, which escalates to red when unanswered")
  func yellowEscalates() throws {
    // 2024Q2 is due by 2024-07-20, so the notice is raised on 2024-07-21 with 15 days to answer:
    // its deadline is 2024-08-05 00:00. Missed, it is red from then, due in 10 days (08-15).
    let before = notices([redRun()], asOf: day("2024-08-04", "23:59:59"))
    let yellow = try #require(before.first)
    #expect(before.count == 1)
    #expect(yellow.id.description == "yellow:district.fuyang:2024Q2:digital.ict_revenue")
    #expect(yellow.raisedAt == day("2024-07-21"))
    #expect(yellow.deadline == day("2024-08-05"))
    #expect(yellow.state == .open && !yellow.isUnanswered)
    #expect(yellow.periods == [.quarter(1, of: 2024), .quarter(2, of: 2024)])

    let after = try #require(notices([redRun()], asOf: day("2024-08-05")).first)
    #expect(after.level == "red")
    #expect(after.escalations == [Notice.Escalation(level: "red", at: day("2024-08-05"))])
    #expect(after.deadline == day("2024-08-15"))
    #expect(after.state == .open && after.isUnanswered)

    let overdue = try #require(notices([redRun()], asOf: day("2024-09-01")).first)
    #expect(overdue.state == .overdue && overdue.missedDeadlines == 2 && overdue.level == "red")
  }

  @Test("A third red period raises a red notice that takes over the yellow one; answer, return and recovery")
  func redNoticeLife() throws {
    let id = try #require(NoticeID("red:district.fuyang:2024Q3:digital.ict_revenue"))
    // 2024Q3 is due by 2024-10-20: the red notice is raised on 10-21, due in 10 days (10-31).
    let raised = notices([redRun()], asOf: day("2024-10-22"))
    #expect(raised.map(\.id.level) == ["yellow", "red"])
    #expect(raised[0].closure == .superseded(id) && raised[0].state == .closed)
    #expect(raised[1].deadline == day("2024-10-31") && raised[1].state == .open)

    // Answered on 10-25: waits for the commission, past its deadline without escalating.
    let answered = [NoticeActivity(notice: id, kind: .answer, time: day("2024-10-25"))]
    let waiting = try #require(notices([redRun()], answered, asOf: day("2024-11-20")).last)
    #expect(waiting.state == .answered && !waiting.isUnanswered && waiting.missedDeadlines == 0)

    // Returned on 10-28 at noon: a new answer is due 10 days later, 11-07 at noon; missed, it is
    // overdue (red is the highest level) and counts as unanswered.
    let returned = answered + [NoticeActivity(notice: id, kind: .return, time: day("2024-10-28", "12:00:00"))]
    let open = try #require(notices([redRun()], returned, asOf: day("2024-11-07", "11:59:59")).last)
    #expect(open.state == .returned && open.deadline == day("2024-11-07", "12:00:00"))
    let late = try #require(notices([redRun()], returned, asOf: day("2024-11-10")).last)
    #expect(late.state == .overdue && late.isUnanswered && late.missedDeadlines == 1)

    // A green 2024Q4 (due by 2025-01-20) recovers the notice once its due day has passed.
    let recovered = try #require(notices([redRun(q4: .green)], returned, asOf: day("2025-01-21")).last)
    #expect(recovered.closure == .recovered(.quarter(4, of: 2024)) && recovered.state == .closed)
    #expect(!recovered.isUnanswered)
    // A grey 2024Q4 (no figure) neither recovers it nor adds to the run.
    #expect(notices([redRun()], returned, asOf: day("2025-01-21")).last?.state == .overdue)
  }

  @Test("A late figure raises one blue notice per org and period; accepted, or escalated while unanswered")
  func lateSubmissions() throws {
    let late = { (org: OrgID, indicator: IndicatorID) in
      SupervisionTrack(
        indicator: indicator, org: org,
        entries: [.init(period: .quarter(4, of: 2024), light: .grey, late: true, missing: true)])
    }
    let tracks = [late(fuyang, revenue), late(fuyang, "tech.national_incubators"), late(chunan, revenue)]
    let fuyangID = try #require(NoticeID("blue:district.fuyang:2024Q4"))
    let activity = [
      NoticeActivity(notice: fuyangID, kind: .answer, time: day("2025-01-25")),
      NoticeActivity(notice: fuyangID, kind: .accept, time: day("2025-01-28")),
    ]
    // 2024Q4 is due by 2025-01-20: raised 01-21, due 01-31; 淳安 misses it (yellow, due 02-15)
    // and misses that (red, due 02-25).
    let result = notices(tracks, activity, asOf: day("2025-02-15", "12:00:00"))
    #expect(result.map(\.id.description) == ["blue:district.chunan:2024Q4", "blue:district.fuyang:2024Q4"])
    let chunanNotice = result[0]
    #expect(chunanNotice.escalations.map(\.level) == ["yellow", "red"])
    #expect(chunanNotice.escalations.map(\.at) == [day("2025-01-31"), day("2025-02-15")])
    #expect(chunanNotice.deadline == day("2025-02-25") && chunanNotice.isUnanswered)
    #expect(result[1].lateIndicators == [revenue, "tech.national_incubators"].sorted())
    #expect(result[1].closure == .accepted(day("2025-01-28")) && !result[1].isUnanswered)
    // Not raised before the due day has passed.
    #expect(notices(tracks, asOf: day("2025-01-20", "23:59:59")).isEmpty)
  }

  @Test("Ids read back as written, and no rules raise no notices")
  func identity() throws {
    for text in ["yellow:district.fuyang:2024Q2:digital.ict_revenue", "blue:district.jiande:2024Q4"] {
      #expect(NoticeID(text)?.description == text)
    }
    #expect(NoticeID("yellow:district.fuyang") == nil)
    #expect(NoticeID("yellow:district.fuyang:2024Q5") == nil)
    #expect(
      Supervision.notices(
        rules: SupervisionRules(), settings: settings, tracks: [redRun()], activity: [], asOf: day("2025-06-01")
      ).isEmpty)
  }
}
