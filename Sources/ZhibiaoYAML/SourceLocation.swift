/// A position in a source file: 1-based line and column, columns counted in characters
/// (Unicode scalars), as editors show them.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The file as the user named it (relative to the working directory where possible).
  public var file: String
  /// The line, starting at 1.
  public var line: Int
  /// The column, starting at 1.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form compilers and editors use.
  public var description: String { "\(file):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
