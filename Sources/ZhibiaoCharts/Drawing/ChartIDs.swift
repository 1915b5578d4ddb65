/// The element ids of one chart: a prefix unique on the page, then a suffix per element.
///
/// Several charts share one HTML page, so ids carry either the caller's id, reduced to letters,
/// digits, `-` and `_`, or a hash of everything the chart draws. The hash is FNV-1a (64 bit), the
/// same on every run, so the same chart always gives the same bytes.
struct ChartIDs {
  let prefix: String

  init(explicit: String?, kind: String, content: (inout ChartFingerprint) -> Void) {
    let allowed = explicit.map { id in
      String(String.UnicodeScalarView(id.unicodeScalars.filter(Self.isAllowedInID)))
    }
    if let allowed, !allowed.isEmpty {
      prefix = "zc-\(allowed)"
    } else {
      var fingerprint = ChartFingerprint()
      fingerprint.add(kind)
      content(&fingerprint)
      prefix = "zc-\(kind)-\(fingerprint.hex)"
    }
  }

  var title: String { "\(prefix)-title" }

  /// ASCII letters, digits, `-` and `_`: safe in an id, a CSS selector and `url(#…)`.
  private static func isAllowedInID(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", "-", "_": true
    default: false
    }
  }

  func pattern(_ status: ChartStatus) -> String { "\(prefix)-\(status.rawValue)" }
}

/// FNV-1a over the fields of a chart, each ended by a separator byte so that ("ab", "c") and
/// ("a", "bc") differ.
struct ChartFingerprint {
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ text: String) {
    for byte in text.utf8 { mix(byte) }
    mix(0x1F)
  }

  mutating func add(_ number: Double?) {
    guard let number else {
      add("nil")
      return
    }
    add(String(number.bitPattern, radix: 16))
  }

  mutating func add(_ number: Int) { add(String(number)) }

  var hex: String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  private mutating func mix(_ byte: UInt8) {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01B3
  }
}
