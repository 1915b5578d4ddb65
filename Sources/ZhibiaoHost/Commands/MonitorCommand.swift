import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// `zhibiao monitor --period 2024Q3`: progress against pace, traffic lights, projections and
/// data-quality flags for every indicator × org.
struct MonitorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "monitor",
    abstract: "监测预警：序时进度、红黄绿灯、年末预计与数据质量 (monitoring and early warning).")

  @Option(name: .long, help: "期间 (the period), e.g. 2024Q3 or 2024年1-9月.")
  var period: String

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "只列某一责任单位 (only this org), id or Chinese name.")
  var org: String?

  @Option(name: .long, help: "只列某一灯色 (only this light): green | yellow | red | grey.")
  var status: [PaceStatus] = []

  @Option(name: .long, help: "只列某一领域 (only this domain), e.g. finance.")
  var domain: String?

  @Option(name: .long, help: "table | json | csv | md")
  var format: OutputFormat = .table

  @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD (judge lateness as of this day; default today).")
  var asOf: String?

  @Option(name: .long, help: "同时写出 .xlsx 监测表 (also write the monitoring workbook to this file).")
  var xlsx: String?

  @OptionGroup var force: ForceOption

  func run() async throws {
    if let xlsx { try OutputFile.check(xlsx, store: store, force: force.force) }
    let workspace = try CommandWorkspace.load(options)
    let plan = workspace.plan
    let period = try CommandPlan.period(self.period, in: plan)
    let org = try self.org.map { try CommandPlan.org($0, in: plan).id }
    if let domain, plan.domain(DomainID(domain)) == nil {
      let suggestion = Suggestion.hint(for: domain, among: plan.domains.map(\.id.rawValue))
      throw CommandFailure.domain(
        "未知领域 '\(domain)'\(suggestion.map { "（\($0)）" } ?? "")。",
        "Unknown domain '\(domain)'\(suggestion.map { " (\($0))" } ?? "").")
    }
    let asOf = try CommandPlan.day(asOf)
    let pipeline = try await CommandWorkspace.pipeline(workspace, store)
    let monitoring = try CommandWorkspace.computing { try pipeline.monitoring(at: period, asOf: asOf) }
    let filtered = monitoring.filtered(
      orgs: org.map { [$0] }, statuses: status.isEmpty ? nil : Set(status), domains: domain.map { [DomainID($0)] })
    print(MonitoringListing(plan: plan, report: filtered, language: options.lang).render(format), terminator: "")
    if format == .table || format == .md, let citation = filtered.targets {
      print("\n" + citation.text.text(in: options.lang))
    }
    if let xlsx {
      try WorkbookOutput.write(
        MonitoringWorkbook(plan: plan, report: filtered, language: options.lang).content(), to: xlsx)
    }
  }
}

extension PaceStatus: ExpressibleByArgument {}
