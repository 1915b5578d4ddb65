// The commission's assessment events in the web app: checked as the events file is, counted by
// the assessment, withdrawn once with a reason, read by each org for itself only.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport
import ZhibiaoWorkspace

@testable import ZhibiaoWeb

@Suite("Assessment event pages")
struct AssessmentEventPageTests: SignedInPages {
  let temporary: TemporaryStore
  let plan: Plan

  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    try await Self.prepare(temporary.store)
  }

  func recording(
    _ kind: String, org: String, category: String = "", points: String = "", reason: String = "获评国家级示范"
  ) -> [(String, String)] {
    [("year", "2024"), ("kind", kind), ("org", org), ("category", category), ("points", points), ("reason", reason)]
  }

  @Test("The commission records a bonus by its category's points; a wrong row is refused with its reason")
  func record() async throws {
    try await application().test(.router) { client in
      let blank = try await get(client, "/assessment/events?year=2024", as: "drc")
      #expect(blank.status == .ok && blank.page.contains(#"id="record-event""#))
      let wrong = try await post(
        client, "/assessment/events", recording("bonus", org: "district.xihu", category: "national_recognitio"),
        as: "drc")
      #expect(wrong.status == .unprocessableContent && wrong.page.contains("Unknown bonus category"))
      let noReason = try await post(
        client, "/assessment/events", recording("deduction", org: "district.xihu", points: "1", reason: ""), as: "drc")
      #expect(noReason.status == .unprocessableContent)
      let negative = try await post(
        client, "/assessment/events", recording("deduction", org: "district.xihu", points: "-1"), as: "drc")
      #expect(negative.status == .unprocessableContent)
      #expect(try await temporary.store.assessmentEvents(plan: plan.id, year: nil).isEmpty)

      let added = try await post(
        client, "/assessment/events", recording("bonus", org: "district.xihu", category: "national_recognition"),
        as: "drc")
      #expect(added.status == .seeOther && added.location == "/assessment/events?year=2024&added=1")
      let veto = try await post(
        client, "/assessment/events",
        recording("veto", org: "district.binjiang", category: "major_incident", reason: "重大事故（示意）"), as: "drc")
      #expect(veto.status == .seeOther)
      let events = try await temporary.store.assessmentEvents(plan: plan.id, year: 2024)
      // The category sets the points (1 for a national recognition).
      #expect(events.map(\.entry.points) == [1, nil])
      #expect(events.first?.user == "drc" && events.first?.entry.category == "national_recognition")

      // Each district reads its own only; the viewer none.
      let xihu = try await get(client, "/assessment/events?year=2024", as: "xihu").page
      #expect(xihu.contains("获评国家级示范") && !xihu.contains("重大事故") && !xihu.contains(#"id="record-event""#))
      #expect(try await get(client, "/assessment/events?year=2024", as: "viewer").status == .forbidden)
      #expect(try await get(client, "/assessment/events?year=2019", as: "drc").status == .badRequest)

      // The assessment counts the stored events: 西湖 gains the bonus, 滨江's grade is capped by the veto.
      let pipeline = try await Pipeline(workspace: try HangzhouPlan.workspace(), store: temporary.store)
      let events2024 = AssessmentEvents()
      let result = try pipeline.assessment(year: 2024, events: events2024, asOf: Date()).result
      let cards = result.sections.flatMap(\.scorecards)
      #expect(cards.first { $0.org == "district.xihu" }?.bonus.counted == 1)
      #expect(cards.first { $0.org == "district.binjiang" }?.vetoes.count == 1)

      // Withdrawn once, with a reason; then it no longer counts.
      let id = try #require(events.first?.id)
      let noWhy = try await post(
        client, "/assessment/events/withdraw", [("year", "2024"), ("id", "\(id)"), ("reason", "")], as: "drc")
      #expect(noWhy.status == .unprocessableContent)
      let withdrawn = try await post(
        client, "/assessment/events/withdraw", [("year", "2024"), ("id", "\(id)"), ("reason", "重复登记")], as: "drc")
      #expect(withdrawn.status == .seeOther)
      let again = try await post(
        client, "/assessment/events/withdraw", [("year", "2024"), ("id", "\(id)"), ("reason", "重复登记")], as: "drc")
      #expect(again.status == .conflict)
      let unknown = try await post(
        client, "/assessment/events/withdraw", [("year", "2024"), ("id", "99"), ("reason", "x")], as: "drc")
      #expect(unknown.status == .notFound)
      let after = try await Pipeline(workspace: try HangzhouPlan.workspace(), store: temporary.store)
      let cardsAfter = try after.assessment(year: 2024, events: AssessmentEvents(), asOf: Date()).result.sections
        .flatMap(\.scorecards)
      #expect(cardsAfter.first { $0.org == "district.xihu" }?.bonus.counted == 0)
    }
  }
}
