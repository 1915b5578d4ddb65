import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Registers: counts as of a date, and reported counts checked against them")
struct RegisterCountTests {
  /// The fixture's fairs with two withdrawals: 展会1 (district 2) delisted on 2024-03-01 and 展会2
  /// (district 3) moved out on 2023-07-01.
  static let entries: [RegisterEntry] = MonitoringPlanFixture.registerEntries.map { entry in
    var entry = entry
    switch entry.name {
    case "展会1": (entry.withdrawnOn, entry.withdrawal) = ("2024-03-01", .delisted)
    case "展会2": (entry.withdrawnOn, entry.withdrawal) = ("2023-07-01", .movedOut)
    default: break
    }
    return entry
  }

  static func fairs() throws -> Indicator {
    try #require(MonitoringPlanFixture.loadPlan().indicator("mon.fairs"))
  }

  @Test(
    "A stock counts the entries on the register at the period's last day: recognised by then, not yet withdrawn",
    arguments: [
      (Period.year(2022), 3), (.quarter(2, of: 2023), 4), (.quarter(3, of: 2023), 3), (.year(2023), 3),
      (.quarter(1, of: 2024), 2), (.quarter(2, of: 2024), 3), (.year(2024), 3),
    ])
  func stockAsOf(period: Period, expected: Int) throws {
    let fairs = try Self.fairs()
    #expect(
      RegisterEntry.count(fairs, org: "bureau.b", period: period, in: Self.entries, isDistrict: false) == expected)
  }

  @Test(
    "A withdrawal counts up to the day before: delisted on 2024-03-01, on the register at 2023's end, not at 2024Q1's")
  func withdrawalDay() throws {
    let fairs = try Self.fairs()
    let d2 = { (period: Period) in
      RegisterEntry.counted(fairs, org: "district.d2", period: period, in: Self.entries, isDistrict: true)?.map(\.name)
    }
    #expect(d2(.quarter(4, of: 2023)) == ["展会1"])
    #expect(d2(.quarter(1, of: 2024)) == [])
    let entry = try #require(Self.entries.first { $0.name == "展会1" })
    #expect(entry.isListed(on: "2024-02-29") && !entry.isListed(on: "2024-03-01"))
    // District 1 gains 展会4 on 2024-05-20: one at 2024Q1, two at 2024Q2.
    #expect(
      RegisterEntry.count(fairs, org: "district.d1", period: .quarter(1, of: 2024), in: Self.entries, isDistrict: true)
        == 1)
    #expect(
      RegisterEntry.count(fairs, org: "district.d1", period: .quarter(2, of: 2024), in: Self.entries, isDistrict: true)
        == 2)
  }

  @Test("A flow counts the entries recognised in the year to date, whatever became of them")
  func flowYearToDate() throws {
    var listings = try Self.fairs()
    listings.kind = .flow
    let count = { (period: Period) in
      RegisterEntry.count(listings, org: "bureau.b", period: period, in: Self.entries, isDistrict: false)
    }
    #expect(count(.quarter(1, of: 2023)) == 0)
    #expect(count(.year(2023)) == 1)  // 展会3, 2023-06-01
    #expect(count(.quarter(1, of: 2024)) == 0)
    #expect(count(.quarter(2, of: 2024)) == 1)  // 展会4, 2024-05-20
    #expect(count(.year(2020)) == 1)  // 展会2, recognised 2020 and moved out in 2023: still a 2020 recognition
  }

  @Test("The counts in the monitoring grid follow the withdrawals")
  func grid() throws {
    let plan = try MonitoringPlanFixture.loadPlan()
    let actuals = Actuals(plan: plan, observations: [], registerEntries: Self.entries)
    #expect(actuals.value("mon.fairs", "bureau.b", .year(2022)) == 3)
    #expect(actuals.value("mon.fairs", "bureau.b", .quarter(3, of: 2023)) == 3)
    #expect(actuals.value("mon.fairs", "district.d3", .quarter(2, of: 2023)) == 1)
    #expect(actuals.value("mon.fairs", "district.d3", .quarter(3, of: 2023)) == 0)
  }

  @Test("A reported count that disagrees with its register is flagged with the names; one that agrees is not")
  func disagreement() throws {
    let setup = try MonitoringIntegrationTests.Setup(through: .quarter(4, of: 2024))
    let reported = [
      ReportedValue(indicator: "mon.fairs", org: "district.d1", period: .year(2024), value: 2),
      // District 2 still counts 展会1, delisted on 2024-03-01.
      ReportedValue(indicator: "mon.fairs", org: "district.d2", period: .year(2024), value: 1),
      ReportedValue(indicator: "mon.fairs", org: "bureau.b", period: .year(2024), value: 5),
    ]
    let monitor = try Monitor(
      plan: setup.plan, book: setup.book, observations: setup.observations + reported, registerEntries: Self.entries,
      baselines: setup.baselines, period: .year(2024))

    let agrees = try #require(monitor.row("mon.fairs", "district.d1"))
    #expect(agrees.value == 2 && !agrees.flags.contains(.registerMismatch) && agrees.registerDisagreement == nil)

    let d2 = try #require(monitor.row("mon.fairs", "district.d2"))
    #expect(d2.value == 0, "the register's count is the actual")
    #expect(d2.flags.contains(.registerMismatch))
    let disagreement = try #require(d2.registerDisagreement)
    #expect(disagreement.registered == 0 && disagreement.reported == 1 && disagreement.counted.isEmpty)
    #expect(disagreement.withdrawn == [.init(name: "展会1", on: "2024-03-01", reason: .delisted)])
    let warning = try #require(d2.warnings.first { $0.kind == .registerMismatch })
    #expect(warning.reason.zh == "名录 0 个，报送 1 个；本年撤出：展会1（摘牌，2024-03-01）；名录无在册名称")
    #expect(warning.reason.en.hasPrefix("the register counts 0, 1 reported; left this year: 展会1 (delisted 2024-03-01)"))

    let city = try #require(monitor.row("mon.fairs", "bureau.b"))
    #expect(city.value == 3 && city.registerDisagreement?.reported == 5)
    #expect(city.registerDisagreement?.counted == ["展会0", "展会3", "展会4"])
    #expect(city.registerDisagreement?.recognised == ["展会4"])
    #expect(
      city.warnings.first { $0.kind == .registerMismatch }?.reason.zh
        == "名录 3 个，报送 5 个；本年撤出：展会1（摘牌，2024-03-01）；本年认定：展会4；名录所列：展会0、展会3、展会4")
  }

  @Test("A count reported later is checked when it arrives, and cleared when corrected")
  func incremental() throws {
    let setup = try MonitoringIntegrationTests.Setup(through: .quarter(4, of: 2024))
    var monitor = try Monitor(
      plan: setup.plan, book: setup.book, observations: setup.observations, registerEntries: Self.entries,
      baselines: setup.baselines, period: .year(2024))
    #expect(monitor.row("mon.fairs", "district.d2")?.flags.contains(.registerMismatch) == false)
    monitor.update("mon.fairs", "district.d2", .year(2024), value: 1)
    #expect(monitor.row("mon.fairs", "district.d2")?.registerDisagreement?.reported == 1)
    #expect(monitor.row("mon.fairs", "district.d2")?.value == 0)
    monitor.update("mon.fairs", "district.d2", .year(2024), value: 0)
    #expect(monitor.row("mon.fairs", "district.d2")?.flags.contains(.registerMismatch) == false)
  }
}

