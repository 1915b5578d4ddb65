// A small plan for the assessment tests, held in memory: two bureaus, four districts, and one
// indicator of each kind the scoring rules read; and a scheme over it. Line and column numbers
// in the decoding tests refer to `AssessmentFixture.scheme` exactly as written below.

import Foundation
import Testing
import ZhibiaoKernel

enum AssessmentFixture {
  static let planText = """
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

  static let domainText = """
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

  /// The scheme the engine and decoding tests start from. Line numbers matter: see the tests.
  static let scheme = """
    scheme:
      name: { zh: 测试考核办法, en: Test scheme }
    district:
      basic_points: 100
      items:
        - { indicator: alpha.output, weight: 40, rule: completion, cap: 1.2, headline: true }
        - { indicator: alpha.count, weight: 20, rule: completion, cap: 1.2 }
        - { indicator: alpha.port, weight: 10, rule: completion }
        - { indicator: alpha.rate, weight: 10, rule: gap, per_point: 5 }
        - id: tasks
          name: { zh: 重点任务落实, en: Key tasks delivered }
          weight: 20
          rule: graded
          tasks: [alpha.build]
      bonus:
        cap: 5
        categories:
          - { id: national, name: { zh: 国家级荣誉, en: National honour }, points: 1, cap: 2 }
          - { id: project, name: { zh: 重大项目, en: Major project }, cap: 3 }
      deduction:
        cap: 4
        categories:
          - { id: late_data, name: { zh: 数据迟报, en: Late data }, points: 0.5, cap: 1 }
      veto:
        max_grade: pass
        categories:
          - { id: fraud, name: { zh: 统计造假, en: Falsified statistics } }
      grades:
        - { id: excellent, name: { zh: 优秀, en: Excellent }, from: 90, quota: 0.25 }
        - { id: good, name: { zh: 良好, en: Good }, from: 80, to: 90 }
        - { id: pass, name: { zh: 合格, en: Pass }, from: 60, to: 80 }
        - { id: fail, name: { zh: 不合格, en: Fail }, from: 0, to: 60 }
      tie_break: [headline, basic, id]
    bureau:
      basic_points: 100
      owned:
        points: 70
        rules:
          flow: { rule: completion, cap: 1.2 }
          stock: { rule: completion }
          ratio: { rule: gap, per_point: 5 }
          growth_rate: { rule: gap, per_point: 1 }
          rank: { rule: completion, cap: 1 }
          qualitative: { rule: graded }
      items:
        - { id: tasks, name: { zh: 重点任务落实, en: Key tasks delivered }, weight: 30, rule: graded }
      grades:
        - { id: excellent, name: { zh: 优秀, en: Excellent }, from: 90 }
        - { id: pass, name: { zh: 合格, en: Pass }, from: 0, to: 90 }

    """

  static let schemeFile = "Config/assessment.yaml"

  /// The frozen fixture plan.
  static func plan(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
    var registry = Registry(source: InMemoryConfigSource(["plan.yaml": planText, "domains/alpha.yaml": domainText]))
    registry.register(AssessmentAlphaDomain())
    do {
      return try registry.freeze()
    } catch {
      Issue.record("the assessment fixture does not load:\n\(error)", sourceLocation: sourceLocation)
      throw error
    }
  }

  /// `text` decoded as a scheme against `plan`, with everything it logged.
  static func decode(_ text: String, plan: Plan, file: String = schemeFile) -> (AssessmentScheme?, [Diagnostic]) {
    let log = DiagnosticLog()
    do {
      guard let root = try YAMLParser().parse(text, file: file) else { return (nil, []) }
      let scheme = AssessmentScheme.decode(NodeReader(root, log: log), plan: plan)
      return (scheme, log.sorted)
    } catch {
      return (nil, [error])
    }
  }

  /// The fixture scheme, which must decode cleanly.
  static func scheme(
    _ text: String = scheme, plan: Plan, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> AssessmentScheme {
    let (scheme, diagnostics) = decode(text, plan: plan)
    #expect(
      diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    return try #require(scheme, sourceLocation: sourceLocation)
  }

  /// `text` decoded as events against `plan` and `scheme`, with everything it logged.
  static func decodeEvents(
    _ text: String, plan: Plan, scheme: AssessmentScheme, year: Int? = nil,
    file: String = "Config/sample/assessment-events-2024.yaml"
  ) -> (AssessmentEvents?, [Diagnostic]) {
    let log = DiagnosticLog()
    do {
      guard let root = try YAMLParser().parse(text, file: file) else { return (nil, []) }
      let events = AssessmentEvents.decode(NodeReader(root, log: log), plan: plan, scheme: scheme, year: year)
      return (events, log.sorted)
    } catch {
      return (nil, [error])
    }
  }

  /// Inputs in which every district meets every target exactly and is graded 完成: 100 points each.
  static func onTarget(year: Int = 2024, plan: Plan) -> AssessmentInputs {
    var inputs = AssessmentInputs(year: year)
    let targets: [(IndicatorID, Decimal)] = [
      ("alpha.output", 100), ("alpha.count", 10), ("alpha.port", 50), ("alpha.rate", 4), ("alpha.growth", 20),
      ("alpha.rank", 4),
    ]
    for district in plan.districts {
      for (indicator, target) in targets {
        inputs.set(district.id, indicator, AssessmentFigure(actual: target, target: target))
      }
      inputs.events.grades[district.id] = ["tasks": "completed"]
    }
    for (indicator, target) in targets {
      inputs.setCity(indicator, AssessmentFigure(actual: target, target: target))
    }
    return inputs
  }
}

/// The fixture's one domain module: it only names its domain.
struct AssessmentAlphaDomain: DomainPlugin {
  var domainID: DomainID = "alpha"
}

/// Expects `diagnostics` to hold an error (or `severity`) at `position` with exactly `message`
/// and, when given, exactly `hint`.
@discardableResult
func expectAssessmentDiagnostic(
  _ diagnostics: [Diagnostic], _ severity: Severity = .error, at position: String, _ message: String,
  hint: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
  let match = diagnostics.first {
    $0.severity == severity && $0.location.description == position && $0.message == message
  }
  let listing = diagnostics.isEmpty ? "(none)" : diagnostics.map(\.description).joined(separator: "\n")
  #expect(
    match != nil, "expected \(severity.rawValue) at \(position): \(message)\ngot:\n\(listing)",
    sourceLocation: sourceLocation)
  if let match, let hint {
    #expect(match.hint == hint, sourceLocation: sourceLocation)
  }
  return match
}
