// The repository's own configuration (Config/), read from disk or copied into memory for
// editing, and the five domain modules in the host's order.

import BusinessDomain
import DigitalDomain
import FinanceDomain
import Foundation
import LogisticsDomain
import TechDomain
import Testing
import ZhibiaoKernel

/// Configuration files in a folder on disk; the host's DirectoryConfigSource, re-stated for the
/// tests so that this target depends on the kernel and the modules only.
struct DiskConfigSource: ConfigSource {
  /// The folder.
  let root: URL

  func contents(of path: String) throws -> Data? {
    let url = root.appendingPathComponent(path)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return try Data(contentsOf: url)
  }

  func displayName(of path: String) -> String { "Config/\(path)" }

  func yamlFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
  }
}

enum Repository {
  /// The repository root: this file is Tests/DomainModuleTests/RepositoryConfig.swift.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The repository's Config folder.
  static let config = root.appendingPathComponent("Config", isDirectory: true)

  /// The domain modules, in the host's order.
  static let modules: [any DomainPlugin] = [
    DigitalDomain(), TechDomain(), FinanceDomain(), LogisticsDomain(), BusinessDomain(),
  ]

  /// The text of every file the plan and the modules read, by path relative to Config/.
  static func files() throws -> [String: String] {
    var files: [String: String] = [:]
    let domains = try FileManager.default.contentsOfDirectory(atPath: config.appendingPathComponent("domains").path)
      .filter { $0.hasSuffix(".yaml") }.map { "domains/\($0)" }
    for path in ["plan.yaml"] + domains {
      files[path] = try String(contentsOf: config.appendingPathComponent(path), encoding: .utf8)
    }
    return files
  }

  /// The repository's files with `old` replaced by `new` in `path`; `old` must occur once.
  static func files(
    editing path: String, replacing old: String, with new: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> [String: String] {
    var files = try files()
    let text = try #require(files[path], "no file \(path)", sourceLocation: sourceLocation)
    let count = text.components(separatedBy: old).count - 1
    try #require(count == 1, "'\(old)' occurs \(count) times in \(path)", sourceLocation: sourceLocation)
    files[path] = text.replacingOccurrences(of: old, with: new)
    return files
  }
}

/// What one `freeze()` produced.
struct Loaded {
  /// The frozen plan, nil when `freeze()` threw.
  let plan: Plan?
  /// Every diagnostic: the plan's warnings, or everything it was refused with.
  let diagnostics: [Diagnostic]

  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// All diagnostics, one per line, for failure messages.
  var listing: String { diagnostics.isEmpty ? "(none)" : diagnostics.map(\.description).joined(separator: "\n") }
}

/// Loads `source` with every domain module and freezes.
func loadPlan(from source: any ConfigSource) -> Loaded {
  var registry = Registry(source: source)
  for module in Repository.modules { registry.register(module) }
  do {
    let plan = try registry.freeze()
    return Loaded(plan: plan, diagnostics: plan.warnings)
  } catch {
    return Loaded(plan: nil, diagnostics: error.diagnostics)
  }
}

/// The repository's plan, loaded from disk.
func repositoryPlan(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Plan {
  let loaded = loadPlan(from: DiskConfigSource(root: Repository.config))
  return try #require(loaded.plan, "Config/ does not load:\n\(loaded.listing)", sourceLocation: sourceLocation)
}
