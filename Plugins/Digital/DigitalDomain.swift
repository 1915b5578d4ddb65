import ZhibiaoKernel

/// 数字服务 (digital services), led by 市经信局: information software, digital trade, live
/// e-commerce and digital content.
///
/// Code adds the two shares whose parity the plan sets (规上数字经济服务业营业收入占比 与
/// 服务业增加值占GDP比重相持平), computed from reported amounts rather than typed in.
public struct DigitalDomain: DomainPlugin {
  /// Creates the module.
  public init() {}

  public var domainID: DomainID { Self.id }

  static let id: DomainID = "digital"

  public var derivations: [Derivation] {
    [
      .percentage(
        "digital.digital_economy_services_revenue_share",
        numerator: "digital.digital_economy_services_revenue", denominator: "plan.services_revenue",
        formula: LocalizedText(
          zh: "规上数字经济服务业营业收入 ÷ 规上服务业营业收入 × 100%",
          en: "Digital-economy services revenue ÷ services revenue (above designated size) × 100%")),
      .percentage(
        "digital.services_va_share_gdp", numerator: "plan.services_va", denominator: "plan.gdp",
        formula: LocalizedText(
          zh: "服务业增加值 ÷ 地区生产总值 × 100%", en: "Services value added ÷ GDP × 100%")),
    ]
  }

  public var checks: [DomainCheck] { [Self.parityIsComputed] }

  /// Both sides of every parity aim in this domain are computed from amounts, so that the
  /// parity can be monitored from reported figures and not from two typed-in percentages.
  static let parityIsComputed = DomainCheck(
    id: "digital.parity_is_computed",
    summary: LocalizedText(
      zh: "相持平目标的两端均由报送金额计算得出", en: "Both sides of a parity aim are computed from reported amounts")
  ) { plan in
    plan.indicators.filter { $0.domain == id }.flatMap { indicator in
      indicator.targets.flatMap { target -> [Diagnostic] in
        guard let partner = target.partner else { return [] }
        return [indicator.id, partner].compactMap { side -> Diagnostic? in
          guard plan.derivation(for: side) == nil else { return nil }
          return Diagnostic(
            .error, at: indicator.position(of: "targets.\(target.year).with"),
            "The parity aim of '\(indicator.id)' needs '\(side)' to be computed from amounts, but no derivation computes it.",
            hint: "add a derivation for '\(side)' to its domain module")
        }
      }
    }
  }
}
