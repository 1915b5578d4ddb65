import Foundation
import ZhibiaoKernel

/// A column whose text is not what this store writes: the file was edited by hand or is damaged.
package struct MalformedColumn: Error {
  /// The table and column, `observation.value`.
  package var column: String
  /// What it holds.
  package var text: String
  /// What it should hold.
  package var expected: String

  package init(column: String, text: String, expected: String) {
    self.column = column
    self.text = text
    self.expected = expected
  }
}

/// How the kernel's values become columns and back.
package enum Stored {
  /// The exact decimal form: `Decimal` prints every digit it holds, and reading the text back
  /// with no locale gives the same value, so no yuan is lost to binary floating point.
  package static func text(_ value: Decimal) -> String { value.exactText }

  /// The decimal in `text`; the whole text must be a number, since `Decimal(string:)` alone
  /// would read `12abc` as 12.
  package static func decimal(_ text: String, column: String) throws -> Decimal {
    guard let value = Decimal(string: text, locale: nil), !value.isNaN, isDecimalNumber(text) else {
      throw MalformedColumn(column: column, text: text, expected: "a decimal number")
    }
    return value
  }

  /// An issued target from its columns' text (see ``TargetIssue``).
  package static func issuedTarget(
    indicator: String, org: String, period: Period, value: String?, comparator: String?, measure: String,
    partner: String?, method: String, seasonalShare: String?, isCity: Bool
  ) throws -> TargetBook.Entry {
    func coded<T: RawRepresentable<String>>(_ text: String, _ column: String, _ expected: String) throws -> T {
      guard let value = T(rawValue: text) else {
        throw MalformedColumn(column: "issued_target.\(column)", text: text, expected: expected)
      }
      return value
    }
    return TargetBook.Entry(
      indicator: IndicatorID(indicator), org: OrgID(org), period: period,
      value: try value.map { try decimal($0, column: "issued_target.value") },
      comparator: try comparator.map { try coded($0, "comparator", "at_least, at_most or parity") },
      measure: try coded(measure, "measure", "a target's measure"), partner: partner.map { IndicatorID($0) },
      method: try coded(method, "method", "a decomposition method"),
      seasonalShare: try seasonalShare.map { try decimal($0, column: "issued_target.seasonal_share") },
      isCity: isCity)
  }

  /// The quarter column: 0 for a whole year, so that the key holds no NULL.
  package static func quarter(_ period: Period) -> Int { period.quarter ?? 0 }

  /// The period of a year and quarter column.
  package static func period(year: Int, quarter: Int) throws -> Period {
    switch quarter {
    case 0: return .year(year)
    case 1...4: return .quarter(quarter, of: year)
    default: throw MalformedColumn(column: "quarter", text: "\(quarter)", expected: "0 to 4")
    }
  }

  /// The time in `text`.
  package static func date(_ text: String, column: String) throws -> Date {
    guard let date = Timestamp.date(text) else {
      throw MalformedColumn(column: column, text: text, expected: "a time like 2024-04-15T09:30:00.000Z")
    }
    return date
  }

  /// The status in `text`.
  package static func status(_ text: String, column: String) throws -> ObservationStatus {
    guard let status = ObservationStatus(rawValue: text) else {
      throw MalformedColumn(column: column, text: text, expected: "draft, submitted, approved or returned")
    }
    return status
  }

  /// The state of a change request in `text`.
  package static func changeState(_ text: String, column: String) throws -> ChangeRequest.State {
    guard let state = ChangeRequest.State(rawValue: text) else {
      throw MalformedColumn(column: column, text: text, expected: "pending, accepted or rejected")
    }
    return state
  }

  /// The role in `text`.
  package static func role(_ text: String, column: String) throws -> Role {
    guard let role = Role(rawValue: text) else {
      throw MalformedColumn(column: column, text: text, expected: "a role")
    }
    return role
  }

  private static func isDecimalNumber(_ text: String) -> Bool {
    var sawDigit = false
    var previous: UInt8?
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
      case UInt8(ascii: "-"), UInt8(ascii: "+"):
        guard previous == nil || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
      default: return false
      }
      previous = byte
    }
    return sawDigit
  }
}
