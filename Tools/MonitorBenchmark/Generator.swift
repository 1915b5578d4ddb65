// What the generated data are shaped by, and the seeded generator that draws them, so that every
// run generates the same data. ILLUSTRATIVE: every figure is made up.
import Foundation
import ZhibiaoKernel

/// A fast, seeded generator (SplitMix64).
struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// The sizes of the generated data, their period axis and seasonal profile, and the one random
/// generator every step draws from in turn.
struct Generator {
  /// The number of districts (the city bureau comes on top).
  let orgs: Int
  /// The number of indicators.
  let indicators: Int
  /// The years from 2021, by quarter.
  let axis: PeriodAxis
  /// The cumulative seasonal share of a flow by the end of each quarter.
  let profile = [0.22, 0.47, 0.73, 1.0]
  /// When figures fall due.
  let settings = MonitoringSettings()
  /// The random numbers, drawn in the order the data are generated.
  var rng = SplitMix(state: 2021)

  init(orgs: Int, indicators: Int, years: Int) {
    self.orgs = orgs
    self.indicators = indicators
    axis = PeriodAxis(firstYear: 2021, lastYear: 2021 + years - 1)
  }

  var firstYear: Int { axis.firstYear }
  var lastYear: Int { axis.lastYear }

  /// The districts' ids, `district.d0001` onwards.
  var districtIDs: [String] { (1...orgs).map { String(format: "district.d%04d", $0) } }

  /// The indicator `index`'s id, `bench.i0000` onwards.
  static func indicatorID(_ index: Int) -> String { String(format: "bench.i%04d", index) }

  /// When a figure for `slot` was reported, in seconds since 2001: on the 5th–25th day after its
  /// quarter's end, so that about a quarter of the figures are late.
  mutating func reportedAt(slot: Int) -> Double {
    let due = settings.dueInstant(for: axis.period(ofSlot: slot)).timeIntervalSinceReferenceDate
    return due - Double(16 - Int(rng.unit() * 21)) * 86_400
  }
}

/// The data the engines run on: targets and actual figures laid out alike, and the plan they come
/// from when they went through one.
struct GeneratedData {
  var targets: MonitoringTargets
  var actuals: Actuals
  var plan: Plan?
}
