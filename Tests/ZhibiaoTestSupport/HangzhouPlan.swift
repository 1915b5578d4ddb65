import Foundation
import Testing
import ZhibiaoHost
import ZhibiaoKernel

/// The repository's own plan — Hangzhou's producer services plan in `Config/` — loaded once for
/// the whole test run, with its target book, base-year figures, assessment scheme and sample
/// events, and once as the commands' `Workspace`; and its configuration texts, for tests that
/// load an edited copy.
public enum HangzhouPlan {
  /// `Config/` checked as `zhibiao validate` checks it, with every domain module of the host.
  public static let validation = ValidationReport(configPath: Repository.config.path)

  /// The domain modules the plan is loaded with: the host's one list.
  public static var modules: [any DomainPlugin] { DomainModules.all }

  /// The plan; fails the calling test with every diagnostic when `Config/` does not load.
  public static func plan(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
    try #require(validation.plan, "Config/ does not load:\n\(listing)", sourceLocation: sourceLocation)
  }

  /// The target book decomposed from the plan and its baselines.
  public static func targetBook(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> TargetBook {
    try #require(validation.targetBook, "Config/ has no target book:\n\(listing)", sourceLocation: sourceLocation)
  }

  /// The base-year figures of `Config/baselines.csv`.
  public static func baselines(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Baselines {
    try #require(validation.baselines, "Config/ has no baselines:\n\(listing)", sourceLocation: sourceLocation)
  }

  /// `Config/` loaded as the commands load it, with every domain module of the host.
  private static let loadedWorkspace = Result { () throws(ConfigurationErrors) -> Workspace in
    try Workspace(configPath: Repository.config.path)
  }

  /// The plan, target book, baselines, scheme and report layout as one `Workspace`, loaded once;
  /// throws every diagnostic when `Config/` does not load.
  public static func workspace() throws -> Workspace {
    try loadedWorkspace.get()
  }

  /// Every diagnostic of the validation, one per line, for failure messages.
  public static var listing: String {
    validation.diagnostics.isEmpty ? "(none)" : validation.diagnostics.map(\.description).joined(separator: "\n")
  }

  // MARK: - Assessment

  /// The file the assessment scheme is read from, as diagnostics name it.
  public static let schemeFile = "Config/assessment.yaml"
  /// The file the sample events of 2024 are read from, as diagnostics name it.
  public static let eventsFile = "Config/sample/assessment-events-2024.yaml"

  private static let decodedScheme: Decoded<AssessmentScheme> = decode(file: schemeFile) { reader in
    validation.plan.flatMap { AssessmentScheme.decode(reader, plan: $0) }
  }

  private static let decodedEvents: Decoded<AssessmentEvents> = decode(file: eventsFile) { reader in
    guard let plan = validation.plan, let scheme = decodedScheme.value else { return nil }
    return AssessmentEvents.decode(reader, plan: plan, scheme: scheme, year: 2024)
  }

  /// The assessment scheme of `Config/assessment.yaml`; fails the calling test unless it decodes
  /// with nothing to report.
  public static func scheme(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> AssessmentScheme {
    try decodedScheme.require(sourceLocation: sourceLocation)
  }

  /// The sample assessment events of 2024; fails the calling test unless they decode with nothing
  /// to report.
  public static func sampleEvents(
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> AssessmentEvents {
    try decodedEvents.require(sourceLocation: sourceLocation)
  }

  /// A decoded file and everything its decoding reported.
  private struct Decoded<Value: Sendable>: Sendable {
    let file: String
    let value: Value?
    let diagnostics: [Diagnostic]

    func require(sourceLocation: Testing.SourceLocation) throws -> Value {
      let listing = diagnostics.map(\.description).joined(separator: "\n")
      #expect(diagnostics.isEmpty, "\(file):\n\(listing)", sourceLocation: sourceLocation)
      return try #require(value, "\(file) does not decode:\n\(listing)", sourceLocation: sourceLocation)
    }
  }

  private static func decode<Value>(
    file: String, _ body: (NodeReader) -> Value?
  ) -> Decoded<Value> {
    let log = DiagnosticLog()
    do {
      let data = try Data(contentsOf: Repository.url(file))
      guard let root = try YAMLParser().parse(data, file: file) else {
        return Decoded(file: file, value: nil, diagnostics: [])
      }
      let value = body(NodeReader(root, log: log))
      return Decoded(file: file, value: value, diagnostics: log.sorted)
    } catch let diagnostic as Diagnostic {
      return Decoded(file: file, value: nil, diagnostics: log.sorted + [diagnostic])
    } catch {
      return Decoded(
        file: file, value: nil,
        diagnostics: [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "\(error)")])
    }
  }

  // MARK: - Configuration texts

  /// The text of `Config/<path>`.
  public static func text(_ path: String) throws -> String {
    try String(contentsOf: Repository.config.appendingPathComponent(path), encoding: .utf8)
  }

  /// The texts of the plan file and of every domain file, by path relative to `Config/`.
  public static func files() throws -> [String: String] {
    var files: [String: String] = [:]
    let domains = try FileManager.default.contentsOfDirectory(
      atPath: Repository.config.appendingPathComponent("domains").path
    ).filter { $0.hasSuffix(".yaml") }.sorted().map { "domains/\($0)" }
    for path in ["plan.yaml"] + domains {
      files[path] = try text(path)
    }
    return files
  }

  /// The texts of `files()` with `old` replaced by `new` in the file at `path` (see
  /// `ConfigEdit.replacing`).
  public static func files(
    editing path: String, replacing old: String, with new: String, after anchor: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> [String: String] {
    var files = try files()
    try edit(&files, path, replacing: old, with: new, after: anchor, sourceLocation: sourceLocation)
    return files
  }

  /// Replaces `old` by `new` in `files[path]` (see `ConfigEdit.replacing`).
  public static func edit(
    _ files: inout [String: String], _ path: String, replacing old: String, with new: String,
    after anchor: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let text = try #require(files[path], "no file \(path)", sourceLocation: sourceLocation)
    files[path] = try ConfigEdit.replacing(old, with: new, after: anchor, in: text, sourceLocation: sourceLocation)
  }

  /// The configuration held in memory, shown as `Config/…` in diagnostics, after `edit`.
  public static func source(
    editing edit: (inout [String: String]) throws -> Void = { _ in }
  ) throws -> InMemoryConfigSource {
    var files = try files()
    try edit(&files)
    return InMemoryConfigSource(files, root: "Config")
  }

  /// The text of the file at `path` in `source`, as a fixture named as diagnostics name it.
  public static func fixture(_ path: String, in files: [String: String]) -> FixtureText {
    FixtureText(files[path] ?? "", file: "Config/\(path)")
  }
}
