// Fidelity of Config/ to the plan text: the tests. The reading of the plan they compare the
// configuration with is in PlanFidelityTargets.swift and PlanFidelityGoals.swift.

import Foundation
import Testing
import ZhibiaoHost
import ZhibiaoKernel
import ZhibiaoTestSupport

// MARK: - Tests

@Suite("Plan fidelity: Config/ against the plan text")
struct PlanFidelityTests {

  // MARK: The reading itself

  @Test("The normaliser reads the plan's unit families")
  func normaliser() {
    #expect(FidelityFigures.text("突破1万亿元", states: 10000, in: "亿元"))
    #expect(FidelityFigures.text("达到1.3万亿元以上", states: 13000, in: "亿元"))
    #expect(FidelityFigures.text("破2.2万亿", states: 22000, in: "亿元"))
    #expect(FidelityFigures.text("实现5000万元", states: 5000, in: "万元"))
    #expect(!FidelityFigures.text("实现5000万元", states: 5000, in: "亿元"))
    #expect(FidelityFigures.text("突破1.5亿吨", states: Decimal(string: "1.5")!, in: "亿吨"))
    #expect(FidelityFigures.text("突破12万标箱", states: 12, in: "万标箱"))
    #expect(FidelityFigures.text("居全国前四", states: 4, in: "位"))
    #expect(!FidelityFigures.text("居全国前四", states: 3, in: "位"))
  }

