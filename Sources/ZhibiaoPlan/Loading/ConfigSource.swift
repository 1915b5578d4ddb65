import Foundation

/// Where configuration files come from: a folder on disk in the host, memory in tests.
public protocol ConfigSource: Sendable {
  /// The contents of `path` (relative to the configuration root), or nil when it does not exist.
  func contents(of path: String) throws -> Data?
  /// The name to print for `path` in diagnostics, e.g. `Config/domains/<id>.yaml`.
  func displayName(of path: String) -> String
  /// The YAML files under `folder`, relative to the root, for spotting files no module claims.
  func yamlFiles(in folder: String) -> [String]
  /// The orgs declared once for every plan of a configuration, which this plan uses without
  /// declaring them (a plan under `plans/` shares the configuration's own plan's orgs).
  var sharedOrgs: [Org] { get }
}

extension ConfigSource {
  /// None: the plan declares all its orgs.
  public var sharedOrgs: [Org] { [] }
}

/// Configuration files held in memory, for tests and for checking a proposed change.
public struct InMemoryConfigSource: ConfigSource {
  /// Files by relative path.
  public var files: [String: String]
  /// The prefix shown in diagnostics.
  public var root: String

  /// Creates a source from file texts.
  public init(_ files: [String: String], root: String = "Config") {
    self.files = files
    self.root = root
  }

  public func contents(of path: String) throws -> Data? { files[path].map { Data($0.utf8) } }

  public func displayName(of path: String) -> String { root.isEmpty ? path : "\(root)/\(path)" }

  public func yamlFiles(in folder: String) -> [String] {
    files.keys.filter { $0.hasPrefix(folder + "/") && $0.hasSuffix(".yaml") }.sorted()
  }
}
