/// The plan (实施方案) as loaded, checked and frozen: immutable and safe to share.
///
/// Built only by `Registry.freeze()`, which has checked every cross-reference.
public struct Plan: Sendable {
  /// The plan's id.
  public let id: PlanID
  /// The plan's name.
  public let name: LocalizedText
  /// The base year (基期), e.g. 2021.
  public let baseYear: Int
  /// The target year (目标年), e.g. 2025.
  public let targetYear: Int
  /// The plan's years: those after the base year, up to and including the target year. Targets,
  /// figures and periods of the plan fall in them. Empty for a plan whose target year is not after
  /// its base year (which the registry refuses).
  public var years: Range<Int> { baseYear + 1..<max(baseYear + 1, targetYear + 1) }
  /// The org that runs the consolidated assessment.
  public let commission: OrgID
  /// The leading group that coordinates the plan.
  public let leadingGroup: OrgID
  /// Every org, in the order defined.
  public let orgs: [Org]
  /// Every domain, in the order its module is listed.
  public let domains: [Domain]
  /// Every indicator: plan-level first, then each domain's.
  public let indicators: [Indicator]
  /// Every key task.
  public let tasks: [KeyTask]
  /// Every register (名录).
  public let registers: [Register]
  /// The goal groups (1+4+3).
  public let goals: [GoalGroup]
  /// Indicators computed from others, by the domain modules.
  public let derivations: [Derivation]
  /// Plan-wide decomposition settings.
  public let decompositionDefaults: DecompositionDefaults
  /// Traffic-light bands, due dates and outlier thresholds for monitoring.
  public let monitoringSettings: MonitoringSettings
  /// The supervision notices' levels, triggers, days to answer and escalation (`supervision:`).
  public let supervision: SupervisionRules
  /// Warnings found while loading (the plan loaded, but something deserves a look).
  public let warnings: [Diagnostic]

  private let orgIndex: [OrgID: Int]
  private let indicatorIndex: [IndicatorID: Int]
  private let domainIndex: [DomainID: Int]
  private let derivationIndex: [IndicatorID: Int]

  init(
    id: PlanID, name: LocalizedText, baseYear: Int, targetYear: Int, commission: OrgID,
    leadingGroup: OrgID, orgs: [Org], domains: [Domain], indicators: [Indicator], tasks: [KeyTask],
    registers: [Register] = [], goals: [GoalGroup], derivations: [Derivation],
    decompositionDefaults: DecompositionDefaults, monitoringSettings: MonitoringSettings = MonitoringSettings(),
    supervision: SupervisionRules = SupervisionRules(), warnings: [Diagnostic]
  ) {
    self.id = id
    self.name = name
    self.baseYear = baseYear
    self.targetYear = targetYear
    self.commission = commission
    self.leadingGroup = leadingGroup
    self.orgs = orgs
    self.domains = domains
    self.indicators = indicators
    self.tasks = tasks
    self.registers = registers
    self.goals = goals
    self.derivations = derivations
    self.decompositionDefaults = decompositionDefaults
    self.monitoringSettings = monitoringSettings
    self.supervision = supervision
    self.warnings = warnings
    orgIndex = Self.index(orgs.map(\.id))
    indicatorIndex = Self.index(indicators.map(\.id))
    domainIndex = Self.index(domains.map(\.id))
    derivationIndex = Self.index(derivations.map(\.indicator))
  }

  private static func index<ID: Hashable>(_ ids: [ID]) -> [ID: Int] {
    Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The org with `id`.
  public func org(_ id: OrgID) -> Org? { orgIndex[id].map { orgs[$0] } }

  /// The indicator with `id`.
  public func indicator(_ id: IndicatorID) -> Indicator? { indicatorIndex[id].map { indicators[$0] } }

  /// The domain with `id`.
  public func domain(_ id: DomainID) -> Domain? { domainIndex[id].map { domains[$0] } }

  /// The derivation that computes `id`, if a domain module supplies one.
  public func derivation(for id: IndicatorID) -> Derivation? {
    derivationIndex[id].map { derivations[$0] }
  }

  /// The register with `id`.
  public func register(_ id: RegisterID) -> Register? { registers.first { $0.id == id } }

  /// The indicators counted from `register`.
  public func indicators(countingRegister register: RegisterID) -> [Indicator] {
    indicators.filter { $0.countOf?.register == register }
  }

  /// The registers a bureau keeps: those of the domains it leads, and those counting an
  /// indicator it owns, though another bureau leads the register's domain.
  public func registers(keptBy bureau: OrgID) -> [Register] {
    registers.filter { register in
      register.domain.flatMap { domain($0) }?.lead == bureau
        || indicators(countingRegister: register.id).contains { $0.owner == bureau }
    }
  }

  /// The registers a district sends entries of: those counting an indicator that applies to it.
  public func registers(reportedBy district: OrgID) -> [Register] {
    registers.filter { register in
      indicators(countingRegister: register.id).contains { indicator in
        indicator.aggregation != .cityOnly && (indicator.eligible?.contains(district) ?? true)
      }
    }
  }

  /// The area with `id`.
  public func area(_ id: AreaID) -> Area? {
    domains.lazy.flatMap(\.areas).first { $0.id == id }
  }

  /// The 13 districts (or however many the plan has), in the order defined.
  public var districts: [Org] { orgs.filter { $0.kind == .district } }

  /// The indicators that carry a target or an aim, leaving out supporting ones.
  public var targetIndicators: [Indicator] { indicators.filter(\.isTarget) }

  /// The goal groups an indicator belongs to.
  public func goals(containing id: IndicatorID) -> [GoalGroup] {
    goals.filter { $0.indicators.contains(id) }
  }
}
