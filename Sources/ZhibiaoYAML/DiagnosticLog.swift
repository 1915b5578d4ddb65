/// Collects every diagnostic of a load, so that one run reports all problems at once.
///
/// A log belongs to one load on one thread; it is deliberately not `Sendable`.
public final class DiagnosticLog {
  /// Everything reported so far, in the order it was found.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Creates an empty log.
  public init() {}

  /// Whether any error (not just warnings) has been reported.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Adds a diagnostic.
  public func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Adds an error.
  public func error(
    _ message: String, at location: SourceLocation, keyPath: String? = nil, hint: String? = nil
  ) {
    report(Diagnostic(.error, at: location, message, keyPath: keyPath, hint: hint))
  }

  /// Adds a warning.
  public func warning(
    _ message: String, at location: SourceLocation, keyPath: String? = nil, hint: String? = nil
  ) {
    report(Diagnostic(.warning, at: location, message, keyPath: keyPath, hint: hint))
  }

  /// The diagnostics sorted by file and position, errors and warnings interleaved.
  public var sorted: [Diagnostic] {
    diagnostics.enumerated()
      .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
      .map(\.element)
  }
}
