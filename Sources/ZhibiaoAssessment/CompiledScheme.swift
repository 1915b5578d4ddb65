import Foundation
import ZhibiaoMonitoring
import ZhibiaoPlan
import ZhibiaoScoring

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
  /// The orgs and indicators it was compiled for, to compile it again when the items an org is
  /// scored on change (a figure not reported under `missing: reweight`).
  let orgs: [Org]
  let indicators: AssessedIndicators
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
  /// The lines of each slot: `slotLines[slotStart[s]..<slotStart[s + 1]]`, in line order.
  let slotStart: ContiguousArray<Int32>
  let slotLines: ContiguousArray<Int32>

  /// The number of lines (items × orgs that apply).
  public var lineCount: Int { lineSlot.count }

  /// Compiles `scheme` for the orgs and indicators of `plan`, over `grid`'s layout.
  public init(scheme: AssessmentScheme, plan: Plan, grid: AssessmentGrid) throws(Failure) {
    try self.init(scheme: scheme, orgs: plan.orgs, indicators: AssessedIndicators(plan: plan), grid: grid)
  }

  /// Compiles `scheme` for generated grids that have no plan: the indicators are the monitoring
  /// targets' (each owned by the org of its city column, every district eligible), the orgs are
  /// `orgs`.
  public init(scheme: AssessmentScheme, orgs: [Org], targets: MonitoringTargets, grid: AssessmentGrid) throws(Failure) {
    let indicators = targets.indicators.map { spec in
      AssessedIndicator(
        id: spec.id, name: LocalizedText(zh: spec.id.rawValue, en: spec.id.rawValue), kind: spec.kind,
        direction: spec.direction, precision: Decimal(string: "\(spec.precision)", locale: nil),
        owner: targets.orgs[spec.city], eligible: nil, isTarget: spec.comparator != nil || spec.kind == .qualitative)
    }
    try self.init(scheme: scheme, orgs: orgs, indicators: AssessedIndicators(indicators), grid: grid)
  }

  init(scheme: AssessmentScheme, orgs: [Org], indicators: AssessedIndicators, grid: AssessmentGrid) throws(Failure) {
    self.scheme = scheme
    self.orgs = orgs
    self.indicators = indicators
    orgCount = grid.orgs.count
    cellCount = grid.indicators.count * grid.orgs.count
    let column = Dictionary(grid.orgs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let position = Dictionary(
      grid.indicators.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

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

    func compile(_ rule: ScoringRule, _ fact: AssessedIndicator?, headline: Bool, item: String) throws(Failure) -> Int {
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
      for item in section.items {
        guard FixedPoint.tenThousandths(item.weight) != nil else {
          throw .tooPrecise("weight \(item.weight) of item '\(item.id)'")
        }
        let fact = item.indicator.flatMap { indicators[$0] }
        itemRules.append(try compile(item.rule, fact, headline: item.headline, item: item.id))
      }
      if let owned = section.owned, FixedPoint.tenThousandths(owned.points) == nil {
        throw .tooPrecise("owned indicators' points \(owned.points)")
      }
      var ownedRules: [Int: Int] = [:]

      // Each org's lines, weighed by `AssessmentSection.lines(for:indicators:)`.
      var orgLines: [[Line]] = []
      for org in sectionOrgs {
        var lines: [Line] = []
        let excluded = scheme.excluded(Self.figures(of: org, in: grid, column: column))
        let inapplicable = grid.events.inapplicable[org.id] ?? [:]
        for line in section.lines(for: org, indicators: indicators, excluded: excluded, inapplicable: inapplicable) {
          let rule: Int
          if let f = line.owned {
            if let known = ownedRules[f] {
              rule = known
            } else {
              rule = try compile(line.item.rule, line.indicator, headline: false, item: line.item.id)
              ownedRules[f] = rule
            }
          } else {
            rule = itemRules[lines.count]
          }
          let indicator = line.indicator.flatMap { position[$0.id] } ?? -1
          lines.append(
            Line(
              units: FixedPoint.tenThousandths(line.weight) ?? 0, rule: Int32(rule), indicator: Int32(indicator),
              applicable: line.applicable))
        }
        orgLines.append(lines)
      }

      // Lines of the common items item by item, then the owned indicators org by org, in arrays
      // of the size they end at, not doubled as they grow.
      let applicable = orgLines.reduce(lineSlot.count) { $0 + $1.reduce(0) { $0 + ($1.applicable ? 1 : 0) } }
      lineSlot.reserveCapacity(applicable)
      lineCell.reserveCapacity(applicable)
      lineRule.reserveCapacity(applicable)
      lineWeight.reserveCapacity(applicable)
      func emit(_ line: Line, slot: Int, org: Org) {
        let cell: Int
        let indicator = Int(line.indicator)
        if indicator >= 0, org.kind == .district {
          cell = column[org.id].map { indicator * grid.orgs.count + $0 } ?? -1
        } else if indicator >= 0 {
          cell = indicator * grid.orgs.count + grid.city[indicator]
        } else {
          cell = -1
        }
        lineSlot.append(Int32(slot))
        lineCell.append(Int32(cell))
        lineRule.append(line.rule)
        lineWeight.append(line.units)
      }
      for k in section.items.indices {
        for (j, org) in sectionOrgs.enumerated() where orgLines[j][k].applicable {
          emit(orgLines[j][k], slot: first + j, org: org)
        }
      }
      for (j, org) in sectionOrgs.enumerated() {
        for line in orgLines[j].dropFirst(section.items.count) where line.applicable {
          emit(line, slot: first + j, org: org)
        }
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

    (cellStart, cellLines) = Self.group(lineCell, into: cellCount)
    (slotStart, slotLines) = Self.group(lineSlot, into: slotOrgs.count)

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
  }

  /// The figures given as decimals that `org` is scored on, by indicator: a district's own, the
  /// city's for anyone else; nil when the grid holds none (figures in units are never missing
  /// for a reason). What `missing: reweight` reads to leave items out.
  static func figures(of org: Org, in grid: AssessmentGrid, column: [OrgID: Int]) -> [IndicatorID: AssessmentFigure]? {
    guard grid.exact.contains(where: { $0.value.missing != nil }) else { return nil }
    var figures: [IndicatorID: AssessmentFigure] = [:]
    for (i, indicator) in grid.indicators.enumerated() {
      let o = org.kind == .district ? column[org.id] : grid.city[i]
      if let o, let figure = grid.exact[i * grid.orgs.count + o] { figures[indicator] = figure }
    }
    return figures
  }

  /// The lines of `slot`, in the order of its `AssessmentSection.lines(for:indicators:)` that apply.
  func lines(ofSlot slot: Int) -> ArraySlice<Int32> {
    slotLines[Int(slotStart[slot])..<Int(slotStart[slot + 1])]
  }

  /// The lines grouped by `keys` (a cell or a slot per line, −1 for none), by counting: the lines of
  /// key k are `lines[start[k]..<start[k + 1]]`, in line order.
  private static func group(
    _ keys: ContiguousArray<Int32>, into count: Int
  ) -> (start: ContiguousArray<Int32>, lines: ContiguousArray<Int32>) {
    var start = ContiguousArray<Int32>(repeating: 0, count: count + 1)
    for key in keys where key >= 0 { start[Int(key) + 1] += 1 }
    for k in 0..<count { start[k + 1] += start[k] }
    var next = start
    var lines = ContiguousArray<Int32>(repeating: 0, count: Int(start[count]))
    for (line, key) in keys.enumerated() where key >= 0 {
      lines[Int(next[Int(key)])] = Int32(line)
      next[Int(key)] += 1
    }
    return (start, lines)
  }

  /// A line as laid out: its rule, the grid's row of its indicator (−1 for none), and its weight
  /// in ten-thousandths; 24 bytes, as every org's lines are held until the section is laid out.
  struct Line {
    var units: Int64
    var rule: Int32
    var indicator: Int32
    var applicable: Bool
  }
}
