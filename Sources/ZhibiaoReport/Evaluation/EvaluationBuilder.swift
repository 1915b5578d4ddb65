import Foundation
import ZhibiaoCharts
import ZhibiaoKernel

/// The evaluation report (规划评估报告) in one language: the conclusions, every target of the
/// city with its category, the 1+4+3 goal groups, the domains, the districts' decomposed targets,
/// each target's path from the base year against the actual path, the qualitative aims and key
/// tasks, and how it was computed. It is written like the monitoring report: a page, its
/// Markdown, and its tables as CSV and JSON.
public struct EvaluationBuilder {
  let evaluation: PlanEvaluation
  let language: Language
  let caveat: LocalizedText?
  var plan: Plan { evaluation.plan }

  public init(_ evaluation: PlanEvaluation, language: Language, caveat: LocalizedText? = nil) {
    self.evaluation = evaluation
    self.language = language
    self.caveat = caveat
  }

  func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
  func name(_ text: LocalizedText) -> String { text.text(in: language) }

  var isFinal: Bool { evaluation.kind == .final }

  /// The keys the lines are counted by, in reading order, with their names.
  var categories: [(key: String, name: String, status: ChartStatus)] {
    if isFinal {
      return [
        (PlanEvaluation.Category.completed.rawValue, name(PlanEvaluation.Category.completed.name), .green),
        (
          PlanEvaluation.Category.basicallyCompleted.rawValue, name(PlanEvaluation.Category.basicallyCompleted.name),
          .yellow
        ),
        (PlanEvaluation.Category.notCompleted.rawValue, name(PlanEvaluation.Category.notCompleted.name), .red),
        (PlanEvaluation.Category.notReported.rawValue, name(PlanEvaluation.Category.notReported.name), .grey),
      ]
    }
    return [
      (
        MidTermCategory.achievedEarly.rawValue, t(MidTermCategory.achievedEarly.zh, MidTermCategory.achievedEarly.en),
        .green
      ),
      (MidTermCategory.ahead.rawValue, t(MidTermCategory.ahead.zh, MidTermCategory.ahead.en), .green),
      (MidTermCategory.onTrack.rawValue, t(MidTermCategory.onTrack.zh, MidTermCategory.onTrack.en), .yellow),
      (MidTermCategory.behind.rawValue, t(MidTermCategory.behind.zh, MidTermCategory.behind.en), .red),
      (PlanEvaluation.Category.notReported.rawValue, name(PlanEvaluation.Category.notReported.name), .grey),
      ("not_assessed", t("无法判断", "not assessed"), .grey),
    ]
  }

  var title: String {
    t(
      "《\(plan.name.zh)》\(isFinal ? "终期" : "中期")评估报告",
      "\(plan.name.en): \(isFinal ? "final" : "mid-term") evaluation")
  }

  var subtitle: String {
    let base = t(
      "基期 \(plan.baseYear) 年，目标年 \(plan.targetYear) 年；评估 \(evaluation.year) 年末数据",
      "Base year \(plan.baseYear), target year \(plan.targetYear); figures at the end of \(evaluation.year)")
    return base + (evaluation.citation.map { t("；", "; ") + name($0.text) } ?? "")
  }

  /// The report.
  public func build() -> ReportDocument {
    let figures = summaryFigures()
    var sections = [summarySection(figures), targetsSection(), groupsSection(), domainsSection()]
    if !evaluation.districtLines.isEmpty { sections.append(districtsSection()) }
    sections.append(pathsSection())
    sections.append(aimsAndTasksSection())
    sections.append(methodsSection())
    return ReportDocument(
      title: title, subtitle: subtitle, caveat: caveat?.text(in: language), language: language, figures: figures,
      sections: sections, data: [targetTable(evaluation.lines, file: "evaluation_all", withOrg: true)],
      facts: [
        ReportFact(key: "plan", value: .text(plan.id.rawValue)),
        ReportFact(key: "kind", value: .text(evaluation.kind.rawValue)),
        ReportFact(key: "year", value: .integer(evaluation.year)),
        ReportFact(key: "language", value: .text(language.rawValue)),
        ReportFact(key: "title", value: .text(title)),
        ReportFact(key: "targets_version", value: evaluation.citation.map { .integer($0.version) } ?? .null),
        ReportFact(key: "targets_sha256", value: evaluation.citation.map { .text($0.hash) } ?? .null),
      ])
  }

