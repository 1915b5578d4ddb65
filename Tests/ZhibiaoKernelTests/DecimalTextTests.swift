import Foundation
import Testing
import ZhibiaoKernel

/// A decimal's exact text is its `description`, digit for digit, made without dividing it.
@Suite("Decimal text")
struct DecimalTextTests {
  @Test(
    "Edge cases read as description gives them",
    arguments: [
      "0", "0.0", "0.000", "1", "-1", "10", "1e3", "-2.5e4", "1.50", "105.5", "-105.5", "0.005", "-0.005", "0.1",
      "123456789012345678", "18446744073709551615", "18446744073709551616", "99999999999999999999",
      "1234567890.123456789", "0.000000000000000000000001", "-0.0001", "5e-30", "7e30", "12345678901234567890123",
    ])
  func edgeCases(_ text: String) throws {
    let value = try #require(Decimal(string: text, locale: nil))
    #expect(value.exactText == value.description, "\(text)")
  }

  @Test("Random mantissas and exponents read as description gives them")
  func random() {
    var generator = SystemRandomNumberGenerator()
    for round in 0..<200_000 {
      let bits = round % 64 + 1
      let mantissa = UInt64.random(in: 0...(bits == 64 ? .max : (1 << bits) - 1), using: &generator)
      let exponent = Int.random(in: -30...12, using: &generator)
      let sign: FloatingPointSign = Bool.random(using: &generator) ? .minus : .plus
      let value = Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa))
      #expect(value.exactText == value.description, "\(mantissa)e\(exponent)")
      if value.exactText != value.description { return }
    }
  }

  @Test("The layout is known here, so the texts above were made without description")
  func layoutKnown() {
    #expect(DecimalLayout.isKnown)
  }

  @Test("NaN reads as description gives it")
  func notANumber() {
    #expect(Decimal.nan.exactText == Decimal.nan.description)
  }
}
