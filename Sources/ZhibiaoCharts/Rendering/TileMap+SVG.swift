extension TileMap {
  static let gap = 6.0

  /// The chart as one standalone `<svg>` element.
  ///
  /// Tiles are equal squares on the grid their rows and columns span, centred across the chart;
  /// each is filled as its status fills and carries its label and detail on a light plate so the
  /// text reads on every fill. The y caption sits above the grid and the x caption below it. A
  /// later tile at the same position covers an earlier one. The legend names every status, present
  /// or not, so that maps of different periods read alike.
  public func svg() -> String {
    var canvas = ChartCanvas(kind: "tile-map", title: title, ids: identity)
    var y = canvas.drawTitle()
    let legend = ChartStatus.allCases.map {
      (key: LegendKey.status($0), words: statusNames[$0])
    }
    y = canvas.drawLegend(legend, top: y)
    let grid = Grid(tiles, top: y + 24)
    let captionLeft = grid?.left ?? ChartCanvas.margin
    canvas.text(
      yAxisLabel, x: captionLeft, y: y + 12, bold: true, className: "axis-label y",
      maxWidth: ChartCanvas.width - ChartCanvas.margin - captionLeft)
    let bottom: Double
    if let grid {
      draw(on: &canvas, grid: grid)
      bottom = grid.bottom
    } else {
      bottom = y + 24 + 80
      canvas.drawNoData(noDataLabel, x: ChartCanvas.width / 2, y: y + 24 + 40)
    }
    canvas.text(
      xAxisLabel, x: ChartCanvas.width / 2, y: bottom + 22, anchor: .middle, bold: true, className: "axis-label x",
      maxWidth: ChartCanvas.width - 2 * ChartCanvas.margin)
    return canvas.rendered(height: bottom + 22 + ChartCanvas.margin)
  }

  private func draw(on canvas: inout ChartCanvas, grid: Grid) {
    let ids = canvas.ids
    canvas.open("g", [("class", "tiles")])
    for tile in tiles {
      let (x, y) = grid.origin(tile)
      let size = grid.size
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
  }

  /// Where the tiles go: squares wide enough for the longest label, within 76–120 units and the
  /// chart's width, on the rows and columns the tiles span, centred across the chart.
  private struct Grid {
    let firstRow: Int
    let firstColumn: Int
    let size: Double
    let left: Double
    let top: Double
    let bottom: Double

    init?(_ tiles: [Tile], top: Double) {
      guard let firstRow = tiles.map(\.row).min(), let lastRow = tiles.map(\.row).max(),
        let firstColumn = tiles.map(\.column).min(), let lastColumn = tiles.map(\.column).max()
      else { return nil }
      let rows = Double(lastRow - firstRow + 1)
      let columns = Double(lastColumn - firstColumn + 1)
      let widest =
        tiles.map { max(TextWidth.of($0.label, fontSize: 13) * 1.05, TextWidth.of($0.detail, fontSize: 11)) }.max() ?? 0
      let available = ChartCanvas.width - 2 * ChartCanvas.margin - TileMap.gap * (columns - 1)
      size = min(min(max(widest + 16, 76), 120), available / columns)
      left = (ChartCanvas.width - columns * size - (columns - 1) * TileMap.gap) / 2
      self.firstRow = firstRow
      self.firstColumn = firstColumn
      self.top = top
      bottom = top + rows * size + (rows - 1) * TileMap.gap
    }

    func origin(_ tile: Tile) -> (x: Double, y: Double) {
      (
        left + Double(tile.column - firstColumn) * (size + TileMap.gap),
        top + Double(tile.row - firstRow) * (size + TileMap.gap)
      )
    }
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
