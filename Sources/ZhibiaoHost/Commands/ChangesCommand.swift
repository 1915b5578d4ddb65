import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

extension ChangeRequest.State: ExpressibleByArgument {}

/// `zhibiao changes`: change requests (变更申请), the one way an approved figure or a figure of a
/// locked period changes.
struct ChangesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract: "变更申请：列出、同意、驳回 (change requests of approved or locked figures: list, accept, reject).",
    discussion: """
      A reporter files change requests with zhibiao ingest FILE --reason TEXT: each row that would change an
      approved figure, or a figure of a locked period, becomes a request instead of being refused. The commission
      accepts a request — its value becomes the figure's next revision, submitted, which needs review again — or
      rejects it with a comment, and the figure stays as it is.
      """,
    subcommands: [List.self, Accept.self, Reject.self])

  /// `changes list [--org ORG] [--state STATE]`.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "列出变更申请，附各项数据的现值 (list change requests, with each figure's current value).")

    @Option(name: .long, help: "责任单位 (one org's requests), id or Chinese name.")
    var org: String?

    @Option(name: .long, help: "pending | accepted | rejected")
    var state: ChangeRequest.State?

    @Option(name: .long, help: "table | json | csv | md")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let plan = try CommandPlan.load(options)
      let org = try self.org.map { try CommandPlan.org($0, in: plan).id }
      let store = try await self.store.open()
      let requests = try await store.changeRequests(plan: plan.id, org: org, state: state)
      let figures =
        try await store.observations(plan: plan.id, indicator: nil, org: org, period: nil)
        + store.drafts(plan: plan.id, org: org)
      var current: [String: ObservationRecord] = [:]
      for figure in figures { current["\(figure.indicator) \(figure.org) \(figure.period)"] = figure }
      let formatter = ISO8601DateFormatter()
      let zh = options.lang == .zh
      // The state in Chinese for people reading a table; JSON and CSV keep the stable values.
      let readable = zh && (format == .table || format == .md)
      let rows = requests.map { request -> [String] in
        let figure = current["\(request.indicator) \(request.org) \(request.period)"]
        return [
          "\(request.id)", readable ? request.state.zh : request.state.rawValue, request.indicator.rawValue,
          request.org.rawValue,
          "\(request.period)", "\(request.seenRevision)", figure.map { "\($0.value)" } ?? "",
          figure.map { "\($0.revision)" } ?? "", "\(request.value)", request.note ?? "", request.reason,
          request.filedBy.rawValue, formatter.string(from: request.filedAt), request.decidedBy?.rawValue ?? "",
          request.decidedAt.map(formatter.string) ?? "", request.decisionComment ?? "",
        ]
      }
      let columns = [
        "id", "state", "indicator", "org", "period", "seen_revision", "current_value", "current_revision", "value",
        "note", "reason", "filed_by", "filed_at", "decided_by", "decided_at", "comment",
      ]
      if format == .json {
        let numeric: Set = ["id", "seen_revision", "current_value", "current_revision", "value"]
        print(DataTable(columns: columns, rows: rows, numeric: numeric).render(.json), terminator: "")
        return
      }
      let headings =
        zh
        ? [
          "编号", "状态", "指标", "单位", "期间", "申请时版本", "现值", "现版本", "申请值", "备注", "理由", "申请单位", "申请时间", "处理单位",
          "处理时间", "处理说明",
        ] : columns
      let listing = Listing(keys: columns, headings: headings, wide: ["note", "reason", "comment"], rows: rows)
      print(listing.render(format), terminator: "")
    }
  }

  /// `changes accept ID [--comment TEXT]`.
  struct Accept: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "同意变更申请（仅市发改委）：数据改为申请值，须重新审核 (accept a change request; the commission only).")

    @Argument(help: "变更申请编号 (the request's number, from zhibiao changes list).")
    var id: Int

    @Option(name: .long, help: "说明 (a comment, optional).")
    var comment: String?

    @Option(name: .customLong("as"), help: trustedOperatorHelp)
    var decider: String?

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func validate() throws { try ChangeDecisionRun.validate(id) }

    func run() async throws {
      try await ChangeDecisionRun(
        id: id, decision: .accept, comment: comment, decider: decider, options: options, store: store
      ).run()
    }
  }

  /// `changes reject ID --comment TEXT`.
  struct Reject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "驳回变更申请（仅市发改委），须附说明 (reject a change request with a comment; the commission only).")

    @Argument(help: "变更申请编号 (the request's number, from zhibiao changes list).")
    var id: Int

    @Option(name: .long, help: "驳回说明 (the comment telling the reporter why; required).")
    var comment: String

    @Option(name: .customLong("as"), help: trustedOperatorHelp)
    var decider: String?

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func validate() throws { try ChangeDecisionRun.validate(id) }

    func run() async throws {
      try await ChangeDecisionRun(
        id: id, decision: .reject, comment: comment, decider: decider, options: options, store: store
      ).run()
    }
  }
}

/// What `changes accept` and `changes reject` share.
struct ChangeDecisionRun {
  var id: Int
  var decision: ChangeRequest.Decision
  var comment: String?
  var decider: String?
  var options: CommonOptions
  var store: StoreOptions

  static func validate(_ id: Int) throws {
    guard id >= 1 else { throw ValidationError("变更申请编号须为正整数 (a request's number, from 1): \(id)") }
  }

  func run() async throws {
    let plan = try CommandPlan.load(options)
    let decider = try self.decider.map { try CommandPlan.org($0, in: plan).id } ?? plan.commission
    let rules = ReviewRules(plan: plan)
    if let refusal = rules.decideChange(by: decider, as: rules.role(of: decider)) {
      throw CommandFailure.domain(refusal.text)
    }
    let request: ChangeRequest
    do {
      request = try await store.open().decideChangeRequest(
        plan: plan.id, id: id, decision: decision, comment: comment, by: decider, user: nil, at: Date())
    } catch StoreError.refused(let refusal, _) {
      throw CommandFailure.domain(refusal.text)
    }
    let org = plan.org(request.org)?.name ?? LocalizedText(zh: request.org.rawValue, en: request.org.rawValue)
    let figure = LocalizedText(
      zh: "\(org.zh) \(request.period.zh) \(request.indicator)",
      en: "\(request.indicator) of \(org.en), \(request.period)")
    switch decision {
    case .accept:
      print(
        options.lang == .zh
          ? "已同意变更申请 #\(request.id)：\(figure.zh) 改为 \(request.value)，已报送，须重新审核。"
          : "Accepted change request #\(request.id): \(figure.en) is now \(request.value), submitted for review again.")
    case .reject:
      print(
        options.lang == .zh
          ? "已驳回变更申请 #\(request.id)（\(figure.zh)），数据保持不变。"
          : "Rejected change request #\(request.id) (\(figure.en)); the figure stays as it is.")
    }
  }
}
