import Testing
import ZhibiaoKernel

/// `plan.yaml`'s `supervision:` rules: read as written, every mistake located.
@Suite("Supervision rules in plan.yaml")
struct SupervisionDecodeTests {
  /// The fixture plan with `supervision` appended.
  func load(_ supervision: String) -> LoadResult {
    var files = Fixture.files
    files[Fixture.planPath] = (files[Fixture.planPath] ?? "") + "\n" + supervision
    return ZhibiaoKernelTests.load(files)
  }

  @Test("Levels, triggers, days and escalation are read as written")
  func read() throws {
    let result = load(
      """
      supervision:
        escalation: none
        levels:
          - { id: blue, name: { zh: 蓝色提醒, en: blue }, trigger: late_submission, answer_days: 10 }
          - { id: yellow, name: { zh: 黄色督办, en: yellow }, trigger: consecutive_red, quarters: 2, answer_days: 15 }
          - { id: final, name: { zh: 约谈, en: interview }, answer_days: 5 }
      """)
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.supervision.escalates == false)
    #expect(plan.supervision.levels.map(\.id) == ["blue", "yellow", "final"])
    #expect(plan.supervision.levels.map(\.trigger) == [.lateSubmission, .consecutiveRed(2), nil])
    #expect(plan.supervision.levels.map(\.answerDays) == [10, 15, 5])
  }

  @Test("Bad values are refused at their place")
  func refused() {
    let result = load(
      """
      supervision:
        escalation: twice
        levels:
          - { id: yellow, name: { zh: 黄, en: y }, trigger: consecutive_red, quarters: 3, answer_days: 15 }
          - { id: red, name: { zh: 红, en: r }, trigger: consecutive_red, quarters: 2, answer_days: 10 }
          - { id: blue, name: { zh: 蓝, en: b }, trigger: late_submission, quarters: 1, answer_days: 0 }
          - { id: grey, name: { zh: 灰, en: g }, trigger: consecutive_red, answer_days: 10 }
      """)
    #expect(!result.froze)
    let messages = result.errors.map(\.message)
    #expect(messages.contains { $0.hasPrefix("'twice' is not a valid value") })
    #expect(messages.contains("'answer_days' of supervision level 'blue' must be at least 1."))
    #expect(messages.contains { $0.hasPrefix("The supervision level 'red' is raised after 2 red quarters") })
    #expect(
      messages.contains("'quarters' of supervision level 'blue' counts red quarters; a late submission has none."))
    #expect(
      messages.contains(
        "The supervision level 'grey' is raised by consecutive red quarters but does not say how many ('quarters')."))
    #expect(result.errors.allSatisfy { $0.location.file.hasSuffix("plan.yaml") && $0.location.line > 1 })
  }
}
