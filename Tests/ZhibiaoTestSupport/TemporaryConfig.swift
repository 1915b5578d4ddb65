import Foundation
import Testing

/// A copy of the repository's `Config/` in a temporary folder, for runs of the executable on an
/// edited configuration. The copy goes when the last reference to it goes.
public final class TemporaryConfig: Sendable {
  /// The folder that holds the copy.
  public let directory: TemporaryDirectory
  /// The copy of `Config/`.
  public let url: URL

  /// Copies `Config/` with everything in it.
  public init() throws {
    directory = try TemporaryDirectory()
    url = directory.url.appendingPathComponent("Config", isDirectory: true)
    try FileManager.default.copyItem(at: Repository.config, to: url)
  }

  /// The copy's path, as `--config` takes it.
  public var path: String { url.path }

  /// The text of the copy's file at `path`, relative to the copy.
  public func text(_ path: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
  }

  /// Replaces `old` by `new` in the copy's file at `path` (see `ConfigEdit.replacing`), and
  /// returns the edited text.
  @discardableResult
  public func edit(
    _ path: String, replacing old: String, with new: String, after anchor: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let edited = try ConfigEdit.replacing(
      old, with: new, after: anchor, in: text(path), sourceLocation: sourceLocation)
    try edited.write(to: url.appendingPathComponent(path), atomically: true, encoding: .utf8)
    return edited
  }
}

extension TemporaryConfig {
  /// Adds a second plan in `plans/<id>/`: the configuration's own domains, figures, scheme and
  /// layout under the id `id` and the name with `（乙）` / ` (B)` appended, and no `orgs:` in its
  /// plan file (it shares those of the configuration's own plan).
  public func addPlan(_ id: String) throws {
    let folder = url.appendingPathComponent("plans/\(id)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["domains", "baselines.csv", "assessment.yaml", "report.yaml"] {
      try FileManager.default.copyItem(at: url.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    var dropping = false
    let lines = try text("plan.yaml").split(separator: "\n", omittingEmptySubsequences: false).filter { line in
      if line.hasPrefix("orgs:") {
        dropping = true
      } else if let first = line.first, first.isLetter {
        dropping = false
      }
      return !dropping
    }
    var plan = lines.joined(separator: "\n")
    plan = try ConfigEdit.replacing("  id: hz_producer_services\n", with: "  id: \(id)\n", in: plan)
    plan = try ConfigEdit.replacing(
      "    zh: 杭州市生产性服务业创新发展实施方案\n", with: "    zh: 杭州市生产性服务业创新发展实施方案（乙）\n", in: plan)
    try plan.write(to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
  }
}
