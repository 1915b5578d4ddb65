/// A YAML node with the position it was read from.
///
/// Aliases are resolved while parsing: an alias becomes a copy of the anchored node, keeping
/// the anchored node's position (where its content was written).
public struct Node: Sendable {
  /// What a node holds.
  public enum Content: Sendable {
    /// A scalar: its text exactly as written (after YAML unescaping) and how it was quoted.
    case scalar(String, ScalarStyle)
    /// A sequence of nodes.
    case sequence([Node])
    /// A mapping, in the order the keys were written. Keys are scalars and unique.
    case mapping([Entry])
  }

  /// One key–value pair of a mapping.
  public struct Entry: Sendable {
    /// The key's text.
    public var key: String
    /// Where the key was written.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: Node

    /// Creates an entry.
    public init(key: String, keyLocation: SourceLocation, value: Node) {
      self.key = key
      self.keyLocation = keyLocation
      self.value = value
    }
  }

  /// How a scalar was written; plain scalars are the only ones read as numbers.
  public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  /// The content.
  public var content: Content
  /// Where the node starts.
  public var location: SourceLocation
  /// An explicit tag such as `tag:yaml.org,2002:str`, if one was written.
  public var tag: String?

  /// Creates a node.
  public init(_ content: Content, at location: SourceLocation, tag: String? = nil) {
    self.content = content
    self.location = location
    self.tag = tag
  }

  /// The scalar text, if this is a scalar.
  public var scalar: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  /// A short name for the node's kind, for messages: "a mapping", "a list", "a text".
  public var kindDescription: String {
    switch content {
    case .scalar: "a single value"
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }

  /// Whether this is a plain scalar that YAML reads as null: empty, `~`, `null`, `Null`, `NULL`.
  public var isNull: Bool {
    guard case .scalar(let text, .plain) = content else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(text)
  }

  /// The value for `key`, if this is a mapping that has it.
  public subscript(key: String) -> Node? {
    guard case .mapping(let entries) = content else { return nil }
    return entries.first { $0.key == key }?.value
  }
}
