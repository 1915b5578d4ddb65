import Foundation
import ZhibiaoPlan

/// Why a total could not be apportioned, shared out or rounded: bad input, bounds that cannot
/// all hold, or a tie that the arithmetic must not decide.
public enum ApportionmentError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The total to distribute is negative, NaN or infinite.
  case invalidTotal(total: Double)
  /// The weight at `index` is negative, NaN or infinite.
  case invalidWeight(index: Int, weight: Double)
  /// The value to be rounded at `index` is NaN or infinite.
  case invalidValue(index: Int, value: Double)
  /// The list named `list` (floors, caps, lower, upper) has `count` entries where `expected`,
  /// one per weight or value, are needed.
  case countMismatch(list: String, count: Int, expected: Int)
  /// The bounds of the entry at `index` cannot hold: a lower bound above its upper bound, a
  /// bound that is not finite, or a negative bound on seats or shares.
  case invalidBounds(index: Int, lower: Double?, upper: Double?)
  /// The lower bounds add up to `lowerSum`, more than `total` by `excess`.
  case lowerBoundsExceedTotal(total: Double, lowerSum: Double, excess: Double)
  /// The entries can take at most `capacity` in all, `shortfall` less than `total`. Each entry
  /// counts at its upper bound (unbounded when it has none), except that an entry of zero
  /// weight counts at its lower bound: a zero weight takes its floor and nothing more.
  case capacityBelowTotal(total: Double, capacity: Double, shortfall: Double)
  /// The last `seatsInContention` seat(s) could go to any of the entries at `indices`, whose
  /// priorities under `method` are equal (or, for Hamilton, whose remainders are equal).
  /// Apportionment never breaks such a tie by itself: the caller decides, by lot or by a
  /// floor or cap.
  case tie(method: Apportionment.Method, indices: [Int], seatsInContention: Int)
  /// The precision of a decimal rounding is zero or negative.
  case invalidPrecision(precision: Decimal)
  /// The decimal total is not a whole number of units of the precision.
  case totalNotMultipleOfPrecision(total: Decimal, precision: Decimal)

  /// The problem as an English sentence that names the numbers involved.
  public var description: String {
    switch self {
    case .invalidTotal(let total):
      return "The total to distribute must be a finite number of at least 0, but it is \(Self.format(total))."
    case .invalidWeight(let index, let weight):
      return "The weight at index \(index) is \(Self.format(weight)); weights must be finite and at least 0."
    case .invalidValue(let index, let value):
      return "The value at index \(index) is \(Self.format(value)); values to round must be finite."
    case .countMismatch(let list, let count, let expected):
      return "The list of \(list) has \(count) entries, but \(expected) are needed, one for each entry to apportion."
    case .invalidBounds(let index, let lower, let upper):
      let lowerText = lower.map(Self.format) ?? "none"
      let upperText = upper.map(Self.format) ?? "none"
      return "The bounds at index \(index) (lower \(lowerText), upper \(upperText)) cannot hold: a lower bound "
        + "must not exceed its upper bound, and bounds must be finite and, for seats and shares, not negative."
    case .lowerBoundsExceedTotal(let total, let lowerSum, let excess):
      return "The lower bounds add up to \(Self.format(lowerSum)), which exceeds the total \(Self.format(total)) "
        + "by \(Self.format(excess)); lower some floors or raise the total."
    case .capacityBelowTotal(let total, let capacity, let shortfall):
      return "The entries can take at most \(Self.format(capacity)) in all (each its upper bound, an entry of "
        + "zero weight only its lower bound), \(Self.format(shortfall)) short of the total \(Self.format(total)); "
        + "raise some caps or lower the total."
    case .tie(let method, let indices, let seats):
      let names = indices.map(String.init).joined(separator: ", ")
      let seatText = seats == 1 ? "the last seat" : "the last \(seats) seats"
      return "The entries at indices \(names) tie for \(seatText) under \(method.name.en): their priorities are "
        + "equal, so the arithmetic cannot decide; settle it by a rule outside the method, such as a lot, a floor "
        + "or a cap."
    case .invalidPrecision(let precision):
      return "The precision must be greater than 0, but it is \(precision)."
    case .totalNotMultipleOfPrecision(let total, let precision):
      return "The total \(total) is not a whole multiple of the precision \(precision)."
    }
  }

  /// A number as people write it: whole numbers without a decimal point.
  static func format(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    return "\(value)"
  }
}
