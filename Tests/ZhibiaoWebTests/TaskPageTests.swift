// Key-task progress in the web app: who reports and reviews which reports, the checks of a
// progress file applied to the form, and a decision that never lands on a report revised since.

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

@Suite("Task pages")
struct TaskPageTests: SignedInPages {
  let temporary: TemporaryStore
  let plan: Plan
  static let task = "digital.software.parks"

  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    try await Self.prepare(temporary.store)
  }

  func reports() async throws -> [TaskReport] {
    try await temporary.store.taskReports(plan: plan.id, task: TaskID(Self.task), org: nil, period: nil)
  }

  func reporting(_ org: String, status: String = "in_progress", progress: String = "40", text: String = "二期开工")
    -> [(String, String)]
  {
    [
      ("task", Self.task), ("org", org), ("period", "2024Q1"), ("status", status), ("progress", progress),
      ("text", text), ("evidence", ""),
    ]
  }

  func deciding(_ org: String, _ decision: String, revision: Int, comment: String? = nil) -> [(String, String)] {
    [("task", Self.task), ("org", org), ("period", "2024Q1"), ("decision", decision), ("revision", "\(revision)")]
      + (comment.map { [("comment", $0)] } ?? [])
  }

  @Test(
    "A district reports; the lead returns it with a comment, a stale decision is refused, the resent report is approved"
  )
  func reviewPath() async throws {
    try await application().test(.router) { client in
      let blank = try await get(client, "/tasks?period=2024Q1", as: "xihu")
      #expect(blank.status == .ok && blank.page.contains(#"id="report-task""#))
      #expect(
        blank.page.contains(#"<option value="district.xihu">"#) && !blank.page.contains(#"value="district.binjiang""#))

      // The checks of a progress file: a completed task names its evidence.
      let incomplete = try await post(
        client, "/tasks", reporting("district.xihu", status: "completed", progress: "100"), as: "xihu")
      #expect(incomplete.status == .unprocessableContent && incomplete.page.contains("names its evidence"))
      #expect(try await reports().isEmpty)

      let sent = try await post(client, "/tasks", reporting("district.xihu"), as: "xihu")
      #expect(sent.status == .seeOther && sent.location == "/tasks?period=2024Q1&reported=1")
      let stored = try #require(try await reports().first)
      #expect(stored.progress.org == "district.xihu" && stored.progress.progress == 40 && stored.review == .submitted)

      // 滨江区 does not read 西湖区's report; the lead reads it with its review forms.
      #expect(!(try await get(client, "/tasks?period=2024Q1", as: "binjiang").page.contains("二期开工")))
      let lead = try await get(client, "/tasks?period=2024Q1", as: "econ").page
      #expect(lead.contains("二期开工") && lead.contains(#"action="/tasks/review""#))
      #expect(!(try await get(client, "/tasks?period=2024Q1", as: "viewer").page.contains("二期开工")))

      let noComment = try await post(
        client, "/tasks/review", deciding("district.xihu", "return", revision: 1), as: "econ")
      #expect(noComment.status == .conflict)
      let returned = try await post(
        client, "/tasks/review", deciding("district.xihu", "return", revision: 1, comment: "请附开工文件"), as: "econ")
      #expect(returned.status == .seeOther)
      #expect(try await reports().first?.review == .returned)

      // Sent again with a change: revision 2; a decision on revision 1 is stale.
      _ = try await post(client, "/tasks", reporting("district.xihu", text: "二期开工，附开工许可"), as: "xihu")
      let stale = try await post(client, "/tasks/review", deciding("district.xihu", "approve", revision: 1), as: "econ")
      #expect(
        stale.status == .conflict && stale.page.contains("has changed since you saw it") || stale.page.contains("已被修改"))
      let approved = try await post(
        client, "/tasks/review", deciding("district.xihu", "approve", revision: 2), as: "econ")
      #expect(approved.status == .seeOther)
      let done = try #require(try await reports().first)
      #expect(done.review == .approved && done.revision == 2 && done.reviewedBy == "bureau.econ_info")
      // Once approved, the viewer reads it; a change of it is a conflict, and deciding it again too.
      #expect(try await get(client, "/tasks?period=2024Q1", as: "viewer").page.contains("二期开工，附开工许可"))
      let change = try await post(client, "/tasks", reporting("district.xihu", progress: "60"), as: "xihu")
      #expect(change.status == .conflict)
      let again = try await post(client, "/tasks/review", deciding("district.xihu", "approve", revision: 2), as: "econ")
      #expect(again.status == .conflict)
      let log = try await temporary.store.taskReportLog(plan: plan.id, task: nil, org: nil)
      #expect(log.map(\.action) == [.submit, .return, .submit, .approve])
      #expect(log.last?.user == "econ")
    }
  }

  @Test("The lead's own report is reviewed by the commission; a report never sent cannot be decided")
  func leadsOwn() async throws {
    try await application().test(.router) { client in
      let sent = try await post(client, "/tasks", reporting("bureau.econ_info"), as: "econ")
      #expect(sent.status == .seeOther)
      let own = try await post(
        client, "/tasks/review", deciding("bureau.econ_info", "approve", revision: 1), as: "econ")
      #expect(own.status == .forbidden)
      #expect(try await get(client, "/tasks?period=2024Q1", as: "drc").page.contains(#"action="/tasks/review""#))
      let approved = try await post(
        client, "/tasks/review", deciding("bureau.econ_info", "approve", revision: 1), as: "drc")
      #expect(approved.status == .seeOther)
      let missing = try await post(
        client, "/tasks/review", deciding("district.xihu", "approve", revision: 1), as: "econ")
      #expect(missing.status == .notFound)
      // The commission enters a district's report received on paper.
      let paper = try await post(client, "/tasks", reporting("district.binjiang"), as: "drc")
      #expect(paper.status == .seeOther)
      #expect(try await reports().map(\.progress.org) == ["bureau.econ_info", "district.binjiang"])
    }
  }
}