  // MARK: - Summary

  func key(of line: PlanEvaluation.Line) -> String? {
    if isFinal { return line.category?.rawValue }
    guard line.category != nil else { return nil }
    if let midTerm = line.midTerm { return midTerm.rawValue }
    return line.category == .notReported ? PlanEvaluation.Category.notReported.rawValue : "not_assessed"
  }

  func counted(_ lines: [PlanEvaluation.Line]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for line in lines { if let key = key(of: line) { counts[key, default: 0] += 1 } }
    return counts
  }

  func summaryFigures() -> [ReportFigure] {
    let counts = counted(evaluation.cityLines)
    let total = evaluation.cityLines.filter { $0.category != nil }.count
    return [
      ReportFigure(
        key: "targets", label: t("量化目标", "Quantitative targets"), value: .integer(total), display: "\(total)",
        status: nil)
    ]
      + categories.compactMap { category in
        let count = counts[category.key] ?? 0
        guard count > 0 || category.key != "not_assessed" else { return nil }
        return ReportFigure(
          key: category.key, label: category.name, value: .integer(count), display: "\(count)",
          status: category.status)
      }
  }

  func summarySection(_ figures: [ReportFigure]) -> ReportSection {
    let counts = counted(evaluation.cityLines)
    let total = evaluation.cityLines.filter { $0.category != nil }.count
    let parts = categories.compactMap { category -> String? in
      guard let count = counts[category.key], count > 0 else { return nil }
      return "\(category.name) \(count)"
    }
    var blocks: [ReportBlock] = [
      .figures(figures),
      .paragraph(
        t(
          "全市 \(total) 项量化目标中，\(parts.joined(separator: "，"))。",
          "Of the city's \(total) quantitative targets: \(parts.joined(separator: ", ")).")),
    ]
    let missed = evaluation.cityLines.filter {
      isFinal ? $0.category == .notCompleted : $0.midTerm == .behind
    }
    if !missed.isEmpty {
      blocks.append(.heading(t(isFinal ? "未完成的目标" : "滞后的目标", isFinal ? "Targets not completed" : "Targets behind")))
      blocks.append(.bullets(missed.map(sentence)))
    }
    return ReportSection(id: "summary", title: t("一、总体评估", "1. Overall"), blocks: blocks)
  }

  /// 金融业增加值：目标 ≥ 2500 亿元，实际 2350，完成 94.0%（基本完成）.
  func sentence(_ line: PlanEvaluation.Line) -> String {
    let indicator = plan.indicator(line.indicator)
    let unit = indicator?.unit ?? ""
    let share = line.share.map { t("，完成 ", ", ") + percent($0) + t("", " achieved") } ?? ""
    let category =
      isFinal ? line.category.map { name($0.name) } ?? "" : line.midTerm.map { t($0.zh, $0.en) } ?? ""
    return t(
      "\(indicator.map { name($0.name) } ?? line.indicator.rawValue)：目标 \(targetText(line)) \(unit)，实际 \(figure(line.actual, indicator)) \(unit)\(share)（\(category)）",
      "\(indicator.map { name($0.name) } ?? line.indicator.rawValue): target \(targetText(line)) \(unit), actual \(figure(line.actual, indicator)) \(unit)\(share) (\(category))"
    )
  }

  // MARK: - Tables

  func percent(_ share: Decimal) -> String {
    DecimalArithmetic.text(share * 100, step: Decimal(string: "0.1")!) + "%"
  }

  func figure(_ value: Decimal?, _ indicator: Indicator?) -> String {
    guard let value else { return "—" }
    return DecimalArithmetic.text(value, step: indicator?.precision)
  }

  func targetText(_ line: PlanEvaluation.Line) -> String {
    guard let comparator = line.comparator else { return t("定性", "qualitative") }
    let indicator = plan.indicator(line.indicator)
    return comparator.symbol + " " + figure(line.target, indicator)
  }

  func rate(_ value: Double?) -> String { ReportNumber.percent(value) }

