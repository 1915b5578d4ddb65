/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable {
  /// The configuration cannot be used until this is fixed.
  case error
  /// The configuration works, but something is probably not what was meant.
  case warning
}

/// One problem found in a configuration file, printed in compiler form:
/// `PATH:LINE:COL: error: MESSAGE (HINT)`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  /// Whether this stops the configuration from loading.
  public var severity: Severity
  /// Where the problem is.
  public var location: SourceLocation
  /// A whole sentence that quotes the identifiers involved.
  public var message: String
  /// The path of keys from the document root to the node, e.g. `indicators[3].targets[0].value`.
  public var keyPath: String?
  /// What would fix it, e.g. `did you mean 'targets'?`.
  public var hint: String?

  /// Creates a diagnostic.
  public init(
    _ severity: Severity, at location: SourceLocation, _ message: String,
    keyPath: String? = nil, hint: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.keyPath = keyPath
    self.hint = hint
  }

  /// The compiler-style line; a hint follows the message in parentheses, in place of its
  /// closing full stop.
  public var description: String {
    var line = "\(location): \(severity.rawValue): \(message)"
    if let hint {
      if line.hasSuffix(".") { line.removeLast() }
      line += " (\(hint))"
    }
    return line
  }
}
