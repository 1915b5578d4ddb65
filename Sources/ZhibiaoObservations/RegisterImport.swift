import Foundation
import ZhibiaoPlan

/// Checks a register CSV (`register,name,org,level,recognised_on,evidence,withdrawn_on,
/// withdrawal_reason`) against the plan, reporting every problem with its line.
public struct RegisterImport {
  /// The columns; `evidence` may be empty, and the last three may be left out of the file.
  public static let columns = [
    "register", "name", "org", "level", "recognised_on", "evidence", "withdrawn_on", "withdrawal_reason",
  ]
  /// The columns a file must have.
  public static let requiredColumns = ["register", "name", "org", "level", "recognised_on"]
  /// Columns that hold a day, written `YYYY-MM-DD`.
  public static let dateColumns = ["recognised_on", "withdrawn_on"]

  /// The plan.
  public let plan: Plan
  /// The org that submits.
  public let submitter: OrgID

  /// Today in China, `YYYY-MM-DD`: no entity is recognised later than today.
  public let today: String

  /// Prepares checks for `submitter`'s files, as of `now`.
  public init(plan: Plan, submitter: OrgID, now: Date = Date()) {
    self.today = Plausibility.day(of: now)
    self.plan = plan
    self.submitter = submitter
  }

  /// The checked entries of CSV `text` read from `file`, and every problem found (empty when
  /// the file can be imported).
  public func check(_ text: String, file: String) -> (entries: [RegisterEntry], diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    guard
      let table = ImportTable.importFile(
        text, file: file, required: Self.requiredColumns, layout: Self.columns, log: log)
    else { return ([], log.sorted) }
    return check(table, log: log)
  }

  /// The checked entries of `table`, and every problem found (empty when it can be imported).
  public func check(_ table: ImportTable) -> (entries: [RegisterEntry], diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    guard table.hasColumns(Self.requiredColumns, layout: Self.columns, log: log) else {
      return ([], log.sorted)
    }
    return check(table, log: log)
  }

  private func check(_ table: ImportTable, log: DiagnosticLog) -> (entries: [RegisterEntry], diagnostics: [Diagnostic])
  {
    table.refuseUnknownColumns(known: Self.columns, log: log)
    var entries: [RegisterEntry] = []
    var firstRow: [String: SourceLocation] = [:]
    let districts = plan.districts.map(\.id.rawValue)
    for row in table.rows {
      let registerText = (row["register"] ?? "").trimmingCharacters(in: .whitespaces)
      guard let register = plan.register(RegisterID(registerText)) else {
        log.error(
          "Unknown register '\(registerText)'.", at: row.location(of: "register"),
          hint: Suggestion.hint(for: registerText, among: plan.registers.map(\.id.rawValue)))
        continue
      }
      let name = (row["name"] ?? "").trimmingCharacters(in: .whitespaces)
      if name.isEmpty {
        log.error("The entry has no name.", at: row.location(of: "name"))
        continue
      }
      let orgText = (row["org"] ?? "").trimmingCharacters(in: .whitespaces)
      guard let org = plan.org(OrgID(orgText)) ?? plan.orgs.first(where: { $0.name.zh == orgText }) else {
        log.error(
          "Unknown org '\(orgText)'; an entry belongs to the district (区、县(市)) where the entity is located.",
          at: row.location(of: "org"), hint: Suggestion.hint(for: orgText, among: districts))
        continue
      }
      guard org.kind == .district else {
        log.error(
          "'\(org.id)' (\(org.name.zh)) is not a district; an entry belongs to the district (区、县(市)) where the entity is located, not to the bureau that keeps the register.",
          at: row.location(of: "org"), hint: "write the district, e.g. '\(districts.first ?? "district.…")'")
        continue
      }
      if let sender = plan.org(submitter), sender.kind == .district, sender.id != org.id {
        log.error(
          "'\(sender.id)' may submit only its own entries, not those of '\(org.id)'.", at: row.location(of: "org"))
        continue
      }
      let level = (row["level"] ?? "").trimmingCharacters(in: .whitespaces)
      if register.levels.isEmpty {
        if !level.isEmpty {
          log.error(
            "The register '\(register.id)' has no recognition levels; leave 'level' empty, not '\(level)'.",
            at: row.location(of: "level"))
          continue
        }
      } else if !register.levels.contains(level) {
        log.error(
          "The register '\(register.id)' has no level '\(level)'; its levels are \(register.levels.joined(separator: "、")).",
          at: row.location(of: "level"), hint: Suggestion.hint(for: level, among: register.levels))
        continue
      }
      let date = (row["recognised_on"] ?? "").trimmingCharacters(in: .whitespaces)
      guard Self.isDate(date) else {
        log.error(
          "The recognition date '\(date)' is not a date written YYYY-MM-DD.", at: row.location(of: "recognised_on"))
        continue
      }
      if let refusal = Plausibility.recognisedOn(date, today: today) {
        log.error(refusal, at: row.location(of: "recognised_on"))
        continue
      }
      guard let withdrawal = withdrawal(row, recognisedOn: date, log: log) else { continue }
      let key = "\(register.id)|\(name)"
      if let first = firstRow[key] {
        log.error("'\(name)' is listed twice in '\(register.id)'; first \(first.within).", at: row.start)
        continue
      }
      firstRow[key] = row.start
      let evidence = row["evidence"].flatMap { $0.isEmpty ? nil : $0 }
      entries.append(
        RegisterEntry(
          register: register.id, name: name, org: org.id, level: level, recognisedOn: date, evidence: evidence,
          withdrawnOn: withdrawal.day, withdrawal: withdrawal.reason))
    }
    return (log.hasErrors ? [] : entries, log.sorted)
  }

