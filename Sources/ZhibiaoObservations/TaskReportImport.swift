import Foundation
import ZhibiaoPlan

/// Checks a task progress CSV (`task,org,period,status,progress,text,evidence`) against the
/// plan, reporting every problem with its line: nothing of a file with an error is kept.
///
/// A report is one org's on one key task for one quarter. The org is the task's lead or one of
/// the orgs it names as co-operating; a district or bureau sends only its own reports, the
/// commission may enter anyone's (what arrives on paper). The status is written by its id or
/// its Chinese name (未启动, 推进中, 已完成, 滞后); `progress` is a whole percentage (`60` or
/// `60%`) or empty; a completed task is 100 % and names its evidence.
public struct TaskReportImport {
  /// The columns; `progress` and `evidence` may be empty, or left out of the file.
  public static let columns = ["task", "org", "period", "status", "progress", "text", "evidence"]
  /// The columns a file must have.
  public static let requiredColumns = ["task", "org", "period", "status", "text"]

  /// The plan.
  public let plan: Plan
  /// The org that submits.
  public let submitter: OrgID
  /// Today in China, `YYYY-MM-DD`: no report is on a quarter that has not begun.
  public let today: String

  /// Prepares checks for `submitter`'s files, as of `now`.
  public init(plan: Plan, submitter: OrgID, now: Date = Date()) {
    self.plan = plan
    self.submitter = submitter
    self.today = Plausibility.day(of: now)
  }

  /// The checked reports of CSV `text` read from `file` with the line of each, and every problem
  /// found (empty when the file can be imported).
  public func check(_ text: String, file: String) -> (
    reports: [TaskProgress], lines: [Int], diagnostics: [Diagnostic]
  ) {
    let log = DiagnosticLog()
    guard
      let table = ImportTable.importFile(
        text, file: file, required: Self.requiredColumns, layout: Self.columns, log: log)
    else { return ([], [], log.sorted) }
    table.refuseUnknownColumns(known: Self.columns, log: log)
    var reports: [TaskProgress] = []
    var lines: [Int] = []
    var firstRow: [String: SourceLocation] = [:]
    for row in table.rows {
      guard let report = check(row, log: log) else { continue }
      let key = "\(report.task)|\(report.org)|\(report.period)"
      if let first = firstRow[key] {
        log.error(
          "This row repeats the report of '\(report.org)' on '\(report.task)' for \(report.period), given \(first.within).",
          at: row.start)
        continue
      }
      firstRow[key] = row.start
      reports.append(report)
      lines.append(row.line)
    }
    return log.hasErrors ? ([], [], log.sorted) : (reports, lines, log.sorted)
  }

