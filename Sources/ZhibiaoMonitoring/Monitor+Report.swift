import Foundation
import ZhibiaoPlan

extension Monitor {
  /// The report: every row with a target at the period, with its warnings and their reasons.
  public func report() -> MonitoringReport {
    let dueDay = settings.dueDay(for: targets.axis.period(ofSlot: slot))
    return MonitoringReport(
      period: period, asOf: asOf.map(settings.day(of:)),
      rows: rows.indices.compactMap { rows[$0].isActive ? makeRow($0, dueDay: dueDay) : nil })
  }

  /// The number of rows of each light, as `report().counts` gives them, without writing the rows.
  public var lightCounts: [PaceStatus: Int] {
    var counts: [PaceStatus: Int] = [:]
    for state in rows where state.isActive { counts[state.status, default: 0] += 1 }
    return counts
  }

  /// The light of an indicator for an org, by position; nil when the row has no target at the
  /// period.
  public func light(indicator: Int, org: Int) -> PaceStatus? {
    let row = Int(rowOf[indicator * targets.orgs.count + org])
    return row >= 0 && rows[row].isActive ? rows[row].status : nil
  }

  /// The row of an indicator for an org, if it has a target at the period.
  public func row(_ indicator: IndicatorID, _ org: OrgID) -> MonitoringRow? {
    guard let i = actuals.position(of: indicator), let o = actuals.position(of: org) else { return nil }
    let row = Int(rowOf[i * targets.orgs.count + o])
    return row >= 0 && rows[row].isActive
      ? makeRow(row, dueDay: settings.dueDay(for: targets.axis.period(ofSlot: slot))) : nil
  }

  private func makeRow(_ row: Int, dueDay: String) -> MonitoringRow {
    let state = rows[row]
    let i = Int(rowIndicator[row])
    let o = Int(rowOrg[row])
    let spec = targets.indicators[i]
    let fact = facts[i]
    let slots = targets.axis.count
    let cell = (i * targets.orgs.count + o) * slots
    let value = actuals.figures.decimal(at: cell + slot)
    let actual = exactActual(i, o)
    let (milestone, annual) = targetFigures(i, o)
    let reported = actuals.reportedAt[cell + slot]
    let disagreement = actuals.registerDisagreement(Actuals.Cell(indicator: i, org: o, slot: slot))
    let flags = DataQualityFlag.flags(
      in: state.flags | (disagreement == nil ? 0 : DataQualityFlag.registerMismatch.bit))
    let view =
      MonitorEvaluation.hasView(fact, slot: slot)
      ? state.view(
        years: MonitorEvaluation.viewYears(slot: slot), span: targets.axis.years - 1, direction: spec.direction)
      : PlanPeriodView.none
    let hasView = !view.timeElapsed.isNaN
    var result = MonitoringRow(
      indicator: spec.id, domain: spec.domain, org: targets.orgs[o], isCity: o == spec.city, period: period,
      unit: spec.unit, kind: spec.kind, measure: spec.measure, value: value,
      actual: actual, milestone: milestone, annualTarget: annual,
      gap: actual.flatMap { actual in milestone.map { actual - $0 } },
      seasonalShare: fact.isSeasonal ? Self.number(targets.shares[i * slots + slot]) : nil,
      expected: Self.number(state.expected), pace: Self.number(state.pace),
      pointsBehind: Self.number(state.pointsBehind), status: state.status, previousStatus: state.previous,
      statusChange: PaceChange.between(state.previous, state.status),
      progress: Self.number(view.progress), timeElapsed: Self.number(view.timeElapsed),
      midTerm: hasView ? view.category : nil, growthActual: Self.number(view.growthActual),
      growthRequired: Self.number(view.growthRequired), growthRatio: Self.number(view.growthRatio),
      growthStatus: hasView ? view.growthStatus : nil,
      projection: fact.hasProjection
        ? MonitoringRow.Projection(
          shareOfYear: Self.number(state.projection.shareOfYear),
          lastYearPattern: Self.number(state.projection.lastYearPattern),
          remainingQuarters: Self.number(state.projection.remainingQuarters),
          low: Self.number(state.projection.low), high: Self.number(state.projection.high)) : nil,
      yoyGrowth: Self.number(state.growth), scoreAcrossDistricts: Self.number(state.scoreAcrossDistricts),
      scoreOverTime: Self.number(state.scoreOverTime),
      reportedOn: reported.isNaN ? nil : settings.day(of: Date(timeIntervalSinceReferenceDate: reported)),
      dueDay: dueDay,
      reporting: ReportingState.of(
        hasFigure: value != nil, reportedAt: reported, due: due, asOf: asOf?.timeIntervalSinceReferenceDate ?? .nan),
      lastReported: value == nil ? lastReported(i, o) : nil, flags: flags, warnings: [])
    result.registerDisagreement = disagreement
    result.warnings = warnings(
      row: row, flags: flags, value: value, actual: actual, milestone: milestone, reportedOn: result.reportedOn,
      dueDay: dueDay, disagreement: disagreement)
    return result
  }

