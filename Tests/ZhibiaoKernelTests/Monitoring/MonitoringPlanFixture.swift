// A plan of every kind the monitor handles, held in memory and loaded through the registry like
// the real configuration: flows, counts, a register count, an increase, a cumulative addition, a
// derived ratio, a derived average growth rate, a rank and a parity; six districts.

import Foundation
import Testing
import ZhibiaoKernel

enum MonitoringPlanFixture {
  static let districts: [OrgID] = (1...6).map { OrgID("district.d\($0)") }

  static let plan = """
    plan:
      id: monitoring_plan
      name: { zh: 监测测试方案, en: Monitoring test plan }
      base_year: 2021
      target_year: 2025
      commission: bureau.a
      leading_group: group.lead
    decomposition:
      seasonal_profile: [0.2, 0.45, 0.7, 1]
      count_method: webster
      tie_break: [district.d1, district.d2, district.d3, district.d4, district.d5, district.d6]
    orgs:
      - { id: group.lead, kind: leading_group, name: { zh: 领导小组, en: Leading group } }
      - { id: bureau.a, kind: bureau, name: { zh: 甲局, en: Bureau A } }
      - { id: bureau.b, kind: bureau, name: { zh: 乙局, en: Bureau B } }
      - { id: district.d1, kind: district, code: "330101", name: { zh: 一区, en: District 1 } }
      - { id: district.d2, kind: district, code: "330102", name: { zh: 二区, en: District 2 } }
      - { id: district.d3, kind: district, code: "330103", name: { zh: 三区, en: District 3 } }
      - { id: district.d4, kind: district, code: "330104", name: { zh: 四区, en: District 4 } }
      - { id: district.d5, kind: district, code: "330105", name: { zh: 五区, en: District 5 } }
      - { id: district.d6, kind: district, code: "330106", name: { zh: 六区, en: District 6 } }
    indicators:
      - id: plan.gdp
        name: { zh: 地区生产总值, en: GDP }
        unit: 亿元
        kind: flow
        direction: higher
        binding: expected
        aggregation: sum
        frequency: quarterly
        owner: bureau.a
        precision: 0.1
      - id: plan.rank
        name: { zh: 全国排名, en: National rank }
        unit: 位
        kind: rank
        direction: lower
        binding: expected
        aggregation: city_only
        frequency: annual
        owner: bureau.a
        precision: 1
        targets:
          - { year: 2025, comparator: at_most, value: 4 }
        quotes: [居全国前四]
    goals:
      - id: goal.overall
        kind: overall
        name: { zh: 总体目标, en: Overall goal }
        indicators: [mon.output, plan.rank]

    """

  static let domain = """
    domain:
      id: mon
      name: { zh: 监测领域, en: Monitoring domain }
      lead: bureau.b
    indicators:
      - id: mon.output
        name: { zh: 产出, en: Output }
        unit: 亿元
        kind: flow
        direction: higher
        binding: expected
        aggregation: sum
        frequency: quarterly
        owner: bureau.b
        precision: 0.1
        targets:
          - { year: 2025, comparator: at_least, value: 150 }
        quotes: [产出突破150亿元]
      - id: mon.firms
        name: { zh: 企业, en: Firms }
        unit: 家
        kind: stock
        direction: higher
        binding: expected
        aggregation: sum
        frequency: annual
        owner: bureau.b
        precision: 1
        targets:
          - { year: 2025, comparator: at_least, value: 60 }
        quotes: [企业达到60家]
      - id: mon.fairs
        name: { zh: 认证展会, en: Certified fairs }
        unit: 个
        kind: stock
        direction: higher
        binding: expected
        aggregation: sum
        frequency: annual
        owner: bureau.b
        precision: 1
        count_of: { register: mon.fairs }
        targets:
          - { year: 2025, comparator: at_least, value: 4, measure: increase }
        quotes: [新增认证展会4个]
      - id: mon.listings
        name: { zh: 新增上市企业, en: New listings }
        unit: 家
        kind: flow
        direction: higher
        binding: expected
        aggregation: sum
        frequency: quarterly
        owner: bureau.b
        precision: 1
        targets:
          - { year: 2025, comparator: at_least, value: 24, measure: cumulative }
        quotes: [新增上市企业24家]
      - id: mon.share
        name: { zh: 产出占GDP比重, en: Output share of GDP }
        unit: "%"
        kind: ratio
        direction: higher
        binding: expected
        aggregation: weighted_mean
        weight: plan.gdp
        frequency: annual
        owner: bureau.b
        precision: 0.01
        targets:
          - { year: 2025, comparator: at_least, value: 12 }
        quotes: [产出占GDP比重达12%]
      - id: mon.balance
        name: { zh: 贷款余额, en: Loan balance }
        unit: 亿元
        kind: stock
        direction: higher
        binding: expected
        aggregation: sum
        frequency: quarterly
        owner: bureau.b
        precision: 0.1
      - id: mon.balance_growth
        name: { zh: 贷款年均增速, en: Average loan growth }
        unit: "%"
        kind: growth_rate
        direction: higher
        binding: expected
        aggregation: weighted_mean
        weight: mon.balance
        frequency: quarterly
        owner: bureau.b
        precision: 0.01
        targets:
          - { year: 2025, comparator: at_least, value: 10, measure: average_annual }
        quotes: [贷款年均增速10%以上]
      - id: mon.level
        name: { zh: 水平, en: Level }
        unit: "%"
        kind: ratio
        direction: higher
        binding: expected
        aggregation: city_only
        frequency: annual
        owner: bureau.b
        precision: 0.1
        targets:
          - { year: 2025, comparator: parity, with: mon.benchmark }
        quotes: [水平与基准相持平]
      - id: mon.benchmark
        name: { zh: 基准, en: Benchmark }
        unit: "%"
        kind: ratio
        direction: higher
        binding: expected
        aggregation: city_only
        frequency: annual
        owner: bureau.b
        precision: 0.1
    registers:
      - id: mon.fairs
        name: { zh: 认证展会名录, en: Register of certified fairs }
        levels: [认证]

    """

