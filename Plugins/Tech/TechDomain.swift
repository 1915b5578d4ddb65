import ZhibiaoKernel

/// 科技服务 (science and technology services), led by 市科技局: research and development,
/// professional technical services, intellectual property, testing, industrial design.
///
/// Code adds R&D intensity (R&D经费支出占GDP比重) as a ratio of two reported amounts; the kernel
/// checks that it is averaged over districts by its own denominator, the only weighting under
/// which the districts' ratios combine to the city's.
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
}
