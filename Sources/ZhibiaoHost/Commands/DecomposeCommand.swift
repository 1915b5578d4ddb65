import ArgumentParser
import Foundation
import ZhibiaoKernel

/// `zhibiao decompose`: the target book, from city to districts, years and quarters.
struct DecomposeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decompose",
    abstract: "目标分解表：全市目标分解到区县、年度和季度 (the target book).")

  @OptionGroup var options: CommonOptions

  @Option(name: .long, help: "只列某一年 (only this year), e.g. 2025.")
  var year: Int?

  @Option(name: .long, help: "只列某一责任单位 (only this org), e.g. district.binjiang.")
  var org: String?

  @Option(name: .long, help: "只列某一指标 (only this indicator).")
  var indicator: String?

  @Flag(name: .long, help: "同时列出季度累计目标 (add year-to-date quarterly milestones).")
  var quarterly = false

  @Flag(name: .long, help: "输出区县目标责任书草案 (Markdown target sheet of the --org district for --year).")
  var sheet = false

  @Option(name: .long, help: "table | json | csv | md | xlsx (xlsx: annual and quarterly sheets, needs --out)")
  var format: BookFormat = .table

  @Option(name: .long, help: "写入文件 (the file to write; required with --format xlsx).")
  var out: String?

  @OptionGroup var force: ForceOption

  /// A listing format, or a workbook.
  enum BookFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, md, xlsx
  }

  func validate() throws {
    if format == .xlsx, out == nil {
      throw ValidationError("--format xlsx 需要 --out FILE (--format xlsx needs --out FILE)")
    }
    if format == .xlsx, sheet {
      throw ValidationError("--sheet 输出 Markdown，不能与 --format xlsx 同用 (--sheet writes Markdown)")
    }
  }

  func run() async throws {
    if let out { try OutputFile.check(out, store: nil, force: force.force) }
    let workspace = try CommandWorkspace.load(options)
    let (plan, book) = (workspace.plan, workspace.book)
    if let org, plan.org(OrgID(org)) == nil {
      _ = try CommandPlan.org(org, in: plan)
    }
    if let indicator, plan.indicator(IndicatorID(indicator)) == nil {
      _ = try CommandPlan.indicator(indicator, in: plan)
    }
    if let year { try CommandPlan.year(year, in: plan) }
    if sheet {
      guard let org, let district = plan.org(OrgID(org)), district.kind == .district else {
        throw CommandFailure.domain("--sheet 需要用 --org 指定一个区县。", "--sheet needs a district given by --org.")
      }
      print(
        TargetSheet(plan: plan, book: book, district: district, year: year ?? plan.targetYear).markdown(),
        terminator: "")
      return
    }
    let entries = book.entries(
      indicator: indicator.map { IndicatorID($0) }, org: org.map { OrgID($0) }, year: year,
      quarterly: quarterly || format == .xlsx ? nil : false)
    if format == .xlsx, let out {
      let workbook = TargetBookWorkbook(plan: plan, book: book, entries: entries, language: options.lang)
      try WorkbookOutput.write(workbook.content(), to: out)
      return
    }
    let listing = TargetBookListing(plan: plan, book: book, entries: entries, language: options.lang)
    let text = listing.render(OutputFormat(rawValue: format.rawValue) ?? .table)
    guard let out else { return print(text, terminator: "") }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
      throw CommandFailure.file(path: out, LocalizedText(zh: "无法写入：\(error)", en: "Cannot write: \(error)"))
    }
  }
}
