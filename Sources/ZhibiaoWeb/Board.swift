import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore
import ZhibiaoWorkspace

/// The commission's board (总览): `GET /board?year=2025` shows the submissions matrix — every org
/// that reports, by quarter — with each cell's state (未报 / 草稿 / 已报 / 退回 / 已审 / 已锁), how
/// many of the org's figures are in, and whether the quarter is overdue; the commission locks a
/// cell or a whole quarter from it (`POST /board/locks`).
///
/// A cell reads: locked when the org's quarter is locked; else returned when any figure is
/// returned; submitted when any waits for review; approved when every expected figure is
/// approved; a draft when only drafts are saved; missing when nothing is. Locking the fourth
/// quarter also locks the year, whose annual figures are reported with it.
struct Board: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let events: LiveEvents
  let standing: Standing
  let clock: @Sendable () -> Date

  static let roles: Set<Role> = [.commission, .admin]

  func add(to router: Router<WebContext>) {
    router.get("/board") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      let account = try PageAccess.account(context, roles: Self.roles)
      let year = try Home.year(request, plan: workspace.plan, now: clock())
      let language = context.language
      let done = request.uri.queryParameters["locked"].flatMap({ Int(String($0)) })
      return try await pages.rendered("board", standing: standing, request: request, context: context) {
        // The matrix reads the store while the summary computes the report: after a change the
        // board is made afresh while a user waits for it, so the two go side by side.
        async let matrix = matrix(year: year, language: language)
        let summary = try await summary(year: year, language: language)
        var values = try await matrix
        values.merge(summary) { _, new in new }
        values["can_lock"] = account.role == .commission
        if let done {
          values["done"] = (PageText.catalog(language)["locked_count"] ?? "{n}")
            .replacingOccurrences(of: "{n}", with: "\(done)")
        }
        return PageValues(values: values)
      }
    }
    router.post("/board/locks") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: [.commission])
      let form = try await FormBody.read(&request)
      let period = try PageQuarter.parse(form["period"] ?? "", plan: workspace.plan)
      let plan = workspace.plan
      if let refusal = ReviewRules(plan: plan).lock(by: account.org, as: account.role) {
        throw HTTPError(.forbidden, message: refusal.text.en)
      }
      let orgs: [OrgID]
      if let text = form["org"], !text.isEmpty {
        guard plan.org(OrgID(text)) != nil else { throw HTTPError(.badRequest, message: "unknown org") }
        orgs = [OrgID(text)]
      } else {
        orgs = Self.reporters(plan).map(\.id)
      }
      var locked = 0
      for org in orgs {
        let newly = try await store.lock(
          plan: plan.id, org: org, period: period, by: account.org, user: account.name, at: clock())
        if newly {
          locked += 1
          events.publish(FigureEvent(.lock, org: org, period: period))
        }
        if period.quarter == 4 {
          _ = try await store.lock(
            plan: plan.id, org: org, period: .year(period.year), by: account.org, user: account.name, at: clock())
        }
      }
      return SignIn.redirect(to: "/board?year=\(period.year)&locked=\(locked)")
    }
  }

  /// The report's summary for the board: its headline figures, the 1+4+3 goals, the ranking,
  /// and where the full report and the districts' letters are.
  func summary(year: Int, language: Language) async throws -> [String: Any] {
    let plan = workspace.plan
    let scope = Documents.boardScope(year: year, plan: plan, now: clock())
    let document = try await Documents(workspace: workspace, standing: standing).summary(scope, language: language)
    func table(in section: String) -> [String: Any]? {
      guard let found = document.sections.first(where: { $0.id == section }),
        let table = found.blocks.lazy.compactMap({ block -> ReportTable? in
          if case .table(let table) = block { return table }
          return nil
        }).first
      else { return nil }
      return [
        "headings": table.columns.map { ["heading": $0.heading, "numeric": $0.numeric] },
        "rows": table.rows.map { row in
          [
            "cells": zip(table.columns, row).map { column, cell in
              ["text": cell.text, "numeric": column.numeric, "light": cell.light?.rawValue ?? ""] as [String: Any]
            }
          ]
        },
      ]
    }
    let period = Documents.isYear(scope) ? "\(year)" : scope.period.description
    var values: [String: Any] = [
      "report_title": document.title, "report_period": period,
      "figures": document.figures.map {
        ["label": $0.label, "display": $0.display, "light": $0.status?.rawValue ?? ""] as [String: Any]
      },
      "letters": plan.districts.map {
        ["org": $0.id.rawValue, "name": $0.name.text(in: language), "year": min(year + 1, plan.years.upperBound - 1)]
          as [String: Any]
      },
    ]
    if let issue = try await standing.current().issue(of: year) {
      values["citation"] = issue.citation.text.text(in: language)
    }
    if let goals = table(in: "summary") { values["goals"] = goals }
    if let ranking = table(in: "ranking") { values["ranking"] = ranking }
    return values
  }

  /// The orgs that report figures: the districts, then the bureaus.
  static func reporters(_ plan: Plan) -> [Org] {
    plan.orgs.filter { $0.kind == .district } + plan.orgs.filter { $0.kind == .bureau }
  }

  /// The matrix of `year`: a row per reporting org, a cell per quarter.
  func matrix(year: Int, language: Language) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let now = clock()
    let quarters = (1...4).map { Period.quarter($0, of: year) }
    // The figures as the current reading holds them (the summary beside reads the same), the
    // drafts, which no reading holds, from the store.
    async let pipeline = standing.pipeline()
    async let drafts = store.drafts(plan: plan.id, org: nil)
    let locks = try await self.locks(of: Self.reporters(plan).map(\.id), at: quarters)
    var statuses: [String: ObservationStatus] = [:]
    let reading = try await pipeline
    for (figure, status) in zip(reading.observations, reading.statuses) where figure.period.year == year {
      statuses["\(figure.indicator)|\(figure.org)|\(figure.period)"] = status
    }
    for record in try await drafts where record.period.year == year {
      statuses["\(record.indicator)|\(record.org)|\(record.period)"] = .draft
    }
    var overdueCounts = [Int](repeating: 0, count: 4)
    var rows: [[String: Any]] = []
    for org in Self.reporters(plan) {
      var cells: [[String: Any]] = []
      for (column, quarter) in quarters.enumerated() {
        let figures = ObservationImport(plan: plan, submitter: org.id).figures(of: org, at: quarter)
        guard !figures.isEmpty else {
          cells.append(["empty": true])
          continue
        }
        let found = figures.compactMap { statuses["\($0.indicator.id)|\(org.id)|\($0.period)"] }
        let locked = locks.contains(API.OrgPeriod(org: org.id, period: quarter))
        let state = Self.state(found, expected: figures.count, locked: locked)
        let reported = found.filter { $0 != .draft }.count
        let overdue = !locked && reported < figures.count && now >= plan.monitoringSettings.dueInstant(for: quarter)
        if overdue { overdueCounts[column] += 1 }
        cells.append([
          "state": state.view(text), "reported": reported, "expected": figures.count, "overdue": overdue,
          "period": quarter.description, "org": org.id.rawValue, "locked": locked,
          "returned": found.filter { $0 == .returned }.count, "submitted": found.filter { $0 == .submitted }.count,
        ])
      }
      rows.append(["org": org.id.rawValue, "org_name": org.name.text(in: language), "cells": cells])
    }
    return [
      "title": text["board"] ?? "", "live": "refresh", "year": year,
      "years": plan.years.map { ["year": $0, "current": $0 == year] },
      "quarters": quarters.enumerated().map { column, quarter in
        [
          "period": quarter.description, "label": language == .zh ? quarter.zh : quarter.description,
          "overdue": overdueCounts[column], "has_overdue": overdueCounts[column] > 0,
          "due": plan.monitoringSettings.dueDay(for: quarter),
        ] as [String: Any]
      },
      "rows": rows,
    ]
  }

  /// Which of `orgs`' `quarters` are locked, asked of the store side by side rather than one
  /// after another.
  func locks(of orgs: [OrgID], at quarters: [Period]) async throws -> Set<API.OrgPeriod> {
    let plan = workspace.plan.id
    let store = self.store
    return try await withThrowingTaskGroup(of: API.OrgPeriod?.self) { group in
      for org in orgs {
        for quarter in quarters {
          group.addTask {
            try await store.isLocked(plan: plan, org: org, period: quarter)
              ? API.OrgPeriod(org: org, period: quarter) : nil
          }
        }
      }
      var locked: Set<API.OrgPeriod> = []
      for try await found in group { if let found { locked.insert(found) } }
      return locked
    }
  }

  /// The state a cell shows for the statuses `found` of `expected` figures.
  static func state(_ found: [ObservationStatus], expected: Int, locked: Bool) -> FigureState {
    if locked { return .locked }
    if found.contains(.returned) { return .returned }
    if found.contains(.submitted) { return .submitted }
    if !found.isEmpty, found.count == expected, found.allSatisfy({ $0 == .approved }) { return .approved }
    if found.contains(.approved) { return .submitted }
    if found.contains(.draft) { return .draft }
    return .missing
  }
}
