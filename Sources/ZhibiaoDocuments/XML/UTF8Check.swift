/// Checks bytes as UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF) as
/// they arrive, in chunks cut anywhere — a character may start in one chunk and end in the next.
struct UTF8Check {
  /// Continuation bytes still expected of the character begun.
  private var pending = 0
  /// The range the next continuation byte must fall in (narrowed for the first after some leads).
  private var low: UInt8 = 0x80
  private var high: UInt8 = 0xBF

  /// Whether `bytes` continue valid UTF-8; once false, the bytes are not UTF-8.
  mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
    for byte in bytes {
      if pending > 0 {
        guard byte >= low, byte <= high else { return false }
        pending -= 1
        (low, high) = (0x80, 0xBF)
        continue
      }
      if byte < 0x80 { continue }
      switch byte {
      case 0xC2...0xDF: pending = 1
      case 0xE0: (pending, low) = (2, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: pending = 2
      case 0xED: (pending, high) = (2, 0x9F)
      case 0xF0: (pending, low) = (3, 0x90)
      case 0xF1...0xF3: pending = 3
      case 0xF4: (pending, high) = (3, 0x8F)
      default: return false
      }
    }
    return true
  }

  /// Whether the bytes fed so far end on a whole character.
  var isComplete: Bool { pending == 0 }
}
