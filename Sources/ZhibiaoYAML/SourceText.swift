/// Byte-level facts about source text: UTF-8 validity and positions.
enum SourceText {
  /// The UTF-8 byte order mark, which some Windows editors write.
  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Throws at the first byte that is not part of valid UTF-8, with its line and column.
  static func validateUTF8(_ bytes: [UInt8], file: String) throws(Diagnostic) {
    var offset = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
      case .emptyInput:
        break loop
      case .error:
        let location = bytes.withUnsafeBufferPointer {
          Self.location(in: $0, byteOffset: offset, file: file)
        }
        throw Diagnostic(
          .error, at: location, "The file is not valid UTF-8 (byte 0x\(hex(bytes[offset])) at offset \(offset)).",
          hint: "save it as UTF-8; files from Excel or WPS on Chinese Windows are often GBK")
      }
    }
  }

  /// The line and column of a byte offset, counting columns in characters; a leading byte
  /// order mark takes no column.
  static func location(in bytes: UnsafeBufferPointer<UInt8>, byteOffset: Int, file: String) -> SourceLocation {
    var line = 1
    var column = 1
    var index = bytes.starts(with: utf8BOM) ? utf8BOM.count : 0
    let end = min(byteOffset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return SourceLocation(file: file, line: line, column: column)
  }

  /// The character at a 1-based line and column, if there is one.
  static func character(in bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Character? {
    var currentLine = 1
    var start = 0
    while currentLine < line, start < bytes.count {
      if bytes[start] == 0x0A { currentLine += 1 }
      start += 1
    }
    guard currentLine == line else { return nil }
    var end = start
    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    guard column >= 1, column <= scalars.count else { return nil }
    return Character(scalars[column - 1])
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
  }
}
