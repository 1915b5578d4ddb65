import Foundation

/// The XML parts of the package (ECMA-376, WordprocessingML).
extension WordDocument {
  static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// Page and grid of GB/T 9704 in twentieths of a point: A4, the four margins, 22 lines. The
  /// grid sets the lines only: 28 characters of 三号 fill the 156 mm between the margins as they
  /// are, where a character grid would make some programs spread them out.
  enum Page {
    static let width = 11_906
    static let height = 16_838
    static let top = 2_098
    static let bottom = 1_984
    static let left = 1_588
    static let right = 1_474
    /// The page's height less the margins, over 22 lines.
    static let linePitch = 579
    /// Where the footer sits from the bottom edge: just under the text block.
    static let footer = 1_304
  }

  /// The fonts: the East Asian face, its fallback, and the Latin face.
  struct Font {
    var eastAsia: String
    var fallback: String
    var latin: String

    static let title = Font(eastAsia: "方正小标宋简体", fallback: "宋体", latin: "Times New Roman")
    static let heiti = Font(eastAsia: "黑体", fallback: "SimHei", latin: "Times New Roman")
    static let kaiti = Font(eastAsia: "楷体_GB2312", fallback: "楷体", latin: "Times New Roman")
    static let fangsong = Font(eastAsia: "仿宋_GB2312", fallback: "仿宋", latin: "Times New Roman")
    static let songti = Font(eastAsia: "宋体", fallback: "SimSun", latin: "Times New Roman")
    static let all = [title, heiti, kaiti, fangsong, songti]

    var properties: String {
      "<w:rFonts w:ascii=\"\(latin)\" w:hAnsi=\"\(latin)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(latin)\"/>"
    }
  }

  /// Each style's font, size (half-points), alignment and spacing.
  static func styleXML(_ style: Style) -> String {
    let (font, size, paragraph): (Font, Int, String) =
      switch style {
      case .title: (.title, 44, "<w:jc w:val=\"center\"/><w:spacing w:before=\"0\" w:after=\"579\"/>")
      case .heading1: (.heiti, 32, "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>")
      case .heading2: (.kaiti, 32, "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>")
      case .body: (.fangsong, 32, "<w:jc w:val=\"both\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>")
      case .note: (.fangsong, 24, "<w:jc w:val=\"both\"/>")
      case .listItem: (.fangsong, 32, "<w:jc w:val=\"both\"/><w:ind w:left=\"640\" w:hanging=\"320\"/>")
      case .cell: (.fangsong, 24, "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"300\" w:lineRule=\"auto\"/>")
      case .cellHeading:
        (
          .heiti, 24,
          "<w:snapToGrid w:val=\"0\"/><w:jc w:val=\"center\"/><w:spacing w:line=\"300\" w:lineRule=\"auto\"/>"
        )
      }
    let name = style == .title ? "Title" : style.rawValue
    return "<w:style w:type=\"paragraph\" w:styleId=\"\(style.rawValue)\"><w:name w:val=\"\(name)\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>\(paragraph)</w:pPr>"
      + "<w:rPr>\(font.properties)<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
  }

