/// The plan-level settings of `plan.yaml`'s `plan:` mapping.
struct PlanSettings {
  var id: PlanID
  var name: LocalizedText
  var baseYear: Int
  var targetYear: Int
  var commission: OrgID
  var leadingGroup: OrgID
  var location: SourceLocation
  var positions: [String: SourceLocation]
}

/// What `plan.yaml` declares.
struct PlanFile {
  var settings: PlanSettings?
  var orgs: [Org] = []
  var indicators: [Indicator] = []
  var goals: [GoalGroup] = []
  /// The plan's order of its domains (`domains:`), each id with where it is written.
  var domainOrder: [(id: DomainID, location: SourceLocation)] = []
  var registers: [Register] = []
  var decomposition = DecompositionDefaults()
  var monitoring = MonitoringSettings()
  var supervision = SupervisionRules()
}

/// What a domain file declares.
struct DomainFile {
  /// The domain the file declares (`domain.id`), even when the rest of its header is broken.
  var id: DomainID?
  var domain: Domain?
  var orgs: [Org] = []
  var indicators: [Indicator] = []
  var tasks: [KeyTask] = []
  var registers: [Register] = []
}

extension ConfigDecoder {
  static let planFileKeys = [
    "plan", "decomposition", "monitoring", "supervision", "orgs", "indicators", "goals", "domains", "registers",
  ]
  static let planKeys = ["id", "name", "base_year", "target_year", "commission", "leading_group"]
  static let domainFileKeys = ["domain", "orgs", "areas", "indicators", "tasks", "registers"]
  static let domainKeys = ["id", "name", "lead"]
  /// The most years a plan spans, base year to target year.
  static let longestPlan = 50

  func planFile(_ root: NodeReader) -> PlanFile {
    var file = PlanFile()
    guard let mapping = root.mapping() else { return file }
    mapping.allowOnly(Self.planFileKeys, in: "the plan file")
    if let plan = mapping.required("plan", in: "the plan file")?.mapping() {
      plan.allowOnly(Self.planKeys, in: "'plan'")
      var positions: [String: SourceLocation] = [:]
      let id: PlanID? = identifier(plan.required("id", in: "'plan'"))
      let name = localizedText(plan.required("name", in: "'plan'"), in: "the plan")
      let baseYear = plan.required("base_year", in: "'plan'")?.int()
      let targetReader = plan.required("target_year", in: "'plan'")
      var targetYear = targetReader?.int()
      let commissionReader = plan.required("commission", in: "'plan'")
      let commission: OrgID? = identifier(commissionReader)
      positions["commission"] = commissionReader?.location
      let groupReader = plan.required("leading_group", in: "'plan'")
      let group: OrgID? = identifier(groupReader)
      positions["leading_group"] = groupReader?.location
      if let baseYear, let targetYear, targetYear <= baseYear {
        plan.reader.error("The target year \(targetYear) is not after the base year \(baseYear).")
      } else if let baseYear, let target = targetYear, target - baseYear > Self.longestPlan {
        // A plan's years are laid out year by year and quarter by quarter; a span like 2021–9999
        // would take minutes and gigabytes before saying anything useful.
        targetReader?.error(
          "The target year \(target) is \(target - baseYear) years after the base year \(baseYear); a plan spans at most \(Self.longestPlan) years."
        )
        targetYear = nil
      }
      if let baseYear, !(1949...2200).contains(baseYear) {
        plan.optional("base_year")?.error("The base year \(baseYear) is not a year between 1949 and 2200.")
      }
      if let id, let name, let baseYear, let targetYear, let commission, let group {
        file.settings = PlanSettings(
          id: id, name: name, baseYear: baseYear, targetYear: targetYear, commission: commission,
          leadingGroup: group, location: plan.location, positions: positions)
      }
    }
    file.orgs = (mapping.optional("orgs")?.sequence() ?? []).compactMap(org)
    file.indicators = (mapping.optional("indicators")?.sequence() ?? []).compactMap {
      indicator($0, domain: nil)
    }
    file.registers = (mapping.optional("registers")?.sequence() ?? []).compactMap { register($0, domain: nil) }
    file.goals = (mapping.required("goals", in: "the plan file")?.sequence() ?? []).compactMap(goal)
    file.domainOrder = (mapping.optional("domains")?.sequence() ?? []).compactMap { reader in
      identifier(reader).map { (id: $0, location: reader.location) }
    }
    if let defaults = mapping.optional("decomposition") { file.decomposition = decompositionDefaults(defaults) }
    if let monitoring = mapping.optional("monitoring") { file.monitoring = monitoringSettings(monitoring) }
    if let supervision = mapping.optional("supervision") { file.supervision = supervisionRules(supervision) }
    return file
  }

  /// A domain file: the `domain:` header names the domain, and everything else in the file
  /// belongs to it.
  func domainFile(_ root: NodeReader) -> DomainFile {
    var file = DomainFile()
    guard let mapping = root.mapping() else { return file }
    mapping.allowOnly(Self.domainFileKeys, in: "a domain file")
    guard let header = mapping.required("domain", in: "a domain file")?.mapping() else { return file }
    header.allowOnly(Self.domainKeys, in: "'domain'")
    guard let domainID: DomainID = identifier(header.required("id", in: "'domain'")) else { return file }
    file.id = domainID
    let name = localizedText(header.required("name", in: "'domain'"), in: "domain '\(domainID)'")
    let leadReader = header.required("lead", in: "'domain'")
    let lead: OrgID? = identifier(leadReader)
    let areas = (mapping.optional("areas")?.sequence() ?? []).compactMap { area($0, domain: domainID) }
    if let name, let lead {
      file.domain = Domain(
        id: domainID, name: name, lead: lead, areas: areas, location: header.location,
        positions: ["lead": leadReader?.location ?? header.location])
    }
    file.orgs = (mapping.optional("orgs")?.sequence() ?? []).compactMap(org)
    file.indicators = (mapping.optional("indicators")?.sequence() ?? []).compactMap {
      indicator($0, domain: domainID)
    }
    file.tasks = (mapping.optional("tasks")?.sequence() ?? []).compactMap { task($0, domain: domainID) }
    file.registers = (mapping.optional("registers")?.sequence() ?? []).compactMap {
      register($0, domain: domainID)
    }
    for (kind, ids) in [
      ("indicator", file.indicators.map(\.id.rawValue)), ("area", areas.map(\.id.rawValue)),
      ("task", file.tasks.map(\.id.rawValue)),
    ] {
      for (index, raw) in ids.enumerated() where !raw.hasPrefix("\(domainID).") {
        let location =
          switch kind {
          case "indicator": file.indicators[index].location
          case "area": areas[index].location
          default: file.tasks[index].location
          }
        log.error(
          "The \(kind) id '\(raw)' does not start with its domain '\(domainID).'.", at: location,
          hint: "rename it '\(domainID).\(raw.split(separator: ".").last ?? "")'")
      }
    }
    return file
  }
}
