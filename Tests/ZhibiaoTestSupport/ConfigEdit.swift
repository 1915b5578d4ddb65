import Testing

/// Edits of configuration texts that cannot silently miss.
public enum ConfigEdit {
  /// `text` with `old` replaced by `new`. Without `anchor`, `old` must occur exactly once; with
  /// it, `anchor` must occur exactly once and the first `old` after it is replaced. Fails the
  /// calling test otherwise.
  public static func replacing(
    _ old: String, with new: String, after anchor: String? = nil, in text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let unique = anchor ?? old
    let count = text.components(separatedBy: unique).count - 1
    try #require(
      count == 1, "'\(unique)' occurs \(count) times; an edit must be unambiguous", sourceLocation: sourceLocation)
    let start = try #require(text.range(of: unique)).lowerBound
    let range = try #require(
      text.range(of: old, range: start..<text.endIndex), "'\(old)' does not occur after '\(unique)'",
      sourceLocation: sourceLocation)
    return text.replacingCharacters(in: range, with: new)
  }
}
