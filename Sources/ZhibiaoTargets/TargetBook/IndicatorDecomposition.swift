import Foundation
import ZhibiaoPlan

/// The decomposition of one indicator: collects its entries and notes.
struct IndicatorDecomposition {
  let decomposer: Decomposer
  let indicator: Indicator
  var entries: [TargetBook.Entry] = []
  var notes: [LocalizedText] = []

  init(decomposer: Decomposer, indicator: Indicator) {
    self.decomposer = decomposer
    self.indicator = indicator
  }

  var plan: Plan { decomposer.plan }
  var rule: DecompositionRule { indicator.decompose ?? DecompositionRule() }
  var precision: Decimal { indicator.precision ?? (indicator.isCount ? 1 : Decimal(string: "0.01")!) }
  var districts: [OrgID] { indicator.eligible ?? plan.districts.map(\.id) }
  var baseYear: Int { plan.baseYear }

  mutating func run() throws(DecompositionFailure) {
    if indicator.kind == .qualitative {
      for year in decomposer.years {
        add(indicator.owner, .year(year), nil, comparator: nil, measure: .level, method: .owner)
      }
      notes.append(LocalizedText(zh: "定性目标，由责任单位承担。", en: "A qualitative aim, held by the owner bureau."))
      return
    }
    guard let target = indicator.target(for: plan.targetYear) ?? indicator.targets.last else {
      throw DecompositionFailure(message: "'\(indicator.id)' has no target to decompose.")
    }
    if target.comparator == .parity || indicator.aggregation == .cityOnly {
      try decomposeCityOnly(target)
      return
    }
    switch indicator.kind {
    case .ratio: try decomposeRatio(target)
    case .growthRate: decomposeCityRate(target)
    case .flow, .stock: try decomposeAmount(target)
    case .rank, .qualitative: try decomposeCityOnly(target)
    }
  }

  // MARK: - Entries

  mutating func add(
    _ org: OrgID, _ period: Period, _ value: Decimal?, comparator: Target.Comparator?, measure: Target.Measure,
    method: DecompositionMethod, partner: IndicatorID? = nil, seasonalShare: Decimal? = nil
  ) {
    entries.append(
      TargetBook.Entry(
        indicator: indicator.id, org: org, period: period, value: value, comparator: comparator, measure: measure,
        partner: partner, method: method, seasonalShare: seasonalShare, isCity: org == indicator.owner))
  }

  /// Whether year-to-date quarterly milestones are kept for this indicator.
  var isQuarterly: Bool { indicator.frequency == .quarterly }

  // MARK: - Baselines

  func baseline(_ org: OrgID, year: Int? = nil) -> Decimal? {
    decomposer.baselines.value(indicator.id, org, year: year ?? baseYear)
  }

  /// The city's base-year figure: the owner's row, else the sum of every district's.
  func cityBaseline() -> Decimal? {
    if let value = baseline(indicator.owner) { return value }
    let parts = districts.compactMap { baseline($0) }
    return parts.count == districts.count ? parts.reduce(0, +) : nil
  }

  func requireDistrictBaselines() throws(DecompositionFailure) -> [Decimal] {
    let missing = districts.filter { baseline($0) == nil }
    if !missing.isEmpty {
      throw DecompositionFailure(
        message: "'\(indicator.id)' has no \(baseYear) baseline for \(missing.map(\.rawValue).joined(separator: ", "))."
      )
    }
    return districts.map { baseline($0)! }
  }

  // MARK: - City path

  /// The city figure of each year: exact in the target year, rounded to the precision before.
  func cityPath(_ target: Target, path: TimePath) throws(DecompositionFailure) -> [Int: Decimal] {
    guard let end = target.value else { return [:] }
    var values: [Int: Decimal] = [:]
    let n = decomposer.span
    switch path {
    case .constant:
      for year in decomposer.years { values[year] = end }
    case .quota:
      let total = DecimalArithmetic.units(end, of: precision)
      var cumulative = 0
      for (offset, year) in decomposer.years.enumerated() {
        // Equal quotas; the remainder goes one unit at a time to the last years.
        let extra = offset >= n - total % n ? 1 : 0
        cumulative += total / n + extra
        values[year] = DecimalArithmetic.value(units: cumulative, of: precision)
      }
    case .compound, .linear, .sCurve:
      guard let start = cityBaseline() else {
        throw DecompositionFailure(
          message: "'\(indicator.id)' has no \(baseYear) city baseline to start its path from.")
      }
      for (offset, year) in decomposer.years.enumerated() {
        let t = offset + 1
        let value = path.value(
          from: DecimalArithmetic.double(start), to: DecimalArithmetic.double(end), t: t, n: n)
        values[year] = t == n ? end : DecimalArithmetic.rounded(Decimal(value), toMultipleOf: precision)
      }
    }
    return values
  }
}
