import ZhibiaoKernel

/// 科技服务 (science and technology services), led by 市科技局: research and development,
/// professional technical services, intellectual property, testing, industrial design.
///
/// Code adds R&D intensity (R&D经费支出占GDP比重) as a ratio of two reported amounts, and checks
/// that a derived ratio is averaged over districts by its own denominator — the only weighting
/// under which the districts' ratios combine to the city's.
public struct TechDomain: DomainPlugin {
  /// Creates the module.
  public init() {}

  public var domainID: DomainID { "tech" }

  public var derivations: [Derivation] {
    [
      .percentage(
        "tech.rd_intensity", numerator: "tech.rd_expenditure", denominator: "plan.gdp",
        formula: LocalizedText(zh: "R&D经费支出 ÷ 地区生产总值 × 100%", en: "R&D expenditure ÷ GDP × 100%"))
    ]
  }

  public var checks: [DomainCheck] { [Self.ratioWeightedByDenominator] }

  /// Σ(r_i · d_i) / Σ d_i equals the city ratio Σ n_i / Σ d_i only when r_i = n_i / d_i is
  /// weighted by its denominator d_i; any other weight makes district targets inconsistent.
  static let ratioWeightedByDenominator = DomainCheck(
    id: "tech.ratio_weighted_by_denominator",
    summary: LocalizedText(
      zh: "派生比率按其分母加权汇总", en: "A derived ratio is averaged by its denominator")
  ) { plan in
    plan.derivations.compactMap { derivation -> Diagnostic? in
      guard let indicator = plan.indicator(derivation.indicator), indicator.domain == "tech",
        indicator.kind == .ratio, let denominator = derivation.inputs.last
      else { return nil }
      guard indicator.aggregation != .weightedMean || indicator.weight != denominator else { return nil }
      return Diagnostic(
        .error, at: indicator.position(of: "weight"),
        "The ratio '\(indicator.id)' is \(derivation.formula.en), so districts must be averaged by '\(denominator)'.",
        hint: "set 'aggregation: weighted_mean' and 'weight: \(denominator)'")
    }
  }
}
