import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// The row checks of a register import on the real plan, each on a small file.
@Suite("Register import checks")
struct RegisterImportTests {
  let plan: Plan

  init() throws {
    plan = try HangzhouPlan.plan()
  }

  static let today = ObservationImport.noonInChina("2025-03-01")!
  static let header = "register,name,org,level,recognised_on,evidence,withdrawn_on,withdrawal_reason"

  func check(_ rows: [String], header: String = Self.header) -> (entries: [RegisterEntry], errors: [String]) {
    let text = ([header] + rows).joined(separator: "\n") + "\n"
    let result = RegisterImport(plan: plan, submitter: plan.commission, now: Self.today).check(text, file: "r.csv")
    return (result.entries, result.diagnostics.map(\.description))
  }

  @Test("Withdrawals are read with their day and reason, in Chinese or as ids; a register without levels takes none")
  func withdrawals() {
    let result = check([
      "business.hq_enterprises,甲总部,district.shangcheng,百亿以下,2015-09-10,,2024-04-01,迁出",
      "logistics.smart_parks,乙园区,萧山区,,2019-06-11,,2024-02-23,delisted",
      "finance.fintech_leaders,丙科技,district.binjiang,,2020-07-01,示例,,",
    ])
    #expect(result.errors == [])
    #expect(result.entries.map(\.withdrawal) == [.movedOut, .delisted, nil])
    #expect(result.entries.map(\.withdrawnOn) == ["2024-04-01", "2024-02-23", nil])
    #expect(result.entries.map(\.level) == ["百亿以下", "", ""])
    #expect(result.entries[1].org == "district.xiaoshan")
  }

  @Test("A file in the layout before withdrawals (six columns) is still read")
  func sixColumns() {
    let result = check(
      ["tech.incubators,浙大科技园,district.xihu,国家级,2010-12-17,"],
      header: "register,name,org,level,recognised_on,evidence")
    #expect(result.errors == [] && result.entries.first?.withdrawnOn == nil)
  }

  @Test(
    "Each refusal names its line, its column and its reason",
    arguments: [
      ("tech.incubators,浙大科技园,bureau.sci_tech,国家级,2010-12-17,,,", 3, "is not a district"),
      ("tech.incubators,浙大科技园,市科技局,国家级,2010-12-17,,,", 3, "is not a district"),
      ("tech.incubators,浙大科技园,district.nowhere,国家级,2010-12-17,,,", 3, "Unknown org 'district.nowhere'"),
      ("tech.incubators,浙大科技园,district.xihu,国家级,2010-12-17,,2024-03-01,", 8, "gives no reason"),
      ("tech.incubators,浙大科技园,district.xihu,国家级,2010-12-17,,,撤销", 7, "has no 'withdrawn_on' day"),
      ("tech.incubators,浙大科技园,district.xihu,国家级,2010-12-17,,2024-03-01,关停", 8, "Unknown withdrawal reason '关停'"),
      ("tech.incubators,浙大科技园,district.xihu,国家级,2010-12-17,,2009-03-01,撤销", 7, "is not after the recognition"),
      ("tech.incubators,浙大科技园,district.xihu,国家级,2010-12-17,,2025-03-02,撤销", 7, "is in the future"),
      ("tech.incubators,浙大科技园,district.xihu,国家级,2010-12-17,,2024-02-30,撤销", 7, "is not a date"),
      ("finance.fintech_leaders,丙科技,district.binjiang,国家级,2020-07-01,,,", 4, "has no recognition levels"),
    ])
  func refusals(_ row: String, _ column: Int, _ reason: String) {
    let result = check([row])
    #expect(result.entries.isEmpty)
    #expect(result.errors.count == 1, "\(result.errors)")
    #expect(result.errors.first?.hasPrefix("r.csv:2:") == true, "\(result.errors)")
    #expect(result.errors.first?.contains(reason) == true, "\(result.errors)")
    // At the column the refusal is about.
    let start = row.split(separator: ",", omittingEmptySubsequences: false).prefix(column - 1)
      .reduce(1) { $0 + $1.count + 1 }
    #expect(result.errors.first?.hasPrefix("r.csv:2:\(start):") == true, "\(result.errors)")
  }

  @Test("The sample registers import whole, and every register of the plan has entries")
  func sample() throws {
    let text = try String(contentsOf: Repository.config.appendingPathComponent("sample/registers.csv"), encoding: .utf8)
    let result = RegisterImport(plan: plan, submitter: plan.commission).check(text, file: "registers.csv")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(Set(result.entries.map(\.register)) == Set(plan.registers.map(\.id)))
    #expect(result.entries.contains { $0.withdrawal == .revoked })
    #expect(result.entries.contains { $0.withdrawal == .delisted })
    #expect(result.entries.contains { $0.withdrawal == .movedOut })
  }
}
