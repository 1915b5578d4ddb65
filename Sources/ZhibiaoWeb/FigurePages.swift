import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// A figure's history and the audit log.
///
/// - `GET /figure?indicator=&org=&period=`: every revision of one figure, oldest first, with who
///   reported it, when, its status, the note and the reviewer's comments. Whoever may read the
///   figure may open it (`ReviewRules.read`); for anyone else it does not exist (404), so that no
///   one learns another district's unlocked figures from it.
/// - `GET /audit?org=&action=`: the audit log, newest first (the commission and administrators),
///   at most `limit` entries per page.
struct FigurePages: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let standing: Standing

  static let limit = 500

  func add(to router: Router<WebContext>) {
    router.get("/figure") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let plan = workspace.plan
      let query = try API.Query(request, plan: plan)
      guard let indicatorID = query.indicator, let org = query.org, let period = query.period,
        let indicator = plan.indicator(indicatorID)
      else { throw HTTPError(.badRequest, message: "give indicator, org and period") }
      let locked = try await store.isLocked(plan: plan.id, org: org, period: period)
      guard ReviewRules(plan: plan).read(indicatorID, org: org, locked: locked, by: account.org, as: account.role)
      else { throw HTTPError(.notFound) }
      let language = context.language
      let text = PageText.catalog(language)
      let revisions = try await store.history(plan: plan.id, indicator: indicatorID, org: org, period: period)
      let values: [String: Any] = [
        "title": indicator.name.text(in: language), "name": indicator.name.text(in: language),
        "indicator": indicatorID.rawValue, "org_name": plan.org(org)?.name.text(in: language) ?? org.rawValue,
        "period": period.description, "unit": indicator.unit ?? "",
        "target": PageNumber.text(try await standing.book().target(indicatorID, org, period)?.value),
        "locked": locked,
        "revisions": revisions.map { revision -> [String: Any] in
          [
            "number": revision.number, "value": "\(revision.value)",
            "state": FigureState(revision.status, locked: false).view(text),
            "by": plan.org(revision.reportedBy)?.name.text(in: language) ?? revision.reportedBy.rawValue,
            "at": Self.time(revision.reportedAt), "source": revision.source, "note": revision.note ?? "",
            "reason": revision.reason ?? "", "changed_after_approval": revision.changedAfterApproval,
          ]
        },
      ]
      return pages.render("figure", values, request: request, context: context)
    }
    router.get("/audit") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      _ = try PageAccess.account(context, roles: [.commission, .admin])
      let plan = workspace.plan
      let language = context.language
      let query = try API.Query(request, plan: plan)
      let action = try request.uri.queryParameters["action"].map { text -> AuditAction in
        guard let action = AuditAction(rawValue: String(text)) else {
          throw HTTPError(.badRequest, message: "unknown action")
        }
        return action
      }
      let entries = try await store.auditLog(plan: plan.id, org: query.org).reversed().filter { entry in
        (action.map { entry.action == $0 } ?? true) && (query.period.map { entry.period == $0 } ?? true)
          && (query.indicator.map { entry.indicator == $0 } ?? true)
      }
      let shown = entries.prefix(Self.limit)
      let values: [String: Any] = [
        "title": PageText.catalog(language)["audit"] ?? "",
        "orgs": plan.orgs.map {
          ["org": $0.id.rawValue, "name": $0.name.text(in: language), "selected": $0.id == query.org]
        },
        "actions": AuditAction.allCases.map { ["action": $0.rawValue, "selected": $0 == action] },
        "period": query.period?.description ?? "",
        "count": entries.count, "truncated": entries.count > Self.limit,
        "entries": shown.map { entry -> [String: Any] in
          [
            "sequence": entry.sequence, "at": Self.time(entry.time),
            "actor": plan.org(entry.actor)?.name.text(in: language) ?? entry.actor.rawValue,
            "role": entry.role.name.text(in: language), "user": entry.user ?? "", "action": entry.action.rawValue,
            "indicator": entry.indicator?.rawValue ?? "",
            "org": plan.org(entry.org)?.name.text(in: language) ?? entry.org.rawValue,
            "period": entry.period.description, "old_value": PageNumber.text(entry.oldValue),
            "new_value": PageNumber.text(entry.newValue), "old_status": entry.oldStatus?.rawValue ?? "",
            "new_status": entry.newStatus?.rawValue ?? "", "reason": entry.reason ?? "", "source": entry.source,
          ]
        },
      ]
      return pages.render("audit", values, request: request, context: context)
    }
  }

  /// A time as the pages show it: Hangzhou's local time to the second.
  static func time(_ date: Date) -> String {
    let format = Date.VerbatimFormatStyle(
      format:
        "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
      timeZone: TimeZone(identifier: "Asia/Shanghai")!, calendar: Calendar(identifier: .gregorian))
    return date.formatted(format)
  }
}
