import CYAML
import Foundation

/// Parses YAML text into a `Node` tree with positions, through libyaml.
///
/// Refused with a positioned `Diagnostic`: text that is not UTF-8, libyaml's own syntax errors
/// (bad indentation, tabs, unterminated strings …), duplicate keys, keys that are not plain
/// values, merge keys (`<<`), undefined aliases, more than one document, nesting deeper than
/// `maximumDepth`, and alias expansion beyond `maximumExpandedNodes` (the "billion laughs").
public struct YAMLParser: Sendable {
  /// The deepest nesting of lists and mappings accepted.
  public var maximumDepth = 256
  /// The most nodes a document may expand to once aliases are resolved.
  public var maximumExpandedNodes = 5_000_000

  /// Creates a parser with the default limits.
  public init() {}

  /// Parses `data` read from `file` (the name used in positions). Returns nil for a document
  /// that is empty or holds only comments.
  public func parse(_ data: Data, file: String) throws(Diagnostic) -> Node? {
    var bytes = [UInt8](data)
    try SourceText.validateUTF8(bytes, file: file)
    if bytes.starts(with: SourceText.utf8BOM) { bytes.removeFirst(3) }
    let result: Result<Node?, Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
      var composer = Composer(file: file, bytes: buffer, limits: self)
      return composer.run()
    }
    return try result.get()
  }

  /// Parses a string, as `parse(_:file:)`.
  public func parse(_ text: String, file: String) throws(Diagnostic) -> Node? {
    try parse(Data(text.utf8), file: file)
  }
}

/// Turns libyaml's event stream into nodes, with a stack instead of recursion.
private struct Composer {
  let file: String
  let bytes: UnsafeBufferPointer<UInt8>
  let limits: YAMLParser

  private enum Frame {
    case sequence(start: SourceLocation, tag: String?, anchor: String?, items: [Node], weight: Int)
    case mapping(
      start: SourceLocation, tag: String?, anchor: String?, entries: [Node.Entry],
      pendingKey: (String, SourceLocation)?, seen: [String: SourceLocation], weight: Int)
  }

  private var stack: [Frame] = []
  private var anchors: [String: (node: Node, weight: Int)] = [:]
  private var root: Node?
  private var documents = 0
  private var expanded = 0

  init(file: String, bytes: UnsafeBufferPointer<UInt8>, limits: YAMLParser) {
    self.file = file
    self.bytes = bytes
    self.limits = limits
  }

