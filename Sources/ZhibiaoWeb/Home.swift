import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The signed-in home page and `GET /api/v1/me`.
///
/// The home page shows the account's targets for a year of the plan (`?year=`, default the
/// current year held within the plan's years): a district its own, a bureau the city targets of
/// the indicators it owns, anyone else the city's; each with the year's target and the
/// year-to-date milestones of its quarters, exact as the target book states them.
struct Home: Sendable {
  let workspace: Workspace
  let pages: Pages
  let standing: Standing
  let clock: @Sendable () -> Date

  func add(to router: Router<WebContext>) {
    router.get("/") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let plan = workspace.plan
      var year = try Self.year(request, plan: plan, now: clock())
      if request.uri.queryParameters["year"] == nil, let latest = try await standing.latestYear(), latest < year {
        year = latest
      }
      let language = context.language
      let shown = year
      return try await pages.rendered("home", standing: standing, request: request, context: context) {
        var values = try await standingValues(for: account, year: shown, language: language)
        values.merge(
          [
            "year": shown, "years": plan.years.map { ["year": $0, "current": $0 == shown] },
            "title": PageText.catalog(language)["home"] ?? "",
            "targets": targets(for: account, year: shown, language: language, book: try await standing.book()),
            "reads_registers": ReadScope.readsRegisters(account),
            "is_district": account.role == .district,
            "template_period": PageQuarter.current(plan: plan, now: clock()).description,
          ], uniquingKeysWith: { _, new in new })
        // The year's targets as issued are cited under their table; a year never issued cites nothing.
        if let issue = try await standing.current().issue(of: shown) {
          values["citation"] = issue.citation.text.text(in: language)
        }
        return PageValues(values: values)
      }
    }
    router.get("/api/v1/me") { _, context -> Response in
      guard let account = context.account else {
        return JSONBody.response(status: .unauthorized, ["error": "Unauthorized"])
      }
      return JSONBody.response(
        status: .ok, ["name": account.name, "org": account.org.rawValue, "role": account.role.rawValue])
    }
  }

  /// `?year=` when it is a year of the plan (400 otherwise); else this year, held within the plan
  /// (the page then opens on the latest year with figures, when this year has none yet).
  static func year(_ request: Request, plan: Plan, now: Date) throws -> Int {
    if let text = request.uri.queryParameters["year"] {
      guard let year = Int(String(text)), plan.years.contains(year) else {
        throw HTTPError(.badRequest, message: "not a year of the plan")
      }
      return year
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let current = calendar.component(.year, from: now)
    return min(max(current, plan.years.lowerBound), plan.years.upperBound - 1)
  }

  /// The lights of the account's figures at the last quarter ended of `year`, and its scorecard
  /// of `year` once the year has ended: a district's own, a bureau's city figures of the indicators it owns, the
  /// city's for anyone else (who has no scorecard).
  func standingValues(for account: AccountRecord, year: Int, language: Language) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let quarter = min(PageQuarter.current(plan: plan, now: clock()), .quarter(4, of: year))
    let report = try await standing.monitoring(at: quarter)
    let rows = report.rows.filter { row in
      switch account.role {
      case .district: row.org == account.org
      case .bureau: row.isCity && plan.indicator(row.indicator)?.owner == account.org
      case .commission, .admin, .viewer: row.isCity
      }
    }
    var values: [String: Any] = [
      "quarter": language == .zh ? quarter.zh : quarter.description, "quarter_id": quarter.description,
      "counts": PaceStatus.allCases.map { status in
        [
          "state": status.rawValue, "label": text["light_\(status.rawValue)"] ?? "",
          "count": rows.filter { $0.status == status }.count,
        ]
          as [String: Any]
      },
      "lights": rows.sorted { $0.status > $1.status }.map { row -> [String: Any] in
        [
          "indicator": row.indicator.rawValue,
          "name": plan.indicator(row.indicator)?.name.text(in: language) ?? row.indicator.rawValue,
          "unit": row.unit ?? "", "actual": PageNumber.text(row.actual), "milestone": PageNumber.text(row.milestone),
          "state": row.status.rawValue, "label": text["light_\(row.status.rawValue)"] ?? "",
          "reason": row.warnings.first?.reason.text(in: language) ?? "",
        ]
      },
    ]
    if account.role == .district || account.role == .bureau, quarter == .quarter(4, of: year),
      let result = try await standing.assessment(year: year)?.result,
      let card = result.scorecard(for: account.org)
    {
      values["scorecard"] = [
        "year": year, "total": "\(card.total)", "grade": card.grade.name.text(in: language), "rank": card.rank,
        "of": result.section(for: card.orgKind)?.scorecards.count ?? 0, "provisional": card.isProvisional,
        "missing_note": card.missingNote?.text(in: language) ?? "",
      ]
    }
    return values
  }

  /// The rows of the targets table: one per indicator the account answers for.
  func targets(for account: AccountRecord, year: Int, language: Language, book: TargetBook) -> [[String: Any]] {
    let plan = workspace.plan
    let entries = book.entries(year: year).filter { entry in
      switch account.role {
      case .district: entry.org == account.org
      case .bureau: entry.isCity && plan.indicator(entry.indicator)?.owner == account.org
      case .commission, .admin, .viewer: entry.isCity
      }
    }
    let byIndicator = Dictionary(grouping: entries, by: \.indicator)
    return plan.indicators.compactMap { indicator -> [String: Any]? in
      guard let rows = byIndicator[indicator.id], let annual = rows.first(where: { $0.period.quarter == nil })
      else { return nil }
      let quarters = (1...4).map { quarter in
        rows.first { $0.period.quarter == quarter }?.value.map { "\($0)" } ?? "—"
      }
      return [
        "indicator": indicator.id.rawValue, "name": indicator.name.text(in: language),
        "unit": indicator.unit ?? "", "annual": annual.value.map { "\($0)" } ?? "—", "quarters": quarters,
      ]
    }
  }
}
