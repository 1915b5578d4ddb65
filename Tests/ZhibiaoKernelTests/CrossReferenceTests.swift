// Cross-references checked by `Registry.freeze()`: unknown and duplicate ids, owners,
// eligibility, target years and parity partners. Each expected position is found in the edited
// text of KernelFixture.swift.

import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// One edit of the fixture and the error it must produce.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
  let label: String
  let path: String
  let old: String
  let new: String
  /// Where the error is reported: the start of this text in the edited file, which must occur
  /// there once.
  let at: String
  let message: String
  var hint: String?

  var testDescription: String { label }
}

@Suite("Cross-references")
struct CrossReferenceTests {
  @Test("The fixture itself is valid")
  func fixtureIsValid() {
    let result = load(Fixture.files)
    #expect(result.froze, "\(result.listing)")
    #expect(result.diagnostics.isEmpty, "\(result.listing)")
  }

  static let unknownOrgs: [ReferenceCase] = [
    ReferenceCase(
      label: "as indicator owner", path: Fixture.domainPath,
      old: "    owner: bureau.a\n", new: "    owner: bureau.c\n",
      at: "bureau.c", message: "Unknown org 'bureau.c' in indicator 'test.output'.",
      hint: "did you mean 'bureau.a'?"),
    ReferenceCase(
      label: "as task org", path: Fixture.domainPath,
      old: "orgs: [bureau.a, district.east]", new: "orgs: [bureau.a, district.wset]",
      at: "district.wset", message: "Unknown org 'district.wset' in task 'test.core.build'.",
      hint: "did you mean 'district.west'?"),
    ReferenceCase(
      label: "as area lead", path: Fixture.domainPath,
      old: "    lead: bureau.b\n", new: "    lead: bureau.q\n",
      at: "bureau.q", message: "Unknown org 'bureau.q' in area 'test.core'.",
      hint: "did you mean 'bureau.a'?"),
    ReferenceCase(
      label: "as domain lead", path: Fixture.domainPath,
      old: "  lead: bureau.a\n", new: "  lead: bureau.nowhere\n",
      at: "bureau.nowhere", message: "Unknown org 'bureau.nowhere' in domain 'test'."),
    ReferenceCase(
      label: "as the plan's commission", path: Fixture.planPath,
      old: "commission: bureau.a", new: "commission: bureau.planning",
      at: "bureau.planning", message: "Unknown org 'bureau.planning' in the plan's commission."),
    ReferenceCase(
      label: "as the plan's leading group", path: Fixture.planPath,
      old: "leading_group: group.lead", new: "leading_group: group.laed",
      at: "group.laed", message: "Unknown org 'group.laed' in the plan's leading group.",
      hint: "did you mean 'group.lead'?"),
  ]

  @Test("An unknown org is reported where it is named", arguments: unknownOrgs)
  func unknownOrg(_ edit: ReferenceCase) {
    check(edit)
  }

  static let unknownAreas: [ReferenceCase] = [
    ReferenceCase(
      label: "of an indicator", path: Fixture.domainPath,
      old: "- id: test.output\n    area: test.core\n", new: "- id: test.output\n    area: test.coer\n",
      at: "test.coer", message: "The indicator 'test.output' names the unknown area 'test.coer'.",
      hint: "did you mean 'test.core'?"),
    ReferenceCase(
      label: "of a task", path: Fixture.domainPath,
      old: "- id: test.core.build\n    area: test.core\n", new: "- id: test.core.build\n    area: test.elsewhere\n",
      at: "test.elsewhere", message: "The task 'test.core.build' names the unknown area 'test.elsewhere'."),
  ]

  @Test("An unknown area is reported where it is named", arguments: unknownAreas)
  func unknownArea(_ edit: ReferenceCase) {
    check(edit)
  }

  static let unknownIndicators: [ReferenceCase] = [
    ReferenceCase(
      label: "in a goal group", path: Fixture.planPath,
      old: "[test.output, test.share]", new: "[test.output, test.shard]",
      at: "test.shard", message: "Unknown indicator 'test.shard' in goal group 'goal.overall'.",
      hint: "did you mean 'test.share'?"),
    ReferenceCase(
      label: "in a task", path: Fixture.domainPath,
      old: "indicators: [test.output]", new: "indicators: [test.outpt]",
      at: "test.outpt", message: "Unknown indicator 'test.outpt' in task 'test.core.build'.",
      hint: "did you mean 'test.output'?"),
    ReferenceCase(
      label: "as a weight", path: Fixture.domainPath,
      old: "weight: plan.gdp", new: "weight: plan.gpd",
      at: "plan.gpd",
      message: "Unknown indicator 'plan.gpd' in the weight of indicator 'test.share'.",
      hint: "did you mean 'plan.gdp'?"),
    ReferenceCase(
      label: "as a parity partner", path: Fixture.domainPath,
      old: "with: test.benchmark", new: "with: test.benchmarc",
      at: "test.benchmarc",
      message: "Unknown indicator 'test.benchmarc' in the parity of indicator 'test.share'.",
      hint: "did you mean 'test.benchmark'?"),
  ]

