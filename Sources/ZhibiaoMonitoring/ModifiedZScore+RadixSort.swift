extension ModifiedZScore {
  /// The samples from which a radix sort beats the standard sort: the growth of an indicator's
  /// districts, sorted once per full pass.
  static let radixSortMinimum = 256

  /// Sorts `buffer` ascending by a least-significant-digit radix sort on the bits of each double,
  /// in the order `<` gives: the same buffer, bit for bit, as the standard sort. Returns false,
  /// leaving `buffer` as it was, when a value is NaN, which `<` does not order, or −0, which `<`
  /// ranks with +0 (samples hold their canonical doubles, `SortedSample`).
  ///
  /// Each double is mapped to an unsigned key that orders as the double does (Herf, "Radix
  /// Tricks", 2001): a positive double's bits with the sign bit set, a negative one's bits all
  /// flipped. Eight passes of one byte each, skipping a byte every key shares.
  static func radixSort(_ buffer: UnsafeMutableBufferPointer<Double>) -> Bool {
    let count = buffer.count
    guard count > 1 else { return true }
    let keys = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count * 2)
    defer { keys.deallocate() }
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8 * 256)
    defer { counts.deallocate() }
    counts.update(repeating: 0)
    for index in 0..<count {
      let value = buffer[index]
      let bits = value.bitPattern
      guard !value.isNaN, bits != 1 << 63 else { return false }
      let key = bits >> 63 == 0 ? bits | (1 << 63) : ~bits
      keys[index] = key
      for byte in 0..<8 { counts[byte * 256 + Int((key >> (UInt64(byte) * 8)) & 0xFF)] += 1 }
    }
    var source = UnsafeMutableBufferPointer(rebasing: keys[0..<count])
    var target = UnsafeMutableBufferPointer(rebasing: keys[count..<count * 2])
    var next = [Int](repeating: 0, count: 256)
    for byte in 0..<8 {
      let shift = UInt64(byte) * 8
      // A byte that every key shares leaves the order as it is.
      if counts[byte * 256 + Int((source[0] >> shift) & 0xFF)] == count { continue }
      var total = 0
      for digit in 0..<256 {
        next[digit] = total
        total += counts[byte * 256 + digit]
      }
      for key in source {
        let digit = Int((key >> shift) & 0xFF)
        target[next[digit]] = key
        next[digit] += 1
      }
      swap(&source, &target)
    }
    for index in 0..<count {
      let key = source[index]
      buffer[index] = Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
    }
    return true
  }
}
