import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// The row checks of an observation import, each on a small file.
@Suite("Observation import checks")
struct ObservationImportTests {
  let plan: Plan

  init() throws {
    plan = try HangzhouPlan.plan()
  }

  func check(
    _ rows: [String], as submitter: OrgID? = nil, stored: [String: Decimal] = [:]
  ) -> (rows: [ObservationInput], errors: [String]) {
    let text = (["indicator,org,period,value,unit,note"] + rows).joined(separator: "\n") + "\n"
    let check = ObservationImport(plan: plan, submitter: submitter ?? plan.commission) { indicator, org, period in
      stored["\(indicator)|\(org)|\(period)"]
    }
    let result = check.check(text, file: "f.csv")
    return (result.rows, result.diagnostics.map(\.description))
  }

  @Test("Valid spellings are read: 万元 converted, Chinese names, 2024年1-9月, a quarterly year as Q4")
  func validSpellings() throws {
    let result = check([
      "finance.finance_va,滨江区,2024年1-9月,1615800,万元,初步核算",
      "finance.finance_va,district.xihu,2024,310.5,,",
      "tech.rd_expenditure,市科技局,2024,700,亿元,",
    ])
    #expect(result.errors == [])
    #expect(result.rows.map(\.value) == [Decimal(string: "161.58")!, Decimal(string: "310.5")!, 700])
    #expect(result.rows.map(\.period) == [.quarter(3, of: 2024), .quarter(4, of: 2024), .year(2024)])
    #expect(result.rows.map(\.org) == ["district.binjiang", "district.xihu", "bureau.sci_tech"])
    #expect(result.rows.first?.note == "初步核算")
  }

  @Test("A count of a register may be reported: it is taken, to be checked against the register")
  func registerCount() {
    let result = check(["tech.national_incubators,district.xihu,2024,20,个,", "business.hq_enterprises,上城区,2024,107,家,"])
    #expect(result.errors == [])
    #expect(result.rows.map(\.indicator) == ["tech.national_incubators", "business.hq_enterprises"])
    #expect(result.rows.map(\.value) == [20, 107])
  }

  @Test(
    "Each refusal names its line and reason",
    arguments: [
      ("tech.rd_expenditure,district.xihu,2024Q3,50,亿元,", "is reported once a year; give the year (2024), not 2024Q3"),
      ("tech.rd_intensity,district.xihu,2024,3.5,%,", "is computed from other indicators"),
      ("finance.finance_va,bureau.commerce,2024Q1,100,亿元,", "is reported by its owner 'bureau.finance'"),
      ("logistics.inland_port_cargo,district.xihu,2024Q1,0.1,亿吨,", "does not apply to 'district.xihu'"),
      ("plan.new_business_models,bureau.drc,2024,1,,", "is a qualitative aim"),
      ("finance.finance_va,district.xihu,2024Q1,\"12,3\",亿元,", "The value '12,3' is not a number"),
    ])
  func refusals(_ row: String, _ reason: String) {
    let result = check([row])
    #expect(result.rows.isEmpty)
    #expect(result.errors.count == 1)
    // At the field the refusal is about (the indicator, org, period or value), on the row's line.
    #expect(result.errors.first?.hasPrefix("f.csv:2:") == true)
    #expect(result.errors.first?.contains(reason) == true, "\(result.errors)")
  }

