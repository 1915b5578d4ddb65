import Foundation
import ZhibiaoCharts
import ZhibiaoKernel

extension ReportBuilder {
  /// The ranking of districts and bureaus with scores, grades and rank changes.
  func rankingSection() -> ReportSection? {
    guard let assessment = inputs.assessment else { return nil }
    var blocks = [ReportBlock]()
    if assessment.provisional {
      blocks.append(
        .note(
          t(
            "季度预评分：按考核方案，以\(period.zh)累计实际对照序时目标计分；只计本季度有序时目标的指标，年报指标与定性任务的分值按比例分摊到这些指标。仅供预警参考，不作为年度考核结果。",
            "Provisional: the scheme applied to the figures year to date against the year-to-date milestones, on "
              + "the indicators with a milestone this quarter (the weight of annual figures and graded tasks is "
              + "shared among them); for early warning only, not the year's assessment.")))
    } else {
      blocks.append(
        .note(t("考核方案（分值、评分规则、等次与配额）见附录；示例方案由市发改委确定。", "The scheme is in the appendix.")))
    }
    for section in assessment.result.sections {
      let district = section.orgKind == .district
      let heading = district ? t("区县（市）", "Districts") : t("牵头部门", "Lead bureaus")
      blocks.append(.heading(heading))
      if district { blocks.append(.chart(svg: rankingChart(section, scheme: assessment.scheme).svg(), caption: "")) }
      blocks.append(.table(rankingTable(section, file: district ? "ranking" : "ranking_bureaus")))
      let notes = section.quotas.map(\.formula) + section.notes.map { $0.text(in: language) }
      if !notes.isEmpty { blocks.append(.bullets(notes)) }
    }
    if let total = assessment.view.cityTotal {
      let grade = assessment.view.cityGrade.map { " \($0.name.text(in: language))" } ?? ""
      blocks.append(
        .paragraph(
          t("全市按区县考核方案计：\(total) 分\(grade)。", "The city on the district scheme: \(total) points\(grade).")))
    }
    return ReportSection(
      id: "ranking", title: t("三、考核排名", "3. Assessment and ranking"), newPage: true, blocks: blocks)
  }

  func rankChange(_ card: Scorecard) -> String {
    guard let change = card.rankChange else { return "—" }
    return change > 0 ? "↑\(change)" : change < 0 ? "↓\(-change)" : "="
  }

  func rankingTable(_ section: AssessmentResult.Section, file: String) -> ReportTable {
    ReportTable(
      file: file,
      columns: [
        ReportColumn("rank", t("名次", "Rank"), numeric: true), ReportColumn("org", t("单位", "Org"), compact: true),
        ReportColumn("total", t("实得分", "Total"), numeric: true),
        ReportColumn("basic", t("基本分", "Basic"), numeric: true),
        ReportColumn("bonus", t("加分", "Bonus"), numeric: true),
        ReportColumn("deduction", t("扣分", "Deduction"), numeric: true),
        ReportColumn("grade", t("等次", "Grade"), compact: true),
        ReportColumn("previous_rank", t("上次名次", "Previous rank"), numeric: true),
        ReportColumn("change", t("名次变化", "Change"), compact: true),
        ReportColumn("note", t("说明", "Note")),
      ],
      rows: section.scorecards.map { card in
        [
          ReportCell("\(card.rank)", value: .integer(card.rank)),
          ReportCell(name(card.org), value: .text(card.org.rawValue)), decimalCell(card.total), decimalCell(card.basic),
          decimalCell(card.bonus.counted), decimalCell(card.deduction.counted),
          ReportCell(card.grade.name.text(in: language), value: .text(card.grade.id)),
          ReportCell(card.previousRank.map(String.init) ?? "—", value: card.previousRank.map { .integer($0) } ?? .null),
          ReportCell(rankChange(card), value: card.rankChange.map { .integer($0) } ?? .null),
          ReportCell(
            card.missingNote?.text(in: language) ?? "",
            value: card.missingNote.map { .text($0.text(in: language)) } ?? .null),
        ]
      })
  }

  /// The mark of a provisional score (the ranking table keeps its totals numeric; its note says why).
  var provisionalMark: String { t("（暂估）", " (provisional)") }

  func decimalCell(_ value: Decimal) -> ReportCell {
    ReportCell("\(value)", value: .decimal(value))
  }

