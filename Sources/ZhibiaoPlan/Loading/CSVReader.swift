import Foundation

/// The state machine behind `ImportTable(parsing:file:)`: it reads the text's UTF-8 bytes one at a time into
/// records, each field with the position it starts at, and collects every error it can locate.
/// The rules it follows are documented there.
///
/// Every character with a meaning here (comma, quote, CR, LF, NUL, `#`) is one ASCII byte, and no
/// byte of a longer UTF-8 sequence is ASCII, so reading bytes splits the text exactly where reading
/// scalars would; a column counts a scalar at its first byte.
struct CSVReader {
  /// One record of the file, before the header is known.
  typealias Record = ImportTable.Record

  /// Where the reader is within a line.
  private enum State {
    /// At the start of a line: a record, a comment or a blank line may follow.
    case lineStart
    /// At the start of a field, after a comma or at the start of a record.
    case fieldStart
    /// Inside a field that does not start with a quote.
    case unquoted
    /// Inside a quoted field.
    case quoted
    /// Just after a quote inside a quoted field: a second quote, a comma or a line break follows.
    case closingQuote
    /// Inside a comment line.
    case comment
    /// After an error, skipping the rest of the line.
    case skipLine
  }

  /// How a line ends.
  private enum LineBreak {
    case lf, crlf, cr
  }

  let file: String
  /// The records read, in file order, including those with errors (only those not handed over
  /// yet when reading record by record).
  private(set) var records: [Record] = []
  /// Every error found, in file order.
  private(set) var errors: [Diagnostic] = []

  private var state = State.lineStart
  private var record = Record(line: 1)
  private var field: [UInt8] = []
  /// The line being read.
  private(set) var line: Int
  private var column = 1
  private var quoteStart = SourceLocation(file: "", line: 1, column: 1)
  /// Whether the file's lines end with a lone CR, once the first line break outside quotes is read.
  private(set) var crOnly: Bool?
  /// The most fields a record has had so far.
  private var width = 0
  /// Whether the last byte read is a CR whose line break is known only with the next byte.
  private var pendingCR = false

  /// A reader of `file` from its start, or from the start of line `line` when it reads a part
  /// of the text that begins there.
  init(file: String, line: Int = 1) {
    self.file = file
    self.line = line
  }

  /// Whether the reader is at the start of a line, outside any quoted field, so that what
  /// follows reads as it would from the start of a file, but for its line numbers and the kind
  /// of its line breaks.
  var isAtLineStart: Bool { state == .lineStart && !pendingCR }

  /// Reads `text`, skipping a byte order mark at its start. Stops at a NUL character.
  mutating func read(_ text: String) {
    var text = text
    text.withUTF8 { read(bytes: $0, each: nil) }
  }

  /// Reads `text` as ``read(_:)`` does, but hands each record to `each` as soon as it ends
  /// instead of keeping it in `records`.
  mutating func read(_ text: String, each: (Record) -> Void) {
    var text = text
    withoutActuallyEscaping(each) { each in text.withUTF8 { read(bytes: $0, each: each) } }
  }

  private mutating func read(bytes: UnsafeBufferPointer<UInt8>, each: ((Record) -> Void)?) {
    guard feed(Self.withoutByteOrderMark(bytes[...]), each: each) else { return }
    finish(each: each)
  }

  /// `bytes` without a UTF-8 byte order mark at their start.
  static func withoutByteOrderMark(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
  }

