// Loading a whole configuration: the frozen plan and its look-ups, warnings, missing and
// empty files, domain checks, and every problem of a configuration reported in one freeze.

import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

private let planFile = "Config/plan.yaml"

@Suite("Registry and plan")
struct RegistryTests {
  @Test("A valid configuration freezes into a plan")
  func validConfigurationFreezes() throws {
    let result = load(Fixture.files)
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.id == "test_plan")
    #expect(plan.name == LocalizedText(zh: "测试方案", en: "Test plan"))
    #expect(plan.baseYear == 2021)
    #expect(plan.targetYear == 2025)
    #expect(plan.commission == "bureau.a")
    #expect(plan.leadingGroup == "group.lead")
    #expect(plan.orgs.map(\.id) == ["group.lead", "bureau.a", "bureau.b", "district.east", "district.west"])
    #expect(plan.indicators.map(\.id) == ["plan.gdp", "test.output", "test.share", "test.benchmark"])
    #expect(plan.tasks.map(\.id) == ["test.core.build"])
    #expect(plan.goals.map(\.id) == ["goal.overall"])
    #expect(plan.derivations.map(\.indicator) == ["test.share"])
    #expect(plan.warnings.isEmpty)
  }

  @Test("The plan's look-ups find what was configured")
  func lookups() throws {
    let plan = try #require(load(Fixture.files).plan)

    let output = try #require(plan.indicator("test.output"))
    #expect(output.domain == "test")
    #expect(output.area == "test.core")
    #expect(output.unit == "亿元")
    #expect(output.kind == .flow)
    #expect(output.owner == "bureau.a")
    #expect(output.eligible == ["district.east", "district.west"])
    #expect(output.target(for: 2025) == Target(year: 2025, comparator: .atLeast, value: 100))
    let domain = Fixture.text(Fixture.domainPath)
    #expect(output.location.description == domain.position(of: "id: test.output\n"))
    #expect(output.position(of: "owner").description == domain.position(of: "bureau.a", after: "id: test.output"))
    #expect(output.position(of: "no such field").description == domain.position(of: "id: test.output\n"))
    #expect(plan.indicator("plan.gdp")?.domain == nil)
    #expect(plan.indicator("test.nothing") == nil)

    let share = try #require(plan.indicator("test.share"))
    #expect(share.weight == "plan.gdp")
    #expect(share.targets == [Target(year: 2025, comparator: .parity, value: nil, partner: "test.benchmark")])

    #expect(plan.org("bureau.b")?.name.en == "Bureau B")
    #expect(plan.org("district.east")?.kind == .district)
    #expect(plan.org("district.east")?.code == "330101")
    #expect(plan.org("group.lead")?.kind == .leadingGroup)
    #expect(plan.org("bureau.z") == nil)

    let test = try #require(plan.domain("test"))
    #expect(test.lead == "bureau.a")
    #expect(test.name.zh == "测试领域")
    #expect(test.areas.map(\.id) == ["test.core"])
    #expect(plan.domain("other") == nil)

    let area = try #require(plan.area("test.core"))
    #expect(area.domain == "test")
    #expect(area.lead == "bureau.b")
    #expect(plan.area("test.edge") == nil)

    let derivation = try #require(plan.derivation(for: "test.share"))
    #expect(derivation.inputs == ["test.output", "plan.gdp"])
    #expect(derivation.formula.en == "Output ÷ GDP × 100%")
    #expect(plan.derivation(for: "test.output") == nil)

    #expect(plan.districts.map(\.id) == ["district.east", "district.west"])
    #expect(plan.goals(containing: "test.share").map(\.id) == ["goal.overall"])
    #expect(plan.goals(containing: "test.benchmark").isEmpty)
    #expect(plan.targetIndicators.map(\.id) == ["test.output", "test.share"])

    let task = try #require(plan.tasks.first)
    #expect(task.lead == "bureau.a")
    #expect(task.orgs == ["bureau.a", "district.east"])
    #expect(task.milestones.map(\.kind) == [.outcome, .yearly])
    #expect(task.milestones.map(\.text) == ["产出突破100亿元", "年度推进"])
  }

  @Test("The derivation computes from its inputs, and gives nil for a zero denominator")
  func derivationComputes() throws {
    let plan = try #require(load(Fixture.files).plan)
    let derivation = try #require(plan.derivation(for: "test.share"))
    let values: [IndicatorID: Double] = ["test.output": 250, "plan.gdp": 1000]
    let inputs = Derivation.Inputs(year: 2024, baseYear: 2021) { id, _ in values[id] }
    #expect(derivation.compute(inputs) == 25)
    let zero = Derivation.Inputs(year: 2024, baseYear: 2021) { id, _ in id == "plan.gdp" ? 0 : 250 }
    #expect(derivation.compute(zero) == nil)
    let missing = Derivation.Inputs(year: 2024, baseYear: 2021) { id, _ in id == "plan.gdp" ? 1000 : nil }
    #expect(derivation.compute(missing) == nil)
  }

  @Test("Warnings do not stop the plan and are kept in plan.warnings, sorted")
  func warningsAreKept() throws {
    var files = Fixture.files(
      editing: Fixture.planPath, replacing: "goals:\n",
      with: """
          - id: plan.population
            name: { zh: 常住人口, en: Resident population }
            unit: 万人
            kind: stock
            direction: higher
            binding: expected
            aggregation: sum
            frequency: annual
            owner: bureau.a
        goals:

        """)
    files["domains/orphan.yaml"] = """
      domain:
        id: orphan
        name: { zh: 孤立, en: Orphan }
        lead: bureau.a
      indicators:
        - id: orphan.count
          name: { zh: 计数, en: Count }
          unit: 家
          kind: stock
          direction: higher
          binding: expected
          aggregation: sum
          frequency: annual
          owner: bureau.a

      """
    let result = load(files)
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.warnings.count == 2)
    #expect(plan.warnings.allSatisfy { $0.severity == .warning })
    let population = Fixture.text(Fixture.planPath, in: files).position(of: "id: plan.population")
    let orphan = Fixture.text("domains/orphan.yaml", in: files).position(of: "id: orphan.count")
    #expect(plan.warnings.map(\.location.description) == [orphan, population])
    expectDiagnostic(
      result, .warning, at: orphan,
      "The indicator 'orphan.count' has no target and nothing is computed from it.",
      hint: "give it a target or remove it")
    expectDiagnostic(
      result, .warning, at: population,
      "The indicator 'plan.population' has no target and nothing is computed from it.",
      hint: "give it a target or remove it")
    #expect(plan.indicator("plan.population") != nil)
  }

  @Test("A target without the plan's words draws a warning")
  func targetWithoutQuotes() throws {
    let result = load(
      Fixture.files(editing: Fixture.domainPath, replacing: "    quotes: [产出突破100亿元]\n", with: ""))
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.warnings.count == 1)
    expectDiagnostic(
      result, .warning, at: Fixture.text(Fixture.domainPath).position(of: "id: test.output\n"),
      "The indicator 'test.output' quotes no words of the plan ('quotes').")
  }

  @Test("A task that lists an org twice draws a warning")
  func taskListsOrgTwice() throws {
    let result = load(
      Fixture.files(
        editing: Fixture.domainPath, replacing: "[bureau.a, district.east]",
        with: "[bureau.a, district.east, bureau.a]"))
    #expect(result.froze, "\(result.listing)")
    let task = Fixture.text(Fixture.domainPath).position(of: "id: test.core.build")
    expectDiagnostic(result, .warning, at: task, "The task 'test.core.build' lists an org twice.")
  }

  @Test("A missing plan file is refused")
  func missingPlanFile() {
    let result = load([Fixture.domainPath: Fixture.domain])
    #expect(!result.froze)
    expectDiagnostic(result, at: "\(planFile):1:1", "The configuration file is missing.")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A module whose domain no file declares is refused")
  func missingDomainFile() {
    let result = load(Fixture.files, plugins: [TestPlugin(), TestPlugin(domainID: "other", derivations: [])])
    #expect(!result.froze)
    expectDiagnostic(
      result, at: "Config/domains:1:1",
      "The domain module 'other' has no domain file: no file in domains/ declares 'id: other'.",
      hint: "add domains/other.yaml, or remove the module from the host's list")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("An empty plan file is refused", arguments: ["", "\n", "# nothing here yet\n"])
  func emptyPlanFile(text: String) {
    let result = load([Fixture.planPath: text, Fixture.domainPath: Fixture.domain])
    #expect(!result.froze)
    expectDiagnostic(result, at: "\(planFile):1:1", "The configuration file is empty.")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A YAML syntax error is reported with its position")
  func yamlSyntaxError() {
    let result = load(
      Fixture.files(editing: Fixture.planPath, replacing: "  base_year: 2021\n", with: "  base_year: [2021\n"))
    #expect(!result.froze)
    #expect(result.errors.count == 1, "\(result.listing)")
    #expect(result.errors.first?.location.file == planFile)
    #expect(result.errors.first?.message.hasPrefix("YAML syntax error") == true)
  }

  @Test("Every YAML file under domains/ is a domain, with or without a module; other files are not read")
  func everyDomainFileLoads() throws {
    var files = Fixture.files
    files["domains/forgotten.yaml"] = """
      domain:
        id: forgotten
        name: { zh: 遗漏, en: Forgotten }
        lead: bureau.a

      """
    files["domains/notes.txt"] = "not YAML"
    let result = load(files)
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.domains.map(\.id) == ["forgotten", "test"])
    #expect(plan.warnings.isEmpty, "\(result.listing)")
  }

  @Test("A supporting indicator that nothing uses draws a warning")
  func unusedSupportingIndicator() throws {
    // test.benchmark is used only as test.share's parity partner; with the parity gone,
    // nothing uses it.
    let result = load(
      Fixture.files(
        editing: Fixture.domainPath, replacing: "comparator: parity, with: test.benchmark }",
        with: "comparator: at_least, value: 5 }"))
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.warnings.count == 1)
    expectDiagnostic(
      result, .warning, at: Fixture.text(Fixture.domainPath).position(of: "id: test.benchmark"),
      "The indicator 'test.benchmark' has no target and nothing is computed from it.",
      hint: "give it a target or remove it")
  }

  @Test("A module's domain check runs on the loaded plan and can refuse it")
  func domainCheckRuns() {
    let check = DomainCheck(
      id: "test.output_has_precision",
      summary: LocalizedText(zh: "产出有精度", en: "Output has a precision")
    ) { plan in
      guard let output = plan.indicator("test.output"), output.precision != 1 else { return [] }
      return [Diagnostic(.error, at: output.position(of: "owner"), "Output is counted in whole units.")]
    }
    let refused = load(Fixture.files, plugins: [TestPlugin(checks: [check])])
    #expect(!refused.froze)
    let owner = Fixture.text(Fixture.domainPath).position(of: "bureau.a", after: "id: test.output")
    expectDiagnostic(refused, at: owner, "Output is counted in whole units.")

    let passed = load(
      Fixture.files(editing: Fixture.domainPath, replacing: "precision: 0.1\n", with: "precision: 1\n"),
      plugins: [TestPlugin(checks: [check])])
    #expect(passed.froze, "\(passed.listing)")
  }

  @Test("Two modules cannot claim one domain")
  func twoModulesClaimOneDomain() {
    let result = load(Fixture.files, plugins: [TestPlugin(), TestPlugin()])
    #expect(!result.froze)
    expectDiagnostic(result, at: "\(planFile):1:1", "Two domain modules claim the domain 'test'.")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("Every problem of a configuration is reported in one freeze, sorted by file and position")
  func everyProblemInOneFreeze() throws {
    var files = Fixture.files
    let domainEdits = [
      ("  lead: bureau.a\n", "  lead: bureau.nowhere\n"),
      ("- id: test.output\n    area: test.core\n", "- id: test.output\n    area: test.coer\n"),
      ("    owner: bureau.a\n", "    owner: bureau.c\n"),
      ("[district.east, district.west]", "[district.east, bureau.b]"),
      ("{ year: 2025, comparator: at_least, value: 100 }", "{ year: 2027, comparator: at_least, value: 100 }"),
      ("orgs: [bureau.a, district.east]", "orgs: [bureau.a, district.wset]"),
    ]
    let planEdits = [
      ("commission: bureau.a", "commission: bureau.planning"),
      ("\"330101\"", "\"33010\""),
      ("[test.output, test.share]", "[test.output, test.shard]"),
    ]
    for (old, new) in domainEdits {
      files[Fixture.domainPath] = replacing(old, with: new, in: files[Fixture.domainPath] ?? "")
    }
    for (old, new) in planEdits {
      files[Fixture.planPath] = replacing(old, with: new, in: files[Fixture.planPath] ?? "")
    }
    let result = load(files)
    #expect(!result.froze)
    #expect(result.warnings.isEmpty, "\(result.listing)")
    #expect(result.errors.count == 9, "\(result.listing)")
    let domain = Fixture.text(Fixture.domainPath, in: files)
    let plan = Fixture.text(Fixture.planPath, in: files)
    #expect(
      result.diagnostics.map(\.location.description) == [
        domain.position(of: "bureau.nowhere"), domain.position(of: "test.coer"), domain.position(of: "bureau.c"),
        domain.position(of: "bureau.b]"), domain.position(of: "{ year: 2027"), domain.position(of: "district.wset"),
        plan.position(of: "bureau.planning"), plan.position(of: "\"33010\""), plan.position(of: "test.shard"),
      ])
    #expect(
      result.diagnostics.map(\.message) == [
        "Unknown org 'bureau.nowhere' in domain 'test'.",
        "The indicator 'test.output' names the unknown area 'test.coer'.",
        "Unknown org 'bureau.c' in indicator 'test.output'.",
        "'bureau.b' is listed as an eligible district of indicator 'test.output' but is a bureau.",
        "The target year 2027 of indicator 'test.output' is outside the plan's years 2022–2025.",
        "Unknown org 'district.wset' in task 'test.core.build'.",
        "Unknown org 'bureau.planning' in the plan's commission.",
        "The division code '33010' of org 'district.east' is not six digits.",
        "Unknown indicator 'test.shard' in goal group 'goal.overall'.",
      ])
    let locations = result.diagnostics.map(\.location)
    #expect(locations == locations.sorted())
  }

  @Test("ConfigurationErrors lists errors and prints one diagnostic per line")
  func configurationErrorsDescription() {
    let errors = ConfigurationErrors([
      Diagnostic(.error, at: .init(file: "a.yaml", line: 1, column: 2), "Bad.", hint: "fix it"),
      Diagnostic(.warning, at: .init(file: "a.yaml", line: 3, column: 4), "Odd."),
    ])
    #expect(errors.errors.count == 1)
    let lines = errors.description.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix("a.yaml:1:2: error: Bad") == true)
    #expect(lines.first?.hasSuffix("(fix it)") == true)
    #expect(lines.last == "a.yaml:3:4: warning: Odd.")
  }
}

