import ZhibiaoPlan

/// How a figure in the target book was derived. Self-describing: every method states its
/// formula, so reports and the methods appendix can list them all.
public enum DecompositionMethod: String, Hashable, Sendable, CaseIterable, Codable {
  /// The city figure of a city-only indicator, assigned to its owner bureau.
  case owner
  /// The city figure on a compound-growth path.
  case compound
  /// The city figure on a linear path.
  case linear
  /// The city figure as cumulative annual quotas of an increase.
  case quota
  /// The same bound every year.
  case constant
  /// The city figure on a logistic S-curve.
  case sCurve = "s_curve"
  /// A district share in proportion to its base-year value, within bounds, rounded by largest remainder.
  case baselineShare = "baseline_share"
  /// A district share in proportion to configured weights.
  case explicitShare = "explicit"
  /// A district share blending base-year share and growth share.
  case growthBlend = "growth_blend"
  /// A district figure fixed in the configuration.
  case pinned
  /// Whole numbers by largest remainder (Hare quota).
  case hamilton
  /// Whole numbers by the Webster / Sainte-Laguë divisor method.
  case webster
  /// Whole numbers by the D'Hondt divisor method.
  case dhondt
  /// Whole numbers by the Huntington–Hill divisor method.
  case huntingtonHill = "huntington_hill"
  /// Whole numbers by the Adams divisor method.
  case adams
  /// A district rate scaled from its base-year rate so that the weighted mean is the city's.
  case scaledRate = "scaled_rate"
  /// The city's rate for every district.
  case cityRate = "city_rate"
  /// A year-to-date milestone of a flow: annual target × seasonal share.
  case seasonal
  /// A year-to-date milestone of a stock: interpolated within the year.
  case interpolated

  /// The method's name and formula in Chinese and English.
  public var summary: LocalizedText {
    switch self {
    case .owner: LocalizedText(zh: "全市指标，由责任单位承担", en: "City-only figure, held by the owner bureau")
    case .compound:
      LocalizedText(zh: "复合增长：x_t = x_0·(1+g)^t，g = (x_T/x_0)^(1/n) − 1", en: "Compound growth: x_t = x_0·(1+g)^t")
    case .linear: LocalizedText(zh: "线性：x_t = x_0 + (x_T − x_0)·t/n", en: "Linear: x_t = x_0 + (x_T − x_0)·t/n")
    case .quota: LocalizedText(zh: "新增量按年度配额累计，配额之和等于目标", en: "Annual quotas of an increase that add up to it")
    case .constant: LocalizedText(zh: "逐年同一标准", en: "The same bound every year")
    case .sCurve: LocalizedText(zh: "S 型曲线（logistic，k = 6）", en: "Logistic S-curve (k = 6)")
    case .baselineShare:
      LocalizedText(
        zh: "按基期份额：x_i = clamp(λ·b_i, L_i, U_i)，Σx_i = R，最大余额法取整",
        en: "Baseline share: x_i = clamp(λ·b_i, L_i, U_i), Σx_i = R, largest remainder")
    case .explicitShare: LocalizedText(zh: "按配置权重分配", en: "In proportion to configured weights")
    case .growthBlend:
      LocalizedText(zh: "(1−α)·基期份额 + α·增量份额", en: "(1 − α)·baseline share + α·growth share")
    case .pinned: LocalizedText(zh: "配置中固定的区县目标", en: "District target fixed in the configuration")
    case .hamilton: Apportionment.Method.hamilton.name
    case .webster: Apportionment.Method.webster.name
    case .dhondt: Apportionment.Method.dhondt.name
    case .huntingtonHill: Apportionment.Method.huntingtonHill.name
    case .adams: Apportionment.Method.adams.name
    case .scaledRate:
      LocalizedText(
        zh: "比率按基期比率同比例调整：r_i = k·r_i0，k = R·ΣD_i / Σ(r_i0·D_i)",
        en: "Scaled rates: r_i = k·r_i0, k = R·ΣD_i / Σ(r_i0·D_i)")
    case .cityRate: LocalizedText(zh: "各区县采用全市增速目标", en: "Every district takes the city's rate")
    case .seasonal:
      LocalizedText(zh: "累计季度目标 = 年度目标 × 累计季节份额 S_q", en: "Year-to-date = annual target × S_q")
    case .interpolated:
      LocalizedText(zh: "年内按季度线性插值", en: "Interpolated linearly within the year")
    }
  }

  /// The method for a time path.
  init(_ path: TimePath) {
    self =
      switch path {
      case .compound: .compound
      case .linear: .linear
      case .quota: .quota
      case .constant: .constant
      case .sCurve: .sCurve
      }
  }

  /// The method for whole counts apportioned by `method`.
  init(_ method: Apportionment.Method) {
    self =
      switch method {
      case .hamilton: .hamilton
      case .webster: .webster
      case .dhondt: .dhondt
      case .huntingtonHill: .huntingtonHill
      case .adams: .adams
      }
  }

  /// The method for a share rule.
  init(_ share: DecompositionRule.Share) {
    self =
      switch share {
      case .baselineShare: .baselineShare
      case .explicit: .explicitShare
      case .growthBlend: .growthBlend
      }
  }
}
