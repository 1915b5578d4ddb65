/// A responsible organisation (责任单位): a bureau (leading or co-operating), a district or the
/// leading group.
public struct Org: Hashable, Sendable {
  /// What kind of organisation it is.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    /// A municipal bureau (市直部门), which may lead a domain.
    case bureau
    /// A district, county or county-level city (区、县(市)).
    case district
    /// The leading group that coordinates the plan (领导小组).
    case leadingGroup = "leading_group"
    /// A municipal bureau that co-operates on key tasks (配合部门): named after a task's lead where
    /// the task's text names its remit, it owns no indicator and is not assessed with the lead bureaus.
    case cooperatingBureau = "cooperating_bureau"
  }

  /// The id, e.g. `district.binjiang`.
  public var id: OrgID
  /// The kind.
  public var kind: Kind
  /// The name, e.g. 滨江区.
  public var name: LocalizedText
  /// The administrative division code (统计用区划代码) of a district.
  public var code: String?
  /// Where it was defined.
  public var location: SourceLocation

  /// Creates an org.
  public init(id: OrgID, kind: Kind, name: LocalizedText, code: String? = nil, location: SourceLocation) {
    self.id = id
    self.kind = kind
    self.name = name
    self.code = code
    self.location = location
  }
}

/// The type of `Org.Kind`, named as the plan speaks of it.
public typealias OrgKind = Org.Kind
