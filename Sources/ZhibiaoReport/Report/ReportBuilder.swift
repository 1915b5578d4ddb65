import Foundation
import ZhibiaoCharts
import ZhibiaoKernel

/// Builds the report document from its inputs, in one language.
public struct ReportBuilder {
  let inputs: ReportInputs
  let language: Language
  let plan: Plan
  /// The city rows (each indicator's figure for the whole city), in plan order.
  let cityRows: [MonitoringRow]
  /// The districts' rows, in plan order.
  let districtRows: [MonitoringRow]

  public init(_ inputs: ReportInputs, language: Language) {
    self.inputs = inputs
    self.language = language
    self.plan = inputs.plan
    let districts = Set(inputs.plan.districts.map(\.id))
    cityRows = inputs.monitoring.rows.filter(\.isCity)
    districtRows = inputs.monitoring.rows.filter { !$0.isCity && districts.contains($0.org) }
  }

  /// The report.
  public func build() -> ReportDocument {
    let figures = summaryFigures()
    var sections = [summarySection(figures)]
    sections.append(domainsSection())
    if let ranking = rankingSection() { sections.append(ranking) }
    var warnings = warningsSection()
    warnings.blocks += noticeBlocks()
    sections.append(warnings)
    sections.append(qualitySection())
    sections += districtPages()
    sections += bureauPages()
    sections.append(methodsSection())
    return ReportDocument(
      title: title, subtitle: subtitle, caveat: inputs.caveat?.text(in: language), language: language,
      figures: figures, sections: sections,
      data: [
        indicatorTable(cityRows + districtRows, file: "monitoring", withOrg: true), nextQuarterData(),
        taskData(taskStanding),
      ],
      facts: facts)
  }

  /// The summary and the ranking alone — the headline figures, the 1+4+3 goals, the tile map and
  /// the assessment's ranking — for a page that shows only those (the web app's board): the
  /// domain, district and bureau pages are left out, and so is the data of the whole report.
  public func buildSummary() -> ReportDocument {
    let figures = summaryFigures()
    var sections = [summarySection(figures)]
    if let ranking = rankingSection() { sections.append(ranking) }
    return ReportDocument(
      title: title, subtitle: subtitle, caveat: inputs.caveat?.text(in: language), language: language,
      figures: figures, sections: sections, data: [], facts: facts)
  }

  // MARK: - Words

  func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// "：" in Chinese, ": " in English.
  var colon: String { t("：", ": ") }

  /// `text` in brackets: full-width in Chinese.
  func bracketed(_ text: String) -> String { t("（\(text)）", " (\(text))") }

  func name(_ org: OrgID) -> String { plan.org(org)?.name.text(in: language) ?? org.rawValue }

  func name(_ indicator: IndicatorID) -> String {
    plan.indicator(indicator)?.name.text(in: language) ?? indicator.rawValue
  }

  var period: Period { inputs.scope.period }

  var periodText: String {
    switch inputs.scope {
    case .quarter(let period):
      language == .zh ? period.zh : "January–\(monthName(period.months)) \(period.year)"
    case .year(let year): t("\(year)年", "\(year)")
    }
  }

  func monthName(_ month: Int) -> String {
    [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December",
    ][max(0, min(11, month - 1))]
  }

  var title: String {
    switch inputs.scope {
    case .quarter(let period):
      t(
        "\(subject.zh)发展监测报告（\(period.year)年第\(quarterWord(period.quarter ?? 4))季度）",
        "\(subject.en): monitoring report, \(period.year) Q\(period.quarter ?? 4)")
    case .year(let year):
      t("\(subject.zh)\(year)年度发展报告", "\(subject.en): annual development report \(year)")
    }
  }

  /// What the report is about, e.g. 杭州市生产性服务业: the layout's subject, else the plan's name.
  var subject: LocalizedText { inputs.subject ?? plan.name }

  func quarterWord(_ quarter: Int) -> String { ["一", "二", "三", "四"][max(0, min(3, quarter - 1))] }

  var subtitle: String {
    let asOf = inputs.asOf.map { t("，数据截至 \($0)", "; figures as of \($0)") } ?? ""
    return t(
      "依据《\(plan.name.zh)》（基期 \(plan.baseYear) 年，目标年 \(plan.targetYear) 年）；监测期 \(period.zh)\(asOf)",
      "Under the \(plan.name.en) (base year \(plan.baseYear), target year \(plan.targetYear)); "
        + "period monitored \(periodText)\(asOf)")
  }

