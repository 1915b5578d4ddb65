/// A domain of the plan (重点领域 / 行动计划), with its lead bureau and areas.
public struct Domain: Hashable, Sendable {
  /// The id, one lower-case word.
  public var id: DomainID
  /// The name in Chinese and English.
  public var name: LocalizedText
  /// The lead bureau (牵头部门).
  public var lead: OrgID
  /// The areas in the plan's order.
  public var areas: [Area]
  /// The file it was read from.
  public var location: SourceLocation
  /// Where each reference was written, keyed by field (`lead`).
  public var positions: [String: SourceLocation]

  /// Creates a domain.
  public init(
    id: DomainID, name: LocalizedText, lead: OrgID, areas: [Area], location: SourceLocation,
    positions: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.name = name
    self.lead = lead
    self.areas = areas
    self.location = location
    self.positions = positions
  }
}

/// An area of a domain: one 重点领域 subsection such as 信息软件.
public struct Area: Hashable, Sendable {
  /// The id, `<domain>.<name>`.
  public var id: AreaID
  /// The domain it belongs to.
  public var domain: DomainID
  /// The name.
  public var name: LocalizedText
  /// The area's own responsible unit when the plan names one (责任单位); otherwise the domain lead.
  public var lead: OrgID?
  /// Where it was defined.
  public var location: SourceLocation
  /// Where each reference was written.
  public var positions: [String: SourceLocation]

  /// Creates an area.
  public init(
    id: AreaID, domain: DomainID, name: LocalizedText, lead: OrgID?, location: SourceLocation,
    positions: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.domain = domain
    self.name = name
    self.lead = lead
    self.location = location
    self.positions = positions
  }
}
