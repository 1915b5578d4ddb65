import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore

extension TargetVersions {
  /// Version `text` of the plan: 400 when it is not a positive number, 404 when it was never issued.
  func version(_ text: Substring?, in issues: [TargetIssue]) throws -> TargetIssue {
    guard let number = text.flatMap({ Int(String($0)) }), number >= 1 else {
      throw HTTPError(.badRequest, message: "give a version number")
    }
    guard let issue = issues.first(where: { $0.version == number }) else { throw HTTPError(.notFound) }
    return issue
  }

  /// A target's value at its indicator's precision, as the command line writes it.
  func number(_ value: Decimal?, _ indicator: Indicator?) -> String {
    guard let value else { return "" }
    return indicator?.precision.map { DecimalArithmetic.text(value, step: $0) } ?? "\(value)"
  }

  /// A period as the pages name it.
  static func period(_ period: Period, _ language: Language) -> String {
    language == .zh ? period.zh : period.description
  }

  /// The values of `/targets/show`: the version's citation and its targets the account is shown.
  func show(_ request: Request, account: AccountRecord, language: Language) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let query = request.uri.queryParameters
    let issues = try await store.targetIssues(plan: plan.id)
    let issue = try version(query["version"], in: issues)
    var org: OrgID?
    if let named = query["org"].map(String.init), !named.isEmpty {
      guard plan.org(OrgID(named)) != nil else { throw HTTPError(.badRequest, message: "unknown org") }
      org = OrgID(named)
    }
    if account.role == .district {
      guard org == nil || org == account.org else { throw HTTPError(.forbidden) }
      org = account.org
    }
    let entries = ReadScope.targets(
      try await store.issuedTargets(plan: plan.id, version: issue.version), account: account
    )
    .filter { entry in org.map { entry.org == $0 } ?? true }
    let orgs = Set(entries.map(\.org))
    var values: [String: Any] = [
      "title": "\(text["issued_targets"] ?? "") \(issue.version)", "version": issue.version, "year": issue.year,
      "citation": issue.citation.text.text(in: language),
      "in_force": Self.inForce(issues)[issue.year] == issue.version, "hash": issue.hash,
      "can_pick": account.role != .district,
      "orgs": plan.orgs.filter { orgs.contains($0.id) || $0.id == org }.map {
        ["org": $0.id.rawValue, "name": $0.name.text(in: language), "selected": $0.id == org] as [String: Any]
      },
      "rows": entries.map { entry -> [String: Any] in
        let indicator = plan.indicator(entry.indicator)
        return [
          "indicator": entry.indicator.rawValue, "name": indicator?.name.text(in: language) ?? entry.indicator.rawValue,
          "org": entry.org.rawValue, "org_name": plan.org(entry.org)?.name.text(in: language) ?? entry.org.rawValue,
          "period": entry.period.description, "period_name": Self.period(entry.period, language),
          "basis": entry.comparator.map { entry.measure.prefix(in: language) + $0.symbol } ?? "",
          "value": number(entry.value, indicator), "unit": indicator?.unit ?? "",
        ]
      },
    ]
    // A section shows for any string, an empty one too: the reason is set only when there is one.
    if let reason = issue.reason { values["reason"] = reason }
    return values
  }

  /// The values of `/targets/diff`: what changed from one side to the other, as the account is shown.
  func diff(_ request: Request, account: AccountRecord, language: Language) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let query = request.uri.queryParameters
    let (from, to) = (query["from"].map(String.init) ?? "", query["to"].map(String.init) ?? "")
    guard from != "config" || to != "config" else {
      throw HTTPError(.badRequest, message: "config can only be compared with a version")
    }
    let issues = try await store.targetIssues(plan: plan.id)
    var sides: [String: TargetIssue] = [:]
    for side in [from, to] where side != "config" { sides[side] = try version(Substring(side), in: issues) }
    let year = (sides[from] ?? sides[to])!.year
    func targets(_ side: String) async throws -> [TargetBook.Entry] {
      guard let issue = sides[side] else { return workspace.configuredBook.entries(year: year) }
      return try await store.issuedTargets(plan: plan.id, version: issue.version)
    }
    let diff = TargetDiff(
      from: ReadScope.targets(try await targets(from), account: account),
      to: ReadScope.targets(try await targets(to), account: account))
    func name(_ side: String) -> String {
      sides[side].map { "\(text["version"] ?? "") \($0.version)《\($0.document)》" } ?? (text["targets_config"] ?? "")
    }
    return [
      "title": text["targets_diff"] ?? "", "from": name(from), "to": name(to), "year": year,
      "count": diff.changes.count, "same": diff.isEmpty,
      "rows": diff.changes.map { change -> [String: Any] in
        let indicator = plan.indicator(change.indicator)
        return [
          "indicator": change.indicator.rawValue, "name": indicator?.name.text(in: language) ?? "",
          "org": change.org.rawValue, "org_name": plan.org(change.org)?.name.text(in: language) ?? change.org.rawValue,
          "period": change.period.description, "period_name": Self.period(change.period, language),
          "kind": change.kind.rawValue, "kind_label": text["change_kind_\(change.kind.rawValue)"] ?? "",
          "old": number(change.old?.value, indicator), "new": number(change.new?.value, indicator),
          "delta": change.delta.map { ($0 > 0 ? "+" : "") + number($0, indicator) } ?? "",
          "unit": indicator?.unit ?? "", "fields": change.fields.joined(separator: " "),
        ]
      },
    ]
  }
}
