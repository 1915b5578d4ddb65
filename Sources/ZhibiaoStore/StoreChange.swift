import Foundation
import ZhibiaoKernel

/// A write that another process made to a shared store, as the store tells of it: which orgs'
/// periods changed, and whether it was a lock. Web app instances on one PostgreSQL database use
/// these to keep their open pages and computed standing current.
public struct StoreChange: Hashable, Sendable {
  /// Whether the write locked the periods, rather than writing figures in them.
  public var isLock: Bool
  /// The orgs' periods written; nil when the write was too large to name them all.
  public var periods: [OrgPeriodKey]?

  /// An org's period.
  public struct OrgPeriodKey: Hashable, Sendable {
    public var org: OrgID
    public var period: Period

    public init(org: OrgID, period: Period) {
      self.org = org
      self.period = period
    }
  }

  public init(isLock: Bool, periods: [OrgPeriodKey]?) {
    self.isLock = isLock
    self.periods = periods
  }

  /// The longest text a notification carries (PostgreSQL's limit is 8000 bytes).
  static let limit = 7000

  /// The change as a notification's text, from the process `sender`: its lines are the sender,
  /// `lock` or `write`, then `ORG|PERIOD` per period, or `*` for all of them.
  package func payload(from sender: String) -> String {
    let head = "\(sender)\n\(isLock ? "lock" : "write")"
    guard let periods else { return head + "\n*" }
    let text = head + periods.map { "\n\($0.org)|\($0.period)" }.joined()
    return text.utf8.count <= Self.limit ? text : head + "\n*"
  }

  /// The change a notification's text tells of, with its sender; nil for a text that is not one.
  package static func parse(_ payload: String) -> (sender: String, change: StoreChange)? {
    let lines = payload.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.count >= 3, lines[1] == "lock" || lines[1] == "write" else { return nil }
    if lines[2] == "*" { return (lines[0], StoreChange(isLock: lines[1] == "lock", periods: nil)) }
    var periods: [OrgPeriodKey] = []
    for line in lines.dropFirst(2) {
      let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
      guard parts.count == 2, let period = PeriodText.parse(parts[1]) else { return nil }
      periods.append(OrgPeriodKey(org: OrgID(parts[0]), period: period))
    }
    return (lines[0], StoreChange(isLock: lines[1] == "lock", periods: periods))
  }
}
