import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

@Suite("zhibiao decompose")
struct DecomposeCommandTests {
  let plan: Plan
  let book: TargetBook

  init() throws {
    plan = try HangzhouPlan.plan()
    book = try HangzhouPlan.targetBook()
  }

  @Test("JSON rows carry indicator, org, period, target, unit and method")
  func jsonRows() throws {
    let entries = book.entries(year: 2025, quarterly: false)
    let text = TargetBookListing(plan: plan, book: book, entries: entries).render(.json)
    let rows = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(rows.count == entries.count)
    let row = try #require(
      rows.first {
        $0["indicator"] as? String == "tech.national_incubators" && $0["org"] as? String == "district.binjiang"
      })
    #expect(row["period"] as? String == "2025")
    #expect(row["unit"] as? String == "个")
    #expect(row["method"] as? String == "webster")
    #expect((row["target"] as? NSNumber).map { $0.intValue >= 14 } == true)
    for field in ["indicator", "org", "period", "target", "unit", "comparator", "measure", "method"] {
      #expect(row.keys.contains(field), "missing \(field)")
    }
  }

  @Test("The district target sheet of 滨江区 for 2025 matches its snapshot")
  func binjiangSheet() throws {
    let district = try #require(plan.org("district.binjiang"))
    let text = TargetSheet(plan: plan, book: book, district: district, year: 2025).markdown()
    #expect(text.contains("# 滨江区 2025年生产性服务业目标责任书（草案）"))
    #expect(text.contains("| R&D经费支出占GDP比重 |"))
    assertSnapshot(text, named: "binjiang-2025.sheet")
  }

  @Test("The 2025 annual book of one indicator matches its snapshot as a table")
  func incubatorTable() {
    let entries = book.entries(indicator: "tech.national_incubators", year: 2025, quarterly: false)
    assertSnapshot(
      TargetBookListing(plan: plan, book: book, entries: entries).render(.table), named: "incubators-2025.table")
  }
}
