/// A field's text as the imports read it: trimmed of the spaces around it, as Foundation's
/// `trimmingCharacters(in: .whitespaces)` trims (a tab, or a space such as U+3000, the full-width
/// space), without Foundation's cost: a field with no space at either end, as
/// nearly all are, comes back as it is without a copy.
enum FieldText {
  /// `text` without the spaces at its start and end.
  static func trimmed(_ text: String) -> String {
    // Every space is a tab, a blank, or a scalar whose bytes are all above ASCII: text that
    // starts and ends with another ASCII byte has nothing to trim.
    if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80, !isSpace(byte: first),
      !isSpace(byte: last)
    {
      return text
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    guard isSpace(first) || isSpace(last) else { return text }
    guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[start...end])
  }

  /// Whether the ASCII `byte` is a space of ``isSpace(_:)``: a blank or a tab.
  private static func isSpace(byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// Whether `scalar` is in `CharacterSet.whitespaces`: a tab, the space separators (Zs, such as
  /// U+00A0 and U+3000) and the zero width space U+200B, which Foundation counts among them.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}
