// The rules that tie an indicator's kind, unit, comparators and measures together, and the
// targets the decoder refuses, seen through `Registry.freeze()`. Each expected position is found
// in the edited text of KernelFixture.swift.

import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// The domain file of `files`, for finding positions in it.
private func domain(_ files: [String: String]) -> FixtureText {
  Fixture.text(Fixture.domainPath, in: files)
}

@Suite("Decoding an indicator's kind and targets")
struct IndicatorDecoderTests {
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
}

@Suite("Decoding what an indicator measures (statistics: 口径、来源)")
struct IndicatorStatisticsDecoderTests {
  static func indicator(_ statistics: String) -> [String: String] {
    Fixture.appendingIndicator(
      """
        - id: test.counted
          name: { zh: 产值, en: Output value }
          unit: 亿元
          kind: flow
          direction: higher
          binding: expected
          aggregation: sum
          frequency: quarterly
          owner: bureau.a
      \(statistics)

      """)
  }

  @Test("Definition, source, lag and confirmation load; without them the indicator is to be confirmed")
  func loads() throws {
    let files = Self.indicator(
      """
          statistics:
            definition: { zh: 金融业增加值，现价, en: Value added of finance at current prices }
            source: bureau.b
            lag_days: 25
            confirmed: true
      """)
    let plan = try #require(load(files).plan, "\(load(files).listing)")
    let facts = try #require(plan.indicator("test.counted")).statistics
    #expect(facts.definition?.zh == "金融业增加值，现价" && facts.source == "bureau.b" && facts.lagDays == 25)
    #expect(facts.confirmed && facts.status.zh == "已确认")
    let plainPlan = try #require(load(Self.indicator("")).plan)
    let plain = try #require(plainPlan.indicator("test.counted"))
    #expect(plain.statistics == IndicatorStatistics() && plain.statistics.status.zh == "待确认")
  }

  @Test("An unknown org, a district, a lag out of range, an unknown key and a non-boolean are refused at their place")
  func refused() {
    let files = Self.indicator(
      """
          statistics:
            source: bureau.stats
            lag_days: 900
            confirmed: yes
            publisher: 统计局
      """)
    let result = load(files)
    let text = domain(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: text.position(of: "bureau.stats"),
      "Unknown org 'bureau.stats' in the statistics of indicator 'test.counted'.")
    expectDiagnostic(
      result, at: text.position(of: "900"),
      "The lag of indicator 'test.counted' must be between 0 and 730 days, not 900.")
    expectDiagnostic(
      result, at: text.position(of: "yes", after: "confirmed"),
      "'confirmed' in the statistics of indicator 'test.counted' is true or false.")
    #expect(result.listing.contains("publisher"), "\(result.listing)")
    let district = load(Self.indicator("    statistics: { source: district.east }"))
    #expect(
      district.listing.contains(
        "The source of indicator 'test.counted' is the district 'district.east'; name the org that produces the city's figure."
      ),
      "\(district.listing)")
  }
}
