import Foundation
import ZhibiaoKernel

extension PlanListing {
  /// Stable JSON records; fields are added, never renamed. Names carry both languages.
  func json(_ subject: ListSubject) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data: Data
    do {
      switch subject {
      case .domains: data = try encoder.encode(plan.domains.map(DomainRecord.init))
      case .orgs: data = try encoder.encode(plan.orgs.map(OrgRecord.init))
      case .indicators: data = try encoder.encode(plan.indicators.map { IndicatorRecord($0, plan: plan) })
      case .tasks: data = try encoder.encode(plan.tasks.map(TaskRecord.init))
      case .goals: data = try encoder.encode(plan.goals.map(GoalRecord.init))
      case .registers: data = try encoder.encode(plan.registers.map { RegisterRecord($0, plan: plan) })
      }
    } catch {
      preconditionFailure("plan records always encode: \(error)")
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

struct DomainRecord: Encodable {
  struct AreaRecord: Encodable {
    var id: String
    var name: LocalizedText
    var lead: String?
  }
  var id: String
  var name: LocalizedText
  var lead: String
  var areas: [AreaRecord]

  init(_ domain: Domain) {
    id = domain.id.rawValue
    name = domain.name
    lead = domain.lead.rawValue
    areas = domain.areas.map { AreaRecord(id: $0.id.rawValue, name: $0.name, lead: $0.lead?.rawValue) }
  }
}

struct OrgRecord: Encodable {
  var id: String
  var kind: String
  var name: LocalizedText
  var code: String?

  init(_ org: Org) {
    id = org.id.rawValue
    kind = org.kind.rawValue
    name = org.name
    code = org.code
  }
}

struct IndicatorRecord: Encodable {
  struct TargetRecord: Encodable {
    var year: Int
    var comparator: String
    var value: Decimal?
    var measure: String
    var with: String?
  }
  var id: String
  var domain: String?
  var area: String?
  var name: LocalizedText
  var unit: String?
  var kind: String
  var direction: String
  var binding: String
  var aggregation: String
  var weight: String?
  var frequency: String
  var owner: String
  var precision: Decimal?
  var eligible: [String]?
  var targets: [TargetRecord]
  var aims: [String]
  var quotes: [String]
  var goals: [String]
  var derived: LocalizedText?
  var countOf: RegisterRecord.Count?
  var statistics: StatisticsRecord

  /// 口径、来源: the definition, the org producing the figure, its lag, and whether confirmed.
  struct StatisticsRecord: Encodable {
    var definition: LocalizedText?
    var source: String?
    var sourceName: LocalizedText?
    var lagDays: Int?
    var frequency: String
    var confirmed: Bool

    enum CodingKeys: String, CodingKey {
      case definition, source, frequency, confirmed
      case sourceName = "source_name"
      case lagDays = "lag_days"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(definition, forKey: .definition)
      try container.encode(source, forKey: .source)
      try container.encode(sourceName, forKey: .sourceName)
      try container.encode(lagDays, forKey: .lagDays)
      try container.encode(frequency, forKey: .frequency)
      try container.encode(confirmed, forKey: .confirmed)
    }
  }

  enum CodingKeys: String, CodingKey {
    case id, domain, area, name, unit, kind, direction, binding, aggregation, weight, frequency, owner
    case precision, eligible, targets, aims, quotes, goals, derived, statistics
    case countOf = "count_of"
  }

  /// Every field is written, absent ones as `null`, so that the shape never depends on the data.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(domain, forKey: .domain)
    try container.encode(area, forKey: .area)
    try container.encode(name, forKey: .name)
    try container.encode(unit, forKey: .unit)
    try container.encode(kind, forKey: .kind)
    try container.encode(direction, forKey: .direction)
    try container.encode(binding, forKey: .binding)
    try container.encode(aggregation, forKey: .aggregation)
    try container.encode(weight, forKey: .weight)
    try container.encode(frequency, forKey: .frequency)
    try container.encode(owner, forKey: .owner)
    try container.encode(precision, forKey: .precision)
    try container.encode(eligible, forKey: .eligible)
    try container.encode(targets, forKey: .targets)
    try container.encode(aims, forKey: .aims)
    try container.encode(quotes, forKey: .quotes)
    try container.encode(goals, forKey: .goals)
    try container.encode(derived, forKey: .derived)
    try container.encode(countOf, forKey: .countOf)
    try container.encode(statistics, forKey: .statistics)
  }

  init(_ indicator: Indicator, plan: Plan) {
    id = indicator.id.rawValue
    domain = indicator.domain?.rawValue
    area = indicator.area?.rawValue
    name = indicator.name
    unit = indicator.unit
    countOf = indicator.countOf.map { RegisterRecord.Count(register: $0.register.rawValue, levels: $0.levels) }
    let facts = indicator.statistics
    statistics = StatisticsRecord(
      definition: facts.definition, source: facts.source?.rawValue,
      sourceName: facts.source.flatMap { plan.org($0)?.name }, lagDays: facts.lagDays,
      frequency: indicator.frequency.rawValue, confirmed: facts.confirmed)
    kind = indicator.kind.rawValue
    direction = indicator.direction.rawValue
    binding = indicator.binding.rawValue
    aggregation = indicator.aggregation.rawValue
    weight = indicator.weight?.rawValue
    frequency = indicator.frequency.rawValue
    owner = indicator.owner.rawValue
    precision = indicator.precision
    eligible = indicator.eligible?.map(\.rawValue)
    targets = indicator.targets.map {
      TargetRecord(
        year: $0.year, comparator: $0.comparator.rawValue, value: $0.value, measure: $0.measure.rawValue,
        with: $0.partner?.rawValue)
    }
    aims = indicator.aims
    quotes = indicator.quotes
    goals = plan.goals(containing: indicator.id).map(\.id.rawValue)
    derived = plan.derivation(for: indicator.id)?.formula
  }
}

struct TaskRecord: Encodable {
  struct MilestoneRecord: Encodable {
    /// `outcome` (dated) or `yearly`.
    var kind: String
    /// The period it is due by, `2025` or `2024Q2`; absent for yearly progress.
    var due: String?
    /// The year it is due in; absent for yearly progress.
    var year: Int?
    var text: String
    var indicator: String?
    /// The indicator's value that settles it, exact.
    var value: Decimal?

