import Testing
import ZhibiaoYAML

@Suite("Anchors and aliases")
struct AliasTests {
  @Test("An alias copies the anchored mapping, with the anchored content's positions")
  func aliasCopiesMapping() throws {
    let root = try parse(
      """
      defaults: &defaults
        unit: 亿元
        owner: 工业和信息化厅
      indicator: *defaults
      """)
    let copy = try #require(root["indicator"])
    #expect(copy.entries.map(\.key) == ["unit", "owner"])
    #expect(copy["unit"]?.scalar == "亿元")
    #expect(copy["owner"]?.scalar == "工业和信息化厅")
    #expect(copy["owner"]?.location == at(3, 10))
    #expect(root.entries.map(\.keyLocation) == [at(1, 1), at(4, 1)])
  }

  @Test("An alias copies an anchored scalar and list")
  func aliasCopiesScalarAndList() throws {
    let root = try parse(
      """
      base: &base 13000
      years: &years [2025, 2026]
      target: *base
      again: *years
      """)
    #expect(root["target"]?.scalar == "13000")
    #expect(root["target"]?.style == .plain)
    #expect(root["again"]?.items.compactMap(\.scalar) == ["2025", "2026"])
    #expect(root["again"]?.items.map(\.location) == [at(2, 16), at(2, 22)])
  }

  @Test("A later anchor with the same name replaces the earlier one")
  func anchorRedefined() throws {
    let root = try parse("a: &x 1\nb: &x 2\nc: *x\n")
    #expect(root["c"]?.scalar == "2")
  }

  @Test(
    "An alias that names no anchor defined before it is refused at the alias",
    arguments: [
      ("a: &x 1\nb: *y\n", 2, 4, "'*y'"),
      ("a: *later\nb: &later 1\n", 1, 4, "'*later'"),
      ("list:\n  - 软件\n  - *data\n", 3, 5, "'*data'"),
    ])
  func undefinedAlias(text: String, line: Int, column: Int, quoted: String) throws {
    let diagnostic = try refusal(text)
    #expect(diagnostic.location == at(line, column))
    #expect(diagnostic.message.contains(quoted))
    #expect(diagnostic.message.contains("no anchor"))
  }

  /// Nine levels of ten aliases each: about a billion values once expanded.
  static let billionLaughs = """
    a: &a [x, x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
    i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]

    """

  @Test("A billion-laughs alias bomb is refused at the alias that crosses the default limit")
  func billionLaughsDefaultLimit() throws {
    // Counted: 12 values on line 1, 112 on line 2, … 1,111,112 on line 6, so 1,234,572 before
    // line 7; each '*f' there adds 1,111,111, and the fourth one passes 5,000,000.
    let diagnostic = try refusal(Self.billionLaughs)
    #expect(diagnostic.location == at(7, 20))
    #expect(diagnostic.message == "The document expands to more than 5000000 values through aliases.")
  }

  @Test("A billion-laughs alias bomb is refused early under a small limit")
  func billionLaughsSmallLimit() throws {
    var parser = YAMLParser()
    parser.maximumExpandedNodes = 1_000
    // 124 values by the end of line 2; on line 3 the key makes 125 and each '*b' adds 111,
    // so the eighth '*b' (column 36) reaches 1,013.
    let diagnostic = try refusal(Self.billionLaughs, parser: parser)
    #expect(diagnostic.location == at(3, 36))
    #expect(diagnostic.message.contains("more than 1000 values"))
  }

  @Test("An alias counts as every value it copies")
  func aliasWeight() throws {
    // a, [, 1, 2, 3 ] and b make 6 values; '*a' copies 4 more.
    let text = "a: &a [1, 2, 3]\nb: *a\n"
    var parser = YAMLParser()
    parser.maximumExpandedNodes = 11
    #expect(try parse(Array(text.utf8), parser: parser)["b"]?.items.count == 3)
    parser.maximumExpandedNodes = 9
    #expect(try refusal(text, parser: parser).location == at(2, 4))
  }

  @Test("Without aliases, every value counts once however deeply it is nested")
  func plainDocumentCountsEachValueOnce() throws {
    // The mapping, 'a', the list, two mappings, four keys and four values: 13 values.
    let text = "a:\n  - {b: 1, c: 2}\n  - {b: 3, c: 4}\n"
    var parser = YAMLParser()
    parser.maximumExpandedNodes = 13
    #expect(try parse(Array(text.utf8), parser: parser)["a"]?.items.count == 2)
    parser.maximumExpandedNodes = 12
    #expect(try refusal(text, parser: parser).message.contains("more than 12 values"))
  }
}
