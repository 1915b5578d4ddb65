extension ModifiedZScore {
  /// The spread of the values in `buffer` for scoring (`spread(sorted:scoring:)` with `scoring`),
  /// found by selecting the middle values and the middle deviations instead of sorting: a
  /// partition without branches on the values, about four passes over the sample in all. The
  /// values must be canonical doubles (no −0) and none NaN; `buffer` is reordered and
  /// `deviations` (as long as `buffer`) overwritten.
  ///
  /// Returns nil where sorting is needed after all: when MAD = 0 (a score then reads MeanAD, which
  /// adds the deviations in ascending order of the values), for fewer than 64 values, or when the
  /// partitions stop shrinking. A spread returned is the sorted one's to the bit: the median and
  /// MAD are order statistics, the same values whichever way they are found.
  package static func scoringSpread(
    selecting buffer: UnsafeMutableBufferPointer<Double>, deviations: UnsafeMutableBufferPointer<Double>
  ) -> Spread? {
    let count = buffer.count
    guard count >= 64, deviations.count >= count else { return nil }
    guard let median = middle(selecting: buffer) else { return nil }
    for index in 0..<count { deviations[index] = abs(buffer[index] - median) }
    guard let mad = middle(selecting: UnsafeMutableBufferPointer(rebasing: deviations[0..<count])), mad > 0 else {
      return nil
    }
    return Spread(median: median, medianAbsoluteDeviation: mad, meanAbsoluteDeviation: .nan)
  }

  /// The median of `buffer` (the middle value, or the mean of the middle two), which it reorders;
  /// nil when the partitions stop shrinking.
  private static func middle(selecting buffer: UnsafeMutableBufferPointer<Double>) -> Double? {
    let count = buffer.count
    let half = count / 2
    guard let upper = select(half, in: buffer) else { return nil }
    guard count % 2 == 0 else { return upper }
    // Every value before `half` is at most the one at it: the largest of them is of rank half − 1.
    var lower = buffer[0]
    for index in 1..<half where buffer[index] > lower { lower = buffer[index] }
    return (lower + upper) / 2
  }

  /// The value of rank `k` (0-based), moved to `buffer[k]` with the values before it not above
  /// it; nil when the partitions stop shrinking (values chosen against the pivot's median of
  /// three). Each round moves the values below the pivot first, then, when rank `k` is not among
  /// them, those equal to it, so that ties end a round instead of slowing it.
  private static func select(_ k: Int, in buffer: UnsafeMutableBufferPointer<Double>) -> Double? {
    var low = 0
    var high = buffer.count
    var rounds = 0
    while high - low > 16 {
      rounds += 1
      guard rounds <= 64 else { return nil }
      let first = buffer[low]
      let middle = buffer[low + (high - low) / 2]
      let last = buffer[high - 1]
      let pivot = max(min(first, middle), min(max(first, middle), last))
      let below = partition(buffer, low..<high) { $0 < pivot }
      if k < below {
        high = below
        continue
      }
      let equal = partition(buffer, below..<high) { $0 == pivot }
      if k < equal { return pivot }
      low = equal
    }
    // A short range by insertion.
    var index = low + 1
    while index < high {
      let value = buffer[index]
      var hole = index
      while hole > low && buffer[hole - 1] > value {
        buffer[hole] = buffer[hole - 1]
        hole -= 1
      }
      buffer[hole] = value
      index += 1
    }
    return buffer[k]
  }

  /// Moves the values of `range` that satisfy `isFirst` to its start, without a branch on them
  /// (each value is swapped into place and the boundary moves by 0 or 1); returns the boundary.
  @inline(__always)
  private static func partition(
    _ buffer: UnsafeMutableBufferPointer<Double>, _ range: Range<Int>, _ isFirst: (Double) -> Bool
  ) -> Int {
    var boundary = range.lowerBound
    for index in range {
      let value = buffer[index]
      buffer[index] = buffer[boundary]
      buffer[boundary] = value
      boundary += isFirst(value) ? 1 : 0
    }
    return boundary
  }
}