  @Test("An unknown indicator is reported where it is named", arguments: unknownIndicators)
  func unknownIndicator(_ edit: ReferenceCase) {
    check(edit)
  }

  @Test("An unknown input of a derivation is reported at the derivation's declaration")
  func unknownDerivationInput() {
    let line = #line + 1
    let derivation = Derivation.percentage(
      "test.share", numerator: "test.output", denominator: "test.gdp",
      formula: LocalizedText(zh: "产出 ÷ 总值", en: "Output ÷ total"))
    let result = load(Fixture.files, plugins: [TestPlugin(derivations: [derivation])])
    #expect(!result.froze)
    expectDiagnostic(
      result, at: "ZhibiaoKernelTests/CrossReferenceTests.swift:\(line):1",
      "Unknown indicator 'test.gdp' in the derivation of 'test.share'.")
  }

  @Test("A derivation of an indicator of another domain is refused")
  func derivationOfAnotherDomain() {
    let line = #line + 1
    let derivation = Derivation.percentage(
      "plan.gdp", numerator: "test.output", denominator: "test.share",
      formula: LocalizedText(zh: "错", en: "Wrong"))
    let result = load(Fixture.files, plugins: [TestPlugin(derivations: [TestPlugin.shareDerivation, derivation])])
    #expect(!result.froze)
    expectDiagnostic(
      result, at: "ZhibiaoKernelTests/CrossReferenceTests.swift:\(line):1",
      "The 'test' module derives 'plan.gdp', which belongs to 'the plan'.")
  }

  /// (kind, id, the file where it is first defined, the text that defines it in both files).
  static let duplicates: [(String, String, String, String)] = [
    ("org", "bureau.b", Fixture.planPath, "{ id: bureau.b,"),
    ("area", "test.core", Fixture.domainPath, "id: test.core\n"),
    ("indicator", "test.benchmark", Fixture.domainPath, "id: test.benchmark"),
    ("task", "test.core.build", Fixture.domainPath, "id: test.core.build"),
  ]

  @Test("An id defined in two domain files is reported at the second", arguments: duplicates)
  func duplicateID(kind: String, id: String, firstPath: String, definition: String) {
    var files = Fixture.files
    files[Fixture.secondDomainPath] = Fixture.secondDomain
    let plugin = TestPlugin()
    let result = load(files, plugins: [plugin])
    #expect(!result.froze)
    let first = Fixture.text(firstPath).position(of: definition)
    let second = Fixture.text(Fixture.secondDomainPath, in: files).position(of: definition)
    expectDiagnostic(
      result, at: second, "The \(kind) id '\(id)' is defined twice; it was first defined at \(first).")
    #expect(result.errors.count == 4, "\(result.listing)")
  }

