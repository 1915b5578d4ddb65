import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoSQLite
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// Monitoring of the illustrative sample quarters, as `zhibiao monitor` runs it.
@Suite("zhibiao monitor on the sample data")
struct MonitorCommandTests {
  let plan: Plan
  let book: TargetBook
  let baselines: Baselines?
  let store: SQLiteStore
  let workspace: Workspace

  init() async throws {
    workspace = try HangzhouPlan.workspace()
    plan = try HangzhouPlan.plan()
    book = try HangzhouPlan.targetBook()
    baselines = HangzhouPlan.validation.baselines
    store = try await SampleStore.store()
  }

  func report(_ period: Period, asOf: String = "2025-03-01") async throws -> MonitoringReport {
    try await Pipeline(workspace: workspace, store: store)
      .monitoring(at: period, asOf: try #require(ObservationImport.noonInChina(asOf)))
  }

  @Test("The districts the sample makes fall behind come out red, with their reason")
  func laggardsAreRed() async throws {
    let report = try await self.report(.quarter(3, of: 2024))
    let red = Set(report.rows.filter { $0.status == .red }.map { "\($0.indicator)@\($0.org)" })
    for laggard in [
      "plan.producer_services_va@district.fuyang", "digital.software_revenue@district.linan",
      "finance.finance_va@district.chunan",
    ] {
      #expect(red.contains(laggard), "\(laggard) should be red: \(red.sorted())")
    }
    let row = try #require(report.rows.first { $0.indicator == "finance.finance_va" && $0.org == "district.chunan" })
    #expect(row.warnings.first?.reason.zh.hasPrefix("序时进度") == true)
    #expect(report.rows.filter { $0.org == "district.binjiang" && $0.status == .red }.isEmpty)
  }

  @Test("余杭区's 2024 count of creative design leaders, and the city's, disagree with the register, which names who left")
  func registerDisagreement() async throws {
    let report = try await self.report(.quarter(4, of: 2024))
    let flagged = report.rows.filter { $0.flags.contains(.registerMismatch) }
    #expect(flagged.map(\.indicator) == ["business.design_leaders", "business.design_leaders"])
    #expect(flagged.map(\.org) == ["bureau.commerce", "district.yuhang"])
    let yuhang = try #require(flagged.last)
    let disagreement = try #require(yuhang.registerDisagreement)
    #expect(disagreement.registered == 1 && disagreement.reported == 2 && yuhang.value == 1)
    #expect(disagreement.withdrawn.map(\.reason) == [.movedOut])
    #expect(
      yuhang.warnings.first { $0.kind == .registerMismatch }?.reason.zh
        == "名录 1 家，报送 2 家；本年撤出：示例创意设计企业·余杭01（迁出，2024-03-16）；名录所列：示例创意设计企业·余杭02")
    let city = try #require(flagged.first?.registerDisagreement)
    #expect(city.registered == 9 && city.reported == 10 && city.counted.count == 9)
    // Every other count reported agrees with its register, withdrawals and all (临平区 and 西湖区
    // lost headquarters enterprises and 萧山区 a smart logistics park, all reflected in their figures).
    #expect(
      report.rows.filter { $0.indicator == "business.hq_enterprises" }.allSatisfy { $0.registerDisagreement == nil })
    #expect(
      report.rows.filter { $0.indicator == "logistics.smart_parks" }.allSatisfy { $0.registerDisagreement == nil })
  }

  @Test("建德市, late with 2024Q4, is grey and flagged missing and late; the others are not")
  func lateDistrictIsFlagged() async throws {
    let report = try await self.report(.quarter(4, of: 2024))
    // Its annual figures for 2024 arrived; its quarterly 1–12月 figures did not. A count of a
    // register (its new listings) is counted from the register, reported or not.
    let quarterly = Set(plan.indicators.filter { $0.frequency == .quarterly && $0.countOf == nil }.map(\.id))
    let jiande = report.rows.filter { $0.org == "district.jiande" && quarterly.contains($0.indicator) }
    #expect(!jiande.isEmpty)
    let listings = try #require(
      report.rows.first { $0.org == "district.jiande" && $0.indicator == "finance.new_tech_listings" })
    #expect(listings.value != nil && !listings.flags.contains(.missing) && listings.reporting != .notReported)
    #expect(jiande.allSatisfy { $0.status == .grey && $0.flags.contains(.missing) && $0.flags.contains(.late) })
    // 未报, with the due day, and the 1–9月 figure it reported last.
    #expect(jiande.allSatisfy { $0.reporting == .notReported && $0.reportingNote?.zh == "未报（截止 2025-01-20）" })
    #expect(jiande.allSatisfy { $0.lastReported?.period == .quarter(3, of: 2024) })
    let others = report.rows.filter { $0.org == "district.xihu" && quarterly.contains($0.indicator) }
    #expect(others.allSatisfy { !$0.flags.contains(.missing) && !$0.flags.contains(.late) })
    #expect(others.allSatisfy { !$0.reporting.isAbsent })
  }

  @Test("Filters by org, light and domain, and JSON carries the contract's fields")
  func filtersAndJSON() async throws {
    let report = try await self.report(.quarter(3, of: 2024))
    let red = report.filtered(statuses: [.red])
    #expect(red.rows.allSatisfy { $0.status == .red })
    let finance = report.filtered(orgs: ["district.chunan"], domains: ["finance"])
    #expect(finance.rows.allSatisfy { $0.org == "district.chunan" && $0.domain == "finance" })
    let json = MonitoringListing(plan: plan, report: finance, language: .zh).render(.json)
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(!rows.isEmpty)
    for field in ["indicator", "org", "actual_ytd", "milestone_ytd", "annual_target", "pace", "status", "warnings"] {
      #expect(rows[0].keys.contains(field), "missing \(field)")
    }
  }
}
