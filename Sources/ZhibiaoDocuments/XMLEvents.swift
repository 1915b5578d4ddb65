import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A streaming (SAX) reading of one XML part of a workbook: the handlers see each element's
/// local name (any namespace prefix dropped, as producers differ in prefixes) as it opens and
/// closes, and its text; no tree is built, so memory does not grow with the part.
final class XMLEvents: NSObject, XMLParserDelegate {
  private let opened: (String, [String: String]) -> Void
  private let closed: (String) -> Void
  private let text: (String) -> Void

  private init(
    opened: @escaping (String, [String: String]) -> Void, closed: @escaping (String) -> Void,
    text: @escaping (String) -> Void
  ) {
    self.opened = opened
    self.closed = closed
    self.text = text
  }

  /// Reads `data`, the entry `part`, calling the handlers in document order.
  static func read(
    _ data: Data, part: String, opened: @escaping (String, [String: String]) -> Void,
    closed: @escaping (String) -> Void = { _ in }, text: @escaping (String) -> Void = { _ in }
  ) throws(WorkbookError) {
    try read(PartStream(part: part, data: data), part: part, opened: opened, closed: closed, text: text)
  }

  /// Reads the part `part` from `stream`, calling the handlers in document order.
  ///
  /// The parts of a workbook are UTF-8 (or UTF-16, marked so); Foundation's parser stops the
  /// process on a name that is not valid UTF-8, so the stream checks each chunk before the parser
  /// sees it. Fed from a stream, the parser reads the part in chunks; given it whole, libxml2
  /// refuses a part beyond 10 MB ("huge input lookup").
  static func read(
    _ stream: PartStream, part: String, opened: @escaping (String, [String: String]) -> Void,
    closed: @escaping (String) -> Void = { _ in }, text: @escaping (String) -> Void = { _ in }
  ) throws(WorkbookError) {
    let parser = XMLParser(stream: stream)
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    let events = XMLEvents(opened: opened, closed: closed, text: text)
    parser.delegate = events
    let parsed = parser.parse()
    if let failure = stream.failure { throw failure }
    guard parsed else {
      let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable"
      throw .malformedPart(entry: part, line: parser.lineNumber, reason: reason)
    }
  }

  /// Whether `data` starts with a UTF-16 byte order mark.
  static func isUTF16(_ data: Data) -> Bool {
    data.count >= 2
      && ((data.first == 0xFF && data.dropFirst().first == 0xFE)
        || (data.first == 0xFE && data.dropFirst().first == 0xFF))
  }

  /// Whether `data` is valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
  /// U+10FFFF), checked byte by byte without making a string of it.
  static func isValidUTF8(_ data: Data) -> Bool {
    var check = UTF8Check()
    return data.withUnsafeBytes { check.feed($0) } && check.isComplete
  }

  /// The name without its namespace prefix: `x:c` → `c`.
  private static func local(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    opened(Self.local(elementName), attributes)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    closed(Self.local(elementName))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text(string)
  }
}
