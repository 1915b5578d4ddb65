import Foundation
import ZhibiaoPlan

extension IndicatorDecomposition {
  /// The seasonal profile of a flow: the rule's own, else one estimated from at least three
  /// years of history, else the plan's default, else time elapsed.
  var seasonalProfile: SeasonalProfile {
    if let shares = rule.seasonal { return SeasonalProfile(shares: shares, origin: .indicator) }
    if let estimated = SeasonalProfile.estimate(
      yearToDate: decomposer.history(indicator.id), abnormal: Set(rule.abnormalYears))
    {
      return estimated
    }
    if let shares = plan.decompositionDefaults.seasonalProfile {
      return SeasonalProfile(shares: shares, origin: .planDefault)
    }
    return .timeElapsed
  }

  /// Year-to-date milestones for Q1–Q4 of `year`. A flow at its level reaches S_q of the
  /// year's target by quarter q; stocks, counts and increases move in equal steps from the
  /// previous year-end to this one. Districts always add up to the city exactly.
  mutating func addQuarters(
    year: Int, target: Target, cityYear: Decimal, districtYear: [Int], districtPrevious: [Int], cityPrevious: Decimal
  ) throws(DecompositionFailure) {
    let seasonal = indicator.kind == .flow && target.measure == .level
    let profile = seasonal ? seasonalProfile : nil
    for quarter in 1...4 {
      let period = Period.quarter(quarter, of: year)
      let city: Decimal
      let units: [Int]
      if let profile {
        let share = profile.share(quarter)
        city = quarter == 4 ? cityYear : DecimalArithmetic.rounded(cityYear * share, toMultipleOf: precision)
        units =
          quarter == 4
          ? districtYear
          : try yearUnits(
            DecimalArithmetic.units(city, of: precision),
            weights: districtYear.map { Double($0) * DecimalArithmetic.double(share) },
            floors: districtYear.map { _ in 0 }, caps: districtYear, year: year)
        add(
          indicator.owner, period, city, comparator: target.comparator, measure: target.measure,
          method: .seasonal, seasonalShare: share)
        for (index, district) in districts.enumerated() {
          add(
            district, period, DecimalArithmetic.value(units: units[index], of: precision),
            comparator: target.comparator, measure: target.measure, method: .seasonal, seasonalShare: share)
        }
      } else {
        let step = Decimal(quarter) / 4
        city =
          quarter == 4
          ? cityYear
          : DecimalArithmetic.rounded(cityPrevious + (cityYear - cityPrevious) * step, toMultipleOf: precision)
        units =
          quarter == 4
          ? districtYear
          : try yearUnits(
            DecimalArithmetic.units(city, of: precision),
            weights: zip(districtPrevious, districtYear).map { Double($0) + Double($1 - $0) * Double(quarter) / 4 },
            floors: zip(districtPrevious, districtYear).map { min($0, $1) },
            caps: zip(districtPrevious, districtYear).map { max($0, $1) }, year: year)
        add(
          indicator.owner, period, city, comparator: target.comparator, measure: target.measure, method: .interpolated)
        for (index, district) in districts.enumerated() {
          add(
            district, period, DecimalArithmetic.value(units: units[index], of: precision),
            comparator: target.comparator, measure: target.measure, method: .interpolated)
        }
      }
    }
  }
}
