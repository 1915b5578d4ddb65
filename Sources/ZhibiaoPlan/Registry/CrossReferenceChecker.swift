/// Checks that every id the configuration refers to exists and fits, and that no id is
/// defined twice. Reports to the log; never stops at the first problem.
struct CrossReferenceChecker {
  let plan: Plan
  let log: DiagnosticLog
  let settings: PlanSettings

  private var orgs: [OrgID: Org] = [:]
  private var indicators: [IndicatorID: Indicator] = [:]
  private(set) var areas: [AreaID: Area] = [:]

  init(plan: Plan, log: DiagnosticLog, settings: PlanSettings) {
    self.plan = plan
    self.log = log
    self.settings = settings
  }

  mutating func checkAll(derivationOwners: [(Derivation, DomainID)]) {
    orgs = unique(plan.orgs, id: \.id, location: \.location, kind: "org")
    indicators = unique(plan.indicators, id: \.id, location: \.location, kind: "indicator")
    areas = unique(plan.domains.flatMap(\.areas), id: \.id, location: \.location, kind: "area")
    _ = unique(plan.tasks, id: \.id, location: \.location, kind: "task")
    _ = unique(plan.goals, id: \.id, location: \.location, kind: "goal group")
    _ = unique(plan.registers, id: \.id, location: \.location, kind: "register")

    checkPlanSettings()
    plan.domains.forEach(check)
    plan.indicators.forEach(check)
    plan.indicators.forEach(checkDecomposition)
    plan.indicators.forEach(checkRegisterCount)
    plan.tasks.forEach(check)
    plan.tasks.forEach(checkMilestones)
    plan.goals.forEach(check)
    check(derivationOwners)
    checkDerivedRatiosAreWeightedByDenominator()
    checkSupportingIndicatorsAreUsed()
  }

  // MARK: - Each concept

  private func checkPlanSettings() {
    let commissionAt = settings.positions["commission"] ?? settings.location
    if let commission = org(settings.commission, at: commissionAt, for: "the plan's commission"),
      commission.kind != .bureau
    {
      log.error(
        "The plan's commission '\(commission.id)' is a \(commission.kind.rawValue.replacingOccurrences(of: "_", with: " ")), not a bureau; the commission (市发改委) runs the assessment and locks the quarters.",
        at: commissionAt)
    }
    let groupAt = settings.positions["leading_group"] ?? settings.location
    if let group = org(settings.leadingGroup, at: groupAt, for: "the plan's leading group"), group.kind != .leadingGroup
    {
      log.error("The plan's leading group '\(group.id)' is not declared 'kind: leading_group'.", at: groupAt)
    }
  }

  private func check(_ domain: Domain) {
    org(domain.lead, at: domain.positions["lead"] ?? domain.location, for: "domain '\(domain.id)'")
    for area in domain.areas {
      if let lead = area.lead {
        org(lead, at: area.positions["lead"] ?? area.location, for: "area '\(area.id)'")
      }
    }
  }

  private func check(_ indicator: Indicator) {
    let context = "indicator '\(indicator.id)'"
    if let owner = org(indicator.owner, at: indicator.position(of: "owner"), for: context) {
      switch owner.kind {
      case .district:
        log.error(
          "The owner of \(context) is the district '\(owner.id)'; the city figure is owned by a bureau.",
          at: indicator.position(of: "owner"))
      case .cooperatingBureau:
        log.error(
          "The owner of \(context) is the co-operating bureau '\(owner.id)', which owns no indicator.",
          at: indicator.position(of: "owner"), hint: "make it 'kind: bureau' if it answers for a city figure")
      case .bureau, .leadingGroup: break
      }
    }
    if let source = indicator.statistics.source {
      let location = indicator.position(of: "statistics.source")
      if let org = org(source, at: location, for: "the statistics of \(context)"), org.kind == .district {
        log.error(
          "The source of \(context) is the district '\(source)'; name the org that produces the city's figure.",
          at: location)
      }
    }
    if let areaID = indicator.area {
      let location = indicator.position(of: "area")
      if let area = areas[areaID] {
        if area.domain != indicator.domain {
          log.error(
            "The \(context) belongs to domain '\(indicator.domain?.rawValue ?? "plan")' but its area '\(areaID)' is in '\(area.domain)'.",
            at: location)
        }
      } else {
        log.error(
          "The \(context) names the unknown area '\(areaID)'.", at: location,
          hint: suggestion(areaID.rawValue, among: areas.keys.map(\.rawValue)))
      }
    }
    if let weight = indicator.weight {
      if weight == indicator.id {
        log.error("The \(context) cannot be weighted by itself.", at: indicator.position(of: "weight"))
      } else {
        self.indicator(weight, at: indicator.position(of: "weight"), for: "the weight of \(context)")
      }
    }
    for (index, district) in (indicator.eligible ?? []).enumerated() {
      let location = indicator.position(of: "eligible[\(index)]")
      if let org = org(district, at: location, for: "the eligible districts of \(context)"), org.kind != .district {
        log.error(
          "'\(district)' is listed as an eligible district of \(context) but is a \(org.kind.rawValue).", at: location)
      }
    }
    for target in indicator.targets {
      let location = indicator.position(of: "targets.\(target.year)")
      if !plan.years.contains(target.year) {
        log.error(
          "The target year \(target.year) of \(context) is outside the plan's years \(plan.baseYear + 1)–\(plan.targetYear).",
          at: location)
      }
      if let partnerID = target.partner {
        let partnerLocation = indicator.position(of: "targets.\(target.year).with")
        if partnerID == indicator.id {
          log.error("The \(context) cannot be level with itself.", at: partnerLocation)
        } else if let partner = self.indicator(partnerID, at: partnerLocation, for: "the parity of \(context)") {
          if partner.unit != indicator.unit {
            log.error(
              "The \(context) (\(indicator.unit ?? "no unit")) cannot be level with '\(partnerID)' (\(partner.unit ?? "no unit")).",
              at: partnerLocation)
          }
          if let cycle = parityCycle(from: indicator.id) {
            log.error(
              "The parity targets of \(context) go round in a circle (\(cycle.map(\.rawValue).joined(separator: " → "))): one of them must have a target of its own.",
              at: partnerLocation)
          }
        }
      }
    }
    if indicator.isTarget, indicator.quotes.isEmpty {
      log.warning(
        "The \(context) quotes no words of the plan ('quotes').", at: indicator.location,
        hint: "copy the sentence that sets the target, so it can be checked against the plan")
    }
  }

