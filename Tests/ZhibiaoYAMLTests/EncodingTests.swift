import Testing
import ZhibiaoYAML

@Suite("Files that are not UTF-8")
struct EncodingTests {
  /// "指标" in GBK, as Excel or WPS on Chinese Windows save it.
  static let gbkZhibiao: [UInt8] = [0xD6, 0xB8, 0xB1, 0xEA]
  /// "中文" in GBK.
  static let gbkZhongwen: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]

  @Test("GBK text after some ASCII lines is refused at its line and column, with a hint about GBK")
  func gbkAfterAsciiLines() throws {
    let bytes = Array("id: digital.a\nunit: yi\nname: ".utf8) + Self.gbkZhibiao + Array("\n".utf8)
    let diagnostic = try refusal(bytes)
    // 0xD6 0xB8 happens to be valid UTF-8 (U+05B8), so the first byte that is not is 0xB1,
    // the start of 标 in column 8 of line 3.
    #expect(diagnostic.location == at(3, 8))
    #expect(diagnostic.message == "The file is not valid UTF-8 (byte 0xB1 at offset 31).")
    let hint = try #require(diagnostic.hint)
    #expect(hint.contains("UTF-8"))
    #expect(hint.contains("GBK"))
  }

  @Test("GBK text whose first byte is already invalid is refused at that byte")
  func gbkFirstByteInvalid() throws {
    let bytes = Array("id: a\nname: ".utf8) + Self.gbkZhongwen + Array("\n".utf8)
    let diagnostic = try refusal(bytes)
    #expect(diagnostic.location == at(2, 7))
    #expect(diagnostic.message.contains("byte 0xD6 at offset 12"))
  }

  @Test("Columns before the bad byte count UTF-8 Chinese characters once each")
  func columnAfterChinese() throws {
    let bytes = Array("名称: 数字𠀀".utf8) + Self.gbkZhongwen
    #expect(try refusal(bytes).location == at(1, 8))
  }

  @Test("A byte order mark does not shift the column of a bad byte on the first line")
  func byteOrderMarkThenGBK() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("名称: ".utf8) + Self.gbkZhongwen
    let diagnostic = try refusal(bytes)
    #expect(diagnostic.location == at(1, 5))
    #expect(diagnostic.message.contains("byte 0xD6 at offset 11"))
  }

  @Test(
    "Other invalid UTF-8 is refused at the first bad byte",
    arguments: [
      (Array("name: caf".utf8) + [0xE9, 0x0A], 1, 10),
      (Array("a: 1\nb: ".utf8) + [0xE6, 0x8C], 2, 4),
      (Array("a: 1\nb: ".utf8) + [0xFF], 2, 4),
      (Array("a: 1\nb: ".utf8) + [0xC0, 0xAF], 2, 4),
    ])
  func invalidBytes(bytes: [UInt8], line: Int, column: Int) throws {
    let diagnostic = try refusal(bytes)
    #expect(diagnostic.location == at(line, column))
    #expect(diagnostic.message.hasPrefix("The file is not valid UTF-8"))
  }
}
