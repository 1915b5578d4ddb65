import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao approve`: approves (and locks) an org's figures for a period.
struct ApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve", abstract: "审核并锁定某单位某期数据 (approve and lock an org's figures for a period).")

  @Option(name: .long, help: "责任单位 (the org whose figures are approved).")
  var org: String

  @Option(name: .long, help: "期间 (the period), e.g. 2024Q3.")
  var period: String

  @Option(name: .customLong("as"), help: "审核单位 (who approves); default the commission.")
  var approver: String?

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  func run() throws {
    let plan = try CommandPlan.load(options)
    let org = try CommandPlan.org(self.org, in: plan)
    let period = try CommandPlan.period(self.period, in: plan)
    let approver = try approver.map { try CommandPlan.org($0, in: plan) }?.id ?? plan.commission
    guard approver == plan.commission || plan.org(approver)?.kind == .bureau else {
      throw CommandFailure.domain("只有牵头部门或市发改委可以审核。", "Only a lead bureau or the commission approves figures.")
    }
    let count = try store.open().approve(plan: plan.id, org: org.id, period: period, by: approver, at: Date())
    print(
      options.lang == .zh
        ? "已审核 \(org.name.zh) \(period.zh)：\(count) 项数据已锁定。"
        : "Approved \(org.name.en), \(period): \(count) figures locked.")
  }
}
