import Foundation

/// When each figure of a grid was reported, to the second, in four bytes a figure: the grid of
/// 30 million figures keeps them in 120 MB where doubles took 240 MB.
///
/// A time is read and written as seconds since 2001-01-01 00:00 UTC
/// (`Date.timeIntervalSinceReferenceDate`), NaN where unknown, and kept as the whole second it falls
/// in (seconds since 1970, from 1970 to 2106; a time outside is kept at the nearer end). Whatever
/// monitoring asks of a time is asked of its second alike: whether it is at or after a due instant
/// (the start of a day, a whole second) and on which day it falls.
public struct ReportingTimes: RandomAccessCollection, MutableCollection, Equatable, Sendable {
  /// Each time as whole seconds since 1970-01-01 00:00 UTC, or `none`.
  package private(set) var stored: ContiguousArray<UInt32>

  /// What is kept for an unknown time.
  package static let none = UInt32.max
  /// `count` unknown times.
  public init(count: Int) {
    stored = LargeArray.make(repeating: Self.none, count: count)
  }

  /// The times given, in seconds since 2001 (NaN where unknown), each kept to its second.
  public init<Times: Sequence<Double>>(_ times: Times) {
    stored = ContiguousArray(times.lazy.map(Self.encode))
  }

  /// Times kept already (`stored`'s form), for generated data.
  package init(stored: ContiguousArray<UInt32>) {
    self.stored = stored
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { stored.count }

  /// The time at `position` in seconds since 2001 (the start of its second); NaN when unknown.
  public subscript(position: Int) -> Double {
    get { Self.decode(stored[position]) }
    set { stored[position] = Self.encode(newValue) }
  }

  /// A time kept, in seconds since 2001; NaN for `none`.
  @inline(__always)
  package static func decode(_ kept: UInt32) -> Double {
    kept == none ? .nan : Double(kept) - Date.timeIntervalBetween1970AndReferenceDate
  }

  /// A time in seconds since 2001 as kept: the start of its second (rounded down before moving to
  /// 1970, so that no sum rounds a time just before a second up into it).
  package static func encode(_ time: Double) -> UInt32 {
    guard !time.isNaN else { return none }
    let seconds = time.rounded(.down) + Date.timeIntervalBetween1970AndReferenceDate
    return UInt32(Swift.min(Swift.max(seconds, 0), Double(none - 1)))
  }
}