  func targetTable(_ lines: [PlanEvaluation.Line], file: String?, withOrg: Bool) -> ReportTable {
    var columns = [ReportColumn("indicator", t("指标", "Indicator"))]
    if withOrg { columns.append(ReportColumn("org", t("单位", "Org"))) }
    columns += [
      ReportColumn("unit", t("单位（计量）", "Unit"), compact: true),
      ReportColumn("baseline", t("基期值", "Baseline"), numeric: true),
      ReportColumn("target", t("目标", "Target"), numeric: true),
      ReportColumn("actual", t("实际", "Actual"), numeric: true),
      ReportColumn("share", t("完成度", "Achieved"), numeric: true),
    ]
    if isFinal { columns.append(ReportColumn("category", t("评估", "Category"))) }
    columns += [
      ReportColumn("growth_required", t("要求年均增速", "Growth required"), numeric: true),
      ReportColumn("growth_actual", t("实际年均增速", "Growth actual"), numeric: true),
    ]
    if !isFinal {
      columns += [
        ReportColumn("progress", t("目标进度", "Progress"), numeric: true),
        ReportColumn("time_elapsed", t("时间进度", "Time elapsed"), numeric: true),
        ReportColumn("mid_term", t("进度评价", "Against time")),
      ]
    }
    let rows = lines.filter { $0.category != nil }.map { line -> [ReportCell] in
      let indicator = plan.indicator(line.indicator)
      var cells = [
        ReportCell(indicator.map { name($0.name) } ?? line.indicator.rawValue, value: .text(line.indicator.rawValue))
      ]
      if withOrg {
        cells.append(
          ReportCell(plan.org(line.org).map { name($0.name) } ?? line.org.rawValue, value: .text(line.org.rawValue)))
      }
      let light: ChartStatus? =
        switch line.category {
        case .completed?: .green
        case .basicallyCompleted?: .yellow
        case .notCompleted?: .red
        default: .grey
        }
      cells += [
        ReportCell(indicator?.unit ?? ""),
        ReportCell(figure(line.baseline, indicator), value: line.baseline.map { .decimal($0) } ?? .null),
        ReportCell(targetText(line), value: line.target.map { .decimal($0) } ?? .null),
        ReportCell(figure(line.actual, indicator), value: line.actual.map { .decimal($0) } ?? .null),
        ReportCell(line.share.map(percent) ?? "—", value: line.share.map { .decimal($0) } ?? .null),
      ]
      if isFinal {
        cells.append(
          ReportCell(
            line.category.map { name($0.name) } ?? "", value: .text(line.category?.rawValue ?? ""), light: light))
      }
      cells += [
        ReportCell(rate(line.growthRequired), value: line.growthRequired.map { .number($0) } ?? .null),
        ReportCell(rate(line.growthActual), value: line.growthActual.map { .number($0) } ?? .null),
      ]
      if !isFinal {
        cells += [
          ReportCell(rate(line.progress), value: line.progress.map { .number($0) } ?? .null),
          ReportCell(rate(line.timeElapsed), value: line.timeElapsed.map { .number($0) } ?? .null),
          ReportCell(line.midTerm.map { t($0.zh, $0.en) } ?? "—", value: .text(line.midTerm?.rawValue ?? "")),
        ]
      }
      return cells
    }
    return ReportTable(file: file, columns: columns, rows: rows)
  }

  func targetsSection() -> ReportSection {
    ReportSection(
      id: "targets", title: t("二、目标完成情况", "2. The targets"), newPage: true,
      blocks: [.table(targetTable(evaluation.cityLines, file: "evaluation", withOrg: false))])
  }

  /// A table of counts per group: one row per group with its targets and each category's count.
  func countsTable(_ groups: [(key: String, name: String, lines: [PlanEvaluation.Line])], file: String, heading: String)
    -> ReportTable
  {
    let columns =
      [ReportColumn("group", heading), ReportColumn("targets", t("目标数", "Targets"), numeric: true)]
      + categories.map { ReportColumn($0.key, $0.name, numeric: true) }
    let rows = groups.map { group -> [ReportCell] in
      let counts = counted(group.lines)
      let total = group.lines.filter { $0.category != nil }.count
      return [ReportCell(group.name, value: .text(group.key)), ReportCell("\(total)", value: .integer(total))]
        + categories.map { ReportCell("\(counts[$0.key] ?? 0)", value: .integer(counts[$0.key] ?? 0)) }
    }
    return ReportTable(file: file, columns: columns, rows: rows)
  }

