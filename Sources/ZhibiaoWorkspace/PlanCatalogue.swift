import Foundation
import ZhibiaoKernel

/// The plans of a configuration folder: the folder's own plan (`plan.yaml` at its top, whose orgs
/// every plan shares) and one plan per folder under `plans/` that holds a `plan.yaml`, the folder
/// named by the plan's id. `plans.yaml` names the current plan (`current: <plan-id>`); without it
/// the folder's own plan is current. Every command reads the current plan unless `--plan` names
/// another.
public struct PlanCatalogue: Sendable {
  /// The configuration folder, as the user named it.
  public let root: DirectoryConfigSource
  /// The ids of the plans kept under `plans/`, sorted.
  public let folders: [String]
  /// The plan `plans.yaml` names current, with where it says so.
  public let current: (id: String, location: SourceLocation)?

  /// The file that names the current plan.
  public static let file = "plans.yaml"

  /// The plans of the configuration folder `configPath`; the problems of `plans.yaml` when it does
  /// not read.
  public init(configPath: String) throws(ConfigurationErrors) {
    root = DirectoryConfigSource(path: configPath)
    let plans = URL(fileURLWithPath: configPath, isDirectory: true)
      .appendingPathComponent(PlanFolderSource.plansFolder, isDirectory: true)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: plans.path)) ?? []
    folders = names.filter {
      FileManager.default.fileExists(atPath: plans.appendingPathComponent($0).appendingPathComponent("plan.yaml").path)
    }
    .sorted()
    let data: Data?
    do {
      data = try root.contents(of: Self.file)
    } catch {
      throw ConfigurationErrors([
        Diagnostic(.error, at: Self.start(of: Self.file, in: root), "The file cannot be read: \(error).")
      ])
    }
    guard let data else {
      current = nil
      return
    }
    current = try ConfigDocument.require(data, file: root.displayName(of: Self.file)) { reader in
      guard let mapping = reader.mapping() else { return nil }
      mapping.allowOnly(["current"], in: "the list of plans")
      guard let value = mapping.required("current", in: "the list of plans") else { return nil }
      return value.string().map { (id: $0, location: value.location) }
    }
  }

  /// The configuration of the plan `id`, or of the current plan when `id` is nil. A plan under
  /// `plans/` gets the orgs of the folder's own plan, which must load; an id that names no plan is
  /// an error that lists the plans there are.
  public func source(
    for id: String?, modules: [any DomainPlugin] = DomainModules.all
  ) throws(ConfigurationErrors) -> any ConfigSource {
    guard let wanted = id ?? current?.id else { return root }
    if folders.contains(wanted) {
      let shared = try PlanLoader.load(source: root, modules: modules)
      return PlanFolderSource(root: root, planID: wanted, sharedOrgs: shared.orgs)
    }
    let own = ownPlanID
    if own == wanted { return root }
    let listed = ([own].compactMap { $0 } + folders).map { $0 == (current?.id ?? own) ? "\($0) (current)" : $0 }
    let location = id == nil ? current?.location : nil
    throw ConfigurationErrors([
      Diagnostic(
        .error, at: location ?? Self.start(of: "plan.yaml", in: root),
        "There is no plan '\(wanted)' in \(root.path): the plans are \(listed.joined(separator: ", ")).",
        hint: "name one of them with --plan, or add the folder \(PlanFolderSource.plansFolder)/\(wanted)/")
    ])
  }

  /// The folder of the plan `id` (nil: the current one) relative to the configuration folder: its
  /// folder under `plans/`, or `.` for the configuration's own plan.
  public func folder(of id: String?) -> String {
    guard let id = id ?? current?.id, folders.contains(id) else { return "." }
    return "\(PlanFolderSource.plansFolder)/\(id)"
  }

  /// The id the folder's own `plan.yaml` gives its plan, when it reads.
  public var ownPlanID: String? {
    guard let data = try? root.contents(of: "plan.yaml") else { return nil }
    return ConfigDocument.decode(data, file: root.displayName(of: "plan.yaml")) {
      $0.mapping()?.optional("plan")?.mapping()?.optional("id")?.string()
    }.value
  }

  /// The plans there are, each with its id, its folder (nil for the folder's own plan) and whether
  /// it is current.
  public var plans: [(id: String, folder: String?, isCurrent: Bool)] {
    let own = ownPlanID
    let currentID = current?.id ?? own
    let entries = [(own, String?.none)] + folders.map { ($0, "\(PlanFolderSource.plansFolder)/\($0)") }
    return entries.compactMap { id, folder in id.map { (id: $0, folder: folder, isCurrent: $0 == currentID) } }
  }

  private static func start(of file: String, in root: DirectoryConfigSource) -> SourceLocation {
    SourceLocation(file: root.displayName(of: file), line: 1, column: 1)
  }
}