  /// Guards the table: every phrase is the plan's own words and states the expected value.
  @Test("Each expectation is the plan's own words", arguments: FidelityReading.targets)
  func expectationMatchesPlanText(_ expected: FidelityTarget) throws {
    let text = try FidelityFixture.planText()
    for phrase in expected.phrases {
      #expect(text.contains(phrase), "not in the plan text: \(phrase)")
      if let value = expected.decimalValue {
        #expect(
          FidelityFigures.text(phrase, states: value, in: expected.unit),
          "\(phrase) does not state \(value) \(expected.unit)")
      }
    }
  }

  // MARK: 1. Every quantitative target

  @Test("Quantitative target", arguments: FidelityReading.targets)
  func quantitativeTarget(_ expected: FidelityTarget) throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(
      plan.indicators.first { $0.id.rawValue == expected.id }, "missing indicator \(expected.id)")

    #expect(indicator.unit == expected.unit)
    #expect(indicator.owner.rawValue == expected.owner)
    #expect(indicator.targets.map(\.year) == [expected.year], "one target, for 2025")

    let target = try #require(indicator.targets.first { $0.year == expected.year })
    let comparatorMatches =
      switch expected.comparator {
      case .atLeast: target.comparator == .atLeast
      case .atMost: target.comparator == .atMost
      case .parity: target.comparator == .parity
      }
    #expect(
      comparatorMatches, "comparator is \(target.comparator), plan reads \(expected.comparator)")
    let measureMatches =
      switch expected.measure {
      case .level: target.measure == .level
      case .increase: target.measure == .increase
      case .cumulative: target.measure == .cumulative
      case .averageAnnual: target.measure == .averageAnnual
      }
    #expect(measureMatches, "measure is \(target.measure), plan reads \(expected.measure)")
    #expect(target.value == expected.decimalValue)
    #expect(target.partner?.rawValue == expected.partner)

    // Where the plan states it fixes the domain and the area.
    let prefix = String(expected.id.prefix { $0 != "." })
    switch expected.placement {
    case .planLevel:
      #expect(indicator.domain == nil)
      #expect(indicator.area == nil)
    case .headline:
      #expect(indicator.domain?.rawValue == prefix)
      #expect(indicator.area == nil, "a domain headline indicator belongs to no area")
    case .centreOnly:
      #expect(indicator.domain?.rawValue == prefix)
    case .area(let area):
      #expect(indicator.domain?.rawValue == prefix)
      #expect(indicator.area?.rawValue == area)
    }

    // The wording fixes the kind wherever the README ties them together.
    if expected.comparator == .atMost {
      #expect(indicator.kind == .rank, "前四/前三 is a rank")
    }
    switch expected.measure {
    case .increase: #expect(indicator.kind == .stock, "新增 applies to a stock")
    case .cumulative: #expect(indicator.kind == .flow, "a cumulative target sums a flow")
    case .averageAnnual: #expect(indicator.kind == .growthRate, "年均增速 is a growth rate")
    case .level:
      if expected.unit == "%" && expected.comparator != .parity {
        #expect(indicator.kind == .ratio, "a share of GDP is a ratio")
      }
    }
  }

  @Test("Parity: 数字经济服务业营收占比与服务业增加值占GDP比重相持平")
  func parityPartner() throws {
    let plan = try FidelityFixture.plan()
    let share = try #require(
      plan.indicators.first { $0.id.rawValue == "digital.digital_economy_services_revenue_share" })
    let partner = try #require(
      plan.indicators.first { $0.id.rawValue == "digital.services_va_share_gdp" })
    #expect(share.kind == .ratio)
    #expect(partner.kind == .ratio)
    #expect(partner.unit == share.unit, "both sides of a parity are in the same unit")
    #expect(partner.targets.isEmpty, "the partner is the yardstick, not a target")
  }

  // MARK: 2. Nothing missing, nothing extra

  @Test("The indicators with targets are exactly the plan's quantitative targets")
  func targetSetIsExact() throws {
    let plan = try FidelityFixture.plan()
    let configured = Set(plan.indicators.filter { !$0.targets.isEmpty }.map(\.id.rawValue))
    let expected = Set(FidelityReading.targets.map(\.id))
    #expect(expected.count == FidelityReading.targets.count, "the table lists each indicator once")
    let missing = expected.subtracting(configured).sorted()
    let extra = configured.subtracting(expected).sorted()
    #expect(missing.isEmpty, "targets in the plan but not in Config/: \(missing)")
    #expect(extra.isEmpty, "targets in Config/ that the plan does not set: \(extra)")
  }

  @Test("Supporting indicator exists and has no target", arguments: FidelityReading.supporting)
  func supportingIndicator(_ id: String) throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(plan.indicators.first { $0.id.rawValue == id }, "missing \(id)")
    #expect(indicator.targets.isEmpty)
    #expect(indicator.kind != .qualitative)
  }

  @Test(
    "Qualitative indicator exists, has aims in the plan's words and no target",
    arguments: FidelityReading.qualitative)
  func qualitativeIndicator(_ id: String) throws {
    let plan = try FidelityFixture.plan()
    let text = try FidelityFixture.planText()
    let indicator = try #require(plan.indicators.first { $0.id.rawValue == id }, "missing \(id)")
    #expect(indicator.kind == .qualitative)
    #expect(indicator.targets.isEmpty)
    #expect(indicator.unit == nil, "a qualitative indicator has no unit")
    #expect(!indicator.aims.isEmpty)
    for aim in indicator.aims {
      #expect(text.contains(aim), "aim not in the plan's words: \(aim)")
    }
  }

  @Test("产业数字化指数: 长期保持全国前列")
  func digitalisationIndexAim() throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(
      plan.indicators.first { $0.id.rawValue == "plan.industrial_digitalisation_index" })
    #expect(indicator.aims.contains { $0.contains("保持全国前列") })
  }

  @Test("模式创新争先: the eight new business models")
  func newBusinessModelAims() throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(
      plan.indicators.first { $0.id.rawValue == "plan.new_business_models" })
    #expect(indicator.aims.count == FidelityReading.businessModels.count)
    for model in FidelityReading.businessModels {
      #expect(
        indicator.aims.filter { $0.contains(model) }.count == 1, "exactly one aim names \(model)")
    }
  }

  // MARK: 3. Quotes

  @Test("Every quote is verbatim plan text")
  func quotesAreVerbatim() throws {
    let plan = try FidelityFixture.plan()
    let text = try FidelityFixture.planText()
    for indicator in plan.indicators {
      for quote in indicator.quotes {
        #expect(!quote.isEmpty, "\(indicator.id.rawValue) has an empty quote")
        #expect(
          text.contains(quote), "\(indicator.id.rawValue) quotes text not in the plan: \(quote)")
      }
    }
  }

  @Test("Every indicator with a target quotes the plan")
  func targetsAreQuoted() throws {
    let plan = try FidelityFixture.plan()
    for indicator in plan.indicators where !indicator.targets.isEmpty {
      #expect(!indicator.quotes.isEmpty, "\(indicator.id.rawValue) has targets but no quote")
    }
  }

  // MARK: 5. The value is stated by a quote

  @Test(
    "The target value appears in a quote, after unit normalisation",
    arguments: FidelityReading.targets.filter { $0.value != nil })
  func valueIsQuoted(_ expected: FidelityTarget) throws {
    let plan = try FidelityFixture.plan()
    let indicator = try #require(plan.indicators.first { $0.id.rawValue == expected.id })
    let unit = try #require(indicator.unit)
    for target in indicator.targets {
      let value = try #require(target.value)
      #expect(
        indicator.quotes.contains { FidelityFigures.text($0, states: value, in: unit) },
        "no quote of \(expected.id) states \(value) \(unit): \(indicator.quotes)")
    }
  }

  // MARK: 4. Years, orgs, domains, goal groups

  @Test("Base year 2021, target year 2025")
  func years() throws {
    let plan = try FidelityFixture.plan()
    #expect(plan.baseYear == 2021)
    #expect(plan.targetYear == 2025)
  }

  @Test("Every count of the plan (家, 个, 席 of recognised entities) is counted from a register it names")
  func countsHaveRegisters() throws {
    let plan = try FidelityFixture.plan()
    let counts = plan.indicators.filter { $0.isCount && $0.kind != .rank }
    #expect(counts.count == 16)
    for indicator in counts {
      let register = try #require(indicator.countOf.flatMap { plan.register($0.register) }, "\(indicator.id)")
      #expect(!register.name.zh.isEmpty && !register.name.en.isEmpty)
    }
    // Levels where the plan names them: 国家级 demonstrations, 省级以上 parks, 百亿级 and 千亿级 headquarters.
    #expect(plan.indicator("plan.service_manufacturing_demos")?.countOf?.levels == ["国家级"])
    #expect(plan.indicator("business.hr_parks")?.countOf?.levels == ["国家级", "省级"])
    #expect(
      plan.indicator("business.hq_10bn")?.countOf == RegisterCount(register: "business.hq_enterprises", levels: ["百亿级"])
    )
    #expect(
      plan.indicator("business.hq_100bn")?.countOf
        == RegisterCount(register: "business.hq_enterprises", levels: ["千亿级"]))
    // 评选“杭州市服务业领军型企业、创新型企业” (保障措施（三）) has its register, though no target counts it.
    #expect(plan.register("plan.service_awards")?.levels == ["领军型企业", "创新型企业"])
  }

  @Test("The 13 districts and no others")
  func districtSet() throws {
    let plan = try FidelityFixture.plan()
    let configured = Set(plan.orgs.filter { $0.kind == .district }.map(\.id.rawValue))
    #expect(configured == Set(FidelityDistrict.all.map(\.id)))
    let codes = plan.orgs.filter { $0.kind == .district }.compactMap(\.code)
    #expect(Set(codes).count == codes.count, "division codes are unique")
  }

  @Test("District and its division code", arguments: FidelityDistrict.all)
  func district(_ expected: FidelityDistrict) throws {
    let plan = try FidelityFixture.plan()
    let org = try #require(
      plan.orgs.first { $0.id.rawValue == expected.id }, "missing \(expected.id)")
    #expect(org.kind == .district)
    #expect(org.code == expected.code)
    #expect(org.name.zh == expected.zh)
  }

  @Test("The lead bureaus of 保障措施（一）", arguments: fidelityBureaus.keys.sorted())
  func bureau(_ id: String) throws {
    let plan = try FidelityFixture.plan()
    let org = try #require(plan.orgs.first { $0.id.rawValue == id }, "missing \(id)")
    #expect(org.kind == .bureau)
    #expect(org.name.zh == fidelityBureaus[id])
  }

  @Test("The five domains and no others")
  func domainSet() throws {
    let plan = try FidelityFixture.plan()
    #expect(Set(plan.domains.map(\.id.rawValue)) == Set(FidelityDomain.all.map(\.id)))
  }

  @Test("Domain lead and its areas in the plan's order", arguments: FidelityDomain.all)
  func domain(_ expected: FidelityDomain) throws {
    let plan = try FidelityFixture.plan()
    let domain = try #require(plan.domains.first { $0.id.rawValue == expected.id })
    #expect(domain.lead.rawValue == expected.lead)
    #expect(domain.areas.map(\.id.rawValue) == expected.areas)
    for area in domain.areas {
      let effectiveLead = (area.lead ?? domain.lead).rawValue
      #expect(
        effectiveLead == (expected.areaLeads[area.id.rawValue] ?? expected.lead),
        "lead of \(area.id.rawValue)")
    }
  }

  @Test("The 1+4+3 goal system: one overall goal, four centres, three 争先")
  func goalCounts() throws {
    let plan = try FidelityFixture.plan()
    #expect(Set(plan.goals.map(\.id.rawValue)) == Set(FidelityGoal.all.map(\.id)))
    #expect(plan.goals.filter { $0.kind == .overall }.count == 1)
    #expect(plan.goals.filter { $0.kind == .centre }.count == 4)
    #expect(plan.goals.filter { $0.kind == .pioneer }.count == 3)
  }

  @Test("Goal group kind and indicators", arguments: FidelityGoal.all)
  func goal(_ expected: FidelityGoal) throws {
    let plan = try FidelityFixture.plan()
    let goal = try #require(plan.goals.first { $0.id.rawValue == expected.id })
    let kindMatches =
      switch expected.kind {
      case .overall: goal.kind == .overall
      case .centre: goal.kind == .centre
      case .pioneer: goal.kind == .pioneer
      }
    #expect(kindMatches, "kind is \(goal.kind), plan reads \(expected.kind)")
    #expect(Set(goal.indicators.map(\.rawValue)) == expected.indicators)
    #expect(goal.indicators.count == expected.indicators.count, "no indicator listed twice")
    for id in goal.indicators {
      #expect(plan.indicator(id) != nil, "\(expected.id) lists unknown indicator \(id.rawValue)")
    }
  }
}
