import Foundation

/// Builds the plan once: the plan file, then each domain module in the host's list, then
/// `freeze()` checks every cross-reference and hands out an immutable `Plan`.
///
/// Every problem of every file is collected before anything is refused, so one run of
/// `zhibiao validate` reports them all. `freeze()` consumes the registry: nothing can be
/// registered after the plan is frozen.
public struct Registry {
  private let source: any ConfigSource
  private let log = DiagnosticLog()
  private let decoder: ConfigDecoder
  private var planFile = PlanFile()
  private var planFileName: String
  private var domainFiles: [(plugin: any DomainPlugin, file: DomainFile)] = []
  private var claimedFiles: Set<String>

  /// Starts a registry by reading the plan file (`plan.yaml`) from `source`.
  public init(source: any ConfigSource, planFile: String = "plan.yaml") {
    self.source = source
    self.decoder = ConfigDecoder(log: log)
    self.planFileName = source.displayName(of: planFile)
    self.claimedFiles = [planFile]
    if let root = document(planFile) {
      self.planFile = decoder.planFile(root)
    }
  }

  /// Registers a domain module: reads its files and keeps its derivations and checks.
  public mutating func register(_ plugin: any DomainPlugin) {
    if domainFiles.contains(where: { $0.plugin.domainID == plugin.domainID }) {
      log.error(
        "Two domain modules claim the domain '\(plugin.domainID)'.",
        at: SourceLocation(file: planFileName, line: 1, column: 1))
      return
    }
    var file = DomainFile()
    for path in plugin.configurationFiles {
      claimedFiles.insert(path)
      guard let root = document(path) else { continue }
      let part = decoder.domainFile(root, expected: plugin.domainID)
      // The first file's header names the domain; every file contributes its areas.
      if file.domain == nil {
        file.domain = part.domain
      } else if let areas = part.domain?.areas {
        file.domain?.areas += areas
      }
      file.orgs += part.orgs
      file.indicators += part.indicators
      file.tasks += part.tasks
      file.registers += part.registers
    }
    domainFiles.append((plugin, file))
  }

  /// Checks every cross-reference and returns the frozen plan, or every problem found.
  public consuming func freeze() throws(ConfigurationErrors) -> Plan {
    for path in source.yamlFiles(in: "domains") where !claimedFiles.contains(path) {
      log.warning(
        "No domain module reads this file, so it has no effect.",
        at: SourceLocation(file: source.displayName(of: path), line: 1, column: 1),
        hint: "add its module to the host's list of domains, or remove the file")
    }
    guard let settings = planFile.settings else {
      throw ConfigurationErrors(log.sorted)
    }
    let plan = Plan(
      id: settings.id, name: settings.name, baseYear: settings.baseYear,
      targetYear: settings.targetYear, commission: settings.commission,
      leadingGroup: settings.leadingGroup,
      orgs: planFile.orgs + domainFiles.flatMap(\.file.orgs),
      domains: domainFiles.compactMap(\.file.domain),
      indicators: planFile.indicators + domainFiles.flatMap(\.file.indicators),
      tasks: domainFiles.flatMap(\.file.tasks),
      registers: domainFiles.flatMap(\.file.registers),
      goals: planFile.goals,
      derivations: domainFiles.flatMap(\.plugin.derivations),
      decompositionDefaults: planFile.decomposition, monitoringSettings: planFile.monitoring, warnings: [])
    var checker = CrossReferenceChecker(plan: plan, log: log, settings: settings)
    checker.checkAll(derivationOwners: derivationOwners)
    for (plugin, _) in domainFiles {
      for check in plugin.checks {
        check.run(plan).forEach(log.report)
      }
    }
    if log.hasErrors { throw ConfigurationErrors(log.sorted) }
    return Plan(
      id: plan.id, name: plan.name, baseYear: plan.baseYear, targetYear: plan.targetYear,
      commission: plan.commission, leadingGroup: plan.leadingGroup, orgs: plan.orgs,
      domains: plan.domains, indicators: plan.indicators, tasks: plan.tasks, registers: plan.registers,
      goals: plan.goals,
      derivations: plan.derivations, decompositionDefaults: plan.decompositionDefaults,
      monitoringSettings: plan.monitoringSettings, warnings: log.sorted)
  }

  private var derivationOwners: [(Derivation, DomainID)] {
    domainFiles.flatMap { entry in entry.plugin.derivations.map { ($0, entry.plugin.domainID) } }
  }

  /// Reads and parses a file; nil (with the problem logged) when it is missing, empty or
  /// not valid YAML.
  private func document(_ path: String) -> NodeReader? {
    let name = source.displayName(of: path)
    let start = SourceLocation(file: name, line: 1, column: 1)
    let data: Data
    do {
      guard let contents = try source.contents(of: path) else {
        log.error("The configuration file is missing.", at: start)
        return nil
      }
      data = contents
    } catch {
      log.error("The configuration file cannot be read: \(error.localizedDescription)", at: start)
      return nil
    }
    do {
      guard let root = try YAMLParser().parse(data, file: name) else {
        log.error("The configuration file is empty.", at: start)
        return nil
      }
      return NodeReader(root, log: log)
    } catch {
      log.report(error)
      return nil
    }
  }
}
