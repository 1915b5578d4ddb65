// What the decoder refuses in a single file, seen through `Registry.freeze()`: misspelt keys
// and values, malformed ids, a domain the plan orders but nothing declares, and the rules that tie
// an indicator's kind, unit, comparators and measures together. Each expected position is found
// in the edited text of KernelFixture.swift.

import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// The domain file of `files`, for finding positions in it.
private func domain(_ files: [String: String]) -> FixtureText {
  Fixture.text(Fixture.domainPath, in: files)
}

/// The plan file of `files`, for finding positions in it.
private func plan(_ files: [String: String]) -> FixtureText {
  Fixture.text(Fixture.planPath, in: files)
}

@Suite("Decoding single files")
struct DecoderTests {
  @Test("A domain that the plan orders but no file declares is refused, with a suggestion")
  func orderedDomainWithoutFile() {
    let files = [Fixture.planPath: Fixture.plan + "domains: [test, tset]\n", Fixture.domainPath: Fixture.domain]
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: plan(files).position(of: "tset", after: "domains:"),
      "The plan orders the domain 'tset', but no file in domains/ declares it.",
      hint: "did you mean 'test'?")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  /// (what is renamed, the line to edit, its new text, the text where the error is reported, message, hint).
  static let prefixCases: [(String, String, String, String, String, String)] = [
    (
      "task", "  - id: test.core.build\n", "  - id: core.build\n", "id: core.build",
      "The task id 'core.build' does not start with its domain 'test.'.", "rename it 'test.build'"
    ),
    (
      "area", "  - id: test.core\n", "  - id: core\n", "id: core\n",
      "The area id 'core' does not start with its domain 'test.'.", "rename it 'test.core'"
    ),
    (
      "indicator", "  - id: test.benchmark\n", "  - id: bench.benchmark\n", "id: bench.benchmark",
      "The indicator id 'bench.benchmark' does not start with its domain 'test.'.", "rename it 'test.benchmark'"
    ),
  ]

  @Test("An id that does not start with its domain is refused", arguments: prefixCases)
  func domainPrefixMismatch(
    kind: String, old: String, new: String, at: String, message: String, hint: String
  ) {
    let files = Fixture.files(editing: Fixture.domainPath, replacing: old, with: new)
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(result, at: domain(files).position(of: at), message, hint: hint)
  }

