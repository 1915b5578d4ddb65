import Foundation
import ZhibiaoKernel

/// What changed between two sets of targets (two issued versions, or a version and the
/// configuration): per indicator, org and period, a target added, removed, or changed in value,
/// comparator, measure, partner or derivation.
public struct TargetDiff: Sendable {
  /// One target that differs.
  public struct Change: Hashable, Sendable {
    /// How it differs.
    public enum Kind: String, Hashable, Sendable {
      case added, removed, changed
    }

    public var indicator: IndicatorID
    public var org: OrgID
    public var period: Period
    /// The target before and after; nil where there is none.
    public var old: TargetBook.Entry?
    public var new: TargetBook.Entry?

    public var kind: Kind {
      switch (old, new) {
      case (nil, _): .added
      case (_, nil): .removed
      default: .changed
      }
    }

    /// The value's change, new − old, when both have one.
    public var delta: Decimal? {
      guard let old = old?.value, let new = new?.value else { return nil }
      return new - old
    }

    /// The fields that differ besides the value: `comparator`, `measure`, `partner`, `method`,
    /// `seasonal_share`, `city`.
    public var fields: [String] {
      guard let old, let new else { return [] }
      var fields: [String] = []
      if old.value != new.value { fields.append("value") }
      if old.comparator != new.comparator { fields.append("comparator") }
      if old.measure != new.measure { fields.append("measure") }
      if old.partner != new.partner { fields.append("partner") }
      if old.method != new.method { fields.append("method") }
      if old.seasonalShare != new.seasonalShare { fields.append("seasonal_share") }
      if old.isCity != new.isCity { fields.append("city") }
      return fields
    }
  }

  /// The targets that differ, ordered by indicator, org and period as ``TargetIssue`` orders a
  /// version's content.
  public let changes: [Change]

  /// The difference from `old` to `new`.
  public init(from old: [TargetBook.Entry], to new: [TargetBook.Entry]) {
    var before: [IssuedTargets.TargetKey: TargetBook.Entry] = [:]
    for entry in old { before[IssuedTargets.TargetKey(entry)] = entry }
    var changes: [Change] = []
    var seen = Set<IssuedTargets.TargetKey>()
    for entry in new {
      let key = IssuedTargets.TargetKey(entry)
      seen.insert(key)
      let previous = before[key]
      if previous != entry {
        changes.append(
          Change(indicator: entry.indicator, org: entry.org, period: entry.period, old: previous, new: entry))
      }
    }
    for entry in old where !seen.contains(IssuedTargets.TargetKey(entry)) {
      changes.append(Change(indicator: entry.indicator, org: entry.org, period: entry.period, old: entry, new: nil))
    }
    self.changes = changes.sorted { a, b in
      TargetIssue.canonicalOrder((a.new ?? a.old)!, (b.new ?? b.old)!)
    }
  }

  /// Whether nothing differs.
  public var isEmpty: Bool { changes.isEmpty }
}