  /// The warnings of a row with their reasons: the light when yellow or red, then each flag.
  /// `value`, `actual` and `milestone` are the row's exact figures; only the reasons of a light
  /// behind pace and of a falling year-to-date figure read them.
  func warnings(
    row: Int, flags: [DataQualityFlag], value: Decimal?, actual: Decimal?, milestone: Decimal?, reportedOn: String?,
    dueDay: String, disagreement: RegisterDisagreement?
  ) -> [MonitoringWarning] {
    let state = rows[row]
    let i = Int(rowIndicator[row])
    let spec = targets.indicators[i]
    let cell = (i * targets.orgs.count + Int(rowOrg[row])) * targets.axis.count
    var warnings: [MonitoringWarning] = []
    let text = ReasonText(spec: spec, settings: settings)
    if state.status == .yellow || state.status == .red {
      warnings.append(
        MonitoringWarning(
          kind: .behindPace, reason: text.behindPace(state: state, actual: actual, milestone: milestone)))
    }
    for flag in flags {
      let reason: LocalizedText
      switch flag {
      case .missing:
        reason = text.missing(period: targets.axis.period(ofSlot: slot), derived: actuals.isDerived(i))
      case .late:
        reason = text.late(reportedOn: reportedOn, dueDay: dueDay, asOf: asOf.map(settings.day(of:)))
      case .ytdFalls:
        reason = text.ytdFalls(value: value, previous: actuals.figures.decimal(at: cell + slot - 1))
      case .sumMismatch:
        let sum = withEvaluationReading { $0.sum(i) }
        let places = actuals.figures.places[i]
        reason = text.sumMismatch(
          city: FigureGrid.decimal(sum.city, places: places),
          districts: FigureGrid.decimal(sum.districts, places: places),
          tolerance: FigureGrid.decimal(sum.doubleTolerance * 5, places: places + 1))
      case .outlierAcrossDistricts:
        reason = text.outlier(growth: state.growth, score: state.scoreAcrossDistricts, acrossDistricts: true)
      case .outlierOverTime:
        reason = text.outlier(growth: state.growth, score: state.scoreOverTime, acrossDistricts: false)
      case .registerMismatch:
        guard let disagreement else { continue }
        reason = disagreement.reason(unit: spec.unit)
      }
      warnings.append(MonitoringWarning(kind: MonitoringWarning.Kind(flag), reason: reason))
    }
    return warnings
  }

  /// A figure, or nil for NaN.
  static func number(_ value: Double) -> Double? { value.isNaN ? nil : value }

  /// The actual figure of indicator `i` for org `o` in the target's measure, exactly, at `slot`
  /// (the monitored one when nil).
  func exactActual(_ i: Int, _ o: Int, slot: Int? = nil) -> Decimal? {
    let series = (i * targets.orgs.count + o) * targets.axis.count
    let units = actuals.figures.units.withUnsafeBufferPointer {
      FigureGrid.actual($0, measure: facts[i].measure, series: series, slot: slot ?? self.slot)
    }
    return FigureGrid.decimal(units, places: actuals.figures.places[i])
  }

