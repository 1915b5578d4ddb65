import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao targets`: issued target versions (下达的目标版本) — a year's target book frozen in
/// the store under a document number, which monitoring, the assessment, letters and reports use
/// from then on, whatever the configuration says later.
struct TargetsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "targets",
    abstract: "下达目标：下达、列出、查看、比较目标版本 (issued target versions: issue, list, show, diff).",
    discussion: """
      zhibiao targets issue --year 2025 --doc "杭服领〔2025〕1号" freezes the year's targets — every indicator, org
      and period of the target book — into the store as the next version, with its date, document number, issuer
      and the SHA-256 of its content. From then on monitoring, the assessment, letters and reports use that
      version for the year and cite it; editing the configuration changes nothing issued, and validate --db
      warns that the configuration differs. An adjustment (调整) is a new version of the same year with --reason.
      """,
    subcommands: [Issue.self, List.self, Show.self, Diff.self])

  /// `targets issue --year YEAR --doc NUMBER [--date DAY] [--reason TEXT]`.
  struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "下达某年目标为新版本（仅市发改委）；再次下达即调整，须说明理由 (issue a year's targets; the commission only).")

    @Option(name: .long, help: "年度 (the year whose targets are issued), e.g. 2025.")
    var year: Int

    @Option(name: .customLong("doc"), help: "文号 (the document number), e.g. 杭服领〔2025〕1号.")
    var document: String

    @Option(name: .long, help: "下达日期 YYYY-MM-DD (the document's date; default today).")
    var date: String?

    @Option(name: .long, help: "调整理由 (why an issued year is adjusted; required for an adjustment).")
    var reason: String?

    @Option(name: .customLong("as"), help: trustedOperatorHelp)
    var issuer: String?

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let workspace = try CommandWorkspace.load(options)
      let plan = workspace.plan
      try CommandPlan.year(year, in: plan)
      let issuer = try self.issuer.map { try CommandPlan.org($0, in: plan).id } ?? plan.commission
      let role = ReviewRules(plan: plan).role(of: issuer)
      let filing = TargetIssueFiling(
        plan: plan.id, year: year, document: document, issuedOn: date ?? plan.monitoringSettings.day(of: Date()),
        reason: reason, entries: workspace.configuredBook.entries(year: year), by: issuer, role: role, at: Date())
      let issue: TargetIssue
      do {
        issue = try await store.open().issueTargets(filing)
      } catch StoreError.refused(let refusal, _) {
        throw CommandFailure.domain(refusal.text)
      }
      print(
        options.lang == .zh
          ? "已下达 \(issue.year) 年目标：第\(issue.version)版《\(issue.document)》，\(issue.entryCount) 项，SHA-256 \(issue.hash)"
          : "Issued the \(issue.year) targets as version \(issue.version), \(issue.document): \(issue.entryCount) "
            + "targets, SHA-256 \(issue.hash)")
    }
  }

  /// `targets list`.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "列出已下达的目标版本，注明各年现行版本 (list issued versions, marking each year's version in force).")

    @Option(name: .long, help: "table | json | csv | md")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let plan = try CommandPlan.load(options)
      let issues = try await store.open().targetIssues(plan: plan.id)
      var inForce: [Int: Int] = [:]
      for issue in issues { inForce[issue.year] = max(inForce[issue.year] ?? 0, issue.version) }
      let zh = options.lang == .zh
      let readable = format == .table || format == .md
      let rows = issues.map { issue -> [String] in
        let current = inForce[issue.year] == issue.version
        return [
          "\(issue.version)", "\(issue.year)", issue.document, issue.issuedOn,
          readable ? (current ? (zh ? "现行" : "in force") : (zh ? "已被调整" : "superseded")) : (current ? "1" : "0"),
          "\(issue.entryCount)", readable ? String(issue.hash.prefix(12)) : issue.hash, issue.reason ?? "",
          issue.issuedBy.rawValue, TargetsCommand.time(issue.recordedAt),
        ]
      }
      let columns = [
        "version", "year", "document", "issued_on", "in_force", "targets", "sha256", "reason", "issued_by",
        "recorded_at",
      ]
      if format == .json {
        print(
          DataTable(columns: columns, rows: rows, numeric: ["version", "year", "in_force", "targets"]).render(.json),
          terminator: "")
        return
      }
      if issues.isEmpty, readable {
        print(zh ? "尚未下达任何目标版本。" : "No target version has been issued.")
        return
      }
      let headings =
        zh ? ["版本", "年度", "文号", "下达日期", "状态", "目标数", "SHA-256", "调整理由", "下达单位", "记录时间"] : columns
      let listing = Listing(keys: columns, headings: headings, wide: ["reason"], rows: rows)
      print(listing.render(format), terminator: "")
    }
  }

  /// `targets show VERSION`.
  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "查看一个目标版本的全部目标 (the targets of one issued version).")

    @Argument(help: "版本号 (the version, from zhibiao targets list).")
    var version: Int

    @Option(name: .long, help: "只列某一责任单位 (only this org).")
    var org: String?

    @Option(name: .long, help: "只列某一指标 (only this indicator).")
    var indicator: String?

    @Option(name: .long, help: "table | json | csv | md")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let workspace = try CommandWorkspace.load(options)
      let plan = workspace.plan
      let org = try self.org.map { try CommandPlan.org($0, in: plan).id }
      let indicator = try self.indicator.map { try CommandPlan.indicator($0, in: plan).id }
      let store = try await self.store.open()
      let issue = try await TargetsCommand.issue(version, of: plan, in: store)
      let book = TargetBook(
        entries: try await store.issuedTargets(plan: plan.id, version: version), notes: [:], problems: [])
      let entries = book.entries(indicator: indicator, org: org)
      let listing = TargetBookListing(plan: plan, book: book, entries: entries, language: options.lang)
      switch format {
      case .json:
        let header = TargetsCommand.json(issue)
        let targets = listing.render(.json).trimmingCharacters(in: .whitespacesAndNewlines)
        print("{\n  \"issue\": \(header),\n  \"targets\": \(targets)\n}")
      case .csv:
        print(listing.render(.csv), terminator: "")
      case .table, .md:
        print(issue.citation.text.text(in: options.lang) + (format == .md ? "\n" : ""))
        if let reason = issue.reason { print((options.lang == .zh ? "调整理由：" : "Reason: ") + reason) }
        print(listing.render(format), terminator: "")
      }
    }
  }

  /// `targets diff A B`.
  struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "比较两个目标版本，或版本与当前配置 (what changed between two versions, or a version and the configuration).",
      discussion: "A and B are version numbers, or `config` for the targets the configuration decomposes now.")

    @Argument(help: "旧版本号或 config (the earlier version, or config).")
    var from: String

    @Argument(help: "新版本号或 config (the later version, or config).")
    var to: String

    @Option(name: .long, help: "table | json | csv | md")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let workspace = try CommandWorkspace.load(options)
      let plan = workspace.plan
      guard from != "config" || to != "config" else {
        throw CommandFailure.domain("config 只能与一个版本比较。", "config can only be compared with a version.")
      }
      let store = try await self.store.open()
      var versions: [String: (issue: TargetIssue, entries: [TargetBook.Entry])] = [:]
      for side in [from, to] where side != "config" {
        guard let version = Int(side), version >= 1 else {
          throw CommandFailure.domain("版本须为正整数或 config：\(side)", "A version is a positive number or config: \(side)")
        }
        let issue = try await TargetsCommand.issue(version, of: plan, in: store)
        versions[side] = (issue, try await store.issuedTargets(plan: plan.id, version: version))
      }
      // The configuration's side holds the year of the version it is compared with.
      let year = (versions[from] ?? versions[to])!.issue.year
      let targets = { (side: String) in versions[side]?.entries ?? workspace.configuredBook.entries(year: year) }
      let diff = TargetDiff(from: targets(from), to: targets(to))
      print(TargetDiffListing(plan: plan, diff: diff, language: options.lang).render(format), terminator: "")
    }
  }

  /// Version `version` of `plan`; a clear failure when it was never issued.
  static func issue(_ version: Int, of plan: Plan, in store: any Store) async throws -> TargetIssue {
    let issues = try await store.targetIssues(plan: plan.id)
    guard let issue = issues.first(where: { $0.version == version }) else {
      let known = issues.map { "\($0.version)" }.joined(separator: ", ")
      throw CommandFailure.domain(
        "没有第\(version)版目标\(known.isEmpty ? "：尚未下达任何版本" : "（已有版本：\(known)）")。",
        "There is no target version \(version)\(known.isEmpty ? "; none has been issued" : " (versions: \(known))").")
    }
    return issue
  }

  static func time(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    return formatter.string(from: date)
  }

  /// An issue as a JSON object.
  static func json(_ issue: TargetIssue) -> String {
    let object: [String: Any] = [
      "plan": issue.plan.rawValue, "version": issue.version, "year": issue.year, "document": issue.document,
      "issued_on": issue.issuedOn, "reason": issue.reason ?? NSNull(), "sha256": issue.hash,
      "targets": issue.entryCount, "issued_by": issue.issuedBy.rawValue, "issued_role": issue.issuedRole.rawValue,
      "issued_user": issue.issuedUser ?? NSNull(), "recorded_at": time(issue.recordedAt),
    ]
    let data =
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
      ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\n  ")
  }
}

/// A target diff as a table, CSV, Markdown or JSON: one row per target that differs.
struct TargetDiffListing {
  let plan: Plan
  let diff: TargetDiff
  let language: Language

  private func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  func render(_ format: OutputFormat) -> String {
    let columns = ["indicator", "name", "org", "period", "change", "old", "new", "delta", "unit", "fields"]
    let readable = format == .table || format == .md
    let rows = diff.changes.map { change -> [String] in
      let indicator = plan.indicator(change.indicator)
      let step = indicator?.precision
      let number = { (value: Decimal?) -> String in
        guard let value else { return "" }
        return step.map { DecimalArithmetic.text(value, step: $0) } ?? "\(value)"
      }
      let kind =
        switch change.kind {
        case .added: readable ? text("新增", "added") : "added"
        case .removed: readable ? text("删除", "removed") : "removed"
        case .changed: readable ? text("调整", "changed") : "changed"
        }
      return [
        change.indicator.rawValue, indicator.map { $0.name.text(in: language) } ?? "",
        readable
          ? (plan.org(change.org).map { $0.name.text(in: language) } ?? change.org.rawValue) : change.org.rawValue,
        readable && language == .zh ? change.period.zh : change.period.description, kind,
        readable ? number(change.old?.value) : change.old?.value.map { "\($0)" } ?? "",
        readable ? number(change.new?.value) : change.new?.value.map { "\($0)" } ?? "",
        change.delta.map { readable ? ($0 > 0 ? "+" : "") + number($0) : "\($0)" } ?? "", indicator?.unit ?? "",
        change.fields.joined(separator: " "),
      ]
    }
    if format == .json {
      return DataTable(columns: columns, rows: rows, numeric: ["old", "new", "delta"]).render(.json)
    }
    if diff.isEmpty, readable { return text("两者目标完全相同。\n", "The targets are the same.\n") }
    let headings =
      language == .zh ? ["指标", "名称", "责任单位", "期间", "变化", "原目标", "新目标", "增减", "单位", "变化项"] : columns
    let listing = Listing(keys: columns, headings: headings, wide: ["name"], width: 24, rows: rows)
    let summary =
      readable ? text("共 \(diff.changes.count) 项不同。\n", "\(diff.changes.count) targets differ.\n") : ""
    return listing.render(format) + summary
  }
}
