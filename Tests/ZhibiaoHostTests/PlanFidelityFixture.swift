// Fidelity of Config/ to the plan text: the plan and its text, and the figures read out of the
// plan's sentences.

import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

// MARK: - Fixtures

enum FidelityFixture {
  /// The plan text the table was read from, read once.
  static let planTextFile = "source/hangzhou-producer-services-plan.zh.txt"
  private static let text = Result { try HangzhouPlan.text(planTextFile) }

  /// The loaded configuration, shared by the whole test run. A validation failure fails the
  /// test with every diagnostic as `file:line:col: error: …`.
  static func plan() throws -> Plan {
    try HangzhouPlan.plan()
  }

  static func planText() throws -> String {
    try text.get()
  }
}

// MARK: - Unit normalisation (test only)

/// Reads the figures out of a plan sentence and expresses them in a target unit's family,
/// so that "1.3万亿元" reads as 13000 when the unit is 亿元, and "前四" reads as 4.
enum FidelityFigures {
  static func powerOfTen(_ exponent: Int) -> Decimal {
    Decimal(sign: .plus, exponent: exponent, significand: 1)
  }

  /// The magnitude a unit carries: 亿元 and 亿吨 → 10⁸, 万元 and 万标箱 → 10⁴, others → 1.
  static func magnitude(ofUnit unit: String) -> Decimal {
    if unit.hasPrefix("万亿") { return powerOfTen(12) }
    if unit.hasPrefix("亿") { return powerOfTen(8) }
    if unit.hasPrefix("万") { return powerOfTen(4) }
    return 1
  }

  static let chineseNumerals: [Character: Int] = [
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
  ]

  static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isWholeNumber }

  /// Every figure in `text`, scaled into the family of `unit`.
  static func figures(in text: String, unit: String) -> [Decimal] {
    let chars = Array(text)
    let target = magnitude(ofUnit: unit)
    var found: [Decimal] = []
    var i = 0
    while i < chars.count {
      if isDigit(chars[i]) {
        var digits = ""
        while i < chars.count,
          isDigit(chars[i])
            || (chars[i] == "." && i + 1 < chars.count && isDigit(chars[i + 1]))
        {
          digits.append(chars[i])
          i += 1
        }
        var scale: Decimal = 1
        if i + 1 < chars.count, chars[i] == "万", chars[i + 1] == "亿" {
          scale = powerOfTen(12)
        } else if i < chars.count, chars[i] == "亿" {
          scale = powerOfTen(8)
        } else if i < chars.count, chars[i] == "万" {
          scale = powerOfTen(4)
        }
        if let number = Decimal(string: digits) { found.append(number * scale / target) }
        continue
      }
      // Ranks are written in Chinese numerals: 前四, 前三.
      if chars[i] == "前", i + 1 < chars.count, let n = chineseNumerals[chars[i + 1]] {
        found.append(Decimal(n))
      }
      i += 1
    }
    return found
  }

  static func text(_ text: String, states value: Decimal, in unit: String) -> Bool {
    figures(in: text, unit: unit).contains(value)
  }
}
