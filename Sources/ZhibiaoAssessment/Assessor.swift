import Dispatch
import Foundation
import ZhibiaoMonitoring
import ZhibiaoScoring

/// The assessment of a year over an `AssessmentGrid`, computed densely and kept up to date: every
/// line's points in hundredths, each org's 基本分, headline points and 实得分, the ranking of each
/// section and the grades — the same numbers, ranks and grades as `AssessmentScheme.assess`, which
/// writes out the scorecards with their explanations.
///
/// Lines are scored in one pass over flat arrays on 64-bit integers (see `LineRule`); an org's
/// total is 基本分 + 加分 − 扣分 in ten-thousandths; each section is ranked by a sort on the totals
/// and the section's tie-break, then graded band, veto and quota as `assess` does. `update`
/// rescores only the lines that read a changed figure, moves the orgs concerned to their new
/// places and grades their sections again, with exactly the result a full pass would give.
public struct Assessor: Sendable {
  /// The compiled scheme.
  public let compiled: CompiledScheme
  /// The figures, as last updated.
  public internal(set) var grid: AssessmentGrid

  /// Each line's points (×100) and whether it was scored (false: a figure or grade is missing).
  var points: ContiguousArray<Int64>
  var scored: ContiguousArray<Bool>
  /// Each slot's 基本分 and headline points (×100), bonus less deduction and 实得分 (×10⁴).
  var basic: ContiguousArray<Int64>
  var headline: ContiguousArray<Int64>
  var adjustment: ContiguousArray<Int64>
  var total: ContiguousArray<Int64>
  var vetoed: [Bool]
  /// Each section's slots in rank order, at the section's slots.
  var order: ContiguousArray<Int32>
  /// Each slot's place in its section, from 0.
  var place: ContiguousArray<Int32>
  /// Each slot's band by its total, and the grade given, as positions in the section's grades.
  var band: ContiguousArray<Int8>
  var grade: ContiguousArray<Int8>

  /// Assesses `grid` under `compiled`: the events' bonuses, deductions, vetoes and grades are
  /// counted once, then every line is scored and every section ranked and graded.
  public init(compiled: CompiledScheme, grid: AssessmentGrid) throws(CompiledScheme.Failure) {
    self.compiled = compiled
    self.grid = grid
    let slots = compiled.slotOrgs.count
    let lines = compiled.lineCount
    points = ContiguousArray(repeating: 0, count: lines)
    scored = ContiguousArray(repeating: false, count: lines)
    basic = ContiguousArray(repeating: 0, count: slots)
    headline = ContiguousArray(repeating: 0, count: slots)
    adjustment = ContiguousArray(repeating: 0, count: slots)
    total = ContiguousArray(repeating: 0, count: slots)
    vetoed = Array(repeating: false, count: slots)
    order = ContiguousArray((0..<slots).map(Int32.init))
    place = ContiguousArray(repeating: 0, count: slots)
    band = ContiguousArray(repeating: 0, count: slots)
    grade = ContiguousArray(repeating: 0, count: slots)
    // Lines scored by a grade rather than figures take their points from the events.
    let gradedLines = compiled.lineRule.indices.filter { compiled.rules[Int(compiled.lineRule[$0])].kind == .graded }

    let events = grid.events
    let bonuses = Dictionary(grouping: events.bonuses, by: \.org)
    let deductions = Dictionary(grouping: events.deductions, by: \.org)
    let vetoes = Set(events.vetoes.map(\.org))
    for (slot, org) in compiled.slotOrgs.enumerated() {
      let section = compiled.sections[compiled.slotSection[slot]].section
      let bonus = SectionAssessment.adjustment(bonuses[org.id] ?? [], policy: section.bonus, what: ("加分", "bonus"))
      let deduction = SectionAssessment.adjustment(
        deductions[org.id] ?? [], policy: section.deduction, what: ("扣分", "deduction"))
      guard let b = FixedPoint.tenThousandths(bonus.counted), let d = FixedPoint.tenThousandths(deduction.counted)
      else {
        throw .tooPrecise("bonus or deduction of '\(org.id)'")
      }
      adjustment[slot] = b - d
      vetoed[slot] = vetoes.contains(org.id)
    }
    for line in gradedLines {
      let org = compiled.slotOrgs[Int(compiled.lineSlot[line])]
      let item = compiled.ruleItems[Int(compiled.lineRule[line])]
      let given = events.grades[org.id]?[item].flatMap { AssessmentTaskGrade.find($0, in: compiled.scheme.taskGrades) }
      guard let given else { continue }
      points[line] = GradedScoring.points(value: RuleUnits.exact(given.value), weight: compiled.lineWeight[line])
      scored[line] = true
    }
    recomputeAll()
  }

