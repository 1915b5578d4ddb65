extension RankingChart {
  /// The chart as one standalone `<svg>` element.
  ///
  /// Bars keep the order given, which the caller ranks best first. The value axis runs from zero
  /// (or the lowest negative value) to `maximum`, or to the nice ceiling of the largest value; a
  /// bar past `maximum` is cut there and marked. A non-finite value counts as no value: an empty
  /// dashed outline in the grey status.
  public func svg() -> String {
    let rows = bars.map(Row.init)
    var canvas = ChartCanvas(kind: "ranking-chart", title: title, ids: identity)
    var y = canvas.drawTitle()

    let values = rows.compactMap(\.value)
    let lowest = min(0, values.min() ?? 0)
    let top = maximum.flatMap { $0.isFinite && $0 > lowest ? $0 : nil }
    var scale = NiceScale(covering: lowest, max(values.max() ?? top ?? 1, lowest), maximumIntervals: 6)
    if let top { scale = NiceScale(covering: lowest, top, maximumIntervals: 6).ending(at: top) }
    let digits = max(scale.fractionDigits, 2)
    let figures = rows.map { row in
      ([row.value.map { ChartNumber.format($0, fractionDigits: digits) } ?? "—"] + [row.note])
        .filter { !$0.isEmpty }.joined(separator: " ")
    }

    var legend = ChartStatus.allCases.filter { status in rows.contains { $0.status == status } }.map {
      (key: LegendKey.status($0), words: statusNames[$0])
    }
    if rows.contains(where: { ($0.value ?? 0) > scale.upper + 1e-9 }) {
      legend.append((.overflow, "> \(ChartNumber.format(scale.upper, fractionDigits: digits))"))
    }
    y = canvas.drawLegend(legend, top: y)

    let frame = BarFrame(
      scale: scale, labels: rows.map(\.label), categoryLabel: categoryLabel, endLabels: figures, top: y + 24)
    canvas.drawCategoryLabel(categoryLabel, frame: frame)
    canvas.drawGrid(frame)
    if scale.lower < 0 {
      let zero = frame.x(0)
      canvas.add(
        "line",
        [
          ("class", "zero-line"), ("x1", zero.svg), ("y1", frame.top.svg), ("x2", zero.svg),
          ("y2", frame.plotBottom.svg), ("stroke", ChartInk.axis), ("stroke-width", "1"),
        ])
    }
    if rows.isEmpty {
      canvas.drawNoData(noDataLabel, x: (frame.plotLeft + frame.plotRight) / 2, y: frame.top + BarFrame.emptyHeight / 2)
    }
    for (index, row) in rows.enumerated() {
      draw(row, figure: figures[index], at: index, in: frame, on: &canvas)
    }
    let height = canvas.drawValueAxis(
      frame, tickLabel: { ChartNumber.format($0, fractionDigits: digits) }, axisLabel: axisLabel)
    return canvas.rendered(height: height)
  }

  private func draw(_ row: Row, figure: String, at index: Int, in frame: BarFrame, on canvas: inout ChartCanvas) {
    let barTop = frame.barTop(index)
    let ids = canvas.ids
    canvas.open(
      "g", [("class", "bar-row \(row.status.rawValue)")],
      tooltip: "\(row.label) · \(figure) · \(statusNames[row.status])")
    canvas.drawRowLabel(row.label, row: index, frame: frame)
    let zero = frame.x(0)
    var labelX: Double
    if let value = row.value {
      let end = frame.x(value)
      canvas.add(
        "rect",
        [
          ("class", "bar"), ("x", min(zero, end).svg), ("y", barTop.svg), ("width", abs(end - zero).svg),
          ("height", BarFrame.barHeight.svg),
        ] + row.status.paint(ids))
      labelX = max(end, zero) + 6
      if value > frame.scale.upper + 1e-9 {
        canvas.drawOverflowMark(x: end + 1, top: barTop, height: BarFrame.barHeight)
        labelX = end + 12
      }
    } else {
      canvas.add(
        "rect",
        [
          ("class", "bar no-data"), ("x", zero.svg), ("y", barTop.svg), ("width", (frame.plotRight - zero).svg),
          ("height", BarFrame.barHeight.svg),
        ] + ChartStatus.grey.paint(ids))
      labelX = frame.plotRight + 6
    }
    canvas.text(
      figure, x: labelX, y: frame.textBaseline(index), className: "value-label",
      maxWidth: BarFrame.maximumEndLabelWidth)
    canvas.close("g")
  }

  /// A bar as drawn: a non-finite value dropped, and the grey status without a value.
  private struct Row {
    let label: String
    let value: Double?
    let note: String
    let status: ChartStatus

    init(_ bar: Bar) {
      label = bar.label
      value = bar.value.isFinite ? bar.value : nil
      note = bar.note
      status = value == nil ? .grey : bar.status
    }
  }

  private var identity: ChartIDs {
    ChartIDs(explicit: id, kind: "ranking") { content in
      for text in [title, axisLabel, categoryLabel, noDataLabel] { content.add(text) }
      content.add(maximum)
      for bar in bars {
        content.add(bar.label)
        content.add(bar.value)
        content.add(bar.note)
        content.add(bar.status.rawValue)
      }
    }
  }
}
