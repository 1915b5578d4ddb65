import Foundation
import Testing

@testable import ZhibiaoPlan

@Suite("Reading a plain figure from its bytes")
struct ExactDecimalTests {
  /// The bytes of a decimal: equal bytes are the same value written the same way.
  static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

  @Test("A plain figure is the very Decimal that Decimal(string:) reads")
  func sameAsFoundation() {
    var texts = [
      "12.30", "100", "0.001", "-5", "-0.50", "123456789012345678", "999999999999999999", "0.00000000000000001",
    ]
    // Figures of 1 to 18 digits with every placement of the point, both signs, trailing zeros.
    var significand: UInt64 = 7
    for digits in 1...18 {
      let text = String(significand)
      for point in 0..<digits {
        let written = point == 0 ? text : String(text.dropLast(point)) + "." + String(text.suffix(point))
        texts += [written, "-" + written] + (point > 0 && digits <= 16 ? [written + "00"] : [])
      }
      significand = significand * 10 + UInt64(digits % 10)
    }
    var different: [String] = []
    for text in texts {
      guard let plain = ExactDecimal.plain(text) else {
        different.append("\(text): not read")
        continue
      }
      guard let expected = Decimal(string: text, locale: nil) else { continue }
      if Self.bytes(plain) != Self.bytes(expected) || "\(plain)" != "\(expected)" { different.append(text) }
    }
    #expect(different.isEmpty)
  }

  @Test(
    "Anything else is left to the general reading",
    arguments: ["", "-", ".5", "5.", "+5", "1.2.3", "1e5", "1,000", "１２", "1234567890123456789", " 5", "--5"])
  func others(_ text: String) {
    #expect(ExactDecimal.plain(text) == nil)
  }

  @Test("Zero in any spelling is zero", arguments: ["0", "-0", "0.000", "-0.0", "000"])
  func zero(_ text: String) {
    #expect(ExactDecimal(text) == .value(0))
    #expect(ExactDecimal.plain(text).map(Self.bytes) == Self.bytes(0))
  }
}
