import Foundation
import ZhibiaoPlan
import ZhibiaoScoring

extension AssessmentScheme {
  /// Assesses every org of every kind the scheme has a section for. Pure: the same plan,
  /// scheme and inputs always give the same result.
  ///
  /// For each org: each item is scored by its rule; 基本分 is the sum of the items' points;
  /// 实得分 = 基本分 + min(加分, cap) − min(扣分, cap), each category of events first held to
  /// its own cap. Orgs are ranked by 实得分, ties settled by the section's `tieBreak`. The
  /// grade is the band the total falls in, capped by a veto, then held to the quotas: in rank
  /// order, the orgs of a band beyond ⌊quota × orgs assessed⌋ drop to the next band, where
  /// they count against its quota in turn.
  ///
  /// The numbers, ranks and grades are the dense engine's (`Assessor`), on the figures as given;
  /// each scorecard then explains them.
  public func assess(_ inputs: AssessmentInputs, plan: Plan) -> AssessmentResult {
    let indicators = AssessedIndicators(plan: plan)
    let grid = self.grid(inputs, plan: plan)
    let engine: Assessor
    do {
      engine = try Assessor(
        compiled: CompiledScheme(scheme: self, orgs: plan.orgs, indicators: indicators, grid: grid), grid: grid)
    } catch {
      // The decoders refuse every number stated to more than four decimals.
      preconditionFailure("\(error)")
    }
    return AssessmentResult(
      year: inputs.year,
      sections: sections.indices.map { index in
        SectionAssessment(scheme: self, section: sections[index], plan: plan, inputs: inputs, indicators: indicators)
          .run(engine, section: index)
      })
  }

  /// The figures of `inputs` laid out for the engine: each district's own, and each indicator's
  /// city figure in the column of its owner, which every non-district org is scored on — a figure
  /// not reported as the scheme's `missing:` rule scores it (`AssessmentFigure.scored(under:)`).
  public func grid(_ inputs: AssessmentInputs, plan: Plan) -> AssessmentGrid {
    let orgs = plan.orgs.map(\.id)
    let column = Dictionary(orgs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let row = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var grid = AssessmentGrid(
      year: inputs.year, indicators: plan.indicators.map(\.id), orgs: orgs,
      city: plan.indicators.map { column[$0.owner] ?? 0 }, events: inputs.events)
    for org in plan.orgs where org.kind == .district {
      guard let o = column[org.id] else { continue }
      for (indicator, figure) in inputs.orgFigures[org.id] ?? [:] {
        if let i = row[indicator] { grid.set(indicator: i, org: o, figure: figure.scored(under: missing)) }
      }
    }
    for (indicator, figure) in inputs.cityFigures {
      guard let i = row[indicator] else { continue }
      grid.set(indicator: i, org: grid.city[i], figure: figure.scored(under: missing))
    }
    return grid
  }

  /// The indicators left out for the org whose figures (in a cell of `figures`) were not
  /// reported, each with why — under `missing: reweight` only; none under the other rules.
  func excluded(_ figures: [IndicatorID: AssessmentFigure]?) -> [IndicatorID: LocalizedText] {
    guard missing == .reweight, let figures else { return [:] }
    var excluded: [IndicatorID: LocalizedText] = [:]
    for (indicator, figure) in figures where figure.actual == nil {
      guard let note = figure.missing else { continue }
      excluded[indicator] = AssessmentText.text(
        "\(note.reason.zh)，按方案不计此项，其权重按比例分摊到其他项目",
        "\(note.reason.en); the scheme leaves the item out and shares its weight among the other items")
    }
    return excluded
  }
}

/// The assessment of one section.
struct SectionAssessment {
  let scheme: AssessmentScheme
  let section: AssessmentSection
  let plan: Plan
  let inputs: AssessmentInputs
  /// The plan's indicators as the assessment reads them.
  let indicators: AssessedIndicators
  /// For the city's view: items that are not indicators (graded tasks) do not apply.
  var indicatorsOnly = false

  init(scheme: AssessmentScheme, section: AssessmentSection, plan: Plan, inputs: AssessmentInputs) {
    self.init(scheme: scheme, section: section, plan: plan, inputs: inputs, indicators: AssessedIndicators(plan: plan))
  }

  init(
    scheme: AssessmentScheme, section: AssessmentSection, plan: Plan, inputs: AssessmentInputs,
    indicators: AssessedIndicators
  ) {
    self.scheme = scheme
    self.section = section
    self.plan = plan
    self.inputs = inputs
    self.indicators = indicators
  }

