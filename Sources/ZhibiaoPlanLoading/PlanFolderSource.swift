import Foundation
import ZhibiaoKernel

/// The configuration of one plan kept in a folder of its own under a configuration folder
/// (`Config/plans/<plan-id>/`): its files are read there, and it shares the orgs that the
/// configuration's own plan declares.
public struct PlanFolderSource: ConfigSource {
  /// The configuration folder the plan is kept in.
  public let root: DirectoryConfigSource
  /// The plan's folder, relative to the root (e.g. `plans/hz_producer_services_2026`).
  public let folder: String
  /// The folder's name, which is the plan's id.
  public let planID: String
  public let sharedOrgs: [Org]

  /// The plan in `plans/<planID>/` of `root`, sharing `sharedOrgs`.
  public init(root: DirectoryConfigSource, planID: String, sharedOrgs: [Org]) {
    self.root = root
    self.planID = planID
    self.folder = "\(PlanFolderSource.plansFolder)/\(planID)"
    self.sharedOrgs = sharedOrgs
  }

  /// The folder of a configuration that holds its further plans, one folder each.
  public static let plansFolder = "plans"

  public func contents(of path: String) throws -> Data? { try root.contents(of: "\(folder)/\(path)") }

  public func displayName(of path: String) -> String { root.displayName(of: "\(folder)/\(path)") }

  public func yamlFiles(in folder: String) -> [String] {
    root.yamlFiles(in: "\(self.folder)/\(folder)").map { String($0.dropFirst(self.folder.count + 1)) }
  }
}
