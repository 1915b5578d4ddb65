import Foundation
import ZhibiaoKernel

/// Which indicator of the previous plan each indicator of a plan continues as (`continues.yaml`,
/// 接续关系): written by `zhibiao plan new` with every indicator continuing as itself, edited when
/// one is renamed, merged or retired (`~`), and read by `zhibiao plan baselines` to carry the
/// previous plan's year-end figures over to the right indicators.
public struct PlanContinuation: Sendable {
  /// The previous plan's id.
  public var previousPlan: String
  /// Each old indicator, the new one it continues as (nil: retired), and where that is written.
  public var continues: [(old: IndicatorID, new: IndicatorID?, location: SourceLocation)]

  /// The old → new map of the indicators that continue.
  public var map: [IndicatorID: IndicatorID] {
    Dictionary(
      continues.compactMap { entry in entry.new.map { (entry.old, $0) } }, uniquingKeysWith: { first, _ in first })
  }

  /// Reads `continues.yaml` and checks it against both plans: every old id is the previous plan's,
  /// every new id this plan's, each old id once.
  public static func decode(
    _ data: Data, file: String, previous: Plan, next: Plan
  ) throws(ConfigurationErrors) -> PlanContinuation {
    try ConfigDocument.require(data, file: file) { reader in
      guard let mapping = reader.mapping() else { return nil }
      mapping.allowOnly(["previous_plan", "continues"], in: "the continuation file")
      guard let previousID = mapping.required("previous_plan", in: "the continuation file")?.string(),
        let pairs = mapping.required("continues", in: "the continuation file")?.mapping()
      else { return nil }
      if previousID != previous.id.rawValue {
        mapping.optional("previous_plan")?.error("The previous plan is '\(previous.id)', not '\(previousID)'.")
      }
      var seen: Set<String> = []
      var continues: [(old: IndicatorID, new: IndicatorID?, location: SourceLocation)] = []
      for entry in pairs.entries {
        let value = NodeReader(entry.value, keyPath: "continues.\(entry.key)", log: reader.log)
        if previous.indicator(IndicatorID(entry.key)) == nil {
          reader.log.error(
            "'\(entry.key)' is not an indicator of the previous plan '\(previous.id)'.", at: entry.keyLocation,
            hint: Suggestion.hint(for: entry.key, among: previous.indicators.map(\.id.rawValue)))
        }
        if !seen.insert(entry.key).inserted {
          reader.log.error("'\(entry.key)' is given twice.", at: entry.keyLocation)
        }
        guard !entry.value.isNull else {
          continues.append((IndicatorID(entry.key), nil, entry.keyLocation))
          continue
        }
        guard let new = value.string() else { continue }
        if next.indicator(IndicatorID(new)) == nil {
          value.error(
            "'\(new)' is not an indicator of this plan '\(next.id)'.",
            hint: Suggestion.hint(for: new, among: next.indicators.map(\.id.rawValue)))
        }
        continues.append((IndicatorID(entry.key), IndicatorID(new), value.location))
      }
      return PlanContinuation(previousPlan: previousID, continues: continues)
    }
  }
}
