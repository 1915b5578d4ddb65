import Foundation
import Testing
import ZhibiaoYAML

/// The file name every test parses under, as a user would see it in a diagnostic.
let planFile = "plan.yaml"

/// A 1-based position in `file`.
func at(_ line: Int, _ column: Int, in file: String = planFile) -> ZhibiaoYAML.SourceLocation {
  ZhibiaoYAML.SourceLocation(file: file, line: line, column: column)
}

/// Parses `text`, which must hold a document.
func parse(
  _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Node {
  try parse(Array(text.utf8), sourceLocation: sourceLocation)
}

/// Parses `bytes`, which must hold a document.
func parse(
  _ bytes: [UInt8], parser: YAMLParser = YAMLParser(),
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Node {
  try #require(try parser.parse(Data(bytes), file: planFile), sourceLocation: sourceLocation)
}

/// The diagnostic the parser refuses `text` with.
func refusal(
  _ text: String, parser: YAMLParser = YAMLParser(),
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
  try refusal(Array(text.utf8), parser: parser, sourceLocation: sourceLocation)
}

/// The diagnostic the parser refuses `bytes` with.
func refusal(
  _ bytes: [UInt8], parser: YAMLParser = YAMLParser(),
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
  try #require(throws: Diagnostic.self, sourceLocation: sourceLocation) {
    try parser.parse(Data(bytes), file: planFile)
  }
}

/// A reader over the parsed `text` and the log it reports to.
func reading(
  _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> (NodeReader, DiagnosticLog) {
  let log = DiagnosticLog()
  return (NodeReader(try parse(text, sourceLocation: sourceLocation), log: log), log)
}

extension Node {
  /// The items, if this is a list; otherwise none.
  var items: [Node] {
    if case .sequence(let items) = content { return items }
    return []
  }

  /// The entries, if this is a mapping; otherwise none.
  var entries: [Node.Entry] {
    if case .mapping(let entries) = content { return entries }
    return []
  }

  /// How the scalar was written, if this is a scalar.
  var style: ScalarStyle? {
    if case .scalar(_, let style) = content { return style }
    return nil
  }
}

extension Array {
  /// The single element, or nil when there are none or several.
  var only: Element? { count == 1 ? first : nil }
}
