import Foundation
import Testing
import ZhibiaoKernel

@Suite("Time paths")
struct TimePathTests {
  @Test("Compound growth hits both ends and grows at one rate g = (x_T/x_0)^(1/n) − 1")
  func compound() {
    let path = TimePath.compound
    #expect(abs(path.value(from: 7050, to: 10000, t: 4, n: 4) - 10000) < 1e-9)
    #expect(abs(path.value(from: 7050, to: 10000, t: 0, n: 4) - 7050) < 1e-9)
    let rates = (1...4).map {
      path.value(from: 7050, to: 10000, t: $0, n: 4) / path.value(from: 7050, to: 10000, t: $0 - 1, n: 4)
    }
    let g = pow(10000.0 / 7050.0, 0.25)
    #expect(rates.allSatisfy { abs($0 - g) < 1e-12 })
  }

  @Test("Linear steps are equal; a constant path is the bound every year")
  func linearAndConstant() {
    let steps = (0...4).map { TimePath.linear.value(from: 57, to: 70, t: $0, n: 4) }
    #expect(steps == [57, 60.25, 63.5, 66.75, 70])
    #expect((1...4).map { TimePath.constant.value(from: 1, to: 4, t: $0, n: 4) } == [4, 4, 4, 4])
  }

  @Test("The S-curve starts and ends on the ends, is symmetric and back-loaded before the middle")
  func sCurve() {
    let path = TimePath.sCurve
    #expect(abs(path.value(from: 0, to: 100, t: 0, n: 4)) < 1e-9)
    #expect(abs(path.value(from: 0, to: 100, t: 4, n: 4) - 100) < 1e-9)
    #expect(abs(path.value(from: 0, to: 100, t: 2, n: 4) - 50) < 1e-9)
    #expect(path.value(from: 0, to: 100, t: 1, n: 4) < TimePath.linear.value(from: 0, to: 100, t: 1, n: 4))
  }

  @Test("Compound growth from zero falls back to linear steps instead of staying at zero")
  func compoundFromZero() {
    #expect(TimePath.compound.value(from: 0, to: 8, t: 2, n: 4) == 4)
  }
}

@Suite("Seasonal profiles")
struct SeasonalProfileTests {
  @Test("S_q is the median of C_q/C_4 over normal years, leaving out abnormal ones")
  func medianOverYears() throws {
    let history: [Int: [Double]] = [
      2019: [20, 45, 70, 100],
      2020: [10, 35, 65, 100],  // a lockdown year, marked abnormal
      2021: [24, 49, 74, 100],
      2022: [22, 47, 72, 100],
      2023: [23, 48, 73, 100],
    ]
    let profile = try #require(SeasonalProfile.estimate(yearToDate: history, abnormal: [2020]))
    #expect(profile.shares == [Decimal(string: "0.225")!, Decimal(string: "0.475")!, Decimal(string: "0.725")!, 1])
    #expect(profile.origin == .history([2019, 2021, 2022, 2023]))
    let withAbnormal = try #require(SeasonalProfile.estimate(yearToDate: history))
    #expect(withAbnormal.shares[0] == Decimal(string: "0.22")!)
  }

  @Test("Fewer than three usable years give no estimate")
  func needsThreeYears() {
    #expect(SeasonalProfile.estimate(yearToDate: [2022: [1, 2, 3, 4], 2023: [1, 2, 3, 4]]) == nil)
    #expect(
      SeasonalProfile.estimate(yearToDate: [2021: [1, 2, 3, 4], 2022: [1, 2, 3, 4], 2023: [1, 2, 3]]) == nil)
  }
}

@Suite("Decimal steps")
struct DecimalArithmeticTests {
  @Test("Values are written with exactly the decimals of their precision")
  func text() {
    #expect(DecimalArithmetic.text(2181, step: Decimal(string: "0.1")!) == "2181.0")
    #expect(DecimalArithmetic.text(Decimal(string: "3.9")!, step: Decimal(string: "0.01")!) == "3.90")
    #expect(DecimalArithmetic.text(70, step: 1) == "70")
    #expect(DecimalArithmetic.text(Decimal(string: "1.25")!, step: nil) == "1.25")
  }

  @Test("Units of a precision convert exactly both ways")
  func units() {
    #expect(DecimalArithmetic.units(13000, of: Decimal(string: "0.1")!) == 130_000)
    #expect(DecimalArithmetic.value(units: 15, of: Decimal(string: "0.1")!) == Decimal(string: "1.5")!)
    #expect(DecimalArithmetic.isMultiple(Decimal(string: "1.5")!, of: Decimal(string: "0.1")!))
    #expect(!DecimalArithmetic.isMultiple(Decimal(string: "1.55")!, of: Decimal(string: "0.1")!))
  }
}
