import Foundation
import ZhibiaoKernel

/// 金融服务 (financial services), led by 市地方金融监管局: fintech, sci-tech finance, green
/// finance.
///
/// Code adds the average annual growth of green loans (绿色贷款年均增速) from the reported
/// balances, and checks that the growth target is stated as an average annual rate.
public struct FinanceDomain: DomainPlugin {
  /// Creates the module.
  public init() {}

  public var domainID: DomainID { "finance" }

  static let growth: IndicatorID = "finance.green_loan_growth"
  static let balance: IndicatorID = "finance.green_loan_balance"

  public var derivations: [Derivation] {
    [
      Derivation(
        indicator: Self.growth, inputs: [Self.balance],
        formula: LocalizedText(
          zh: "((第t年末绿色贷款余额 ÷ 基期年末余额)^(1/(t−基期)) − 1) × 100%",
          en: "((green loan balance at end of year t ÷ balance at end of base year)^(1/(t − base year)) − 1) × 100%")
      ) { inputs in
        Self.averageAnnualGrowth(
          from: inputs.value(Self.balance, inputs.baseYear), to: inputs.value(Self.balance, inputs.year),
          years: inputs.year - inputs.baseYear)
      }
    ]
  }

  /// g = ((B_t / B_0)^(1/n) − 1) × 100, the compound average annual growth in percent; nil
  /// when a balance is missing, not positive, or n < 1.
  static func averageAnnualGrowth(from start: Double?, to end: Double?, years: Int) -> Double? {
    guard let start, let end, start > 0, end > 0, years >= 1 else { return nil }
    return (pow(end / start, 1 / Double(years)) - 1) * 100
  }

  public var checks: [DomainCheck] { [Self.growthIsAverageAnnual] }

  /// 年均增速 is a compound average over the years since the base year: the target must say
  /// `measure: average_annual`, and the growth must be weighted by the balance it grows.
  static let growthIsAverageAnnual = DomainCheck(
    id: "finance.growth_is_average_annual",
    summary: LocalizedText(
      zh: "年均增速目标按基期以来复合平均计算，并按余额加权",
      en: "An average growth target is compound since the base year and weighted by the balance")
  ) { plan in
    guard let indicator = plan.indicator(growth) else { return [] }
    var problems: [Diagnostic] = []
    for target in indicator.targets where target.measure != .averageAnnual {
      problems.append(
        Diagnostic(
          .error, at: indicator.position(of: "targets.\(target.year)"),
          "The target of '\(growth)' is an average annual growth (年均增速), not '\(target.measure.rawValue)'.",
          hint: "set 'measure: average_annual'"))
    }
    if indicator.weight != balance {
      problems.append(
        Diagnostic(
          .error, at: indicator.position(of: "weight"),
          "The growth '\(growth)' of districts combines by the balance it grows, '\(balance)'.",
          hint: "set 'aggregation: weighted_mean' and 'weight: \(balance)'"))
    }
    return problems
  }
}
