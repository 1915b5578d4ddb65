import ArgumentParser
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

  @Option(name: .long, help: "table | json | csv | md")
  var format: OutputFormat = .table

  func run() async throws {
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
      quarterly: quarterly ? nil : false)
    print(
      TargetBookListing(plan: plan, book: book, entries: entries, language: options.lang).render(format), terminator: ""
    )
  }
}