  mutating func run() -> Result<Node?, Diagnostic> {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      return .failure(Diagnostic(.error, at: location(line: 0, column: 0), "libyaml could not start."))
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(&parser, bytes.baseAddress ?? UnsafePointer(bitPattern: 1), bytes.count)

    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        return .failure(syntaxError(parser))
      }
      defer { yaml_event_delete(&event) }
      do {
        if try handle(event) { return .success(root) }
      } catch {
        return .failure(error)
      }
    }
  }

  /// Handles one event; true at the end of the stream.
  private mutating func handle(_ event: yaml_event_t) throws(Diagnostic) -> Bool {
    let start = location(event.start_mark)
    switch event.type {
    case YAML_STREAM_END_EVENT:
      return true
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        throw Diagnostic(
          .error, at: start, "A configuration file holds one YAML document; a second one starts here.",
          hint: "remove the '---' line or split the file")
      }
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let text = string(scalar.value, length: scalar.length)
      let style: Node.ScalarStyle =
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
      let node = Node(.scalar(text, style), at: start, tag: optionalString(scalar.tag))
      try count(1, at: start)
      try register(anchor: optionalString(scalar.anchor), node: node, weight: 1)
      try complete(node, weight: 1)
    case YAML_ALIAS_EVENT:
      let name = optionalString(event.data.alias.anchor) ?? ""
      guard let anchored = anchors[name] else {
        throw Diagnostic(.error, at: start, "The alias '*\(name)' names no anchor defined before it.")
      }
      try count(anchored.weight, at: start)
      try complete(anchored.node, weight: anchored.weight)
    case YAML_SEQUENCE_START_EVENT:
      let data = event.data.sequence_start
      try push(
        .sequence(
          start: start, tag: optionalString(data.tag), anchor: optionalString(data.anchor), items: [],
          weight: 1), at: start)
    case YAML_MAPPING_START_EVENT:
      let data = event.data.mapping_start
      try push(
        .mapping(
          start: start, tag: optionalString(data.tag), anchor: optionalString(data.anchor),
          entries: [], pendingKey: nil, seen: [:], weight: 1), at: start)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      let (node, anchor, weight) = pop()
      try count(1, at: node.location)
      try register(anchor: anchor, node: node, weight: weight)
      try complete(node, weight: weight)
    default:
      break
    }
    return false
  }

  private mutating func push(_ frame: Frame, at start: SourceLocation) throws(Diagnostic) {
    if stack.count >= limits.maximumDepth {
      throw Diagnostic(
        .error, at: start, "Lists and mappings are nested more than \(limits.maximumDepth) levels deep.")
    }
    if case .mapping(_, _, _, _, pendingKey: nil, _, _) = stack.last {
      throw Diagnostic(.error, at: start, "A mapping key must be a single value, not a list or a mapping.")
    }
    stack.append(frame)
  }

  private mutating func pop() -> (Node, anchor: String?, weight: Int) {
    switch stack.removeLast() {
    case .sequence(let start, let tag, let anchor, let items, let weight):
      return (Node(.sequence(items), at: start, tag: tag), anchor, weight)
    case .mapping(let start, let tag, let anchor, let entries, _, _, let weight):
      return (Node(.mapping(entries), at: start, tag: tag), anchor, weight)
    }
  }

  private mutating func register(anchor: String?, node: Node, weight: Int) throws(Diagnostic) {
    if let anchor { anchors[anchor] = (node, weight) }
  }

  /// Counts `values` more values in the expanded document: one for each node written, the
  /// anchored node's whole weight for an alias.
  private mutating func count(_ values: Int, at location: SourceLocation) throws(Diagnostic) {
    expanded += values
    if expanded > limits.maximumExpandedNodes {
      throw Diagnostic(
        .error, at: location,
        "The document expands to more than \(limits.maximumExpandedNodes) values through aliases.")
    }
  }

  /// Attaches a finished node to its parent, or makes it the root; `weight` is the number of
  /// values it stands for, which an enclosing anchor's alias will copy.
  private mutating func complete(_ node: Node, weight: Int) throws(Diagnostic) {
    guard let top = stack.popLast() else {
      root = node
      return
    }
    // `consume` leaves the frame's arrays uniquely referenced, so appending does not copy them.
    switch consume top {
    case .sequence(let start, let tag, let anchor, var items, let total):
      items.append(node)
      stack.append(.sequence(start: start, tag: tag, anchor: anchor, items: items, weight: total + weight))
    case .mapping(let start, let tag, let anchor, var entries, let pendingKey, var seen, let total):
      if let (key, keyLocation) = pendingKey {
        entries.append(Node.Entry(key: key, keyLocation: keyLocation, value: node))
        stack.append(
          .mapping(
            start: start, tag: tag, anchor: anchor, entries: entries, pendingKey: nil, seen: seen,
            weight: total + weight))
        return
      }
      guard case .scalar(let key, let style) = node.content else {
        throw Diagnostic(.error, at: node.location, "A mapping key must be a single value.")
      }
      if key == "<<" && style == .plain {
        throw Diagnostic(
          .error, at: node.location, "Merge keys ('<<') are not supported.",
          hint: "write the keys out, or use an alias as a whole value")
      }
      if let first = seen[key] {
        throw Diagnostic(
          .error, at: node.location,
          "The key '\(key)' appears twice in this mapping; it was first given at line \(first.line).",
          hint: "remove one of them")
      }
      seen[key] = node.location
      stack.append(
        .mapping(
          start: start, tag: tag, anchor: anchor, entries: entries, pendingKey: (key, node.location),
          seen: seen, weight: total + weight))
    }
  }

  private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
    let problem = optionalString(parser.problem) ?? "invalid YAML"
    var at = location(parser.problem_mark)
    var message = "YAML syntax error: \(problem)"
    if let context = optionalString(parser.context) {
      let contextAt = location(parser.context_mark)
      message += " (\(context) at line \(contextAt.line), column \(contextAt.column))"
    }
    message += "."
    var hint: String?
    if problem == "found unexpected end of stream", parser.context != nil {
      // Something left open, such as a quoted string: point at where it starts, not at the end.
      at = location(parser.context_mark)
    } else if let character = SourceText.character(in: bytes, line: at.line, column: at.column),
      character == "\t"
    {
      hint = "YAML does not allow tabs for indentation; indent with spaces"
    } else if parser.problem_mark.line == 0, parser.problem_mark.column == 0, parser.problem_offset > 0 {
      at = SourceText.location(in: bytes, byteOffset: parser.problem_offset, file: file)
    }
    return Diagnostic(.error, at: at, message, hint: hint)
  }

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    location(line: Int(mark.line), column: Int(mark.column))
  }

  private func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line + 1, column: column + 1)
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
    guard let pointer else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  private func optionalString(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }
}
