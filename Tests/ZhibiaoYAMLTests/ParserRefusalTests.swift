import Testing
import ZhibiaoYAML

@Suite("Syntax the parser refuses, and where it says the problem is")
struct ParserRefusalTests {
  @Test("A duplicate key is reported at the second key, naming the line of the first")
  func duplicateKey() throws {
    let diagnostic = try refusal(
      """
      indicators:
        - id: digital.software_revenue
          name: 软件业务收入
          unit: 亿元
          name: 软件收入
      """)
    #expect(diagnostic.severity == .error)
    #expect(diagnostic.location == at(5, 5))
    #expect(diagnostic.message.contains("'name'"))
    #expect(diagnostic.message.contains("first given at line 3"))
  }

  @Test("A duplicate key in a flow mapping")
  func duplicateKeyInFlowMapping() throws {
    let diagnostic = try refusal("target: {year: 2025, value: 1, year: 2026}\n")
    #expect(diagnostic.location == at(1, 32))
    #expect(diagnostic.message.contains("'year'"))
    #expect(diagnostic.message.contains("first given at line 1"))
  }

  @Test("The same key in two different mappings is not a duplicate")
  func sameKeyInSiblingMappings() throws {
    let root = try parse(
      """
      - id: a
        name: 甲
      - id: b
        name: 乙
      """)
    #expect(root.items.compactMap { $0["name"]?.scalar } == ["甲", "乙"])
  }

  @Test(
    "Bad indentation is reported where the misplaced text starts",
    arguments: [
      ("indicator:\n  id: digital.a\n name: 甲\n", 3, 2, "did not find expected key"),
      ("id: digital.a\n name: 甲\n", 2, 6, "mapping values are not allowed"),
      ("targets:\n  - year: 2025\n   value: 1\n", 3, 4, "did not find expected '-' indicator"),
    ])
  func badIndentation(text: String, line: Int, column: Int, problem: String) throws {
    let diagnostic = try refusal(text)
    #expect(diagnostic.location == at(line, column))
    #expect(diagnostic.message.hasPrefix("YAML syntax error: "))
    #expect(diagnostic.message.contains(problem))
    #expect(diagnostic.hint == nil)
  }

  @Test(
    "A tab used for indentation is reported at the tab, with a hint about tabs",
    arguments: [
      "indicator:\n\tid: digital.a\n",
      "name: 软件\n\tunit: 亿元\n",
    ])
  func tabIndentation(text: String) throws {
    let diagnostic = try refusal(text)
    #expect(diagnostic.location == at(2, 1))
    let hint = try #require(diagnostic.hint)
    #expect(hint.contains("tabs"))
    #expect(hint.contains("spaces"))
  }

  @Test("An unterminated double-quoted string is reported at its opening quote, not at the end of the file")
  func unterminatedDoubleQuote() throws {
    let diagnostic = try refusal(
      """
      name: "软件业务收入
      unit: 亿元
      owner: 工业和信息化厅

      """)
    #expect(diagnostic.location == at(1, 7))
    #expect(diagnostic.message.contains("quoted scalar"))
  }

  @Test("An unterminated single-quoted string after Chinese text")
  func unterminatedSingleQuote() throws {
    let diagnostic = try refusal("name: 软件\n单位: '亿元\nowner: x\n")
    #expect(diagnostic.location == at(2, 5))
  }

  @Test("An unclosed flow list is reported where the parser expected the bracket")
  func unclosedFlowList() throws {
    let diagnostic = try refusal("years: [2025, 2026\nunit: 亿元\n")
    #expect(diagnostic.location == at(2, 5))
    #expect(diagnostic.message.contains("']'"))
    #expect(diagnostic.message.contains("line 1, column 8"))
  }

  @Test(
    "A second document is refused at its '---'",
    arguments: [
      ("a: 1\n---\nb: 2\n", 2),
      ("a: 1\n...\n---\nb: 2\n", 3),
      ("---\na: 1\n---\n", 3),
    ])
  func secondDocument(text: String, line: Int) throws {
    let diagnostic = try refusal(text)
    #expect(diagnostic.location == at(line, 1))
    #expect(diagnostic.message.contains("one YAML document"))
    #expect(diagnostic.hint?.contains("'---'") == true)
  }

  @Test("One document with an explicit '---' start is accepted")
  func explicitStart() throws {
    let root = try parse("---\nname: 指标\n...\n")
    #expect(root["name"]?.location == at(2, 7))
  }

  @Test("A merge key is refused with a clear message at the '<<'")
  func mergeKey() throws {
    let diagnostic = try refusal(
      """
      defaults: &defaults
        unit: 亿元
      indicator:
        <<: *defaults
        name: 软件业务收入
      """)
    #expect(diagnostic.location == at(4, 3))
    #expect(diagnostic.message == "Merge keys ('<<') are not supported.")
    #expect(diagnostic.hint?.contains("write the keys out") == true)
  }

  @Test("A quoted '<<' is an ordinary key")
  func quotedMergeKeyIsOrdinary() throws {
    let root = try parse("'<<': 1\n")
    #expect(root["<<"]?.scalar == "1")
  }

  @Test(
    "A list or mapping used as a key is refused at the key",
    arguments: [
      ("? [a, b]\n: 1\n", 1, 3),
      ("{[a]: 1}\n", 1, 2),
      ("name: x\n? {a: 1}\n: 2\n", 2, 3),
    ])
  func complexKey(text: String, line: Int, column: Int) throws {
    let diagnostic = try refusal(text)
    #expect(diagnostic.location == at(line, column))
    #expect(diagnostic.message.hasPrefix("A mapping key must be a single value"))
  }

  @Test("A control character is refused where it stands")
  func controlCharacter() throws {
    let diagnostic = try refusal("name: 软件\nunit: 亿\u{7}元\n")
    #expect(diagnostic.location == at(2, 8))
    #expect(diagnostic.message.contains("control characters"))
  }
}