  /// The withdrawal of a row: both day and reason, or neither (an entity still on the register);
  /// nil after logging why the row is refused. The day is a real date after the recognition and not
  /// in the future; the reason is 撤销, 摘牌 or 迁出.
  private func withdrawal(_ row: ImportTable.Row, recognisedOn: String, log: DiagnosticLog) -> (
    day: String?, reason: RegisterEntry.Withdrawal?
  )? {
    let day = (row["withdrawn_on"] ?? "").trimmingCharacters(in: .whitespaces)
    let reasonText = (row["withdrawal_reason"] ?? "").trimmingCharacters(in: .whitespaces)
    if day.isEmpty && reasonText.isEmpty { return (nil, nil) }
    let reasons = RegisterEntry.Withdrawal.allCases.map(\.zh)
    guard !day.isEmpty else {
      log.error(
        "The withdrawal reason '\(reasonText)' has no 'withdrawn_on' day; give the day the entity left the register.",
        at: row.location(of: "withdrawn_on"))
      return nil
    }
    guard Self.isDate(day) else {
      log.error("The withdrawal date '\(day)' is not a date written YYYY-MM-DD.", at: row.location(of: "withdrawn_on"))
      return nil
    }
    guard day > recognisedOn else {
      log.error(
        "The withdrawal date \(day) is not after the recognition date \(recognisedOn).",
        at: row.location(of: "withdrawn_on"))
      return nil
    }
    guard day <= today else {
      log.error(
        "The withdrawal date \(day) is in the future (today is \(today)).", at: row.location(of: "withdrawn_on"))
      return nil
    }
    guard let reason = RegisterEntry.Withdrawal(text: reasonText) else {
      log.error(
        reasonText.isEmpty
          ? "The withdrawal on \(day) gives no reason; write one of \(reasons.joined(separator: "、"))."
          : "Unknown withdrawal reason '\(reasonText)'; write one of \(reasons.joined(separator: "、")).",
        at: row.location(of: "withdrawal_reason"), hint: Suggestion.hint(for: reasonText, among: reasons))
      return nil
    }
    return (day, reason)
  }

  /// Whether `text` is a real calendar date `YYYY-MM-DD`.
  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...days[month - 1]).contains(day)
  }
}