  /// Reads `bytes`, the next part of the text, handing each record that ends to `each` (or
  /// keeping it in `records` when there is none). False when it stops at a NUL character:
  /// reading then ends there, without ``finish(each:)``.
  mutating func feed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, each: ((Record) -> Void)?) -> Bool {
    defer { if let each { handOver(to: each) } }
    field.reserveCapacity(64)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      index += 1
      if pendingCR {
        pendingCR = false
        if byte == UInt8(ascii: "\n") {
          lineBreak(.crlf)
          if let each { handOver(to: each) }
          continue
        }
        lineBreak(.cr)
        if let each { handOver(to: each) }
      }
      switch byte {
      case UInt8(ascii: "\r"): pendingCR = true
      case UInt8(ascii: "\n"):
        lineBreak(.lf)
        if let each { handOver(to: each) }
      case 0:
        fail("The file holds a NUL character; it is not a text CSV file (saved as UTF-16?), so reading stops here.")
        return false
      default:
        consume(byte)
        // The rest of a field's text, up to the next byte with a meaning, taken at once.
        guard state == .unquoted || state == .quoted else { break }
        let run = index
        while index < bytes.endIndex, Self.isPlain(bytes[index]) { index += 1 }
        if index > run { take(bytes[run..<index]) }
      }
    }
    return true
  }

  /// Whether `byte` is read into a field as it is, in a quoted field or not: neither a comma, a
  /// quote, a line break nor NUL.
  private static func isPlain(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"), 0: false
    default: true
    }
  }

  /// Reads `bytes`, all plain, into the field, as ``consume(_:)`` reads each of them.
  private mutating func take(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
    field.append(contentsOf: bytes)
    for byte in bytes where byte & 0xC0 != 0x80 { column += 1 }
  }

  /// Ends the text: the last record, when no line break follows it, or the error of a quoted
  /// field never closed.
  mutating func finish(each: ((Record) -> Void)?) {
    defer { if let each { handOver(to: each) } }
    if pendingCR {
      pendingCR = false
      lineBreak(.cr)
    }
    switch state {
    case .quoted:
      errors.append(
        Diagnostic(
          .error, at: quoteStart, "The quoted field that starts here is never closed.",
          hint: "end it with a quote; write a quote inside it as two quotes (\"\")"))
    case .fieldStart, .unquoted, .closingQuote:
      endField()
      records.append(record)
    case .skipLine:
      records.append(record)
    case .lineStart, .comment:
      break
    }
  }

  /// Hands the records read so far to `each`, in order, and forgets them.
  private mutating func handOver(to each: (Record) -> Void) {
    guard !records.isEmpty else { return }
    for record in records { each(record) }
    records.removeAll(keepingCapacity: true)
  }

  private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  private mutating func fail(_ message: String, hint: String? = nil) {
    errors.append(Diagnostic(.error, at: here, message, hint: hint))
    record.isBad = true
  }

  /// Ends the field; an empty field starts where it ends.
  private mutating func endField() {
    if record.starts.count == record.fields.count { record.starts.append(here) }
    record.fields.append(String(decoding: field, as: UTF8.self))
    width = max(width, record.fields.count)
    field.removeAll(keepingCapacity: true)
  }

  /// Reads one byte that is neither a line break nor NUL.
  private mutating func consume(_ byte: UInt8) {
    // A byte that continues a scalar (10xxxxxx) is in the column of the scalar's first byte.
    defer { if byte & 0xC0 != 0x80 { column += 1 } }
    if state == .lineStart {
      if byte == UInt8(ascii: "#") {
        state = .comment
        return
      }
      record = Record(line: line)
      // Records of one file are alike: room for as many fields as the widest so far saves regrowing.
      record.fields.reserveCapacity(width)
      record.starts.reserveCapacity(width)
      state = .fieldStart
    }
    switch state {
    case .fieldStart:
      record.starts.append(here)
      switch byte {
      case UInt8(ascii: "\""):
        quoteStart = here
        state = .quoted
      case UInt8(ascii: ","):
        endField()
      default:
        field.append(byte)
        state = .unquoted
      }
    case .unquoted:
      switch byte {
      case UInt8(ascii: "\""):
        fail(
          "A quote inside a field that does not start with one.",
          hint: "quote the whole field and write the quote twice, e.g. \"a \"\"b\"\" c\"")
        state = .skipLine
      case UInt8(ascii: ","):
        endField()
        state = .fieldStart
      default:
        field.append(byte)
      }
    case .quoted:
      if byte == UInt8(ascii: "\"") { state = .closingQuote } else { field.append(byte) }
    case .closingQuote:
      switch byte {
      case UInt8(ascii: "\""):
        field.append(UInt8(ascii: "\""))
        state = .quoted
      case UInt8(ascii: ","):
        endField()
        state = .fieldStart
      default:
        fail(
          "Text after the closing quote of a field.",
          hint: "a quoted field ends at its closing quote; write a quote inside it as two quotes (\"\")")
        state = .skipLine
      }
    case .lineStart, .comment, .skipLine:
      break
    }
  }

  /// Reads a line break: part of the value in a quoted field, otherwise the end of a line,
  /// which must be of the file's kind.
  private mutating func lineBreak(_ kind: LineBreak) {
    defer {
      line += 1
      column = 1
    }
    if state == .quoted {
      switch kind {
      case .lf: field.append(UInt8(ascii: "\n"))
      case .crlf: field.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
      case .cr: field.append(UInt8(ascii: "\r"))
      }
      return
    }
    let isCR = kind == .cr
    if let crOnly, crOnly != isCR {
      if isCR {
        fail(
          "A carriage return (CR) without a line feed, in a file whose lines end with LF or CRLF.",
          hint: "remove it, or quote the value if it belongs there")
      } else {
        fail(
          "This line ends with \(kind == .lf ? "LF" : "CRLF"), but the file's first line ends with a carriage return (CR) alone.",
          hint: "save the file with one kind of line ending")
      }
    } else if crOnly == nil {
      crOnly = isCR
    }
    switch state {
    case .fieldStart, .unquoted, .closingQuote:
      endField()
      records.append(record)
    case .skipLine:
      records.append(record)
    case .lineStart, .comment, .quoted:
      break
    }
    state = .lineStart
  }
}
