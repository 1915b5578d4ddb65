import Foundation
import Testing

@testable import ZhibiaoYAML

@Suite struct Scratch {
  @Test func big() throws {
    var text = "indicators:\n"
    var i = 0
    while text.utf8.count < 10_000_000 {
      text += """
          - id: digital.indicator_\(i)
            name: 软件业务收入第\(i)项
            unit: 亿元
            owner: 工业和信息化厅
            targets:
              - year: 2025
                value: \(i).5

        """
      i += 1
    }
    print("items", i, "bytes", text.utf8.count)
    let start = Date()
    do {
      let node = try YAMLParser().parse(text, file: "big.yaml")
      print("parsed", node != nil, Date().timeIntervalSince(start))
    } catch {
      print("ERR", error, Date().timeIntervalSince(start))
    }
  }
}
