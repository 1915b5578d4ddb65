/// A key task (重点任务): an action the plan assigns, its lead and co-operating orgs.
public struct KeyTask: Hashable, Sendable {
  /// The id, `<area>.<name>` or `<domain>.<name>`.
  public var id: TaskID
  /// The domain.
  public var domain: DomainID
  /// The area, or nil for a domain-wide task.
  public var area: AreaID?
  /// The task in the plan's words.
  public var text: String
  /// The orgs; the first listed leads, the rest co-operate.
  public var orgs: [OrgID]
  /// The indicators the task drives.
  public var indicators: [IndicatorID]
  /// What counts as done, and when: the plan's dated outcomes, or yearly progress.
  public var milestones: [Milestone]
  /// Where it was defined.
  public var location: SourceLocation
  /// Where each reference was written, keyed by field (`area`, `orgs[1]`, `indicators[0]`).
  public var positions: [String: SourceLocation]

  /// Creates a task.
  public init(
    id: TaskID, domain: DomainID, area: AreaID?, text: String, orgs: [OrgID],
    indicators: [IndicatorID] = [], milestones: [Milestone] = [], location: SourceLocation,
    positions: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.domain = domain
    self.area = area
    self.text = text
    self.orgs = orgs
    self.indicators = indicators
    self.milestones = milestones
    self.location = location
    self.positions = positions
  }

  /// The lead org (the first listed).
  public var lead: OrgID? { orgs.first }
}
