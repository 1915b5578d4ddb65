import Foundation
import ZhibiaoPlan

/// Baselines kept as a CSV file beside the YAML configuration (`baselines.csv`).
public struct ConfigBaselineSource: BaselineSource {
  /// Where the configuration is read from.
  public let source: any ConfigSource
  /// The file, relative to the configuration root.
  public let path: String

  /// Reads `path` from `source`.
  public init(source: any ConfigSource, path: String = "baselines.csv") {
    self.source = source
    self.path = path
  }

  /// The baselines of the file and of the plan's domain files; only the latter when the file
  /// does not exist.
  public func baselines(for plan: Plan) throws(ConfigurationErrors) -> Baselines {
    let name = source.displayName(of: path)
    let start = SourceLocation(file: name, line: 1, column: 1)
    let data: Data?
    do {
      data = try source.contents(of: path)
    } catch {
      throw ConfigurationErrors([
        Diagnostic(.error, at: start, "The file cannot be read: \(error.localizedDescription)")
      ])
    }
    guard let data else {
      let log = DiagnosticLog()
      let baselines = BaselineRules.admit(plan.indicators.flatMap(\.baselines), plan: plan, log: log)
      if log.hasErrors { throw ConfigurationErrors(log.sorted) }
      return baselines
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ConfigurationErrors([
        Diagnostic(.error, at: start, "The file is not valid UTF-8.", hint: "save it as UTF-8")
      ])
    }
    return try BaselineCSV.parse(text, file: name, plan: plan)
  }
}
