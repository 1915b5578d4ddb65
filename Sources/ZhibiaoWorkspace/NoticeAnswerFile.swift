import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// A file of answers to supervision notices (`notice,org,text,evidence`), read strictly like every
/// import: RFC 4180, every problem located at `file:line:col`, and all or nothing — a file with
/// one bad row records none.
///
/// Each row answers one notice with its written remedy (整改措施) and, optionally, its evidence.
/// Refused: a column the file may not have or a missing one; a notice id that is not well formed
/// or names no notice (with "did you mean"); an `org` that is not the notice's addressee; an
/// answerer (`--as`) that may not answer it; empty text; a notice closed, or answered and waiting
/// for the commission; a notice answered twice in the file.
public enum NoticeAnswerFile {
  /// The columns, in order; `evidence` may be left out.
  public static let columns = ["notice", "org", "text", "evidence"]

  /// The filings of `text`, read from `file`, answered by `answerer` at `time`, against the
  /// notices and their stored actions; throws every problem found.
  public static func filings(
    _ text: String, file: String, plan: Plan, notices: [Notice], actions: [NoticeAction], answerer: OrgID, role: Role,
    time: Date
  ) throws(ConfigurationErrors) -> [NoticeActionFiling] {
    let table = try ImportTable(parsing: text, file: file)
    let log = DiagnosticLog()
    table.refuseUnknownColumns(known: columns, log: log)
    guard table.hasColumns(["notice", "org", "text"], layout: columns, log: log) else {
      throw ConfigurationErrors(log.sorted)
    }
    let byID = Dictionary(notices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let versions = Dictionary(grouping: actions, by: \.notice).mapValues { $0.last?.number ?? 0 }
    let rules = ReviewRules(plan: plan)
    var seen: [NoticeID: Int] = [:]
    var filings: [NoticeActionFiling] = []
    for row in table.rows {
      let noticeText = (row["notice"] ?? "").trimmingCharacters(in: .whitespaces)
      let at = row.location(of: "notice")
      guard let id = NoticeID(noticeText), let notice = byID[id] else {
        log.error(
          "No supervision notice '\(noticeText)' (没有此督办单).", at: at,
          hint: Suggestion.hint(for: noticeText, among: notices.map(\.id.description))
            ?? "copy the id from zhibiao notices list")
        continue
      }
      if let first = seen[id] {
        log.error(
          "The notice '\(id)' is answered twice in the file; it was first answered on line \(first).", at: row.start)
        continue
      }
      seen[id] = row.line
      let org = (row["org"] ?? "").trimmingCharacters(in: .whitespaces)
      let named = plan.org(OrgID(org)) ?? plan.orgs.first { $0.name.zh == org }
      if named?.id != notice.org {
        log.error(
          "The notice '\(id)' is addressed to '\(notice.org)', not '\(org)' (督办单的责任单位不符).",
          at: row.location(of: "org"))
        continue
      }
      if let refusal = rules.answerNotice(id, by: answerer, as: role) {
        log.error(refusal.text.en + " (" + refusal.text.zh + ")", at: row.location(of: "org"))
        continue
      }
      let remedy = (row["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      if remedy.isEmpty {
        log.error("The answer to '\(id)' states no remedy (整改措施未填写).", at: row.location(of: "text"))
        continue
      }
      switch notice.state {
      case .closed:
        log.error("The notice '\(id)' is closed (\(notice.closure?.name.en ?? "closed")); it needs no answer.", at: at)
        continue
      case .answered:
        log.error("The notice '\(id)' has been answered and waits for the commission (已答复待审).", at: at)
        continue
      case .open, .returned, .overdue: break
      }
      let evidence = row["evidence"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
      filings.append(
        NoticeActionFiling(
          plan: plan.id, notice: id, kind: .answer, text: remedy, evidence: evidence, seenVersion: versions[id] ?? 0,
          actor: answerer, role: role, time: time, source: (file as NSString).lastPathComponent))
    }
    if log.hasErrors { throw ConfigurationErrors(log.sorted) }
    return filings
  }
}
