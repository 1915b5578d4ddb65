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
    // The parts of a workbook are UTF-8 (or UTF-16, marked so); Foundation's parser stops the
    // process on a name that is not valid UTF-8, so such a part is refused before it is parsed.
    guard Self.isUTF16(data) || Self.isValidUTF8(data) else {
      throw .malformedPart(entry: part, line: 1, reason: "it is not valid UTF-8 text")
    }
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

  /// Whether `data` starts with a UTF-16 byte order mark.
  static func isUTF16(_ data: Data) -> Bool {
    data.count >= 2
      && ((data.first == 0xFF && data.dropFirst().first == 0xFE)
        || (data.first == 0xFE && data.dropFirst().first == 0xFF))
  }

  /// Whether `data` is valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
  /// U+10FFFF), checked byte by byte without making a string of it.
  static func isValidUTF8(_ data: Data) -> Bool {
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
      var index = 0
      let count = bytes.count
      while index < count {
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: return false
        }
        guard index + length <= count else { return false }
        // The first continuation byte has the narrowed range; the others 80–BF.
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return false }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
        index += length
      }
      return true
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
