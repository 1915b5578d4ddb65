/// One chart being drawn: elements in paint order, wrapped at the end in the root `<svg>` with its
/// `<title>`, pattern definitions and a white background.
struct ChartCanvas {
  /// Every chart is this wide in user units and scales to its container through the viewBox.
  static let width = 720.0
  static let margin = 16.0
  static let fontSize = 12.0
  static let fontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

  /// The chart's class, e.g. `progress-chart`.
  let kind: String
  let title: String
  let ids: ChartIDs
  private var body: [String] = []

  init(kind: String, title: String, ids: ChartIDs) {
    self.kind = kind
    self.title = title
    self.ids = ids
  }

  /// Appends an element; `text` becomes its content and `tooltip` a `<title>` child.
  mutating func add(_ name: String, _ attributes: [(String, String)], text: String? = nil, tooltip: String? = nil) {
    let start = "<\(name)\(Self.attributes(attributes))"
    guard text != nil || tooltip != nil else {
      body.append(start + "/>")
      return
    }
    let title = tooltip.map { "<title>\($0.xmlEscaped)</title>" } ?? ""
    body.append(start + ">" + title + (text?.xmlEscaped ?? "") + "</\(name)>")
  }

  /// Opens a group or other container, with an optional tooltip as its first child.
  mutating func open(_ name: String, _ attributes: [(String, String)], tooltip: String? = nil) {
    body.append("<\(name)\(Self.attributes(attributes))>" + (tooltip.map { "<title>\($0.xmlEscaped)</title>" } ?? ""))
  }

  mutating func close(_ name: String) {
    body.append("</\(name)>")
  }

  /// Draws a line of text with its baseline at `y`; cut to `maxWidth` with "…" if needed, when
  /// the whole text goes in a tooltip.
  mutating func text(
    _ string: String, x: Double, y: Double, anchor: TextAnchor = .start, size: Double = fontSize, bold: Bool = false,
    className: String? = nil, maxWidth: Double? = nil, fill: String? = nil
  ) {
    let shown = maxWidth.flatMap { TextWidth.truncated(string, toWidth: $0, fontSize: size) }
    var attributes = [("x", x.svg), ("y", y.svg)]
    if let className { attributes.insert(("class", className), at: 0) }
    if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
    if size != Self.fontSize { attributes.append(("font-size", size.svg)) }
    if bold { attributes.append(("font-weight", "bold")) }
    if let fill { attributes.append(("fill", fill)) }
    if let shown {
      open("g", [("class", "truncated")], tooltip: string)
      add("text", attributes, text: shown)
      close("g")
    } else {
      add("text", attributes, text: string)
    }
  }

  /// Draws the visible title and returns the y below it.
  mutating func drawTitle() -> Double {
    text(
      title, x: Self.margin, y: 26, size: 16, bold: true, className: "chart-title",
      maxWidth: Self.width - 2 * Self.margin)
    return 40
  }

  /// The caption in an empty plot, centred on (x, y).
  mutating func drawNoData(_ label: String, x: Double, y: Double) {
    text(label, x: x, y: y + 5, anchor: .middle, size: 14, className: "no-data", fill: ChartInk.muted)
  }

  /// A small triangle pointing right from `x`, marking a bar cut at the end of the axis.
  mutating func drawOverflowMark(x: Double, top: Double, height: Double, tooltip: String? = nil) {
    let path = "M\(x.svg) \(top.svg)L\((x + 7).svg) \((top + height / 2).svg)L\(x.svg) \((top + height).svg)Z"
    add("path", [("class", "overflow-mark"), ("d", path), ("fill", ChartInk.text)], tooltip: tooltip)
  }

  /// The finished `<svg>` element, `height` user units tall.
  func rendered(height: Double) -> String {
    let size = "0 0 \(Self.width.svg) \(height.svg)"
    let root =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"zhibiao-chart \(kind)\" role=\"img\" "
      + "aria-labelledby=\"\(ids.title)\" viewBox=\"\(size)\" width=\"100%\" preserveAspectRatio=\"xMidYMin meet\" "
      + "font-family=\"\(Self.fontFamily)\" font-size=\"\(Self.fontSize.svg)\" fill=\"\(ChartInk.text)\">"
    let head = [
      root,
      "<title id=\"\(ids.title)\">\(title.xmlEscaped)</title>",
      "<defs>" + StatusPatterns.definitions(ids).joined() + "</defs>",
      "<rect class=\"background\" width=\"\(Self.width.svg)\" height=\"\(height.svg)\" fill=\"#FFFFFF\"/>",
    ]
    return (head + body + ["</svg>"]).joined(separator: "\n")
  }

  private static func attributes(_ attributes: [(String, String)]) -> String {
    attributes.map { " \($0.0)=\"\($0.1.xmlEscaped)\"" }.joined()
  }
}

/// Where a line of text sits relative to its x.
enum TextAnchor: String {
  case start
  case middle
  case end
}
