import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

@Suite("zhibiao list")
struct ListCommandTests {
  let plan: Plan

  init() throws {
    plan = try HangzhouPlan.plan()
  }

  @Test("Chinese tables of every subject match their snapshots", arguments: ListSubject.allCases)
  func chineseTable(_ subject: ListSubject) {
    assertSnapshot(PlanListing(plan: plan).render(subject, as: .table), named: "\(subject.rawValue).zh.table")
  }

  @Test("English Markdown of domains and goals matches the snapshots", arguments: [ListSubject.domains, .goals])
  func englishMarkdown(_ subject: ListSubject) {
    assertSnapshot(
      PlanListing(plan: plan, language: .en).render(subject, as: .md), named: "\(subject.rawValue).en.md")
  }

  @Test("JSON of registers names each register, its levels and the indicators counted from it")
  func registerJSON() throws {
    let text = PlanListing(plan: plan).render(.registers, as: .json)
    let records = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(records.count == plan.registers.count)
    let hq = try #require(records.first { $0["id"] as? String == "business.hq_enterprises" })
    let counted = try #require(hq["counted_by"] as? [[String: Any]])
    #expect(
      counted.compactMap { $0["indicator"] as? String } == [
        "business.hq_enterprises", "business.hq_10bn", "business.hq_100bn",
      ])
    #expect(counted.compactMap { $0["levels"] as? [String] } == [[], ["百亿级"], ["千亿级"]])
    let awards = try #require(records.first { $0["id"] as? String == "plan.service_awards" })
    #expect(awards["domain"] is NSNull && (awards["counted_by"] as? [Any])?.isEmpty == true)
  }

  @Test("JSON of indicators carries the contract's fields for every indicator")
  func indicatorJSON() throws {
    let text = PlanListing(plan: plan).render(.indicators, as: .json)
    let records = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(records.count == plan.indicators.count)
    for record in records {
      for field in ["id", "domain", "area", "name", "unit", "kind", "direction", "owner", "targets"] {
        #expect(record.keys.contains(field), "\(record["id"] ?? "?") lacks '\(field)'")
      }
    }
    let software = try #require(records.first { $0["id"] as? String == "digital.software_revenue" })
    let target = try #require((software["targets"] as? [[String: Any]])?.first)
    #expect(target["year"] as? Int == 2025)
    #expect(target["comparator"] as? String == "at_least")
    #expect((target["value"] as? NSNumber)?.intValue == 13000)
    #expect((software["name"] as? [String: String])?["zh"] == "软件和信息技术服务业营业收入")
    // What it measures and who produces it, to be confirmed by its bureau.
    let value = try #require(records.first { $0["id"] as? String == "plan.producer_services_va" })
    let statistics = try #require(value["statistics"] as? [String: Any])
    #expect((statistics["definition"] as? [String: String])?["zh"]?.contains("生产性服务业统计分类（2019）") == true)
    #expect(statistics["source"] as? String == "bureau.statistics")
    #expect((statistics["source_name"] as? [String: String])?["zh"] == "市统计局")
    #expect(statistics["lag_days"] as? Int == 25 && statistics["frequency"] as? String == "quarterly")
    #expect(statistics["confirmed"] as? Bool == false)
    for record in records {
      let facts = try #require(record["statistics"] as? [String: Any], "\(record["id"] ?? "?")")
      #expect(facts.keys.sorted() == ["confirmed", "definition", "frequency", "lag_days", "source", "source_name"])
    }
    assertSnapshot(text, named: "indicators.json")
  }

  @Test("CSV quotes fields with commas and names its columns by key")
  func csv() throws {
    let text = PlanListing(plan: plan).render(.tasks, as: .csv)
    let lines = text.components(separatedBy: "\r\n")
    #expect(lines.first == "id,lead,partners,text,milestones")
    #expect(lines.count == plan.tasks.count + 2)
    #expect(text.contains("\"") == plan.tasks.contains { $0.text.contains(",") || $0.text.contains("\"") })
  }

  @Test("JSON of tasks gives each milestone's kind, period, indicator and exact value")
  func taskMilestonesJSON() throws {
    let text = PlanListing(plan: plan).render(.tasks, as: .json)
    let records = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(records.count == plan.tasks.count)
    func milestones(_ id: String) throws -> [[String: Any]] {
      let record = try #require(records.first { $0["id"] as? String == id }, "no task \(id)")
      return try #require(record["milestones"] as? [[String: Any]])
    }
    let creative = try #require(try milestones("business.creative.integration").first)
    #expect(creative["kind"] as? String == "outcome")
    #expect(creative["due"] as? String == "2025")
    #expect(creative["year"] as? Int == 2025)
    #expect(creative["text"] as? String == "力争培育创意设计龙头领军企业10家")
    #expect(creative["indicator"] as? String == "business.design_leaders")
    #expect((creative["value"] as? NSNumber)?.intValue == 10)
    let cargo = try #require(try milestones("logistics.green.waterways").first)
    #expect(cargo["indicator"] as? String == "logistics.inland_port_cargo")
    #expect((cargo["value"] as? NSNumber)?.decimalValue == Decimal(string: "1.5"))
    let venues = try milestones("business.exhibition.venues")
    #expect(venues.count == 1)
    #expect(venues.first?["kind"] as? String == "yearly")
    #expect(venues.first?["text"] as? String == "年度推进")
    #expect(venues.first.map { Set($0.keys) } == ["kind", "text"], "a yearly milestone has no period or value")
  }

  @Test("Tables of tasks say when each milestone is due, in the listing's language")
  func taskMilestonesTable() throws {
    let zh = PlanListing(plan: plan).render(.tasks, as: .csv)
    let en = PlanListing(plan: plan, language: .en).render(.tasks, as: .csv)
    #expect(zh.contains("business.hq.recognition,市商务局,市财政局,每年开展总部企业认定，对符合标准的总部企业予以一定的财政补助,"))
    #expect(zh.contains("2025年：力争总部企业数量新增100家以上；每年：开展总部企业认定\r\n"))
    #expect(en.contains("2025: 力争总部企业数量新增100家以上; Every year: 开展总部企业认定\r\n"))
    #expect(en.contains("Every year: 年度推进"))
  }

  @Test("Table columns line up when cells mix Chinese and Latin text")
  func tableAlignment() {
    let listing = Listing(
      columns: [.init(key: "a", heading: "名称"), .init(key: "b", heading: "unit"), .init(key: "c", heading: "x")],
      rows: [["软件和信息技术服务业", "亿元", "1"], ["GDP", "%", "2"], ["（全角）A", "万标箱", "3"]])
    let lines = listing.table().split(separator: "\n").map(String.init)
    let starts = lines.filter { !$0.hasPrefix("─") }.map { line -> Int in
      let index = line.range(of: "1") ?? line.range(of: "2") ?? line.range(of: "3") ?? line.range(of: "x")!
      return DisplayWidth.of(String(line[..<index.lowerBound]))
    }
    #expect(Set(starts).count == 1, "the last column starts at columns \(starts)")
    #expect(DisplayWidth.of("软件") == 4)
    #expect(DisplayWidth.of("GDP（亿元）") == 11)
    #expect(DisplayWidth.truncate("规上数字经济服务业营业收入", to: 9) == "规上数字…")
  }
}
