/// A register (名录): a list of named entities — demonstration enterprises, incubators,
/// design centres, UFI-certified fairs, headquarters enterprises, awards — whose count is a count
/// indicator, so that a count can be audited name by name. Declared in `plan.yaml` (plan-level
/// registers such as the 服务业领军型企业 / 创新型企业 awards) or in a domain file.
public struct Register: Hashable, Sendable {
  /// The id, `<domain>.<name>`.
  public var id: RegisterID
  /// The domain that keeps it; nil for a register of `plan.yaml`.
  public var domain: DomainID?
  /// The name.
  public var name: LocalizedText
  /// The recognition levels an entry may have, e.g. 国家级, 省级; empty when the plan names none,
  /// and then an entry has no level.
  public var levels: [String]
  /// Where it was defined.
  public var location: SourceLocation

  /// Creates a register.
  public init(id: RegisterID, domain: DomainID?, name: LocalizedText, levels: [String], location: SourceLocation) {
    self.id = id
    self.domain = domain
    self.name = name
    self.levels = levels
    self.location = location
  }
}

/// An indicator whose actual value is the number of entries of a register at the given levels,
/// derived from the entries' dates rather than typed in: for a stock, the entries recognised by
/// the end of the period and not withdrawn by then; for a flow (新增), the entries recognised in
/// the period's year up to its end. A figure reported for it is checked against that count.
public struct RegisterCount: Hashable, Sendable {
  /// The register counted.
  public var register: RegisterID
  /// The levels counted; empty counts every level.
  public var levels: [String]

  /// Creates a count.
  public init(register: RegisterID, levels: [String] = []) {
    self.register = register
    self.levels = levels
  }
}

/// Identifies a register.
public typealias RegisterID = Identifier<Register>
