// What the scheme and events decoders refuse, with exact positions. Positions in the scheme refer
// to AssessmentFixture.scheme: line 6 is the alpha.output item, 14 the tasks list, 25 the veto's
// max_grade, 29–32 the grade bands, 39 the bureau's owned rules.

import Foundation
import Testing
import ZhibiaoKernel

private let file = AssessmentFixture.schemeFile

@Suite("Assessment scheme and events decoding")
struct AssessmentDecodeTests {
  let plan: Plan

  init() throws {
    plan = try AssessmentFixture.plan()
  }

  /// The fixture scheme with `old` replaced by `new` (which must occur once), decoded.
  func decode(
    replacing old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> (AssessmentScheme?, [Diagnostic]) {
    let count = AssessmentFixture.scheme.components(separatedBy: old).count - 1
    #expect(count == 1, "'\(old)' occurs \(count) times", sourceLocation: sourceLocation)
    return AssessmentFixture.decode(AssessmentFixture.scheme.replacingOccurrences(of: old, with: new), plan: plan)
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
    let (scheme, diagnostics) = decode(replacing: "indicator: alpha.output,", with: "indicator: alpha.outptu,")
    #expect(scheme == nil)
    expectAssessmentDiagnostic(
      diagnostics, at: "\(file):6:20", "Unknown indicator 'alpha.outptu' in the 'district' section.",
      hint: "did you mean 'alpha.output'?")
  }

  @Test("A misspelt key is refused with a suggestion, and the key it was meant to be is missing")
  func misspeltKey() {
    let (scheme, diagnostics) = decode(replacing: "alpha.output, weight: 40", with: "alpha.output, wieght: 40")
    #expect(scheme == nil)
    let unknown = expectAssessmentDiagnostic(
      diagnostics, at: "\(file):6:34", "Unknown key 'wieght' in item 'alpha.output'.", hint: "did you mean 'weight'?")
    #expect(unknown?.keyPath == "district.items[0].wieght")
    expectAssessmentDiagnostic(diagnostics, at: "\(file):6:7", "Missing key 'weight' in item 'alpha.output'.")
  }

  @Test("A misspelt rule is refused with the rules it could be")
  func misspeltRule() {
    let (_, diagnostics) = decode(replacing: "weight: 40, rule: completion", with: "weight: 40, rule: completoin")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(file):6:52",
      "'completoin' is not a scoring rule; expected one of 'completion', 'gap', 'piecewise', 'graded'.",
      hint: "did you mean 'completion'?")
    // The rule's own keys are not reported as unknown when the rule is.
    #expect(diagnostics.count == 1, "\(diagnostics)")
  }