  /// The section's result as `engine` computed it — totals, ranks and grades — with every
  /// scorecard explained: each item's figures and rule, the weights, the adjustments, how ties were
  /// settled and how the grade came about.
  func run(_ engine: Assessor, section index: Int) -> AssessmentResult.Section {
    let layout = engine.compiled.sections[index]
    let grades = section.grades
    let count = layout.slots.count
    let drops = engine.quotaDrops(index)
    var cards: [Scorecard] = []
    var notes = standingNotes(count: count)
    for position in layout.slots {
      let slot = Int(engine.order[position])
      var card = scorecard(slot: slot, engine: engine)
      card.rank = cards.count + 1
      card.previousRank = inputs.previousRanks[card.org]
      if let above = cards.last, let note = tieNote(above, card) {
        card.rankNote = note
        notes.append(note)
      }
      if !grades.isEmpty {
        var steps = [bandStep(card, band: Int(engine.band[slot]))]
        if layout.vetoBand >= 0, !card.vetoes.isEmpty {
          let reasons = card.vetoes.map(\.reason).joined(separator: "；")
          steps.append(.veto(reasons: reasons, grade: grades[layout.vetoBand].name))
        }
        for drop in drops[slot] ?? [] {
          steps.append(
            .quota(
              from: grades[drop.band].name, to: grades[drop.band + 1].name,
              formula: quotaFormula(grades[drop.band], count: count), place: drop.place + 1))
        }
        card.grade = grades[Int(engine.grade[slot])]
        card.gradeSteps = steps + [.final(card.grade.name)]
      }
      cards.append(card)
    }
    let quotas = grades.compactMap { grade -> AssessmentResult.Quota? in
      guard let limit = grade.limit(among: count), grade.quota != nil else { return nil }
      return AssessmentResult.Quota(grade: grade.id, limit: limit, formula: quotaFormula(grade, count: count))
    }
    return AssessmentResult.Section(orgKind: section.orgKind, scorecards: cards, quotas: quotas, notes: notes)
  }

  /// ⌊orgs × quota⌋ = limit, for a grade with a quota.
  func quotaFormula(_ grade: AssessmentGrade, count: Int) -> String {
    "⌊\(count) × \(AssessmentText.percentParameter(grade.quota ?? 0))⌋ = \(grade.limit(among: count) ?? 0)"
  }

  // MARK: - One org

  func lines(for org: Org) -> [AssessmentLine] {
    let figures = org.kind == .district ? inputs.orgFigures[org.id] : inputs.cityFigures
    return section.lines(
      for: org, indicators: indicators, indicatorsOnly: indicatorsOnly, excluded: scheme.excluded(figures),
      inapplicable: inputs.events.inapplicable[org.id] ?? [:])
  }

  /// The scorecard of `slot` with the engine's points, totals and band; rank and grade are set by
  /// `run`.
  func scorecard(slot: Int, engine: Assessor) -> Scorecard {
    let org = engine.compiled.slotOrgs[slot]
    var lines = engine.compiled.lines(ofSlot: slot).makeIterator()
    let items = self.lines(for: org).map { line -> ScoredItem in
      var item = score(line, org: org)
      if line.applicable, let l = lines.next() { item.points = RuleUnits.points(engine.points[Int(l)]) }
      return item
    }
    let grades = section.grades
    return card(
      org, items: items, basic: RuleUnits.points(engine.basic[slot]),
      headline: RuleUnits.points(engine.headline[slot]),
      scoreGrade: grades.isEmpty ? nil : grades[Int(engine.band[slot])])
  }

  /// The scorecard of `org` alone, scored item by item without ranking: the city's view.
  func scorecard(_ org: Org) -> Scorecard {
    let items = lines(for: org).map { score($0, org: org) }
    let basic = AssessmentMath.sum(items.map(\.points))
    let headline = AssessmentMath.sum(items.filter(\.headline).map(\.points))
    return card(org, items: items, basic: basic, headline: headline, scoreGrade: nil)
  }

