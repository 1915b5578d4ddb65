import Foundation

/// Converts figures between units of the same kind: 元 / 万元 / 亿元, 吨 / 万吨 / 亿吨,
/// 标箱 / 万标箱. Other units (%, 家, 个 …) only match themselves.
public enum UnitConversion {
  /// Units by family, each with its size in the family's smallest unit.
  static let families: [[String: Decimal]] = [
    ["元": 1, "万元": 10_000, "亿元": 100_000_000],
    ["吨": 1, "万吨": 10_000, "亿吨": 100_000_000],
    ["标箱": 1, "万标箱": 10_000],
  ]

  /// The factor f with value_in_target = value_in_source × f, or nil when the units are of
  /// different kinds. Identical units convert with factor 1.
  public static func factor(from source: String, to target: String) -> Decimal? {
    if source == target { return 1 }
    return factors[Pair(source: source, target: target)]
  }

  /// The power of ten p with value_in_target = value_in_source × 10^p, when the factor between
  /// the units is one (as every factor of the families is); nil otherwise.
  static func powerOfTen(from source: String, to target: String) -> Int? {
    if source == target { return 0 }
    return powers[Pair(source: source, target: target)]
  }

  private struct Pair: Hashable {
    var source: String
    var target: String
  }

  /// Every factor between two units of a family, divided once rather than for every row that
  /// gives its value in another unit.
  private static let factors: [Pair: Decimal] = {
    var factors: [Pair: Decimal] = [:]
    for family in families {
      for (source, from) in family {
        for (target, to) in family where source != target { factors[Pair(source: source, target: target)] = from / to }
      }
    }
    return factors
  }()

  /// The power of ten of every factor that is one, found once.
  private static let powers: [Pair: Int] = factors.compactMapValues { factor in
    var power = 0
    var rest = factor
    while rest >= 10 {
      rest /= 10
      power += 1
    }
    while rest < 1, rest > 0 {
      rest *= 10
      power -= 1
    }
    return rest == 1 ? power : nil
  }
}
