import Foundation
import Testing
import ZhibiaoKernel

/// The dense assessment (`Assessor`) held against the explaining one
/// (`AssessmentScheme.assess`) on one plan, scheme and set of events, with random figures drawn
/// the same for both, so that every point, total, rank and grade can be compared.
public struct AssessmentComparison: Sendable {
  /// The plan assessed.
  public let plan: Plan
  /// The scheme it is assessed by.
  public let scheme: AssessmentScheme
  /// The events every random case starts from.
  public let events: AssessmentEvents
  /// The year assessed.
  public let year: Int

  /// A comparison on `plan`, `scheme` and `events` for `year`.
  public init(plan: Plan, scheme: AssessmentScheme, events: AssessmentEvents, year: Int = 2024) {
    self.plan = plan
    self.scheme = scheme
    self.events = events
    self.year = year
  }

  /// An empty grid over the plan: indicators and orgs in the plan's order, the city figure in the
  /// owner's column.
  public func emptyGrid(events: AssessmentEvents? = nil) -> AssessmentGrid {
    let orgs = plan.orgs.map(\.id)
    let places = Array(repeating: Self.places, count: plan.indicators.count)
    return AssessmentGrid(
      year: year, indicators: plan.indicators.map(\.id), orgs: orgs,
      city: plan.indicators.map { indicator in orgs.firstIndex(of: indicator.owner)! }, places: (places, places),
      events: events ?? self.events)
  }

  /// The decimals the grid keeps: every random figure is stated to at most six.
  public static let places = 6

  /// A random figure as decimals (NaN for none), each at its shortest decimal form rounded to
  /// `places` decimals, and the same in the grid's units.
  public static func figure(_ actual: Double, _ target: Double) -> (AssessmentFigure, units: (Int64, Int64)) {
    func decimal(_ value: Double) -> Decimal? {
      value.isFinite ? DecimalArithmetic.rounded(Decimal(string: "\(value)", locale: nil)!, scale: places, .plain) : nil
    }
    let figure = AssessmentFigure(actual: decimal(actual), target: decimal(target))
    func units(_ value: Decimal?) -> Int64 {
      value.flatMap { FigureGrid.units($0, places: places) } ?? FigureGrid.none
    }
    return (figure, (units(figure.actual), units(figure.target)))
  }

  /// The scheme compiled for the plan's grid.
  public func compiled() throws -> CompiledScheme {
    try CompiledScheme(scheme: scheme, plan: plan, grid: emptyGrid())
  }

  /// Random figures for every district and city figure, the same in the grid and in the inputs;
  /// random task grades, and a veto now and then.
  public func randomCase(seed: Int) -> (AssessmentGrid, AssessmentInputs) {
    var random = AssessorRandom(state: UInt64(seed))
    var events = self.events
    for org in plan.orgs where org.kind != .leadingGroup {
      let pick = Int.random(in: 0...scheme.taskGrades.count, using: &random)
      events.grades[org.id, default: [:]]["tasks"] =
        pick < scheme.taskGrades.count ? scheme.taskGrades[pick].id : nil
      let veto = scheme.section(for: org.kind)?.veto?.categories.first?.id
      if Int.random(in: 0..<15, using: &random) == 0, let veto {
        events.vetoes.append(.init(org: org.id, category: veto, reason: "测试"))
      }
    }
    var grid = emptyGrid(events: events)
    var inputs = AssessmentInputs(year: year, events: events)
    for (i, indicator) in plan.indicators.enumerated() where indicator.isTarget {
      let owner = grid.city[i]
      for (o, org) in plan.orgs.enumerated() where org.kind == .district || o == owner {
        let (actual, target) = random.figures()
        let (figure, units) = Self.figure(actual, target)
        grid.set(indicator: i, org: o, actual: units.0, target: units.1)
        if o == owner { inputs.setCity(indicator.id, figure) } else { inputs.set(org.id, indicator.id, figure) }
      }
    }
    return (grid, inputs)
  }

  /// Expects the dense assessment to give the explaining assessment's numbers, ranks and grades.
  public func expectSame(
    _ assessor: Assessor, _ result: AssessmentResult, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for section in result.sections {
      #expect(assessor.ranking(of: section.orgKind) == section.ranking, sourceLocation: sourceLocation)
      for card in section.scorecards {
        #expect(assessor.standing(of: card.org) == AssessmentStanding(card), sourceLocation: sourceLocation)
        let items = assessor.items(of: card.org)
        let applicable = card.items.filter { $0.status != .notApplicable }
        #expect(items.map(\.item) == applicable.map(\.id), sourceLocation: sourceLocation)
        #expect(items.map(\.points) == applicable.map(\.points), "\(card.org)", sourceLocation: sourceLocation)
        #expect(items.map(\.scored) == applicable.map { $0.status == .scored }, sourceLocation: sourceLocation)
      }
    }
  }

  /// One property case: on the random figures of `seed`, the dense assessment gives every point,
  /// total, rank and grade of the explaining one.
  public func expectDenseEqualsExplaining(
    seed: Int, compiled: CompiledScheme, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let (grid, inputs) = randomCase(seed: seed)
    let assessor = try Assessor(compiled: compiled, grid: grid)
    expectSame(assessor, scheme.assess(inputs, plan: plan), sourceLocation: sourceLocation)
  }

  /// One property case: from the random figures of `seed`, after a random sequence of changed
  /// figures, each incremental update equals a full assessment of the changed grid.
  public func expectIncrementalEqualsFull(
    seed: Int, compiled: CompiledScheme, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let (grid, _) = randomCase(seed: seed)
    var assessor = try Assessor(compiled: compiled, grid: grid)
    var random = AssessorRandom(state: UInt64(seed) ^ 0xA55E55)
    for _ in 0..<Int.random(in: 1...30, using: &random) {
      let i = Int.random(in: 0..<grid.indicators.count, using: &random)
      // Mostly a district, sometimes the city column that every bureau reads.
      let o =
        Int.random(in: 0..<3, using: &random) == 0
        ? grid.city[i] : Int.random(in: 0..<grid.orgs.count, using: &random)
      let (actual, target) = random.figures()
      let units = Self.figure(actual, target).units
      assessor.update(indicator: i, org: o, actual: units.0, target: units.1)
      let full = try Assessor(compiled: compiled, grid: assessor.grid)
      #expect(assessor.hasSameResults(as: full), "seed \(seed)", sourceLocation: sourceLocation)
    }
  }
}
