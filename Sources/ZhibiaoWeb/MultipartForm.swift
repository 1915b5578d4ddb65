import Foundation
import Hummingbird

/// A `multipart/form-data` body (RFC 7578), as a browser sends a form with a file: its parts, each
/// with its field name, the file's name when it is a file, and its bytes exactly as sent.
///
/// The reader is strict: a body that does not start with the boundary, a part without a
/// `Content-Disposition` naming the field, or a body without the closing boundary is not a form
/// (nil), never half of one.
struct MultipartForm {
  struct Part {
    var name: String
    var filename: String?
    var body: [UInt8]
  }

  var parts: [Part]

  /// The form in `body`, sent with the header `Content-Type: contentType`.
  init?(_ body: ByteBuffer, contentType: String) {
    guard contentType.lowercased().hasPrefix("multipart/form-data"),
      let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 70
    else { return nil }
    let bytes = Array(body.readableBytesView)
    let delimiter = Array("--\(boundary)".utf8)
    let separator = Array("\r\n--\(boundary)".utf8)
    guard bytes.starts(with: delimiter) else { return nil }
    var position = delimiter.count
    var parts: [Part] = []
    while true {
      // After a delimiter: "--" closes the body, CRLF starts a part.
      if bytes[position...].starts(with: [0x2D, 0x2D]) { break }
      guard bytes[position...].starts(with: [0x0D, 0x0A]) else { return nil }
      position += 2
      guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: position) else { return nil }
      let headers = String(decoding: bytes[position..<headerEnd], as: UTF8.self)
      guard
        let disposition = headers.split(separator: "\r\n").first(where: {
          $0.lowercased().hasPrefix("content-disposition:")
        }).map(String.init), let name = Self.parameter("name", in: disposition)
      else { return nil }
      let start = headerEnd + 4
      guard let end = Self.find(separator, in: bytes, from: start) else { return nil }
      parts.append(
        Part(name: name, filename: Self.parameter("filename", in: disposition), body: Array(bytes[start..<end])))
      position = end + separator.count
    }
    self.parts = parts
  }

  /// The first part named `name`.
  subscript(_ name: String) -> Part? { parts.first { $0.name == name } }

  /// The text of the field `name`.
  func field(_ name: String) -> String? { self[name].map { String(decoding: $0.body, as: UTF8.self) } }

  /// The value of `name=` in a header's parameters, quoted or not.
  static func parameter(_ name: String, in header: String) -> String? {
    for piece in header.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
      var value = pair[1].trimmingCharacters(in: .whitespaces)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
        value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
      }
      return value
    }
    return nil
  }

  /// Where `needle` first occurs in `bytes` at or after `start`.
  static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard let first = needle.first, bytes.count >= needle.count else { return nil }
    var index = start
    let last = bytes.count - needle.count
    while index <= last {
      if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
