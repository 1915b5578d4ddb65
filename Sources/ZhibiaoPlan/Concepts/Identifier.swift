/// A typed identifier such as `sector.annual_revenue`, so that an org id cannot be passed
/// where an indicator id is expected.
public struct Identifier<Kind>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The id as written in the configuration.
  public let rawValue: String

  /// Wraps an id.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Wraps an id.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// Whether the id is well formed: lower-case words of letters, digits and underscores,
  /// joined by dots (`district.north`, `sector.annual_revenue`).
  public var isWellFormed: Bool {
    let parts = rawValue.split(separator: ".", omittingEmptySubsequences: false)
    return !parts.isEmpty
      && parts.allSatisfy { part in
        guard let first = part.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return part.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
      }
  }
}

/// Identifies a plan.
public typealias PlanID = Identifier<Plan>
/// Identifies a domain (重点领域).
public typealias DomainID = Identifier<Domain>
/// Identifies an area within a domain.
public typealias AreaID = Identifier<Area>
/// Identifies an indicator (指标).
public typealias IndicatorID = Identifier<Indicator>
/// Identifies a key task (重点任务).
public typealias TaskID = Identifier<KeyTask>
/// Identifies a responsible organisation (责任单位).
public typealias OrgID = Identifier<Org>
/// Identifies a goal group.
public typealias GoalID = Identifier<GoalGroup>
