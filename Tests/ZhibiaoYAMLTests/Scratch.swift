import Foundation
import Testing

@testable import ZhibiaoYAML

@Suite struct Scratch {
  @Test func probe() throws {
    let inputs: [String] = [
      "a:\n\tb: 1\n",
      "name: x\n\tunit: y\n",
      "a: 1\n b: 2\n",
      "a:\n  b: 1\n c: 2\n",
      "a: \"abc\nb: 2\n",
      "a: 'abc\n",
      "a: 1\n---\nb: 2\n",
      "a: 1\na: 2\n",
    ]
    for input in inputs {
      do {
        let node = try YAMLParser().parse(input, file: "t.yaml")
        print("OK", input.debugDescription, node as Any)
      } catch {
        print("ERR", input.debugDescription, "=>", error, "|", error.keyPath as Any)
      }
    }
  }
}
