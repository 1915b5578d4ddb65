import Testing
import ZhibiaoYAML

@Suite("How diagnostics are printed and ordered")
struct DiagnosticTests {
  @Test("A diagnostic prints as file:line:col: severity: message (hint)")
  func descriptionWithHint() {
    let diagnostic = Diagnostic(
      .error, at: at(4, 5), "Unknown key 'targt' in indicator 'digital.software_revenue'.",
      keyPath: "indicators[0].targt", hint: "did you mean 'targets'?")
    #expect(
      diagnostic.description
        == "plan.yaml:4:5: error: Unknown key 'targt' in indicator 'digital.software_revenue' (did you mean 'targets'?)"
    )
  }

  @Test("Without a hint the message is printed whole")
  func descriptionWithoutHint() {
    let diagnostic = Diagnostic(.warning, at: at(12, 3, in: "Config/目标.yaml"), "The target for 2030 is lower.")
    #expect(diagnostic.description == "Config/目标.yaml:12:3: warning: The target for 2030 is lower.")
  }

  @Test("A refusal from the parser prints in the same form")
  func parserRefusalDescription() throws {
    let diagnostic = try refusal("a: 1\nb: 2\na: 3\n")
    #expect(
      diagnostic.description
        == "plan.yaml:3:1: error: The key 'a' appears twice in this mapping; it was first given at line 1 "
        + "(remove one of them)")
  }

  @Test("Sorted diagnostics run by file, then line, then column, numerically")
  func sorted() {
    let log = DiagnosticLog()
    log.error("b 1:1", at: at(1, 1, in: "b.yaml"))
    log.warning("a 10:2", at: at(10, 2, in: "a.yaml"))
    log.error("a 9:30", at: at(9, 30, in: "a.yaml"))
    log.error("a 10:10", at: at(10, 10, in: "a.yaml"))
    log.error("a 10:9", at: at(10, 9, in: "a.yaml"))
    #expect(log.sorted.map(\.message) == ["a 9:30", "a 10:2", "a 10:9", "a 10:10", "b 1:1"])
    #expect(log.diagnostics.map(\.message) == ["b 1:1", "a 10:2", "a 9:30", "a 10:10", "a 10:9"])
  }

  @Test("Diagnostics at the same place keep the order they were reported in")
  func sortedIsStable() {
    let log = DiagnosticLog()
    for message in ["first", "second", "third"] {
      log.error(message, at: at(2, 3))
    }
    log.error("earlier", at: at(1, 1))
    #expect(log.sorted.map(\.message) == ["earlier", "first", "second", "third"])
  }

  @Test("Only errors, not warnings, make a log fail")
  func hasErrors() {
    let log = DiagnosticLog()
    #expect(!log.hasErrors)
    log.warning("note", at: at(1, 1), keyPath: "a", hint: "h")
    #expect(!log.hasErrors)
    #expect(log.diagnostics.first?.keyPath == "a")
    #expect(log.diagnostics.first?.hint == "h")
    log.error("bad", at: at(2, 1))
    #expect(log.hasErrors)
  }
}
