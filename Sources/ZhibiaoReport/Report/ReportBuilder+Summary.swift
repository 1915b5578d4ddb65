import ZhibiaoCharts
import ZhibiaoKernel

extension ReportBuilder {
  /// The headline figures, each shown on the page and written to `summary.json`.
  func summaryFigures() -> [ReportFigure] {
    func count(_ rows: [MonitoringRow], _ status: PaceStatus) -> Int { rows.filter { $0.status == status }.count }
    let judged = cityRows.filter { $0.status != .grey }.count
    let green = count(cityRows, .green)
    let share = judged == 0 ? nil : Double(green) / Double(judged)
    let allRows = cityRows + districtRows
    var figures = [
      ReportFigure(
        key: "indicators", label: t("监测指标（全市）", "Indicators monitored (city)"), value: .integer(cityRows.count),
        display: "\(cityRows.count)", status: nil),
      ReportFigure(
        key: "on_pace", label: t("达到序时进度", "On pace"), value: .integer(green), display: "\(green)",
        status: .green),
      ReportFigure(
        key: "behind", label: t("落后（黄灯）", "Behind (yellow)"), value: .integer(count(cityRows, .yellow)),
        display: "\(count(cityRows, .yellow))", status: .yellow),
      ReportFigure(
        key: "far_behind", label: t("明显落后（红灯）", "Far behind (red)"), value: .integer(count(cityRows, .red)),
        display: "\(count(cityRows, .red))", status: .red),
      ReportFigure(
        key: "no_data", label: t("无数据", "No data"), value: .integer(count(cityRows, .grey)),
        display: "\(count(cityRows, .grey))", status: .grey),
      ReportFigure(
        key: "on_pace_share", label: t("有数据指标中达到序时进度的比例", "Share on pace, of those with data"),
        value: share.map { .number(($0 * 1000).rounded() / 10) } ?? .null,
        display: ReportNumber.percent(share), status: nil),
      ReportFigure(
        key: "red_warnings", label: t("红灯预警（全市与区县）", "Red warnings (city and districts)"),
        value: .integer(count(allRows, .red)), display: "\(count(allRows, .red))", status: .red),
      ReportFigure(
        key: "yellow_warnings", label: t("黄灯预警（全市与区县）", "Yellow warnings (city and districts)"),
        value: .integer(count(allRows, .yellow)), display: "\(count(allRows, .yellow))", status: .yellow),
      ReportFigure(
        key: "quality_problems", label: t("数据质量提示", "Data-quality flags"),
        value: .integer(allRows.reduce(0) { $0 + $1.flags.count }),
        display: "\(allRows.reduce(0) { $0 + $1.flags.count })", status: nil),
    ]
    if let assessment = inputs.assessment, !assessment.provisional {
      let view = assessment.view
      let counted = view.indicators.filter { $0.status != .noData }.count
      figures.append(
        ReportFigure(
          key: "targets_met", label: t("达到年度目标的指标", "Indicators meeting the year's target"),
          value: .integer(view.met), display: "\(view.met)", status: nil))
      figures.append(
        ReportFigure(
          key: "targets_judged", label: t("有数据或已评定的指标", "Indicators with figures or grades"),
          value: .integer(counted), display: "\(counted)", status: nil))
    }
    return figures
  }

  /// The summary page, opening with `figures`.
  func summarySection(_ figures: [ReportFigure]) -> ReportSection {
    var blocks: [ReportBlock] = [.figures(figures)]
    blocks.append(.paragraph(headline()))
    let reasons = laggardReasons()
    if !reasons.isEmpty { blocks.append(.bullets(reasons)) }
    blocks.append(
      .note(
        t(
          "各区县下一季度（\(nextPeriod.zh)）须达到的累计目标，见“六、区县分页”及 data/next_quarter.csv。",
          "What each district must reach next quarter (\(nextPeriod), year to date) is on its page under "
            + "“6. Districts”, and in data/next_quarter.csv.")))
    blocks.append(.heading(t("“1+4+3”目标体系", "The 1+4+3 goals")))
    blocks.append(.table(goalTable()))
    blocks.append(.chart(svg: tileMap().svg(), caption: tileCaption))
    let red = (cityRows + districtRows).filter { $0.status == .red }
    if !red.isEmpty {
      blocks.append(.heading(t("红灯预警（前 10 项）", "Red warnings (first 10)")))
      blocks.append(
        .bullets(
          red.prefix(10).map { row in "\(name(row.org)) · \(name(row.indicator))\(colon)\(paceReason(row))" }
            + (red.count > 10 ? [t("另有 \(red.count - 10) 项，见“预警清单”。", "\(red.count - 10) more under Warnings.")] : [])))
    }
    return ReportSection(id: "summary", title: t("一、总体情况", "1. Summary"), blocks: blocks)
  }