  /// A scorecard of `items` with its adjustments and total.
  private func card(
    _ org: Org, items: [ScoredItem], basic: Decimal, headline: Decimal, scoreGrade: AssessmentGrade?
  ) -> Scorecard {
    let bonus = Self.adjustment(
      inputs.events.bonuses.filter { $0.org == org.id }, policy: section.bonus, what: ("加分", "bonus"))
    let deduction = Self.adjustment(
      inputs.events.deductions.filter { $0.org == org.id }, policy: section.deduction, what: ("扣分", "deduction"))
    let total = basic + bonus.counted - deduction.counted
    let placeholder = section.grades.last ?? AssessmentGrade(id: "", name: LocalizedText(zh: "", en: ""), from: 0)
    return Scorecard(
      org: org.id, orgName: org.name, orgKind: org.kind, items: items, basic: basic, headlinePoints: headline,
      bonus: bonus, deduction: deduction, vetoes: inputs.events.vetoes.filter { $0.org == org.id }, total: total,
      scoreGrade: scoreGrade ?? (section.grades.isEmpty ? placeholder : section.grades[section.band(for: total)]),
      grade: placeholder, gradeSteps: [], rank: 0, rankNote: nil, previousRank: nil)
  }

  func score(_ line: AssessmentLine, org: Org) -> ScoredItem {
    let item = line.item
    let ruleDescription = item.rule.description
    var figure = RuleFigure(actual: nil, target: nil, direction: .higher, precision: nil)
    var scored = ScoredItem(
      id: item.id, indicator: item.indicator, name: item.name, rule: ruleDescription.id,
      ruleName: ruleDescription.name, weight: line.weight, schemeWeight: item.weight, actual: nil, target: nil,
      completion: nil, gap: nil, grade: nil, points: 0, headline: item.headline, status: .notApplicable,
      scoringRule: item.rule, weightNotes: line.weightNotes, figure: figure, gradeGiven: nil,
      fixedExplanation: line.notApplicable ?? AssessmentSection.notEligible)
    var missing: MissingFigure?
    if let indicator = line.indicator, let given = inputs.figure(for: org, indicator: indicator.id),
      given.actual == nil, let note = given.missing
    {
      missing = note
      scored.missing = note
      scored.missingRule = scheme.missing
    }
    guard line.applicable else {
      if missing != nil, scheme.missing == .reweight, line.notApplicable != nil { scored.status = .excluded }
      return scored
    }
    if let indicator = line.indicator {
      let given = inputs.figure(for: org, indicator: indicator.id)?.scored(under: scheme.missing)
      figure = RuleFigure(
        actual: given?.actual, target: given?.target, direction: indicator.direction, precision: indicator.precision)
    }
    let gradeID = inputs.events.grades[org.id]?[item.id]
    let grade = gradeID.flatMap { AssessmentTaskGrade.find($0, in: scheme.taskGrades) }
    let outcome = item.rule.score(figure, grade: grade, weight: line.weight, explain: false)
    scored.figure = figure
    scored.gradeGiven = grade
    scored.actual = figure.actual
    scored.target = figure.target
    scored.completion = outcome.completion
    scored.gap = outcome.gap
    scored.grade = grade?.id
    scored.points = outcome.points
    scored.status = outcome.status
    // Texts that need no numbers (missing data, no grade) are kept as they are.
    scored.fixedExplanation = outcome.status == .missing ? outcome.explanation : nil
    if missing != nil {
      if outcome.status == .scored { scored.status = .provisional }
      // A figure not reported scores 0 under `zero` (or `last_quarter` with nothing reported) for that reason.
      if outcome.status == .missing, figure.actual == nil { scored.fixedExplanation = scored.missingNote }
    }
    return scored
  }

  /// Bonus or deduction events counted under `policy`: each category held to its cap, then the
  /// whole to the policy's cap.
  static func adjustment(
    _ events: [AssessmentEvents.Adjustment], policy: AssessmentAdjustmentPolicy?, what: (zh: String, en: String)
  ) -> AssessmentAdjustmentTotal {
    guard !events.isEmpty else {
      return AssessmentAdjustmentTotal(
        lines: [], uncapped: 0, counted: 0, cap: policy?.cap,
        explanation: AssessmentText.text("\(what.zh)：无", "\(what.en): none"))
    }
    var categories: [String?] = []
    for event in events where !categories.contains(event.category) { categories.append(event.category) }
    var uncapped: Decimal = 0
    var parts: [(zh: String, en: String)] = []
    for category in categories {
      let points = events.filter { $0.category == category }.map(\.points)
      let sum = points.reduce(Decimal(0), +)
      let terms = points.map(AssessmentText.plain).joined(separator: " + ")
      let info = category.flatMap { policy?.category($0) }
      let name = info?.name ?? AssessmentText.text("其他", "other")
      if let cap = info?.cap, sum > cap {
        uncapped += cap
        parts.append(
          (
            "\(name.zh) min(\(terms), 上限 \(AssessmentText.plain(cap))) = \(AssessmentText.plain(cap))",
            "\(name.en) min(\(terms), cap \(AssessmentText.plain(cap))) = \(AssessmentText.plain(cap))"
          ))
      } else {
        uncapped += sum
        let shown = points.count > 1 ? "\(terms) = \(AssessmentText.plain(sum))" : terms
        parts.append(("\(name.zh) \(shown)", "\(name.en) \(shown)"))
      }
    }
    let cap = policy?.cap ?? 0
    let counted = AssessmentText.min(uncapped, cap)
    let c = AssessmentText.pointsText(counted)
    let u = AssessmentText.plain(uncapped)
    let k = AssessmentText.plain(cap)
    return AssessmentAdjustmentTotal(
      lines: events, uncapped: uncapped, counted: counted, cap: policy?.cap,
      explanation: AssessmentText.text(
        "\(what.zh)：\(parts.map(\.zh).joined(separator: "；"))；计入 min(\(u), 上限 \(k)) = \(c)",
        "\(what.en): \(parts.map(\.en).joined(separator: "; ")); counted min(\(u), cap \(k)) = \(c)"))
  }

