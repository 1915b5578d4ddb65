import ZhibiaoKernel

/// Grids of many districts, for the tests of what only large grids do: work shared among the
/// processors, rounds of report chunks, a spread across districts selected rather than sorted.
enum WideGrid {
  /// The city's bureau `bureau.a`, then `count` districts `district.d1` ….
  static func orgs(districts count: Int) -> [OrgID] {
    [OrgID("bureau.a")] + (1...count).map { OrgID("district.d\($0)") }
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
