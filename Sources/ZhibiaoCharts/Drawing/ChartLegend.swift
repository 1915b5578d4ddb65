/// What a legend entry shows before its words.
enum LegendKey {
  /// A swatch filled as the status fills.
  case status(ChartStatus)
  /// The pace mark: a short vertical bar.
  case paceMark
  /// The target path: a dashed line.
  case targetLine
  /// The actual path: a solid line with a marker.
  case actualLine
  /// A bar cut at the end of the axis.
  case overflow
}

extension ChartCanvas {
  /// Draws legend entries left to right from `top`, wrapping to a new line when the width runs
  /// out, and returns the y below the legend.
  mutating func drawLegend(_ entries: [(key: LegendKey, words: String)], top: Double) -> Double {
    guard !entries.isEmpty else { return top }
    let lineHeight = 20.0
    let right = Self.width - Self.margin
    var x = Self.margin
    var y = top
    open("g", [("class", "legend")])
    for entry in entries {
      let keyWidth: Double =
        switch entry.key {
        case .targetLine, .actualLine: 26
        default: 14
        }
      let wordsWidth = min(TextWidth.of(entry.words, fontSize: Self.fontSize), 240)
      let entryWidth = keyWidth + 6 + wordsWidth
      if x > Self.margin, x + entryWidth > right {
        x = Self.margin
        y += lineHeight
      }
      open("g", [("class", "legend-item")])
      drawKey(entry.key, x: x, middle: y + 8, width: keyWidth)
      text(entry.words, x: x + keyWidth + 6, y: y + 12, maxWidth: 240)
      close("g")
      x += entryWidth + 18
    }
    close("g")
    return y + lineHeight + 4
  }

  private mutating func drawKey(_ key: LegendKey, x: Double, middle: Double, width: Double) {
    switch key {
    case .status(let status):
      add(
        "rect",
        [("x", x.svg), ("y", (middle - 6).svg), ("width", width.svg), ("height", "12")] + status.paint(ids))
    case .paceMark:
      add(
        "line",
        [
          ("x1", (x + width / 2).svg), ("y1", (middle - 8).svg), ("x2", (x + width / 2).svg),
          ("y2", (middle + 8).svg), ("stroke", ChartInk.text), ("stroke-width", "2"),
        ])
    case .targetLine:
      add(
        "line",
        [
          ("x1", x.svg), ("y1", middle.svg), ("x2", (x + width).svg), ("y2", middle.svg),
          ("stroke", ChartInk.target), ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
        ])
    case .actualLine:
      add(
        "line",
        [
          ("x1", x.svg), ("y1", middle.svg), ("x2", (x + width).svg), ("y2", middle.svg),
          ("stroke", ChartInk.actual), ("stroke-width", "2.5"),
        ])
      add(
        "circle",
        [
          ("cx", (x + width / 2).svg), ("cy", middle.svg), ("r", "3.5"), ("fill", ChartInk.actual),
          ("stroke", "#FFFFFF"), ("stroke-width", "1"),
        ])
    case .overflow:
      drawOverflowMark(x: x + 3, top: middle - 6, height: 12)
    }
  }
}
