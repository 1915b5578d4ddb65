import Foundation
import Testing

@testable import ZhibiaoDocuments

/// A workbook part must be UTF-8 (or marked UTF-16) before the XML parser sees it.
@Suite("XML parts' encoding")
struct XMLEncodingTests {
  @Test("Valid UTF-8 passes, Chinese and four-byte characters included; every malformed form is caught")
  func utf8() {
    #expect(XMLEvents.isValidUTF8(Data("<c t=\"s\">租赁和商务服务业 𠀀 €</c>".utf8)))
    #expect(XMLEvents.isValidUTF8(Data()))
    for bad: [UInt8] in [
      [0xE7],  // a lead byte with nothing after it
      [0x78, 0x2E, 0xE7, 0x73],  // the fuzzer's attribute name: a lead byte before ASCII
      [0xC0, 0xAF],  // an overlong '/'
      [0xE0, 0x80, 0xAF],  // an overlong three-byte form
      [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
      [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
      [0x80],  // a continuation byte alone
    ] {
      #expect(!XMLEvents.isValidUTF8(Data(bad)), "\(bad)")
    }
    #expect(XMLEvents.isUTF16(Data([0xFF, 0xFE, 0x3C, 0x00])))
    #expect(throws: WorkbookError.self) {
      try XMLEvents.read(Data([0x3C, 0x78, 0x2E, 0xE7, 0x73, 0x2F, 0x3E]), part: "xl/worksheets/sheet1.xml") { _, _ in }
    }
  }

  @Test("Read a byte at a time, a character cut between chunks passes and a malformed one is caught at its chunk")
  func chunked() throws {
    var check = UTF8Check()
    for byte in Array("租赁 𠀀 €".utf8) {
      #expect([byte].withUnsafeBytes { check.feed($0) })
    }
    #expect(check.isComplete)
    var cut = UTF8Check()
    #expect([UInt8]([0xE7, 0xA7]).withUnsafeBytes { cut.feed($0) } && !cut.isComplete)
    var wrong = UTF8Check()
    #expect([UInt8]([0xE7]).withUnsafeBytes { wrong.feed($0) })
    #expect(![UInt8]([0x73]).withUnsafeBytes { wrong.feed($0) })
    var events: [String] = []
    let bytes = Array("<r><t>租赁</t></r>".utf8)
    var offset = 0
    let stream = PartStream(part: "p.xml") { buffer in
      guard offset < bytes.count else { return 0 }
      buffer[0] = bytes[offset]
      offset += 1
      return 1
    }
    try XMLEvents.read(stream, part: "p.xml", opened: { name, _ in events.append(name) }, text: { events.append($0) })
    #expect(events.joined() == "rt租赁")
    #expect(throws: WorkbookError.malformedPart(entry: "p.xml", line: 1, reason: "it is not valid UTF-8 text")) {
      try XMLEvents.read(PartStream(part: "p.xml", data: Data([0x3C, 0x72, 0x3E, 0xE7, 0x3C])), part: "p.xml") { _, _ in
      }
    }
  }
}
