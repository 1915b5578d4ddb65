import Foundation
import Testing
import ZhibiaoYAML

@Suite("Reading exact decimal figures")
struct DecimalTests {
  /// Reads `value` from a one-line document `value: <text>`.
  static func read(_ text: String) throws -> (Decimal?, DiagnosticLog) {
    let (root, log) = try reading("value: \(text)\n")
    let value = try #require(root.mapping()?.required("value", in: "the plan"))
    return (value.decimal(), log)
  }

  @Test(
    "A plain decimal is read exactly as written",
    arguments: ["0.1", "13000", "0.01", "-2.5", "+3", "007", "123456789.123456789", "0.000001"])
  func exact(text: String) throws {
    let (value, log) = try Self.read(text)
    #expect(value == Decimal(string: text, locale: nil))
    #expect(log.diagnostics.isEmpty)
  }

  @Test("Decimal figures add up exactly")
  func exactSum() throws {
    let (root, log) = try reading("a: 0.1\nb: 0.2\n")
    let mapping = try #require(root.mapping())
    let a = try #require(mapping.required("a", in: "the plan")?.decimal())
    let b = try #require(mapping.required("b", in: "the plan")?.decimal())
    #expect(a == Decimal(string: "0.1"))
    #expect(a + b == Decimal(string: "0.3"))
    #expect(log.diagnostics.isEmpty)
  }

  @Test(
    "Exponents, separators and other number forms are refused at the value",
    arguments: ["1e5", "1E5", "1,000", "1_000", ".5", "5.", "1.2.3", "0x10", "12%", ".inf", ".nan", "--1", "1-"])
  func refused(text: String) throws {
    let (value, log) = try Self.read(text)
    #expect(value == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(1, 8))
    #expect(diagnostic.keyPath == "value")
    #expect(diagnostic.message == "Expected a number for 'value', found '\(text)'.")
    #expect(diagnostic.hint == "write a plain decimal such as 1500 or 0.01")
  }

  @Test("Chinese magnitudes are refused with a hint about the indicator's unit", arguments: ["1.3万", "5亿", "1.3万亿"])
  func chineseMagnitude(text: String) throws {
    let (value, log) = try Self.read(text)
    #expect(value == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(1, 8))
    #expect(diagnostic.message == "Expected a number for 'value', found '\(text)'.")
    let hint = try #require(diagnostic.hint)
    #expect(hint.contains("unit"))
  }

  @Test("A quoted number is refused with a hint to remove the quotes", arguments: ["\"1500\"", "'1500'"])
  func quoted(text: String) throws {
    let (value, log) = try Self.read(text)
    #expect(value == nil)
    let diagnostic = try #require(log.diagnostics.only)
    #expect(diagnostic.location == at(1, 8))
    #expect(diagnostic.message == "Expected a number for 'value', found the quoted text '1500'.")
    #expect(diagnostic.hint == "remove the quotes")
  }
}
