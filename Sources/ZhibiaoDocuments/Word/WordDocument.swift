import Foundation

/// A document for Word and WPS, laid out like a Chinese official document (GB/T 9704-2012 《党政
/// 机关公文格式》): A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right, a grid of 22
/// lines (28 characters of 三号 fill a line), the title in 方正小标宋 二号, headings in 黑体 and 楷体 三号, the body in
/// 仿宋 三号, page numbers "— 1 —" in 宋体 四号 outside (odd pages right, even left). Fonts a
/// machine lacks fall back to the nearest common one (宋体, 仿宋, 楷体), which the font table names.
///
/// A value: blocks of paragraphs and tables; ``archive()`` writes the `.docx` package.
public struct WordDocument: Sendable, Equatable {
  /// The document's title, for its properties.
  public var title: String
  /// The language of the text, `zh-CN` or `en-US`.
  public var language: String
  public var blocks: [Block]

  public init(title: String, language: String = "zh-CN", blocks: [Block] = []) {
    self.title = title
    self.language = language
    self.blocks = blocks
  }

  /// A block of the body.
  public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case table(Table)
    /// The next block starts a new page.
    case pageBreak
  }

  /// What a paragraph is, which sets its font, size, alignment and indent.
  public enum Style: String, Sendable, CaseIterable {
    /// 标题: 方正小标宋 二号, centred.
    case title = "Title"
    /// 一级标题 (一、): 黑体 三号.
    case heading1 = "Heading1"
    /// 二级标题 (（一）): 楷体 三号.
    case heading2 = "Heading2"
    /// 正文: 仿宋 三号, the first line indented two characters.
    case body = "Body"
    /// A note or a warning: 仿宋 小四.
    case note = "Note"
    /// An item of a list: 仿宋 三号, hanging after its mark.
    case listItem = "ListItem"
    /// Text in a table cell: 仿宋 小四.
    case cell = "Cell"
    /// A table's heading cell: 黑体 小四, centred.
    case cellHeading = "CellHeading"
  }

  /// A paragraph: its style and its runs of text.
  public struct Paragraph: Sendable, Equatable {
    public var style: Style
    public var runs: [Run]
    /// Aligned to the right (a figure in a table), when the style does not say otherwise.
    public var alignRight: Bool

    public init(_ style: Style, _ runs: [Run], alignRight: Bool = false) {
      self.style = style
      self.runs = runs
      self.alignRight = alignRight
    }

    public init(_ style: Style, _ text: String, alignRight: Bool = false) {
      self.init(style, [Run(text)], alignRight: alignRight)
    }

    /// The paragraph's text.
    public var text: String { runs.map(\.text).joined() }
  }

  /// A run of text, bold or not, or a blank line to write on (underlined spaces).
  public struct Run: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public var underlined: Bool

    public init(_ text: String, bold: Bool = false, underlined: Bool = false) {
      self.text = text
      self.bold = bold
      self.underlined = underlined
    }
  }

  /// A table: a heading row (repeated on every page) unless empty, then rows of cells; a cell holds
  /// paragraphs. A table without borders lays out blocks side by side (a signature block).
  public struct Table: Sendable, Equatable {
    public var headings: [String]
    public var rows: [[[Paragraph]]]
    /// Which columns hold figures, aligned right.
    public var numeric: [Bool]
    public var bordered: Bool

    public init(headings: [String], rows: [[[Paragraph]]], numeric: [Bool] = [], bordered: Bool = true) {
      self.headings = headings
      self.rows = rows
      self.numeric = numeric
      self.bordered = bordered
    }

    /// How many columns: the most of the heading and any row.
    public var columnCount: Int { max(headings.count, rows.map(\.count).max() ?? 0) }
  }
}
