extension String {
  /// The string as XML character data or a quoted attribute value: `&`, `<`, `>`, `"` and `'`
  /// escaped, and the control characters XML 1.0 forbids dropped, so that no label can end an
  /// element, open a new one or make the document unreadable.
  var xmlEscaped: String {
    var escaped = ""
    escaped.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
      default:
        // XML 1.0 allows no C0 controls besides tab and line ends, and neither U+FFFE nor U+FFFF.
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
