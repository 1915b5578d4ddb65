import ZhibiaoKernel

/// Grids of many districts, for the tests of what only large grids do: work shared among the
/// processors, rounds of report chunks, a spread across districts selected rather than sorted.
enum WideGrid {
  /// The city's bureau `bureau.a`, then `count` districts `district.d1` ….
  static func orgs(districts count: Int) -> [OrgID] {
    [OrgID("bureau.a")] + (1...count).map { OrgID("district.d\($0)") }
  }

  /// The targets and figures of `indicators` over `orgs` and `axis`, each grid given cell by cell
  /// (indicator, then org, then slot; NaN for none), without seasonal shares or times of reporting.
  static func layout(
    _ indicators: [MonitoredIndicator], orgs: [OrgID], axis: PeriodAxis, values: ContiguousArray<Double>,
    targets: ContiguousArray<Double>
  ) -> (targets: MonitoringTargets, actuals: Actuals) {
    (
      MonitoringTargets(
        indicators: indicators, orgs: orgs, axis: axis, figures: MonitoringGrid.figures(targets, indicators.count),
        shares: ContiguousArray(repeating: .nan, count: indicators.count * axis.count)),
      Actuals(
        indicators: indicators.map(\.id), orgs: orgs, axis: axis,
        figures: MonitoringGrid.figures(values, indicators.count),
        reportedAt: ContiguousArray(repeating: .nan, count: values.count))
    )
  }

  /// A seeded stream of doubles in [0, 1), from a 64-bit linear congruential generator, so
  /// that every run draws the same grid.
  struct Uniform {
    var state: UInt64

    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
  }
}
