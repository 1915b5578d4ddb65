import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// `zhibiao assess --year 2024`: scorecards and ranking of districts and bureaus, every
/// score explained.
struct AssessCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "assess",
    abstract: "综合考核：区县与牵头部门同步考核，评分、等次与排名 (the consolidated assessment).")

  @Option(name: .long, help: "考核年度 (the year assessed), e.g. 2024.")
  var year: Int

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "加分、扣分、否决与定性评级文件 (bonuses, deductions, vetoes and task grades, YAML).")
  var events: String?

  @Option(name: .long, help: "只列某一单位的评分表 (one org's scorecard, item by item).")
  var org: String?

  @Option(name: .long, help: "table | json | csv | md")
  var format: OutputFormat = .table

  @Option(name: .long, help: "同时写出 .xlsx 考核表 (also write the ranking and every scorecard item to this workbook).")
  var xlsx: String?

  @OptionGroup var force: ForceOption

  func run() async throws {
    if let xlsx { try OutputFile.check(xlsx, store: store, force: force.force) }
    let workspace = try CommandWorkspace.load(options)
    let plan = workspace.plan
    try CommandPlan.year(year, in: plan)
    let events = try CommandWorkspace.events(self.events, workspace: workspace, year: year)
    let pipeline = try await CommandWorkspace.pipeline(workspace, store)
    let assessment = try CommandWorkspace.computing {
      try pipeline.assessment(year: year, events: events, asOf: Date())
    }
    let result = assessment.result
    if let xlsx {
      try WorkbookOutput.write(AssessmentWorkbook(result: result, language: options.lang).content(), to: xlsx)
    }
    let listing = AssessmentListing(plan: plan, result: result, language: options.lang)
    if let org {
      let id = try CommandPlan.org(org, in: plan).id
      guard let card = result.scorecard(for: id) else {
        throw CommandFailure.domain("'\(org)' 不在考核范围内。", "'\(org)' is not assessed.")
      }
      print(listing.scorecard(card, format), terminator: "")
    } else {
      print(listing.render(format), terminator: "")
      if format == .table || format == .md {
        print("\n" + listing.consolidated(assessment.view), terminator: "")
      }
    }
    if format == .table || format == .md, let citation = pipeline.workspace.issue(of: year)?.citation {
      print("\n" + citation.text.text(in: options.lang))
    }
  }
}
