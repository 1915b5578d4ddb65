import Foundation

/// The state machine behind `ImportTable(parsing:file:)`: it reads the text's Unicode scalars one at a time into
/// records, each field with the position it starts at, and collects every error it can locate.
/// The rules it follows are documented there.
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
  /// The records read, in file order, including those with errors.
  private(set) var records: [Record] = []
  /// Every error found, in file order.
  private(set) var errors: [Diagnostic] = []

  private var state = State.lineStart
  private var record = Record(line: 1)
  private var field = String.UnicodeScalarView()
  private var line = 1
  private var column = 1
  private var quoteStart = SourceLocation(file: "", line: 1, column: 1)
  /// Whether the file's lines end with a lone CR, once the first line break outside quotes is read.
  private var crOnly: Bool?

  init(file: String) {
    self.file = file
  }

  /// Reads `text`, skipping a byte order mark at its start. Stops at a NUL character.
  mutating func read(_ text: String) {
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var pendingCR = false
    for scalar in scalars {
      if pendingCR {
        pendingCR = false
        if scalar == "\n" {
          lineBreak(.crlf)
          continue
        }
        lineBreak(.cr)
      }
      switch scalar {
      case "\r": pendingCR = true
      case "\n": lineBreak(.lf)
      case "\0":
        fail("The file holds a NUL character; it is not a text CSV file (saved as UTF-16?), so reading stops here.")
        return
      default: consume(scalar)
      }
    }
    if pendingCR { lineBreak(.cr) }
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

  private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  private mutating func fail(_ message: String, hint: String? = nil) {
    errors.append(Diagnostic(.error, at: here, message, hint: hint))
    record.isBad = true
  }

  /// Ends the field; an empty field starts where it ends.
  private mutating func endField() {
    if record.starts.count == record.fields.count { record.starts.append(here) }
    record.fields.append(String(field))
    field = String.UnicodeScalarView()
  }

  /// Reads one scalar that is neither a line break nor NUL.
  private mutating func consume(_ scalar: Unicode.Scalar) {
    defer { column += 1 }
    if state == .lineStart {
      if scalar == "#" {
        state = .comment
        return
      }
      record = Record(line: line)
      state = .fieldStart
    }
    switch state {
    case .fieldStart:
      record.starts.append(here)
      switch scalar {
      case "\"":
        quoteStart = here
        state = .quoted
      case ",":
        endField()
      default:
        field.append(scalar)
        state = .unquoted
      }
    case .unquoted:
      switch scalar {
      case "\"":
        fail(
          "A quote inside a field that does not start with one.",
          hint: "quote the whole field and write the quote twice, e.g. \"a \"\"b\"\" c\"")
        state = .skipLine
      case ",":
        endField()
        state = .fieldStart
      default:
        field.append(scalar)
      }
    case .quoted:
      if scalar == "\"" { state = .closingQuote } else { field.append(scalar) }
    case .closingQuote:
      switch scalar {
      case "\"":
        field.append("\"")
        state = .quoted
      case ",":
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
      case .lf: field.append("\n")
      case .crlf: field.append(contentsOf: "\r\n".unicodeScalars)
      case .cr: field.append("\r")
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
