// What the decoder refuses in a single file, seen through `Registry.freeze()`: misspelt keys
// and values, malformed ids, a domain the plan orders but nothing declares, a malformed division
// code and a target year not after the base year. The rules that tie an indicator's kind, unit,
// comparators and measures together are in IndicatorDecoderTests.swift. Each expected position is
// found in the edited text of KernelFixture.swift.

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