@Suite("Registers in the configuration")
struct RegisterConfigTests {
  /// The monitoring fixture with a plan-level register without levels, counted by the flow of new
  /// listings.
  static func files(countOf: String = "{ register: plan.listed }", in id: String = "mon.listings") throws
    -> [String: String]
  {
    var files = MonitoringPlanFixture.files
    let plan = try #require(files["plan.yaml"])
    #expect(plan.contains("\ngoals:\n"))
    files["plan.yaml"] =
      plan.replacingOccurrences(
        of: "\ngoals:\n",
        with: "\nregisters:\n  - id: plan.listed\n    name: { zh: 上市公司名录, en: Register of listed companies }\ngoals:\n")
    let anchor = "  - id: \(id)\n"
    let file = try #require(files.keys.sorted().first { files[$0]?.contains(anchor) == true }, "\(id)")
    files[file] = files[file]?.replacingOccurrences(of: anchor, with: anchor + "    count_of: \(countOf)\n")
    return files
  }

  @Test("plan.yaml may declare a register; a register may have no levels; a flow may count one")
  func planLevelRegister() throws {
    let result = load(try Self.files(), plugins: [MonitoringTestPlugin()])
    let plan = try #require(result.plan, "\(result.listing)")
    let register = try #require(plan.register("plan.listed"))
    #expect(register.domain == nil && register.levels.isEmpty)
    #expect(plan.indicator("mon.listings")?.countOf?.register == "plan.listed")
  }

