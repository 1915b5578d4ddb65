import Foundation
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore

/// `zhibiao notices list` as text, JSON or CSV: one line per notice with its level, addressee,
/// period, state, deadline and reason. JSON keys are stable: fields are added, never renamed.
struct NoticeListing {
  let plan: Plan
  let notices: [Notice]
  let actions: [NoticeAction]
  let language: Language

  static let columns = [
    "id", "level", "raised_level", "org", "period", "indicator", "state", "closure", "raised_on", "deadline",
    "escalations", "unanswered", "reason", "last_action",
  ]

  /// The fields of one notice, in `columns` order.
  func fields(_ notice: Notice) -> [String] {
    let settings = plan.monitoringSettings
    let last = actions.last { $0.notice == notice.id }
    return [
      notice.id.description, notice.level, notice.id.level, notice.org.rawValue, notice.id.period.description,
      notice.id.indicator?.rawValue ?? "", notice.state.rawValue, notice.closure?.name.en ?? "",
      settings.day(of: notice.raisedAt), settings.day(of: notice.deadline.addingTimeInterval(-1)),
      "\(notice.escalations.count)", notice.isUnanswered ? "1" : "0", notice.reason.text(in: language),
      last.map { "\($0.kind.rawValue) \(settings.day(of: $0.time))" } ?? "",
    ]
  }

  func render(_ format: NoticeFormat) -> String {
    switch format {
    case .json:
      let records = notices.map { notice in
        Dictionary(uniqueKeysWithValues: zip(Self.columns, fields(notice)).map { ($0, $1 as Any) })
      }
      let data =
        (try? JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys]))
        ?? Data("[]".utf8)
      return String(decoding: data, as: UTF8.self) + "\n"
    case .csv:
      return Listing(keys: Self.columns, headings: Self.columns, rows: notices.map(fields)).render(.csv)
    case .text:
      guard !notices.isEmpty else { return language == .zh ? "没有督办单。\n" : "No notices.\n" }
      return notices.map(text).joined(separator: "\n") + "\n"
    }
  }

  /// A notice in a few lines for a terminal.
  func text(_ notice: Notice) -> String {
    let zh = language == .zh
    let settings = plan.monitoringSettings
    let level = plan.supervision.level(notice.level)?.name.text(in: language) ?? notice.level
    let org = plan.org(notice.org)?.name.text(in: language) ?? notice.org.rawValue
    var state = notice.state.name.text(in: language)
    if let closure = notice.closure { state += zh ? "（\(closure.name.zh)）" : " (\(closure.name.en))" }
    var lines = [
      "\(notice.id)",
      "  \(level) · \(org) · \(notice.reason.text(in: language))"
        + (notice.id.indicator.map { " · \($0)" } ?? ""),
      zh
        ? "  \(state)；下发 \(settings.day(of: notice.raisedAt))，答复期限 \(settings.day(of: notice.deadline.addingTimeInterval(-1)))"
        : "  \(state); raised \(settings.day(of: notice.raisedAt)), answer due \(settings.day(of: notice.deadline.addingTimeInterval(-1)))",
    ]
    for escalation in notice.escalations {
      let name = plan.supervision.level(escalation.level)?.name.text(in: language) ?? escalation.level
      lines.append(
        zh
          ? "  逾期升级为\(name)（\(settings.day(of: escalation.at))）"
          : "  escalated to \(name) (\(settings.day(of: escalation.at)))")
    }
    return lines.joined(separator: "\n")
  }
}