  var stylesXML: String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="\(Self.main)"><w:docDefaults><w:rPrDefault><w:rPr>\(Font.fangsong.properties)\
    <w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="\(language)" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="579" w:lineRule="exact"/></w:pPr></w:pPrDefault>\
    </w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
    </w:style>\(Style.allCases.map(Self.styleXML).joined())<w:style w:type="paragraph" w:styleId="Footer">\
    <w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr>\(Font.songti.properties)<w:sz w:val="28"/>\
    <w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal">\
    <w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="80" w:type="dxa"/>\
    <w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>
    """
  }

  var fontTableXML: String {
    let fonts = Font.all.map {
      "<w:font w:name=\"\($0.eastAsia)\"><w:altName w:val=\"\($0.fallback)\"/><w:charset w:val=\"86\"/>"
        + "<w:family w:val=\"auto\"/></w:font>"
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:fonts xmlns:w="\(Self.main)">\(fonts.joined())<w:font w:name="Times New Roman"><w:charset w:val="00"/>\
      <w:family w:val="roman"/></w:font></w:fonts>
      """
  }

  var settingsXML: String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:settings xmlns:w="\(Self.main)"><w:evenAndOddHeaders/><w:defaultTabStop w:val="640"/>\
    <w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" \
    w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
    """
  }

  /// The footer of odd pages (`right`) or even pages: "— N —", one character in from its edge.
  static func footerXML(right: Bool) -> String {
    let indent = right ? "<w:ind w:right=\"320\"/>" : "<w:ind w:left=\"320\"/>"
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:ftr xmlns:w="\(main)"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="\(right ? "right" : "left")"/>\
      \(indent)</w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
      <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
      <w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r>\
      </w:p></w:ftr>
      """
  }

  var documentXML: String {
    var body = ""
    var pendingBreak = false
    for block in blocks {
      switch block {
      case .pageBreak: pendingBreak = true
      case .paragraph(let paragraph):
        body += Self.paragraphXML(paragraph, pageBreakBefore: pendingBreak)
        pendingBreak = false
      case .table(let table):
        if pendingBreak { body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }
        pendingBreak = false
        body += Self.tableXML(table)
        // Word needs a paragraph between two tables, and after the last.
        body += "<w:p><w:pPr><w:pStyle w:val=\"Note\"/></w:pPr></w:p>"
      }
    }
    let page = """
      <w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>\
      <w:footerReference w:type="even" r:id="rIdFooterEven"/>\
      <w:pgSz w:w="\(Page.width)" w:h="\(Page.height)"/>\
      <w:pgMar w:top="\(Page.top)" w:right="\(Page.right)" w:bottom="\(Page.bottom)" w:left="\(Page.left)" \
      w:header="851" w:footer="\(Page.footer)" w:gutter="0"/>\
      <w:docGrid w:type="lines" w:linePitch="\(Page.linePitch)"/></w:sectPr>
      """
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="\(Self.main)" xmlns:r="\(Self.relationships)"><w:body>\(body)\(page)</w:body></w:document>
      """
  }

  static func paragraphXML(_ paragraph: Paragraph, pageBreakBefore: Bool = false) -> String {
    var properties = "<w:pStyle w:val=\"\(paragraph.style.rawValue)\"/>"
    if pageBreakBefore { properties += "<w:pageBreakBefore/>" }
    if paragraph.alignRight { properties += "<w:jc w:val=\"right\"/>" }
    let runs = paragraph.runs.map { run -> String in
      var format = run.bold ? "<w:b/><w:bCs/>" : ""
      if run.underlined { format += "<w:u w:val=\"single\"/>" }
      let properties = format.isEmpty ? "" : "<w:rPr>\(format)</w:rPr>"
      return "<w:r>\(properties)<w:t xml:space=\"preserve\">\(xml(run.text))</w:t></w:r>"
    }
    return "<w:p><w:pPr>\(properties)</w:pPr>\(runs.joined())</w:p>"
  }

  static func tableXML(_ table: Table) -> String {
    let columns = max(table.columnCount, 1)
    let width = Page.width - Page.left - Page.right
    let border = table.bordered ? "single" : "nil"
    let borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map {
      "<w:\($0) w:val=\"\(border)\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    }
    let widths = columnWidths(table, columns: columns, total: width)
    var xml =
      "<w:tbl><w:tblPr><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
      + "<w:tblBorders>\(borders.joined())</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
      + "<w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>"
      + "</w:tblPr><w:tblGrid>"
      + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
    func cell(_ paragraphs: [Paragraph], width: Int) -> String {
      let content = paragraphs.isEmpty ? [Paragraph(.cell, "")] : paragraphs
      return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
        + content.map { paragraphXML($0) }.joined() + "</w:tc>"
    }
    if !table.headings.isEmpty {
      xml +=
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        + (0..<columns).map { index in
          cell(
            [Paragraph(.cellHeading, index < table.headings.count ? table.headings[index] : "")], width: widths[index])
        }.joined() + "</w:tr>"
    }
    for row in table.rows {
      let cells = (0..<columns).map { index -> String in
        let paragraphs = index < row.count ? row[index] : []
        let numeric = index < table.numeric.count && table.numeric[index]
        let aligned = paragraphs.map { paragraph in
          var paragraph = paragraph
          paragraph.alignRight = paragraph.alignRight || numeric
          return paragraph
        }
        return cell(aligned, width: widths[index])
      }
      xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>\(cells.joined())</w:tr>"
    }
    return xml + "</w:tbl>"
  }

  /// Each column's width in twentieths of a point, for 小四 text (a Chinese character 240 wide,
  /// a Latin one about half): a short column (its widest text at most six Chinese characters; a
  /// heading counts up to four, as it may wrap) gets what it needs whole, and the long ones share
  /// the rest in proportion to their widest text (at most 15 Chinese characters' worth), so that a
  /// unit or a figure never breaks while a long rule wraps.
  static func columnWidths(_ table: Table, columns: Int, total: Int) -> [Int] {
    func length(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) } }
    var longest = [Int](repeating: 2, count: columns)
    for (index, heading) in table.headings.enumerated() where index < columns {
      longest[index] = max(longest[index], min(length(heading), 8))
    }
    for row in table.rows {
      for (index, cell) in row.enumerated() where index < columns {
        longest[index] = max(longest[index], min(cell.map { length($0.text) }.max() ?? 0, 30))
      }
    }
    let needs = longest.map { $0 * 120 + 360 }
    let short = longest.map { $0 <= 12 }
    let fixed = zip(needs, short).filter(\.1).map(\.0).reduce(0, +)
    let shared = zip(needs, short).filter { !$0.1 }.map(\.0).reduce(0, +)
    var widths = zip(needs, short).map { need, isShort in
      isShort || shared == 0 ? need : max(need * max(total - fixed, 0) / shared, 480)
    }
    if widths.reduce(0, +) > total || shared == 0 {
      let sum = widths.reduce(0, +)
      widths = widths.map { $0 * total / sum }
    }
    widths[columns - 1] += total - widths.reduce(0, +)
    return widths
  }

  /// `text` escaped for XML, without the characters XML 1.0 cannot hold.
  static func xml(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n", "\r": result += " "
      default:
        if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
