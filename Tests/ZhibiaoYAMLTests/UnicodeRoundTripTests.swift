import Testing
import ZhibiaoYAML

@Suite("Chinese text comes back exactly as written")
struct UnicodeRoundTripTests {
  /// Full-width punctuation and characters outside the Basic Multilingual Plane.
  static let text = "数字经济“核心产业”（含软件）、数据要素：𠀀𠀁𪚥。"

  @Test(
    "In every scalar style",
    arguments: [
      ("value: \(text)\n", Node.ScalarStyle.plain),
      ("value: \"\(text)\"\n", .doubleQuoted),
      ("value: '\(text)'\n", .singleQuoted),
      ("value: |-\n  \(text)\n", .literal),
      ("value: >-\n  \(text)\n", .folded),
    ])
  func styles(yaml: String, style: Node.ScalarStyle) throws {
    let value = try #require(try parse(yaml)["value"])
    #expect(value.scalar == Self.text)
    #expect(value.style == style)
    #expect(Array(value.scalar?.unicodeScalars ?? "".unicodeScalars) == Array(Self.text.unicodeScalars))
  }

  @Test("As keys, and as items of a flow list")
  func keysAndItems() throws {
    let root = try parse("“指标”（名称）: [𠀀, 、, 软件]\n")
    #expect(root.entries.first?.key == "“指标”（名称）")
    #expect(root["“指标”（名称）"]?.items.compactMap(\.scalar) == ["𠀀", "、", "软件"])
  }

  @Test("A literal block keeps its line breaks; a folded block joins lines with a space")
  func multiLineBlocks() throws {
    let root = try parse(
      """
      literal: |
        第一行：甲
        第二行（乙）
      folded: >
        第一行：甲
        第二行（乙）

      """)
    #expect(root["literal"]?.scalar == "第一行：甲\n第二行（乙）\n")
    #expect(root["folded"]?.scalar == "第一行：甲 第二行（乙）\n")
  }

  @Test("Escapes in double quotes produce the same characters")
  func escapes() throws {
    let root = try parse(#"value: "\u6307\u6807 \U00020000\uFF08\uFF09""# + "\n")
    #expect(root["value"]?.scalar == "指标 𠀀（）")
  }

  @Test("Single quotes double an apostrophe; text is otherwise untouched")
  func singleQuoteEscape() throws {
    let root = try parse("value: '“它''s”'\n")
    #expect(root["value"]?.scalar == "“它's”")
  }
}
