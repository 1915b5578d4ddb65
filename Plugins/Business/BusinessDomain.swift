import Foundation
import ZhibiaoKernel

/// 商务服务 (business services), led by 市商务局: exhibitions, human resources, creative design
/// and the headquarters economy.
///
/// Code checks that tiered counts nest: every 千亿级 headquarters enterprise is also a 百亿级
/// one, so the 百亿级 target can never be lower than the 千亿级 target.
public struct BusinessDomain: DomainPlugin {
  /// Creates the module.
  public init() {}

  public var domainID: DomainID { "business" }

  /// Pairs (wider tier, narrower tier) whose counts nest.
  static let nestedTiers: [(wider: IndicatorID, narrower: IndicatorID)] = [
    ("business.hq_10bn", "business.hq_100bn")
  ]

  public var checks: [DomainCheck] { [Self.tiersNest] }

  /// For each year both tiers have a level target: target(wider) ≥ target(narrower).
  static let tiersNest = DomainCheck(
    id: "business.tiers_nest",
    summary: LocalizedText(zh: "分级企业数目标逐级包含", en: "Targets of tiered enterprise counts nest")
  ) { plan in
    nestedTiers.flatMap { pair -> [Diagnostic] in
      guard let wider = plan.indicator(pair.wider), let narrower = plan.indicator(pair.narrower) else {
        return []
      }
      return narrower.targets.compactMap { inner -> Diagnostic? in
        guard inner.measure == .level, let innerValue = inner.value,
          let outer = wider.targets.first(where: { $0.year == inner.year && $0.measure == .level }),
          let outerValue = outer.value, outerValue < innerValue
        else { return nil }
        return Diagnostic(
          .error, at: wider.position(of: "targets.\(inner.year)"),
          "The \(inner.year) target \(outerValue) of '\(wider.id)' is below the \(innerValue) of '\(narrower.id)', whose enterprises it includes."
        )
      }
    }
  }
}
