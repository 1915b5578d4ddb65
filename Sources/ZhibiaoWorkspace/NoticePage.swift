import Foundation
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore

/// One notice as a printable page (督办单): heading, addressee, what raised it, the deadline for a
/// written remedy, its escalations and what was done about it.
public struct NoticePage: Sendable {
  public let plan: Plan
  public let notice: Notice
  public let actions: [NoticeAction]

  /// The page of `notice`, with `actions`: those recorded on it, in their order.
  public init(plan: Plan, notice: Notice, actions: [NoticeAction]) {
    self.plan = plan
    self.notice = notice
    self.actions = actions
  }

  /// The page as self-contained HTML, which prints on one sheet and converts to a Word document.
  public func html(language: Language) -> String {
    let zh = language == .zh
    let settings = plan.monitoringSettings
    let level = plan.supervision.level(notice.level)?.name.text(in: language) ?? notice.level
    let org = plan.org(notice.org)?.name.text(in: language) ?? notice.org.rawValue
    let commission = plan.org(plan.commission)?.name.text(in: language) ?? plan.commission.rawValue
    let indicator = notice.id.indicator.flatMap { plan.indicator($0)?.name.text(in: language) }
    let late = notice.lateIndicators.map { plan.indicator($0)?.name.text(in: language) ?? $0.rawValue }
    func row(_ label: String, _ value: String) -> String {
      "<tr><th>\(HTML.escape(label))</th><td>\(HTML.escape(value))</td></tr>"
    }
    var rows = [
      row(zh ? "编号" : "Notice", notice.id.description),
      row(zh ? "责任单位" : "Addressed to", org),
      row(zh ? "期间" : "Period", zh ? notice.id.period.zh : notice.id.period.description),
      row(zh ? "事由" : "Reason", notice.reason.text(in: language)),
    ]
    if let indicator { rows.append(row(zh ? "指标" : "Indicator", indicator)) }
    if !late.isEmpty { rows.append(row(zh ? "未按期报送" : "Figures late", late.joined(separator: zh ? "、" : ", "))) }
    rows.append(row(zh ? "下发日期" : "Raised on", settings.day(of: notice.raisedAt)))
    rows.append(row(zh ? "答复期限" : "Answer due by", settings.day(of: notice.deadline.addingTimeInterval(-1))))
    var state = notice.state.name.text(in: language)
    if let closure = notice.closure { state += zh ? "（\(closure.name.zh)）" : " (\(closure.name.en))" }
    rows.append(row(zh ? "状态" : "State", state))
    for escalation in notice.escalations {
      let name = plan.supervision.level(escalation.level)?.name.text(in: language) ?? escalation.level
      rows.append(row(zh ? "逾期升级" : "Escalated", "\(name) · \(settings.day(of: escalation.at))"))
    }
    let history = actions.map { action in
      let who = plan.org(action.actor)?.name.text(in: language) ?? action.actor.rawValue
      let what = [action.text, action.evidence.map { (zh ? "佐证：" : "evidence: ") + $0 }].compactMap { $0 }
      return "<li>\(settings.day(of: action.time)) \(HTML.escape(who)) \(action.kind.rawValue)："
        + "\(HTML.escape(what.joined(separator: zh ? "；" : "; ")))</li>"
    }
    let request =
      zh
      ? "请\(org)于答复期限前报送书面整改措施（含佐证材料）。逾期未答复的，督办单升级一级，并按考核办法扣分。"
      : "\(org) is asked to send its written remedy, with evidence, by the deadline. A notice left unanswered moves up one level and is deducted in the assessment."
    let body = """
      <h1>\(HTML.escape(level))</h1>
      <p>\(HTML.escape(commission))</p>
      <table>\(rows.joined())</table>
      <p>\(HTML.escape(request))</p>
      \(history.isEmpty ? "" : "<h2>\(zh ? "办理记录" : "Actions")</h2><ul>\(history.joined())</ul>")
      """
    return HTML.page(
      title: "\(level) \(notice.id)", language: language, style: "th{text-align:left;width:8em}", body: body)
  }
}