  @Test("Every file of a module contributes its areas")
  func areasOfASecondFile() throws {
    var files = Fixture.files
    files[Fixture.secondDomainPath] = """
      domain:
        id: test
        name: { zh: 测试领域, en: Test domain }
        lead: bureau.a
      areas:
        - id: test.extra
          name: { zh: 扩展, en: Extra }
          lead: bureau.b
      tasks:
        - id: test.extra.grow
          area: test.extra
          text: 扩展业务
          orgs: [bureau.b]

      """
    let plugin = TestPlugin()
    let result = load(files, plugins: [plugin])
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.domain("test")?.areas.map(\.id) == ["test.core", "test.extra"])
    #expect(plan.area("test.extra")?.lead == "bureau.b")
    #expect(plan.tasks.map(\.id) == ["test.core.build", "test.extra.grow"])
  }

  @Test("An org defined again in another module's file is reported there")
  func duplicateOrgAcrossModules() {
    var files = Fixture.files
    files["domains/other.yaml"] = """
      domain:
        id: other
        name: { zh: 其他, en: Other }
        lead: bureau.a
      orgs:
        - { id: district.east, kind: district, code: "330101", name: { zh: 东区, en: East District } }

      """
    let other = TestPlugin(domainID: "other", derivations: [])
    let result = load(files, plugins: [TestPlugin(), other])
    #expect(!result.froze)
    let first = Fixture.text(Fixture.planPath).position(of: "{ id: district.east,")
    expectDiagnostic(
      result, at: Fixture.text("domains/other.yaml", in: files).position(of: "{ id: district.east,"),
      "The org id 'district.east' is defined twice; it was first defined at \(first).")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("An indicator without an owner is refused with the missing key")
  func missingOwner() {
    let files = Fixture.files(editing: Fixture.domainPath, replacing: "    owner: bureau.a\n", with: "")
    let result = load(files)
    #expect(!result.froze)
    let item = Fixture.text(Fixture.domainPath, in: files).position(of: "id: test.output\n")
    expectDiagnostic(result, at: item, "Missing key 'owner' in indicator 'test.output'.")
    #expect(result.errors.first?.location.description == item)
  }

  @Test("A district cannot own an indicator's city figure")
  func districtAsOwner() {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "    owner: bureau.a\n", with: "    owner: district.east\n")
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: Fixture.text(Fixture.domainPath, in: files).position(of: "district.east", after: "id: test.output"),
      "The owner of indicator 'test.output' is the district 'district.east'; the city figure is owned by a bureau.")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A co-operating bureau cannot own an indicator")
  func cooperatingBureauAsOwner() {
    var files = Fixture.files(
      editing: Fixture.domainPath, replacing: "    owner: bureau.a\n", with: "    owner: bureau.c\n")
    files[Fixture.planPath] = replacing(
      "  - { id: bureau.b,",
      with: "  - { id: bureau.c, kind: cooperating_bureau, name: { zh: 丙局, en: Bureau C } }\n  - { id: bureau.b,",
      in: files[Fixture.planPath] ?? "")
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: Fixture.text(Fixture.domainPath, in: files).position(of: "bureau.c", after: "id: test.output"),
      "The owner of indicator 'test.output' is the co-operating bureau 'bureau.c', which owns no indicator.",
      hint: "make it 'kind: bureau' if it answers for a city figure")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A domain file works without a code module: its indicators load, and nothing is derived")
  func domainWithoutModule() throws {
    let result = load(Fixture.files, plugins: [])
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.domains.map(\.id) == ["test"])
    #expect(plan.indicator("test.output") != nil && plan.indicator("test.share") != nil)
    #expect(plan.derivations.isEmpty)
  }

  @Test("A goal group naming a supporting indicator draws a warning")
  func goalNamesSupportingIndicator() {
    let files = Fixture.files(editing: Fixture.planPath, replacing: "test.share]", with: "test.benchmark]")
    let result = load(files)
    #expect(result.froze, "\(result.listing)")
    expectDiagnostic(
      result, .warning, at: Fixture.text(Fixture.planPath, in: files).position(of: "test.benchmark"),
      "The goal group 'goal.overall' lists 'test.benchmark', which has no target.")
  }

  @Test("A target year outside base year + 1 … target year is refused", arguments: [2021, 2026, 2030])
  func targetYearOutsidePlan(year: Int) {
    let target = "{ year: \(year), comparator: at_least, value: 100 }"
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "{ year: 2025, comparator: at_least, value: 100 }", with: target)
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: Fixture.text(Fixture.domainPath, in: files).position(of: target),
      "The target year \(year) of indicator 'test.output' is outside the plan's years 2022–2025.")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A parity partner in another unit is refused")
  func parityPartnerWithAnotherUnit() {
    let result = load(
      Fixture.files(
        editing: Fixture.domainPath, replacing: "en: Benchmark share }\n    unit: \"%\"\n",
        with: "en: Benchmark share }\n    unit: 亿元\n"))
    #expect(!result.froze)
    expectDiagnostic(
      result, at: Fixture.text(Fixture.domainPath).position(of: "test.benchmark", after: "comparator: parity, with: "),
      "The indicator 'test.share' (%) cannot be level with 'test.benchmark' (亿元).")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("An indicator cannot be level with itself")
  func parityWithItself() {
    let result = load(
      Fixture.files(editing: Fixture.domainPath, replacing: "with: test.benchmark", with: "with: test.share"))
    #expect(!result.froze)
    let position = Fixture.text(Fixture.domainPath).position(of: "test.benchmark", after: "comparator: parity, with: ")
    expectDiagnostic(result, at: position, "The indicator 'test.share' cannot be level with itself.")
  }

  @Test("Only districts can be eligible")
  func ineligibleNonDistrict() {
    let files = Fixture.files(
      editing: Fixture.domainPath, replacing: "[district.east, district.west]", with: "[district.east, bureau.b]")
    let result = load(files)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: Fixture.text(Fixture.domainPath, in: files).position(of: "bureau.b]"),
      "'bureau.b' is listed as an eligible district of indicator 'test.output' but is a bureau.")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  private func check(_ edit: ReferenceCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let files = Fixture.files(editing: edit.path, replacing: edit.old, with: edit.new, sourceLocation: sourceLocation)
    let result = load(files)
    let position = Fixture.text(edit.path, in: files).position(of: edit.at, sourceLocation: sourceLocation)
    #expect(!result.froze, sourceLocation: sourceLocation)
    expectDiagnostic(result, at: position, edit.message, hint: edit.hint, sourceLocation: sourceLocation)
    #expect(result.errors.count == 1, "\(result.listing)", sourceLocation: sourceLocation)
    if edit.hint == nil {
      let match = result.errors.first { $0.location.description == position }
      #expect(match?.hint == nil, "unexpected hint: \(match?.hint ?? "")", sourceLocation: sourceLocation)
    }
  }
}