  private func check(_ row: ImportTable.Row, log: DiagnosticLog) -> TaskProgress? {
    func field(_ column: String) -> String { FieldText.trimmed(row[column] ?? "") }
    let taskText = field("task")
    guard let task = plan.tasks.first(where: { $0.id.rawValue == taskText }) else {
      log.error(
        "Unknown task '\(taskText)'.", at: row.location(of: "task"),
        hint: Suggestion.hint(for: taskText, among: plan.tasks.map(\.id.rawValue)))
      return nil
    }
    let orgText = field("org")
    guard let org = plan.org(OrgID(orgText)) ?? plan.orgs.first(where: { $0.name.zh == orgText }) else {
      log.error(
        "Unknown org '\(orgText)'.", at: row.location(of: "org"),
        hint: Suggestion.hint(for: orgText, among: task.orgs.map(\.rawValue)))
      return nil
    }
    guard task.orgs.contains(org.id) else {
      let named = task.orgs.map { plan.org($0).map { "\($0.id) (\($0.name.zh))" } ?? $0.rawValue }
      log.error(
        "'\(org.id)' (\(org.name.zh)) is not named by the task '\(task.id)'; it names \(named.joined(separator: ", ")).",
        at: row.location(of: "org"))
      return nil
    }
    if submitter != plan.commission, submitter != org.id {
      log.error(
        "'\(submitter)' may submit only its own progress reports, not those of '\(org.id)'.",
        at: row.location(of: "org"))
      return nil
    }
    guard let period = period(field("period"), at: row.location(of: "period"), log: log) else { return nil }
    let statusText = field("status")
    guard let status = TaskProgress.Status(text: statusText) else {
      let names = TaskProgress.Status.allCases.map { "\($0.name.zh) (\($0.rawValue))" }
      log.error(
        "Unknown status '\(statusText)'; write one of \(names.joined(separator: ", ")).",
        at: row.location(of: "status"),
        hint: Suggestion.hint(for: statusText, among: TaskProgress.Status.allCases.map(\.name.zh)))
      return nil
    }
    let progress: Int?
    switch self.progress(field("progress"), status: status, at: row.location(of: "progress"), log: log) {
    case .refused: return nil
    case .empty: progress = nil
    case .percent(let value): progress = value
    }
    let text = field("text")
    let evidence = field("evidence")
    if text.isEmpty {
      log.error("The report says nothing; write what was done under 'text'.", at: row.location(of: "text"))
      return nil
    }
    for (column, value) in [("text", text), ("evidence", evidence)] where value.count > TaskProgress.maximumText {
      log.error(
        "The \(column) has \(value.count) characters; at most \(TaskProgress.maximumText) are kept — attach a longer document and name it under 'evidence'.",
        at: row.location(of: column))
      return nil
    }
    if status == .completed, evidence.isEmpty {
      log.error(
        "A completed task names its evidence (a document number, a link or a file's name) under 'evidence'.",
        at: row.location(of: "evidence"))
      return nil
    }
    return TaskProgress(
      task: task.id, org: org.id, period: period, status: status, progress: progress, text: text,
      evidence: evidence.isEmpty ? nil : evidence)
  }

  /// The quarter of `text`: within the plan's years, and begun by today.
  private func period(_ text: String, at location: SourceLocation, log: DiagnosticLog) -> Period? {
    guard let period = PeriodText.parse(text) else {
      log.error("The period '\(text)' is not a period; write a quarter, e.g. 2024Q3.", at: location)
      return nil
    }
    guard let quarter = period.quarter else {
      log.error(
        "Progress is reported by quarter; write \(period.year)Q4 for the whole year \(period.year), not \(period).",
        at: location)
      return nil
    }
    guard plan.years.contains(period.year) else {
      log.error(
        "The period \(period) is outside the plan's years \(plan.years.lowerBound)–\(plan.targetYear).", at: location)
      return nil
    }
    let begins = String(format: "%04d-%02d-01", period.year, quarter * 3 - 2)
    if begins > today {
      log.error(
        "The quarter \(period) has not begun (today is \(today)); report on a quarter under way or past.", at: location)
      return nil
    }
    return period
  }

  /// A `progress` cell read.
  private enum ProgressCell {
    case empty, percent(Int), refused
  }

  /// The percentage of `text` (`60` or `60%`), refused after logging why.
  private func progress(_ text: String, status: TaskProgress.Status, at location: SourceLocation, log: DiagnosticLog)
    -> ProgressCell
  {
    guard !text.isEmpty else { return .empty }
    let digits = text.hasSuffix("%") || text.hasSuffix("％") ? String(text.dropLast()) : text
    guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let value = Int(digits), (0...100).contains(value)
    else {
      log.error("The progress '\(text)' is not a whole percentage from 0 to 100.", at: location)
      return .refused
    }
    if status == .completed, value != 100 {
      log.error("A completed task is 100 % done, not \(value) %; write 推进中 while it is under way.", at: location)
      return .refused
    }
    if status == .notStarted, value != 0 {
      log.error("A task not started is 0 % done, not \(value) %; write 推进中 once it is under way.", at: location)
      return .refused
    }
    return .percent(value)
  }
}
