import Foundation
import ZhibiaoKernel

/// How the letters write the numbers of the assessment rules, as the scorecards do: weights and
/// parameters as written, points with two decimals, shares as percentages, and the minus sign of
/// the formulas (−).
enum LetterNumber {
  /// A number as written, without trailing zeros ("10", "0.2", "8.42").
  static func plain(_ value: Decimal) -> String { signed(value.description) }

  /// Points with two decimals ("18.00").
  static func points(_ value: Decimal) -> String {
    signed(DecimalArithmetic.text(value, step: Decimal(string: "0.01", locale: nil)!))
  }

  /// A ratio as a percentage without trailing zeros (1.2 → "120%").
  static func percent(_ ratio: Decimal) -> String { plain(ratio * 100) + "%" }

  private static func signed(_ text: String) -> String {
    text.hasPrefix("-") ? "−" + text.dropFirst() : text
  }
}
