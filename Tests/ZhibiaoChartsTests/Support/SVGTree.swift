import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An element of a parsed chart, with what the tests look for.
final class SVGNode {
  let name: String
  let attributes: [String: String]
  var children: [SVGNode] = []
  /// The character data directly inside the element.
  var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// This element and every element below it, in document order.
  var all: [SVGNode] { [self] + children.flatMap(\.all) }

  /// The text of this element and all below it, as a reader sees it (tooltips included), without
  /// the line breaks between elements.
  var allText: String {
    (text.allSatisfy(\.isWhitespace) ? "" : text) + children.map(\.allText).joined()
  }

  var classes: [String] { attributes["class"]?.split(separator: " ").map(String.init) ?? [] }

  func elements(named name: String) -> [SVGNode] { all.filter { $0.name == name } }

  func elements(withClass name: String) -> [SVGNode] { all.filter { $0.classes.contains(name) } }

  /// The texts of the `<text>` elements carrying all the given classes.
  func texts(withClasses names: String...) -> [String] {
    elements(named: "text").filter { node in names.allSatisfy(node.classes.contains) }.map(\.text)
  }

  func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

/// Parses a chart with the platform's XML parser and records an issue when it is not well-formed.
func parseSVG(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> SVGNode {
  let parser = XMLParser(data: Data(svg.utf8))
  let builder = SVGTreeBuilder()
  parser.delegate = builder
  let parsed = parser.parse()
  #expect(
    parsed, "not well-formed XML: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
  return builder.root ?? SVGNode(name: "", attributes: [:])
}

private final class SVGTreeBuilder: NSObject, XMLParserDelegate {
  var root: SVGNode?
  private var stack: [SVGNode] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    let node = SVGNode(name: elementName, attributes: attributes)
    if let parent = stack.last { parent.children.append(node) } else { root = node }
    stack.append(node)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
  }
}
