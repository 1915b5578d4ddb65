import Foundation
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore

/// A configuration folder loaded once — the plan with its domains, the base-year figures, the
/// target book, the assessment scheme and the report's layout — as one immutable value that every
/// command, the report and the web app share.
public struct Workspace: Sendable {
  /// The frozen plan.
  public let plan: Plan
  /// The target book (目标分解表) in force: decomposed from the plan and its baselines, with
  /// every year issued from the store (see ``issuing(_:)``) as its version in force holds it.
  public private(set) var book: TargetBook
  /// The book as the configuration decomposes it, whatever was issued.
  public let configuredBook: TargetBook
  /// The versions in force, by year; empty until ``issuing(_:)``.
  public private(set) var issued: [Int: TargetIssue] = [:]
  /// The base-year figures the book was decomposed from.
  public let baselines: Baselines?
  /// The assessment scheme, when the configuration has one.
  public let scheme: AssessmentScheme?
  /// The report's layout.
  public let layout: ReportLayout
  /// Where the scheme would be, for messages when it is missing.
  public let schemeFile: String
  /// What the configuration draws warnings for.
  public let warnings: [Diagnostic]

  /// Loads the configuration in the folder `configPath` with the domain modules `extensions`.
  public init(configPath: String, extensions: [any DomainPlugin] = DomainModules.all) throws(ConfigurationErrors) {
    try self.init(source: DirectoryConfigSource(path: configPath), extensions: extensions)
  }

  /// Loads the configuration in `source`; every problem when it is not valid.
  public init(source: any ConfigSource, extensions: [any DomainPlugin] = DomainModules.all) throws(ConfigurationErrors)
  {
    let report = ValidationReport(source: source, modules: extensions)
    guard report.isValid, let plan = report.plan, let book = report.targetBook else {
      throw ConfigurationErrors(report.diagnostics)
    }
    self.plan = plan
    self.book = book
    self.configuredBook = book
    self.baselines = report.baselines
    self.scheme = report.scheme
    self.layout = report.layout ?? ReportLayout()
    self.schemeFile = source.displayName(of: ValidationReport.schemeFile)
    self.warnings = report.diagnostics
  }

  /// The workspace with the targets issued in the store in force: each issued year's latest
  /// version replaces the configuration's targets of that year.
  public func issuing(_ targets: IssuedTargets) -> Workspace {
    var workspace = self
    workspace.book = targets.applied(to: configuredBook)
    workspace.issued = targets.inForce
    return workspace
  }

  /// The version in force of `year`, if it was issued.
  public func issue(of year: Int) -> TargetIssue? { issued[year] }

  /// The assessment scheme; an error at its file when the configuration has none.
  public func requireScheme() throws(ConfigurationErrors) -> AssessmentScheme {
    guard let scheme else {
      throw ConfigurationErrors([
        Diagnostic(
          .error, at: SourceLocation(file: schemeFile, line: 1, column: 1), "The assessment scheme is missing.")
      ])
    }
    return scheme
  }

  /// The assessment events of `year` (bonuses, deductions, vetoes, task grades) read from `data`.
  public func events(_ data: Data, file: String, year: Int) throws(ConfigurationErrors) -> AssessmentEvents {
    let scheme = try requireScheme()
    return try ConfigDocument.require(data, file: file) {
      AssessmentEvents.decode($0, plan: plan, scheme: scheme, year: year)
    }
  }

  // MARK: - Periods

  /// The period monitoring and assessment read for `period`: figures are year to date, so a year
  /// means its fourth quarter (1–12月).
  public static func yearToDate(_ period: Period) -> Period {
    period.quarter == nil ? .quarter(4, of: period.year) : period
  }
}
