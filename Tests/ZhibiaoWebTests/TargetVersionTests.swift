// Issued target versions in the web app: the list, the commission's issue form and its refusals,
// a version's targets and the diff of two, each scoped to what the account is shown.

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

@Suite("Issued target versions")
struct TargetVersionTests: SignedInPages {
  let temporary: TemporaryStore
  let plan: Plan
  let workspace: Workspace

  /// 西湖's annual 2025 target of `digital.ict_revenue`.
  static func xihuRevenue2025(_ entry: TargetBook.Entry) -> Bool {
    entry.indicator == "digital.ict_revenue" && entry.org == "district.xihu" && entry.period == Period.year(2025)
  }

  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    workspace = try HangzhouPlan.workspace()
    try await Self.prepare(temporary.store)
  }

  /// The app with readings kept an hour: only the app's own writes show at once.
  func keepingApplication() async throws -> some ApplicationProtocol {
    let server = WebServer(port: 0, workspace: workspace, store: temporary.store, standingAge: 3600)
    return try await server.application(logger: Logger(label: "test"))
  }

  /// The configuration's 2025 targets with 西湖's annual target of `digital.ict_revenue` raised by `raise`.
  func adjusted(by raise: Decimal) throws -> [TargetBook.Entry] {
    var entries = workspace.configuredBook.entries(year: 2025)
    let index = try #require(
      entries.firstIndex(where: Self.xihuRevenue2025))
    entries[index].value = try #require(entries[index].value) + raise
    return entries
  }

  /// The commission's filing of `entries` as the 2025 targets, version `document`.
  func filing(at now: Date, _ document: String, _ reason: String?, _ entries: [TargetBook.Entry]) -> TargetIssueFiling {
    TargetIssueFiling(
      plan: plan.id, year: 2025, document: document, issuedOn: "2025-02-20", reason: reason, entries: entries,
      by: "bureau.drc", role: .commission, at: now)
  }

  /// The `data-org` values of the rows of the table `id` on `page`.
  func orgs(_ page: String, table id: String) -> Set<String> {
    guard let start = page.range(of: "id=\"\(id)\""),
      let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex)
    else { return [] }
    let table = page[start.upperBound..<end.lowerBound]
    return Set(
      table.components(separatedBy: "data-org=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
  }

  @Test("The commission issues a year from the form; pages cite it at once; a second issue needs a reason")
  func issue() async throws {
    try await keepingApplication().test(.router) { client in
      let empty = try await get(client, "/targets", as: "drc")
      #expect(empty.status == .ok && empty.page.contains(#"id="empty""#) && empty.page.contains(#"id="issue-form""#))
      // The home page and the board read before the issue, so that a kept reading would show the old state.
      #expect(!(try await get(client, "/?year=2025", as: "xihu").page.contains(#"id="targets-citation""#)))
      #expect(!(try await get(client, "/board?year=2025", as: "drc").page.contains(#"id="targets-citation""#)))
      // Other roles read the list but find no form.
      let list = try await get(client, "/targets", as: "xihu")
      #expect(list.status == .ok && !list.page.contains(#"id="issue-form""#))
      #expect(list.page.contains(#"href="/targets" aria-current="page""#))

      let form = [("year", "2025"), ("document", "杭服领〔2025〕1号"), ("date", "2025-02-20")]
      let issued = try await post(client, "/targets", form + [("reason", "")], as: "drc")
      #expect(issued.status == .seeOther && issued.location == "/targets?issued=1")
      let issues = try await temporary.store.targetIssues(plan: plan.id)
      let first = try #require(issues.first)
      #expect(issues.count == 1 && first.year == 2025 && first.document == "杭服领〔2025〕1号")
      #expect(first.issuedOn == "2025-02-20" && first.issuedUser == "drc" && first.reason == nil)
      #expect(
        first.hash == TargetIssue.hash(plan: plan.id, year: 2025, entries: workspace.configuredBook.entries(year: 2025))
      )

      let shown = try await get(client, "/targets?issued=1", as: "drc")
      #expect(shown.page.contains(#"id="done""#))
      #expect(shown.page.contains(#"<tr data-version="1" data-year="2025" data-state="in-force">"#))
      #expect(shown.page.contains(String(first.hash.prefix(12))) && shown.page.contains("\(first.entryCount)"))
      #expect(!shown.page.contains("config-differs"))
      let citation = "2025 年目标依据：第1版《杭服领〔2025〕1号》（2025-02-20下达，SHA-256 \(first.hash.prefix(12))）"
      #expect(try await get(client, "/?year=2025", as: "xihu").page.contains(citation))
      #expect(try await get(client, "/board?year=2025", as: "drc").page.contains(citation))
      #expect(!(try await get(client, "/?year=2024", as: "xihu").page.contains(#"id="targets-citation""#)))
      let english = try await get(client, "/?year=2025&lang=en", as: "xihu")
      #expect(english.page.contains("2025 targets as issued: version 1, 杭服领〔2025〕1号 (2025-02-20, SHA-256"))

      // Refusals: the command line's text, 409 against what was issued, 422 for the form itself.
      let again = try await post(client, "/targets", [("year", "2025"), ("document", "杭服领〔2025〕2号")], as: "drc")
      #expect(again.status == .conflict)
      #expect(again.page.contains("2025 年目标已于第1版下达；调整须说明理由（--reason）。"))
      #expect(again.page.contains(#"value="杭服领〔2025〕2号""#), "the form keeps what was typed")
      let same = try await post(
        client, "/targets", [("year", "2025"), ("document", "杭服领〔2025〕2号"), ("reason", "年中调整")], as: "drc")
      #expect(same.status == .conflict && same.page.contains("目标与已下达的第1版完全相同，无需调整。"))
      let reused = try await post(client, "/targets", [("year", "2024"), ("document", "杭服领〔2025〕1号")], as: "drc")
      #expect(reused.status == .conflict && reused.page.contains("文号《杭服领〔2025〕1号》已用于第1版（2025 年），不能再用。"))
      let reasoned = try await post(
        client, "/targets", [("year", "2024"), ("document", "杭服领〔2024〕1号"), ("reason", "补发")], as: "drc")
      #expect(reasoned.status == .conflict && reasoned.page.contains("2024 年目标尚未下达，首次下达不附调整理由。"))
      let undocumented = try await post(client, "/targets", [("year", "2024"), ("document", " ")], as: "drc")
      #expect(undocumented.status == .unprocessableContent && undocumented.page.contains("下达目标须写明文号（--doc）。"))
      let undated = try await post(
        client, "/targets", [("year", "2024"), ("document", "杭服领〔2024〕1号"), ("date", "2024-02-30")], as: "drc")
      #expect(undated.status == .unprocessableContent && undated.page.contains("下达日期“2024-02-30”不是有效日期"))
      let outside = try await post(client, "/targets", [("year", "2031"), ("document", "杭服领〔2031〕1号")], as: "drc")
      #expect(outside.status == .unprocessableContent && outside.page.contains("请选择规划期内的年度。"))
      let english409 = try await post(
        client, "/targets?lang=en", [("year", "2025"), ("document", "杭服领〔2025〕2号")], as: "drc")
      #expect(
        english409.page.contains("The 2025 targets were issued as version 1; an adjustment needs a reason (--reason)."))
      let unsigned = try await post(client, "/targets", form, as: "drc", csrf: false)
      #expect(unsigned.status == .forbidden)
      #expect(try await temporary.store.targetIssues(plan: plan.id).count == 1)
    }
  }

  @Test("A reading after another takes its issued targets over only while no version has been issued since")
  func readingAfterIssue() async throws {
    let now = Date()
    let configured = try #require(workspace.configuredBook.entries.first(where: Self.xihuRevenue2025)?.value)
    func target(_ pipeline: Pipeline) throws -> Decimal? {
      let monitoring = try pipeline.monitoring(at: .year(2025), asOf: now)
      return monitoring.rows.first { $0.indicator == "digital.ict_revenue" && $0.org == "district.xihu" }?.annualTarget
    }
    let first = try await Pipeline(workspace: workspace, store: temporary.store)
    #expect(try target(first) == configured)
    _ = try await temporary.store.issueTargets(
      filing(at: now, "杭服领〔2025〕1号", nil, workspace.configuredBook.entries(year: 2025)))
    // 西湖's 2025 targets of the indicator raised by 25 in the year and in each quarter to date.
    let raisedEntries = workspace.configuredBook.entries(year: 2025).map { entry in
      var entry = entry
      if entry.indicator == "digital.ict_revenue" && entry.org == "district.xihu", let value = entry.value {
        entry.value = value + 25
      }
      return entry
    }
    _ = try await temporary.store.issueTargets(filing(at: now, "杭服领〔2025〕7号", "西湖区目标上调", raisedEntries))
    let issued = try await Pipeline(workspace: workspace, store: temporary.store, after: first)
    #expect(issued.workspace.issue(of: 2025)?.version == 2)
    let raised = try target(issued)
    #expect(raised == configured + 25)
    let next = try await Pipeline(workspace: workspace, store: temporary.store, after: issued)
    #expect(next.workspace.issue(of: 2025)?.version == 2)
    #expect(try target(next) == configured + 25)
  }

  @Test("An adjustment supersedes the version in force; show and diff give each account only its own rows")
  func showAndDiff() async throws {
    let now = Date()
    _ = try await temporary.store.issueTargets(
      filing(at: now, "杭服领〔2025〕1号", nil, workspace.configuredBook.entries(year: 2025)))
    _ = try await temporary.store.issueTargets(filing(at: now, "杭服领〔2025〕7号", "西湖区目标上调", try adjusted(by: 25)))
    let old = try #require(
      workspace.configuredBook.entries(
        indicator: "digital.ict_revenue", org: "district.xihu", year: 2025, quarterly: false
      )
      .first?.value)
    try await application().test(.router) { client in
      let list = try await get(client, "/targets", as: "viewer")
      #expect(list.page.contains(#"<tr data-version="1" data-year="2025" data-state="superseded">"#))
      #expect(list.page.contains(#"<tr data-version="2" data-year="2025" data-state="in-force">"#))
      #expect(list.page.contains("西湖区目标上调") && list.page.contains(#"href="/targets/diff?from=1&amp;to=2""#))
      // The configuration no longer gives version 2's targets: the list says so and links the diff.
      #expect(list.page.contains(#"href="/targets/diff?from=2&amp;to=config""#))

      let own = try await get(client, "/targets/show?version=2", as: "xihu")
      #expect(own.status == .ok && orgs(own.page, table: "issued") == ["district.xihu"])
      #expect(own.page.contains("调整理由：西湖区目标上调"))
      let all = try await get(client, "/targets/show?version=2", as: "econ")
      #expect(orgs(all.page, table: "issued").isSuperset(of: ["district.xihu", "district.binjiang"]))
      let one = try await get(client, "/targets/show?version=2&org=district.binjiang", as: "drc")
      #expect(orgs(one.page, table: "issued") == ["district.binjiang"])
      #expect(try await get(client, "/targets/show?version=2&org=district.binjiang", as: "xihu").status == .forbidden)
      #expect(try await get(client, "/targets/show?version=9", as: "xihu").status == .notFound)
      #expect(try await get(client, "/targets/show?version=x", as: "xihu").status == .badRequest)
      #expect(try await get(client, "/targets/show?version=1&org=nowhere", as: "drc").status == .badRequest)

      // The diff of the two versions is the one target raised, with its values at the indicator's precision.
      let diff = try await get(client, "/targets/diff?from=1&to=2", as: "drc")
      #expect(diff.status == .ok && orgs(diff.page, table: "diff") == ["district.xihu"])
      let row =
        #"<tr data-indicator="digital.ict_revenue" data-org="district.xihu" data-period="2025" data-kind="changed">"#
      #expect(diff.page.contains(row))
      let text = { (value: Decimal) in DecimalArithmetic.text(value, step: Decimal(string: "0.1")!) }
      #expect(
        diff.page.contains(
          #"<td class="num">\#(text(old))</td><td class="num">\#(text(old + 25))</td><td class="num">+25.0</td>"#))
      #expect(diff.page.contains(#"id="diff-count">不同的目标项数： 1"#))
      #expect(try await get(client, "/targets/diff?from=1&to=2", as: "xihu").page.contains(row))
      let other = try await get(client, "/targets/diff?from=1&to=2", as: "binjiang")
      #expect(other.status == .ok && orgs(other.page, table: "diff").isEmpty && other.page.contains("两者目标完全相同。"))
      let back = try await get(client, "/targets/diff?from=2&to=config", as: "drc")
      #expect(back.page.contains(#"data-org="district.xihu" data-period="2025" data-kind="changed""#))
      #expect(back.page.contains("−25.0") || back.page.contains("-25.0"))
      #expect(try await get(client, "/targets/diff?from=config&to=config", as: "drc").status == .badRequest)
      #expect(try await get(client, "/targets/diff?from=1&to=5", as: "drc").status == .notFound)

      // Pages use the version in force: the home page's target and its citation are version 2's.
      let home = try await get(client, "/?year=2025", as: "xihu")
      #expect(home.page.contains("第2版《杭服领〔2025〕7号》（2025-02-20下达，调整"))
      #expect(home.page.contains(#"<td class="annual num">\#(old + 25)</td>"#))
    }
  }
}