  private func check(_ goal: GoalGroup) {
    for (index, indicatorID) in goal.indicators.enumerated() {
      let location = goal.positions["indicators[\(index)]"] ?? goal.location
      if let indicator = indicator(indicatorID, at: location, for: "goal group '\(goal.id)'"), !indicator.isTarget {
        log.warning(
          "The goal group '\(goal.id)' lists '\(indicatorID)', which has no target.", at: location)
      }
    }
  }

  private func check(_ derivations: [(Derivation, DomainID)]) {
    var seen: [IndicatorID: SourceLocation] = [:]
    for (derivation, domain) in derivations {
      let context = "the derivation of '\(derivation.indicator)'"
      if let first = seen[derivation.indicator] {
        log.error(
          "Two derivations compute '\(derivation.indicator)'; the first is at \(first).", at: derivation.location)
      }
      seen[derivation.indicator] = derivation.location
      if let target = indicator(derivation.indicator, at: derivation.location, for: context),
        target.domain != domain
      {
        log.error(
          "The '\(domain)' module derives '\(derivation.indicator)', which belongs to '\(target.domain?.rawValue ?? "the plan")'.",
          at: derivation.location)
      }
      for input in derivation.inputs {
        indicator(input, at: derivation.location, for: context)
      }
    }
  }

  /// A supporting indicator (no target) that nothing weighs by, is level with, or derives
  /// from is dead configuration.
  private func checkSupportingIndicatorsAreUsed() {
    var used = Set(plan.indicators.compactMap(\.weight))
    used.formUnion(plan.indicators.flatMap { $0.targets.compactMap(\.partner) })
    used.formUnion(plan.derivations.flatMap { $0.inputs + [$0.indicator] })
    used.formUnion(plan.tasks.flatMap(\.indicators))
    for indicator in plan.indicators where !indicator.isTarget && !used.contains(indicator.id) {
      log.warning(
        "The indicator '\(indicator.id)' has no target and nothing is computed from it.",
        at: indicator.location, hint: "give it a target or remove it")
    }
  }

  // MARK: - Look-ups that report

  @discardableResult
  /// The indicators a chain of parity targets from `start` runs through when it comes back to
  /// `start`; nil when it ends at an indicator with a target of its own (or none).
  func parityCycle(from start: IndicatorID) -> [IndicatorID]? {
    var chain = [start]
    var current = start
    while let next = indicators[current]?.targets.first(where: { $0.comparator == .parity })?.partner {
      if next == start { return chain + [start] }
      if chain.contains(next) { return nil }
      chain.append(next)
      current = next
    }
    return nil
  }

  func org(_ id: OrgID, at location: SourceLocation, for context: String) -> Org? {
    if let org = orgs[id] { return org }
    log.error(
      "Unknown org '\(id)' in \(context).", at: location,
      hint: suggestion(id.rawValue, among: orgs.keys.map(\.rawValue)))
    return nil
  }

  @discardableResult
  func indicator(_ id: IndicatorID, at location: SourceLocation, for context: String) -> Indicator? {
    if let indicator = indicators[id] { return indicator }
    log.error(
      "Unknown indicator '\(id)' in \(context).", at: location,
      hint: suggestion(id.rawValue, among: indicators.keys.map(\.rawValue)))
    return nil
  }

  func suggestion(_ word: String, among candidates: [String]) -> String? {
    Suggestion.hint(for: word, among: candidates.sorted())
  }

  /// Indexes items by id, reporting every id defined more than once.
  private func unique<Item, ID: Hashable & CustomStringConvertible>(
    _ items: [Item], id: (Item) -> ID, location: (Item) -> SourceLocation, kind: String
  ) -> [ID: Item] {
    var index: [ID: Item] = [:]
    for item in items {
      if let first = index[id(item)] {
        log.error(
          "The \(kind) id '\(id(item))' is defined twice; it was first defined at \(location(first)).",
          at: location(item))
      } else {
        index[id(item)] = item
      }
    }
    return index
  }
}