  static var files: [String: String] { ["plan.yaml": plan, "domains/mon.yaml": domain] }

  /// The frozen plan.
  static func loadPlan() throws -> Plan {
    let result = load(files, plugins: [MonitoringTestPlugin()])
    return try #require(result.plan, "\(result.listing)")
  }

  /// 2021 figures: districts add up to the city.
  static func baselines() -> Baselines {
    let rows: [(IndicatorID, OrgID, Double)] =
      spread("plan.gdp", city: "bureau.a", [300, 250, 200, 120, 80, 50])
      + spread("mon.output", city: "bureau.b", [30, 25, 20, 12, 8, 5])
      + spread("mon.firms", city: "bureau.b", [12, 10, 8, 5, 3, 2])
      + spread("mon.fairs", city: "bureau.b", [1, 1, 1, 0, 0, 0])
      + spread("mon.listings", city: "bureau.b", [3, 2, 2, 1, 1, 1])
      + spread("mon.balance", city: "bureau.b", [15, 12.5, 10, 6, 4, 2.5])
    return Baselines(
      rows.map { indicator, org, value in
        Baseline(
          indicator: indicator, org: org, year: 2021, value: Decimal(string: "\(value)")!, basis: .illustrative,
          location: SourceLocation(file: "baselines.csv", line: 1, column: 1))
      })
  }

  private static func spread(_ indicator: IndicatorID, city: OrgID, _ values: [Double]) -> [(
    IndicatorID, OrgID, Double
  )] {
    [(indicator, city, values.reduce(0, +))] + zip(districts, values).map { (indicator, $0, $1) }
  }

  /// The register: three fairs before 2021, one recognised in 2023 (district 4) and one in 2024 Q2.
  static let registerEntries: [RegisterEntry] = [
    ("district.d1", "2015-05-01"), ("district.d2", "2018-05-01"), ("district.d3", "2020-05-01"),
    ("district.d4", "2023-06-01"), ("district.d1", "2024-05-20"),
  ].enumerated().map { offset, entry in
    RegisterEntry(
      register: "mon.fairs", name: "展会\(offset)", org: OrgID(entry.0), level: "认证", recognisedOn: entry.1,
      evidence: nil)
  }

