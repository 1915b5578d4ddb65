import Foundation
import Testing
import ZhibiaoYAML

@Suite("Files without a document")
struct EmptyDocumentTests {
  @Test(
    "An empty, blank or comments-only file gives no document",
    arguments: [
      "",
      "\n\n",
      "   \n  \n",
      "# 指标体系\n",
      "# 第一行注释\n   # 第二行注释\n\n# last",
      "\u{FEFF}# 注释\n",
    ])
  func noDocument(text: String) throws {
    #expect(try YAMLParser().parse(text, file: planFile) == nil)
  }

  @Test("An empty byte buffer gives no document")
  func emptyData() throws {
    #expect(try YAMLParser().parse(Data(), file: planFile) == nil)
  }

  @Test("A comment after a value does not hide the document")
  func commentAfterValue() throws {
    let root = try parse("# 说明\nname: 指标 # 注释\n")
    #expect(root["name"]?.scalar == "指标")
    #expect(root.location == at(2, 1))
  }
}
