// A scheme over the synthetic plan (SyntheticPlan: two bureaus, four districts, one indicator of
// each kind the scoring rules read). The decoding tests find their positions in the scheme's text.

import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

enum AssessmentFixture {
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

  /// The synthetic plan the scheme is written for.
  static func plan(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
    try SyntheticPlan.plan(sourceLocation: sourceLocation)
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
