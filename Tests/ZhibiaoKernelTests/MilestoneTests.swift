// Milestones of key tasks: how they are written, what the decoder refuses in one milestone, what
// the registry refuses against the rest of the plan, and the warning about a task that nothing
// tells the end of. Each expected position is found in the edited text of KernelFixture.swift.

import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// The fixture's dated milestone, as written.
private let dated = "{ due: 2025, text: 产出突破100亿元, indicator: test.output }"
/// The fixture's yearly progress, as written.
private let yearly = "{ every: year, text: 年度推进 }"

/// The configuration with the fixture's dated milestone written as `milestone` instead.
private func files(
  dated milestone: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [String: String] {
  Fixture.files(editing: Fixture.domainPath, replacing: dated, with: milestone, sourceLocation: sourceLocation)
}

/// The domain file of `files`, for finding positions in it.
private func domain(_ files: [String: String]) -> FixtureText {
  Fixture.text(Fixture.domainPath, in: files)
}

@Suite("Milestones of key tasks")
struct MilestoneTests {
  @Test("A dated milestone keeps its period and its indicator")
  func datedMilestone() throws {
    let plan = try #require(load(Fixture.files).plan)
    let milestone = try #require(plan.tasks.first?.milestones.first)
    #expect(milestone.kind == .outcome)
    #expect(milestone.due == .year(2025))
    #expect(milestone.text == "产出突破100亿元")
    #expect(milestone.indicator == "test.output")
    #expect(milestone.value == nil)
    #expect(milestone.location.description == domain(Fixture.files).position(of: dated))
    #expect(milestone.dueDates(in: plan.years) == [.year(2025)])
    #expect(milestone.isDue(in: 2025) && !milestone.isDue(in: 2024))
  }

  @Test("Yearly progress falls due at the end of every year of the plan and has no value")
  func yearlyMilestone() throws {
    let plan = try #require(load(Fixture.files).plan)
    let milestone = try #require(plan.tasks.first?.milestones.last)
    #expect(milestone.kind == .yearly)
    #expect(milestone.due == nil)
    #expect(milestone.text == "年度推进")
    #expect(milestone.indicator == nil && milestone.value == nil)
    #expect(milestone.dueDates(in: plan.years) == [.year(2022), .year(2023), .year(2024), .year(2025)])
    #expect((2022...2025).allSatisfy(milestone.isDue(in:)))
  }

  @Test("A quarter is a due period, and a value is read exactly")
  func quarterAndExactValue() throws {
    let edited = files(dated: "{ due: 2024Q2, text: 产出过半, indicator: test.output, value: 50.05 }")
    let result = load(edited)
    let plan = try #require(result.plan, "\(result.listing)")
    let milestone = try #require(plan.tasks.first?.milestones.first)
    #expect(milestone.due == .quarter(2, of: 2024))
    #expect(milestone.value == Decimal(string: "50.05"))
    #expect(milestone.dueDates(in: plan.years) == [.quarter(2, of: 2024)])
    #expect(milestone.isDue(in: 2024))
    #expect(result.diagnostics.isEmpty, "\(result.listing)")
  }

  /// (what is wrong, the milestone as written, where the error is reported, message, hint).
  static let malformed: [(String, String, String, String, String?)] = [
    (
      "both due and every", "{ due: 2025, every: year, text: 完成 }", "{ due: 2025, every",
      "A milestone of task 'test.core.build' has both 'due' and 'every'; a milestone is either dated or yearly.",
      "keep 'due' for a dated outcome, or 'every: year' for yearly progress"
    ),
    (
      "neither due nor every", "{ text: 完成 }", "{ text: 完成 }",
      "A milestone of task 'test.core.build' says neither when it is due ('due') nor that it recurs "
        + "('every: year').",
      "write 'due: 2025' (or a quarter such as 2024Q2), or 'every: year'"
    ),
    (
      "a period that is no period", "{ due: 2025Q5, text: 完成 }", "2025Q5",
      "The due period '2025Q5' of a milestone of task 'test.core.build' is neither a year nor a quarter.",
      "write a year such as 2025, or a quarter such as 2024Q2"
    ),
    (
      "a recurrence other than year", "{ every: month, text: 完成 }", "month",
      "'month' is not a recurrence of a milestone of task 'test.core.build'; milestones recur every 'year'.",
      "write 'every: year', or give a dated milestone with 'due'"
    ),
    (
      "a value without an indicator", "{ due: 2025, text: 完成, value: 100 }", "100 }",
      "The value of a milestone of task 'test.core.build' names no indicator ('indicator') to be measured by.",
      "add the indicator whose figure settles it, or remove 'value'"
    ),
    (
      "a value on yearly progress", "{ every: year, text: 完成, indicator: test.output, value: 100 }", "100 }",
      "Yearly progress in a milestone of task 'test.core.build' has no 'value'; the plan states values for "
        + "dated outcomes.",
      "give the value to a milestone with 'due'"
    ),
    (
      "the old key 'year'", "{ year: 2025, text: 完成 }", "year: 2025, text: 完成",
      "Unknown key 'year' in a milestone of task 'test.core.build'.", nil
    ),
  ]

  @Test("A malformed milestone is refused where it is written", arguments: malformed)
  func malformedMilestone(case: String, written: String, at: String, message: String, hint: String?) {
    let edited = files(dated: written)
    let result = load(edited)
    #expect(!result.froze, "\(`case`)")
    expectDiagnostic(result, at: domain(edited).position(of: at, after: "milestones:"), message, hint: hint)
  }

  @Test("A milestone naming an unknown indicator is refused at the indicator, with a suggestion")
  func unknownIndicator() {
    let edited = files(dated: "{ due: 2025, text: 产出突破100亿元, indicator: test.outptu, value: 100 }")
    let result = load(edited)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: domain(edited).position(of: "test.outptu"),
      "Unknown indicator 'test.outptu' in the milestone '产出突破100亿元' of task 'test.core.build'.",
      hint: "did you mean 'test.output'?")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A milestone due outside the plan's years is refused at its period", arguments: ["2021", "2026", "2027Q1"])
  func dueOutsidePlan(due: String) {
    let edited = files(dated: "{ due: \(due), text: 产出突破100亿元 }")
    let result = load(edited)
    #expect(!result.froze)
    expectDiagnostic(
      result, at: domain(edited).position(of: due, after: "due: "),
      "The milestone '产出突破100亿元' of task 'test.core.build' is due in \(due), outside the plan's years 2022–2025.")
    #expect(result.errors.count == 1, "\(result.listing)")
  }

  @Test("A year's value that differs from the indicator's target for that year draws a warning at the value")
  func valueDiffersFromTarget() {
    let edited = files(dated: "{ due: 2025, text: 产出突破120亿元, indicator: test.output, value: 120 }")
    let result = load(edited)
    #expect(result.froze, "\(result.listing)")
    expectDiagnostic(
      result, .warning, at: domain(edited).position(of: "120 }"),
      "The milestone '产出突破120亿元' of task 'test.core.build' gives 120 for 'test.output', but the "
        + "indicator's 2025 target is 100.",
      hint: "quote the plan's figure, the same in both places")
    #expect(result.warnings.count == 1, "\(result.listing)")
  }

  @Test("A year's value equal to the target loads; a value for a year without a target, or a quarter's, is its own")
  func valueWithoutTarget() {
    for written in [
      "{ due: 2025, text: 产出突破100亿元, indicator: test.output, value: 100.0 }",
      "{ due: 2024, text: 产出过半, indicator: test.output, value: 60 }",
      "{ due: 2025Q3, text: 产出过半, indicator: test.output, value: 70 }",
    ] {
      let result = load(files(dated: written))
      #expect(result.froze, "\(written): \(result.listing)")
      #expect(result.diagnostics.isEmpty, "\(written): \(result.listing)")
    }
  }

  @Test("A milestone settled by an indicator its task does not list draws a warning at the indicator")
  func indicatorNotListedByTask() throws {
    let edited = Fixture.files(
      editing: Fixture.domainPath, replacing: "    indicators: [test.output]\n    milestones:",
      with: "    milestones:")
    let result = load(edited)
    #expect(result.froze, "\(result.listing)")
    expectDiagnostic(
      result, .warning, at: domain(edited).position(of: "test.output }", after: "milestones:"),
      "The milestone '产出突破100亿元' of task 'test.core.build' is settled by 'test.output', which the task does "
        + "not list under 'indicators'.",
      hint: "add 'test.output' to the task's 'indicators'")
    #expect(result.warnings.count == 1, "\(result.listing)")
  }

  @Test("A task with neither an indicator nor a milestone draws a warning at the task")
  func taskWithNeither() {
    let edited = Fixture.files(
      editing: Fixture.domainPath,
      replacing: "    indicators: [test.output]\n    milestones:\n      - \(dated)\n      - \(yearly)\n",
      with: "")
    let result = load(edited)
    #expect(result.froze, "a warning does not stop the plan: \(result.listing)")
    expectDiagnostic(
      result, .warning, at: domain(edited).position(of: "id: test.core.build"),
      "The task 'test.core.build' has neither an indicator nor a milestone, so nothing tells when it is done.",
      hint: "link the indicators it drives ('indicators'), add the plan's dated milestones ('due'), "
        + "or add yearly progress: '{ every: year, text: 年度推进 }'")
    #expect(result.warnings.count == 1, "\(result.listing)")
  }

  @Test("Yearly progress alone, or an indicator alone, tells when a task is done")
  func eitherIsEnough() {
    let yearlyOnly = Fixture.files(
      editing: Fixture.domainPath, replacing: "    indicators: [test.output]\n    milestones:\n      - \(dated)\n",
      with: "    milestones:\n")
    let indicatorOnly = Fixture.files(
      editing: Fixture.domainPath, replacing: "    milestones:\n      - \(dated)\n      - \(yearly)\n", with: "")
    for edited in [yearlyOnly, indicatorOnly] {
      let result = load(edited)
      #expect(result.froze && result.diagnostics.isEmpty, "\(result.listing)")
    }
  }
}
