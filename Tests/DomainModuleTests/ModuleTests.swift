// Each domain module: its id, the files it reads, and the numbers its derivations compute.

import DigitalDomain
import FinanceDomain
import Foundation
import TechDomain
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// A domain module of the host's list, with the indicators the tests expect it to compute.
struct ModuleCase: Sendable, CustomTestStringConvertible {
  let module: any DomainPlugin

  var domainID: DomainID { module.domainID }

  /// The computed indicators of the module's domain.
  var derived: [IndicatorID] {
    Self.derivedIndicators.filter { $0.rawValue.hasPrefix("\(domainID.rawValue).") }
  }

  var testDescription: String { domainID.rawValue }

  /// Every indicator of the plan that a module computes rather than reads, in the modules' order.
  static let derivedIndicators: [IndicatorID] = [
    "digital.digital_economy_services_revenue_share", "digital.services_va_share_gdp", "tech.rd_intensity",
    "finance.green_loan_growth",
  ]

  /// The host's modules, in its order.
  static let all = HangzhouPlan.modules.map(ModuleCase.init)
}

/// Derivation inputs for `year` (base year 2021) that look values up in `table[id][year]`.
func inputs(year: Int, _ table: [IndicatorID: [Int: Double]]) -> Derivation.Inputs {
  Derivation.Inputs(year: year, baseYear: 2021) { id, year in table[id]?[year] }
}

/// The derivation of `indicator` that `module` supplies.
func derivation(
  of indicator: IndicatorID, in module: any DomainPlugin, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Derivation {
  try #require(
    module.derivations.first { $0.indicator == indicator }, "no derivation of \(indicator)",
    sourceLocation: sourceLocation)
}

@Suite("Domain modules")
struct ModuleTests {
  @Test("The module names its domain and reads the file of that name", arguments: ModuleCase.all)
  func domainID(_ entry: ModuleCase) {
    #expect(entry.module.domainID == entry.domainID)
    #expect(IndicatorID("\(entry.domainID).x").isWellFormed, "'\(entry.domainID)' is no domain id")
  }

  @Test("Every computed indicator is derived by the module of its domain, and by no other")
  func everyDerivationHasItsModule() {
    let derived = ModuleCase.all.flatMap { $0.module.derivations.map(\.indicator) }
    #expect(derived == ModuleCase.derivedIndicators)
    #expect(ModuleCase.all.flatMap(\.derived) == ModuleCase.derivedIndicators)
  }

