import Foundation

/// An assessment scheme compiled against the layout of an `AssessmentGrid`: every org assessed
/// resolved to its column, every item to its indicator's position, every weight worked out once
/// (items that do not apply shared out, a bureau's equal shares of what it owns), and each item's
/// rule turned into fixed-point parameters. What `Assessor` scores in a tight loop.
///
/// A line is one item for one org: its org (by slot), the grid cell its figure is read from, its
/// rule and its weight. Lines of the common items come item by item, so that a pass reads the
/// grid's cells in order; a bureau's owned indicators follow.
public struct CompiledScheme: Sendable {
  /// Why a scheme cannot be compiled.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// A number of the scheme or the events has more decimals than the dense assessment keeps.
    case tooPrecise(String)

    /// The failure in one sentence.
    public var description: String {
      switch self {
      case .tooPrecise(let what):
        "The \(what) has more than four decimals or is too large; the dense assessment works in"
          + " ten-thousandths of a point below 10⁹, so state it to at most four decimals."
      }
    }
  }

  /// What the assessment needs of an indicator.
  struct IndicatorFacts {
    var id: IndicatorID
    var kind: Indicator.Kind
    var direction: Indicator.Direction
    var precision: Decimal?
    var owner: OrgID
    var eligible: Set<OrgID>?
    var isTarget: Bool
  }

  /// A section: its orgs' slots, its grade bands and its quotas.
  struct Section: Sendable {
    var section: AssessmentSection
    var slots: Range<Int>
    /// Each band's lower bound (×10⁴).
    var from: [Int64]
    /// Each band's quota limit among the section's orgs, if it has one.
    var limits: [Int?]
    /// The band a veto caps the grade at, or −1.
    var vetoBand: Int
  }

  /// The scheme.
  public let scheme: AssessmentScheme
  /// The grid's layout.
  let orgCount: Int
  let cellCount: Int
  let sections: [Section]
  /// Every org assessed, section by section in the scheme's order, orgs in the plan's order.
  let slotOrgs: [Org]
  let slotSection: [Int]
  /// The place of each slot's org id in alphabetical order, the last tie-break.
  let idRank: ContiguousArray<Int32>
  let rules: ContiguousArray<LineRule>
  /// Each rule on decimals, for the lines fixed point cannot tell.
  let decimalRules: ContiguousArray<DecimalRule>
  /// The item id of each rule (the item's, or an owned indicator's).
  let ruleItems: [String]
  let lineSlot: ContiguousArray<Int32>
  /// The cell `indicator × orgs + org` a line's figure is read from; −1 when it has none.
  let lineCell: ContiguousArray<Int32>
  let lineRule: ContiguousArray<Int32>
  /// Weights in ten-thousandths of a point.
  let lineWeight: ContiguousArray<Int64>
  /// The lines of each cell: `cellLines[cellStart[c]..<cellStart[c + 1]]`.
  let cellStart: ContiguousArray<Int32>
  let cellLines: ContiguousArray<Int32>

  /// The number of lines (items × orgs that apply).
  public var lineCount: Int { lineSlot.count }

  /// Compiles `scheme` for the orgs and indicators of `plan`, over `grid`'s layout.
  public init(scheme: AssessmentScheme, plan: Plan, grid: AssessmentGrid) throws(Failure) {
    let facts = plan.indicators.map { indicator in
      IndicatorFacts(
        id: indicator.id, kind: indicator.kind, direction: indicator.direction, precision: indicator.precision,
        owner: indicator.owner, eligible: indicator.eligible.map(Set.init), isTarget: indicator.isTarget)
    }
    try self.init(scheme: scheme, orgs: plan.orgs, indicators: facts, grid: grid)
  }

  /// Compiles `scheme` for generated grids that have no plan: the indicators are the monitoring
  /// targets' (each owned by the org of its city column, every district eligible), the orgs are
  /// `orgs`.
  public init(scheme: AssessmentScheme, orgs: [Org], targets: MonitoringTargets, grid: AssessmentGrid) throws(Failure) {
    let facts = targets.indicators.map { spec in
      IndicatorFacts(
        id: spec.id, kind: spec.kind, direction: spec.direction,
        precision: Decimal(string: "\(spec.precision)", locale: nil), owner: targets.orgs[spec.city],
        eligible: nil, isTarget: spec.comparator != nil || spec.kind == .qualitative)
    }
    try self.init(scheme: scheme, orgs: orgs, indicators: facts, grid: grid)
  }

  init(scheme: AssessmentScheme, orgs: [Org], indicators facts: [IndicatorFacts], grid: AssessmentGrid) throws(Failure)
  {
    self.scheme = scheme
    orgCount = grid.orgs.count
    cellCount = grid.indicators.count * grid.orgs.count
    let column = Dictionary(grid.orgs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let position = Dictionary(
      grid.indicators.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let factIndex = Dictionary(facts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

    var sections: [Section] = []
    var slotOrgs: [Org] = []
    var slotSection: [Int] = []
    var rules = ContiguousArray<LineRule>()
    var decimalRules = ContiguousArray<DecimalRule>()
    var ruleItems: [String] = []
    var lineSlot = ContiguousArray<Int32>()
    var lineCell = ContiguousArray<Int32>()
    var lineRule = ContiguousArray<Int32>()
    var lineWeight = ContiguousArray<Int64>()

    func compile(_ rule: ScoringRule, _ fact: IndicatorFacts?, headline: Bool, item: String) throws(Failure) -> Int {
      guard
        let compiled = LineRule(
          rule, direction: fact?.direction ?? .higher, precision: fact?.precision, headline: headline)
      else { throw .tooPrecise("rule of item '\(item)' (\(rule.id))") }
      rules.append(compiled)
      decimalRules.append(
        DecimalRule(rule: rule, direction: fact?.direction ?? .higher, precision: fact?.precision))
      ruleItems.append(item)
      return rules.count - 1
    }

    for (sectionIndex, section) in scheme.sections.enumerated() {
      let sectionOrgs = orgs.filter { $0.kind == section.orgKind }
      let first = slotOrgs.count
      slotOrgs += sectionOrgs
      slotSection += sectionOrgs.map { _ in sectionIndex }

      // The common items' rules, and the owned indicators' (one rule each, made when first owned).
      var itemRules: [Int] = []
      var itemFacts: [IndicatorFacts?] = []
      for item in section.items {
        guard FixedPoint.tenThousandths(item.weight) != nil else {
          throw .tooPrecise("weight \(item.weight) of item '\(item.id)'")
        }
        let fact = item.indicator.flatMap { factIndex[$0] }.map { facts[$0] }
        itemFacts.append(fact)
        itemRules.append(try compile(item.rule, fact, headline: item.headline, item: item.id))
      }
      var ownedRules: [Int: Int] = [:]

      // Each org's lines, as `SectionAssessment.lines(for:)` works them out; districts that share
      // the same items that do not apply share the result.
      var cache: [[Int]: [Line]] = [:]
      var orgLines: [[Line]] = []
      for org in sectionOrgs {
        var lines = section.items.indices.map { k -> Line in
          let eligible = org.kind != .district || itemFacts[k]?.eligible.map { $0.contains(org.id) } ?? true
          let indicator = itemFacts[k].flatMap { position[$0.id] } ?? -1
          return Line(rule: itemRules[k], indicator: indicator, weight: section.items[k].weight, applicable: eligible)
        }
        var owned: [Int] = []
        if let ownedScheme = section.owned {
          owned = facts.indices.filter { f in
            facts[f].owner == org.id && facts[f].isTarget && !ownedScheme.exclude.contains(facts[f].id)
              && ownedScheme.rules[facts[f].kind] != nil
          }
        }
        let key = owned.isEmpty ? lines.indices.filter { !lines[$0].applicable } : []
        if owned.isEmpty, let cached = cache[key] {
          orgLines.append(cached)
          continue
        }
        if let ownedScheme = section.owned, !owned.isEmpty {
          guard FixedPoint.tenThousandths(ownedScheme.points) != nil else {
            throw .tooPrecise("owned indicators' points \(ownedScheme.points)")
          }
          let shares = SectionAssessment.shares(of: ownedScheme.points, in: owned.map { _ in 1 })
          for (f, share) in zip(owned, shares) {
            let rule: Int
            if let known = ownedRules[f] {
              rule = known
            } else {
              rule = try compile(
                ownedScheme.rules[facts[f].kind]!, facts[f], headline: false, item: facts[f].id.rawValue)
              ownedRules[f] = rule
            }
            lines.append(Line(rule: rule, indicator: position[facts[f].id] ?? -1, weight: share, applicable: true))
          }
        }
        let applicableWeight = AssessmentMath.sum(lines.filter(\.applicable).map(\.weight))
        if applicableWeight > 0, applicableWeight != section.basicPoints {
          let applicable = lines.indices.filter { lines[$0].applicable }
          let shares = SectionAssessment.shares(of: section.basicPoints, in: applicable.map { lines[$0].weight })
          for (index, share) in zip(applicable, shares) { lines[index].weight = share }
        }
        for index in lines.indices { lines[index].units = FixedPoint.tenThousandths(lines[index].weight) ?? 0 }
        if owned.isEmpty { cache[key] = lines }
        orgLines.append(lines)
      }

      // Lines of the common items item by item, then the owned indicators org by org.
      func emit(_ line: Line, slot: Int, org: Org) {
        let cell: Int
        if line.indicator >= 0, org.kind == .district {
          cell = column[org.id].map { line.indicator * grid.orgs.count + $0 } ?? -1
        } else if line.indicator >= 0 {
          cell = line.indicator * grid.orgs.count + grid.city[line.indicator]
        } else {
          cell = -1
        }
        lineSlot.append(Int32(slot))
        lineCell.append(Int32(cell))
        lineRule.append(Int32(line.rule))
        lineWeight.append(line.units)
      }
      for k in section.items.indices {
        for (j, org) in sectionOrgs.enumerated() where orgLines[j][k].applicable {
          emit(orgLines[j][k], slot: first + j, org: org)
        }
      }
      for (j, org) in sectionOrgs.enumerated() {
        for line in orgLines[j].dropFirst(section.items.count) { emit(line, slot: first + j, org: org) }
      }

      var from: [Int64] = []
      for grade in section.grades {
        guard let value = FixedPoint.tenThousandths(grade.from) else {
          throw .tooPrecise("lower bound \(grade.from) of grade '\(grade.id)'")
        }
        from.append(value)
      }
      sections.append(
        Section(
          section: section, slots: first..<slotOrgs.count, from: from,
          limits: section.grades.map { $0.limit(among: sectionOrgs.count) },
          vetoBand: section.veto.flatMap { veto in section.grades.firstIndex { $0.id == veto.maxGrade } } ?? -1))
    }

    // The cells' lines, by counting.
    var cellStart = ContiguousArray<Int32>(repeating: 0, count: cellCount + 1)
    for cell in lineCell where cell >= 0 { cellStart[Int(cell) + 1] += 1 }
    for c in 0..<cellCount { cellStart[c + 1] += cellStart[c] }
    var next = cellStart
    var cellLines = ContiguousArray<Int32>(repeating: 0, count: Int(cellStart[cellCount]))
    for (line, cell) in lineCell.enumerated() where cell >= 0 {
      cellLines[Int(next[Int(cell)])] = Int32(line)
      next[Int(cell)] += 1
    }

    let byID = slotOrgs.indices.sorted { slotOrgs[$0].id < slotOrgs[$1].id }
    var idRank = ContiguousArray<Int32>(repeating: 0, count: slotOrgs.count)
    for (place, slot) in byID.enumerated() { idRank[slot] = Int32(place) }

    self.sections = sections
    self.slotOrgs = slotOrgs
    self.slotSection = slotSection
    self.idRank = idRank
    self.rules = rules
    self.decimalRules = decimalRules
    self.ruleItems = ruleItems
    self.lineSlot = lineSlot
    self.lineCell = lineCell
    self.lineRule = lineRule
    self.lineWeight = lineWeight
    self.cellStart = cellStart
    self.cellLines = cellLines
  }

  /// One item as an org is scored on it, while compiling.
  struct Line {
    var rule: Int
    var indicator: Int
    var weight: Decimal
    var applicable: Bool
    /// The weight in ten-thousandths, once worked out.
    var units: Int64 = 0
  }
}
