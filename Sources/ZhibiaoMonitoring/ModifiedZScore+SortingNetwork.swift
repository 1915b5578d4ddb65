extension ModifiedZScore {
  /// Sorts up to 16 values, none NaN, without a branch that depends on them: Batcher's odd–even
  /// merge sort network for 16 inputs (63 compare-exchanges; K. E. Batcher, "Sorting networks and
  /// their applications", AFIPS 1968), the missing inputs padded with +∞. The short series of one
  /// org's growth are sorted so, where an insertion sort mispredicts about once per value.
  static func sortSixteen(_ buffer: UnsafeMutableBufferPointer<Double>) {
    precondition(buffer.count <= 16, "the network sorts at most 16 values")
    let count = buffer.count
    var x0 = count > 0 ? buffer[0] : .infinity
    var x1 = count > 1 ? buffer[1] : .infinity
    var x2 = count > 2 ? buffer[2] : .infinity
    var x3 = count > 3 ? buffer[3] : .infinity
    var x4 = count > 4 ? buffer[4] : .infinity
    var x5 = count > 5 ? buffer[5] : .infinity
    var x6 = count > 6 ? buffer[6] : .infinity
    var x7 = count > 7 ? buffer[7] : .infinity
    var x8 = count > 8 ? buffer[8] : .infinity
    var x9 = count > 9 ? buffer[9] : .infinity
    var x10 = count > 10 ? buffer[10] : .infinity
    var x11 = count > 11 ? buffer[11] : .infinity
    var x12 = count > 12 ? buffer[12] : .infinity
    var x13 = count > 13 ? buffer[13] : .infinity
    var x14 = count > 14 ? buffer[14] : .infinity
    var x15 = count > 15 ? buffer[15] : .infinity
    order(&x0, &x1); order(&x2, &x3); order(&x0, &x2); order(&x1, &x3); order(&x1, &x2); order(&x4, &x5)
    order(&x6, &x7); order(&x4, &x6); order(&x5, &x7); order(&x5, &x6); order(&x0, &x4); order(&x2, &x6)
    order(&x2, &x4); order(&x1, &x5); order(&x3, &x7); order(&x3, &x5); order(&x1, &x2); order(&x3, &x4)
    order(&x5, &x6); order(&x8, &x9); order(&x10, &x11); order(&x8, &x10); order(&x9, &x11); order(&x9, &x10)
    order(&x12, &x13); order(&x14, &x15); order(&x12, &x14); order(&x13, &x15); order(&x13, &x14); order(&x8, &x12)
    order(&x10, &x14); order(&x10, &x12); order(&x9, &x13); order(&x11, &x15); order(&x11, &x13); order(&x9, &x10)
    order(&x11, &x12); order(&x13, &x14); order(&x0, &x8); order(&x4, &x12); order(&x4, &x8); order(&x2, &x10)
    order(&x6, &x14); order(&x6, &x10); order(&x2, &x4); order(&x6, &x8); order(&x10, &x12); order(&x1, &x9)
    order(&x5, &x13); order(&x5, &x9); order(&x3, &x11); order(&x7, &x15); order(&x7, &x11); order(&x3, &x5)
    order(&x7, &x9); order(&x11, &x13); order(&x1, &x2); order(&x3, &x4); order(&x5, &x6); order(&x7, &x8)
    order(&x9, &x10); order(&x11, &x12); order(&x13, &x14)
    if count > 0 { buffer[0] = x0 }
    if count > 1 { buffer[1] = x1 }
    if count > 2 { buffer[2] = x2 }
    if count > 3 { buffer[3] = x3 }
    if count > 4 { buffer[4] = x4 }
    if count > 5 { buffer[5] = x5 }
    if count > 6 { buffer[6] = x6 }
    if count > 7 { buffer[7] = x7 }
    if count > 8 { buffer[8] = x8 }
    if count > 9 { buffer[9] = x9 }
    if count > 10 { buffer[10] = x10 }
    if count > 11 { buffer[11] = x11 }
    if count > 12 { buffer[12] = x12 }
    if count > 13 { buffer[13] = x13 }
    if count > 14 { buffer[14] = x14 }
    if count > 15 { buffer[15] = x15 }
  }

  /// Puts the smaller of two values first.
  @inline(__always)
  private static func order(_ a: inout Double, _ b: inout Double) {
    let low = b < a ? b : a
    b = b < a ? a : b
    a = low
  }
}
