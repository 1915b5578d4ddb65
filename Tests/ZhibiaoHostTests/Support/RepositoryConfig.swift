import Foundation
import ZhibiaoKernel

/// The repository's own `Config/`, found from this file's path.
enum RepositoryConfig {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let directory = root.appendingPathComponent("Config")

  /// Every YAML file of the real configuration, as texts keyed by relative path.
  static func files() throws -> [String: String] {
    var files: [String: String] = [:]
    for path in ["plan.yaml"]
      + (try FileManager.default.contentsOfDirectory(atPath: directory.path + "/domains"))
      .filter({ $0.hasSuffix(".yaml") }).map({ "domains/\($0)" })
    {
      files[path] = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }
    return files
  }

  /// The real configuration held in memory, shown as `Config/…` in diagnostics.
  static func inMemory(editing edit: (inout [String: String]) -> Void = { _ in }) throws -> InMemoryConfigSource {
    var files = try files()
    edit(&files)
    return InMemoryConfigSource(files, root: "Config")
  }
}

extension String {
  /// The text with the first occurrence of `target` replaced; traps when absent, so that a
  /// test's edit cannot silently miss.
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { preconditionFailure("'\(target)' not found") }
    return replacingCharacters(in: range, with: replacement)
  }
}
