import Foundation

extension WordDocument {
  /// The document a page of this app's own markup shows: the small, regular HTML the letters are
  /// written in (headings, paragraphs, lists, tables, sections), so that the letters have one
  /// source and the Word file says what the page says.
  ///
  /// `h1` is the title, `h2` and `h3` the two levels of heading; a `p` is body text, or a note
  /// when its class is `caveat`, `muted` or `issued`; list items get their mark (`1.` or `•`);
  /// `strong` is bold; a `span class="blank"` is a line to write on; a `section` whose class
  /// includes `page` starts a new page; a `div class="parties"` of `div class="party"` blocks is
  /// laid out side by side. What sits in `head` (the title, the style sheet) is left out.
  /// `title` names the document in its properties; nil takes the page's `h1`.
  public init(markup html: String, title: String?, language: String = "zh-CN") {
    var reader = MarkupReader()
    reader.read(html)
    let heading = reader.blocks.lazy.compactMap { block -> String? in
      guard case .paragraph(let paragraph) = block, paragraph.style == .title else { return nil }
      return paragraph.text
    }.first
    self.init(title: title ?? heading ?? "", language: language, blocks: reader.blocks)
  }
}

/// Reads the app's markup, one tag or text at a time, into blocks.
struct MarkupReader {
  var blocks: [WordDocument.Block] = []

  /// The paragraph being read, with its style and whether it is a cell's.
  private var paragraph: WordDocument.Paragraph?
  private var bold = 0
  private var skipping = 0
  /// Lists being read: ordered or not, and the count so far.
  private var lists: [(ordered: Bool, count: Int)] = []
  /// The table being read, its row, its cell, and whether the cell is numeric.
  private var table: WordDocument.Table?
  private var row: [[WordDocument.Paragraph]]?
  private var cell: [WordDocument.Paragraph]?
  /// Whether every cell of the row so far is a `th`: a first row of only `th` cells is the table's
  /// heading; a `th` beside `td` cells heads its row and stays in it.
  private var headingRow = false
  /// The side-by-side blocks (signature parties) being read.
  private var parties: [[WordDocument.Paragraph]]?
  /// The classes of the `div`s open, innermost last.
  private var divs: [String] = []

  mutating func read(_ html: String) {
    var rest = Substring(html)
    while !rest.isEmpty {
      guard let open = rest.firstIndex(of: "<") else {
        text(rest)
        break
      }
      if open > rest.startIndex { text(rest[..<open]) }
      guard let close = rest[open...].firstIndex(of: ">") else { break }
      tag(rest[rest.index(after: open)..<close])
      rest = rest[rest.index(after: close)...]
    }
    finishParagraph()
  }

  /// A tag's name, whether it closes, and its class.
  private mutating func tag(_ body: Substring) {
    let closing = body.hasPrefix("/")
    let content = closing ? body.dropFirst() : body
    let name = content.prefix { $0.isLetter || $0.isNumber }.lowercased()
    let className = Self.attribute("class", in: content) ?? ""
    if ["head", "style", "script", "title"].contains(name) {
      skipping += closing ? -1 : 1
      return
    }
    guard skipping == 0 else { return }
    closing ? end(name) : start(name, className: className)
  }

  private mutating func start(_ name: String, className: String) {
    switch name {
    case "h1": begin(.title)
    case "h2": begin(.heading1)
    case "h3", "h4": begin(.heading2)
    case "p":
      if cell != nil || parties != nil {
        begin(.cell)
      } else {
        let note = ["caveat", "muted", "issued"].contains { className.split(separator: " ").contains(Substring($0)) }
        begin(note ? .note : .body)
      }
    case "li":
      guard !lists.isEmpty else { return }
      lists[lists.count - 1].count += 1
      let mark = lists[lists.count - 1].ordered ? "\(lists[lists.count - 1].count). " : "• "
      begin(.listItem)
      paragraph?.runs.append(WordDocument.Run(mark))
    case "ul": lists.append((false, 0))
    case "ol": lists.append((true, 0))
    case "strong", "b": bold += 1
    case "span" where className == "blank":
      append(WordDocument.Run(String(repeating: " ", count: 16), underlined: true))
    case "section" where className.split(separator: " ").contains("page"):
      finishParagraph()
      blocks.append(.pageBreak)
    case "div":
      divs.append(className)
      if className == "parties" { parties = [] }
      if className == "party" { parties?.append([]) }
    case "table":
      finishParagraph()
      table = WordDocument.Table(headings: [], rows: [])
    case "tr":
      row = []
      headingRow = true
    case "th", "td":
      cell = []
      headingRow = headingRow && name == "th"
      begin(name == "th" ? .cellHeading : .cell)
      if className.split(separator: " ").contains("num"), var table {
        let index = row?.count ?? 0
        while table.numeric.count <= index { table.numeric.append(false) }
        table.numeric[index] = true
        self.table = table
      }
    case "br": append(WordDocument.Run(" "))
    default: break
    }
  }

