import ZhibiaoPlan

extension ObservationImport {
  /// The figures `org` reports for `period`, in the plan's order, each at the period it is
  /// reported for: a quarterly indicator at the quarter (a year means its 1–12月 figure, Q4), an
  /// annual one only with the fourth quarter or the year, at the year. What it leaves out is what
  /// the import refuses for the submitter (`refusal(_:for:)`): qualitative aims,
  /// derived figures, city-only or inapplicable figures of a district, another bureau's.
  public func figures(of org: Org, at period: Period) -> [(indicator: Indicator, period: Period)] {
    plan.indicators.compactMap { indicator in
      guard refusal(indicator, for: org) == nil else { return nil }
      switch (indicator.frequency, period.quarter) {
      case (.annual, nil), (.annual, 4): return (indicator, .year(period.year))
      case (.annual, _): return nil
      case (.quarterly, nil): return (indicator, .quarter(4, of: period.year))
      default: return (indicator, period)
      }
    }
  }

  /// Why the submitter may not report `indicator` for `org`, and the column to report it at; nil
  /// when it may.
  func refusal(_ indicator: Indicator, for org: Org) -> (message: String, column: String)? {
    if indicator.kind == .qualitative {
      return ("'\(indicator.id)' is a qualitative aim; it has no figures to report.", "indicator")
    }
    if plan.derivation(for: indicator.id) != nil {
      return ("'\(indicator.id)' is computed from other indicators; report those instead.", "indicator")
    }
    if org.kind == .district {
      if indicator.aggregation == .cityOnly {
        return ("'\(indicator.id)' is a city-only figure; a district does not report it.", "org")
      }
      if let eligible = indicator.eligible, !eligible.contains(org.id) {
        return ("'\(indicator.id)' does not apply to '\(org.id)'.", "org")
      }
    } else if org.id != indicator.owner {
      return (
        "The city figure of '\(indicator.id)' is reported by its owner '\(indicator.owner)', not '\(org.id)'.", "org"
      )
    }
    return submitterRefusal(org: org, indicator: indicator).map { ($0, "org") }
  }
}