  /// One paragraph a reader can stop after: goals behind, leaders and laggards.
  func headline() -> String {
    let behindGoals = plan.goals.filter { goal in
      cityRows.contains { goal.indicators.contains($0.indicator) && ($0.status == .red || $0.status == .yellow) }
    }
    var sentences = [String]()
    if behindGoals.isEmpty {
      sentences.append(t("目标体系各组指标均达到序时进度或无数据。", "Every goal group is on pace or without data."))
    } else {
      let names = behindGoals.map { $0.name.text(in: language) }.joined(separator: t("、", ", "))
      sentences.append(t("落后于序时进度的目标组：\(names)。", "Goal groups behind pace: \(names)."))
    }
    let standing = districtStanding()
    if standing.count >= 2 {
      let top = standing.prefix(3).map(\.text).joined(separator: t("、", ", "))
      let bottom = standing.suffix(3).reversed().map(\.text).joined(separator: t("、", ", "))
      sentences.append(t("领先的区县：\(top)；落后的区县：\(bottom)。", "Leading districts: \(top); lagging: \(bottom)."))
    }
    return sentences.joined(separator: language == .zh ? "" : " ")
  }

  /// Why the three last districts lag: their red lights and missing figures, by name.
  func laggardReasons() -> [String] {
    districtStanding().suffix(3).reversed().map { org, _ in
      let rows = districtRows.filter { $0.org == org }
      let missing = rows.filter { $0.flags.contains(.missing) }.map { name($0.indicator) }
      let red = rows.filter { $0.status == .red && !$0.flags.contains(.missing) }.map { name($0.indicator) }
      let yellow = rows.filter { $0.status == .yellow }.map { name($0.indicator) }
      var parts = [String]()
      if !missing.isEmpty { parts.append(t("\(missing.count) 项缺报", "\(missing.count) figures missing")) }
      if !red.isEmpty { parts.append(t("红灯：", "red: ") + red.joined(separator: t("、", ", "))) }
      if !yellow.isEmpty { parts.append(t("黄灯：", "yellow: ") + yellow.joined(separator: t("、", ", "))) }
      if parts.isEmpty { parts.append(t("各项指标均达到序时进度", "every figure on pace")) }
      return name(org) + colon + parts.joined(separator: t("；", "; "))
    }
  }

  /// Districts best first: by the assessment when there is one, else by the share on pace.
  func districtStanding() -> [(org: OrgID, text: String)] {
    if let section = inputs.assessment?.result.section(for: .district) {
      return section.scorecards.map { card in
        (
          card.org,
          name(card.org)
            + bracketed("\(card.total) \(t("分", "points"))\(t("，", ", "))\(card.grade.name.text(in: language))")
        )
      }
    }
    return plan.districts.map { district in (district.id, districtShare(district.id)) }
      .sorted { ($0.1 ?? -1) > ($1.1 ?? -1) }
      .map { ($0.0, name($0.0) + bracketed(ReportNumber.percent($0.1))) }
  }

  /// The share of a district's figures that are on pace; a figure that is missing counts as
  /// not on pace, a row that cannot be judged for another reason is left out.
  func districtShare(_ org: OrgID) -> Double? {
    let rows = districtRows.filter { $0.org == org && ($0.status != .grey || $0.flags.contains(.missing)) }
    guard !rows.isEmpty else { return nil }
    return Double(rows.filter { $0.status == .green }.count) / Double(rows.count)
  }

  /// A district's overall light: green when at least 80 % of its figures are on pace, yellow at
  /// 60 % or more, red below, grey without figures.
  func districtLight(_ org: OrgID) -> PaceStatus {
    guard let share = districtShare(org) else { return .grey }
    return share >= 0.8 ? .green : share >= 0.6 ? .yellow : .red
  }