  func groupsSection() -> ReportSection {
    let city = Dictionary(evaluation.cityLines.map { ($0.indicator, $0) }, uniquingKeysWith: { first, _ in first })
    let groups = plan.goals.map { goal in
      (key: goal.id.rawValue, name: name(goal.name), lines: goal.indicators.compactMap { city[$0] })
    }
    return ReportSection(
      id: "goals", title: t("三、“1+4+3”目标体系", "3. The 1+4+3 goals"),
      blocks: [.table(countsTable(groups, file: "evaluation_goals", heading: t("目标组", "Goal group")))])
  }

  func domainsSection() -> ReportSection {
    let groups =
      [
        (
          key: "plan", name: t("总体目标", "The plan as a whole"),
          lines: evaluation.cityLines.filter { plan.indicator($0.indicator)?.domain == nil }
        )
      ]
      + plan.domains.map { domain in
        (
          key: domain.id.rawValue, name: name(domain.name),
          lines: evaluation.cityLines.filter { plan.indicator($0.indicator)?.domain == domain.id }
        )
      }
    return ReportSection(
      id: "domains", title: t("四、分领域", "4. By domain"),
      blocks: [
        .table(countsTable(groups.filter { !$0.lines.isEmpty }, file: "evaluation_domains", heading: t("领域", "Domain")))
      ])
  }

  func districtsSection() -> ReportSection {
    let groups = plan.districts.map { district in
      (
        key: district.id.rawValue, name: name(district.name),
        lines: evaluation.districtLines.filter { $0.org == district.id }
      )
    }
    var blocks: [ReportBlock] = [
      .paragraph(
        t(
          "分解到区县的目标，按各区县承担的目标年目标评估。", "Targets decomposed to districts, each against its own target-year target.")),
      .table(countsTable(groups, file: "evaluation_districts", heading: t("区县", "District"))),
    ]
    blocks.append(.table(targetTable(evaluation.districtLines, file: "evaluation_district_targets", withOrg: true)))
    return ReportSection(id: "districts", title: t("五、分区县", "5. By district"), newPage: true, blocks: blocks)
  }

  // MARK: - Paths

  func pathsSection() -> ReportSection {
    let years = [plan.baseYear] + Array(plan.years)
    let ends = Dictionary(evaluation.yearEnds.map { ($0.period.year, $0) }, uniquingKeysWith: { first, _ in first })
    let charts = evaluation.cityLines.filter { $0.comparator != nil && $0.comparator != .parity }.compactMap {
      line -> String? in
      guard let indicator = plan.indicator(line.indicator) else { return nil }
      let target = years.map { year -> Double? in
        if year == plan.baseYear { return line.measure == .level ? line.baseline.map(DecimalArithmetic.double) : 0 }
        return ends[year]?.rows.first { $0.isCity && $0.indicator == line.indicator }?.annualTarget.map(
          DecimalArithmetic.double)
      }
      let actual = years.map { year -> Double? in
        if year == plan.baseYear { return line.measure == .level ? line.baseline.map(DecimalArithmetic.double) : 0 }
        return ends[year]?.rows.first { $0.isCity && $0.indicator == line.indicator }?.actual.map(
          DecimalArithmetic.double)
      }
      guard actual.contains(where: { $0 != nil }) else { return nil }
      return PathChart(
        title: name(indicator.name), periods: years.map(String.init), xAxisLabel: t("年份", "Year"),
        yAxisLabel: indicator.unit ?? "", target: PathChart.Series(name: t("目标路径", "Target path"), values: target),
        actual: PathChart.Series(name: t("实际路径", "Actual path"), values: actual)
      ).svg()
    }
    return ReportSection(
      id: "paths", title: t("六、目标路径与实际路径", "6. Target and actual paths"), newPage: true,
      blocks: [
        .charts(
          charts,
          caption: t(
            "虚线为目标分解表中各年度的全市目标（起点为基期），实线为各年末实际值。",
            "Dashed: the city's target of each year in the target book, from the base year; solid: the actual at each year end."
          ))
      ])
  }

  // MARK: - Aims and tasks

