import ZhibiaoCharts
import ZhibiaoKernel

extension ReportBuilder {
  /// The next quarter after the period monitored, whose year-to-date targets districts must reach.
  var nextPeriod: Period {
    let quarter = period.quarter ?? 4
    return quarter == 4 ? .quarter(1, of: period.year + 1) : .quarter(quarter + 1, of: period.year)
  }

  /// One page per district: its lights, its figures, its scorecard and next quarter's targets.
  func districtPages() -> [ReportSection] {
    let standing = taskStanding
    return plan.districts.enumerated().map { index, district in
      let rows = districtRows.filter { $0.org == district.id }
      var blocks = [ReportBlock]()
      let tally = PaceStatus.allCases.map { status in
        "\(lightWord(status)) \(rows.filter { $0.status == status }.count)"
      }.joined(separator: t("，", ", "))
      var summary = t(
        "综合灯色：\(lightWord(districtLight(district.id)))（\(tally)）。",
        "Overall: \(lightWord(districtLight(district.id))) (\(tally)).")
      if let card = inputs.assessment?.result.scorecard(for: district.id) {
        summary += t(
          "考核得分 \(card.total) 分\(card.isProvisional ? "（暂估）" : "")，\(card.grade.name.zh)，第 \(card.rank) 名（\(rankChange(card))）。",
          " Score \(card.total)\(card.isProvisional ? " (provisional)" : ""), \(card.grade.name.en), rank \(card.rank) "
            + "(\(rankChange(card))).")
      }
      blocks.append(.paragraph(summary))

      let behind = rows.filter { $0.status == .red || $0.status == .yellow }
      if !behind.isEmpty {
        blocks.append(
          .bullets(behind.map { "\(lightWord($0.status)) · \(name($0.indicator))\(colon)\(paceReason($0))" }))
      }
      blocks.append(.table(indicatorTable(rows, file: nil, withOrg: false)))
      if let card = inputs.assessment?.result.scorecard(for: district.id) { blocks += scorecardBlocks(card) }
      blocks.append(.heading(t("下一季度目标（\(nextPeriod.zh)累计）", "Next quarter's targets (\(nextPeriod), year to date)")))
      blocks.append(.table(nextQuarterTable(district.id)))
      blocks += districtTaskBlocks(district.id, standing: standing)
      return ReportSection(
        id: "district-\(district.id.rawValue)",
        title: t("六-\(index + 1)、\(district.name.zh)", "6.\(index + 1) \(district.name.en)"), newPage: true,
        blocks: blocks, group: t("六、区县分页", "6. Districts"), shortTitle: district.name.text(in: language))
    }
  }

  /// The scorecard item by item, each with the numbers and the rule that gave its points.
  func scorecardBlocks(_ card: Scorecard) -> [ReportBlock] {
    let table = ReportTable(
      file: nil,
      columns: [
        ReportColumn("item", t("考核项", "Item")), ReportColumn("weight", t("分值", "Weight"), numeric: true),
        ReportColumn("points", t("得分", "Points"), numeric: true), ReportColumn("explanation", t("计算", "How")),
      ],
      rows: card.items.map { item in
        [
          ReportCell(item.name.text(in: language), value: .text(item.id)), decimalCell(item.weight),
          decimalCell(item.points), ReportCell(item.explanation.text(in: language)),
        ]
      })
    return [
      .heading(t("考核评分表", "Scorecard")),
      .paragraph(
        card.totalExplanation.text(in: language)
          + (card.missingNote.map { t("（", " (") + $0.text(in: language) + t("）", ")") } ?? "")),
      .table(table),
      .bullets(
        [card.bonus.explanation, card.deduction.explanation, card.gradeExplanation].map { $0.text(in: language) }
          + (card.rankNote.map { [$0.text(in: language)] } ?? [])),
    ]
  }

  /// The year-to-date targets of the next quarter for an org, from the target book.
  func nextQuarterTable(_ org: OrgID) -> ReportTable {
    ReportTable(
      file: nil,
      columns: [
        ReportColumn("indicator", t("指标", "Indicator")),
        ReportColumn("target", t("累计目标", "Target YTD"), numeric: true),
        ReportColumn("unit", t("单位", "Unit"), compact: true),
      ],
      rows: nextQuarterEntries(org).map { indicator, entry in
        [
          ReportCell(indicator.name.text(in: language), value: .text(indicator.id.rawValue)),
          ReportCell(
            entry.value.map { DecimalArithmetic.text($0, step: indicator.precision) } ?? "—",
            value: .decimal(entry.value)),
          ReportCell(indicator.unit ?? ""),
        ]
      })
  }

  func nextQuarterEntries(_ org: OrgID) -> [(Indicator, TargetBook.Entry)] {
    plan.indicators.compactMap { indicator in
      inputs.book.target(indicator.id, org, nextPeriod).map { (indicator, $0) }
    }
  }

  /// Every district's next-quarter targets in one data table.
  func nextQuarterData() -> ReportTable {
    var rows = [[ReportCell]]()
    for district in plan.districts {
      for (indicator, entry) in nextQuarterEntries(district.id) {
        rows.append([
          ReportCell(name(district.id), value: .text(district.id.rawValue)),
          ReportCell(indicator.name.text(in: language), value: .text(indicator.id.rawValue)),
          ReportCell(nextPeriod.description),
          ReportCell(
            entry.value.map { DecimalArithmetic.text($0, step: indicator.precision) } ?? "—",
            value: .decimal(entry.value)),
          ReportCell(indicator.unit ?? ""),
        ])
      }
    }
    return ReportTable(
      file: "next_quarter",
      columns: [
        ReportColumn("org", t("区县", "District"), compact: true), ReportColumn("indicator", t("指标", "Indicator")),
        ReportColumn("period", t("期间", "Period")), ReportColumn("target", t("累计目标", "Target YTD"), numeric: true),
        ReportColumn("unit", t("单位", "Unit"), compact: true),
      ], rows: rows)
  }

  /// One page per lead bureau: the city figures of the indicators it owns, and its scorecard.
  func bureauPages() -> [ReportSection] {
    let bureaus = plan.orgs.filter { $0.kind == .bureau }
    return bureaus.enumerated().compactMap { index, bureau in
      let rows = cityRows.filter { $0.org == bureau.id }
      let card = inputs.assessment?.result.scorecard(for: bureau.id)
      guard !rows.isEmpty || card != nil else { return nil }
      var blocks = [ReportBlock]()
      let domains = plan.domains.filter { $0.lead == bureau.id }.map { $0.name.text(in: language) }
      if !domains.isEmpty {
        blocks.append(.paragraph(t("牵头领域：", "Leads: ") + domains.joined(separator: t("、", ", "))))
      }
      blocks.append(.table(indicatorTable(rows, file: nil, withOrg: false)))
      if let card { blocks += scorecardBlocks(card) }
      return ReportSection(
        id: "bureau-\(bureau.id.rawValue)",
        title: t("七-\(index + 1)、\(bureau.name.zh)", "7.\(index + 1) \(bureau.name.en)"), newPage: true,
        blocks: blocks, group: t("七、牵头部门分页", "7. Lead bureaus"), shortTitle: bureau.name.text(in: language))
    }
  }
}