  @Test("The module's domain is declared by a file under Config/domains", arguments: ModuleCase.all)
  func domainFileExists(_ entry: ModuleCase) throws {
    let text = try HangzhouPlan.text("domains/\(entry.domainID).yaml")
    #expect(
      text.contains("  id: \(entry.domainID)\n"),
      "domains/\(entry.domainID).yaml does not declare 'id: \(entry.domainID)'")
  }

  @Test("The module derives exactly its computed indicators, from indicators of the plan", arguments: ModuleCase.all)
  func derivedIndicators(_ entry: ModuleCase) throws {
    #expect(entry.module.derivations.map(\.indicator) == entry.derived)
    let plan = try HangzhouPlan.plan()
    for derivation in entry.module.derivations {
      #expect(plan.indicator(derivation.indicator)?.domain == entry.domainID)
      #expect(plan.derivation(for: derivation.indicator)?.inputs == derivation.inputs)
      for input in derivation.inputs {
        #expect(plan.indicator(input) != nil, "\(derivation.indicator) reads the unknown \(input)")
      }
      #expect(!derivation.formula.zh.isEmpty && !derivation.formula.en.isEmpty)
      #expect(derivation.location.file.hasSuffix(".swift"))
    }
  }

  @Test("Every module adds what only code can say, under its own domain's ids", arguments: ModuleCase.all)
  func addsCode(_ entry: ModuleCase) {
    #expect(!entry.module.checks.isEmpty || !entry.module.derivations.isEmpty)
    #expect(entry.module.checks.allSatisfy { $0.id.hasPrefix("\(entry.domainID).") })
  }

  // MARK: - Numbers

  @Test("R&D intensity is R&D expenditure over GDP, in percent")
  func rdIntensity() throws {
    let rd = try derivation(of: "tech.rd_intensity", in: TechDomain())
    #expect(rd.inputs == ["tech.rd_expenditure", "plan.gdp"])
    let value = try #require(
      rd.compute(inputs(year: 2025, ["tech.rd_expenditure": [2025: 667], "plan.gdp": [2025: 18109]])))
    #expect(abs(value - 3.683_251_421_944_889_5) < 1e-12)
    #expect(abs(value - 3.683) < 0.001)
    // The year computed is the year read: figures of another year do not leak in.
    #expect(rd.compute(inputs(year: 2024, ["tech.rd_expenditure": [2025: 667], "plan.gdp": [2025: 18109]])) == nil)
  }

  @Test("A percentage with a zero or missing denominator or numerator is nil")
  func percentageUndefined() throws {
    let rd = try derivation(of: "tech.rd_intensity", in: TechDomain())
    #expect(rd.compute(inputs(year: 2025, ["tech.rd_expenditure": [2025: 667], "plan.gdp": [2025: 0]])) == nil)
    #expect(rd.compute(inputs(year: 2025, ["tech.rd_expenditure": [2025: 667]])) == nil)
    #expect(rd.compute(inputs(year: 2025, ["plan.gdp": [2025: 18109]])) == nil)
    #expect(rd.compute(inputs(year: 2025, ["tech.rd_expenditure": [2025: 0], "plan.gdp": [2025: 18109]])) == 0)
  }

  @Test("The digital shares are computed from amounts, in percent")
  func digitalShares() throws {
    let digital = DigitalDomain()
    let revenueShare = try derivation(of: "digital.digital_economy_services_revenue_share", in: digital)
    #expect(revenueShare.inputs == ["digital.digital_economy_services_revenue", "plan.services_revenue"])
    let revenue: [IndicatorID: [Int: Double]] = [
      "digital.digital_economy_services_revenue": [2024: 3000], "plan.services_revenue": [2024: 12000],
    ]
    #expect(revenueShare.compute(inputs(year: 2024, revenue)) == 25)

    let vaShare = try derivation(of: "digital.services_va_share_gdp", in: digital)
    #expect(vaShare.inputs == ["plan.services_va", "plan.gdp"])
    let va = try #require(
      vaShare.compute(inputs(year: 2024, ["plan.services_va": [2024: 12000], "plan.gdp": [2024: 18109]])))
    #expect(abs(va - 66.265_392_898_558_73) < 1e-9)
    #expect(vaShare.compute(inputs(year: 2024, ["plan.services_va": [2024: 12000], "plan.gdp": [2024: 0]])) == nil)
  }

  @Test("Green loan growth is the compound average annual growth of the balance since the base year")
  func greenLoanGrowth() throws {
    let growth = try derivation(of: "finance.green_loan_growth", in: FinanceDomain())
    #expect(growth.inputs == ["finance.green_loan_balance"])
    let balances: [IndicatorID: [Int: Double]] = [
      "finance.green_loan_balance": [2021: 1000, 2022: 1200, 2023: 1440, 2025: 2073.6]
    ]
    let fourYears = try #require(growth.compute(inputs(year: 2025, balances)))
    #expect(abs(fourYears - 20) < 1e-9)
    let twoYears = try #require(growth.compute(inputs(year: 2023, balances)))
    #expect(abs(twoYears - 20) < 1e-9)
    let oneYear = try #require(growth.compute(inputs(year: 2022, balances)))
    #expect(abs(oneYear - 20) < 1e-9)
    let shrinking = try #require(
      growth.compute(inputs(year: 2022, ["finance.green_loan_balance": [2021: 1000, 2022: 900]])))
    #expect(abs(shrinking - -10) < 1e-9)
  }

  @Test("Green loan growth is nil without a base balance, for the base year itself, or for a zero balance")
  func greenLoanGrowthUndefined() throws {
    let growth = try derivation(of: "finance.green_loan_growth", in: FinanceDomain())
    #expect(growth.compute(inputs(year: 2025, ["finance.green_loan_balance": [2025: 2073.6]])) == nil)
    #expect(growth.compute(inputs(year: 2025, ["finance.green_loan_balance": [2021: 1000]])) == nil)
    #expect(growth.compute(inputs(year: 2021, ["finance.green_loan_balance": [2021: 1000]])) == nil)
    #expect(growth.compute(inputs(year: 2025, ["finance.green_loan_balance": [2021: 0, 2025: 2073.6]])) == nil)
    #expect(growth.compute(inputs(year: 2025, ["finance.green_loan_balance": [2021: 1000, 2025: 0]])) == nil)
  }
}
