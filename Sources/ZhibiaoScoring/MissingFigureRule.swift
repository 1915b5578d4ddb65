import ZhibiaoPlan

/// What an assessment does with an item whose figure was not reported (未报) — the scheme's
/// `missing:` key. Self-describing, as the scoring rules are, so that listings and the scheme's
/// documentation print the same words.
public enum MissingFigureRule: String, Hashable, Sendable, CaseIterable, Codable {
  /// The item scores 0 and is flagged as missing.
  case zero
  /// The item is left out and its weight shared among the org's other items in proportion, as the
  /// weight of an item that does not apply is.
  case reweight
  /// The item is scored, provisionally, on the last quarter of the same year the org reported:
  /// a seasonal flow's year-to-date figure projected by its seasonal shares (C_p × S_q ÷ S_p),
  /// any other figure as it is. With no quarter of the year reported, it scores 0.
  case lastQuarter = "last_quarter"

  /// The rule in a few words, for scorecards and the scheme's documentation.
  public var name: LocalizedText {
    switch self {
    case .zero: LocalizedText(zh: "缺报计0分", en: "missing figures score 0")
    case .reweight: LocalizedText(zh: "缺报项目不计，权重分摊到其他项目", en: "missing items excluded and re-weighted")
    case .lastQuarter:
      LocalizedText(zh: "缺报按本年最近一个已报季度暂估", en: "missing figures provisional from the last quarter reported")
    }
  }
}
