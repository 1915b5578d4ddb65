/// A domain module: one 重点领域 of the plan, registered from its YAML plus what only code can
/// say about it (derived indicators, domain checks).
///
/// The host lists every module once; the kernel never names a domain.
public protocol DomainPlugin: Sendable {
  /// The domain id, which the domain file's `domain.id` must repeat.
  var domainID: DomainID { get }
  /// The configuration files this module reads, relative to the configuration folder.
  var configurationFiles: [String] { get }
  /// Indicators of this domain whose values are computed from others.
  var derivations: [Derivation] { get }
  /// Checks that only this domain knows to make.
  var checks: [DomainCheck] { get }
}

extension DomainPlugin {
  /// One file, `domains/<id>.yaml`.
  public var configurationFiles: [String] { ["domains/\(domainID.rawValue).yaml"] }
  /// None by default.
  public var derivations: [Derivation] { [] }
  /// None by default.
  public var checks: [DomainCheck] { [] }
}
