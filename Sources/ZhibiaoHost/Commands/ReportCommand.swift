import ArgumentParser
import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore

/// `zhibiao report --period 2024Q4 --out DIR` (the quarterly monitoring report) or
/// `zhibiao report --year 2024 --out DIR` (the annual development report).
struct ReportCommand: AsyncParsableCommand {
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

  @Flag(name: .long, help: "同时用 Chromium 打印 report.pdf（A4，页眉页码）(also print report.pdf with headless Chromium).")
  var pdf = false

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions
  @OptionGroup var force: ForceOption

  func validate() throws {
    guard (period == nil) != (year == nil) else {
      throw ValidationError("须给出 --period 或 --year 之一 (give either --period or --year).")
    }
  }

  func run() async throws {
    let scope: ReportInputs.Scope
    if let year {
      scope = .year(year)
    } else {
      scope = .quarter(Workspace.yearToDate(try CommandPlan.period(self.period ?? "")))
    }
    // Chromium is looked for first: a missing one is said before any work is done.
    let chromium = pdf ? try PDFPrinter.chromium() : nil
    let workspace = try CommandWorkspace.load(options)
    // The period is checked before the store is opened: a wrong year says so, whatever the store.
    if case .quarter(let period) = scope {
      try CommandPlan.year(period.year, in: workspace.plan, named: "\(period)")
    } else {
      try CommandPlan.year(scope.period.year, in: workspace.plan)
    }
    let inputs = try await ReportRun.inputs(
      CommandWorkspace.pipeline(workspace, store), scope: scope, events: events, asOf: try CommandPlan.day(asOf),
      caveat: nil)
    let written = try ReportRun.write(inputs, language: options.lang, to: URL(fileURLWithPath: out), force: force.force)
    print(options.lang == .zh ? "报告已写入 \(written.path)/report.html" : "Report written to \(written.path)/report.html")
    if let chromium {
      let page = written.appendingPathComponent("report.html")
      let printed = written.appendingPathComponent("report.pdf")
      try PDFPrinter.print(page, to: printed, chromium: chromium)
      print(options.lang == .zh ? "PDF 已写入 \(printed.path)" : "PDF written to \(printed.path)")
    }
  }
}

/// Assembles a report's inputs from the configuration and the store, and writes its files.
enum ReportRun {
  /// The inputs of a report on `workspace` and the figures of `pipeline`, for a period of the plan.
  static func inputs(
    _ pipeline: Pipeline, scope: ReportInputs.Scope, events: String?, asOf: Date, caveat: LocalizedText?
  ) throws -> ReportInputs {
    let workspace = pipeline.workspace
    let period = scope.period
    if case .quarter = scope {
      try CommandPlan.year(period.year, in: workspace.plan, named: "\(period)")
    } else {
      try CommandPlan.year(period.year, in: workspace.plan)
    }
    let given =
      workspace.scheme == nil
      ? AssessmentEvents() : try CommandWorkspace.events(events, workspace: workspace, year: period.year)
    return try CommandWorkspace.computing {
      try pipeline.reportInputs(scope: scope, events: given, asOf: asOf, caveat: caveat)
    }
  }

  /// Writes every file of the report into `folder`, replacing an earlier report there.
  @discardableResult
  static func write(_ inputs: ReportInputs, language: Language, to folder: URL, force: Bool = false) throws -> URL {
    try write(ReportBuilder(inputs, language: language).build(), to: folder, force: force)
  }

  /// Writes every file of `document` — a report or an evaluation — into `folder`.
  @discardableResult
  static func write(_ document: ReportDocument, to folder: URL, force: Bool = false) throws -> URL {
    let files = document.files()
    let names = files.map(\.path) + [ReportWorkbook.path]
    let output = try OutputFolder(folder, writing: names, force: force)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    for file in files {
      try file.contents.write(to: folder.appendingPathComponent(file.path), options: .atomic)
    }
    try XLSXWriter.write(
      ReportWorkbook(document).content(), to: folder.appendingPathComponent(ReportWorkbook.path).path)
    try output.finish(wrote: names)
    return folder
  }
}
