import Foundation
import ZhibiaoKernel

/// How a target reads in listings: `≥ 13000 亿元`, `新增 ≥ 100 家`, `= digital.services_va_share_gdp`.
enum TargetText {
  static func describe(_ target: Target, of indicator: Indicator, in language: Language) -> String {
    if target.comparator == .parity {
      let partner = target.partner?.rawValue ?? "?"
      return language == .zh ? "与 \(partner) 相持平" : "level with \(partner)"
    }
    let value = target.value.map { "\($0)" } ?? "?"
    let unit = indicator.unit.map { $0 == "%" ? "%" : " \($0)" } ?? ""
    let prefix = target.measure.prefix(in: language)
    return "\(prefix)\(target.comparator.symbol) \(value)\(unit)"
  }

  /// The target of the plan's target year, or the aims of a qualitative indicator.
  static func summary(of indicator: Indicator, plan: Plan, in language: Language) -> String {
    if indicator.kind == .qualitative { return indicator.aims.joined(separator: language == .zh ? "、" : "; ") }
    return indicator.targets.map { target in
      let text = describe(target, of: indicator, in: language)
      return target.year == plan.targetYear ? text : "\(text) (\(target.year))"
    }.joined(separator: "; ")
  }
}