  var facts: [ReportFact] {
    let scope: String
    switch inputs.scope {
    case .quarter: scope = "quarter"
    case .year: scope = "year"
    }
    return [
      ReportFact(key: "plan", value: .text(plan.id.rawValue)),
      ReportFact(key: "scope", value: .text(scope)),
      ReportFact(key: "period", value: .text(period.description)),
      ReportFact(key: "as_of", value: inputs.asOf.map { .text($0) } ?? .null),
      ReportFact(key: "language", value: .text(language.rawValue)),
      ReportFact(key: "title", value: .text(title)),
      ReportFact(key: "targets_version", value: inputs.monitoring.targets.map { .text("\($0.version)") } ?? .null),
      ReportFact(key: "targets_document", value: inputs.monitoring.targets.map { .text($0.document) } ?? .null),
      ReportFact(key: "targets_sha256", value: inputs.monitoring.targets.map { .text($0.hash) } ?? .null),
    ]
  }

  // MARK: - Lights

  func chartStatus(_ status: PaceStatus) -> ChartStatus { ChartStatus(rawValue: status.rawValue) ?? .grey }

  func lightWord(_ status: PaceStatus) -> String {
    switch status {
    case .green: t("绿", "green")
    case .yellow: t("黄", "yellow")
    case .red: t("红", "red")
    case .grey: t("灰·无数据", "grey · no data")
    }
  }

  var statusNames: StatusNames {
    let yellow = ReportNumber.plain(plan.monitoringSettings.bands.yellowPoints)
    return StatusNames([
      .green: t("绿：达到序时进度", "green: on pace"),
      .yellow: t("黄：落后 ≤\(yellow) 个百分点", "yellow: ≤\(yellow) points behind"),
      .red: t("红：落后 >\(yellow) 个百分点", "red: >\(yellow) points behind"),
      .grey: t("灰：无数据", "grey: no data"),
    ])
  }

  func lightCell(_ status: PaceStatus) -> ReportCell {
    ReportCell(lightWord(status), value: .text(status.rawValue), light: chartStatus(status))
  }

  /// A row's light; grey for a figure not in, with its reporting state and due day: "灰·未报（截止
  /// 2025-01-20）".
  func lightCell(_ row: MonitoringRow) -> ReportCell {
    guard row.status == .grey, row.reporting.isAbsent, let note = row.reportingNote else {
      return lightCell(row.status)
    }
    return ReportCell(
      "\(t("灰", "grey"))·\(note.text(in: language))", value: .text(row.status.rawValue), light: chartStatus(row.status))
  }

  // MARK: - Row figures

  /// Pace as people read it: a percentage of the year-to-date expectation for amounts, points
  /// ahead (+) or behind (−) for rates.
  func paceText(_ row: MonitoringRow) -> String {
    if row.isRate { return ReportNumber.points(row.pointsBehind.map { -$0 }, language: language) }
    return ReportNumber.percent(row.pace)
  }

  func paceValue(_ row: MonitoringRow) -> ReportValue {
    row.isRate ? .number(row.pointsBehind.map { -$0 }) : .number(row.pace)
  }

  func figureCell(_ value: Decimal?, _ row: MonitoringRow) -> ReportCell {
    ReportCell(ReportNumber.figure(value, plan.indicator(row.indicator)), value: .decimal(value))
  }

  /// Progress towards the annual target as a fraction, and where pace puts it now.
  /// The progress is computed in decimals from the stated figures; the pace mark from the
  /// expected figure, itself computed (annual target × S_q).
  func progress(_ row: MonitoringRow) -> (progress: Double?, pace: Double?) {
    guard let target = row.annualTarget, target != 0 else { return (nil, nil) }
    let lower = plan.indicator(row.indicator)?.direction == .lower
    func share(_ value: Decimal?) -> Double? {
      guard let value else { return nil }
      if lower { return value > 0 ? DecimalArithmetic.double(target / value) : nil }
      return DecimalArithmetic.double(value / target)
    }
    guard let expected = row.expected else { return (share(row.actual), share(row.milestone)) }
    let annual = DecimalArithmetic.double(target)
    let pace = lower ? (expected > 0 ? annual / expected : nil) : expected / annual
    return (share(row.actual), pace.flatMap { $0.isFinite ? $0 : nil })
  }

  /// Why a row is yellow or red, in the reader's language.
  func paceReason(_ row: MonitoringRow) -> String {
    row.warnings.first { $0.kind == .behindPace }?.reason.text(in: language) ?? ""
  }

  func unit(_ row: MonitoringRow) -> String { row.unit ?? "" }
}
