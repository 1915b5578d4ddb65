import Foundation
import ZhibiaoKernel

/// Configuration files in a folder on disk.
public struct DirectoryConfigSource: ConfigSource {
  /// The folder, as the user named it (shown in diagnostics).
  public let path: String

  /// Reads from `path`.
  public init(path: String) { self.path = path }

  private func url(_ relative: String) -> URL {
    URL(fileURLWithPath: path, isDirectory: true).appendingPathComponent(relative)
  }

  public func contents(of relative: String) throws -> Data? {
    let file = url(relative)
    guard FileManager.default.fileExists(atPath: file.path) else { return nil }
    return try Data(contentsOf: file)
  }

  public func displayName(of relative: String) -> String {
    path.isEmpty || path == "." ? relative : "\(path.hasSuffix("/") ? String(path.dropLast()) : path)/\(relative)"
  }

  public func yamlFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
  }
}
