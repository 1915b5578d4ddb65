import Foundation

/// Typed reading of a node, reporting every mismatch to a `DiagnosticLog` with the node's
/// position and key path instead of stopping at the first.
///
/// Each accessor returns nil after reporting when the node does not have the asked-for shape,
/// so a loader can go on and find the next problem.
public struct NodeReader {
  /// The node being read.
  public let node: Node
  /// The key path from the document root, e.g. `indicators[3].targets`.
  public let keyPath: String
  /// Where problems go.
  public let log: DiagnosticLog

  /// Reads `node`, the root of a document.
  public init(_ node: Node, keyPath: String = "", log: DiagnosticLog) {
    self.node = node
    self.keyPath = keyPath
    self.log = log
  }

  /// The node's position.
  public var location: SourceLocation { node.location }

  /// Reports an error at this node.
  public func error(_ message: String, hint: String? = nil) {
    log.error(message, at: node.location, keyPath: keyPath, hint: hint)
  }

  /// Reports a warning at this node.
  public func warning(_ message: String, hint: String? = nil) {
    log.warning(message, at: node.location, keyPath: keyPath, hint: hint)
  }

  private var name: String { keyPath.isEmpty ? "the document" : "'\(keyPath)'" }

  /// The text of a scalar. Empty text is refused unless `allowEmpty`.
  public func string(allowEmpty: Bool = false) -> String? {
    guard case .scalar(let text, _) = node.content else {
      error("Expected a single value for \(name), found \(node.kindDescription).")
      return nil
    }
    let isNull = node.isNull
    if !allowEmpty && (isNull || text.trimmingCharacters(in: .whitespaces).isEmpty) {
      error("\(name.prefix(1).uppercased() + name.dropFirst()) is empty.")
      return nil
    }
    return text
  }

  /// A whole number written as a plain scalar.
  public func int() -> Int? {
    guard let text = plainNumberText() else { return nil }
    guard let value = Int(text) else {
      error("Expected a whole number for \(name), found '\(text)'.")
      return nil
    }
    return value
  }

  /// An exact decimal number written as a plain scalar, such as `13000` or `0.01`.
  /// Exponents, thousands separators and Chinese magnitudes (万, 亿) are refused, so that a
  /// figure means exactly what it says.
  public func decimal() -> Decimal? {
    guard let text = plainNumberText() else { return nil }
    guard Self.isDecimalLiteral(text), let value = Decimal(string: text, locale: nil) else {
      let hint =
        text.contains("万") || text.contains("亿")
        ? "write the number in the indicator's unit, e.g. 13000 for 1.3万亿元 in 亿元"
        : "write a plain decimal such as 1500 or 0.01"
      error("Expected a number for \(name), found '\(text)'.", hint: hint)
      return nil
    }
    return value
  }

  /// One of the raw values of `E`, with a suggestion when the text is close to one.
  public func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
    guard let text = string() else { return nil }
    if let value = E(rawValue: text) { return value }
    let allowed = E.allCases.map(\.rawValue)
    error(
      "'\(text)' is not a valid value for \(name); expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")).",
      hint: Suggestion.hint(for: text, among: allowed))
    return nil
  }

  /// The items of a list, each with its indexed key path.
  public func sequence() -> [NodeReader]? {
    guard case .sequence(let items) = node.content else {
      error("Expected a list for \(name), found \(node.kindDescription).")
      return nil
    }
    return items.enumerated().map { index, item in
      NodeReader(item, keyPath: "\(keyPath)[\(index)]", log: log)
    }
  }

  /// A list of texts.
  public func strings() -> [String]? {
    sequence()?.compactMap { $0.string() }
  }

  /// The node as a mapping, to be read key by key. Unknown keys are reported by
  /// `MappingReader.allowOnly(_:in:)`, once the caller knows what to call the mapping in
  /// messages (e.g. "indicator 'sector.annual_revenue'").
  public func mapping() -> MappingReader? {
    guard case .mapping(let entries) = node.content else {
      error("Expected a mapping for \(name), found \(node.kindDescription).")
      return nil
    }
    return MappingReader(reader: self, entries: entries)
  }

  private func plainNumberText() -> String? {
    guard case .scalar(let text, let style) = node.content else {
      error("Expected a number for \(name), found \(node.kindDescription).")
      return nil
    }
    guard style == .plain else {
      error("Expected a number for \(name), found the quoted text '\(text)'.", hint: "remove the quotes")
      return nil
    }
    return text
  }

  /// Whether `text` is a plain decimal literal: an optional sign, digits, and an optional
  /// fraction (`-12`, `0.01`); no exponents, separators or magnitudes.
  public static func isDecimalLiteral(_ text: String) -> Bool {
    var digitsBefore = 0
    var digitsAfter = 0
    var seenPoint = false
    for (index, character) in text.enumerated() {
      switch character {
      case "-", "+":
        if index != 0 { return false }
      case ".":
        if seenPoint { return false }
        seenPoint = true
      case "0"..."9":
        if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
      default: return false
      }
    }
    return digitsBefore > 0 && (!seenPoint || digitsAfter > 0)
  }
}

/// A mapping being read key by key.
public struct MappingReader {
  /// The reader of the mapping node itself.
  public let reader: NodeReader
  /// The entries in written order.
  public let entries: [Node.Entry]

  /// Where the mapping starts.
  public var location: SourceLocation { reader.location }

  /// Reports every key not in `allowed`, naming `context` ("indicator 'x'") in the message.
  public func allowOnly(_ allowed: [String], in context: String) {
    for entry in entries where !allowed.contains(entry.key) {
      reader.log.error(
        "Unknown key '\(entry.key)' in \(context).", at: entry.keyLocation,
        keyPath: path(entry.key), hint: Suggestion.hint(for: entry.key, among: allowed))
    }
  }

  /// The value of `key`; when it is missing or written with no value, reports that `context`
  /// lacks it — at the mapping for a missing key, at the key for an empty one.
  public func required(_ key: String, in context: String) -> NodeReader? {
    if let reader = optional(key) { return reader }
    if let entry = entries.first(where: { $0.key == key }) {
      reader.log.error("The key '\(key)' in \(context) has no value.", at: entry.keyLocation, keyPath: path(key))
    } else {
      reader.log.error("Missing key '\(key)' in \(context).", at: location, keyPath: reader.keyPath)
    }
    return nil
  }

  /// The value of `key`, or nil when it is absent or written as an empty value.
  public func optional(_ key: String) -> NodeReader? {
    guard let entry = entries.first(where: { $0.key == key }) else { return nil }
    if entry.value.isNull {
      return nil
    }
    return NodeReader(entry.value, keyPath: path(key), log: reader.log)
  }

  /// Whether the mapping has `key`.
  public func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

  private func path(_ key: String) -> String {
    reader.keyPath.isEmpty ? key : "\(reader.keyPath).\(key)"
  }
}
