import Foundation

/// The repository the tests were built from, found once by walking up from this file to the
/// folder that holds `Package.swift`. Every test that reads a file of the repository starts here.
public enum Repository {
  /// The repository's root folder.
  public static let root: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.pathComponents.count > 1 {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
        return folder
      }
      folder = folder.deletingLastPathComponent()
    }
    preconditionFailure("no folder above \(#filePath) holds Package.swift")
  }()

  /// The configuration folder, `Config/`.
  public static let config = root.appendingPathComponent("Config", isDirectory: true)

  /// The file or folder at `path`, relative to the root (e.g. `Sources/ZhibiaoKernel`).
  public static func url(_ path: String) -> URL {
    root.appendingPathComponent(path)
  }

  /// The text of the file at `path`, relative to the root.
  public static func text(_ path: String) throws -> String {
    try String(contentsOf: url(path), encoding: .utf8)
  }

  /// Every Swift file under the folder at `path`, relative to the root, at any depth.
  public static func swiftFiles(under path: String) -> [URL] {
    let enumerator = FileManager.default.enumerator(at: url(path), includingPropertiesForKeys: nil)
    let files = enumerator?.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
    return files.sorted { $0.path < $1.path }
  }
}
