extension TileMap {
  static let gap = 6.0

  /// The chart as one standalone `<svg>` element.
  ///
  /// Tiles are equal squares on the grid their rows and columns span, centred across the chart;
  /// each is filled as its status fills and carries its label and detail on a light plate so the
  /// text reads on every fill. The y caption sits above the grid and the x caption below it. A
  /// later tile at the same position covers an earlier one.
  public func svg() -> String {
    var canvas = ChartCanvas(kind: "tile-map", title: title, ids: identity)
    var y = canvas.drawTitle()
    let legend = ChartStatus.allCases.filter { status in tiles.contains { $0.status == status } }.map {
      (key: LegendKey.status($0), words: statusNames[$0])
    }
    y = canvas.drawLegend(legend, top: y)
    canvas.text(
      yAxisLabel, x: ChartCanvas.margin, y: y + 12, bold: true, className: "axis-label y",
      maxWidth: ChartCanvas.width - 2 * ChartCanvas.margin)
    let top = y + 24
    let bottom: Double
    if tiles.isEmpty {
      bottom = top + 80
      canvas.drawNoData(noDataLabel, x: ChartCanvas.width / 2, y: top + 40)
    } else {
      bottom = drawTiles(top: top, on: &canvas)
    }
    canvas.text(
      xAxisLabel, x: ChartCanvas.width / 2, y: bottom + 22, anchor: .middle, bold: true, className: "axis-label x",
      maxWidth: ChartCanvas.width - 2 * ChartCanvas.margin)
    return canvas.rendered(height: bottom + 22 + ChartCanvas.margin)
  }

  /// Draws the grid from `top` and returns its bottom.
  private func drawTiles(top: Double, on canvas: inout ChartCanvas) -> Double {
    let firstRow = tiles.map(\.row).min()!
    let firstColumn = tiles.map(\.column).min()!
    let rows = tiles.map(\.row).max()! - firstRow + 1
    let columns = tiles.map(\.column).max()! - firstColumn + 1
    let widest =
      tiles.map { max(TextWidth.of($0.label, fontSize: 13) * 1.05, TextWidth.of($0.detail, fontSize: 11)) }.max()!
    let available = ChartCanvas.width - 2 * ChartCanvas.margin - Self.gap * Double(columns - 1)
    let size = min(min(max(widest + 16, 76), 120), available / Double(columns))
    let gridWidth = Double(columns) * size + Double(columns - 1) * Self.gap
    let left = (ChartCanvas.width - gridWidth) / 2
    let ids = canvas.ids
    canvas.open("g", [("class", "tiles")])
    for tile in tiles {
      let x = left + Double(tile.column - firstColumn) * (size + Self.gap)
      let y = top + Double(tile.row - firstRow) * (size + Self.gap)
      let middle = y + size / 2
      canvas.open(
        "g", [("class", "tile \(tile.status.rawValue)")],
        tooltip: [tile.label, statusNames[tile.status], tile.detail].filter { !$0.isEmpty }.joined(separator: " · "))
      canvas.add(
        "rect",
        [("x", x.svg), ("y", y.svg), ("width", size.svg), ("height", size.svg), ("rx", "4")] + tile.status.paint(ids))
      canvas.add(
        "rect",
        [
          ("class", "plate"), ("x", (x + 5).svg), ("y", (middle - 19).svg), ("width", (size - 10).svg),
          ("height", "38"), ("rx", "3"), ("fill", "#FFFFFF"), ("fill-opacity", "0.9"),
        ])
      canvas.text(
        tile.label, x: x + size / 2, y: middle - 3, anchor: .middle, size: 13, bold: true, className: "tile-label",
        maxWidth: size - 14)
      canvas.text(
        tile.detail, x: x + size / 2, y: middle + 13, anchor: .middle, size: 11, className: "tile-detail",
        maxWidth: size - 14)
      canvas.close("g")
    }
    canvas.close("g")
    return top + Double(rows) * size + Double(rows - 1) * Self.gap
  }

  private var identity: ChartIDs {
    ChartIDs(explicit: id, kind: "tiles") { content in
      for text in [title, xAxisLabel, yAxisLabel, noDataLabel] { content.add(text) }
      for tile in tiles {
        content.add(tile.label)
        content.add(tile.row)
        content.add(tile.column)
        content.add(tile.status.rawValue)
        content.add(tile.detail)
      }
    }
  }
}