  private mutating func end(_ name: String) {
    switch name {
    case "h1", "h2", "h3", "h4", "p", "li": finishParagraph()
    case "ul", "ol": if !lists.isEmpty { lists.removeLast() }
    case "strong", "b": bold = max(0, bold - 1)
    case "th", "td":
      finishParagraph()
      row?.append(cell ?? [])
      cell = nil
    case "tr":
      if let row, !row.isEmpty, let table {
        if headingRow, table.headings.isEmpty, table.rows.isEmpty {
          self.table?.headings = row.map { $0.map(\.text).joined(separator: " ") }
        } else {
          self.table?.rows.append(row)
        }
      }
      row = nil
    case "table":
      if let table { blocks.append(.table(table)) }
      table = nil
    case "div":
      finishParagraph()
      if divs.popLast() == "parties", let parties {
        if !parties.isEmpty {
          blocks.append(.table(WordDocument.Table(headings: [], rows: [parties], bordered: false)))
        }
        self.parties = nil
      }
    default: break
    }
  }

  private mutating func text(_ raw: Substring) {
    guard skipping == 0 else { return }
    let decoded = Self.decode(raw)
    guard paragraph != nil else { return }
    let collapsed = decoded.replacingOccurrences(of: "\n", with: " ")
    if collapsed.trimmingCharacters(in: .whitespaces).isEmpty, paragraph?.runs.isEmpty ?? true { return }
    append(WordDocument.Run(collapsed, bold: bold > 0))
  }

  private mutating func append(_ run: WordDocument.Run) {
    if paragraph == nil { begin(cell != nil || parties != nil ? .cell : .body) }
    paragraph?.runs.append(run)
  }

  private mutating func begin(_ style: WordDocument.Style) {
    finishParagraph()
    paragraph = WordDocument.Paragraph(style, [])
  }

  private mutating func finishParagraph() {
    guard let finished = paragraph else { return }
    paragraph = nil
    guard !finished.runs.isEmpty else { return }
    if cell != nil {
      cell?.append(finished)
    } else if var open = parties, !open.isEmpty {
      open[open.count - 1].append(finished)
      parties = open
    } else {
      blocks.append(.paragraph(finished))
    }
  }

  /// The value of `name="…"` in a tag's text.
  static func attribute(_ name: String, in tag: Substring) -> String? {
    guard let range = tag.range(of: " \(name)=\"") else { return nil }
    let value = tag[range.upperBound...].prefix { $0 != "\"" }
    return decode(value)
  }

  /// Text with the app's escapes (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, numeric ones) undone.
  static func decode(_ text: Substring) -> String {
    guard text.contains("&") else { return String(text) }
    var result = ""
    var rest = text
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      guard let semicolon = rest[amp...].prefix(10).firstIndex(of: ";") else {
        result += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let entity = rest[rest.index(after: amp)..<semicolon]
      switch entity {
      case "amp": result += "&"
      case "lt": result += "<"
      case "gt": result += ">"
      case "quot": result += "\""
      case "apos": result += "'"
      case "nbsp": result += "\u{A0}"
      default:
        let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
        let digits = entity.dropFirst(hex ? 2 : 1)
        if entity.hasPrefix("#"), let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
          result.unicodeScalars.append(scalar)
        } else {
          result += "&" + entity + ";"
        }
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return result + rest
  }
}
