import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

extension ReviewDecision: ExpressibleByArgument {}

/// The help of `--as` in the workflow's commands: no account stands behind it.
let trustedOperatorHelp = ArgumentHelp(
  "操作单位，仅供受信任的本机操作员使用 (who acts, for a trusted local operator only: not checked against an account); default the commission."
)

/// `zhibiao review`: a reviewer approves or returns an org's submitted figures of a period.
struct ReviewCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "审核某单位某期已报送的数据：通过或退回 (approve or return an org's submitted figures for a period).",
    discussion: """
      A bureau reviews the figures of the indicators it owns, never its own; the commission also reviews the
      bureaus' city figures. Without --indicator, every indicator the reviewer may review. Only submitted figures
      move; a return needs --comment. Locking is a separate step (zhibiao lock).
      """)

  @Option(name: .long, help: "责任单位 (the org whose figures are reviewed).")
  var org: String

  @Option(name: .long, help: "期间 (the period), e.g. 2024Q3.")
  var period: String

  @Option(name: .long, help: "approve | return")
  var decision: ReviewDecision

  @Option(name: .long, help: "退回说明 (the comment; required to return).")
  var comment: String?

  @Option(name: .long, help: "指标 (an indicator; repeat for several); default all the reviewer may review.")
  var indicator: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "所见版本 (the revision of the one --indicator you checked, from zhibiao history): a figure revised since is refused.",
      valueName: "N"))
  var revision: Int?

  @Option(name: .customLong("as"), help: trustedOperatorHelp)
  var reviewer: String?

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  func validate() throws {
    guard let revision else { return }
    guard indicator.count == 1 else {
      throw ValidationError("--revision 须与一个 --indicator 同用 (give one --indicator with --revision).")
    }
    guard revision >= 1 else { throw ValidationError("--revision 须为正整数 (a revision number from 1): \(revision)") }
  }

  func run() async throws {
    try await ReviewRun(
      org: org, period: period, decision: decision, comment: comment, indicators: indicator, revision: revision,
      reviewer: reviewer, options: options, store: store
    ).run()
  }
}

/// `zhibiao approve`: shorthand for `zhibiao review --decision approve`.
struct ApproveCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve",
    abstract: "审核通过某单位某期数据，即 review --decision approve (shorthand for review --decision approve).",
    discussion: "It no longer locks the period: the commission locks with zhibiao lock.")

  @Option(name: .long, help: "责任单位 (the org whose figures are approved).")
  var org: String

  @Option(name: .long, help: "期间 (the period), e.g. 2024Q3.")
  var period: String

  @Option(name: .long, help: "指标 (an indicator; repeat for several); default all the reviewer may review.")
  var indicator: [String] = []

  @Option(name: .customLong("as"), help: trustedOperatorHelp)
  var approver: String?

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  func run() async throws {
    try await ReviewRun(
      org: org, period: period, decision: .approve, comment: nil, indicators: indicator, revision: nil,
      reviewer: approver,
      options: options, store: store
    ).run()
  }
}

/// What `review` and `approve` share.
struct ReviewRun {
  var org: String
  var period: String
  var decision: ReviewDecision
  var comment: String?
  var indicators: [String]
  /// The revision the reviewer saw of the one indicator given, if they said.
  var revision: Int?
  var reviewer: String?
  var options: CommonOptions
  var store: StoreOptions

  func run() async throws {
    let plan = try CommandPlan.load(options)
    let org = try CommandPlan.org(self.org, in: plan)
    let period = try CommandPlan.period(self.period, in: plan)
    let reviewer =
      try reviewer.map { try CommandPlan.org($0, in: plan) } ?? CommandPlan.org(plan.commission.rawValue, in: plan)
    let rules = ReviewRules(plan: plan)
    let role = rules.role(of: reviewer.id)
    var chosen: [IndicatorID]
    if indicators.isEmpty {
      chosen = rules.reviewable(org: org.id, by: reviewer.id, as: role)
      guard !chosen.isEmpty else {
        throw CommandFailure.domain(
          "\(reviewer.name.zh) 不能审核 \(org.name.zh) 的任何数据：牵头部门审核其牵头指标的区县数据，市发改委另审核各牵头部门的全市数据。",
          "\(reviewer.name.en) may review none of \(org.name.en)'s figures: a bureau reviews the districts' figures of the indicators it owns, and the commission also the bureaus' city figures."
        )
      }
    } else {
      chosen = try indicators.map { try CommandPlan.indicator($0, in: plan).id }
      for indicator in chosen {
        if let refusal = rules.review(indicator, org: org.id, by: reviewer.id, as: role) {
          throw CommandFailure.domain(refusal.text)
        }
      }
    }
    let count: Int
    do {
      count = try await store.open().review(
        plan: plan.id, org: org.id, period: period, indicators: chosen, decision: decision, comment: comment,
        seen: revision.map { [chosen[0]: $0] } ?? [:], by: reviewer.id, role: role, user: nil, at: Date())
    } catch StoreError.refused(let refusal, _) {
      throw CommandFailure.domain(refusal.text)
    }
    let verb =
      decision == .approve
      ? LocalizedText(zh: "已审核通过", en: "Approved") : LocalizedText(zh: "已退回", en: "Returned")
    print(
      options.lang == .zh
        ? "\(verb.zh) \(org.name.zh) \(period.zh)：\(count) 项数据（审核单位 \(reviewer.name.zh)）。"
        : "\(verb.en) \(org.name.en), \(period): \(count) figures (reviewed by \(reviewer.name.en)).")
  }
}

/// `zhibiao lock`: the commission locks a period, for one org or for every org.
struct LockCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lock",
    abstract: "锁定某期数据（仅市发改委）(lock a period's figures; the commission only).",
    discussion: "Without --org, every org's period. Nothing in a locked period changes until the commission reopens it."
  )

  @Option(name: .long, help: "期间 (the period), e.g. 2024Q3.")
  var period: String

  @Option(name: .long, help: "责任单位 (one org); default every org.")
  var org: String?

  @Option(name: .customLong("as"), help: trustedOperatorHelp)
  var locker: String?

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  func run() async throws {
    let plan = try CommandPlan.load(options)
    let period = try CommandPlan.period(self.period, in: plan)
    let locker = try self.locker.map { try CommandPlan.org($0, in: plan).id } ?? plan.commission
    let rules = ReviewRules(plan: plan)
    if let refusal = rules.lock(by: locker, as: rules.role(of: locker)) { throw CommandFailure.domain(refusal.text) }
    let orgs = try org.map { [try CommandPlan.org($0, in: plan)] } ?? plan.orgs.filter { $0.kind != .leadingGroup }
    let store = try await self.store.open()
    var locked = 0
    for org in orgs where try await store.lock(plan: plan.id, org: org.id, period: period, by: locker, at: Date()) {
      locked += 1
    }
    let already = orgs.count - locked
    let whom = orgs.count == 1 ? orgs[0].name : LocalizedText(zh: "\(orgs.count) 个单位", en: "\(orgs.count) orgs")
    print(
      options.lang == .zh
        ? "已锁定 \(whom.zh) \(period.zh)：新锁定 \(locked)，此前已锁定 \(already)。"
        : "Locked \(whom.en), \(period): \(locked) newly locked, \(already) locked already.")
  }
}