  /// The last figure of indicator `i` for org `o` reported in the monitored year before the
  /// monitored quarter, with its actual in the target's measure and, for a seasonal flow, the
  /// share S_p of its quarter; nil when there is none (an annual indicator has no quarters).
  ///
  /// The share is the book's decimal S_p, stated to at most four decimals, read back from the
  /// double monitoring keeps it in: any decimal of at most 15 significant digits survives that
  /// round trip exactly.
  func lastReported(_ i: Int, _ o: Int) -> MonitoringRow.LastReported? {
    guard !facts[i].isAnnual else { return nil }
    let slots = targets.axis.count
    let cell = (i * targets.orgs.count + o) * slots
    var earlier = slot - 1
    while earlier >= slot / 4 * 4 {
      if let value = actuals.figures.decimal(at: cell + earlier), let actual = exactActual(i, o, slot: earlier) {
        let share = targets.shares[i * slots + earlier]
        return MonitoringRow.LastReported(
          period: targets.axis.period(ofSlot: earlier), value: value, actual: actual,
          seasonalShare: facts[i].isSeasonal && share.isFinite ? Decimal(string: "\(share)", locale: nil) : nil)
      }
      earlier -= 1
    }
    return nil
  }

  /// The milestone and the annual target of indicator `i` for org `o`, exactly: the book's, or for
  /// a parity the partner's city figure.
  func targetFigures(_ i: Int, _ o: Int) -> (milestone: Decimal?, annual: Decimal?) {
    let fact = facts[i]
    let slots = targets.axis.count
    if fact.partner >= 0 {
      let partner = actuals.figures.decimal(at: (fact.partner * targets.orgs.count + fact.partnerCity) * slots + slot)
      return (partner, partner)
    }
    let cell = (i * targets.orgs.count + o) * slots
    return (targets.figures.decimal(at: cell + slot), targets.figures.decimal(at: cell + slot / 4 * 4 + 3))
  }
}

/// The one-line reasons of warnings, in Chinese and English.
struct ReasonText {
  let spec: MonitoredIndicator
  let settings: MonitoringSettings

  /// Decimal places of the indicator's precision (0.1 → 1).
  var places: Int { max(0, Int((-log10(spec.precision)).rounded())) }

  /// A computed figure in the indicator's precision, with `%` for a percentage.
  func figure(_ value: Double) -> String {
    Self.fixed(value, places: places) + (spec.unit == "%" ? "%" : "")
  }

  /// A stated figure in the indicator's precision, with `%` for a percentage; "—" for none.
  func figure(_ value: Decimal?) -> String {
    Self.fixed(value, places: places) + (spec.unit == "%" ? "%" : "")
  }

  /// A decimal rounded half away from zero to `places` decimals, written with all of them.
  static func fixed(_ value: Decimal?, places: Int) -> String {
    guard let value else { return "—" }
    return DecimalArithmetic.text(value, step: Decimal(sign: .plus, exponent: -places, significand: 1))
  }

  /// One decimal, a trailing `.0` dropped: 82, 81.7.
  static func short(_ value: Double) -> String { short(value, places: 1) }

  /// `places` decimals, trailing zeros dropped.
  static func short(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return value > 0 ? "∞" : "—" }
    var text = fixedBytes(value, places: places)
    if text.contains(UInt8(ascii: ".")) {
      while text.last == UInt8(ascii: "0") { text.removeLast() }
      if text.last == UInt8(ascii: ".") { text.removeLast() }
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The decimals that show a small gap: one, or as many as make it differ from zero (0.04, not 0).
  static func places(showing value: Double) -> Int {
    var places = 1
    while places < 4 && value != 0 && abs(value) < 0.5 * pow(10, -Double(places)) { places += 1 }
    return places
  }

  /// `places` decimals as `printf("%.Nf")` rounds them (`NumberText.fixed`), without the sign
  /// of a value that rounds to zero; "—" when not finite.
  static func fixed(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return "—" }
    return String(decoding: fixedBytes(value, places: places), as: UTF8.self)
  }

  /// `fixed(_:places:)` of a finite value, as bytes.
  private static func fixedBytes(_ value: Double, places: Int) -> [UInt8] {
    var rounded: [UInt8] = []
    rounded.reserveCapacity(24)
    NumberText.appendFixed(value, places: places, to: &rounded)
    if rounded.first == UInt8(ascii: "-")
      && !rounded.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") })
    {
      rounded.removeFirst()
    }
    return rounded
  }

