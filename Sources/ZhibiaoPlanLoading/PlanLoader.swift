import Foundation
import ZhibiaoKernel

/// Loads the plan from a configuration folder with every domain module of this build.
public enum PlanLoader {
  /// Loads and freezes the plan in `path` (as the user wrote it, e.g. `Config`).
  public static func load(
    configPath: String, modules: [any DomainPlugin] = DomainModules.all
  ) throws(ConfigurationErrors) -> Plan {
    try load(source: DirectoryConfigSource(path: configPath), modules: modules)
  }

  /// Loads and freezes the plan in the folder at `configDirectory`.
  public static func load(
    configDirectory: URL, modules: [any DomainPlugin] = DomainModules.all
  ) throws(ConfigurationErrors) -> Plan {
    try load(configPath: configDirectory.path, modules: modules)
  }

  /// Loads and freezes the plan from any source.
  public static func load(
    source: any ConfigSource, modules: [any DomainPlugin] = DomainModules.all
  ) throws(ConfigurationErrors) -> Plan {
    var registry = Registry(source: source)
    for module in modules { registry.register(module) }
    return try registry.freeze()
  }
}
