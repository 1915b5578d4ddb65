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

  /// How many rows or entries it holds.
  var count: Int {
    switch self {
    case .observations(let rows): rows.count
    case .registers(let entries): entries.count
    }
  }

  /// Writes it to `store` in one transaction; `status` and `reason` apply to observations.
  func submit(
    to store: any Store, plan: Plan, submitter: OrgID, source: String, status: ObservationStatus = .submitted,
    reason: String? = nil
  ) throws -> SubmissionResult {
    switch self {
    case .observations(let rows):
      try store.submit(
        Submission(
          plan: plan.id, submitter: submitter, source: source, time: Date(), status: status, reason: reason,
          rows: rows))
    case .registers(let entries):
      try store.submitRegister(
        RegisterSubmission(plan: plan.id, submitter: submitter, source: source, time: Date(), entries: entries))
    }
  }
}
