/// A register (名录): a list of named entities — demonstration enterprises, incubators,
/// design centres, UFI-certified fairs — whose count is a count indicator, so that a count can
/// be audited name by name.
public struct Register: Hashable, Sendable {
  /// The id, `<domain>.<name>`.
  public var id: RegisterID
  /// The domain that keeps it.
  public var domain: DomainID
  /// The name.
  public var name: LocalizedText
  /// The recognition levels an entry may have, e.g. 国家级, 省级.
  public var levels: [String]
  /// Where it was defined.
  public var location: SourceLocation

  /// Creates a register.
  public init(id: RegisterID, domain: DomainID, name: LocalizedText, levels: [String], location: SourceLocation) {
    self.id = id
    self.domain = domain
    self.name = name
    self.levels = levels
    self.location = location
  }
}

/// An indicator whose actual value is the number of entries of a register — at the given
/// levels, recognised by the end of the period — rather than a typed-in figure.
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
