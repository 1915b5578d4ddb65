// What the scheme and events decoders refuse, with exact positions, each found in the edited text
// of AssessmentFixture.scheme or of the events below.

import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

private let file = AssessmentFixture.schemeFile

@Suite("Assessment scheme and events decoding")
struct AssessmentDecodeTests {
  let plan: Plan

  init() throws {
    plan = try AssessmentFixture.plan()
  }

  /// The fixture scheme with `old` replaced by `new` (which must occur once), decoded; and the
  /// edited text, for finding positions in it.
  func decode(
    replacing old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> (AssessmentScheme?, [Diagnostic], FixtureText) {
    let text = replacing(old, with: new, in: AssessmentFixture.scheme, sourceLocation: sourceLocation)
    let (scheme, diagnostics) = AssessmentFixture.decode(text, plan: plan)
    return (scheme, diagnostics, FixtureText(text, file: file))
  }

  @Test("The fixture scheme decodes with nothing to report, and computes its maximum")
  func fixtureDecodes() throws {
    let scheme = try AssessmentFixture.scheme(plan: plan)
    let district = try #require(scheme.section(for: .district))
    // 40 × 1.2 + 20 × 1.2 + 10 × 1.2 + 10 + 20, plus the bonus cap 5.
    #expect(district.maximumTotal == 119)
    #expect(district.tieBreak == [.headline, .basic, .id])
    #expect(district.items.map(\.id) == ["alpha.output", "alpha.count", "alpha.port", "alpha.rate", "tasks"])
    #expect(district.grades.first?.limit(among: 4) == 1)
    let bureau = try #require(scheme.section(for: .bureau))
    #expect(bureau.maximumTotal == 114)  // 70 × 1.2 + 30
    #expect(bureau.tieBreak == [.basic, .id])
    #expect(scheme.sections.map(\.orgKind) == [.district, .bureau])
    #expect(scheme.taskGrades.map(\.name.zh) == ["完成", "基本完成", "部分完成", "未完成"])
  }

  @Test("An unknown indicator is refused at its position, with a suggestion")
  func unknownIndicator() {
    let (scheme, diagnostics, text) = decode(replacing: "indicator: alpha.output,", with: "indicator: alpha.outptu,")
    #expect(scheme == nil)
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "alpha.outptu"), "Unknown indicator 'alpha.outptu' in the 'district' section.",
      hint: "did you mean 'alpha.output'?")
  }

  @Test("A misspelt key is refused with a suggestion, and the key it was meant to be is missing")
  func misspeltKey() {
    let (scheme, diagnostics, text) = decode(replacing: "alpha.output, weight: 40", with: "alpha.output, wieght: 40")
    #expect(scheme == nil)
    let unknown = expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "wieght"), "Unknown key 'wieght' in item 'alpha.output'.",
      hint: "did you mean 'weight'?")
    #expect(unknown?.keyPath == "district.items[0].wieght")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "{ indicator: alpha.output,"), "Missing key 'weight' in item 'alpha.output'.")
  }

  @Test("A misspelt rule is refused with the rules it could be")
  func misspeltRule() {
    let (_, diagnostics, text) = decode(replacing: "weight: 40, rule: completion", with: "weight: 40, rule: completoin")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "completoin"),
      "'completoin' is not a scoring rule; expected one of 'completion', 'gap', 'piecewise', 'graded'.",
      hint: "did you mean 'completion'?")
    // The rule's own keys are not reported as unknown when the rule is.
    #expect(diagnostics.count == 1, "\(diagnostics)")
  }

  @Test("A rule that does not fit the indicator's kind is refused, naming the rules that do")
  func ruleDoesNotFitKind() {
    let (_, diagnostics, text) = decode(
      replacing: "alpha.count, weight: 20, rule: completion, cap: 1.2 }",
      with: "alpha.count, weight: 20, rule: gap, per_point: 1 }")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "gap", after: "alpha.count, weight: 20, rule: "),
      "The 'gap' rule scores 'ratio', 'growth_rate' items; item 'alpha.count' is a 'stock'.",
      hint: "use 'completion' or 'piecewise'")
  }

  @Test("A parameter of another rule is an unknown key")
  func parameterOfAnotherRule() {
    let (_, diagnostics, text) = decode(
      replacing: "alpha.port, weight: 10, rule: completion }",
      with: "alpha.port, weight: 10, rule: completion, per_point: 2 }")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "per_point: 2"), "Unknown key 'per_point' in item 'alpha.port'.")
  }

  @Test("An unknown task is refused with a suggestion")
  func unknownTask() {
    let (_, diagnostics, text) = decode(replacing: "tasks: [alpha.build]", with: "tasks: [alpha.biuld]")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "alpha.biuld"), "Unknown task 'alpha.biuld' in item 'tasks'.",
      hint: "did you mean 'alpha.build'?")
  }

  @Test("A misspelt kind of org is refused with a suggestion")
  func unknownOrgKind() {
    let (_, diagnostics, text) = decode(replacing: "district:\n", with: "distrct:\n")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "distrct:"), "Unknown key 'distrct' in the assessment scheme.",
      hint: "did you mean 'district'?")
  }

  @Test("A city-only indicator cannot be a district item")
  func cityOnlyInDistricts() {
    let (_, diagnostics, text) = decode(replacing: "indicator: alpha.port,", with: "indicator: alpha.rank,")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "{ indicator: alpha.rank,"),
      "The indicator 'alpha.rank' has only a city figure; districts cannot be scored on it.",
      hint: "score it in the 'bureau' section, where the owner is assessed on the city figure")
  }

  @Test("Weights must be positive and add up to the basic points")
  func weights() {
    let (_, zero, zeroText) = decode(replacing: "alpha.port, weight: 10", with: "alpha.port, weight: 0")
    expectAssessmentDiagnostic(
      zero, at: zeroText.position(of: "0", after: "alpha.port, weight: "),
      "The weight of item 'alpha.port' must be positive.")
    let (_, short, shortText) = decode(replacing: "alpha.port, weight: 10", with: "alpha.port, weight: 5")
    expectAssessmentDiagnostic(
      short, at: shortText.position(of: "100", after: "district:\n  basic_points: "),
      "The weights of the 'district' section add up to 95, not its basic points 100.",
      hint: "make the items' weights add up to 'basic_points'")
    #expect(short.count == 1, "\(short)")
  }

  @Test("Numbers of the assessment are stated to at most four decimals, which the engine counts exactly")
  func fourDecimals() {
    let (scheme, diagnostics, text) = decode(
      replacing: "alpha.port, weight: 10", with: "alpha.port, weight: 9.99995")
    #expect(scheme == nil)
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "9.99995"),
      "9.99995 has more than four decimals or is beyond 10⁹; the assessment counts in ten-thousandths.")
  }

  @Test("Grade bands must cover every total from 0 without gaps or overlaps")
  func bandsCover() {
    let (_, gap, gapText) = decode(replacing: "from: 80, to: 90 }", with: "from: 80, to: 85 }")
    expectAssessmentDiagnostic(
      gap, at: gapText.position(of: "{ id: good,"),
      "Totals from 85 to 90 fall in no grade: 'good' ends at 85 but 'excellent' starts at 90.")
    let (_, overlap, overlapText) = decode(replacing: "from: 60, to: 80 }", with: "from: 60, to: 82 }")
    expectAssessmentDiagnostic(
      overlap, at: overlapText.position(of: "{ id: pass,", after: "district:"),
      "The grades 'pass' (to 82) and 'good' (from 80) overlap.")
    let (_, bottom, bottomText) = decode(replacing: "from: 0, to: 60 }", with: "from: 10, to: 60 }")
    expectAssessmentDiagnostic(
      bottom, at: bottomText.position(of: "{ id: fail,"),
      "The lowest grade 'fail' starts at 10; the grades must cover every total from 0.")
    let (_, order, orderText) = decode(replacing: "from: 60, to: 80 }", with: "from: 85, to: 80 }")
    expectAssessmentDiagnostic(
      order, at: orderText.position(of: "{ id: pass,", after: "district:"),
      "Grades are listed best first, each starting below the one before: 'pass' starts at 85, not below 'good' (80).")
  }

  @Test("The best band must reach the highest total an org can score")
  func bandsReachTheMaximum() {
    let (_, diagnostics, text) = decode(replacing: "from: 90, quota: 0.25 }", with: "from: 90, to: 110, quota: 0.25 }")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "{ id: excellent,", after: "district:"),
      "Totals from 110 to 119 fall in no grade: the best grade 'excellent' ends at 110, "
        + "but a district can score up to 119.",
      hint: "raise its 'to' to at least 119 or leave 'to' out")
    let (scheme, fine, _) = decode(replacing: "from: 90, quota: 0.25 }", with: "from: 90, to: 119, quota: 0.25 }")
    #expect(scheme != nil && fine.isEmpty, "\(fine)")
  }

  @Test("A quota is a share between 0 and 1, and the lowest grade has none")
  func quotas() {
    let (_, share, shareText) = decode(replacing: "quota: 0.25", with: "quota: 15")
    expectAssessmentDiagnostic(
      share, at: shareText.position(of: "15", after: "quota: "),
      "The quota of grade 'excellent' must lie between 0 and 1 (a share of the orgs assessed).",
      hint: "write 0.15 for 15%")
    let (_, lowest, lowestText) = decode(replacing: "from: 0, to: 60 }", with: "from: 0, to: 60, quota: 0.5 }")
    expectAssessmentDiagnostic(
      lowest, at: lowestText.position(of: "{ id: fail,"),
      "The lowest grade 'fail' cannot have a quota: nobody could be moved below it.")
  }

  @Test("The veto names a grade of the section")
  func vetoGrade() {
    let (_, diagnostics, text) = decode(replacing: "max_grade: pass", with: "max_grade: pas")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "pas", after: "max_grade: "),
      "Unknown grade 'pas' in 'veto' of the 'district' section.",
      hint: "did you mean 'pass'?")
  }

  @Test("Every kind of indicator a bureau owns needs a rule, and only bureaus own")
  func ownedRules() {
    let (_, missing, missingText) = decode(replacing: "      growth_rate: { rule: gap, per_point: 1 }\n", with: "")
    expectAssessmentDiagnostic(
      missing, at: missingText.position(of: "flow: {"),
      "The bureau 'bureau.b' owns 'alpha.growth' (growth_rate), but 'owned.rules' gives no rule for 'growth_rate'.",
      hint: "add a rule for 'growth_rate' or list the indicator under 'exclude'")
    let (_, misspelt, misspeltText) = decode(
      replacing: "      stock: { rule: completion }", with: "      stok: { rule: completion }")
    expectAssessmentDiagnostic(
      misspelt, at: misspeltText.position(of: "stok:"), "Unknown key 'stok' in 'owned.rules'.",
      hint: "did you mean 'stock'?")
    let (_, district, districtText) = decode(
      replacing: "  basic_points: 100\n  items:\n", with: "  basic_points: 100\n  owned: { points: 1 }\n  items:\n")
    expectAssessmentDiagnostic(
      district, at: districtText.position(of: "{ points: 1 }"),
      "Only bureaus own indicators; 'owned' cannot be used in the 'district' section.")
  }

  @Test("Every problem of the file is reported in one run")
  func everyErrorAtOnce() {
    var text = AssessmentFixture.scheme
    for (old, new) in [
      ("indicator: alpha.output,", "indicator: alpha.outptu,"), ("tasks: [alpha.build]", "tasks: [alpha.biuld]"),
      ("max_grade: pass", "max_grade: pas"), ("quota: 0.25", "quota: 15"),
    ] {
      text = text.replacingOccurrences(of: old, with: new)
    }
    let (scheme, diagnostics) = AssessmentFixture.decode(text, plan: plan)
    #expect(scheme == nil)
    let positions = diagnostics.filter { $0.severity == .error }.map(\.location.description)
    let edited = FixtureText(text, file: file)
    for position in [
      edited.position(of: "alpha.outptu"), edited.position(of: "alpha.biuld"),
      edited.position(of: "pas", after: "max_grade: "), edited.position(of: "15", after: "quota: "),
    ] {
      #expect(positions.contains(position), "\(position) not in \(positions)")
    }
  }

  // MARK: - Events

  static let events = """
    year: 2024
    bonuses:
      - { org: district.esat, category: national, reason: 国家级荣誉 }
      - { org: district.west, category: nationl, reason: 国家级荣誉 }
      - { org: district.west, category: project, reason: 重大项目 }
    deductions:
      - { org: district.west, category: late_data, reason: 迟报 }
      - { org: group.lead, points: 1, reason: 迟报 }
    grades:
      district.east: { tasks: 基本完城 }
      district.west: { taks: 完成 }
      bureau.b: { alpha.aim: 完成, tasks: basically_completed }
    previous_ranks:
      district.north: 0

    """

  @Test("The events file is checked against the plan and the scheme, every problem at once")
  func eventErrors() throws {
    let scheme = try AssessmentFixture.scheme(plan: plan)
    let text = FixtureText(Self.events, file: "Config/sample/assessment-events-2024.yaml")
    let (events, diagnostics) = AssessmentFixture.decodeEvents(Self.events, plan: plan, scheme: scheme, year: 2023)
    #expect(events == nil)
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "2024", after: "year: "),
      "The events are for 2024, but the assessment is for 2023.")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "district.esat"), "Unknown org 'district.esat'.",
      hint: "did you mean 'district.east'?")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "nationl"), "Unknown bonus category 'nationl'.",
      hint: "did you mean 'national'?")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "{ org: district.west, category: project"),
      "The bonus for 'district.west' states no points, and its category 'project' sets none.")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "group.lead"),
      "The org 'group.lead' is a leading_group; the scheme assesses no leading_group.")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "基本完城"),
      "'基本完城' is not a task grade; expected one of '完成' ('completed'), '基本完成' ('basically_completed'), "
        + "'部分完成' ('partly_completed'), '未完成' ('not_completed').",
      hint: "did you mean '基本完成'?")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "taks"),
      "'district.west' has no graded item 'taks'; its graded items are 'tasks'.",
      hint: "did you mean 'tasks'?")
    expectAssessmentDiagnostic(
      diagnostics, at: text.position(of: "0", after: "district.north: "),
      "A rank starts at 1; 'district.north' is given 0.")
    #expect(diagnostics.count == 8, "\(diagnostics.map(\.description).joined(separator: "\n"))")
  }

  @Test("Events decode to values: points from the category, grades by id, previous ranks")
  func eventsDecode() throws {
    let scheme = try AssessmentFixture.scheme(plan: plan)
    let text = """
      year: 2024
      bonuses:
        - { org: district.east, category: national, reason: 国家级荣誉 }
      deductions:
        - { org: district.west, category: late_data, points: 1, reason: 两次迟报 }
      vetoes:
        - { org: district.north, category: fraud, reason: 统计造假 }
      grades:
        district.east: { tasks: 基本完成 }
        bureau.b: { alpha.aim: 完成, tasks: partly_completed }
      previous_ranks:
        district.east: 2

      """
    let (decoded, diagnostics) = AssessmentFixture.decodeEvents(text, plan: plan, scheme: scheme, year: 2024)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let events = try #require(decoded)
    #expect(events.year == 2024)
    #expect(events.bonuses.map(\.points) == [1])
    #expect(events.deductions.map(\.points) == [1])
    #expect(events.vetoes.map(\.org) == ["district.north"])
    #expect(events.grades["district.east"] == ["tasks": "basically_completed"])
    #expect(events.grades["bureau.b"] == ["alpha.aim": "completed", "tasks": "partly_completed"])
    #expect(events.previousRanks == ["district.east": 2])
    let inputs = AssessmentInputs(year: 2024, events: events)
    #expect(inputs.previousRanks == ["district.east": 2])
  }
}
