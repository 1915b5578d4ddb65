import Foundation
import ZhibiaoPlan
import ZhibiaoTargets

/// The monitoring report at one period: every row with a target, in plan order (each indicator's
/// city row first, then its districts), for a command to print as a table, JSON, CSV or Markdown.
public struct MonitoringReport: Hashable, Sendable, Encodable {
  /// The period monitored.
  public var period: Period
  /// The day monitoring was run, `YYYY-MM-DD`, when given.
  public var asOf: String?
  /// The rows.
  public var rows: [MonitoringRow]
  /// The issued target version the rows were measured against; nil when the year's targets are
  /// the configuration's, never issued.
  public var targets: TargetCitation?

  /// A report.
  public init(period: Period, asOf: String?, rows: [MonitoringRow]) {
    self.period = period
    self.asOf = asOf
    self.rows = rows
  }

  /// The rows that pass every filter given (`--org`, `--status`, `--domain`).
  public func filtered(
    orgs: Set<OrgID>? = nil, statuses: Set<PaceStatus>? = nil, domains: Set<DomainID>? = nil
  ) -> MonitoringReport {
    var report = MonitoringReport(
      period: period, asOf: asOf,
      rows: rows.filter { row in
        (orgs?.contains(row.org) ?? true) && (statuses?.contains(row.status) ?? true)
          && (domains.map { row.domain.map($0.contains) ?? false } ?? true)
      })
    report.targets = targets
    return report
  }

  /// The number of rows of each light.
  public var counts: [PaceStatus: Int] {
    Dictionary(grouping: rows, by: \.status).mapValues(\.count)
  }

  enum CodingKeys: String, CodingKey {
    case period
    case asOf = "as_of"
    case rows
    case targets
  }

  /// Encodes `period`, `as_of`, `targets` (null when never issued) and `rows`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(period.description, forKey: .period)
    try container.encode(asOf, forKey: .asOf)
    try container.encode(targets, forKey: .targets)
    try container.encode(rows, forKey: .rows)
  }
}
