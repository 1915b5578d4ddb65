import Testing
import ZhibiaoYAML

@Suite("Positions of parsed nodes")
struct ParserPositionTests {
  @Test("A scalar document starts at line 1, column 1")
  func rootScalar() throws {
    let root = try parse("软件业务收入\n")
    #expect(root.scalar == "软件业务收入")
    #expect(root.location == at(1, 1))
  }

  @Test("Keys and values of a block mapping")
  func mappingKeysAndValues() throws {
    let root = try parse(
      """
      name: 软件业务收入
      unit:   亿元
      year: 2025
      """)
    let entries = root.entries
    try #require(entries.count == 3)
    #expect(root.location == at(1, 1))
    #expect(entries.map(\.key) == ["name", "unit", "year"])
    #expect(entries.map(\.keyLocation) == [at(1, 1), at(2, 1), at(3, 1)])
    #expect(entries.map(\.value.location) == [at(1, 7), at(2, 9), at(3, 7)])
  }

  @Test("Items of block and flow lists")
  func listItems() throws {
    let root = try parse(
      """
      tags:
        - 数字经济
        -   软件
        - [a, bc, d]
      """)
    let tags = try #require(root["tags"])
    #expect(tags.location == at(2, 3))
    #expect(tags.items.map(\.location) == [at(2, 5), at(3, 7), at(4, 5)])
    #expect(tags.items[2].items.map(\.location) == [at(4, 6), at(4, 9), at(4, 13)])
  }

  @Test("Nested lists and mappings")
  func nested() throws {
    let root = try parse(
      """
      indicators:
        - id: digital.software_revenue
          targets:
            - year: 2025
              value: 13000
      """)
    let indicators = try #require(root["indicators"])
    #expect(indicators.location == at(2, 3))
    let indicator = try #require(indicators.items.first)
    #expect(indicator.location == at(2, 5))
    #expect(indicator["id"]?.location == at(2, 9))
    #expect(indicator.entries.map(\.keyLocation) == [at(2, 5), at(3, 5)])
    let targets = try #require(indicator["targets"])
    #expect(targets.location == at(4, 7))
    let target = try #require(targets.items.first)
    #expect(target.location == at(4, 9))
    #expect(target.entries.map(\.keyLocation) == [at(4, 9), at(5, 9)])
    #expect(target["year"]?.location == at(4, 15))
    #expect(target["value"]?.location == at(5, 16))
    #expect(target["value"]?.scalar == "13000")
  }

  @Test(
    "Columns count characters, not bytes, after Chinese text on the same line",
    arguments: [
      ("名称: 值", 5),
      ("指标名称: 软件业务收入", 7),
      ("“引号”（括号）、顿号: x", 14),
      ("𠀀𠀀: x", 5),
      ("- 数字经济: x", 9),
    ])
  func columnsAfterChinese(line: String, valueColumn: Int) throws {
    let root = try parse(line + "\n")
    let value = try #require((root.entries.first ?? root.items.first?.entries.first)?.value)
    #expect(value.location == at(1, valueColumn))
  }

  @Test("A flow list after Chinese items, including one outside the BMP")
  func flowListAfterChinese() throws {
    let root = try parse("名单: [软件, 数据, 𠀀, last]\n")
    let items = try #require(root["名单"]).items
    #expect(items.map(\.location) == [at(1, 6), at(1, 10), at(1, 14), at(1, 17)])
    #expect(items.last?.scalar == "last")
  }

  @Test("A UTF-8 byte order mark does not shift columns on the first line")
  func byteOrderMark() throws {
    let root = try parse([0xEF, 0xBB, 0xBF] + Array("名称: 指标\nunit: [亿元, 万元]\n".utf8))
    #expect(root.entries.first?.key == "名称")
    #expect(root.entries.first?.keyLocation == at(1, 1))
    #expect(root["名称"]?.location == at(1, 5))
    #expect(root["名称"]?.scalar == "指标")
    #expect(root["unit"]?.items.map(\.location) == [at(2, 8), at(2, 12)])
  }

  @Test("Windows line endings count as one line break")
  func crlf() throws {
    let root = try parse("a: 1\r\nb: [x, y]\r\n")
    #expect(root.entries.map(\.keyLocation) == [at(1, 1), at(2, 1)])
    #expect(root["b"]?.items.map(\.location) == [at(2, 5), at(2, 8)])
  }

  @Test("The file name given to the parser is the one in every position")
  func fileName() throws {
    let root = try #require(try YAMLParser().parse("a:\n  - 1\n", file: "Config/plan.yaml"))
    #expect(root["a"]?.items.first?.location == at(2, 5, in: "Config/plan.yaml"))
  }
}
