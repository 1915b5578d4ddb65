import Foundation
import ZhibiaoPlan

extension IndicatorDecomposition {
  /// Additive amounts and counts: the city path, the districts' target-year shares by the
  /// rule, each district's own path to its share, and an exact apportionment of every year's
  /// city figure in whole units of the precision.
  mutating func decomposeAmount(_ target: Target) throws(DecompositionFailure) {
    guard indicator.aggregation == .sum else {
      throw DecompositionFailure(
        message: "'\(indicator.id)' is a \(indicator.kind.rawValue) averaged over districts; only sums decompose so.")
    }
    let path = rule.path ?? TimePath.default(for: indicator, target: target)
    let city = try cityPath(target, path: path)
    guard let end = target.value else { return }
    let isIncrease = target.measure != .level
    let starts = try requireDistrictBaselines()

    // Target year: pinned districts first, the rest share what is left.
    let pinned = districts.map { rule.pins[$0] }
    let remaining = end - pinned.compactMap { $0 }.reduce(0, +)
    let free = districts.indices.filter { pinned[$0] == nil }
    let shareWeights = try weights(starts: starts)
    let finalUnits: [Int]
    if indicator.isCount {
      finalUnits = try wholeTargets(
        total: DecimalArithmetic.units(remaining, of: precision), over: free, weights: shareWeights,
        floors: free.map { index in
          // A stock of recognised entities does not fall: its base-year count is its floor.
          let floor = rule.floors[districts[index]].map { DecimalArithmetic.units($0, of: precision) } ?? 0
          return isIncrease ? floor : max(floor, DecimalArithmetic.units(starts[index], of: precision))
        },
        caps: free.map { rule.caps[districts[$0]].map { DecimalArithmetic.units($0, of: precision) } })
    } else {
      finalUnits = try continuousTargets(remaining: remaining, over: free, weights: shareWeights)
    }
    var final = [Int](repeating: 0, count: districts.count)
    for (slot, index) in free.enumerated() { final[index] = finalUnits[slot] }
    for index in districts.indices where pinned[index] != nil {
      final[index] = DecimalArithmetic.units(pinned[index]!, of: precision)
    }

    // Every year: each district moves along its own path to its target-year figure; the
    // year's city figure is then apportioned in proportion to those path values.
    let shareMethod: DecompositionMethod =
      indicator.isCount ? DecompositionMethod(countMethod) : DecompositionMethod(rule.share)
    var previous: [Int] = starts.map { isIncrease ? 0 : DecimalArithmetic.units($0, of: precision) }
    var annual: [Int: [Int]] = [:]
    for year in decomposer.years {
      let t = year - baseYear
      let cityUnits = DecimalArithmetic.units(city[year]!, of: precision)
      let units: [Int]
      if year == plan.targetYear {
        units = final
      } else {
        let pathValues = districts.indices.map { index -> Double in
          let from = isIncrease ? 0 : Double(DecimalArithmetic.units(starts[index], of: precision))
          return (isIncrease ? TimePath.linear : path).value(
            from: from, to: Double(final[index]), t: t, n: decomposer.span)
        }
        units = try yearUnits(cityUnits, weights: pathValues, floors: previous, caps: final, year: year)
      }
      annual[year] = units
      add(
        indicator.owner, .year(year), city[year]!, comparator: target.comparator, measure: target.measure,
        method: DecompositionMethod(path))
      for (index, district) in districts.enumerated() {
        add(
          district, .year(year), DecimalArithmetic.value(units: units[index], of: precision),
          comparator: target.comparator, measure: target.measure,
          method: pinned[index] != nil ? .pinned : shareMethod)
      }
      if isQuarterly {
        try addQuarters(
          year: year, target: target, cityYear: city[year]!, districtYear: units, districtPrevious: previous,
          cityPrevious: year == decomposer.years.lowerBound
            ? (isIncrease ? 0 : cityBaseline() ?? 0) : city[year - 1]!)
      }
      previous = units
    }
    _ = annual
  }

  /// The count apportionment method: the rule's, else the plan's default.
  var countMethod: Apportionment.Method { rule.countMethod ?? plan.decompositionDefaults.countMethod }

  /// District weights for the target-year shares, by the rule's `share`.
  func weights(starts: [Decimal]) throws(DecompositionFailure) -> [Double] {
    switch rule.share {
    case .baselineShare:
      return starts.map(DecimalArithmetic.double)
    case .explicit:
      let missing = districts.filter { rule.weights[$0] == nil && rule.pins[$0] == nil }
      if !missing.isEmpty {
        throw DecompositionFailure(
          message:
            "'\(indicator.id)' shares by explicit weights but gives none for \(missing.map(\.rawValue).joined(separator: ", "))."
        )
      }
      return districts.map { DecimalArithmetic.double(rule.weights[$0] ?? 0) }
    case .growthBlend:
      let alpha = DecimalArithmetic.double(rule.blend ?? 0.5)
      let earlier = districts.map { baseline($0, year: baseYear - 1) }
      if earlier.contains(where: { $0 == nil }) {
        throw DecompositionFailure(
          message: "'\(indicator.id)' blends in growth shares but lacks \(baseYear - 1) baselines for some districts.")
      }
      let levels = starts.map(DecimalArithmetic.double)
      let growth = zip(levels, earlier.map { DecimalArithmetic.double($0!) }).map { max(0, $0 - $1) }
      let levelTotal = levels.reduce(0, +)
      let growthTotal = growth.reduce(0, +)
      return districts.indices.map { index in
        (1 - alpha) * (levelTotal > 0 ? levels[index] / levelTotal : 0)
          + alpha * (growthTotal > 0 ? growth[index] / growthTotal : 0)
      }
    }
  }

