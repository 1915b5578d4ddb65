import Foundation

/// Builds the plan once: the plan file, every domain file under `domains/`, and the code
/// extensions the host lists; then `freeze()` checks every cross-reference and hands out an
/// immutable `Plan`.
///
/// A domain is data first: its YAML file declares its lead bureau, the responsible units it adds,
/// its areas, indicators, tasks and registers, and works without any Swift. A domain module is an
/// optional extension that registers what only code can say (derived indicators, domain checks).
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
  private var extensions: [any DomainPlugin] = []

  /// The folder whose YAML files are the domains.
  public static let domainFolder = "domains"

  /// Starts a registry by reading the plan file (`plan.yaml`) from `source`.
  public init(source: any ConfigSource, planFile: String = "plan.yaml") {
    self.source = source
    self.decoder = ConfigDecoder(log: log)
    self.planFileName = source.displayName(of: planFile)
    if let root = document(planFile) {
      self.planFile = decoder.planFile(root)
    }
  }

  /// Registers a domain module: the code extension of the domain its `domainID` names.
  public mutating func register(_ plugin: any DomainPlugin) {
    if extensions.contains(where: { $0.domainID == plugin.domainID }) {
      log.error(
        "Two domain modules claim the domain '\(plugin.domainID)'.",
        at: SourceLocation(file: planFileName, line: 1, column: 1))
      return
    }
    extensions.append(plugin)
  }

  /// Every domain file, merged by the domain it declares, in the plan's order (`domains:` in the
  /// plan file); domains the plan does not order follow, by id.
  private func domainFiles() -> [(id: DomainID, file: DomainFile)] {
    var merged: [DomainID: DomainFile] = [:]
    var firstSeen: [DomainID] = []
    for path in source.yamlFiles(in: Self.domainFolder) {
      guard let root = document(path) else { continue }
      let part = decoder.domainFile(root)
      guard let id = part.id else { continue }
      guard var file = merged[id] else {
        merged[id] = part
        firstSeen.append(id)
        continue
      }
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
      merged[id] = file
    }
    for entry in planFile.domainOrder where merged[entry.id] == nil {
      log.error(
        "The plan orders the domain '\(entry.id)', but no file in \(Self.domainFolder)/ declares it.",
        at: entry.location,
        hint: Suggestion.hint(for: entry.id.rawValue, among: firstSeen.map(\.rawValue)))
    }
    let order = planFile.domainOrder.map(\.id)
    return firstSeen.compactMap { id in merged[id].map { (id, $0) } }.sorted {
      (order.firstIndex(of: $0.id) ?? order.count, $0.id.rawValue)
        < (order.firstIndex(of: $1.id) ?? order.count, $1.id.rawValue)
    }
  }

  /// Checks every cross-reference and returns the frozen plan, or every problem found.
  public consuming func freeze() throws(ConfigurationErrors) -> Plan {
    let domainFiles = domainFiles()
    let declared = Set(domainFiles.map(\.id))
    for plugin in extensions where !declared.contains(plugin.domainID) {
      log.error(
        "The domain module '\(plugin.domainID)' has no domain file: no file in \(Self.domainFolder)/ declares 'id: \(plugin.domainID)'.",
        at: SourceLocation(file: source.displayName(of: Self.domainFolder), line: 1, column: 1),
        hint: "add \(Self.domainFolder)/\(plugin.domainID).yaml, or remove the module from the host's list")
    }
    let attached = extensions.filter { declared.contains($0.domainID) }
    guard let settings = planFile.settings else {
      throw ConfigurationErrors(log.sorted)
    }
    let plan = Plan(
      id: settings.id, name: settings.name, baseYear: settings.baseYear,
      targetYear: settings.targetYear, commission: settings.commission,
      leadingGroup: settings.leadingGroup,
      orgs: sharedOrgs(besides: planFile.orgs + domainFiles.flatMap(\.file.orgs)),
      domains: domainFiles.compactMap(\.file.domain),
      indicators: planFile.indicators + domainFiles.flatMap(\.file.indicators),
      tasks: domainFiles.flatMap(\.file.tasks),
      registers: planFile.registers + domainFiles.flatMap(\.file.registers),
      goals: planFile.goals,
      derivations: attached.flatMap(\.derivations),
      decompositionDefaults: planFile.decomposition, monitoringSettings: planFile.monitoring,
      supervision: planFile.supervision, warnings: [])
    var checker = CrossReferenceChecker(plan: plan, log: log, settings: settings)
    checker.checkAll(derivationOwners: attached.flatMap { plugin in plugin.derivations.map { ($0, plugin.domainID) } })
    for plugin in attached {
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
      monitoringSettings: plan.monitoringSettings, supervision: plan.supervision, warnings: log.sorted)
  }

  /// The source's shared orgs that the plan does not declare itself, then the plan's own: a plan
  /// that declares an org of the shared ones (e.g. a copied domain file) keeps its own declaration.
  private func sharedOrgs(besides own: [Org]) -> [Org] {
    let declared = Set(own.map(\.id))
    return source.sharedOrgs.filter { !declared.contains($0.id) } + own
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
