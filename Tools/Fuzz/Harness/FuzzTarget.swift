import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoPlanLoading

/// What the fuzzers feed arbitrary bytes to: each reader of files people send, with every check
/// behind it. An input may be refused with any error; it must never crash, hang or exhaust
/// memory. The same functions replay the seed corpus and every crash found as regression tests.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The YAML layer: the parser, then the assessment events decoder over the real plan and scheme.
  case yaml
  /// A CSV import in UTF-8 or GBK: the strict reader, then every check of observations and of
  /// register entries.
  case csv
  /// An .xlsx import: the archive, the workbook's parts and sheets, then every check of
  /// observations.
  case xlsx

  /// What became of an input.
  public enum Outcome: Equatable, Sendable {
    /// Not read at all: not YAML, neither UTF-8 nor GBK text, not a workbook.
    case unreadable
    /// Read, and refused with this many problems.
    case refused(Int)
    /// Read and accepted: this many rows (1 for a YAML document).
    case accepted(Int)
  }

  /// Feeds `data` to the target.
  @discardableResult
  public func run(_ data: Data) -> Outcome {
    switch self {
    case .yaml: Self.yaml(data)
    case .csv: Self.csv(data)
    case .xlsx: Self.xlsx(data)
    }
  }

  /// The plan and scheme the checks run against, loaded once from the configuration folder
  /// `ZHIBIAO_CONFIG` (default `Config`) with the domain modules. The harness leaves out the
  /// store and the report, so that its sanitized build stays small.
  struct Configuration {
    var plan: Plan
    var scheme: AssessmentScheme?

    init?(path: String) {
      guard let plan = try? PlanLoader.load(configPath: path) else { return nil }
      self.plan = plan
      let file = URL(fileURLWithPath: path).appendingPathComponent("assessment.yaml")
      scheme = (try? Data(contentsOf: file)).flatMap { data in
        (try? YAMLParser().parse(data, file: "assessment.yaml")).flatMap { root in
          AssessmentScheme.decode(NodeReader(root, log: DiagnosticLog()), plan: plan)
        }
      }
    }
  }

  static let configuration = Configuration(path: ProcessInfo.processInfo.environment["ZHIBIAO_CONFIG"] ?? "Config")

  /// A fixed day, so that a run does not depend on the date.
  static let now = Date(timeIntervalSince1970: 1_740_000_000)

  static var district: OrgID { configuration?.plan.districts.first?.id ?? OrgID("district.binjiang") }

  static func yaml(_ data: Data) -> Outcome {
    // Text that does not parse, and an empty document, hold nothing to read.
    guard let root = try? YAMLParser().parse(data, file: "fuzz.yaml") else { return .unreadable }
    guard let configuration, let scheme = configuration.scheme else { return .accepted(1) }
    // An events file is of one year: it is read as each year of the plan in turn.
    var fewest = Int.max
    for year in configuration.plan.years {
      let log = DiagnosticLog()
      let events = AssessmentEvents.decode(
        NodeReader(root, log: log), plan: configuration.plan, scheme: scheme, year: year)
      let errors = log.diagnostics.filter { $0.severity == .error }.count
      if events != nil, errors == 0 { return .accepted(1) }
      fewest = min(fewest, max(errors, 1))
    }
    return .refused(fewest)
  }

  static func csv(_ data: Data) -> Outcome {
    guard let (text, _) = TextDecoding.decode(data) else { return .unreadable }
    guard let plan = configuration?.plan else {
      let table = try? ImportTable(parsing: text, file: "fuzz.csv")
      return table.map { .accepted($0.rows.count) } ?? .refused(1)
    }
    let registers = RegisterImport(plan: plan, submitter: district, now: now).check(text, file: "fuzz.csv")
    let observations = ObservationImport(plan: plan, submitter: district, now: now).check(text, file: "fuzz.csv")
    if registers.diagnostics.isEmpty, !registers.entries.isEmpty { return .accepted(registers.entries.count) }
    return observations.diagnostics.isEmpty
      ? .accepted(observations.rows.count) : .refused(observations.diagnostics.count)
  }

  static func xlsx(_ data: Data) -> Outcome {
    guard let workbook = try? Workbook(data: data, file: "fuzz.xlsx") else { return .unreadable }
    var outcome = Outcome.refused(0)
    for (index, sheet) in workbook.sheetNames.enumerated() {
      let checked: Outcome
      do {
        let table = try workbook.table(sheet: sheet, columns: .imports)
        guard let plan = configuration?.plan else { continue }
        let result = ObservationImport(plan: plan, submitter: district, now: now).check(table)
        checked = result.diagnostics.isEmpty ? .accepted(result.rows.count) : .refused(result.diagnostics.count)
      } catch let errors as ConfigurationErrors {
        checked = .refused(errors.diagnostics.count)
      } catch {
        checked = .refused(1)
      }
      // The first sheet is what an import reads; the others are read for what they may hold.
      if index == 0 { outcome = checked }
    }
    return outcome
  }
}
