import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao assess --year 2024`: scorecards and ranking of districts and bureaus, every
/// score explained.
struct AssessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "assess",
    abstract: "综合考核：区县与牵头部门同步考核，评分、等次与排名 (the consolidated assessment).")

  @Option(name: .long, help: "考核年度 (the year assessed), e.g. 2024.")
  var year: Int

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "加分、扣分、否决与定性评级文件 (bonuses, deductions, vetoes and task grades, YAML).")
  var events: String?

  @Option(name: .long, help: "只列某一单位的评分表 (one org's scorecard, item by item).")
  var org: String?

  @Option(name: .long, help: "table | json | csv | md")
  var format: OutputFormat = .table

  func run() throws {
    let (plan, book, baselines) = try TargetBookLoader.load(configPath: options.config)
    try CommandPlan.year(year, in: plan)
    let scheme = try AssessmentFiles.scheme(configPath: options.config, plan: plan)
    let events = try self.events.map { try AssessmentFiles.events(path: $0, plan: plan, scheme: scheme, year: year) }
    let monitoring = try MonitoringRun.report(
      plan: plan, book: book, baselines: baselines, store: try store.open(), period: .quarter(4, of: year),
      asOf: Date())
    let inputs = AssessmentFiles.inputs(year: year, monitoring: monitoring, events: events ?? AssessmentEvents())
    let result = scheme.assess(inputs, plan: plan)
    let listing = AssessmentListing(plan: plan, result: result, language: options.lang)
    if let org {
      let id = try CommandPlan.org(org, in: plan).id
      guard let card = result.scorecard(for: id) else {
        throw CommandFailure.domain("'\(org)' 不在考核范围内。", "'\(org)' is not assessed.")
      }
      print(listing.scorecard(card, format), terminator: "")
    } else {
      print(listing.render(format), terminator: "")
      if format == .table || format == .md {
        let view = AssessmentConsolidatedView.build(plan: plan, scheme: scheme, inputs: inputs)
        print("\n" + listing.consolidated(view), terminator: "")
      }
    }
  }
}

/// Reads the assessment scheme and events, and assembles the figures each org is scored on.
enum AssessmentFiles {
  static let schemeFile = "assessment.yaml"

  static func scheme(configPath: String, plan: Plan) throws -> AssessmentScheme {
    let source = DirectoryConfigSource(path: configPath)
    let name = source.displayName(of: schemeFile)
    guard let data = try source.contents(of: schemeFile) else {
      throw CommandFailure.diagnostics(
        [Diagnostic(.error, at: SourceLocation(file: name, line: 1, column: 1), "The assessment scheme is missing.")],
        summary: nil)
    }
    return try decode(data, file: name) { AssessmentScheme.decode($0, plan: plan) }
  }

  static func events(path: String, plan: Plan, scheme: AssessmentScheme, year: Int) throws -> AssessmentEvents {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try decode(data, file: path) { AssessmentEvents.decode($0, plan: plan, scheme: scheme, year: year) }
  }

  /// Parses a YAML file and decodes it, printing every problem and failing when there is one.
  static func decode<T>(_ data: Data, file: String, _ body: (NodeReader) -> T?) throws -> T {
    let log = DiagnosticLog()
    var value: T?
    do {
      if let root = try YAMLParser().parse(data, file: file) { value = body(NodeReader(root, log: log)) }
    } catch {
      log.report(error)
    }
    guard let value, !log.hasErrors else { throw CommandFailure.diagnostics(log.sorted, summary: nil) }
    log.sorted.forEach { StandardError.write($0.description) }
    return value
  }

  /// The figures each org is scored on, from the year's 1–12月 monitoring: the city's for
  /// bureaus, each district's own — actual in the target's own measure (an increase, a
  /// cumulative addition, a derived rate, a register count) against the book's annual target;
  /// or, for a quarter's provisional standing, against the year-to-date milestone.
  static func inputs(
    year: Int, monitoring: MonitoringReport, events: AssessmentEvents,
    against target: KeyPath<MonitoringRow, Double?> = \.annualTarget
  ) -> AssessmentInputs {
    var inputs = AssessmentInputs(year: year, events: events)
    for row in monitoring.rows {
      let figure = AssessmentFigure.doubles(actual: row.actual, target: row[keyPath: target])
      if row.isCity {
        inputs.setCity(row.indicator, figure)
      } else {
        inputs.set(row.org, row.indicator, figure)
      }
    }
    return inputs
  }
}