  func behindPace(state: RowState, actual stated: Decimal?, milestone: Decimal?) -> LocalizedText {
    let places = Self.places(showing: state.pointsBehind)
    if spec.isRate {
      let points = Self.short(state.pointsBehind, places: places)
      let actual = figure(stated)
      let target = figure(milestone)
      return spec.direction == .higher
        ? LocalizedText(
          zh: "低于序时目标 \(points) 个百分点（实际 \(actual)，目标 \(target)）",
          en: "\(points) percentage points below the year-to-date target (actual \(actual), target \(target))")
        : LocalizedText(
          zh: "高于序时目标 \(points) 个百分点（实际 \(actual)，目标 \(target)）",
          en: "\(points) percentage points above the year-to-date target (actual \(actual), target \(target))")
    }
    if state.pace.isNaN {
      let actual = figure(stated)
      let expected = figure(state.expected)
      return LocalizedText(
        zh: "实际 \(actual)，未达序时目标 \(expected)", en: "actual \(actual) short of the year-to-date target \(expected)")
    }
    let pace = Self.short(state.pace * 100, places: places)
    let points = Self.short(state.pointsBehind, places: places)
    return LocalizedText(zh: "序时进度 \(pace)%，落后 \(points) 个百分点", en: "pace \(pace)%, \(points) points behind")
  }

  func missing(period: Period, derived: Bool) -> LocalizedText {
    derived
      ? LocalizedText(zh: "缺少计算所需数据，无法计算\(period.zh)数值", en: "no value for \(period): an input is missing")
      : LocalizedText(zh: "未报送\(period.zh)数据", en: "no figure reported for \(period)")
  }

  func late(reportedOn: String?, dueDay: String, asOf: String?) -> LocalizedText {
    if let reportedOn {
      return LocalizedText(
        zh: "\(reportedOn) 报送，晚于截止日 \(dueDay)", en: "reported on \(reportedOn), after the due day \(dueDay)")
    }
    let day = asOf ?? "?"
    return LocalizedText(zh: "截至 \(day) 仍未报送，截止日为 \(dueDay)", en: "not reported by \(day); due by \(dueDay)")
  }

  func ytdFalls(value: Decimal?, previous: Decimal?) -> LocalizedText {
    LocalizedText(
      zh: "累计值 \(figure(value)) 低于上季累计 \(figure(previous))",
      en: "year-to-date \(figure(value)) is below the previous quarter's \(figure(previous))")
  }

  func sumMismatch(city: Decimal?, districts: Decimal?, tolerance: Decimal?) -> LocalizedText {
    let difference = Self.fixed(city.flatMap { city in districts.map { city - $0 } }, places: places)
    let allowed = Self.fixed(tolerance, places: places + 1)
    return LocalizedText(
      zh: "各区县合计 \(figure(districts))，与全市 \(figure(city)) 相差 \(difference)，超过容差 \(allowed)",
      en: "districts add up to \(figure(districts)), not the city's \(figure(city)) "
        + "(difference \(difference), tolerance \(allowed))")
  }

  func outlier(growth: Double, score: Double, acrossDistricts: Bool) -> LocalizedText {
    let zhGrowth = spec.isRate ? "同比变化 \(Self.short(growth)) 个百分点" : "同比增长 \(Self.short(growth * 100))%"
    let enGrowth =
      spec.isRate
      ? "year-on-year change of \(Self.short(growth)) points" : "year-on-year growth \(Self.short(growth * 100))%"
    let z = Self.fixed(score, places: 1)
    let limit = Self.short(settings.outlierThreshold)
    return acrossDistricts
      ? LocalizedText(
        zh: "\(zhGrowth)，在各区县中异常（修正 z 值 \(z)，阈值 \(limit)）",
        en: "\(enGrowth) is an outlier among the districts (modified z-score \(z), threshold \(limit))")
      : LocalizedText(
        zh: "\(zhGrowth)，与本单位以往增速相比异常（修正 z 值 \(z)，阈值 \(limit)）",
        en: "\(enGrowth) is an outlier against this org's own past growth (modified z-score \(z), threshold \(limit))")
  }
}