  @Test("A header without a required column is refused at the header, with a suggestion")
  func missingColumn() {
    let check = ObservationImport(plan: plan, submitter: plan.commission)
    let result = check.check("indicator,org,period,valeu\nplan.gdp,bureau.drc,2024,1\n", file: "f.csv")
    #expect(result.rows.isEmpty)
    #expect(
      result.diagnostics.map(\.description) == [
        "f.csv:1:1: error: The header has no column 'value'; expected indicator,org,period,value,unit,note,reported_on (did you mean 'valeu'?)"
      ])
  }

  @Test("A part larger than its whole is refused, whether the whole is in the file or stored")
  func partAboveWhole() {
    let inFile = check([
      "tech.rd_expenditure,district.xihu,2024,120,亿元,", "plan.gdp,district.xihu,2024,100,亿元,",
    ])
    #expect(inFile.errors.count == 1)
    #expect(inFile.errors.first?.contains("'tech.rd_expenditure' (120) exceeds 'plan.gdp' (100)") == true)
    #expect(inFile.errors.first?.hasPrefix("f.csv:2:1:") == true)
    let stored = check(
      ["tech.rd_expenditure,district.xihu,2024,120,亿元,"], stored: ["plan.gdp|district.xihu|2024Q4": 100])
    #expect(stored.errors.first?.contains("exceeds 'plan.gdp' (100)") == true, "GDP's 2024Q4 is R&D's 2024")
    let storedQuarter = check(
      ["plan.services_va,district.xihu,2024Q2,120,亿元,"], stored: ["plan.gdp|district.xihu|2024Q2": 100])
    #expect(storedQuarter.errors.first?.contains("exceeds 'plan.gdp' (100)") == true)
  }

  @Test("A year-to-date figure below the stored previous quarter is refused")
  func yearToDateAgainstStore() {
    let result = check(
      ["finance.finance_va,district.xihu,2024Q3,100,亿元,"], stored: ["finance.finance_va|district.xihu|2024Q2": 150])
    #expect(result.errors.first?.contains("is below 150 in 2024Q2") == true)
    let stock = check(
      ["finance.green_loan_balance,district.xihu,2024Q3,100,亿元,"],
      stored: ["finance.green_loan_balance|district.xihu|2024Q2": 150])
    #expect(stock.errors == [], "a balance may fall; only flows reported year to date cannot")
  }

  @Test("A bureau submits the indicators it owns, for any org; a district only its own")
  func submitters() {
    #expect(check(["finance.finance_va,district.xihu,2024Q1,10,亿元,"], as: "bureau.finance").errors == [])
    #expect(
      check(["plan.gdp,district.xihu,2024Q1,10,亿元,"], as: "bureau.finance").errors.first?
        .contains("'bureau.finance' does not own 'plan.gdp'") == true)
    #expect(check(["finance.finance_va,西湖区,2024Q1,10,亿元,"], as: "district.xihu").errors == [])
  }

  // MARK: - Figures that cannot be true

  /// 2025-03-01 at noon in China: "today" for the checks below.
  static let today = ObservationImport.noonInChina("2025-03-01")!

  func checkDated(_ rows: [String], stored: [String: Decimal] = [:]) -> [String] {
    let text = (["indicator,org,period,value,unit,note,reported_on"] + rows).joined(separator: "\n") + "\n"
    let check = ObservationImport(plan: plan, submitter: plan.commission, now: Self.today) { indicator, org, period in
      stored["\(indicator)|\(org)|\(period)"]
    }
    return check.check(text, file: "f.csv").diagnostics.map(\.description)
  }

  @Test(
    "A report dated in the future or before its period ended is refused at its date",
    arguments: [
      ("2025-03-02", "is in the future (today is 2025-03-01)"),
      ("2024-09-30", "is before 2024Q3 ended (2024-09-30)"),
      ("2024-08-15", "is before 2024Q3 ended"),
    ])
  func reportedOn(_ day: String, _ reason: String) {
    let errors = checkDated(["finance.finance_va,district.xihu,2024Q3,300,亿元,,\(day)"])
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("f.csv:2:") == true && errors.first?.contains(reason) == true, "\(errors)")
  }

  @Test("A report dated after its period ended and not after today is accepted")
  func reportedOnAccepted() {
    #expect(checkDated(["finance.finance_va,district.xihu,2024Q3,300,亿元,,2024-10-15"]).isEmpty)
    #expect(checkDated(["finance.finance_va,district.xihu,2024,400,亿元,,2025-03-01"]).isEmpty)
  }

  @Test("A year-to-date figure above a later quarter already stored is refused, in that order of import too")
  func yearToDateEitherOrder() {
    let later = ["finance.finance_va|district.xihu|2024Q3": Decimal(300)]
    let errors = check(["finance.finance_va,district.xihu,2024Q2,350,亿元,"], stored: later).errors
    #expect(errors.count == 1 && errors.first?.contains("already stored for 2024Q3") == true, "\(errors)")
    #expect(check(["finance.finance_va,district.xihu,2024Q2,250,亿元,"], stored: later).errors.isEmpty)
  }

  @Test("A figure a thousand times its neighbour is refused as a likely unit mistake; an ordinary change is not")
  func magnitude() {
    let stored = [
      "finance.finance_va|district.xihu|2024Q1": Decimal(100), "finance.finance_va|district.fuyang|2023Q1": Decimal(80),
    ]
    let result = check(
      [
        "finance.finance_va,district.xihu,2024Q2,1615800,亿元,", "finance.finance_va,district.fuyang,2024Q1,0.05,亿元,",
        "finance.finance_va,district.binjiang,2024Q1,120,亿元,",
      ], stored: stored)
    #expect(result.errors.count == 2, "\(result.errors)")
    #expect(result.errors.allSatisfy { $0.contains("looks like a unit mistake") })
    #expect(check(["finance.finance_va,district.xihu,2024Q2,210,亿元,"], stored: stored).errors.isEmpty)
  }

  @Test("A register entry recognised before 1949-10-01 or in the future is refused at its date")
  func recognisedOn() throws {
    let registers = RegisterImport(plan: plan, submitter: plan.commission, now: Self.today)
    let register = try #require(plan.registers.first)
    let level = try #require(register.levels.first)
    let text = """
      register,name,org,level,recognised_on,evidence
      \(register.id),甲,district.xihu,\(level),1900-01-01,
      \(register.id),乙,district.xihu,\(level),2025-03-02,
      \(register.id),丙,district.xihu,\(level),2025-03-01,

      """
    let errors = registers.check(text, file: "r.csv").diagnostics.map(\.description)
    #expect(errors.count == 2, "\(errors)")
    #expect(errors.first?.contains("before 1949-10-01") == true && errors.last?.contains("in the future") == true)
  }
}
