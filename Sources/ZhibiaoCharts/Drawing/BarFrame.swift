/// The frame the bar charts share: row labels on the left under the category label, bars in the
/// plot, a figure after each bar, and the value axis at the bottom.
struct BarFrame {
  static let rowHeight = 26.0
  static let barHeight = 16.0
  /// Longer row labels are cut with "…" and shown whole in a tooltip.
  static let maximumLabelWidth = 200.0
  static let maximumEndLabelWidth = 220.0
  /// The height of the plot when there are no rows, for the "no data" caption.
  static let emptyHeight = 60.0

  let scale: NiceScale
  let plotLeft: Double
  let plotRight: Double
  /// The top of the first row.
  let top: Double
  let rows: Int

  /// A frame wide enough for the widest row label and figure, within their limits.
  init(scale: NiceScale, labels: [String], categoryLabel: String, endLabels: [String], top: Double) {
    let labelWidth = (labels + [categoryLabel]).map { TextWidth.of($0, fontSize: ChartCanvas.fontSize) }.max() ?? 0
    let endWidth = endLabels.map { TextWidth.of($0, fontSize: ChartCanvas.fontSize) }.max() ?? 0
    self.scale = scale
    plotLeft = ChartCanvas.margin + min(max(labelWidth, 40), Self.maximumLabelWidth) + 10
    // Room after the longest bar for the overflow mark and the figure.
    plotRight = ChartCanvas.width - ChartCanvas.margin - min(endWidth, Self.maximumEndLabelWidth) - 16
    self.top = top
    rows = labels.count
  }

  var plotBottom: Double { top + (rows == 0 ? Self.emptyHeight : Double(rows) * Self.rowHeight) }

  var labelWidth: Double { plotLeft - 10 - ChartCanvas.margin }

  /// The x of `value`, held within the axis.
  func x(_ value: Double) -> Double {
    let clamped = min(max(value, scale.lower), scale.upper)
    return plotLeft + (clamped - scale.lower) / (scale.upper - scale.lower) * (plotRight - plotLeft)
  }

  func rowTop(_ row: Int) -> Double { top + Double(row) * Self.rowHeight }

  func barTop(_ row: Int) -> Double { rowTop(row) + (Self.rowHeight - Self.barHeight) / 2 }

  /// The baseline of text centred on a row.
  func textBaseline(_ row: Int) -> Double { rowTop(row) + Self.rowHeight / 2 + 4 }
}

extension ChartCanvas {
  /// The category axis label above the row labels.
  mutating func drawCategoryLabel(_ label: String, frame: BarFrame) {
    text(
      label, x: frame.plotLeft - 10, y: frame.top - 8, anchor: .end, bold: true, className: "axis-label y",
      maxWidth: frame.labelWidth)
  }

  /// A row label, right-aligned against the plot.
  mutating func drawRowLabel(_ label: String, row: Int, frame: BarFrame) {
    text(
      label, x: frame.plotLeft - 10, y: frame.textBaseline(row), anchor: .end, className: "row-label",
      maxWidth: frame.labelWidth)
  }

  /// Vertical grid lines at the ticks, drawn first so bars cover them.
  mutating func drawGrid(_ frame: BarFrame) {
    open("g", [("class", "grid"), ("stroke", ChartInk.grid), ("stroke-width", "1")])
    for tick in frame.scale.ticks {
      let x = frame.x(tick)
      add("line", [("x1", x.svg), ("y1", frame.top.svg), ("x2", x.svg), ("y2", frame.plotBottom.svg)])
    }
    close("g")
  }

  /// The value axis under the plot with its tick labels and axis label; returns the y below it.
  mutating func drawValueAxis(_ frame: BarFrame, tickLabel: (Double) -> String, axisLabel: String) -> Double {
    let bottom = frame.plotBottom
    open("g", [("class", "axis x")])
    add(
      "line",
      [
        ("x1", frame.plotLeft.svg), ("y1", bottom.svg), ("x2", frame.plotRight.svg), ("y2", bottom.svg),
        ("stroke", ChartInk.axis), ("stroke-width", "1"),
      ])
    for tick in frame.scale.ticks {
      let x = frame.x(tick)
      add(
        "line",
        [("x1", x.svg), ("y1", bottom.svg), ("x2", x.svg), ("y2", (bottom + 4).svg), ("stroke", ChartInk.axis)])
      text(tickLabel(tick), x: x, y: bottom + 17, anchor: .middle, size: 11, className: "tick-label")
    }
    close("g")
    text(
      axisLabel, x: (frame.plotLeft + frame.plotRight) / 2, y: bottom + 38, anchor: .middle, bold: true,
      className: "axis-label x", maxWidth: frame.plotRight - frame.plotLeft)
    return bottom + 38 + Self.margin
  }
}
