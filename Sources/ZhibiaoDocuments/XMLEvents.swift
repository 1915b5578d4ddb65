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
    // Fed from a stream, the parser reads the data in chunks; given the data whole, libxml2
    // refuses a part beyond 10 MB ("huge input lookup").
    let parser = XMLParser(stream: InputStream(data: data))
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    let events = XMLEvents(opened: opened, closed: closed, text: text)
    parser.delegate = events
    guard parser.parse() else {
      let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable"
      throw .malformedPart(entry: part, line: parser.lineNumber, reason: reason)
    }
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
