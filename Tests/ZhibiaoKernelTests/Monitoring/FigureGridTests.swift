import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Monitoring: figures are kept exactly as stated")
struct FigureGridTests {
  static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

  @Test("A figure of 18 significant digits goes into the grid and comes out as stated; a double would not keep it")
  func roundTrip() throws {
    let stated = Self.decimal("12345678901234.5678")
    // The nearest double is 12345678901234.567…; its shortest form is not the stated one.
    #expect("\(try #require(Double("12345678901234.5678")))" != "12345678901234.5678")
    let units = try #require(FigureGrid.units(stated, places: 4))
    #expect(units == 123_456_789_012_345_678)
    #expect(FigureGrid.decimal(units, places: 4) == stated)
    #expect(FigureGrid.decimal(FigureGrid.none, places: 4) == nil)
    // More decimals than the grid keeps, or more units than 64 bits hold, are refused, not rounded.
    #expect(FigureGrid.units(stated, places: 3) == nil)
    #expect(FigureGrid.units(Self.decimal("1e19"), places: 0) == nil)
    #expect(FigureGrid.places(precision: Self.decimal("0.1"), values: [stated, Self.decimal("2.5")]) == 4)
  }

  @Test("Property: the exact sum of the districts is the decimal sum, and the sum check holds it to the last unit")
  func sumsAreExact() throws {
    let grid = MonitoringPaceTests.flowGrid()
    let targets = grid.monitoringTargets
    let axis = MonitoringGrid.axis
    let slot = try #require(axis.slot(of: .quarter(3, of: 2024)))
    let orgs = MonitoringGrid.orgs.count
    var random = AssessorRandom(state: 2024)
    // The tolerance is ½ × 0.1 × 6 districts = 0.3: at it the city passes, a ten-thousandth beyond it not.
    for (offset, mismatch) in [("0", false), ("0.3", false), ("-0.3", false), ("0.3001", true), ("-0.3001", true)] {
      for _ in 0..<40 {
        // Figures of up to 14 whole digits and 4 decimals: beyond what a double adds up exactly.
        let districts = (1..<orgs).map { _ in
          Decimal(
            sign: .plus, exponent: -4,
            significand: Decimal(UInt64.random(in: 0...100_000_000_000_000_000, using: &random)))
        }
        let city = districts.reduce(0, +) + Self.decimal(offset)
        var units = ContiguousArray(repeating: FigureGrid.none, count: orgs * axis.count)
        for (o, value) in ([city] + districts).enumerated() {
          units[o * axis.count + slot] = try #require(FigureGrid.units(value, places: 4))
        }
        let actuals = Actuals(
          indicators: ["mon.output"], orgs: MonitoringGrid.orgs, axis: axis,
          figures: FigureGrid(units: units, places: [4], stride: orgs * axis.count),
          reportedAt: ContiguousArray(repeating: .nan, count: units.count))
        let monitor = try Monitor(targets: targets, actuals: actuals, period: .quarter(3, of: 2024))
        let row = try #require(monitor.row("mon.output", "bureau.a"))
        #expect(row.value == city)
        #expect(row.flags.contains(.sumMismatch) == mismatch, "\(city) against \(districts)")
        if mismatch {
          let reason = try #require(row.warnings.first { $0.kind == .sumMismatch }).reason
          #expect(reason.en.contains("difference \(offset.dropLast(3)),"), "\(reason.en)")
        }
      }
    }
  }

  @Test("A large grid asked for huge pages holds what an ordinary array holds, on either side of the size that asks")
  func largeArrays() {
    for count in [0, 1, 1_048_575, 1_048_576, 3_000_001] {
      var large = LargeArray.make(repeating: FigureGrid.none, count: count)
      #expect(large.count == count)
      #expect(large.allSatisfy { $0 == FigureGrid.none })
      guard count > 0 else { continue }
      large[count - 1] = 1250
      let grid = FigureGrid(units: large, places: [2], stride: count)
      #expect(grid.decimal(at: count - 1) == Self.decimal("12.5"))
      #expect(grid.decimal(at: 0) == nil || count == 1)
    }
    let times = ReportingTimes(count: 3_000_000)
    #expect(times.count == 3_000_000 && times[2_999_999].isNaN)
  }
}
