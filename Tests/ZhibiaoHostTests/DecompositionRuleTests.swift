import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// Broken decomposition rules are refused by `validate`, at the line where they are written.
@Suite("Decomposition rules in YAML")
struct DecompositionRuleTests {
  /// The real configuration with `rule` (YAML lines, indented four spaces) added to
  /// finance.finance_va after its precision, validated; and the edited finance file.
  static func report(withRule rule: String) throws -> (ValidationReport, FixtureText) {
    var files = try HangzhouPlan.files(
      editing: "domains/finance.yaml", replacing: "    precision: 0.1\n", with: "    precision: 0.1\n" + rule,
      after: "id: finance.finance_va\n")
    files["baselines.csv"] = try HangzhouPlan.text("baselines.csv")
    let finance = HangzhouPlan.fixture("domains/finance.yaml", in: files)
    return (ValidationReport(source: InMemoryConfigSource(files, root: "Config")), finance)
  }

  static func errors(_ report: ValidationReport) -> [String] {
    report.diagnostics.filter { $0.severity == .error }.map(\.description)
  }

  @Test("Caps that cannot hold the total are refused where the caps are written")
  func capsTooSmall() throws {
    let districts = try HangzhouPlan.plan().districts
    #expect(districts.count == 13)
    let rule = "    decompose:\n      caps:\n" + districts.map { "        \($0.id): 200\n" }.joined()
    let (report, finance) = try Self.report(withRule: rule)
    #expect(!report.isValid)
    #expect(
      Self.errors(report) == [
        "\(finance.position(of: "caps:")): error: The caps in the decomposition rule of indicator 'finance.finance_va' hold at most 2600, less than the 2025 target 2800 by 200."
      ])
  }

  @Test("A district that does not exist is refused with a suggestion, at its own line")
  func unknownDistrict() throws {
    let (report, finance) = try Self.report(
      withRule: "    decompose:\n      pins:\n        district.binjing: 300\n")
    #expect(
      Self.errors(report) == [
        "\(finance.position(of: "district.binjing")): error: Unknown district 'district.binjing' under 'pins' in the decomposition rule of indicator 'finance.finance_va' (did you mean 'district.binjiang'?)"
      ])
  }

  @Test("Pins and floors above the target are refused with the excess")
  func floorsTooHigh() throws {
    let (report, finance) = try Self.report(
      withRule: "    decompose:\n      pins: { district.shangcheng: 2000 }\n      floors: { district.binjiang: 900 }\n")
    #expect(
      Self.errors(report) == [
        "\(finance.position(of: "floors:")): error: The pins (2000) and floors (900) in the decomposition rule of indicator 'finance.finance_va' add up to 2900, more than the 2025 target 2800 by 100."
      ])
  }

  @Test("A pin is honoured exactly and the other districts share the rest")
  func pinHonoured() throws {
    let (report, _) = try Self.report(withRule: "    decompose:\n      pins: { district.shangcheng: 1500 }\n")
    let book = try #require(report.targetBook, "\(report.diagnostics)")
    #expect(book.target("finance.finance_va", "district.shangcheng", .year(2025))?.value == 1500)
    #expect(book.target("finance.finance_va", "district.shangcheng", .year(2025))?.method == .pinned)
    let others = book.entries(indicator: "finance.finance_va", year: 2025, quarterly: false)
      .filter { !$0.isCity && $0.org != "district.shangcheng" }.compactMap(\.value).reduce(0, +)
    #expect(others == 1300)
  }

  @Test("An unknown path or share is refused with the allowed values")
  func unknownPath() throws {
    let (report, finance) = try Self.report(withRule: "    decompose: { path: compund }\n")
    #expect(Self.errors(report).first?.contains("did you mean 'compound'?") == true)
    #expect(Self.errors(report).first?.hasPrefix("\(finance.position(of: "compund")): error:") == true)
  }
}
