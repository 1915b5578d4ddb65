import Foundation
import Testing
import ZhibiaoYAML

/// Allowed values for a test of `oneOf`.
enum TargetKind: String, CaseIterable {
  case annual, cumulative, ceiling
}

@Suite("Typed reading reports shape errors with position and key path")
struct NodeReaderTests {
  /// The first indicator is right; the second has one mistake per line from line 6 on.
  static let plan = """
    indicators:
      - id: digital.software_revenue
        targets:
          - year: 2025
            value: 13000
      - id: ""
        name: [软件, 数据]
        kind: anual
        owners: 工业和信息化厅
        targets:
          - year: 2025.5
            value: [1, 2]
          - 2026
    """

  /// The reader of `indicators[index]` in `plan`.
  static func indicator(_ index: Int) throws -> (MappingReader, DiagnosticLog) {
    let (root, log) = try reading(plan)
    let indicators = try #require(root.mapping()?.required("indicators", in: "the plan")?.sequence())
    return (try #require(indicators[index].mapping()), log)
  }

  @Test("A correct indicator reads without any diagnostic")
  func correctIndicator() throws {
    let (indicator, log) = try Self.indicator(0)
    #expect(indicator.required("id", in: "indicator")?.string() == "digital.software_revenue")
    let target = try #require(indicator.required("targets", in: "indicator")?.sequence()?.first?.mapping())
    #expect(target.required("year", in: "target")?.int() == 2025)
    #expect(target.required("value", in: "target")?.decimal() == Decimal(13000))
    #expect(log.diagnostics.isEmpty)
  }

  @Test("A list where a single value belongs")
  func stringGivenList() throws {
    let (indicator, log) = try Self.indicator(1)
    #expect(indicator.required("name", in: "indicator")?.string() == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(7, 11))
    #expect(diagnostic.keyPath == "indicators[1].name")
    #expect(diagnostic.message == "Expected a single value for 'indicators[1].name', found a list.")
  }

  @Test("Empty quoted text where text is required")
  func emptyString() throws {
    let (indicator, log) = try Self.indicator(1)
    let id = try #require(indicator.required("id", in: "indicator"))
    #expect(id.string() == nil)
    #expect(id.string(allowEmpty: true) == "")
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(6, 9))
    #expect(diagnostic.keyPath == "indicators[1].id")
    #expect(diagnostic.message == "'indicators[1].id' is empty.")
  }

  @Test("A value close to an allowed one is reported with a suggestion")
  func oneOfMisspelt() throws {
    let (indicator, log) = try Self.indicator(1)
    #expect(indicator.required("kind", in: "indicator")?.oneOf(TargetKind.self) == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(8, 11))
    #expect(diagnostic.keyPath == "indicators[1].kind")
    #expect(
      diagnostic.message
        == "'anual' is not a valid value for 'indicators[1].kind'; "
        + "expected one of 'annual', 'cumulative', 'ceiling'.")
    #expect(diagnostic.hint == "did you mean 'annual'?")
  }

  @Test("A value far from every allowed one gets no suggestion")
  func oneOfUnrelated() throws {
    let (root, log) = try reading("kind: 年度\n")
    #expect(root.mapping()?.required("kind", in: "the plan")?.oneOf(TargetKind.self) == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(1, 7))
    #expect(diagnostic.hint == nil)
  }

  @Test("An allowed value is read")
  func oneOfAllowed() throws {
    let (root, log) = try reading("kind: cumulative\n")
    #expect(root.mapping()?.required("kind", in: "the plan")?.oneOf(TargetKind.self) == .cumulative)
    #expect(log.diagnostics.isEmpty)
  }

  @Test("A single value where a list belongs")
  func sequenceGivenScalar() throws {
    let (indicator, log) = try Self.indicator(1)
    #expect(indicator.required("owners", in: "indicator")?.strings() == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(9, 13))
    #expect(diagnostic.keyPath == "indicators[1].owners")
    #expect(diagnostic.message == "Expected a list for 'indicators[1].owners', found a single value.")
  }

  @Test("A fraction where a whole number belongs")
  func intGivenFraction() throws {
    let (indicator, log) = try Self.indicator(1)
    let target = try #require(indicator.required("targets", in: "indicator")?.sequence()?.first?.mapping())
    #expect(target.required("year", in: "target")?.int() == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(11, 15))
    #expect(diagnostic.keyPath == "indicators[1].targets[0].year")
    #expect(diagnostic.message == "Expected a whole number for 'indicators[1].targets[0].year', found '2025.5'.")
  }

  @Test("A list where a number belongs")
  func decimalGivenList() throws {
    let (indicator, log) = try Self.indicator(1)
    let target = try #require(indicator.required("targets", in: "indicator")?.sequence()?.first?.mapping())
    #expect(target.required("value", in: "target")?.decimal() == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(12, 16))
    #expect(diagnostic.keyPath == "indicators[1].targets[0].value")
    #expect(diagnostic.message == "Expected a number for 'indicators[1].targets[0].value', found a list.")
  }

  @Test("A single value where a mapping belongs")
  func mappingGivenScalar() throws {
    let (indicator, log) = try Self.indicator(1)
    let targets = try #require(indicator.required("targets", in: "indicator")?.sequence())
    #expect(targets[1].mapping() == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(13, 9))
    #expect(diagnostic.keyPath == "indicators[1].targets[1]")
    #expect(diagnostic.message == "Expected a mapping for 'indicators[1].targets[1]', found a single value.")
  }

  @Test("A list where the document should be a mapping")
  func documentNotMapping() throws {
    let (root, log) = try reading("- 软件\n- 数据\n")
    #expect(root.mapping() == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(1, 1))
    #expect(diagnostic.keyPath == "")
    #expect(diagnostic.message == "Expected a mapping for the document, found a list.")
  }

  @Test("A quoted whole number is refused with a hint to remove the quotes")
  func quotedInt() throws {
    let (root, log) = try reading("year: '2025'\n")
    #expect(root.mapping()?.required("year", in: "the plan")?.int() == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(1, 7))
    #expect(diagnostic.hint == "remove the quotes")
  }

  @Test("Reading a whole indicator reports every problem, not just the first")
  func everyProblem() throws {
    let (indicator, log) = try Self.indicator(1)
    _ = indicator.required("id", in: "indicator")?.string()
    _ = indicator.required("name", in: "indicator")?.string()
    _ = indicator.required("kind", in: "indicator")?.oneOf(TargetKind.self)
    _ = indicator.required("owners", in: "indicator")?.strings()
    for target in indicator.required("targets", in: "indicator")?.sequence() ?? [] {
      guard let mapping = target.mapping() else { continue }
      _ = mapping.required("year", in: "target")?.int()
      _ = mapping.required("value", in: "target")?.decimal()
    }
    #expect(log.hasErrors)
    #expect(
      log.diagnostics.map(\.location) == [at(6, 9), at(7, 11), at(8, 11), at(9, 13), at(11, 15), at(12, 16), at(13, 9)])
    #expect(
      log.diagnostics.map(\.keyPath) == [
        "indicators[1].id", "indicators[1].name", "indicators[1].kind", "indicators[1].owners",
        "indicators[1].targets[0].year", "indicators[1].targets[0].value", "indicators[1].targets[1]",
      ])
  }
}
