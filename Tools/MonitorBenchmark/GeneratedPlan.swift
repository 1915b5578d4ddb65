// The data through the whole pipeline: a plan written as YAML in memory and frozen by the Registry,
// base-year figures, the Decomposer's target book, and reported values around the book's path.
// ILLUSTRATIVE: every figure is generated, none is a statistic.
import ArgumentParser
import Foundation
import ZhibiaoKernel

/// A domain module with nothing to add but its file.
struct BenchmarkDomain: DomainPlugin {
  var domainID: DomainID { "bench" }
}

/// The kind of generated indicator `index`: mostly quarterly flows, some annual counts, one rank.
enum GeneratedKind {
  case flow, count, rank

  init(_ index: Int) {
    self = index % 10 < 7 ? .flow : (index % 10 < 9 ? .count : .rank)
  }
}

/// The data through a plan, and the reported values their actual figures were laid out from.
struct GeneratedPlan {
  var data: GeneratedData
  var observations: [ReportedValue]
}

extension Generator {
  /// Writes the plan, freezes it, decomposes its targets and reports figures for every period.
  mutating func planPipeline() throws -> GeneratedPlan {
    let districts = districtIDs
    let (domain, baselines) = domainAndBaselines(districts: districts)
    var registry = Registry(
      source: InMemoryConfigSource(["plan.yaml": planYAML(districts: districts), "domains/bench.yaml": domain]))
    registry.register(BenchmarkDomain())
    let plan: Plan
    do {
      plan = try registry.freeze()
    } catch {
      for diagnostic in error.diagnostics.prefix(20) { print(diagnostic) }
      throw ExitCode.failure
    }
    let book = Decomposer(plan: plan, baselines: Baselines(baselines)).targetBook()
    if !book.problems.isEmpty { print("decomposition problems: \(book.problems.prefix(5))") }
    let baselineIndex = Baselines(baselines)
    let observations = observations(plan: plan, book: book, baselines: baselineIndex, districts: districts)
    let data = GeneratedData(
      targets: MonitoringTargets(plan: plan, book: book),
      actuals: Actuals(plan: plan, observations: observations, baselines: baselineIndex), plan: plan)
    return GeneratedPlan(data: data, observations: observations)
  }

  /// `plan.yaml`: the plan's years, the decomposition settings, the orgs and one goal.
  func planYAML(districts: [String]) -> String {
    var plan = """
      plan:
        id: benchmark
        name: { zh: 基准测试方案, en: Benchmark plan }
        base_year: \(firstYear)
        target_year: \(lastYear)
        commission: bureau.city
        leading_group: group.lead
      decomposition:
        seasonal_profile: [\(profile[0]), \(profile[1]), \(profile[2]), 1]
        count_method: webster
        tie_break: [\(districts.joined(separator: ", "))]
      orgs:
        - { id: group.lead, kind: leading_group, name: { zh: 领导小组, en: Leading group } }
        - { id: bureau.city, kind: bureau, name: { zh: 市局, en: City bureau } }

      """
    for (offset, id) in districts.enumerated() {
      plan +=
        "  - { id: \(id), kind: district, code: \"\(330_000 + offset)\", name: { zh: 区\(offset), en: D\(offset) } }\n"
    }
    plan +=
      "goals:\n  - { id: goal.overall, kind: overall, name: { zh: 总体目标, en: Overall }, indicators: [bench.i0000] }\n"
    return plan
  }