  /// Figures from 2022Q1 to `through`: each district on its target book path (district 5's
  /// output 20 % behind), the city the sum of its districts; GDP grows 6 % and the balance 12 % a
  /// year; everything reported on the 10th day after its quarter, except district 6's 2024Q3 figures
  /// (25 October) and district 4's 2024Q3 figures (never).
  static func observations(book: TargetBook, plan: Plan, through: Period) -> [ReportedValue] {
    var rows: [ReportedValue] = []
    let base = baselines()
    let shares = [0.2, 0.45, 0.7, 1.0]
    func reported(_ org: OrgID, _ period: Period) -> Date? {
      if org == "district.d6" && period == .quarter(3, of: 2024) { return chinaTime("2024-10-25 10:00") }
      let month = (period.quarter ?? 4) * 3
      let next =
        month == 12 ? "\(period.year + 1)-01-10 10:00" : "\(period.year)-\(month < 9 ? "0" : "")\(month + 1)-10 10:00"
      return chinaTime(next)
    }
    func skip(_ org: OrgID, _ period: Period) -> Bool {
      period > through || (org == "district.d4" && period == .quarter(3, of: 2024))
    }
    func add(_ indicator: IndicatorID, _ period: Period, city: OrgID, districts values: [Double], places: Int) {
      var total = 0.0
      for (org, value) in zip(districts, values) where !skip(org, period) {
        let rounded = (value * pow(10, Double(places))).rounded() / pow(10, Double(places))
        total += rounded
        rows.append(
          ReportedValue(
            indicator: indicator, org: org, period: period,
            value: Decimal(string: String(format: "%.\(places)f", rounded))!,
            reportedAt: reported(org, period)))
      }
      guard !skip(city, period) else { return }
      rows.append(
        ReportedValue(
          indicator: indicator, org: city, period: period,
          value: Decimal(string: String(format: "%.\(places)f", total))!, reportedAt: reported(city, period)))
    }
    func bookValue(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> Double {
      DecimalArithmetic.double(book.target(indicator, org, period)?.value ?? 0)
    }
    for year in 2022...2024 {
      for quarter in 1...4 {
        let period = Period.quarter(quarter, of: year)
        let t = Double(year - 2021)
        add(
          "plan.gdp", period, city: "bureau.a",
          districts: districts.map {
            DecimalArithmetic.double(base.value("plan.gdp", $0, year: 2021)!) * pow(1.06, t) * shares[quarter - 1]
          },
          places: 1)
        add(
          "mon.output", period, city: "bureau.b",
          districts: districts.map { bookValue("mon.output", $0, period) * ($0 == "district.d5" ? 0.8 : 1) }, places: 1)
        add(
          "mon.listings", period, city: "bureau.b",
          districts: districts.map {
            bookValue("mon.listings", $0, period)
              - (year - 2022 > 0 ? bookValue("mon.listings", $0, .year(year - 1)) : 0)
          },
          places: 0)
        add(
          "mon.balance", period, city: "bureau.b",
          districts: districts.map {
            DecimalArithmetic.double(base.value("mon.balance", $0, year: 2021)!)
              * pow(1.12, t - 1 + Double(quarter) / 4)
          },
          places: 1)
      }
      let period = Period.year(year)
      add(
        "mon.firms", period, city: "bureau.b", districts: districts.map { bookValue("mon.firms", $0, period) },
        places: 0)
      if period <= through {
        rows.append(ReportedValue(indicator: "mon.level", org: "bureau.b", period: period, value: 5, reportedAt: nil))
        rows.append(
          ReportedValue(
            indicator: "mon.benchmark", org: "bureau.b", period: period, value: Decimal(year - 2017), reportedAt: nil))
        rows.append(
          ReportedValue(
            indicator: "plan.rank", org: "bureau.a", period: period, value: Decimal(8 - (year - 2021)), reportedAt: nil)
        )
      }
    }
    return rows
  }
}

/// The `mon` domain of the fixture: the output share of GDP and the average growth of the balance
/// are computed, as the real domain modules compute theirs.
struct MonitoringTestPlugin: DomainPlugin {
  var domainID: DomainID = "mon"
  var derivations: [Derivation] = [
    Derivation.percentage(
      "mon.share", numerator: "mon.output", denominator: "plan.gdp",
      formula: LocalizedText(zh: "产出 ÷ 地区生产总值 × 100%", en: "Output ÷ GDP × 100%")),
    Derivation(
      indicator: "mon.balance_growth", inputs: ["mon.balance"],
      formula: LocalizedText(zh: "((B_t/B_0)^(1/t) − 1) × 100%", en: "((B_t/B_0)^(1/t) − 1) × 100%")
    ) { inputs in
      guard let start = inputs.value("mon.balance", inputs.baseYear),
        let end = inputs.value("mon.balance", inputs.year),
        start > 0, end > 0, inputs.year > inputs.baseYear
      else { return nil }
      return (pow(end / start, 1 / Double(inputs.year - inputs.baseYear)) - 1) * 100
    },
  ]
  var checks: [DomainCheck] = []
}
