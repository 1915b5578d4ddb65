import Foundation
import ZhibiaoKernel

/// What `zhibiao list` can list.
public enum ListSubject: String, CaseIterable, Sendable {
  case domains, orgs, indicators, tasks, goals, registers
}

/// Writes the registry's contents for people (table, Markdown), for spreadsheets (CSV) and for
/// programs (JSON, whose field names are a contract).
public struct PlanListing {
  let plan: Plan
  let language: Language

  /// Lists `plan` with headings and names in `language`.
  public init(plan: Plan, language: Language = .zh) {
    self.plan = plan
    self.language = language
  }

  /// The listing of `subject` in `format`.
  public func render(_ subject: ListSubject, as format: OutputFormat) -> String {
    if format == .json { return json(subject) }
    return listing(subject).render(format)
  }

  private func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
  private var list: String { text("、", ", ") }
  private func name(_ text: LocalizedText) -> String { text.text(in: language) }
  private func orgName(_ id: OrgID?) -> String {
    guard let id else { return "" }
    return plan.org(id).map { name($0.name) } ?? id.rawValue
  }

  func listing(_ subject: ListSubject) -> Listing {
    typealias Column = Listing.Column
    switch subject {
    case .domains:
      return Listing(
        columns: [
          Column(key: "id", heading: "id"), Column(key: "name", heading: text("名称", "Name")),
          Column(key: "lead", heading: text("牵头部门", "Lead")),
          Column(key: "areas", heading: text("重点领域", "Areas")),
          Column(key: "indicators", heading: text("指标", "Indicators")),
          Column(key: "tasks", heading: text("任务", "Tasks")),
        ],
        rows: plan.domains.map { domain in
          [
            domain.id.rawValue, name(domain.name), orgName(domain.lead),
            domain.areas.map { name($0.name) }.joined(separator: list),
            "\(plan.indicators.filter { $0.domain == domain.id && $0.isTarget }.count)",
            "\(plan.tasks.filter { $0.domain == domain.id }.count)",
          ]
        })
    case .orgs:
      return Listing(
        columns: [
          Column(key: "id", heading: "id"), Column(key: "kind", heading: text("类型", "Kind")),
          Column(key: "name", heading: text("名称", "Name")),
          Column(key: "code", heading: text("区划代码", "Code")),
          Column(key: "leads", heading: text("牵头领域", "Leads")),
          Column(key: "indicators", heading: text("负责指标", "Owns")),
          Column(key: "tasks", heading: text("参与任务", "Tasks")),
        ],
        rows: plan.orgs.map { org in
          [
            org.id.rawValue, orgKind(org.kind), name(org.name), org.code ?? "",
            plan.domains.filter { $0.lead == org.id }.map { name($0.name) }.joined(separator: list),
            "\(plan.indicators.filter { $0.owner == org.id && $0.isTarget }.count)",
            "\(plan.tasks.filter { $0.orgs.contains(org.id) }.count)",
          ]
        })
    case .indicators:
      return Listing(
        columns: [
          Column(key: "id", heading: "id"),
          Column(key: "name", heading: text("指标", "Indicator"), maximumWidth: 40),
          Column(
            key: "target", heading: text("\(plan.targetYear)年目标", "Target \(plan.targetYear)"), maximumWidth: 40),
          Column(key: "kind", heading: text("类型", "Kind")),
          Column(key: "aggregation", heading: text("汇总", "Aggregation")),
          Column(key: "frequency", heading: text("频率", "Frequency")),
          Column(key: "owner", heading: text("责任单位", "Owner")),
        ],
        rows: plan.indicators.map { indicator in
          [
            indicator.id.rawValue, name(indicator.name),
            indicator.isTarget
              ? TargetText.summary(of: indicator, plan: plan, in: language) : text("（支撑指标）", "(supporting)"),
            language == .zh ? indicator.kind.zh : indicator.kind.rawValue,
            aggregation(indicator.aggregation), frequency(indicator.frequency), orgName(indicator.owner),
          ]
        })
    case .tasks:
      return Listing(
        columns: [
          Column(key: "id", heading: "id"), Column(key: "lead", heading: text("牵头", "Lead")),
          Column(key: "partners", heading: text("协同", "With")),
          Column(key: "text", heading: text("任务", "Task"), maximumWidth: 56),
          Column(key: "milestones", heading: text("节点", "Milestones"), maximumWidth: 40),
        ],
        rows: plan.tasks.map { task in
          [
            task.id.rawValue, orgName(task.lead), task.orgs.dropFirst().map(orgName).joined(separator: list),
            task.text, task.milestones.map(milestone).joined(separator: text("；", "; ")),
          ]
        })
    case .registers:
      return Listing(
        columns: [
          Column(key: "id", heading: "id"), Column(key: "name", heading: text("名录", "Register"), maximumWidth: 40),
          Column(key: "levels", heading: text("级别", "Levels")),
          Column(key: "counted_by", heading: text("计数指标", "Counted by"), maximumWidth: 56),
        ],
        rows: plan.registers.map { register in
          [
            register.id.rawValue, name(register.name), register.levels.joined(separator: list),
            plan.indicators(countingRegister: register.id).map { indicator in
              let levels = indicator.countOf?.levels ?? []
              return indicator.id.rawValue + (levels.isEmpty ? "" : "（\(levels.joined(separator: list))）")
            }.joined(separator: ", "),
          ]
        })
    case .goals:
      return Listing(
        columns: [
          Column(key: "id", heading: "id"), Column(key: "kind", heading: text("类别", "Kind")),
          Column(key: "name", heading: text("目标", "Goal")),
          Column(key: "indicators", heading: text("指标", "Indicators")),
        ],
        rows: plan.goals.map { goal in
          [
            goal.id.rawValue, language == .zh ? goal.kind.zh : goal.kind.rawValue, name(goal.name),
            goal.indicators.map(\.rawValue).joined(separator: ", "),
          ]
        })
    }
  }

  /// `2025：力争培育创意设计龙头领军企业10家`, `每年：年度推进` (`Every year: 年度推进`); the text
  /// is the plan's own words.
  private func milestone(_ milestone: KeyTask.Milestone) -> String {
    let when =
      switch milestone.kind {
      case .outcome: milestone.due.map { language == .zh ? $0.zh : $0.description } ?? ""
      case .yearly: text("每年", "Every year")
      }
    return when + text("：", ": ") + milestone.text
  }

  private func orgKind(_ kind: Org.Kind) -> String {
    switch kind {
    case .bureau: text("市直部门", "bureau")
    case .cooperatingBureau: text("配合部门", "co-operating bureau")
    case .district: text("区县（市）", "district")
    case .leadingGroup: text("领导小组", "leading group")
    }
  }

  private func aggregation(_ aggregation: Indicator.Aggregation) -> String {
    switch aggregation {
    case .sum: text("加总", "sum")
    case .weightedMean: text("加权平均", "weighted mean")
    case .cityOnly: text("仅全市", "city only")
    }
  }

  private func frequency(_ frequency: Indicator.Frequency) -> String {
    switch frequency {
    case .quarterly: text("季度", "quarterly")
    case .annual: text("年度", "annual")
    }
  }
}
