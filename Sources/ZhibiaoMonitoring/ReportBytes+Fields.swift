/// Report fields written into `ReportBytes`, byte for byte as `ReportText` writes them into an
/// array: JSON as the report's `JSONEncoder` writes it, CSV fields quoted where RFC 4180 needs it.
/// Text is copied as it is and escaped or quoted afterwards, in place, only when a byte of it needs
/// it.
extension ReportBytes {
  // MARK: - Numbers

  /// Appends units of 10^−places as `Decimal` describes them (`NumberText.writeDecimal`).
  mutating func appendDecimal<Units: FixedWidthInteger & SignedInteger>(_ units: Units, places: Int) {
    write(upTo: NumberText.room(places: places)) { NumberText.writeDecimal(units, places: places, to: $0) }
  }

  /// Appends `value` with `places` decimals as `printf("%.Nf")` writes it.
  mutating func appendFixed(_ value: Double, places: Int) {
    guard NumberText.canWriteFixed(value, places: places) else {
      append(utf8: NumberText.slowFixed(value, places: places))
      return
    }
    write(upTo: NumberText.room(places: places)) { NumberText.writeFixed(value, places: places, to: $0) }
  }

  /// Appends a finite double as JSON writes it (`NumberText.writeJSON`).
  mutating func appendShortest(_ value: Double) {
    write(upTo: 48) { NumberText.writeJSON(value, to: $0) }
  }

  // MARK: - JSON

  /// Appends `text` as a JSON string, escaped as `JSONEncoder` escapes it.
  package mutating func appendJSON(_ text: String) {
    append(UInt8(ascii: "\""))
    let start = count
    append(utf8: text)
    escapeJSON(from: start)
    append(UInt8(ascii: "\""))
  }

  /// Appends an optional string as JSON, `null` for none.
  mutating func appendJSON(_ text: String?) {
    if let text { appendJSON(text) } else { append("null") }
  }

  /// Appends `value` encoded by the report's encoder (`ReportText.appendEncoded`): for the parts of
  /// a row that are rare and nested.
  mutating func appendEncoded(_ value: some Encodable) {
    var encoded: [UInt8] = []
    ReportText.appendEncoded(value, to: &encoded)
    append(encoded)
  }

  /// Appends a statistic as JSON: `null` for NaN (no figure), "inf" or "-inf" quoted, else the
  /// double as `JSONEncoder` writes it.
  package mutating func appendJSON(_ value: Double) {
    if value.isNaN {
      append("null")
    } else if value.isInfinite {
      append(value < 0 ? #""-inf""# : #""inf""#)
    } else {
      appendShortest(value)
    }
  }

  /// Appends a figure in units as JSON: `null` for none, else as `Decimal` describes it.
  mutating func appendJSON(units: Int64, places: Int) {
    if units == FigureGrid.none { append("null") } else { appendDecimal(units, places: places) }
  }

  /// Escapes the bytes from `start` to the end as the content of a JSON string: `"`, `\` and `/`
  /// after a backslash, control characters as `\n` or `\u00XX`.
  mutating func escapeJSON(from start: Int) {
    expand(from: start) { byte in
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), 0x08, 0x09, 0x0A, 0x0C, 0x0D: 2
      case 0..<0x20: 6
      default: 1
      }
    } _: { byte, at in
      at[0] = UInt8(ascii: "\\")
      switch byte {
      case 0x08: at[1] = UInt8(ascii: "b")
      case 0x09: at[1] = UInt8(ascii: "t")
      case 0x0A: at[1] = UInt8(ascii: "n")
      case 0x0C: at[1] = UInt8(ascii: "f")
      case 0x0D: at[1] = UInt8(ascii: "r")
      case 0..<0x20:
        let hex: StaticString = "0123456789abcdef"
        at[1] = UInt8(ascii: "u")
        at[2] = UInt8(ascii: "0")
        at[3] = UInt8(ascii: "0")
        at[4] = hex.utf8Start[Int(byte >> 4)]
        at[5] = hex.utf8Start[Int(byte & 0xF)]
        return 6
      default: at[1] = byte
      }
      return 2
    }
  }

  // MARK: - CSV

  /// Appends one CSV field, quoted when it holds a comma, a quote or a line break.
  package mutating func appendCSV(_ text: String) {
    let start = count
    append(utf8: text)
    quoteCSV(from: start)
  }

  /// Appends the CSV text of a statistic: nothing for NaN, "inf" or "-inf", else as JSON writes it.
  package mutating func appendCSV(_ value: Double) {
    if value.isNaN { return }
    if value.isInfinite { append(value < 0 ? "-inf" : "inf") } else { appendShortest(value) }
  }

  /// Quotes the bytes from `start` to the end as one CSV field when they hold a comma, a quote or
  /// a line break, doubling each quote.
  mutating func quoteCSV(from start: Int) {
    var needsQuotes = false
    for index in start..<count {
      let byte = base[index]
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
        needsQuotes = true
        break
      }
    }
    guard needsQuotes else { return }
    expand(from: start) {
      $0 == UInt8(ascii: "\"") ? 2 : 1
    } _: { byte, at in
      at[0] = byte
      at[1] = byte
      return 2
    }
    insert(UInt8(ascii: "\""), at: start)
    append(UInt8(ascii: "\""))
  }
}