/// What the plan file cannot mean: a span of centuries, a district as the commission, an org
/// twice in `tie_break`, parity targets that only refer to each other.
@Suite("The plan refuses what cannot be meant")
struct PlanSanityTests {
  @Test("A target year more than 50 years after the base year is refused at once, where it is written")
  func longSpan() {
    let files = Fixture.files(editing: Fixture.planPath, replacing: "target_year: 2025", with: "target_year: 9999")
    let started = Date()
    let result = load(files)
    #expect(Date().timeIntervalSince(started) < 5, "a refusal should not lay the years out first")
    expectDiagnostic(
      result, at: Fixture.text(Fixture.planPath, in: files).position(of: "9999"),
      "The target year 9999 is 7978 years after the base year 2021; a plan spans at most 50 years.")
    #expect(result.plan == nil)
  }

  @Test("The commission is a bureau, and the leading group a leading group")
  func commissionKind() {
    let files = Fixture.files(
      editing: Fixture.planPath, replacing: "commission: bureau.a", with: "commission: district.east")
    let result = load(files)
    expectDiagnostic(
      result, at: Fixture.text(Fixture.planPath, in: files).position(of: "district.east", after: "commission"),
      "The plan's commission 'district.east' is a district, not a bureau; the commission (市发改委) runs the assessment and locks the quarters."
    )
    let group = load(
      Fixture.files(editing: Fixture.planPath, replacing: "leading_group: group.lead", with: "leading_group: bureau.b"))
    #expect(group.listing.contains("The plan's leading group 'bureau.b' is not declared 'kind: leading_group'."))
  }

