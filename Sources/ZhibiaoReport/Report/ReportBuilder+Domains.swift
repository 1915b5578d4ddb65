import ZhibiaoCharts
import ZhibiaoKernel

extension ReportBuilder {
  /// Each domain's progress against its targets, on the city figures.
  func domainsSection() -> ReportSection {
    var blocks = [ReportBlock]()
    let standing = taskStanding
    var groups: [(id: DomainID?, name: String, lead: String?)] = plan.domains.map {
      ($0.id, $0.name.text(in: language), name($0.lead))
    }
    if cityRows.contains(where: { $0.domain == nil }) {
      groups.insert((nil, t("总体与融合发展", "Plan-level indicators"), nil), at: 0)
    }
    for (index, group) in groups.enumerated() {
      let rows = cityRows.filter { $0.domain == group.id }
      guard !rows.isEmpty else { continue }
      let lead = group.lead.map { t("（牵头：\($0)）", " (lead: \($0))") } ?? ""
      blocks.append(.heading("\(index + 1). \(group.name)\(lead)"))
      let counts = PaceStatus.allCases.map { status in
        "\(lightWord(status)) \(rows.filter { $0.status == status }.count)"
      }
      blocks.append(.paragraph(t("全市指标灯色：", "City lights: ") + counts.joined(separator: t("，", ", ")) + t("。", ".")))
      blocks.append(.chart(svg: progressChart(rows, title: group.name).svg(), caption: progressCaption))
      blocks.append(.table(indicatorTable(rows, file: nil, withOrg: false)))
      let paths = rows.filter { row in plan.goals.contains { $0.indicators.contains(row.indicator) } }
        .compactMap { pathChart($0.indicator)?.svg() }
      if !paths.isEmpty { blocks.append(.charts(paths, caption: pathCaption)) }
      if let domain = group.id { blocks += taskBlocks(domain, standing: standing) }
    }
    blocks.append(.note(t("全部监测数据（含各区县）见 data/monitoring.csv。", "Every row, districts included: data/monitoring.csv.")))
    return ReportSection(
      id: "domains", title: t("二、分领域进展", "2. Progress by domain"), newPage: true, blocks: blocks)
  }

  var progressCaption: String {
    t(
      "条形为累计实际占年度目标的比例，竖线为序时进度（按季节性累计占比应达到的比例）；越线为绿，落后越多越红。",
      "Bars: actual year to date as a share of the annual target; the tick: where pace puts it now (the seasonal "
        + "cumulative share).")
  }

  func progressChart(_ rows: [MonitoringRow], title: String) -> ProgressChart {
    ProgressChart(
      title: t("\(title)：完成年度目标进度（\(period.zh)）", "\(title): progress to the annual target (\(periodText))"),
      axisLabel: t("占年度目标 (%)", "Share of the annual target (%)"), categoryLabel: t("指标", "Indicator"),
      paceLabel: t("序时进度", "Pace mark"),
      bars: rows.map { row in
        let (progress, pace) = progress(row)
        let figure = row.actual.map { "\(ReportNumber.figure($0, plan.indicator(row.indicator))) \(unit(row))" } ?? "—"
        return ProgressChart.Bar(
          label: name(row.indicator), progress: progress, pace: pace, status: chartStatus(row.status),
          valueLabel: "\(ReportNumber.percent(progress)) · \(figure)")
      }, statusNames: statusNames)
  }

  /// Rows as a table: the figures, pace, light, projection and the reason of any warning.
  func indicatorTable(_ rows: [MonitoringRow], file: String?, withOrg: Bool) -> ReportTable {
    var columns = [ReportColumn]()
    if withOrg { columns.append(ReportColumn("org", t("责任单位", "Org"), compact: true)) }
    columns += [
      ReportColumn("indicator", t("指标", "Indicator")), ReportColumn("unit", t("单位", "Unit"), compact: true),
      ReportColumn("actual_ytd", t("累计实际", "Actual YTD"), numeric: true),
      ReportColumn("milestone_ytd", t("序时目标", "Milestone YTD"), numeric: true),
      ReportColumn("annual_target", t("年度目标", "Annual target"), numeric: true),
      ReportColumn("pace", t("序时进度", "Pace"), numeric: true), ReportColumn("status", t("灯色", "Light"), compact: true),
      ReportColumn("projection", t("年末预计", "Year-end projection"), numeric: true),
      ReportColumn("reason", t("说明", "Reason")),
    ]
    return ReportTable(
      file: file, columns: columns,
      rows: rows.map { row in
        var cells = [ReportCell]()
        if withOrg { cells.append(ReportCell(name(row.org), value: .text(row.org.rawValue))) }
        let indicator = plan.indicator(row.indicator)
        let projection = row.projection.flatMap { projection in
          projection.low.map {
            "\(ReportNumber.figure($0, indicator))–\(ReportNumber.figure(projection.high, indicator))"
          }
        }
        cells += [
          ReportCell(name(row.indicator), value: .text(row.indicator.rawValue)), ReportCell(unit(row)),
          figureCell(row.actual, row), figureCell(row.milestone, row), figureCell(row.annualTarget, row),
          ReportCell(paceText(row), value: paceValue(row)), lightCell(row),
          ReportCell(projection ?? "—", value: projection.map { .text($0) } ?? .null),
          ReportCell(row.warnings.map { $0.reason.text(in: language) }.joined(separator: t("；", "; "))),
        ]
        return cells
      })
  }

  /// A headline indicator's city figure at each year end against its target path to the target
  /// year, in the target's own measure.
  func pathChart(_ indicator: IndicatorID) -> PathChart? {
    let years = inputs.yearEnds.compactMap { report in
      report.rows.first { $0.isCity && $0.indicator == indicator }.map { (report.period.year, $0) }
    }
    guard years.count >= 2, let first = years.first?.1 else { return nil }
    let measure =
      switch first.measure {
      case .increase: t("（较基期增量）", " (increase on the base year)")
      case .cumulative: t("（累计新增）", " (cumulative addition)")
      case .averageAnnual: t("（年均）", " (average annual)")
      default: ""
      }
    return PathChart(
      title: t("\(name(indicator))：实际与目标路径", "\(name(indicator)): actual against the target path"),
      periods: years.map { String($0.0) }, xAxisLabel: t("年份", "Year"),
      yAxisLabel: (first.unit ?? "") + measure,
      target: PathChart.Series(
        name: t("目标路径", "Target path"), values: years.map { $0.1.annualTarget.map(DecimalArithmetic.double) }),
      actual: PathChart.Series(
        name: t("实际（年末）", "Actual (year end)"),
        values: years.map { year, row in
          year <= period.year && row.period <= period ? row.actual.map(DecimalArithmetic.double) : nil
        }))
  }

  var pathCaption: String {
    t(
      "虚线为目标分解表中各年度的全市目标，实线为各年 1-12 月实际值（\(period.year) 年以后尚无数据）。",
      "Dashed: the city's target for each year in the target book; solid: the actual at each year end.")
  }
}