    init(_ milestone: KeyTask.Milestone) {
      kind = milestone.kind.rawValue
      due = milestone.due?.description
      year = milestone.due?.year
      text = milestone.text
      indicator = milestone.indicator?.rawValue
      value = milestone.value
    }
  }
  var id: String
  var domain: String
  var area: String?
  var text: String
  var lead: String?
  var orgs: [String]
  var indicators: [String]
  var milestones: [MilestoneRecord]

  init(_ task: KeyTask) {
    id = task.id.rawValue
    domain = task.domain.rawValue
    area = task.area?.rawValue
    text = task.text
    lead = task.lead?.rawValue
    orgs = task.orgs.map(\.rawValue)
    indicators = task.indicators.map(\.rawValue)
    milestones = task.milestones.map(MilestoneRecord.init)
  }
}

struct GoalRecord: Encodable {
  var id: String
  var kind: String
  var name: LocalizedText
  var indicators: [String]

  init(_ goal: GoalGroup) {
    id = goal.id.rawValue
    kind = goal.kind.rawValue
    name = goal.name
    indicators = goal.indicators.map(\.rawValue)
  }
}

/// A register (名录) with the indicators counted from it.
struct RegisterRecord: Encodable {
  /// The register an indicator counts, at the levels it counts (every level when empty).
  struct Count: Encodable {
    var register: String
    var levels: [String]
  }
  /// An indicator counted from the register.
  struct CountedBy: Encodable {
    var indicator: String
    var levels: [String]
  }
  var id: String
  var domain: String?
  var name: LocalizedText
  var levels: [String]
  var countedBy: [CountedBy]

  enum CodingKeys: String, CodingKey {
    case id, domain, name, levels
    case countedBy = "counted_by"
  }

  /// Every field is written, absent ones as `null`.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(domain, forKey: .domain)
    try container.encode(name, forKey: .name)
    try container.encode(levels, forKey: .levels)
    try container.encode(countedBy, forKey: .countedBy)
  }

  init(_ register: Register, plan: Plan) {
    id = register.id.rawValue
    domain = register.domain?.rawValue
    name = register.name
    levels = register.levels
    countedBy = plan.indicators(countingRegister: register.id).map {
      CountedBy(indicator: $0.id.rawValue, levels: $0.countOf?.levels ?? [])
    }
  }
}
