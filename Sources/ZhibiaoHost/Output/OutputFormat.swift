import ArgumentParser

/// How a listing is written.
public enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
  /// Aligned columns for a terminal, Chinese counted as double width.
  case table
  /// Stable JSON: fields are added, never renamed.
  case json
  /// CSV (RFC 4180) with a header row.
  case csv
  /// A Markdown table.
  case md
}