  @Test("A rank cannot be the count of a register, and a count names a level its register has")
  func refusals() throws {
    let rank = load(try Self.files(in: "plan.rank"), plugins: [MonitoringTestPlugin()])
    #expect(rank.errors.contains { $0.message.contains("Only a stock or a flow (新增) can be the count of a register") })
    let level = load(
      try Self.files(countOf: "{ register: plan.listed, levels: [国家级] }"), plugins: [MonitoringTestPlugin()])
    #expect(level.errors.contains { $0.message.contains("The register 'plan.listed' has no level '国家级'") })
  }
}

@Suite("Registers: the monitoring grid counts as the definition does")
struct RegisterGridCountTests {
  /// Random entries around the fixture's plan period: recognised from 2018 to 2027, some
  /// withdrawn (a few before their recognition), at two levels, in the districts and one
  /// unknown org, on the counted register and another.
  static func entries(seed: UInt64, count: Int, register: RegisterID) -> [RegisterEntry] {
    var random = AssessorRandom(state: seed)
    func day() -> String {
      let month = Int.random(in: 1...12, using: &random)
      let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
      let text = String(
        format: "%04d-%02d-%02d", Int.random(in: 2018...2027, using: &random), month,
        Int.random(in: 1...days, using: &random))
      return text
    }
    let orgs = (1...6).map { OrgID("district.d\($0)") } + ["district.unknown"]
    return (0..<count).map { index in
      let withdrawn = Int.random(in: 0..<3, using: &random) == 0 ? day() : nil
      return RegisterEntry(
        register: Int.random(in: 0..<8, using: &random) == 0 ? "mon.other" : register, name: "实体\(index)",
        org: orgs[Int.random(in: 0..<orgs.count, using: &random)],
        level: Int.random(in: 0..<2, using: &random) == 0 ? "认证" : "其他", recognisedOn: day(), evidence: nil,
        withdrawnOn: withdrawn, withdrawal: withdrawn == nil ? nil : .revoked)
    }
  }

  /// Every count of `indicator` in the grid, for the owner and each district at each quarter,
  /// equals `RegisterEntry.count` of the same entries.
  static func expectCounts(plan: Plan, indicator id: IndicatorID, entries: [RegisterEntry]) throws {
    let indicator = try #require(plan.indicator(id))
    let actuals = Actuals(plan: plan, observations: [], registerEntries: entries)
    var compared = 0
    for org in [indicator.owner] + plan.districts.map(\.id) {
      let isDistrict = org != indicator.owner
      for year in actuals.axis.firstYear...actuals.axis.lastYear {
        for quarter in 1...4 {
          let period = Period.quarter(quarter, of: year)
          let expected = RegisterEntry.count(
            indicator, org: org, period: period, in: isDistrict ? entries.filter { $0.org == org } : entries,
            isDistrict: isDistrict)
          #expect(actuals.value(id, org, period) == expected.map { Decimal($0) }, "\(org) \(period)")
          compared += 1
        }
      }
    }
    #expect(compared > 100)
  }

  @Test(
    "A stock, on every level or one, agrees with the definition for random entries", arguments: [1, 2, 3] as [UInt64])
  func stock(seed: UInt64) throws {
    let entries = Self.entries(seed: seed, count: 400, register: "mon.fairs")
    try Self.expectCounts(plan: try MonitoringPlanFixture.loadPlan(), indicator: "mon.fairs", entries: entries)
    var files = MonitoringPlanFixture.files
    let anchor = "count_of: { register: mon.fairs }"
    let file = try #require(files.keys.sorted().first { files[$0]?.contains(anchor) == true })
    files[file] = files[file]?.replacingOccurrences(of: anchor, with: "count_of: { register: mon.fairs, levels: [认证] }")
    let result = load(files, plugins: [MonitoringTestPlugin()])
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.indicator("mon.fairs")?.countOf?.levels == ["认证"])
    try Self.expectCounts(plan: plan, indicator: "mon.fairs", entries: entries)
  }

  @Test("A flow agrees with the definition for random entries", arguments: [4, 5, 6] as [UInt64])
  func flow(seed: UInt64) throws {
    let result = load(try RegisterConfigTests.files(), plugins: [MonitoringTestPlugin()])
    let plan = try #require(result.plan, "\(result.listing)")
    #expect(plan.indicator("mon.listings")?.kind == .flow)
    try Self.expectCounts(
      plan: plan, indicator: "mon.listings", entries: Self.entries(seed: seed, count: 400, register: "plan.listed"))
  }
}
