import Foundation

/// Decodes a file that may be UTF-8, UTF-8 with a byte order mark, or GBK / GB18030 — what
/// Excel and WPS write on Chinese Windows.
public enum TextDecoding {
  /// An encoding a file can be read in.
  public enum Encoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// GB18030, a superset of GBK and GB2312.
    case gb18030

    /// The spellings accepted on the command line.
    public init?(name: String) {
      switch name.lowercased() {
      case "utf-8", "utf8": self = .utf8
      case "gbk", "gb2312", "gb18030", "cp936": self = .gb18030
      default: return nil
      }
    }
  }

  /// GB18030 as Foundation names it (kCFStringEncodingGB_18030_2000).
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  /// The text and the encoding it was read in. With no encoding given, a byte order mark or
  /// valid UTF-8 means UTF-8; anything else is read as GB18030. Nil when the bytes are not
  /// valid in the encoding.
  public static func decode(_ data: Data, as encoding: Encoding? = nil) -> (text: String, encoding: Encoding)? {
    var bytes = data
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if hasBOM { bytes = bytes.dropFirst(3) }
    switch encoding ?? (hasBOM ? .utf8 : nil) {
    case .utf8:
      return String(data: bytes, encoding: .utf8).map { ($0, .utf8) }
    case .gb18030:
      return String(data: bytes, encoding: gb18030).map { ($0, .gb18030) }
    case nil:
      if let text = String(data: bytes, encoding: .utf8) { return (text, .utf8) }
      return String(data: bytes, encoding: gb18030).map { ($0, .gb18030) }
    }
  }
}
