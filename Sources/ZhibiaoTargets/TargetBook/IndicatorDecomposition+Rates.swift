import Foundation
import ZhibiaoPlan

extension IndicatorDecomposition {
  /// A city-only figure (a national rank, a parity, a count the city holds as a whole) goes
  /// to its owner bureau only, along its path.
  mutating func decomposeCityOnly(_ target: Target) throws(DecompositionFailure) {
    var path = rule.path ?? TimePath.default(for: indicator, target: target)
    if path != .constant && path != .quota && cityBaseline() == nil { path = .constant }
    let values = target.value == nil ? [:] : try cityPath(target, path: path)
    for year in decomposer.years {
      add(
        indicator.owner, .year(year), values[year], comparator: target.comparator, measure: target.measure,
        method: .owner, partner: target.partner)
    }
    notes.append(
      LocalizedText(
        zh: "全市指标，不分解到区县，由\(plan.org(indicator.owner)?.name.zh ?? indicator.owner.rawValue)承担。",
        en:
          "A city-only figure, not shared by districts; held by \(plan.org(indicator.owner)?.name.en ?? indicator.owner.rawValue)."
      ))
  }

  /// A growth rate: every district takes the city's rate, every year and quarter. Rates that
  /// are each at least g give a combined rate of at least g under any positive weights, so
  /// the districts' targets are consistent with the city's when weighted by prior-year levels.
  mutating func decomposeCityRate(_ target: Target) {
    let periods = decomposer.years.flatMap { year in
      [Period.year(year)] + (isQuarterly ? (1...4).map { Period.quarter($0, of: year) } : [])
    }
    for period in periods {
      add(
        indicator.owner, period, target.value, comparator: target.comparator, measure: target.measure,
        method: .constant)
      for district in districts {
        add(
          district, period, target.value, comparator: target.comparator, measure: target.measure,
          method: .cityRate)
      }
    }
    notes.append(
      LocalizedText(
        zh: "各区县采用全市增速目标；按上年余额加权后与全市一致。",
        en: "Every district takes the city's rate; consistent once weighted by prior-year levels."))
  }

  /// A ratio such as R&D spending / GDP: r_i,t = k_t · r_i,0, where r_i,0 is the district's
  /// base-year ratio and k_t = R_t · Σ D_i,t / Σ (r_i,0 · D_i,t) makes the denominator-
  /// weighted mean of the district rates equal the city's rate R_t, with D_i,t the district
  /// denominators of year t (projected from the base year at the weight indicator's
  /// `assumed_growth`, or the base-year values when none is given). District rates are
  /// rounded to the precision towards the stricter side, so the weighted mean of the rounded
  /// rates meets R_t (it may exceed it by less than one step of precision).
  mutating func decomposeRatio(_ target: Target) throws(DecompositionFailure) {
    guard indicator.aggregation == .weightedMean, let weightID = indicator.weight,
      let weightIndicator = plan.indicator(weightID)
    else {
      throw DecompositionFailure(message: "'\(indicator.id)' is a ratio with no weight indicator to combine districts.")
    }
    guard let derivation = plan.derivation(for: indicator.id) else {
      throw DecompositionFailure(message: "'\(indicator.id)' is a ratio but no domain module derives it.")
    }
    let baselines = decomposer.baselines
    let baseYear = self.baseYear
    func ratio(_ org: OrgID) -> Double? {
      derivation.compute(
        Derivation.Inputs(year: baseYear, baseYear: baseYear) { id, year in
          baselines.value(id, org, year: year).map(DecimalArithmetic.double)
        })
    }
    let startRates = districts.map(ratio)
    let missing = districts.indices.filter { startRates[$0] == nil }
    if !missing.isEmpty {
      throw DecompositionFailure(
        message:
          "'\(indicator.id)' cannot compute the \(baseYear) ratio of \(missing.map { districts[$0].rawValue }.joined(separator: ", "))."
      )
    }
    let denominators = districts.map { baselines.value(weightID, $0, year: baseYear) }
    if denominators.contains(where: { $0 == nil }) {
      throw DecompositionFailure(message: "'\(indicator.id)' lacks \(baseYear) values of its weight '\(weightID)'.")
    }
    let growth = (weightIndicator.decompose?.assumedGrowth).map { DecimalArithmetic.double($0) / 100 }
    let cityStart =
      ratio(indicator.owner)
      ?? {
        let total = denominators.map { DecimalArithmetic.double($0!) }.reduce(0, +)
        return zip(startRates, denominators).map { $0! * DecimalArithmetic.double($1!) }.reduce(0, +) / total
      }()
    guard let end = target.value else { return }
    let path = rule.path ?? .linear
    var achieved: [Int: Double] = [:]
    for year in decomposer.years {
      let t = year - baseYear
      let cityRate =
        year == plan.targetYear
        ? end
        : DecimalArithmetic.rounded(
          Decimal(path.value(from: cityStart, to: DecimalArithmetic.double(end), t: t, n: decomposer.span)),
          toMultipleOf: precision)
      let weights = denominators.map { DecimalArithmetic.double($0!) * pow(1 + (growth ?? 0), Double(t)) }
      let weightTotal = weights.reduce(0, +)
      let scaledTotal = zip(startRates, weights).map { $0! * $1 }.reduce(0, +)
      let k = DecimalArithmetic.double(cityRate) * weightTotal / scaledTotal
      add(
        indicator.owner, .year(year), cityRate, comparator: target.comparator, measure: target.measure,
        method: DecompositionMethod(path))
      var weighted = 0.0
      for (index, district) in districts.enumerated() {
        // Rounded towards the stricter side (up for "at least"), so that the weighted mean of
        // the rounded district rates still meets the city's rate.
        let rate = DecimalArithmetic.rounded(
          Decimal(k * startRates[index]!), toMultipleOf: precision,
          target.comparator == .atMost ? .down : .up)
        weighted += DecimalArithmetic.double(rate) * weights[index]
        add(district, .year(year), rate, comparator: target.comparator, measure: target.measure, method: .scaledRate)
      }
      achieved[year] = weighted / weightTotal
    }
    let denominatorText =
      growth.map { g in
        LocalizedText(
          zh: "分母为 \(weightIndicator.name.zh)，以 \(baseYear) 年基数按年均 \(g * 100)% 推算各年数值（假设值）",
          en:
            "denominators: \(weightIndicator.name.en), projected from \(baseYear) at \(g * 100)% a year (an assumption)"
        )
      }
      ?? LocalizedText(
        zh: "分母为 \(baseYear) 年 \(weightIndicator.name.zh)", en: "denominators: \(baseYear) \(weightIndicator.name.en)")
    let targetAchieved = achieved[plan.targetYear].map { String(format: "%.4f", $0) } ?? "?"
    notes.append(
      LocalizedText(
        zh: "\(denominatorText.zh)；\(plan.targetYear) 年区县目标取整后的加权平均为 \(targetAchieved)%。",
        en:
          "\(denominatorText.en); the weighted mean of the rounded \(plan.targetYear) district targets is \(targetAchieved)%."
      ))
  }
}
