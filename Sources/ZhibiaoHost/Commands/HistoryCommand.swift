import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao history`: every revision of one indicator × org × period.
struct HistoryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: "修订记录 (every revision of an indicator × org × period).")

  @Option(name: .long, help: "指标 (the indicator).")
  var indicator: String

  @Option(name: .long, help: "责任单位 (the org), id or Chinese name.")
  var org: String

  @Option(name: .long, help: "期间 (the period), e.g. 2024Q3.")
  var period: String

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "table | json | csv | md")
  var format: OutputFormat = .table

  func run() async throws {
    let plan = try CommandPlan.load(options)
    let indicator = try CommandPlan.indicator(self.indicator, in: plan)
    let org = try CommandPlan.org(self.org, in: plan)
    var period = try CommandPlan.period(self.period, in: plan)
    if indicator.frequency == .quarterly, period.quarter == nil { period = .quarter(4, of: period.year) }
    let revisions = try await store.openExisting().history(
      plan: plan.id, indicator: indicator.id, org: org.id, period: period)
    if revisions.isEmpty {
      throw CommandFailure.domain(
        "\(indicator.id) × \(org.id) × \(period) 没有记录。",
        "There are no figures of \(indicator.id) × \(org.id) × \(period).")
    }
    let formatter = ISO8601DateFormatter()
    let rows = revisions.map { revision -> [String] in
      [
        "\(revision.number)", "\(revision.value)", revision.status.rawValue, revision.reportedBy.rawValue,
        formatter.string(from: revision.reportedAt), revision.source, revision.note ?? "", revision.reason ?? "",
        revision.changedAfterApproval ? "审核后修改" : "",
      ]
    }
    let columns = ["revision", "value", "status", "reported_by", "reported_at", "source", "note", "reason", "flag"]
    if format == .json {
      print(DataTable(columns: columns, rows: rows, numeric: ["revision", "value"]).render(.json), terminator: "")
    } else {
      let listing = Listing(columns: columns.map { Listing.Column(key: $0, heading: $0) }, rows: rows)
      print(listing.render(format), terminator: "")
    }
  }
}
