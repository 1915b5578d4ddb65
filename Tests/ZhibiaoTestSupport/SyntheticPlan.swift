import Testing
import ZhibiaoKernel

/// A small plan held in memory, loaded through the registry like the real configuration: one
/// domain (`alpha`), two bureaus, four districts and one indicator of each kind. Kernel tests use
/// it where they need a whole plan, so that they do not depend on the repository's `Config/`.
public enum SyntheticPlan {
  /// The path of the plan file in the configuration.
  public static let planPath = "plan.yaml"
  /// The path of the domain file in the configuration.
  public static let domainPath = "domains/alpha.yaml"

  /// `plan.yaml`: two bureaus, four districts, GDP as the one supporting indicator, one goal group.
  public static let planText = """
    plan:
      id: assess_plan
      name: { zh: 考核测试方案, en: Assessment test plan }
      base_year: 2021
      target_year: 2025
      commission: bureau.a
      leading_group: group.lead
    orgs:
      - { id: group.lead, kind: leading_group, name: { zh: 领导小组, en: Leading group } }
      - { id: bureau.a, kind: bureau, name: { zh: 甲局, en: Bureau A } }
      - { id: bureau.b, kind: bureau, name: { zh: 乙局, en: Bureau B } }
      - { id: district.east, kind: district, code: "330101", name: { zh: 东区, en: East District } }
      - { id: district.west, kind: district, code: "330102", name: { zh: 西区, en: West District } }
      - { id: district.north, kind: district, code: "330103", name: { zh: 北区, en: North District } }
      - { id: district.south, kind: district, code: "330104", name: { zh: 南区, en: South District } }
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
    goals:
      - { id: goal.overall, kind: overall, name: { zh: 总体目标, en: Overall goal }, indicators: [alpha.output] }

    """

  /// `domains/alpha.yaml`: the one domain, with an indicator of each kind the scoring rules read
  /// (a flow, a count, a flow only two districts report, a ratio, a growth rate, a rank and a
  /// qualitative aim) and one task.
  public static let domainText = """
    domain:
      id: alpha
      name: { zh: 甲领域, en: Alpha }
      lead: bureau.a
    indicators:
      - id: alpha.output
        name: { zh: 产出, en: Output }
        unit: 亿元
        kind: flow
        direction: higher
        binding: expected
        aggregation: sum
        frequency: quarterly
        owner: bureau.a
        precision: 0.1
        targets: [{ year: 2025, comparator: at_least, value: 100 }]
        quotes: [产出突破100亿元]
      - id: alpha.count
        name: { zh: 示范企业, en: Demonstration enterprises }
        unit: 家
        kind: stock
        direction: higher
        binding: expected
        aggregation: sum
        frequency: annual
        owner: bureau.a
        precision: 1
        targets: [{ year: 2025, comparator: at_least, value: 10 }]
        quotes: [示范企业达到10家]
      - id: alpha.port
        name: { zh: 港口吞吐量, en: Port throughput }
        unit: 亿吨
        kind: flow
        direction: higher
        binding: expected
        aggregation: sum
        frequency: quarterly
        owner: bureau.b
        precision: 0.1
        eligible: [district.east, district.west]
        targets: [{ year: 2025, comparator: at_least, value: 50 }]
        quotes: [吞吐量达到50亿吨]
      - id: alpha.rate
        name: { zh: 研发强度, en: R&D intensity }
        unit: "%"
        kind: ratio
        direction: higher
        binding: expected
        aggregation: weighted_mean
        weight: plan.gdp
        frequency: annual
        owner: bureau.b
        precision: 0.01
        targets: [{ year: 2025, comparator: at_least, value: 4 }]
        quotes: [研发强度达到4%]
      - id: alpha.growth
        name: { zh: 贷款年均增速, en: Loan growth }
        unit: "%"
        kind: growth_rate
        direction: higher
        binding: expected
        aggregation: weighted_mean
        weight: plan.gdp
        frequency: annual
        owner: bureau.b
        precision: 0.01
        targets: [{ year: 2025, comparator: at_least, value: 20, measure: average_annual }]
        quotes: [年均增速20%以上]
      - id: alpha.rank
        name: { zh: 全国排名, en: National rank }
        unit: 位
        kind: rank
        direction: lower
        binding: expected
        aggregation: city_only
        frequency: annual
        owner: bureau.a
        precision: 1
        targets: [{ year: 2025, comparator: at_most, value: 4 }]
        quotes: [居全国前四]
      - id: alpha.aim
        name: { zh: 发展水平, en: Development level }
        kind: qualitative
        direction: higher
        binding: expected
        aggregation: city_only
        frequency: annual
        owner: bureau.b
        aims: [保持全国前列]
        quotes: [保持全国前列]
    tasks:
      - id: alpha.build
        text: 建设示范区
        orgs: [bureau.a, district.east]
        indicators: [alpha.output]

    """

  /// The configuration's files by path.
  public static var files: [String: String] { [planPath: planText, domainPath: domainText] }

  /// The configuration in memory, shown as `Config/…` in diagnostics.
  public static var source: InMemoryConfigSource { InMemoryConfigSource(files) }

  /// The plan's one domain module: it only names its domain and reads `domains/alpha.yaml`.
  public struct Domain: DomainPlugin {
    /// `alpha`.
    public let domainID: DomainID = "alpha"

    /// The module.
    public init() {}
  }

  /// The plan, loaded once for the whole test run.
  public static let loaded: Result<Plan, any Error> = Result {
    var registry = Registry(source: source)
    registry.register(Domain())
    return try registry.freeze()
  }

  /// The frozen plan; fails the calling test with every diagnostic when it does not load.
  public static func plan(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
    do {
      return try loaded.get()
    } catch {
      Issue.record("the synthetic plan does not load:\n\(error)", sourceLocation: sourceLocation)
      throw error
    }
  }
}