  // MARK: - Ranks and grades

  /// How a tie between `above` and `below` was settled, if their totals are equal.
  func tieNote(_ above: Scorecard, _ below: Scorecard) -> LocalizedText? {
    guard above.total == below.total else { return nil }
    let t = AssessmentText.pointsText(above.total)
    let head = (
      zh: "\(above.orgName.zh)与\(below.orgName.zh)实得分同为 \(t)",
      en: "\(above.orgName.en) and \(below.orgName.en) both total \(t)"
    )
    for criterion in section.tieBreak {
      switch criterion {
      case .headline where above.headlinePoints != below.headlinePoints:
        let (x, y) = (AssessmentText.pointsText(above.headlinePoints), AssessmentText.pointsText(below.headlinePoints))
        return AssessmentText.text(
          "\(head.zh)，按重点指标得分（\(x) > \(y)）排序", "\(head.en); ordered by points on the headline items (\(x) > \(y))")
      case .basic where above.basic != below.basic:
        let (x, y) = (AssessmentText.pointsText(above.basic), AssessmentText.pointsText(below.basic))
        return AssessmentText.text("\(head.zh)，按基本分（\(x) > \(y)）排序", "\(head.en); ordered by basic score (\(x) > \(y))")
      case .id:
        return AssessmentText.text(
          "\(head.zh)，其余比较项也相同，按 id 字母顺序（\(above.org) 在 \(below.org) 之前）排序",
          "\(head.en) and tie on every other criterion; ordered by id (\(above.org) before \(below.org))")
      default: continue
      }
    }
    return nil
  }

  func bandStep(_ card: Scorecard, band: Int) -> GradeStep {
    let grade = section.grades[band]
    return .band(
      total: card.total, grade: grade, upper: band > 0 ? section.grades[band - 1].from : nil,
      below: card.total < grade.from)
  }

  /// The notes every section result carries: the tie-break and why, and the quota rule.
  func standingNotes(count: Int) -> [LocalizedText] {
    let order = section.tieBreak.map(\.text)
    var notes = [
      AssessmentText.text(
        "排名按实得分从高到低；同分时依次比较：" + order.map(\.zh).joined(separator: "；")
          + "。重点指标衡量方案的总体目标，故先比较；加分、扣分属酌定事项，不用于决定同分次序；id 字母顺序只作最后的稳定次序，与表现无关。",
        "Ranked by total, highest first; ties are settled by " + order.map(\.en).joined(separator: ", then ")
          + ". Headline items measure the plan's overall goal, so they come first; bonuses and deductions are "
          + "discretionary and settle no tie; the id order is only a stable last resort, unrelated to performance.")
    ]
    for grade in section.grades {
      guard let quota = grade.quota, let limit = grade.limit(among: count) else { continue }
      let q = AssessmentText.percentParameter(quota)
      notes.append(
        AssessmentText.text(
          "\(grade.name.zh)不超过参评单位的 \(q)，向下取整：⌊\(count) × \(q)⌋ = \(limit) 个；超出名额者按排名顺序降为下一等次"
            + "（下一等次如有名额，同样计入）；被一票否决者先按否决封顶，再计名额。",
          "\(grade.name.en) is held to \(q) of the orgs assessed, rounded down: ⌊\(count) × \(q)⌋ = \(limit); "
            + "orgs beyond it, in rank order, drop to the next grade (and count against its quota, if any); "
            + "a veto caps the grade before quotas are applied."))
    }
    return notes
  }
}
