import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore

/// What the pages share: who may open them, which quarter they show, and how a figure's state reads.
enum PageAccess {
  /// The signed-in account when its role is among `roles`; 403 for any other role. The caller
  /// sends a visitor who is not signed in to the sign-in page first.
  static func account(_ context: WebContext, roles: Set<Role>) throws -> AccountRecord {
    guard let account = context.account else { throw HTTPError(.unauthorized) }
    guard roles.contains(account.role) else { throw HTTPError(.forbidden) }
    return account
  }
}

/// The quarter a page shows: `?period=` when it is a quarter of the plan (400 otherwise), else the
/// last quarter that has ended, held within the plan's years.
enum PageQuarter {
  static func parse(_ request: Request, plan: Plan, now: Date) throws -> Period {
    if let text = request.uri.queryParameters["period"] {
      return try parse(String(text), plan: plan)
    }
    return current(plan: plan, now: now)
  }

  /// `text` when it names a quarter of the plan; 400 otherwise.
  static func parse(_ text: String, plan: Plan) throws -> Period {
    guard let period = PeriodText.parse(text), period.quarter != nil, plan.years.contains(period.year) else {
      throw HTTPError(.badRequest, message: "not a quarter of the plan")
    }
    return period
  }

  /// The last quarter that ended before `now` (in Hangzhou), held within the plan's years.
  static func current(plan: Plan, now: Date) -> Period {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let parts = calendar.dateComponents([.year, .month], from: now)
    let (year, month) = (parts.year ?? plan.years.lowerBound, parts.month ?? 1)
    let ended = (month - 1) / 3
    let candidate: Period = ended == 0 ? .quarter(4, of: year - 1) : .quarter(ended, of: year)
    let first = Period.quarter(1, of: plan.years.lowerBound)
    let last = Period.quarter(4, of: plan.years.upperBound - 1)
    return min(max(candidate, first), last)
  }

  /// Every quarter of the plan, for the period picker: `[{period, label, current}]`.
  static func choices(plan: Plan, current: Period, language: Language) -> [[String: Any]] {
    plan.years.flatMap { year in
      (1...4).map { quarter -> [String: Any] in
        let period = Period.quarter(quarter, of: year)
        return ["period": period.description, "label": period.description, "current": period == current]
      }
    }
  }
}

/// How a figure stands, as the pages show it: not reported, one of the workflow's statuses, or
/// locked with its org's period.
enum FigureState: String, CaseIterable {
  case missing, draft, submitted, returned, approved, locked

  init(_ status: ObservationStatus?, locked: Bool) {
    if locked {
      self = .locked
      return
    }
    switch status {
    case nil: self = .missing
    case .draft?: self = .draft
    case .submitted?: self = .submitted
    case .returned?: self = .returned
    case .approved?: self = .approved
    }
  }

  /// The key of its label in `PageText`, which is also its CSS class's suffix.
  var key: String { "state_\(rawValue)" }

  /// `{state, label}` for a template.
  func view(_ text: [String: String]) -> [String: String] {
    ["state": rawValue, "label": text[key] ?? rawValue]
  }
}

/// Numbers as the pages show them: exact, as stored, with no grouping that an input could not read back.
enum PageNumber {
  static func text(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "" }
}

/// A form's fields as a one-row CSV file, so that a form is checked by the same import that checks
/// a file: every field quoted as typed (the store keeps the text; exports neutralise it).
enum FormRow {
  static func csv(columns: [String], fields: [String]) -> String {
    func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    return [columns, fields].map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }
}