  @Test("An org listed twice in tie_break is refused at its second place")
  func tieBreakTwice() {
    let files = Fixture.files(
      editing: Fixture.planPath, replacing: "goals:\n",
      with: "decomposition:\n  tie_break: [district.east, district.west, district.east]\ngoals:\n")
    let result = load(files)
    #expect(result.plan == nil)
    #expect(
      result.listing.contains(
        "'district.east' is listed twice in 'tie_break'; each org settles a tie once, in the order listed."),
      "\(result.listing)")
    let text = Fixture.text(Fixture.planPath, in: files)
    expectDiagnostic(
      result, at: text.position(of: "district.east]"),
      "'district.east' is listed twice in 'tie_break'; each org settles a tie once, in the order listed.")
  }

  @Test("A target too large to count in whole units of its precision is refused where it is written, not wrapped")
  func hugeTarget() {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "value: 100 }", with: "value: 9223372036854775807 }")
    let result = load(files)
    expectDiagnostic(
      result, at: Fixture.text(Fixture.domainPath, in: files).position(of: "9223372036854775807"),
      "The target 9223372036854775807 of indicator 'test.output' is too large to decompose exactly: at most 10^15 units of its precision 0.1."
    )
    #expect(!result.listing.contains("-10"), "\(result.listing)")
    let largest = load(
      Fixture.files(editing: Fixture.domainPath, replacing: "value: 100 }", with: "value: 100000000000000 }"))
    #expect(largest.errors.isEmpty, "\(largest.listing)")
  }

  @Test("Parity targets that refer only to each other are refused")
  func parityCycle() {
    let files = Fixture.appendingIndicator(
      """
        - id: test.left
          name: { zh: 甲, en: Left }
          unit: "%"
          kind: ratio
          direction: higher
          binding: expected
          aggregation: city_only
          frequency: annual
          owner: bureau.a
          targets: [{ year: 2025, comparator: parity, with: test.right }]
          quotes: [相持平]
        - id: test.right
          name: { zh: 乙, en: Right }
          unit: "%"
          kind: ratio
          direction: higher
          binding: expected
          aggregation: city_only
          frequency: annual
          owner: bureau.a
          targets: [{ year: 2025, comparator: parity, with: test.left }]
          quotes: [相持平]

      """)
    let result = load(files)
    #expect(result.plan == nil)
    #expect(
      result.listing.contains("go round in a circle (test.left → test.right → test.left)"), "\(result.listing)")
  }
}
