import Testing
import ZhibiaoYAML

@Suite("Nesting and size limits")
struct ParserLimitTests {
  @Test(
    "Nesting 10,000 levels deep is refused where level 257 opens",
    arguments: [
      (String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), 1, 257),
      (String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000), 1, 1_025),
      (String(repeating: "- ", count: 10_000) + "x", 1, 513),
      ((0..<300).map { String(repeating: " ", count: $0) + "k:\n" }.joined(), 257, 257),
    ])
  func tooDeep(text: String, line: Int, column: Int) throws {
    let diagnostic = try refusal(text)
    #expect(diagnostic.location == at(line, column))
    #expect(diagnostic.message == "Lists and mappings are nested more than 256 levels deep.")
  }

  @Test("Nesting exactly 256 levels deep is accepted")
  func deepestAccepted() throws {
    var node = try parse(String(repeating: "[", count: 256) + "最深" + String(repeating: "]", count: 256))
    var depth = 0
    while case .sequence(let items) = node.content, let first = items.first {
      depth += 1
      node = first
    }
    #expect(depth == 256)
    #expect(node.scalar == "最深")
    #expect(node.location == at(1, 257))
  }

  @Test("A lower depth limit is reported with its own number")
  func customDepth() throws {
    var parser = YAMLParser()
    parser.maximumDepth = 3
    let text = """
      indicators:
        - targets:
            - year: 2025
      """
    let diagnostic = try refusal(text, parser: parser)
    #expect(diagnostic.location == at(3, 7))
    #expect(diagnostic.message == "Lists and mappings are nested more than 3 levels deep.")
  }

  @Test("A 10 MB file of realistic indicators parses completely")
  func tenMegabytes() throws {
    var text = "indicators:\n"
    var count = 0
    while text.utf8.count < 10_000_000 {
      text += """
          - id: digital.indicator_\(count)
            name: 软件业务收入（第\(count)项）
            unit: 亿元
            owner: 工业和信息化厅
            targets:
              - year: 2025
                value: \(count).5

        """
      count += 1
    }
    let root = try parse(text)
    let indicators = try #require(root["indicators"]).items
    #expect(indicators.count == count)
    // Each indicator is a mapping, 5 keys, 4 values, a list, a mapping, 2 keys and 2 values.
    #expect(Self.nodeCount(root) == 3 + 16 * count)
    let last = try #require(indicators.last)
    #expect(last["name"]?.scalar == "软件业务收入（第\(count - 1)项）")
    let value = try #require(last["targets"]?.items.first?["value"])
    #expect(value.scalar == "\(count - 1).5")
    // Line 1 holds 'indicators:'; indicator i takes lines 2 + 7i to 8 + 7i.
    #expect(value.location == at(8 + 7 * (count - 1), 16))
  }

  /// Every node in the tree, keys included.
  static func nodeCount(_ root: Node) -> Int {
    var count = 0
    var pending = [root]
    while let node = pending.popLast() {
      count += 1
      switch node.content {
      case .scalar: break
      case .sequence(let items): pending += items
      case .mapping(let entries):
        count += entries.count
        pending += entries.map(\.value)
      }
    }
    return count
  }
}
