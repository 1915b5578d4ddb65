import Foundation
import ZhibiaoKernel

/// The outcome of checking a configuration folder.
public struct ValidationReport: Sendable {
  /// Every error and warning, in file order.
  public let diagnostics: [Diagnostic]
  /// The plan, when it loaded.
  public let plan: Plan?
  /// The target book, when the plan loaded and every indicator could be decomposed.
  public let targetBook: TargetBook?
  /// The base-year figures, when they loaded.
  public let baselines: Baselines?
  /// The assessment scheme (`assessment.yaml`), when there is one and it decoded.
  public let scheme: AssessmentScheme?
  /// The report's layout (`report.yaml`), when it decoded; empty when there is no file.
  public let layout: ReportLayout?

  /// The file of the assessment scheme, relative to the configuration folder.
  public static let schemeFile = "assessment.yaml"

  /// Whether the configuration can be used.
  public var isValid: Bool {
    plan != nil && targetBook != nil && !diagnostics.contains { $0.severity == .error }
  }

  /// Checks the configuration in `configPath` with every domain module of this build.
  public init(configPath: String, modules: [any DomainPlugin] = DomainModules.all) {
    self.init(source: DirectoryConfigSource(path: configPath), modules: modules)
  }

  /// Checks the configuration in `source` with every domain module of this build.
  public init(source: any ConfigSource, modules: [any DomainPlugin] = DomainModules.all) {
    do {
      let plan = try PlanLoader.load(source: source, modules: modules)
      self.plan = plan
      var diagnostics = plan.warnings
      if let folder = source as? PlanFolderSource, plan.id.rawValue != folder.planID {
        diagnostics.append(
          Diagnostic(
            .error, at: SourceLocation(file: source.displayName(of: "plan.yaml"), line: 1, column: 1),
            "The plan's id '\(plan.id)' is not the name of its folder '\(folder.folder)'.",
            hint: "a plan under \(PlanFolderSource.plansFolder)/ is kept in a folder named by its id"))
      }
      do {
        let baselines = try ConfigBaselineSource(source: source).baselines(for: plan)
        self.baselines = baselines
        let book = Decomposer(plan: plan, baselines: baselines).targetBook()
        diagnostics += book.problems.map { Diagnostic(.error, at: $0.location, $0.message) }
        targetBook = book.problems.isEmpty ? book : nil
      } catch {
        diagnostics += error.diagnostics
        targetBook = nil
        baselines = nil
      }
      let scheme = Self.document(Self.schemeFile, in: source) { AssessmentScheme.decode($0, plan: plan) }
      self.scheme = scheme?.value
      let layout = Self.document(ReportLayout.file, in: source) { ReportLayout.decode($0, plan: plan) }
      self.layout = layout == nil ? ReportLayout() : layout?.value
      diagnostics += (scheme?.diagnostics ?? []) + (layout?.diagnostics ?? [])
      self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    } catch {
      plan = nil
      targetBook = nil
      baselines = nil
      scheme = nil
      layout = nil
      diagnostics = error.diagnostics
    }
  }

  /// One line that says what was checked and what was found.
  public func summary(in language: Language) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    guard let plan, targetBook != nil, errors == 0 else {
      return language == .zh
        ? "配置无效：\(errors) 个错误，\(warnings) 个警告。"
        : "The configuration is not valid: \(errors) error(s), \(warnings) warning(s)."
    }
    let targets = plan.targetIndicators.count
    let supporting = plan.indicators.count - targets
    let districts = plan.districts.count
    if language == .zh {
      return "配置有效：\(plan.domains.count) 个重点领域，\(targets) 项目标指标（另有 \(supporting) 项支撑指标），"
        + "\(plan.tasks.count) 项重点任务，\(plan.goals.count) 个目标组，\(plan.orgs.count) 个责任单位（含 \(districts) 个区县市）；"
        + "\(warnings) 个警告。"
    }
    return "The configuration is valid: \(plan.domains.count) domains, \(targets) target indicators "
      + "(and \(supporting) supporting), \(plan.tasks.count) key tasks, \(plan.goals.count) goal groups, "
      + "\(plan.orgs.count) orgs (\(districts) districts); \(warnings) warning(s)."
  }

  /// A file of the configuration decoded by `body`; nil when there is no such file.
  static func document<T>(
    _ path: String, in source: any ConfigSource, _ body: (NodeReader) -> T?
  ) -> (value: T?, diagnostics: [Diagnostic])? {
    let data: Data?
    do {
      data = try source.contents(of: path)
    } catch {
      let start = SourceLocation(file: source.displayName(of: path), line: 1, column: 1)
      return (nil, [Diagnostic(.error, at: start, "The file cannot be read: \(error.localizedDescription)")])
    }
    guard let data else { return nil }
    return ConfigDocument.decode(data, file: source.displayName(of: path), body)
  }
}
