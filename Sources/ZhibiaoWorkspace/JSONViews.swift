import Foundation
import ZhibiaoKernel

/// The JSON that the command line's `--format json` and the web app's API both give, from one
/// place, so that a script reads the same fields from either.
public enum JSONViews {
  /// A monitoring report as JSON: every row with its exact figures, light, pace and warnings;
  /// keys sorted, and a statistic that is not a number written as "inf" or "nan".
  public static func monitoring(_ report: MonitoringReport, pretty: Bool = true) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(report)
  }

  /// Scorecards as JSON objects: the org, its rank, total, basic score, bonus, deduction, grade,
  /// whether the total is provisional and why, and every item with its weight, points, actual and
  /// target, its status, the explanation in both languages and, for a figure not reported, what
  /// was missing and what the scheme made of it.
  public static func scorecards(_ cards: [Scorecard]) -> [[String: Any]] {
    cards.map { card in
      [
        "org": card.org.rawValue, "kind": card.orgKind.rawValue, "rank": card.rank,
        "previous_rank": card.previousRank as Any? ?? NSNull(),
        "total": NSDecimalNumber(decimal: card.total), "basic": NSDecimalNumber(decimal: card.basic),
        "bonus": NSDecimalNumber(decimal: card.bonus.counted),
        "deduction": NSDecimalNumber(decimal: card.deduction.counted), "grade": card.grade.id,
        "provisional": card.isProvisional, "missing_note": text(card.missingNote),
        "items": card.items.map { item -> [String: Any] in
          [
            "id": item.id, "indicator": item.indicator?.rawValue as Any? ?? NSNull(), "rule": item.rule,
            "weight": NSDecimalNumber(decimal: item.weight), "points": NSDecimalNumber(decimal: item.points),
            "actual": number(item.actual), "target": number(item.target), "status": item.status.rawValue,
            "explanation": ["zh": item.explanation.zh, "en": item.explanation.en],
            "missing": missing(item),
          ]
        },
      ]
    }
  }

  /// What was missing of an item and what the scheme made of it; null for a figure that is in.
  static func missing(_ item: ScoredItem) -> Any {
    guard let missing = item.missing else { return NSNull() }
    let last: Any =
      missing.lastReported.map { last -> [String: Any] in
        [
          "period": last.period.description, "actual_ytd": NSDecimalNumber(decimal: last.actual),
          "seasonal_share": number(last.seasonalShare),
        ]
      } ?? NSNull()
    return [
      "period": missing.period.description, "due_day": missing.dueDay, "reporting": missing.reporting.rawValue,
      "rule": item.missingRule?.rawValue as Any? ?? NSNull(), "last_reported": last,
      "provisional_actual": item.status == .provisional ? number(item.actual) : NSNull(),
      "note": text(item.missingNote),
    ] as [String: Any]
  }

  private static func number(_ value: Decimal?) -> Any { value.map { NSDecimalNumber(decimal: $0) } ?? NSNull() }

  private static func text(_ value: LocalizedText?) -> Any { value.map { ["zh": $0.zh, "en": $0.en] } ?? NSNull() }
}
