import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel

@Suite("Monitoring: plan-period view")
struct MonitoringPlanPeriodTests {
  static let settings = MonitoringSettings()

  static func view(_ current: Double, base: Double = 100, target: Double = 200, years: Int = 2)
    -> PlanPeriodView
  {
    PlanPeriodView.of(
      current: current, base: base, target: target, years: years, span: 4, direction: .higher, settings: settings)
  }

  @Test("目标一致法: progress (x_t − x_0)/(x_T − x_0) against time elapsed t/n = 0.5")
  func midTermCategory() {
    #expect(Self.view(160).progress == 0.6 && Self.view(160).timeElapsed == 0.5)
    #expect(Self.view(200).category == .achievedEarly)  // 提前实现
    #expect(Self.view(230).category == .achievedEarly)
    #expect(Self.view(160).category == .ahead)  // 60 % ≥ 50 % + 5
    #expect(Self.view(155).category == .ahead)  // exactly 5 points ahead
    #expect(Self.view(154).category == .onTrack)  // 基本符合预期
    #expect(Self.view(150).category == .onTrack)
    #expect(Self.view(140).category == .onTrack)  // exactly 10 points behind
    #expect(Self.view(139).category == .behind)  // 滞后
    #expect(Self.view(90).category == .behind)
    #expect(MidTermCategory.allCases.map(\.zh) == ["提前实现", "快于预期", "基本符合预期", "滞后"])
  }

  @Test("Compound growth ratio R = CR_a/|CR_r| and Open SDG's status")
  func growthRatio() {
    let required = pow(2.0, 0.25) - 1  // (200/100)^(1/4) − 1 = 0.189207
    let slow = Self.view(121)  // CR_a = 0.1
    #expect(close(slow.growthActual, 0.1) && close(slow.growthRequired, required))
    #expect(close(slow.growthRatio, 0.1 / required) && slow.growthStatus == .limitedProgress)  // 0.5285
    let moderate = Self.view(130)  // CR_a = 0.140175, R = 0.7409
    #expect(close(moderate.growthRatio, (sqrt(1.3) - 1) / required) && moderate.growthStatus == .moderateProgress)
    let fast = Self.view(140)  // R = 0.9683
    #expect(fast.growthStatus == .substantialProgress)
    #expect(Self.view(90).growthStatus == .deterioration)
    #expect(Self.view(210).growthStatus == .targetAchieved)
  }

  @Test("The thresholds are Open SDG's: 0.95 and 0.6")
  func thresholds() {
    #expect(GrowthStatus.of(ratio: 0.95, achieved: false, settings: Self.settings) == .substantialProgress)
    #expect(GrowthStatus.of(ratio: 0.9499, achieved: false, settings: Self.settings) == .moderateProgress)
    #expect(GrowthStatus.of(ratio: 0.6, achieved: false, settings: Self.settings) == .moderateProgress)
    #expect(GrowthStatus.of(ratio: 0.5999, achieved: false, settings: Self.settings) == .limitedProgress)
    #expect(GrowthStatus.of(ratio: 0, achieved: false, settings: Self.settings) == .limitedProgress)
    #expect(GrowthStatus.of(ratio: -0.01, achieved: false, settings: Self.settings) == .deterioration)
    #expect(GrowthStatus.of(ratio: .nan, achieved: false, settings: Self.settings) == nil)
  }

  @Test("Lower is better: a rank from 8 towards 4, at 6 after 2 of 4 years, has R = 0.842")
  func lowerIsBetter() {
    let view = PlanPeriodView.of(
      current: 6, base: 8, target: 4, years: 2, span: 4, direction: .lower, settings: Self.settings)
    let expected = -(sqrt(0.75) - 1) / abs(pow(0.5, 0.25) - 1)
    #expect(close(view.growthRatio, expected) && view.growthStatus == .moderateProgress)
    #expect(view.progress == 0.5 && view.category == .onTrack)
  }

  @Test("An increase from zero has progress but no growth rate")
  func increase() {
    let view = Self.view(12, base: 0, target: 20)
    #expect(view.progress == 0.6 && view.category == .ahead)
    #expect(view.growthRatio.isNaN && view.growthStatus == nil)
  }

  @Test("The monitor's view uses the latest year-end: last year's before Q4")
  func monitorYearEnd() throws {
    var grid = MonitoringGrid([MonitoringGrid.indicator("mon.output", kind: .flow)])
    grid.targetPath(0, "bureau.a", annual: [2022: 800, 2023: 900, 2024: 1000, 2025: 1100])
    grid.set(0, "bureau.a", .year(2021), 700)
    grid.set(0, "bureau.a", .year(2023), 950)
    grid.set(0, "bureau.a", .quarter(3, of: 2024), 700)
    let row = try #require(try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "bureau.a"))
    #expect(close(row.progress, 250 / 400.0) && row.timeElapsed == 0.5 && row.midTerm == .ahead)
    #expect(close(row.growthActual, sqrt(950 / 700.0) - 1) && close(row.growthRequired, pow(1100 / 700.0, 0.25) - 1))
  }

  @Test("Property: a root by square roots is within one unit in the last place of pow's, other roots are pow's")
  func roots() async {
    let ratios = Gen.oneOf(Gen.double(in: 0.001...1000), Gen.int(in: 1...2_000_000).map { Double($0) / 1000 })
    await propertyCheck(count: 3000, input: ratios) { x in
      for n in 1...6 {
        let ours = PlanPeriodView.root(x, n)
        let theirs = pow(x, 1 / Double(n))
        if n == 1 || n == 2 || n == 4 {
          #expect(abs(ours - theirs) <= theirs.ulp, "\(x) \(n)")
        } else {
          #expect(ours.bitPattern == theirs.bitPattern, "\(x) \(n)")
        }
      }
    }
    #expect(PlanPeriodView.root(16, 4) == 2 && PlanPeriodView.root(2.25, 2) == 1.5 && PlanPeriodView.root(7, 1) == 7)
  }
}
