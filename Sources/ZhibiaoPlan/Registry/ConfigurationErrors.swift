/// The configuration could not be loaded: every problem found, errors and warnings, sorted by
/// file and position.
public struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
  /// Everything found, in file order.
  public let diagnostics: [Diagnostic]

  /// Creates the error.
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  /// Only the errors.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
