import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// A CSV file checked against the plan, ready to submit: observations, or register entries when
/// its header starts with `register`.
enum ImportFile {
  case observations([ObservationInput])
  case registers([RegisterEntry])

  /// Checks `text` as `submitter` sends it, against the plan and what `store` already holds.
  static func check(
    _ text: String, file: String, plan: Plan, submitter: OrgID, store: any Store
  ) throws -> (file: ImportFile, diagnostics: [Diagnostic]) {
    let firstLine = text.split(separator: "\n").first { !$0.hasPrefix("#") } ?? ""
    if firstLine.split(separator: ",").first?.trimmingCharacters(in: .whitespaces) == "register" {
      let (entries, diagnostics) = RegisterImport(plan: plan, submitter: submitter).check(text, file: file)
      return (.registers(entries), diagnostics)
    }
    let stored = try StoredValues(store: store, plan: plan.id)
    let check = ObservationImport(plan: plan, submitter: submitter) { stored.value($0, $1, $2) }
    let (rows, diagnostics) = check.check(text, file: file)
    return (.observations(rows), diagnostics)
  }

  /// Where the review workflow's rules refuse `submitter`, in `role`, a row of the file: what
  /// the plan's checks let through but the workflow does not (a bureau reporting districts' figures).
  func refusals(file: String, plan: Plan, submitter: OrgID, role: Role, language: Language) -> [Diagnostic] {
    guard case .observations(let rows) = self else { return [] }
    let rules = ReviewRules(plan: plan)
    return rows.compactMap { row in
      rules.report(row.indicator, org: row.org, by: submitter, as: role).map {
        Diagnostic(.error, at: SourceLocation(file: file, line: row.line, column: 1), $0.text.text(in: language))
      }
    }
  }

  /// How many rows or entries it holds.
  var count: Int {
    switch self {
    case .observations(let rows): rows.count
    case .registers(let entries): entries.count
    }
  }

  /// Writes it to `store` in one transaction; `status` and `reason` apply to observations.
  func submit(
    to store: any Store, plan: Plan, submitter: OrgID, role: Role, source: String,
    status: ObservationStatus = .submitted, reason: String? = nil
  ) throws -> SubmissionResult {
    switch self {
    case .observations(let rows):
      try store.submit(
        Submission(
          plan: plan.id, submitter: submitter, role: role, source: source, time: Date(), status: status,
          reason: reason, rows: rows))
    case .registers(let entries):
      try store.submitRegister(
        RegisterSubmission(plan: plan.id, submitter: submitter, source: source, time: Date(), entries: entries))
    }
  }
}