  @Test("A misspelt key is refused with a suggestion, and the key it was meant to be is missing")
  func misspeltKey() {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "    owner: bureau.a\n", with: "    ownr: bureau.a\n")
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: domain(files).position(of: "ownr:"), "Unknown key 'ownr' in indicator 'test.output'.",
      hint: "did you mean 'owner'?")
    expectDiagnostic(
      result, at: domain(files).position(of: "id: test.output\n"), "Missing key 'owner' in indicator 'test.output'.")
    #expect(result.diagnostics.first?.keyPath == "indicators[0]")
  }

  @Test("A misspelt key of a target is refused with a suggestion")
  func misspeltTargetKey() {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "comparator: at_least, value: 100",
      with: "comparator: at_least, valeu: 100")
    let result = load(files)
    #expect(!result.froze)
    let unknown = expectDiagnostic(
      result, at: domain(files).position(of: "valeu"), "Unknown key 'valeu' in a target of indicator 'test.output'.",
      hint: "did you mean 'value'?")
    #expect(unknown?.keyPath == "indicators[0].targets[0].valeu")
  }

  @Test("A misspelt enumeration value is refused with a suggestion")
  func misspeltEnumValue() {
    let files = Fixture.files(editing: Fixture.domainPath, replacing: "    kind: flow\n", with: "    kind: flwo\n")
    let result = load(files)
    #expect(!result.froze)
    let diagnostic = expectDiagnostic(
      result, at: domain(files).position(of: "flwo"),
      "'flwo' is not a valid value for 'indicators[0].kind'; expected one of 'flow', 'stock', 'ratio', "
        + "'growth_rate', 'rank', 'qualitative'.",
      hint: "did you mean 'flow'?")
    #expect(diagnostic?.keyPath == "indicators[0].kind")
  }

  @Test("A malformed id is refused", arguments: ["District.East", "district..east", "district.east-1", "区.东"])
  func malformedID(id: String) {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "orgs: [bureau.a, district.east]", with: "orgs: [bureau.a, \(id)]")
    let result = load(files)
    #expect(!result.froze)
    let diagnostic = expectDiagnostic(
      result, at: domain(files).position(of: id, after: "orgs: [bureau.a, "), "The id '\(id)' is not well formed.")
    #expect(diagnostic?.hint?.hasPrefix("use lower-case letters, digits and underscores, joined by dots") == true)
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  static let identifierForms: [(String, Bool)] = [
    ("district.binjiang", true), ("tech.rd_intensity", true), ("goal.centre.finance", true), ("a1.b2", true),
    ("", false), ("Tech.rd", false), ("tech.", false), (".tech", false), ("tech rd", false), ("_tech", false),
  ]

  @Test("Well-formed and malformed ids", arguments: identifierForms)
  func identifierForm(raw: String, wellFormed: Bool) {
    #expect(IndicatorID(raw).isWellFormed == wellFormed)
  }

  // MARK: - Rules of an indicator's kind

  @Test("A qualitative indicator has aims and no unit")
  func qualitativeNeedsAimsAndNoUnit() {
    let files = Fixture.appendingIndicator(
      """
        - id: test.aim
          name: { zh: 目标, en: Aim }
          unit: 家
          kind: qualitative
          direction: higher
          binding: expected
          aggregation: city_only
          frequency: annual
          owner: bureau.a

      """)
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: domain(files).position(of: "家", after: "id: test.aim"),
      "The qualitative indicator 'test.aim' has no unit; remove 'unit'.")
    expectDiagnostic(
      result, at: domain(files).position(of: "id: test.aim"),
      "The qualitative indicator 'test.aim' states no aims ('aims').")
    #expect(result.errors.count == 2, "\(result.listing)")
  }

  @Test("A qualitative indicator with aims and no unit loads")
  func qualitativeWithAims() throws {
    let files = Fixture.appendingIndicator(
      """
        - id: test.aim
          name: { zh: 目标, en: Aim }
          kind: qualitative
          direction: higher
          binding: expected
          aggregation: city_only
          frequency: annual
          owner: bureau.a
          aims: [保持全国前列]
          quotes: [保持全国前列]

      """)
    let result = load(files)
    let plan = try #require(result.plan, "\(result.listing)")
    let aim = try #require(plan.indicator("test.aim"))
    #expect(aim.unit == nil)
    #expect(aim.aims == ["保持全国前列"])
    #expect(aim.isTarget)
    #expect(plan.targetIndicators.map(\.id) == ["test.output", "test.share", "test.aim"])
  }

  @Test("Only a qualitative indicator has aims, and a quantitative one has a unit")
  func quantitativeNeedsUnitAndNoAims() {
    let files = Fixture.appendingIndicator(
      """
        - id: test.count
          name: { zh: 数量, en: Count }
          kind: stock
          direction: higher
          binding: expected
          aggregation: sum
          frequency: annual
          owner: bureau.a
          aims: [越多越好]

      """)
    let result = load(files)
    #expect(!result.froze)
    let item = domain(files).position(of: "id: test.count")
    expectDiagnostic(result, at: item, "Missing key 'unit' in indicator 'test.count'.")
    expectDiagnostic(
      result, at: item, "Only qualitative indicators have 'aims'; indicator 'test.count' is 'stock'.")
  }

  @Test("A rank is lower-is-better, a city figure, and its target is at most")
  func rankRules() {
    let files = Fixture.appendingIndicator(
      """
        - id: test.rank
          name: { zh: 排名, en: Rank }
          unit: 位
          kind: rank
          direction: higher
          binding: expected
          aggregation: sum
          frequency: annual
          owner: bureau.a
          targets:
            - { year: 2025, comparator: at_least, value: 4 }
          quotes: [前四]

      """)
    let result = load(files)
    #expect(!result.froze)
    let position = domain(files).position(of: "id: test.rank")
    expectDiagnostic(result, at: position, "The rank indicator 'test.rank' must have 'direction: lower'.")
    expectDiagnostic(
      result, at: position, "The rank indicator 'test.rank' is a city figure; use 'aggregation: city_only'.")
    expectDiagnostic(
      result, at: position, "A rank target is 'at_most' (前四 is rank ≤ 4), not 'at_least' (indicator 'test.rank').")
    #expect(result.errors.count == 3, "\(result.listing)")
  }

  @Test("A rank stated correctly loads")
  func validRank() throws {
    let files = Fixture.appendingIndicator(
      """
        - id: test.rank
          name: { zh: 排名, en: Rank }
          unit: 位
          kind: rank
          direction: lower
          binding: expected
          aggregation: city_only
          frequency: annual
          owner: bureau.a
          targets:
            - { year: 2025, comparator: at_most, value: 4 }
          quotes: [前四]

      """)
    let result = load(files)
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.indicator("test.rank")?.target(for: 2025)?.comparator == .atMost)
  }

  @Test("A weighted mean names its weight, and only a weighted mean has one")
  func weightedMeanNeedsWeight() {
    let withoutWeight = Fixture.files(editing: Fixture.domainPath, replacing: "    weight: plan.gdp\n", with: "")
    let missing = load(withoutWeight)
    #expect(!missing.froze)
    expectDiagnostic(
      missing, at: domain(withoutWeight).position(of: "id: test.share"),
      "The indicator 'test.share' is a weighted mean but names no 'weight' indicator.")

    let summed = Fixture.files(
      editing: Fixture.domainPath, replacing: "    aggregation: weighted_mean\n", with: "    aggregation: sum\n")
    let extra = load(summed)
    #expect(!extra.froze)
    expectDiagnostic(
      extra, at: domain(summed).position(of: "plan.gdp", after: "id: test.share"),
      "Only a weighted mean has a 'weight'; indicator 'test.share' aggregates by 'sum'.")
  }

  /// (kind, unit, measure, the measures allowed for the kind).
  static let measureCases: [(String, String, String, String)] = [
    ("flow", "亿元", "average_annual", "'level', 'cumulative'"),
    ("flow", "亿元", "increase", "'level', 'cumulative'"),
    ("stock", "家", "cumulative", "'level', 'increase'"),
    ("ratio", "\"%\"", "increase", "'level'"),
    ("growth_rate", "\"%\"", "cumulative", "'level', 'average_annual'"),
  ]

  @Test("A target's measure must suit the indicator's kind", arguments: measureCases)
  func measureNotAllowedForKind(kind: String, unit: String, measure: String, allowed: String) {
    let files = Fixture.appendingIndicator(
      """
        - id: test.measured
          name: { zh: 指标, en: Measured }
          unit: \(unit)
          kind: \(kind)
          direction: higher
          binding: expected
          aggregation: sum
          frequency: annual
          owner: bureau.a
          targets:
            - { year: 2025, comparator: at_least, value: 20, measure: \(measure) }
          quotes: [原文]

      """)
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: domain(files).position(of: "id: test.measured"),
      "A '\(kind)' indicator cannot have a '\(measure)' target (indicator 'test.measured'); allowed: \(allowed).")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A target finer than the indicator's precision is refused")
  func valueFinerThanPrecision() {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "comparator: at_least, value: 100 }",
      with: "comparator: at_least, value: 100.05 }")
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: domain(files).position(of: "100.05"),
      "The target 100.05 of indicator 'test.output' is finer than its precision 0.1.",
      hint: "round the target or make 'precision' finer")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A target on the precision's grid loads", arguments: ["100.1", "99.9", "0.3", "12000"])
  func valueOnPrecision(value: String) {
    let result = load(
      Fixture.files(
        editing: Fixture.domainPath, replacing: "comparator: at_least, value: 100 }",
        with: "comparator: at_least, value: \(value) }"))
    #expect(result.froze, "\(result.listing)")
  }

  @Test("A parity target has a partner and no value")
  func parityWithValue() {
    let valued = Fixture.files(
      editing: Fixture.domainPath, replacing: "comparator: parity, with: test.benchmark }",
      with: "comparator: parity, with: test.benchmark, value: 5 }")
    let withValue = load(valued)
    #expect(!withValue.froze)
    expectDiagnostic(
      withValue, at: domain(valued).position(of: "5", after: "with: test.benchmark, value: "),
      "A parity target has no 'value'; it is level with 'with'.")
    #expect(withValue.errors.count == 1, "\(withValue.listing)")

    let unpartnered = Fixture.files(
      editing: Fixture.domainPath, replacing: "comparator: parity, with: test.benchmark }", with: "comparator: parity }"
    )
    let withoutPartner = load(unpartnered)
    #expect(!withoutPartner.froze)
    expectDiagnostic(
      withoutPartner, at: domain(unpartnered).position(of: "{ year: 2025, comparator: parity }"),
      "The parity target of indicator 'test.share' names no indicator ('with').")
  }

  @Test("Only a ratio can be level with another indicator")
  func parityOnlyForRatios() {
    let result = load(
      Fixture.files(
        editing: Fixture.domainPath, replacing: "comparator: at_least, value: 100 }",
        with: "comparator: parity, with: plan.gdp }"))
    #expect(!result.froze)
    expectDiagnostic(
      result, at: domain(Fixture.files).position(of: "id: test.output\n"),
      "Only ratio indicators can be level with another; indicator 'test.output' is 'flow'.")
  }

  @Test("Two targets of one measure in one year are refused")
  func duplicateTargetYear() {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "      - { year: 2025, comparator: at_least, value: 100 }\n",
      with: "      - { year: 2025, comparator: at_least, value: 100 }\n"
        + "      - { year: 2025, comparator: at_least, value: 120 }\n")
    let result = load(files)
    #expect(!result.froze)
    let second = domain(files).position(of: "{ year: 2025, comparator: at_least, value: 120 }")
    expectDiagnostic(result, at: second, "The indicator 'test.output' has two 'level' targets for 2025.")
  }

  @Test("A number written with a Chinese magnitude is refused with a hint")
  func chineseMagnitude() {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "comparator: at_least, value: 100 }",
      with: "comparator: at_least, value: 1万 }")
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: domain(files).position(of: "1万"),
      "Expected a number for 'indicators[0].targets[0].value', found '1万'.",
      hint: "write the number in the indicator's unit, e.g. 13000 for 1.3万亿元 in 亿元")
  }

  @Test("A district's division code has six digits")
  func districtCode() {
    let files = Fixture.files(editing: Fixture.planPath, replacing: "\"330101\"", with: "\"33010\"")
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: plan(files).position(of: "\"33010\""),
      "The division code '33010' of org 'district.east' is not six digits.")
  }

  @Test("The target year comes after the base year")
  func targetYearAfterBaseYear() {
    let result = load(
      Fixture.files(editing: Fixture.planPath, replacing: "target_year: 2025", with: "target_year: 2021"))
    #expect(!result.froze)
    expectDiagnostic(
      result, at: plan(Fixture.files).position(of: "id: test_plan"),
      "The target year 2021 is not after the base year 2021.")
  }
}
