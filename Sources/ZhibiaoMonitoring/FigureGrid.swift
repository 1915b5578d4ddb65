import Foundation
import ZhibiaoPlan

/// Figures laid out by indicator × org × slot, held exactly: each a whole number of units of
/// 10^−places, one number of places per indicator (at least its precision's, and as many as its
/// stored figures state), `FigureGrid.none` where there is no figure.
///
/// The grid keeps units only: the statistics of monitoring (pace, growth, z-scores, projections)
/// are ratios computed in doubles from the double nearest to each figure (`double(at:)`), derived
/// where they read it, while every figure a row or the assessment states is read from the units.
/// A derived indicator's figure is its computed value stated at its places; `Actuals` keeps the
/// value as computed beside it.
public struct FigureGrid: Sendable {
  /// The units of a cell without a figure.
  public static let none = Int64.min

  /// The figures in units of 10^−places of their indicator, at `(indicator × orgs + org) × slots +
  /// slot`.
  public private(set) var units: ContiguousArray<Int64>
  /// The decimal places of each indicator's units.
  public let places: [Int]
  /// The cells of one indicator (orgs × slots).
  let stride: Int

  /// An empty grid of `places.count` indicators of `stride` cells each.
  public init(places: [Int], stride: Int) {
    self.places = places
    self.stride = stride
    units = LargeArray.make(repeating: Self.none, count: places.count * stride)
  }

  /// A grid of figures already laid out in units (for generated data).
  public init(units: ContiguousArray<Int64>, places: [Int], stride: Int) {
    precondition(units.count == places.count * stride, "units do not fill the grid")
    self.places = places
    self.stride = stride
    self.units = units
  }

  /// The places that hold `precision` and every one of `values` exactly: the most decimals any
  /// states, at most 18.
  public static func places(precision: Decimal?, values: some Sequence<Decimal>) -> Int {
    var places = precision.map(DecimalArithmetic.places(of:)) ?? 0
    for value in values where value.exponent < -places { places = -value.exponent }
    return min(places, 18)
  }

  /// `value` in units of 10^−places; nil when it states more decimals or is too large for them.
  public static func units(_ value: Decimal, places: Int) -> Int64? {
    guard value.isFinite, value.exponent >= -places else { return nil }
    let shift = value.exponent + places
    guard shift <= 18, value.significand <= Decimal(UInt64.max) else { return nil }
    let magnitude = NSDecimalNumber(decimal: value.significand).uint64Value
    var (result, overflow) = (magnitude, false)
    for _ in 0..<shift where !overflow { (result, overflow) = result.multipliedReportingOverflow(by: 10) }
    guard !overflow, result <= UInt64(Int64.max) else { return nil }
    return value.sign == .minus ? -Int64(result) : Int64(result)
  }

  /// `units` of 10^−places as a decimal; nil for `none`.
  public static func decimal(_ units: Int64, places: Int) -> Decimal? {
    guard units != none else { return nil }
    var (magnitude, exponent) = (units.magnitude, -places)
    while magnitude != 0, exponent < 0, magnitude % 10 == 0 {
      magnitude /= 10
      exponent += 1
    }
    return Decimal(sign: units < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(magnitude))
  }

  /// The double nearest to `units` × 10^−places (one correctly rounded division while the units
  /// are below 2⁵³).
  @inline(__always)
  public static func double(_ units: Int64, places: Int) -> Double {
    Double(units) / powersOfTen[places]
  }

  /// The divisor of units of 10^−places: 10^places, exact as a double.
  package static func scale(places: Int) -> Double { powersOfTen[places] }

  /// The double nearest to the units of a figure in units of 10^−places, given `scale` = 10^places
  /// (`scale(places:)`); NaN for `none`.
  @inlinable @inline(__always)
  package static func double(_ units: Int64, scale: Double) -> Double {
    units == none ? .nan : Double(units) / scale
  }

  /// `value` rounded half away from zero to `places` decimals, in units; nil when not finite or
  /// too large.
  static func rounded(_ value: Double, places: Int) -> Int64? {
    let scaled = (value * powersOfTen[places]).rounded(.toNearestOrAwayFromZero)
    return scaled.isFinite && abs(scaled) < 9.2e18 ? Int64(scaled) : nil
  }

  private static let powersOfTen: [Double] = (0...18).map { pow(10, Double($0)) }

  /// The figure at `at` as a decimal; nil when there is none.
  public func decimal(at: Int) -> Decimal? { Self.decimal(units[at], places: places[at / stride]) }

  /// The figure at `at` as the double nearest to it; NaN when there is none.
  public func double(at: Int) -> Double {
    Self.double(units[at], scale: Self.powersOfTen[places[at / stride]])
  }

  /// Sets the figure at `at` (nil removes it); false, leaving the cell empty, when it states more
  /// decimals than the indicator's places or is too large for them.
  @discardableResult
  mutating func set(_ at: Int, _ value: Decimal?) -> Bool {
    guard let value else {
      clear(at)
      return true
    }
    guard let units = Self.units(value, places: places[at / stride]) else {
      clear(at)
      return false
    }
    set(at, units: units)
    return true
  }

  /// Sets the figure at `at` in units.
  mutating func set(_ at: Int, units: Int64) {
    self.units[at] = units
  }

  /// Sets a computed figure stated at the indicator's places; false, leaving the cell empty, when
  /// it is not finite or too large for them.
  mutating func set(_ at: Int, computed value: Double) -> Bool {
    units[at] = value.isFinite ? Self.rounded(value, places: places[at / stride]) ?? Self.none : Self.none
    return units[at] != Self.none
  }

  /// Removes the figure at `at`.
  mutating func clear(_ at: Int) {
    units[at] = Self.none
  }
}

extension FigureGrid {
  /// The actual figure in a target's `measure`, in units, of the series of one indicator × org
  /// starting at `series`: the figure at `slot`; less the base year's for an increase; plus the
  /// year-end figures of the years between the base year and `slot`'s for a cumulative addition.
  /// `none` when a figure it needs is missing or the sum is too large.
  @inlinable @inline(__always)
  package static func actual(
    _ units: UnsafeBufferPointer<Int64>, measure: Target.Measure, series: Int, slot: Int
  ) -> Int64 {
    var total = units[series + slot]
    guard total != none else { return none }
    switch measure {
    case .level, .averageAnnual: return total
    case .increase:
      let base = units[series + 3]
      guard base != none else { return none }
      let (difference, overflow) = total.subtractingReportingOverflow(base)
      return overflow ? none : difference
    case .cumulative:
      var year = 1
      while year < slot / 4 {
        let earlier = units[series + year * 4 + 3]
        let (next, overflow) = total.addingReportingOverflow(earlier)
        guard earlier != none, !overflow else { return none }
        total = next
        year += 1
      }
      return total
    }
  }
}