  @Test("A rule that does not fit the indicator's kind is refused, naming the rules that do")
  func ruleDoesNotFitKind() {
    let (_, diagnostics) = decode(
      replacing: "alpha.count, weight: 20, rule: completion, cap: 1.2 }",
      with: "alpha.count, weight: 20, rule: gap, per_point: 1 }")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(file):7:51",
      "The 'gap' rule scores 'ratio', 'growth_rate' items; item 'alpha.count' is a 'stock'.",
      hint: "use 'completion' or 'piecewise'")
  }

  @Test("A parameter of another rule is an unknown key")
  func parameterOfAnotherRule() {
    let (_, diagnostics) = decode(
      replacing: "alpha.port, weight: 10, rule: completion }",
      with: "alpha.port, weight: 10, rule: completion, per_point: 2 }")
    expectAssessmentDiagnostic(diagnostics, at: "\(file):8:62", "Unknown key 'per_point' in item 'alpha.port'.")
  }

  @Test("An unknown task is refused with a suggestion")
  func unknownTask() {
    let (_, diagnostics) = decode(replacing: "tasks: [alpha.build]", with: "tasks: [alpha.biuld]")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(file):14:15", "Unknown task 'alpha.biuld' in item 'tasks'.",
      hint: "did you mean 'alpha.build'?")
  }

  @Test("A misspelt kind of org is refused with a suggestion")
  func unknownOrgKind() {
    let (_, diagnostics) = decode(replacing: "district:\n", with: "distrct:\n")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(file):3:1", "Unknown key 'distrct' in the assessment scheme.",
      hint: "did you mean 'district'?")
  }

  @Test("A city-only indicator cannot be a district item")
  func cityOnlyInDistricts() {
    let (_, diagnostics) = decode(replacing: "indicator: alpha.port,", with: "indicator: alpha.rank,")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(file):8:7",
      "The indicator 'alpha.rank' has only a city figure; districts cannot be scored on it.",
      hint: "score it in the 'bureau' section, where the owner is assessed on the city figure")
  }

  @Test("Weights must be positive and add up to the basic points")
  func weights() {
    let (_, zero) = decode(replacing: "alpha.port, weight: 10", with: "alpha.port, weight: 0")
    expectAssessmentDiagnostic(zero, at: "\(file):8:40", "The weight of item 'alpha.port' must be positive.")
    let (_, short) = decode(replacing: "alpha.port, weight: 10", with: "alpha.port, weight: 5")
    expectAssessmentDiagnostic(
      short, at: "\(file):4:17", "The weights of the 'district' section add up to 95, not its basic points 100.",
      hint: "make the items' weights add up to 'basic_points'")
    #expect(short.count == 1, "\(short)")
  }

  @Test("Grade bands must cover every total from 0 without gaps or overlaps")
  func bandsCover() {
    let (_, gap) = decode(replacing: "from: 80, to: 90 }", with: "from: 80, to: 85 }")
    expectAssessmentDiagnostic(
      gap, at: "\(file):30:7", "Totals from 85 to 90 fall in no grade: 'good' ends at 85 but 'excellent' starts at 90.")
    let (_, overlap) = decode(replacing: "from: 60, to: 80 }", with: "from: 60, to: 82 }")
    expectAssessmentDiagnostic(overlap, at: "\(file):31:7", "The grades 'pass' (to 82) and 'good' (from 80) overlap.")
    let (_, bottom) = decode(replacing: "from: 0, to: 60 }", with: "from: 10, to: 60 }")
    expectAssessmentDiagnostic(
      bottom, at: "\(file):32:7", "The lowest grade 'fail' starts at 10; the grades must cover every total from 0.")
    let (_, order) = decode(replacing: "from: 60, to: 80 }", with: "from: 85, to: 80 }")
    expectAssessmentDiagnostic(
      order, at: "\(file):31:7",
      "Grades are listed best first, each starting below the one before: 'pass' starts at 85, not below 'good' (80).")
  }

  @Test("The best band must reach the highest total an org can score")
  func bandsReachTheMaximum() {
    let (_, diagnostics) = decode(replacing: "from: 90, quota: 0.25 }", with: "from: 90, to: 110, quota: 0.25 }")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(file):29:7",
      "Totals from 110 to 119 fall in no grade: the best grade 'excellent' ends at 110, "
        + "but a district can score up to 119.",
      hint: "raise its 'to' to at least 119 or leave 'to' out")
    let (scheme, fine) = decode(replacing: "from: 90, quota: 0.25 }", with: "from: 90, to: 119, quota: 0.25 }")
    #expect(scheme != nil && fine.isEmpty, "\(fine)")
  }

  @Test("A quota is a share between 0 and 1, and the lowest grade has none")
  func quotas() {
    let (_, share) = decode(replacing: "quota: 0.25", with: "quota: 15")
    expectAssessmentDiagnostic(
      share, at: "\(file):29:74",
      "The quota of grade 'excellent' must lie between 0 and 1 (a share of the orgs assessed).",
      hint: "write 0.15 for 15%")
    let (_, lowest) = decode(replacing: "from: 0, to: 60 }", with: "from: 0, to: 60, quota: 0.5 }")
    expectAssessmentDiagnostic(
      lowest, at: "\(file):32:7", "The lowest grade 'fail' cannot have a quota: nobody could be moved below it.")
  }

  @Test("The veto names a grade of the section")
  func vetoGrade() {
    let (_, diagnostics) = decode(replacing: "max_grade: pass", with: "max_grade: pas")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(file):25:16", "Unknown grade 'pas' in 'veto' of the 'district' section.",
      hint: "did you mean 'pass'?")
  }

  @Test("Every kind of indicator a bureau owns needs a rule, and only bureaus own")
  func ownedRules() {
    let (_, missing) = decode(replacing: "      growth_rate: { rule: gap, per_point: 1 }\n", with: "")
    expectAssessmentDiagnostic(
      missing, at: "\(file):39:7",
      "The bureau 'bureau.b' owns 'alpha.growth' (growth_rate), but 'owned.rules' gives no rule for 'growth_rate'.",
      hint: "add a rule for 'growth_rate' or list the indicator under 'exclude'")
    let (_, misspelt) = decode(replacing: "      stock: { rule: completion }", with: "      stok: { rule: completion }")
    expectAssessmentDiagnostic(
      misspelt, at: "\(file):40:7", "Unknown key 'stok' in 'owned.rules'.", hint: "did you mean 'stock'?")
    let (_, district) = decode(
      replacing: "  basic_points: 100\n  items:\n", with: "  basic_points: 100\n  owned: { points: 1 }\n  items:\n")
    expectAssessmentDiagnostic(
      district, at: "\(file):5:10", "Only bureaus own indicators; 'owned' cannot be used in the 'district' section.")
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
    for position in ["\(file):6:20", "\(file):14:15", "\(file):25:16", "\(file):29:74"] {
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
    let path = "Config/sample/assessment-events-2024.yaml"
    let (events, diagnostics) = AssessmentFixture.decodeEvents(Self.events, plan: plan, scheme: scheme, year: 2023)
    #expect(events == nil)
    expectAssessmentDiagnostic(
      diagnostics, at: "\(path):1:7", "The events are for 2024, but the assessment is for 2023.")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(path):3:12", "Unknown org 'district.esat'.", hint: "did you mean 'district.east'?")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(path):4:37", "Unknown bonus category 'nationl'.", hint: "did you mean 'national'?")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(path):5:5",
      "The bonus for 'district.west' states no points, and its category 'project' sets none.")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(path):8:12", "The org 'group.lead' is a leading_group; the scheme assesses no leading_group.")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(path):10:27",
      "'基本完城' is not a task grade; expected one of '完成' ('completed'), '基本完成' ('basically_completed'), "
        + "'部分完成' ('partly_completed'), '未完成' ('not_completed').",
      hint: "did you mean '基本完成'?")
    expectAssessmentDiagnostic(
      diagnostics, at: "\(path):11:20", "'district.west' has no graded item 'taks'; its graded items are 'tasks'.",
      hint: "did you mean 'tasks'?")
    expectAssessmentDiagnostic(diagnostics, at: "\(path):14:19", "A rank starts at 1; 'district.north' is given 0.")
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
