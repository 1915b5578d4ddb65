/// Text as a workbook stores it (ECMA-376 `ST_Xstring`): a character XML cannot carry, such as a
/// carriage return, is written `_x000D_`, and an underscore that would start such a sequence
/// `_x005F_`. Excel and libxlsxwriter write these; a reader must turn them back.
enum EscapedText {
  /// `text` with every `_xHHHH_` turned back into its character.
  static func unescaped(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var result = ""
    var rest = Substring(text)
    while let start = rest.range(of: "_x") {
      result += rest[..<start.lowerBound]
      let hex = rest[start.upperBound...].prefix(5)
      if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16),
        hex.dropLast().allSatisfy(\.isHexDigit), let scalar = Unicode.Scalar(code)
      {
        result.unicodeScalars.append(scalar)
        rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
      } else {
        result += "_x"
        rest = rest[start.upperBound...]
      }
    }
    return result + rest
  }
}