  /// Target-year shares of a continuous amount: x_i = clamp(λ·w_i, L_i, U_i) with Σx_i = R,
  /// then whole units of the precision by largest remainder, within the bounds.
  func continuousTargets(remaining: Decimal, over free: [Int], weights: [Double]) throws(DecompositionFailure)
    -> [Int]
  {
    let lower = free.map { rule.floors[districts[$0]].map(DecimalArithmetic.double) }
    let upper = free.map { rule.caps[districts[$0]].map(DecimalArithmetic.double) }
    let freeWeights = free.map { weights[$0] }
    guard freeWeights.contains(where: { $0 > 0 }) || lower.contains(where: { $0 != nil }) else {
      throw DecompositionFailure(
        message: "'\(indicator.id)' cannot be shared: every district's weight is zero; give explicit weights or pins.")
    }
    let total = DecimalArithmetic.units(remaining, of: precision)
    do {
      let shares = try BoundedShares.solve(
        total: Double(total), weights: freeWeights,
        lower: lower.map { $0.map { $0 / DecimalArithmetic.double(precision) } },
        upper: upper.map { $0.map { $0 / DecimalArithmetic.double(precision) } })
      return try LargestRemainder.round(
        shares, toUnitsSumming: total,
        lower: free.map { rule.floors[districts[$0]].map { DecimalArithmetic.units($0, of: precision) } ?? 0 },
        upper: free.map {
          rule.caps[districts[$0]].map { DecimalArithmetic.units($0, of: precision) } ?? Self.unbounded
        })
    } catch {
      throw DecompositionFailure(message: "'\(indicator.id)': \(error)")
    }
  }

  /// Whole numbers for counts, by the apportionment method.
  mutating func wholeTargets(total: Int, over free: [Int], weights: [Double], floors: [Int], caps: [Int?])
    throws(DecompositionFailure) -> [Int]
  {
    try whole(
      total: total, weights: free.map { weights[$0] }, floors: floors, caps: caps.map { $0 ?? Self.unbounded },
      orgs: free.map { districts[$0] }, year: plan.targetYear)
  }

  /// A bound that never binds, within the exact range of a Double.
  static let unbounded = 1 << 50

  /// Whole numbers by the count method within [floors, caps]. An exact tie for the last unit
  /// is settled only by a configured order — the rule's `tie_break`, else the plan's — and the
  /// settlement is recorded in the notes; with no order configured the tie is refused.
  mutating func whole(total: Int, weights: [Double], floors: [Int], caps: [Int], orgs: [OrgID], year: Int)
    throws(DecompositionFailure) -> [Int]
  {
    let method = countMethod
    do {
      return try Apportionment.apportion(seats: total, weights: weights, method: method, floors: floors, caps: caps)
    } catch {
      guard case .tie(_, let indices, let seats) = error else {
        throw DecompositionFailure(message: "'\(indicator.id)': \(error)")
      }
      let tied = indices.map { orgs[$0] }
      let order = rule.tieBreak.isEmpty ? plan.decompositionDefaults.tieBreak : rule.tieBreak
      let names = tied.map { plan.org($0)?.name.zh ?? $0.rawValue }.joined(separator: "、")
      guard tied.allSatisfy(order.contains) else {
        throw DecompositionFailure(
          message:
            "'\(indicator.id)' in \(year): \(tied.map(\.rawValue).joined(separator: ", ")) tie exactly for the last \(seats) under \(method.name.en); add 'tie_break:' to its 'decompose:' rule or the plan's 'decomposition:', or pin a district."
        )
      }
      // Nudge the tied weights by their rank in the order, far below any real difference.
      let nudged = weights.enumerated().map { index, weight -> Double in
        guard indices.contains(index), let rank = order.firstIndex(of: orgs[index]) else { return weight }
        return weight * (1 + 1e-9 * Double(order.count - rank))
      }
      do {
        let result = try Apportionment.apportion(
          seats: total, weights: nudged, method: method, floors: floors, caps: caps)
        notes.append(
          LocalizedText(
            zh: "\(year) 年\(names)对最后 \(seats) 个名额得分相同，按配置的顺序（tie_break）确定。",
            en:
              "In \(year), \(tied.map(\.rawValue).joined(separator: ", ")) tied exactly for the last \(seats); settled by the configured tie_break order."
          ))
        return result
      } catch {
        throw DecompositionFailure(message: "'\(indicator.id)' in \(year): \(error)")
      }
    }
  }

  /// A year's or quarter's city figure shared out in proportion to the districts' path values:
  /// whole counts by the count method within [floors, caps] where that is feasible, amounts
  /// by largest remainder.
  mutating func yearUnits(_ total: Int, weights: [Double], floors: [Int], caps: [Int], year: Int)
    throws(DecompositionFailure) -> [Int]
  {
    let feasible =
      floors.reduce(0, +) <= total && caps.reduce(0, +) >= total
      && zip(floors, caps).allSatisfy { $0 <= $1 }
    let low = feasible ? floors : nil
    let high = feasible ? caps : nil
    if indicator.isCount {
      return try whole(
        total: total, weights: weights, floors: low ?? weights.map { _ in 0 },
        caps: high ?? weights.map { _ in Self.unbounded }, orgs: districts, year: year)
    }
    let sum = weights.reduce(0, +)
    let scaled = weights.map { sum > 0 ? $0 / sum * Double(total) : Double(total) / Double(weights.count) }
    do {
      return try LargestRemainder.round(scaled, toUnitsSumming: total, lower: low, upper: high)
    } catch {
      throw DecompositionFailure(message: "'\(indicator.id)': \(error)")
    }
  }
}
