/// A sample of values kept in ascending order, so that its median and MAD follow one changed value
/// without sorting the sample again: a value is found by binary search and added or taken out by
/// moving the values above it one place, a single memory move of at most the sample's size (24 KB
/// for 3,000 districts), cheaper than any tree at the sizes of an indicator's districts.
///
/// Values are kept as their canonical doubles (−0 as +0), so that the same values in any order of
/// arrival give the same buffer, bit for bit, as sorting them does.
public struct SortedSample: Sendable {
  /// The values, ascending.
  public private(set) var values: ContiguousArray<Double> = []

  /// An empty sample.
  public init() {}

  /// A sample of `values`, none NaN.
  public init(_ values: some Sequence<Double>) {
    replace(with: values)
  }

  /// The number of values.
  public var count: Int { values.count }

  /// Replaces the sample with `values`, none NaN, sorting them once; room is kept for
  /// `capacity` values, so that a sample that never holds more never grows.
  public mutating func replace(with newValues: some Sequence<Double>, capacity: Int = 0) {
    values.removeAll(keepingCapacity: true)
    values.reserveCapacity(capacity)
    for value in newValues { values.append(value + 0) }
    values.withUnsafeMutableBufferPointer { ModifiedZScore.sort($0) }
  }

  /// Adds `value`, which is not NaN.
  public mutating func insert(_ value: Double) {
    let value = value + 0
    values.insert(value, at: firstIndex(notBelow: value))
  }

  /// Takes out one instance of `value`; false when the sample has none.
  @discardableResult
  public mutating func remove(_ value: Double) -> Bool {
    let value = value + 0
    let index = firstIndex(notBelow: value)
    guard index < values.count, values[index] == value else { return false }
    values.remove(at: index)
    return true
  }

  /// The spread of the sample (`ModifiedZScore.spread(sorted:)`); nil when it is empty.
  public var spread: ModifiedZScore.Spread? { spread(scoring: false) }

  /// The spread of the sample, for `scoring` with MeanAD only where a score reads it; nil when it
  /// is empty.
  public func spread(scoring: Bool) -> ModifiedZScore.Spread? {
    values.isEmpty ? nil : values.withUnsafeBufferPointer { ModifiedZScore.spread(sorted: $0, scoring: scoring) }
  }

  /// The position of the first value not below `value`.
  private func firstIndex(notBelow value: Double) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