  /// The domain's file with every indicator and its target, and the base-year figures of the
  /// districts and the city.
  mutating func domainAndBaselines(districts: [String]) -> (domain: String, baselines: [Baseline]) {
    var domain = """
      domain:
        id: bench
        name: { zh: 基准领域, en: Benchmark domain }
        lead: bureau.city
      indicators:

      """
    var baselines: [Baseline] = []
    let location = SourceLocation(file: "baselines.csv", line: 1, column: 1)
    for index in 0..<indicators {
      let id = Self.indicatorID(index)
      let kind = GeneratedKind(index)
      guard kind != .rank else {
        domain += """
            - id: \(id)
              name: { zh: 排名\(index), en: Rank \(index) }
              unit: 位
              kind: rank
              direction: lower
              binding: expected
              aggregation: city_only
              frequency: annual
              owner: bureau.city
              precision: 1
              targets:
                - { year: \(lastYear), comparator: at_most, value: 5 }
              quotes: [排名\(index)]

          """
        continue
      }
      var total = 0
      for district in districts {
        let units = kind == .flow ? 100 + Int(rng.unit() * 5_000) : 1 + Int(rng.unit() * 30)
        total += units
        let value = kind == .flow ? Decimal(units) / 10 : Decimal(units)
        baselines.append(
          Baseline(
            indicator: IndicatorID(id), org: OrgID(district), year: firstYear, value: value, basis: .illustrative,
            location: location))
      }
      let city = kind == .flow ? Decimal(total) / 10 : Decimal(total)
      baselines.append(
        Baseline(
          indicator: IndicatorID(id), org: "bureau.city", year: firstYear, value: city, basis: .illustrative,
          location: location))
      let target = kind == .flow ? (city * 3 / 2).rounded(1) : Decimal(total + total / 3 + orgs)
      domain += """
          - id: \(id)
            name: { zh: 指标\(index), en: Indicator \(index) }
            unit: \(kind == .flow ? "亿元" : "家")
            kind: \(kind == .flow ? "flow" : "stock")
            direction: higher
            binding: expected
            aggregation: sum
            frequency: \(kind == .flow ? "quarterly" : "annual")
            owner: bureau.city
            precision: \(kind == .flow ? "0.1" : "1")
            targets:
              - { year: \(lastYear), comparator: at_least, value: \(target) }
            quotes: [指标\(index)]

        """
    }
    return (domain, baselines)
  }

  /// Reported figures: the base year from the baselines, later years around the book's path, and
  /// the city's as the districts' sum.
  mutating func observations(plan: Plan, book: TargetBook, baselines: Baselines, districts: [String])
    -> [ReportedValue]
  {
    var observations: [ReportedValue] = []
    // `TargetBook.target` searches every entry; one index serves all the look-ups here.
    var bookIndex: [String: Decimal] = [:]
    for entry in book.entries {
      if let value = entry.value { bookIndex["\(entry.indicator)|\(entry.org)|\(entry.period)"] = value }
    }
    for indicator in plan.indicators {
      let kind = GeneratedKind(Int(indicator.id.rawValue.suffix(4))!)
      let orgs = kind == .rank ? ["bureau.city"] : districts
      for year in firstYear...lastYear {
        for quarter in (kind == .flow ? 1...4 : 4...4) {
          let period = kind == .flow ? Period.quarter(quarter, of: year) : Period.year(year)
          var total = Decimal(0)
          for org in orgs {
            let value: Decimal
            if year == firstYear {
              guard let base = baselines.value(indicator.id, OrgID(org), year: year) else { continue }
              value = kind == .flow ? (base * Decimal(profile[quarter - 1])).rounded(1) : base
            } else if kind == .rank {
              value = Decimal(4 + Int(rng.unit() * 4))
            } else {
              guard let target = bookIndex["\(indicator.id)|\(org)|\(period)"] else { continue }
              let noise = Decimal(Int(880 + rng.unit() * 240)) / 1000
              value = (target * noise).rounded(kind == .flow ? 1 : 0)
            }
            total += value
            let at = reportedAt(slot: axis.slot(of: period)!)
            observations.append(
              ReportedValue(
                indicator: indicator.id, org: OrgID(org), period: period, value: value,
                reportedAt: Date(timeIntervalSinceReferenceDate: at)))
          }
          if kind != .rank {
            observations.append(
              ReportedValue(indicator: indicator.id, org: "bureau.city", period: period, value: total, reportedAt: nil))
          }
        }
      }
    }
    return observations
  }
}

extension Decimal {
  /// Rounded half up to `places` decimals.
  func rounded(_ places: Int) -> Decimal {
    DecimalArithmetic.rounded(self, scale: places, .plain)
  }
}
