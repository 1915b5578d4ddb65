import Foundation
import ZhibiaoPlan

/// How the assessment rounds and writes its numbers, so that every figure on a scorecard can
/// be checked by hand from the figures printed before it.
///
/// - A completion rate is a ratio rounded half up to four decimals (0.01 %): 231.2 ÷ 240 is
///   0.9633, printed 96.33 %.
/// - A gap between a rate and its target is in percentage points, rounded to two decimals.
/// - Points are rounded half up to 0.01 and added as printed, so a total is the sum of its
///   printed lines.
package enum AssessmentText {
  /// Decimals of a completion ratio (0.9633).
  static let ratioScale = 4
  /// Decimals of points and of percentage points.
  package static let pointScale = 2

  /// `value` rounded half up (away from zero) to `scale` decimals.
  package static func round(_ value: Decimal, _ scale: Int) -> Decimal {
    AssessmentMath.round(value, scale: scale)
  }

  /// An exact decimal from its text. Decimal float literals go through Double (9.63 becomes
  /// 9.630000000000002048), so every fractional constant is written as text.
  static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

  /// 0.01, the step of points.
  static let hundredth = decimal("0.01")

  /// Points rounded to 0.01.
  package static func points(_ value: Decimal) -> Decimal { round(value, pointScale) }

  /// `weight × score` in points rounded to 0.01.
  static func points(_ weight: Decimal, times score: Decimal) -> Decimal {
    AssessmentMath.product(weight, score, scale: pointScale)
  }

  /// A figure in the indicator's precision when it has one ("231.2", "4"), else as it is.
  static func figure(_ value: Decimal, precision: Decimal?) -> String {
    signed(DecimalArithmetic.text(value, step: precision))
  }

  /// A number as written, without trailing zeros ("10", "0.9633", "7.27").
  package static func plain(_ value: Decimal) -> String { signed(value.description) }

  /// Points with two decimals ("9.63", "12.00").
  package static func pointsText(_ value: Decimal) -> String {
    signed(DecimalArithmetic.text(value, step: hundredth))
  }

  /// A ratio as a percentage with two decimals (0.9633 → "96.33%").
  package static func percent(_ ratio: Decimal) -> String {
    signed(DecimalArithmetic.text(ratio * 100, step: hundredth)) + "%"
  }

  /// A ratio as a percentage without trailing zeros (1.2 → "120%").
  package static func percentParameter(_ ratio: Decimal) -> String { plain(ratio * 100) + "%" }

  /// Percentage points with two decimals and an explicit sign ("+0.18", "−0.12").
  package static func signedPoints(_ value: Decimal) -> String {
    (value > 0 ? "+" : "") + pointsText(value)
  }

  /// A leading ASCII minus written as the minus sign of the formulas (−0.12).
  static func signed(_ text: String) -> String {
    text.hasPrefix("-") ? "−" + text.dropFirst() : text
  }

  /// The text in both languages.
  package static func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

  /// The larger of two decimals.
  static func max(_ a: Decimal, _ b: Decimal) -> Decimal { a >= b ? a : b }

  /// The smaller of two decimals.
  package static func min(_ a: Decimal, _ b: Decimal) -> Decimal { a <= b ? a : b }
}