  var tileCaption: String {
    t(
      "区县综合灯色：应报指标中达到序时进度的比例 ≥80% 为绿，60%–80% 为黄，<60% 为红（缺报按未达到计），无数据为灰。方位示意，不按比例。",
      "A district's light: green when at least 80% of its due figures are on pace, yellow from 60%, red below "
        + "(a missing figure counts as not on pace), grey without data. Positions are schematic.")
  }

  func tileMap() -> TileMap {
    let districts = plan.districts
    let columns = Int(Double(districts.count).squareRoot().rounded(.up))
    let firstFreeRow = (inputs.tiles.values.map(\.row).max() ?? -1) + 1
    let unplaced = districts.filter { inputs.tiles[$0.id] == nil }.map(\.id)
    let tiles = districts.map { district in
      let index = unplaced.firstIndex(of: district.id) ?? 0
      let place =
        inputs.tiles[district.id]
        ?? ReportInputs.TilePosition(row: firstFreeRow + index / columns, column: index % columns)
      let rows = districtRows.filter { $0.org == district.id }
      let red = rows.filter { $0.status == .red }.count
      let yellow = rows.filter { $0.status == .yellow }.count
      let missing = rows.filter { $0.flags.contains(.missing) }.count
      let detail =
        missing > 0
        ? t("缺报 \(missing)", "missing \(missing)") : t("红 \(red) · 黄 \(yellow)", "red \(red) · yellow \(yellow)")
      return TileMap.Tile(
        label: district.name.text(in: language), row: place.row, column: place.column,
        status: chartStatus(districtLight(district.id)), detail: detail)
    }
    return TileMap(
      title: t("区县序时进度（\(period.zh)）", "Districts against pace (\(periodText))"),
      xAxisLabel: t("西 ← → 东", "west ← → east"), yAxisLabel: t("↑ 北", "↑ north"), tiles: tiles,
      statusNames: statusNames)
  }

  /// Each goal group's indicators with their city figures and light.
  func goalTable() -> ReportTable {
    var columns = [
      ReportColumn("goal", t("目标组", "Goal group")), ReportColumn("indicator", t("指标", "Indicator")),
      ReportColumn("actual_ytd", t("累计实际", "Actual YTD"), numeric: true),
      ReportColumn("annual_target", t("年度目标", "Annual target"), numeric: true),
      ReportColumn("unit", t("单位", "Unit"), compact: true), ReportColumn("pace", t("序时进度", "Pace"), numeric: true),
      ReportColumn("status", t("灯色", "Light"), compact: true),
    ]
    let view = inputs.assessment.flatMap { $0.provisional ? nil : $0.view }
    if view != nil { columns.append(ReportColumn("verdict", t("年度完成情况", "The year's result"))) }
    var rows = [[ReportCell]]()
    for goal in plan.goals {
      let kind = language == .zh ? goal.kind.zh : goal.kind.rawValue
      let group =
        goal.name.text(in: language) == kind ? kind : "\(kind) · \(goal.name.text(in: language))"
      for id in goal.indicators {
        let row = cityRows.first { $0.indicator == id }
        var cells = [
          ReportCell(group, value: .text(goal.id.rawValue)), ReportCell(name(id), value: .text(id.rawValue)),
        ]
        if let row {
          cells += [
            figureCell(row.actual, row), figureCell(row.annualTarget, row), ReportCell(unit(row)),
            ReportCell(paceText(row), value: paceValue(row)), lightCell(row),
          ]
        } else {
          cells += [
            ReportCell("—", value: .null), ReportCell("—", value: .null),
            ReportCell(plan.indicator(id)?.unit ?? ""), ReportCell("—", value: .null),
            plan.indicator(id)?.kind == .qualitative
              ? ReportCell(t("定性", "qualitative"), value: .text("qualitative"))
              : ReportCell(t("本期不监测", "not due"), value: .text("not_due")),
          ]
        }
        if let view {
          let status = view.indicators.first { $0.indicator == id }
          cells.append(
            ReportCell(status?.explanation.text(in: language) ?? "—", value: .text(status?.status.rawValue ?? "")))
        }
        rows.append(cells)
      }
    }
    return ReportTable(file: "goals", columns: columns, rows: rows)
  }
}
