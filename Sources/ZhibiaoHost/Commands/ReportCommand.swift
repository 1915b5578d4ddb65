import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore

/// `zhibiao report --period 2024Q4 --out DIR` (the quarterly monitoring report) or
/// `zhibiao report --year 2024 --out DIR` (the annual development report).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "监测报告与年度发展报告：HTML（含图表）、Markdown、CSV 与 JSON (the consolidated report).")

  @Option(name: .long, help: "季度监测报告的期间 (a quarterly report), e.g. 2024Q4.")
  var period: String?

  @Option(name: .long, help: "年度发展报告的年份 (an annual report), e.g. 2024.")
  var year: Int?

  @Option(name: .long, help: "输出目录 (the folder to write).")
  var out: String

  @Option(name: .long, help: "加分、扣分、否决与定性评级文件 (assessment events, YAML).")
  var events: String?

  @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD (judge lateness as of this day; default today).")
  var asOf: String?

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  func validate() throws {
    guard (period == nil) != (year == nil) else {
      throw ValidationError("须给出 --period 或 --year 之一 (give either --period or --year).")
    }
  }

  func run() throws {
    let scope: ReportInputs.Scope
    if let year {
      scope = .year(year)
    } else {
      var period = try CommandPlan.period(self.period ?? "")
      if period.quarter == nil { period = .quarter(4, of: period.year) }
      scope = .quarter(period)
    }
    let inputs = try ReportRun.inputs(
      TargetBookLoader.load(configPath: options.config), configPath: options.config, store: try store.open(),
      scope: scope, events: events, asOf: try CommandPlan.day(asOf), caveat: nil)
    let written = try ReportRun.write(inputs, language: options.lang, to: URL(fileURLWithPath: out))
    print(options.lang == .zh ? "报告已写入 \(written.path)/report.html" : "Report written to \(written.path)/report.html")
  }
}

/// Assembles a report's inputs from the configuration and the store, and writes its files.
enum ReportRun {
  /// The inputs of a report on `loaded` (the plan, target book and baselines of `configPath`),
  /// with the assessment when the configuration has a scheme.
  static func inputs(
    _ loaded: TargetBookLoader.Loaded, configPath: String, store: any Store, scope: ReportInputs.Scope,
    events: String?, asOf: Date, caveat: LocalizedText?
  ) throws -> ReportInputs {
    let (plan, book, baselines) = loaded
    let period = scope.period
    if case .quarter = scope {
      try CommandPlan.year(period.year, in: plan, named: "\(period)")
    } else {
      try CommandPlan.year(period.year, in: plan)
    }
    let yearEnds = try ((plan.baseYear + 1)...plan.targetYear).map { year in
      try MonitoringRun.report(
        plan: plan, book: book, baselines: baselines, store: store, period: .quarter(4, of: year), asOf: asOf)
    }
    let monitoring =
      try yearEnds.first { $0.period == period }
      ?? MonitoringRun.report(plan: plan, book: book, baselines: baselines, store: store, period: period, asOf: asOf)
    var assessment: ReportInputs.Assessment?
    let source = DirectoryConfigSource(path: configPath)
    if try source.contents(of: AssessmentFiles.schemeFile) != nil {
      let scheme = try AssessmentFiles.scheme(configPath: configPath, plan: plan)
      let given =
        try events.map { try AssessmentFiles.events(path: $0, plan: plan, scheme: scheme, year: period.year) }
        ?? AssessmentEvents()
      let provisional: Bool
      if case .quarter = scope { provisional = true } else { provisional = false }
      let figures = AssessmentFiles.inputs(
        year: period.year, monitoring: monitoring, events: given, against: provisional ? \.milestone : \.annualTarget)
      let applied = provisional ? dueItems(of: scheme, monitoring: monitoring, plan: plan) : scheme
      assessment = ReportInputs.Assessment(
        result: applied.assess(figures, plan: plan), scheme: applied,
        view: AssessmentConsolidatedView.build(plan: plan, scheme: applied, inputs: figures), provisional: provisional)
    }
    let layout = try ReportLayout.load(configPath: configPath, plan: plan)
    return ReportInputs(
      plan: plan, book: book, scope: scope, monitoring: monitoring, yearEnds: yearEnds, assessment: assessment,
      tiles: layout.tiles, subject: layout.subject, caveat: caveat, asOf: monitoring.asOf)
  }

  /// The scheme a quarter's provisional standing uses: only the indicator items with a
  /// year-to-date milestone at the quarter; the weight of the others (annual figures, graded
  /// tasks) is shared among them by the scheme's own rule for items that do not apply.
  static func dueItems(of scheme: AssessmentScheme, monitoring: MonitoringReport, plan: Plan) -> AssessmentScheme {
    let due = Set(monitoring.rows.filter { $0.milestone != nil }.map(\.indicator))
    var applied = scheme
    for index in applied.sections.indices {
      applied.sections[index].items.removeAll { item in item.indicator.map { !due.contains($0) } ?? true }
      if var owned = applied.sections[index].owned {
        owned.exclude += plan.indicators.map(\.id).filter { !due.contains($0) && !owned.exclude.contains($0) }
        applied.sections[index].owned = owned
      }
    }
    return applied
  }

  /// Writes every file of the report into `folder`, replacing an earlier report there.
  @discardableResult
  static func write(_ inputs: ReportInputs, language: Language, to folder: URL) throws -> URL {
    let document = ReportBuilder(inputs, language: language).build()
    let manager = FileManager.default
    try manager.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    for file in document.files() {
      try file.contents.write(to: folder.appendingPathComponent(file.path), options: .atomic)
    }
    return folder
  }
}
