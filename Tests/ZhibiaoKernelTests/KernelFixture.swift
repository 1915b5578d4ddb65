// A small configuration, held in memory, that the kernel tests load and edit. The tests find the
// positions they expect in these texts (see `Fixture.text`), so the texts can be edited freely.

import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// The configuration texts.
enum Fixture {
  static let planPath = "plan.yaml"
  static let domainPath = "domains/test.yaml"
  static let secondDomainPath = "domains/test_more.yaml"

  /// `plan.yaml`: two bureaus, two districts, one supporting indicator, one goal group.
  static let plan = """
    plan:
      id: test_plan
      name: { zh: 测试方案, en: Test plan }
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
      - id: goal.overall
        kind: overall
        name: { zh: 总体目标, en: Overall goal }
        indicators: [test.output, test.share]

    """

  /// `domains/test.yaml`: one area, a flow with a target, a ratio level with a supporting
  /// ratio, and one task with a dated milestone and yearly progress.
  static let domain = """
    domain:
      id: test
      name: { zh: 测试领域, en: Test domain }
      lead: bureau.a
    areas:
      - id: test.core
        name: { zh: 核心, en: Core }
        lead: bureau.b
    indicators:
      - id: test.output
        area: test.core
        name: { zh: 产出, en: Output }
        unit: 亿元
        kind: flow
        direction: higher
        binding: expected
        aggregation: sum
        frequency: quarterly
        owner: bureau.a
        precision: 0.1
        eligible: [district.east, district.west]
        targets:
          - { year: 2025, comparator: at_least, value: 100 }
        quotes: [产出突破100亿元]
      - id: test.share
        area: test.core
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
          - { year: 2025, comparator: parity, with: test.benchmark }
        quotes: [产出占比与基准相持平]
      - id: test.benchmark
        name: { zh: 基准比重, en: Benchmark share }
        unit: "%"
        kind: ratio
        direction: higher
        binding: expected
        aggregation: city_only
        frequency: annual
        owner: bureau.b
    tasks:
      - id: test.core.build
        area: test.core
        text: 建设核心
        orgs: [bureau.a, district.east]
        indicators: [test.output]
        milestones:
          - { due: 2025, text: 产出突破100亿元, indicator: test.output }
          - { every: year, text: 年度推进 }

    """

  /// `domains/test_more.yaml`: a second file of the same module that repeats an org, an
  /// area, an indicator and a task of the first.
  static let secondDomain = """
    domain:
      id: test
      name: { zh: 测试领域, en: Test domain }
      lead: bureau.a
    orgs:
      - { id: bureau.b, kind: bureau, name: { zh: 乙局, en: Bureau B } }
    areas:
      - id: test.core
        name: { zh: 核心, en: Core }
    indicators:
      - id: test.benchmark
        name: { zh: 基准比重, en: Benchmark share }
        unit: "%"
        kind: ratio
        direction: higher
        binding: expected
        aggregation: city_only
        frequency: annual
        owner: bureau.b
    tasks:
      - id: test.core.build
        text: 再建核心
        orgs: [bureau.a]

    """

  /// The two files of a valid configuration.
  static var files: [String: String] { [planPath: plan, domainPath: domain] }

  /// The valid configuration with `old` replaced by `new` in one file; `old` must occur
  /// exactly once.
  static func files(
    editing path: String, replacing old: String, with new: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> [String: String] {
    var files = files
    files[path] = replacing(old, with: new, in: files[path] ?? "", sourceLocation: sourceLocation)
    return files
  }

  /// The valid configuration with `block` (an indicator, indented as a list item of
  /// `indicators:`) added at the end of the domain file's indicators.
  static func appendingIndicator(
    _ block: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> [String: String] {
    files(editing: domainPath, replacing: "tasks:\n", with: block + "tasks:\n", sourceLocation: sourceLocation)
  }
}

extension Fixture {
  /// The file at `path` of `files` (the valid configuration unless given), named as diagnostics
  /// name it, for finding the positions the tests expect.
  static func text(_ path: String, in files: [String: String] = files) -> FixtureText {
    FixtureText(files[path] ?? "", file: "Config/\(path)")
  }
}

/// `text` with `old` replaced by `new`, recording an issue unless `old` occurs exactly once.
func replacing(
  _ old: String, with new: String, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> String {
  let count = text.components(separatedBy: old).count - 1
  #expect(count == 1, "'\(old)' occurs \(count) times; an edit must be unambiguous", sourceLocation: sourceLocation)
  return text.replacingOccurrences(of: old, with: new)
}

/// A domain module that exists only in the tests: the `test` domain, reading
/// `domains/test.yaml`, deriving `test.share` from `test.output` and `plan.gdp`.
struct TestPlugin: DomainPlugin {
  var domainID: DomainID = "test"
  var derivations: [Derivation] = [TestPlugin.shareDerivation]
  var checks: [DomainCheck] = []

  static let shareDerivation = Derivation.percentage(
    "test.share", numerator: "test.output", denominator: "plan.gdp",
    formula: LocalizedText(zh: "产出 ÷ 地区生产总值 × 100%", en: "Output ÷ GDP × 100%"))
}

/// What one `freeze()` produced: the plan, or the diagnostics it was refused with.
struct LoadResult {
  /// The frozen plan, nil when `freeze()` threw.
  let plan: Plan?
  /// Every diagnostic, in the order the registry sorted them (the plan's warnings when it froze).
  let diagnostics: [Diagnostic]

  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
  var froze: Bool { plan != nil }

  /// All diagnostics, one per line, for failure messages.
  var listing: String { diagnostics.isEmpty ? "(none)" : diagnostics.map(\.description).joined(separator: "\n") }
}

/// Loads `files` with `plugins` registered in order, and freezes.
func load(_ files: [String: String], plugins: [any DomainPlugin] = [TestPlugin()]) -> LoadResult {
  var registry = Registry(source: InMemoryConfigSource(files))
  for plugin in plugins { registry.register(plugin) }
  do {
    let plan = try registry.freeze()
    return LoadResult(plan: plan, diagnostics: plan.warnings)
  } catch {
    return LoadResult(plan: nil, diagnostics: error.diagnostics)
  }
}

/// Expects a diagnostic of `severity` at `position` (`file:line:col`) with exactly `message`,
/// and, when given, exactly `hint`.
@discardableResult
func expectDiagnostic(
  _ result: LoadResult, _ severity: Severity = .error, at position: String, _ message: String,
  hint: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
  let match = result.diagnostics.first {
    $0.severity == severity && $0.location.description == position && $0.message == message
  }
  #expect(
    match != nil, "expected \(severity.rawValue) at \(position): \(message)\ngot:\n\(result.listing)",
    sourceLocation: sourceLocation)
  if let match, let hint {
    #expect(match.hint == hint, sourceLocation: sourceLocation)
  }
  return match
}
