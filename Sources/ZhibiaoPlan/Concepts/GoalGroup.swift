/// A goal group of the plan's "1+4+3" system: the overall goal, a centre, or a 争先.
public struct GoalGroup: Hashable, Sendable {
  /// The place of a group in the 1+4+3 system.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    /// 总体目标.
    case overall
    /// One of the four centres (四个中心).
    case centre
    /// One of the three 争先.
    case pioneer

    /// The Chinese term.
    public var zh: String {
      switch self {
      case .overall: "总体目标"
      case .centre: "中心"
      case .pioneer: "争先"
      }
    }
  }

  /// The id, e.g. `goal.overall`.
  public var id: GoalID
  /// The kind.
  public var kind: Kind
  /// The name, e.g. 总体目标.
  public var name: LocalizedText
  /// The indicators that measure it.
  public var indicators: [IndicatorID]
  /// Where it was defined.
  public var location: SourceLocation
  /// Where each reference was written, keyed by `indicators[i]`.
  public var positions: [String: SourceLocation]

  /// Creates a goal group.
  public init(
    id: GoalID, kind: Kind, name: LocalizedText, indicators: [IndicatorID], location: SourceLocation,
    positions: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.indicators = indicators
    self.location = location
    self.positions = positions
  }
}

/// The kind of a goal group.
public typealias GoalKind = GoalGroup.Kind
