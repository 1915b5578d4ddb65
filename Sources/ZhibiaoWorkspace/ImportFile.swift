import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// A CSV file checked against the plan, ready to submit: observations, or register entries when
/// its header starts with `register`.
public enum ImportFile: Sendable {
  case observations([ObservationInput])
  case registers([RegisterEntry])

  /// Checks `text` as `submitter` sends it, against the plan and what `store` already holds.
  public static func check(
    _ text: String, file: String, plan: Plan, submitter: OrgID, store: any Store
  ) async throws -> (file: ImportFile, diagnostics: [Diagnostic]) {
    let isRegister = firstField(of: text).trimmingCharacters(in: .whitespaces) == "register"
    return try await check(
      isRegister: isRegister, plan: plan, submitter: submitter, store: store,
      registers: { $0.check(text, file: file) }, observations: { $0.check(text, file: file) })
  }

  /// The first non-empty piece between commas of the first line that is neither empty nor a
  /// comment, found without splitting the whole text: a file of a million rows is read once, by
  /// the check.
  static func firstField(of text: String) -> Substring {
    var rest = text[...]
    while !rest.isEmpty {
      // A line feed is a character of its own unless a carriage return comes before it (CRLF).
      var previous: UInt8 = 0
      let end =
        rest.utf8.firstIndex { byte in
          defer { previous = byte }
          return byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")
        } ?? rest.endIndex
      var line = rest[..<end]
      rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
      guard !line.isEmpty, !line.hasPrefix("#") else { continue }
      while !line.isEmpty {
        let comma = line.firstIndex(of: ",") ?? line.endIndex
        if comma > line.startIndex { return line[..<comma] }
        line = line[line.index(after: comma)...]
      }
      return ""
    }
    return ""
  }

  /// Checks `table` (a sheet of a workbook) as `submitter` sends it, against the plan and what
  /// `store` already holds: register entries when its first column is `register`.
  public static func check(
    _ table: ImportTable, plan: Plan, submitter: OrgID, store: any Store
  ) async throws -> (file: ImportFile, diagnostics: [Diagnostic]) {
    try await check(
      isRegister: table.header.first == "register", plan: plan, submitter: submitter, store: store,
      registers: { $0.check(table) }, observations: { $0.check(table) })
  }

  private static func check(
    isRegister: Bool, plan: Plan, submitter: OrgID, store: any Store,
    registers: (RegisterImport) -> (entries: [RegisterEntry], diagnostics: [Diagnostic]),
    observations: (ObservationImport) -> (rows: [ObservationInput], diagnostics: [Diagnostic])
  ) async throws -> (file: ImportFile, diagnostics: [Diagnostic]) {
    if isRegister {
      let (entries, diagnostics) = registers(RegisterImport(plan: plan, submitter: submitter))
      return (.registers(entries), diagnostics)
    }
    let stored = try await StoredValues(store: store, plan: plan.id)
    let (rows, diagnostics) = observations(
      ObservationImport(plan: plan, submitter: submitter) { stored.value($0, $1, $2) })
    return (.observations(rows), diagnostics)
  }

  /// Where the review workflow's rules refuse `submitter`, in `role`, a row of the file: what
  /// the plan's checks let through but the workflow does not (a bureau reporting districts' figures).
  public func refusals(file: String, plan: Plan, submitter: OrgID, role: Role, language: Language) -> [Diagnostic] {
    guard case .observations(let rows) = self else { return [] }
    let rules = ReviewRules(plan: plan)
    // The rule's answer depends on the indicator and the org only; rows of one indicator and org
    // mostly come together (a file gives its quarters one after another), so the answer for the
    // row before is used again rather than asked for anew.
    var last: (indicator: IndicatorID, org: OrgID, refusal: ReviewRefusal?)?
    return rows.compactMap { row in
      let refusal: ReviewRefusal?
      if let last, last.indicator == row.indicator, last.org == row.org {
        refusal = last.refusal
      } else {
        refusal = rules.report(row.indicator, org: row.org, by: submitter, as: role)
        last = (row.indicator, row.org, refusal)
      }
      return refusal.map { Diagnostic(.error, at: row.start(in: file), $0.text.text(in: language)) }
    }
  }

  /// How many rows or entries it holds.
  public var count: Int {
    switch self {
    case .observations(let rows): rows.count
    case .registers(let entries): entries.count
    }
  }

  /// Writes it to `store` in one transaction; `status` and `reason` apply to observations.
  public func submit(
    to store: any Store, plan: Plan, submitter: OrgID, role: Role, user: String? = nil, source: String,
    status: ObservationStatus = .submitted, reason: String? = nil
  ) async throws -> SubmissionResult {
    switch self {
    case .observations(let rows):
      try await store.submit(
        Submission(
          plan: plan.id, submitter: submitter, role: role, user: user, source: source, time: Date(), status: status,
          reason: reason, rows: rows))
    case .registers(let entries):
      try await store.submitRegister(
        RegisterSubmission(plan: plan.id, submitter: submitter, source: source, time: Date(), entries: entries))
    }
  }
}

/// The current stored values of a plan, for checks against what is already there.
public struct StoredValues: Sendable {
  /// A figure's key: indicator, org and period.
  private struct Key: Hashable {
    var indicator: IndicatorID
    var org: OrgID
    var period: Period
  }

  private let values: [Key: Decimal]

  /// The values `store` holds for `plan`.
  public init(store: any Store, plan: PlanID) async throws {
    var values: [Key: Decimal] = [:]
    for record in try await store.observations(plan: plan) {
      values[Key(indicator: record.indicator, org: record.org, period: record.period)] = record.value
    }
    self.values = values
  }

  /// The stored value of a figure, if any.
  public func value(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> Decimal? {
    values[Key(indicator: indicator, org: org, period: period)]
  }
}
