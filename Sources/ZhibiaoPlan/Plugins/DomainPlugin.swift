/// The code extension of a domain (重点领域): what only code can say about it — indicators
/// computed from others, and checks only this domain knows to make.
///
/// A domain is declared by its YAML file under `domains/` and works fully without a module; the
/// host lists every module once, and the kernel never names a domain.
public protocol DomainPlugin: Sendable {
  /// The domain id, which a file under `domains/` must declare (`domain.id`).
  var domainID: DomainID { get }
  /// Indicators of this domain whose values are computed from others.
  var derivations: [Derivation] { get }
  /// Checks that only this domain knows to make.
  var checks: [DomainCheck] { get }
}

extension DomainPlugin {
  /// None by default.
  public var derivations: [Derivation] { [] }
  /// None by default.
  public var checks: [DomainCheck] { [] }
}
