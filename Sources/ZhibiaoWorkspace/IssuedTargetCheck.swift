import ZhibiaoKernel
import ZhibiaoStore

/// What `validate` says when the configuration no longer decomposes to the targets issued: one
/// warning per year whose version in force differs, at the first differing indicator's
/// definition. What was issued stays in force; the warning says how to see the difference and
/// how to adjust.
public enum IssuedTargetCheck {
  /// The warnings for `book` (the configuration's) against the versions in force of `issued`.
  public static func warnings(plan: Plan, book: TargetBook, issued: IssuedTargets) -> [Diagnostic] {
    issued.inForce.keys.sorted().compactMap { year in
      let issue = issued.inForce[year]!
      let configured = book.entries(year: year)
      guard TargetIssue.hash(plan: plan.id, year: year, entries: configured) != issue.hash else { return nil }
      let diff = TargetDiff(from: issued.entries.filter { $0.period.year == year }, to: configured)
      guard let first = diff.changes.first else { return nil }
      let indicator = plan.indicator(first.indicator)
      let location = indicator?.location ?? SourceLocation(file: "plan.yaml", line: 1, column: 1)
      let org = plan.org(first.org)?.name.zh ?? first.org.rawValue
      let values = "\(first.old?.value.map { "\($0)" } ?? "—") → \(first.new?.value.map { "\($0)" } ?? "—")"
      return Diagnostic(
        .warning, at: location,
        "The \(year) targets in the configuration differ from version \(issue.version) as issued "
          + "(\(issue.document)) in \(diff.changes.count) target(s), first \(first.indicator) for \(org) "
          + "\(first.period) (\(values)); the issued version stays in force. "
          + "配置中的 \(year) 年目标与已下达的第\(issue.version)版不同，已下达的目标不变。",
        hint:
          "see zhibiao targets diff \(issue.version) config; issue an adjustment with zhibiao targets issue --year "
          + "\(year) --doc NUMBER --reason TEXT")
    }
  }
}