  /// Scores every line, then totals, ranks and grades every section. Lines are independent, so a
  /// large grid's lines are shared out among the processors in ranges, eight per processor; the totals are added up
  /// afterwards in line order, so the result does not depend on how.
  public mutating func recomputeAll() {
    let compiled = self.compiled
    let lineCount = compiled.lineCount
    let workers = lineCount >= 100_000 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16)) : 1
    grid.actual.withUnsafeBufferPointer { actual in
      grid.target.withUnsafeBufferPointer { target in
        compiled.rules.withUnsafeBufferPointer { rules in
          compiled.decimalRules.withUnsafeBufferPointer { decimalRules in
            compiled.lineCell.withUnsafeBufferPointer { lineCell in
              compiled.lineRule.withUnsafeBufferPointer { lineRule in
                compiled.lineWeight.withUnsafeBufferPointer { lineWeight in
                  points.withUnsafeMutableBufferPointer { points in
                    scored.withUnsafeMutableBufferPointer { scored in
                      let scoring = LineScoring(
                        actual: actual, target: target, places: grid.places, orgCount: compiled.orgCount,
                        exact: grid.exact, rules: rules, decimalRules: decimalRules, lineCell: lineCell,
                        lineRule: lineRule, lineWeight: lineWeight, points: points, scored: scored)
                      // Eight ranges per processor, handed out as each finishes one.
                      let chunks = workers > 1 ? 8 * workers : 1
                      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        scoring.score(lineCount * chunk / chunks..<lineCount * (chunk + 1) / chunks)
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    for slot in basic.indices {
      basic[slot] = 0
      headline[slot] = 0
    }
    compiled.lineSlot.withUnsafeBufferPointer { lineSlot in
      compiled.lineRule.withUnsafeBufferPointer { lineRule in
        points.withUnsafeBufferPointer { points in
          basic.withUnsafeMutableBufferPointer { basic in
            headline.withUnsafeMutableBufferPointer { headline in
              var current = -1
              var isHeadline = false
              for line in 0..<lineSlot.count {
                let r = Int(lineRule[line])
                if r != current {
                  current = r
                  isHeadline = compiled.rules[r].headline
                }
                let slot = Int(lineSlot[line])
                basic[slot] &+= points[line]
                if isHeadline { headline[slot] &+= points[line] }
              }
            }
          }
        }
      }
    }
    for slot in total.indices { total[slot] = basic[slot] * 100 + adjustment[slot] }
    for section in compiled.sections.indices {
      rank(section)
      assignBands(compiled.sections[section].slots, section: section)
      assignGrades(section)
    }
  }

  /// Sets the figure of an indicator for an org, by position, in units of the grid's places
  /// (`FigureGrid.none` for none), and recomputes what it touches: the lines that read it (a
  /// district's item, or every bureau's item on the city figure), their orgs' totals, their places
  /// and their sections' grades. Returns the lines rescored.
  @discardableResult
  public mutating func update(indicator: Int, org: Int, actual: Int64, target: Int64) -> Int {
    grid.set(indicator: indicator, org: org, actual: actual, target: target)
    return rescore(indicator: indicator, org: org)
  }

  /// Sets the figure of an indicator for an org as decimals, and recomputes what it touches, as
  /// `update(indicator:org:actual:target:)` does. Returns the lines rescored. A figure not
  /// reported is scored under the scheme's `missing:` rule; under `reweight`, a figure that goes
  /// missing or comes in changes the weights of its orgs' items, and everything is assessed anew.
  @discardableResult
  public mutating func update(indicator: Int, org: Int, figure: AssessmentFigure) -> Int {
    let rule = compiled.scheme.missing
    let scored = figure.scored(under: rule)
    let cell = indicator * compiled.orgCount + org
    let leftOut = { (figure: AssessmentFigure?) in rule == .reweight && figure?.actual == nil && figure?.missing != nil
    }
    let weightsChange = leftOut(grid.exact[cell]) != leftOut(scored)
    grid.set(indicator: indicator, org: org, figure: scored)
    guard weightsChange else { return rescore(indicator: indicator, org: org) }
    do {
      self = try Assessor(
        compiled: CompiledScheme(
          scheme: compiled.scheme, orgs: compiled.orgs, indicators: compiled.indicators, grid: grid),
        grid: grid)
    } catch {
      // The same scheme compiled before, and the events are the grid's own.
      preconditionFailure("\(error)")
    }
    return compiled.lineCount
  }

  /// Rescores the lines that read the figure of an indicator for an org, then their orgs' totals,
  /// places and grades.
  private mutating func rescore(indicator: Int, org: Int) -> Int {
    let cell = indicator * compiled.orgCount + org
    let exact = grid.exact[cell]
    let (actual, target) = grid.figure(indicator: indicator, org: org)
    let (actualPlaces, targetPlaces) = (grid.places.actual[indicator], grid.places.target[indicator])
    let lines = Int(compiled.cellStart[cell])..<Int(compiled.cellStart[cell + 1])
    guard !lines.isEmpty else { return 0 }
    var touched: [Int] = []
    for index in lines {
      let line = Int(compiled.cellLines[index])
      let r = Int(compiled.lineRule[line])
      let rule = compiled.rules[r]
      guard rule.kind != .graded else { continue }
      let weight = compiled.lineWeight[line]
      let result =
        if let exact {
          compiled.decimalRules[r].points(figure: exact, weight: weight)
        } else {
          rule.points(actual: actual, actualPlaces, target: target, targetPlaces, weight: weight)
            ?? compiled.decimalRules[r].points(figure: grid.decimals(indicator: indicator, org: org), weight: weight)
        }
      let slot = Int(compiled.lineSlot[line])
      let change = result.points - points[line]
      points[line] = result.points
      scored[line] = result.scored
      basic[slot] += change
      if rule.headline { headline[slot] += change }
      total[slot] = basic[slot] * 100 + adjustment[slot]
      if !touched.contains(slot) { touched.append(slot) }
    }
    var sections: [Int] = []
    for slot in touched where !sections.contains(compiled.slotSection[slot]) {
      sections.append(compiled.slotSection[slot])
    }
    for section in sections {
      let moved = touched.filter { compiled.slotSection[$0] == section }
      if moved.count * 8 > compiled.sections[section].slots.count {
        rank(section)
      } else {
        rerank(section, moved: moved)
      }
      assignBands(moved, section: section)
      assignGrades(section)
    }
    return lines.count
  }

  /// Whether every number, place and grade is the same as in `other` (for checking that an
  /// incremental recompute equals a full one).
  public func hasSameResults(as other: Assessor) -> Bool {
    points == other.points && scored == other.scored && basic == other.basic && headline == other.headline
      && total == other.total && order == other.order && place == other.place && band == other.band
      && grade == other.grade
  }
}

/// The buffers of one scoring pass, handed to the workers of `recomputeAll`: each writes the points
/// of its own range of lines only.
private struct LineScoring: @unchecked Sendable {
  let actual: UnsafeBufferPointer<Int64>
  let target: UnsafeBufferPointer<Int64>
  let places: (actual: [Int], target: [Int])
  let orgCount: Int
  let exact: [Int: AssessmentFigure]
  let rules: UnsafeBufferPointer<LineRule>
  let decimalRules: UnsafeBufferPointer<DecimalRule>
  let lineCell: UnsafeBufferPointer<Int32>
  let lineRule: UnsafeBufferPointer<Int32>
  let lineWeight: UnsafeBufferPointer<Int64>
  let points: UnsafeMutableBufferPointer<Int64>
  let scored: UnsafeMutableBufferPointer<Bool>

  /// Scores `lines`; graded lines keep the points set from the events. Lines come item by item,
  /// so they are scored in runs of one rule, each run with its rule read once.
  func score(_ lines: Range<Int>) {
    var start = lines.lowerBound
    while start < lines.upperBound {
      let r = Int(lineRule[start])
      var end = start + 1
      while end < lines.upperBound && Int(lineRule[end]) == r { end += 1 }
      if rules[r].kind != .graded { score(start..<end, rule: rules[r], r) }
      start = end
    }
  }

  /// Scores `lines`, all of rule `rule` (at `r`), which is not graded.
  private func score(_ lines: Range<Int>, rule: LineRule, _ r: Int) {
    // And an indicator's places once: its cells are `indicator × orgs ..< (indicator + 1) × orgs`.
    var cells = 0..<0
    var (actualPlaces, targetPlaces) = (0, 0)
    for line in lines {
      let cell = Int(lineCell[line])
      let weight = lineWeight[line]
      if !exact.isEmpty, cell >= 0, let figure = exact[cell] {
        (points[line], scored[line]) = decimalRules[r].points(figure: figure, weight: weight)
        continue
      }
      guard cell >= 0 else {
        (points[line], scored[line]) = (0, false)
        continue
      }
      if !cells.contains(cell) {
        let indicator = cell / orgCount
        cells = indicator * orgCount..<(indicator + 1) * orgCount
        (actualPlaces, targetPlaces) = (places.actual[indicator], places.target[indicator])
      }
      let (a, t) = (actual[cell], target[cell])
      let result =
        rule.points(actual: a, actualPlaces, target: t, targetPlaces, weight: weight)
        ?? decimalRules[r].points(
          figure: AssessmentFigure(
            actual: FigureGrid.decimal(a, places: actualPlaces), target: FigureGrid.decimal(t, places: targetPlaces)),
          weight: weight)
      points[line] = result.points
      scored[line] = result.scored
    }
  }
}