  func rankingChart(_ section: AssessmentResult.Section, scheme: AssessmentScheme) -> RankingChart {
    let grades = scheme.section(for: section.orgKind)?.grades ?? []
    func status(_ card: Scorecard) -> ChartStatus {
      guard let index = grades.firstIndex(where: { $0.id == card.grade.id }), grades.count > 1 else { return .grey }
      let best = grades.indices.max { grades[$0].from < grades[$1].from } ?? index
      let worst = grades.indices.min { grades[$0].from < grades[$1].from } ?? index
      return index == best ? .green : index == worst ? .red : .yellow
    }
    let maximum = scheme.section(for: section.orgKind).map { DecimalArithmetic.double($0.maximumTotal) }
    return RankingChart(
      title: t("区县综合考核得分与排名（\(inputs.scope.period.year)年）", "District scores and ranking (\(period.year))"),
      axisLabel: t("实得分（分）", "Total (points)"), categoryLabel: t("区县", "District"),
      bars: section.scorecards.map { card in
        RankingChart.Bar(
          label: "\(card.rank). \(name(card.org))", value: DecimalArithmetic.double(card.total),
          note: "\(card.grade.name.text(in: language)) \(rankChange(card))"
            + (card.isProvisional ? provisionalMark : ""),
          status: status(card))
      }, maximum: maximum,
      statusNames: StatusNames([
        .green: t("最高等次", "best grade"), .yellow: t("中间等次", "middle grades"), .red: t("最低等次", "lowest grade"),
        .grey: t("未分等", "no grade"),
      ]))
  }

  /// Every yellow and red light with its reason, red first.
  func warningsSection() -> ReportSection {
    let rows = (cityRows + districtRows).filter { $0.status == .red || $0.status == .yellow }
    let ordered = rows.filter { $0.status == .red } + rows.filter { $0.status == .yellow }
    let table = ReportTable(
      file: "warnings",
      columns: [
        ReportColumn("status", t("灯色", "Light"), compact: true), ReportColumn("org", t("责任单位", "Org"), compact: true),
        ReportColumn("indicator", t("指标", "Indicator")),
        ReportColumn("actual_ytd", t("累计实际", "Actual YTD"), numeric: true),
        ReportColumn("milestone_ytd", t("序时目标", "Milestone YTD"), numeric: true),
        ReportColumn("pace", t("序时进度", "Pace"), numeric: true), ReportColumn("unit", t("单位", "Unit"), compact: true),
        ReportColumn("change", t("较上期", "Since last period"), compact: true), ReportColumn("reason", t("原因", "Reason")),
      ],
      rows: ordered.map { row in
        [
          lightCell(row.status), ReportCell(name(row.org), value: .text(row.org.rawValue)),
          ReportCell(name(row.indicator), value: .text(row.indicator.rawValue)), figureCell(row.actual, row),
          figureCell(row.milestone, row), ReportCell(paceText(row), value: paceValue(row)), ReportCell(unit(row)),
          ReportCell(
            language == .zh ? row.statusChange.zh : row.statusChange.rawValue, value: .text(row.statusChange.rawValue)),
          ReportCell(paceReason(row)),
        ]
      })
    let summary = t(
      "红灯 \(rows.filter { $0.status == .red }.count) 项，黄灯 \(rows.filter { $0.status == .yellow }.count) 项。",
      "\(rows.filter { $0.status == .red }.count) red, \(rows.filter { $0.status == .yellow }.count) yellow.")
    return ReportSection(
      id: "warnings", title: t("四、预警清单", "4. Warnings"), newPage: true,
      blocks: [.paragraph(summary), .table(table)] + taskWarningBlocks(taskStanding))
  }

  /// Missing and late figures, falling year-to-date values, sums that do not add up, outliers.
  func qualitySection() -> ReportSection {
    var rows = [[ReportCell]]()
    for row in cityRows + districtRows {
      for warning in row.warnings where warning.kind != .behindPace {
        rows.append([
          ReportCell(name(row.org), value: .text(row.org.rawValue)),
          ReportCell(name(row.indicator), value: .text(row.indicator.rawValue)),
          ReportCell(qualityWord(warning.kind), value: .text(warning.kind.rawValue)),
          ReportCell(warning.reason.text(in: language)),
        ])
      }
    }
    let table = ReportTable(
      file: "quality",
      columns: [
        ReportColumn("org", t("责任单位", "Org"), compact: true), ReportColumn("indicator", t("指标", "Indicator")),
        ReportColumn("problem", t("问题", "Problem")), ReportColumn("reason", t("说明", "Detail")),
      ], rows: rows)
    let blocks: [ReportBlock] =
      rows.isEmpty
      ? [.paragraph(t("未发现数据质量问题。", "No data-quality problems."))]
      : [.paragraph(t("共 \(rows.count) 条提示。", "\(rows.count) flags.")), .table(table)]
    return ReportSection(id: "quality", title: t("五、数据质量", "5. Data quality"), blocks: blocks)
  }

  func qualityWord(_ kind: MonitoringWarning.Kind) -> String {
    switch kind {
    case .behindPace: t("落后于序时进度", "behind pace")
    case .missing: t("缺报", "missing")
    case .late: t("迟报", "late")
    case .ytdFalls: t("累计值下降", "year to date falls")
    case .sumMismatch: t("区县合计与全市不符", "districts do not add up")
    case .outlierAcrossDistricts: t("增速异常（区县间）", "outlier among districts")
    case .outlierOverTime: t("增速异常（历史）", "outlier against its history")
    case .registerMismatch: t("报送数与名录不符", "count differs from its register")
    }
  }
}
