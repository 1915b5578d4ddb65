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
  /// and every item with its weight, points, actual and target and the explanation in both languages.
  public static func scorecards(_ cards: [Scorecard]) -> [[String: Any]] {
    cards.map { card in
      [
        "org": card.org.rawValue, "kind": card.orgKind.rawValue, "rank": card.rank,
        "previous_rank": card.previousRank as Any? ?? NSNull(),
        "total": NSDecimalNumber(decimal: card.total), "basic": NSDecimalNumber(decimal: card.basic),
        "bonus": NSDecimalNumber(decimal: card.bonus.counted),
        "deduction": NSDecimalNumber(decimal: card.deduction.counted), "grade": card.grade.id,
        "items": card.items.map { item -> [String: Any] in
          [
            "id": item.id, "indicator": item.indicator?.rawValue as Any? ?? NSNull(), "rule": item.rule,
            "weight": NSDecimalNumber(decimal: item.weight), "points": NSDecimalNumber(decimal: item.points),
            "actual": item.actual.map { NSDecimalNumber(decimal: $0) } as Any? ?? NSNull(),
            "target": item.target.map { NSDecimalNumber(decimal: $0) } as Any? ?? NSNull(),
            "explanation": ["zh": item.explanation.zh, "en": item.explanation.en],
          ]
        },
      ]
    }
  }
}