  func aimsAndTasksSection() -> ReportSection {
    var blocks: [ReportBlock] = []
    let aims = plan.indicators.filter { $0.isTarget && !$0.aims.isEmpty }
    if !aims.isEmpty {
      blocks.append(.heading(t("定性目标", "Qualitative aims")))
      blocks.append(.bullets(aims.map { "\(name($0.name))：\($0.aims.joined(separator: t("；", "; ")))" }))
    }
    blocks.append(.heading(t("重点任务", "Key tasks")))
    let columns = [
      ReportColumn("domain", t("领域", "Domain")), ReportColumn("tasks", t("重点任务", "Key tasks"), numeric: true),
      ReportColumn("with_indicators", t("关联指标的任务", "Tasks with indicators"), numeric: true),
      ReportColumn("indicators_met", t("关联指标均完成", "All their indicators met"), numeric: true),
    ]
    let city = Dictionary(evaluation.cityLines.map { ($0.indicator, $0) }, uniquingKeysWith: { first, _ in first })
    let met = { (task: KeyTask) -> Bool in
      let lines = task.indicators.compactMap { city[$0] }.filter { $0.category != nil }
      return !lines.isEmpty && lines.allSatisfy { $0.category == .completed }
    }
    let rows = plan.domains.map { domain -> [ReportCell] in
      let tasks = plan.tasks.filter { $0.domain == domain.id }
      let linked = tasks.filter { !$0.indicators.isEmpty }
      let done = linked.filter(met)
      return [
        ReportCell(name(domain.name), value: .text(domain.id.rawValue)),
        ReportCell("\(tasks.count)", value: .integer(tasks.count)),
        ReportCell("\(linked.count)", value: .integer(linked.count)),
        ReportCell("\(done.count)", value: .integer(done.count)),
      ]
    }
    blocks.append(.table(ReportTable(file: "evaluation_tasks", columns: columns, rows: rows)))
    blocks.append(
      .note(
        t(
          "重点任务以其关联指标的完成情况衡量；无关联指标的任务须以各牵头单位报送的推进情况和佐证材料另行评估。",
          "A key task is measured here by its indicators; a task without one is judged on the progress reports and evidence its lead org submits."
        )))
    return ReportSection(id: "tasks", title: t("七、定性目标与重点任务", "7. Qualitative aims and key tasks"), blocks: blocks)
  }

  // MARK: - Methods

  func methodsSection() -> ReportSection {
    let band = percent(evaluation.bands.basicallyCompleted)
    let settings = plan.monitoringSettings
    var blocks: [ReportBlock] = [
      .paragraph(
        t(
          "完成度：下限目标（≥）为 实际 ÷ 目标，上限目标（≤）为 目标 ÷ 实际，均按目标自身口径（水平值、较基期增量、累计新增、年均增速），保留四位小数。完成度 ≥ 100% 为已完成，≥ \(band) 为基本完成，其余为未完成；无评估年数据为无数据。目标为 0 或以下的，以是否达到目标判断。",
          "Share achieved: actual ÷ target for a bound from below (≥), target ÷ actual for a bound from above (≤), in the target's own measure (a level, an increase since the base year, a cumulative addition, an average annual rate), to four decimals. 100% or more is completed, \(band) or more basically completed, less not completed; no figure for the year evaluated is no figure. A target of 0 or less is judged met or not."
        )),
      .paragraph(
        t(
          "年均增速：要求 = (目标 ÷ 基期)^(1/n) − 1，实际 = (实际 ÷ 基期)^(1/t) − 1，n 为规划年数，t 为已过年数。",
          "Average annual growth: required = (target ÷ base)^(1/n) − 1, actual = (actual ÷ base)^(1/t) − 1, with n the plan's years and t the years elapsed."
        )),
    ]
    if !isFinal {
      blocks.append(
        .paragraph(
          t(
            "进度评价（目标一致法）：目标进度 p = (实际 − 基期) ÷ (目标 − 基期)，时间进度 τ = t ÷ n；已达到目标年目标为提前实现，p ≥ τ + \(settings.aheadPoints) 个百分点为快于预期，p ≥ τ − \(settings.behindPoints) 个百分点为基本符合预期，其余为滞后。",
            "Against time (the target-consistency method): progress p = (actual − base) ÷ (target − base), time elapsed τ = t ÷ n; already at the target is achieved early, p ≥ τ + \(settings.aheadPoints) pt ahead, p ≥ τ − \(settings.behindPoints) pt broadly on schedule, otherwise behind."
          )))
    }
    blocks.append(
      .paragraph(
        evaluation.citation.map { name($0.text) } ?? name(TargetCitation.unissued(plan.targetYear))))
    return ReportSection(id: "methods", title: t("附录：评估方法", "Appendix: method"), newPage: true, blocks: blocks)
  }
}
