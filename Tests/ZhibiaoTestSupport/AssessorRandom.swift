import Foundation

/// A seeded generator (SplitMix64), so that a failing seed can be replayed.
public struct AssessorRandom: RandomNumberGenerator {
  /// The generator's state; the seed to start from.
  public var state: UInt64

  /// A generator that starts from `seed`.
  public init(state seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A target, and an actual figure near it, of kinds that exercise the scoring's edge cases.
  public mutating func figures() -> (actual: Double, target: Double) {
    let scale = [1.0, 10, 100, 1000][Int.random(in: 0..<4, using: &self)]
    switch Int.random(in: 0..<12, using: &self) {
    case 0: return (.nan, Double(Int.random(in: 1...100, using: &self)))
    case 1: return (Double(Int.random(in: 1...100, using: &self)), .nan)
    case 2: return (Double(Int.random(in: 0...3, using: &self)), Double(Int.random(in: -2...1, using: &self)))
    case 3:
      // A rate: actual stated to a thousandth near a target stated to a hundredth, so that the
      // actual often lies on a half hundredth (1.005 is 1.00499… as a double).
      let target = Double(Int.random(in: 50...1000, using: &self)) / 100
      return (Double(Int.random(in: -500...500, using: &self)) / 1000 + target, target)
    case 4:
      // A target with a short reciprocal: actual ÷ target often ends on a half ten-thousandth.
      let target = [0.8, 1.6, 3.2, 6.4, 12.8, 2.5, 1.25][Int.random(in: 0..<7, using: &self)] * scale
      return (Double(Int.random(in: 1...Int(target * 12), using: &self)) / 10, target)
    case 5:
      let target = Double(Int.random(in: 1...20_000, using: &self)) / 100
      return (Double(Int.random(in: 0...4_000_000, using: &self)) / 10_000 * target / 200, target)
    case 6: return (-Double(Int.random(in: 1...50, using: &self)) / 10, Double(Int.random(in: 1...50, using: &self)))
    case 7:
      let target = Double(Int.random(in: 1...200_000, using: &self)) / 10
      return (target, target)
    default:
      let target = Double(Int.random(in: 1...2_000, using: &self)) / 10 * scale
      return (Double.random(in: 0.5...1.3, using: &self) * target, target)
    }
  }
}
