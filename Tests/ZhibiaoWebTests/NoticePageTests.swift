// Supervision notices in the web app: each org reads and answers its own, the commission decides,
// and an answer or decision on a notice acted on since the page showed it is refused.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoAccounts
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport
import ZhibiaoWorkspace

@testable import ZhibiaoWeb

@Suite("Notice pages")
struct NoticePageTests: SignedInPages {
  let temporary: TemporaryStore
  let plan: Plan

  /// The sample's figures (建德市 sends no 2024Q4: late), and an account of 建德市.
  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    try await Self.prepare(temporary.store)
    let sample = Repository.config.appendingPathComponent("sample/observations.csv")
    let text = try String(contentsOf: sample, encoding: .utf8)
    let (file, _) = try await ImportFile.check(
      text, file: sample.path, plan: plan, submitter: plan.commission, store: temporary.store)
    _ = try await file.submit(
      to: temporary.store, plan: plan, submitter: plan.commission, role: .commission, source: "observations.csv")
    let now = Date()
    try await temporary.store.addAccount(
      AccountRecord(
        name: "jiande", org: "district.jiande", role: .district, passwordHash: "$2b$12$unused", createdAt: now,
        updatedAt: now))
    try await temporary.store.addSession(
      SessionRecord(
        idHash: Tokens.hash("session-jiande"), account: "jiande", csrfToken: "csrf-jiande", createdAt: now,
        lastSeenAt: now, address: "127.0.0.1"))
  }

  /// The ids of the notices a page shows, with their state.
  /// A notice as a page lists it.
  struct Listed: Hashable, Sendable, CustomStringConvertible {
    var id: String
    var state: String
    var description: String { "\(id) \(state)" }
  }

  static func notices(_ page: String) -> [Listed] {
    page.components(separatedBy: #"data-notice=""#).dropFirst().compactMap { rest in
      let parts = rest.components(separatedBy: #"""#)
      guard parts.count > 2, parts[1] == " data-state=" else { return nil }
      return Listed(id: parts[0], state: parts[2])
    }
  }

  @Test("The addressee answers, the commission accepts; stale, foreign and closed requests are refused")
  func answerAndAccept() async throws {
    try await application().test(.router) { client in
      // 建德市 reads only its own notices, the late 2024Q4 among them.
      let page = try await get(client, "/notices", as: "jiande")
      #expect(page.status == .ok)
      let own = Self.notices(page.page)
      #expect(!own.isEmpty && own.allSatisfy { $0.id.contains(":district.jiande:") })
      // Unanswered past its deadline: overdue, and listed as such.
      let listed = own.first { $0.id == "blue:district.jiande:2024Q4" }
      let late = try #require(listed)
      #expect(late.state == "overdue")
      let id = late.id
      let overdue = Self.notices(try await get(client, "/notices?state=overdue", as: "jiande").page)
      #expect(overdue.contains { $0.id == id } && overdue.allSatisfy { $0.state == "overdue" })
      #expect(try await get(client, "/notices", as: "viewer").status == .forbidden)
      let all = Self.notices(try await get(client, "/notices", as: "drc").page)
      #expect(all.contains { !$0.id.contains(":district.jiande:") } && all.contains { $0.id == id })
      #expect(!Self.notices(try await get(client, "/notices", as: "xihu").page).contains { $0.id == id })
      #expect(try await get(client, "/notices?state=later", as: "drc").status == .badRequest)

      let answer = [("notice", id), ("version", "0"), ("text", "已建立月度调度机制（示意）"), ("evidence", "建政办〔2025〕2号")]
      #expect(try await post(client, "/notices/answer", answer, as: "xihu").status == .forbidden)
      #expect(try await post(client, "/notices/answer", answer, as: "drc").status == .forbidden)
      let empty = try await post(
        client, "/notices/answer", [("notice", id), ("version", "0"), ("text", " ")], as: "jiande")
      #expect(empty.status == .conflict)
      let answered = try await post(client, "/notices/answer", answer, as: "jiande")
      #expect(answered.status == .seeOther && answered.location == "/notices?answered=1")
      #expect(try await post(client, "/notices/answer", answer, as: "jiande").status == .conflict)
      let unknown = [("notice", "blue:district.jiande:2019Q1"), ("version", "0"), ("text", "x")]
      #expect(try await post(client, "/notices/answer", unknown, as: "jiande").status == .notFound)

      // The commission decides on the answer it saw: version 1.
      let stale = [("notice", id), ("version", "0"), ("decision", "accept")]
      #expect(try await post(client, "/notices/decide", stale, as: "drc").status == .conflict)
      #expect(try await post(client, "/notices/decide", stale, as: "econ").status == .forbidden)
      let accept = [("notice", id), ("version", "1"), ("decision", "accept")]
      #expect(try await post(client, "/notices/decide", accept, as: "drc").status == .seeOther)
      let closed = Self.notices(try await get(client, "/notices", as: "jiande").page).first { $0.id == id }
      #expect(closed?.state == "closed")
      let again = [("notice", id), ("version", "2"), ("text", "再次答复")]
      #expect(try await post(client, "/notices/answer", again, as: "jiande").status == .conflict)
      let actions = try await temporary.store.noticeActions(plan: plan.id, org: "district.jiande")
      #expect(actions.map(\.kind) == [.answer, .accept])
      #expect(actions.first?.user == "jiande" && actions.first?.evidence == "建政办〔2025〕2号")
    }
  }

  @Test("A notice prints as its page and as a Word document, for those who may read it")
  func print() async throws {
    let id = "blue:district.jiande:2024Q4"
    let path = "/notices/print?notice=\(id)"
    try await application().test(.router) { client in
      func fetch(_ path: String, as account: String?) async throws -> TestResponse {
        let headers: HTTPFields = account.map { [.cookie: "__Host-zhibiao=session-\($0)"] } ?? [:]
        return try await client.execute(uri: path, method: .get, headers: headers) { $0 }
      }
      // The list links each notice to its page and its Word document.
      let list = try await get(client, "/notices", as: "jiande").page
      #expect(list.contains(#"href="/notices/print?notice=\#(id)""#))
      #expect(list.contains(#"href="/notices/print?notice=\#(id)&amp;format=docx""#))

      // The addressee's answer is on the page it prints.
      let answer = [("notice", id), ("version", "0"), ("text", "已建立月度调度机制（示意）")]
      #expect(try await post(client, "/notices/answer", answer, as: "jiande").status == .seeOther)
      let page = try await fetch(path, as: "jiande")
      #expect(page.status == .ok && page.headers[.contentSecurityPolicy] == Documents.documentPolicy)
      let html = String(buffer: page.body)
      #expect(html.contains(id) && html.contains("建德市") && html.contains("已建立月度调度机制（示意）"))
      let saved = try await fetch(path + "&download=1", as: "drc")
      #expect(saved.headers[.contentDisposition] == #"attachment; filename="blue_district.jiande_2024Q4.html""#)

      let word = try await fetch(path + "&format=docx", as: "jiande")
      #expect(word.status == .ok)
      #expect(word.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      #expect(word.headers[.contentDisposition] == #"attachment; filename="blue_district.jiande_2024Q4.docx""#)
      let archive = try ZipArchive(data: Data(buffer: word.body))
      let body = try #require(archive.entries.first { $0.path == "word/document.xml" })
      let text = try #require(String(data: try archive.data(body), encoding: .utf8))
      #expect(text.contains("建德市") && text.contains("已建立月度调度机制（示意）"))

      // Another org's notice is refused, whether it exists or not; an unknown one is 404 to
      // those who may read every notice; a viewer reads none; signed out leads to sign-in.
      #expect(try await fetch(path, as: "xihu").status == .forbidden)
      #expect(try await fetch(path, as: "econ").status == .forbidden)
      #expect(try await fetch(path, as: "viewer").status == .forbidden)
      #expect(try await fetch(path, as: "admin").status == .ok)
      #expect(try await fetch("/notices/print?notice=blue:district.xihu:2019Q1", as: "jiande").status == .forbidden)
      #expect(try await fetch("/notices/print?notice=blue:district.jiande:2019Q1", as: "drc").status == .notFound)
      #expect(try await fetch("/notices/print?notice=nonsense", as: "drc").status == .badRequest)
      #expect(try await fetch(path + "&format=pdf", as: "drc").status == .badRequest)
      let signedOut = try await fetch(path, as: nil)
      #expect(signedOut.status == .seeOther && signedOut.headers[.location] == "/login")
    }
  }
}
