import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// The target book of the real plan and baselines: every figure adds up.
@Suite("Target book of the real plan")
struct TargetBookTests {
  let plan: Plan
  let book: TargetBook
  let baselines: Baselines

  init() throws {
    plan = try HangzhouPlan.plan()
    book = try HangzhouPlan.targetBook()
    baselines = try HangzhouPlan.baselines()
  }

  var additive: [Indicator] {
    plan.targetIndicators.filter { $0.aggregation == .sum && $0.kind != .qualitative }
  }

  var periods: [Period] {
    (plan.baseYear + 1...plan.targetYear).flatMap { year in
      [Period.year(year)] + (1...4).map { Period.quarter($0, of: year) }
    }
  }

  @Test("Every additive indicator's districts add up exactly to the city in every year and quarter")
  func districtsAddUp() throws {
    #expect(additive.count == 36)
    var checked = 0
    for indicator in additive {
      for period in periods {
        guard let city = book.target(indicator.id, indicator.owner, period)?.value else {
          #expect(period.quarter != nil, "\(indicator.id) has no city target in \(period)")
          continue
        }
        let districts = indicator.eligible ?? plan.districts.map(\.id)
        let parts = districts.compactMap { book.target(indicator.id, $0, period)?.value }
        #expect(parts.count == districts.count, "\(indicator.id) \(period)")
        #expect(parts.reduce(0, +) == city, "\(indicator.id) \(period): districts \(parts.reduce(0, +)), city \(city)")
        checked += 1
      }
    }
    #expect(checked > 36 * 4)
  }

  @Test("The target year's city figure is the plan's own target, unchanged")
  func targetYearIsThePlan() {
    for indicator in plan.targetIndicators {
      guard let target = indicator.target(for: plan.targetYear), let value = target.value else { continue }
      #expect(book.target(indicator.id, indicator.owner, .year(plan.targetYear))?.value == value, "\(indicator.id)")
    }
  }

  @Test("Counts are whole numbers, every figure is on its precision, and no district falls below its count")
  func wholeAndPrecise() {
    for entry in book.entries {
      guard let value = entry.value, let indicator = plan.indicator(entry.indicator) else { continue }
      if let precision = indicator.precision {
        #expect(DecimalArithmetic.isMultiple(value, of: precision), "\(entry.indicator) \(entry.org) \(entry.period)")
      }
      if indicator.isCount, entry.measure == .level, entry.period.quarter == nil, !entry.isCity {
        let start = baseline(indicator.id, entry.org)
        #expect(start.map { value >= $0 } ?? true, "\(entry.indicator) \(entry.org) falls below its base count")
      }
    }
  }

  @Test("District R&D intensities, weighted by projected GDP, meet 4% and exceed it by less than 0.01 point")
  func rdIntensityReproducesTheCityRate() throws {
    let gdp = districtValues("plan.gdp")
    #expect(gdp.count == plan.districts.count)
    let growth = 1.06
    for year in plan.baseYear + 1...plan.targetYear {
      let city = try #require(book.target("tech.rd_intensity", "bureau.sci_tech", .year(year))?.value)
      var weighted = 0.0
      var total = 0.0
      for (district, base) in gdp {
        let rate = try #require(book.target("tech.rd_intensity", district, .year(year))?.value)
        let weight = base * pow(growth, Double(year - plan.baseYear))
        weighted += DecimalArithmetic.double(rate) * weight
        total += weight
      }
      let mean = weighted / total
      #expect(mean >= DecimalArithmetic.double(city) - 1e-9, "\(year): \(mean)")
      #expect(mean < DecimalArithmetic.double(city) + 0.01, "\(year): \(mean)")
    }
    #expect(book.target("tech.rd_intensity", "bureau.sci_tech", .year(plan.targetYear))?.value == 4)
  }

  @Test("Increases are annual quotas that add up to the plan's 新增 figure")
  func quotas() throws {
    let years = Array(plan.baseYear + 1...plan.targetYear)
    let cumulative = try years.map { year in
      try #require(book.target("business.hq_enterprises", "bureau.commerce", .year(year))?.value)
    }
    #expect(cumulative == [25, 50, 75, 100])
    let listings = try years.map {
      try #require(book.target("finance.new_tech_listings", "bureau.finance", .year($0))?.value)
    }
    #expect(listings == [15, 30, 45, 60])
  }

  @Test("Flows reach the plan's seasonal share by each quarter; Q4 is the whole year")
  func seasonalMilestones() throws {
    let annual = try #require(book.target("finance.finance_va", "bureau.finance", .year(2024))?.value)
    let q1 = try #require(book.target("finance.finance_va", "bureau.finance", .quarter(1, of: 2024)))
    #expect(q1.seasonalShare == Decimal(string: "0.23"))
    #expect(
      q1.value == DecimalArithmetic.rounded(annual * Decimal(string: "0.23")!, toMultipleOf: Decimal(string: "0.1")!))
    #expect(book.target("finance.finance_va", "bureau.finance", .quarter(4, of: 2024))?.value == annual)
  }

  @Test("An entry is the city's exactly when it is held by the indicator's owner")
  func cityEntriesAreTheOwners() {
    for entry in book.entries {
      #expect(entry.isCity == (entry.org == plan.indicator(entry.indicator)?.owner), "\(entry.indicator) \(entry.org)")
    }
    #expect(book.entries.contains { $0.isCity } && book.entries.contains { !$0.isCity })
  }

  @Test("City-only and qualitative indicators go to their owner only")
  func cityOnly() {
    for id in [
      "plan.producer_services_va_rank", "plan.net_zero_rank", "plan.new_business_models", "digital.top_mcn_seats",
    ] {
      let entries = book.entries(indicator: IndicatorID(id))
      #expect(!entries.isEmpty)
      #expect(entries.allSatisfy { $0.isCity && $0.method == .owner }, "\(id)")
    }
    #expect(book.target("plan.producer_services_va_rank", "bureau.drc", .year(2023))?.value == 4)
  }

  @Test("Port throughput goes only to the districts with a port")
  func eligibleOnly() {
    let orgs = Set(book.entries(indicator: "logistics.inland_port_cargo").map(\.org))
    #expect(orgs == ["bureau.drc", "district.xiaoshan", "district.qiantang"])
  }

  /// The base-year figure of `indicator` for `org`.
  func baseline(_ indicator: IndicatorID, _ org: OrgID) -> Decimal? {
    baselines.value(indicator, org, year: plan.baseYear)
  }

  /// The base-year figures of `indicator` for every district that has one.
  func districtValues(_ indicator: IndicatorID) -> [(OrgID, Double)] {
    plan.districts.compactMap { district in
      baseline(indicator, district.id).map { (district.id, DecimalArithmetic.double($0)) }
    }
  }
}
