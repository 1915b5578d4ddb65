import Testing

/// A fixture's text under the name diagnostics give it, so that a test says where an error must
/// be reported by pointing at what is written there rather than by typing a line and a column.
/// Editing the fixture moves the expected position with the text; a diagnostic reported anywhere
/// else still fails the test.
///
/// Lines and columns start at 1, and columns count Unicode scalars, as the YAML layer counts them.
public struct FixtureText: Sendable {
  /// The file as diagnostics name it, e.g. `Config/domains/test.yaml`.
  public let file: String
  /// The text.
  public let text: String

  /// A fixture text named `file`.
  public init(_ text: String, file: String) {
    self.text = text
    self.file = file
  }

  /// The line and column where `target` starts. `target` must occur exactly once in the text, or,
  /// when `anchor` is given, `anchor` must occur exactly once and the position is that of the
  /// first `target` after it. Records an issue and returns nil otherwise.
  public func location(
    of target: String, after anchor: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) -> (line: Int, column: Int)? {
    var searchStart = text.startIndex
    if let anchor {
      guard let range = unique(anchor, sourceLocation: sourceLocation) else { return nil }
      searchStart = range.upperBound
    } else if unique(target, sourceLocation: sourceLocation) == nil {
      return nil
    }
    guard let range = text.range(of: target, range: searchStart..<text.endIndex) else {
      Issue.record(
        "'\(target)' does not occur after '\(anchor ?? "")' in \(file)", sourceLocation: sourceLocation)
      return nil
    }
    var (line, column) = (1, 1)
    for scalar in text.unicodeScalars[text.startIndex..<range.lowerBound] {
      (line, column) = scalar == "\n" ? (line + 1, 1) : (line, column + 1)
    }
    return (line, column)
  }

  /// `file:line:column` where `target` starts, as a diagnostic describes its location; see
  /// `location(of:after:)`. When the target cannot be found, a position that no diagnostic has.
  public func position(
    of target: String, after anchor: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    guard let (line, column) = location(of: target, after: anchor, sourceLocation: sourceLocation) else {
      return "\(file): '\(target)' not found"
    }
    return "\(file):\(line):\(column)"
  }

  /// `file:line:` of the line where `target` starts, for a test that does not pin the column.
  public func linePrefix(
    of target: String, after anchor: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) -> String {
    guard let (line, _) = location(of: target, after: anchor, sourceLocation: sourceLocation) else {
      return "\(file): '\(target)' not found"
    }
    return "\(file):\(line):"
  }

  /// The only range of `needle` in the text; records an issue when there is none or several.
  private func unique(_ needle: String, sourceLocation: SourceLocation) -> Range<String.Index>? {
    let count = text.components(separatedBy: needle).count - 1
    guard count == 1, let range = text.range(of: needle) else {
      Issue.record(
        "'\(needle)' occurs \(count) times in \(file); a position needs text that occurs once",
        sourceLocation: sourceLocation)
      return nil
    }
    return range
  }
}
