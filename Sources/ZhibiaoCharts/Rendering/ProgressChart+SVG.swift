extension ProgressChart {
  /// The progress axis never reaches past this, so one runaway figure cannot squash the others; a
  /// bar beyond it is cut at the end of the axis and marked with a triangle.
  static let axisCeiling = 1.2

  /// The chart as one standalone `<svg>` element.
  ///
  /// The axis runs from 0 % to 100 %, or on to at most 120 % when a bar or pace mark goes past
  /// the target. A bar without progress is an empty dashed outline to 100 %, in the grey status.
  public func svg() -> String {
    let rows = bars.map(Row.init)
    var canvas = ChartCanvas(kind: "progress-chart", title: title, ids: identity)
    var y = canvas.drawTitle()

    let reach = rows.flatMap { [$0.progress, $0.pace] }.compactMap(\.self).max() ?? 1
    let scale = NiceScale(covering: 0, min(max(1, reach), Self.axisCeiling), maximumIntervals: 6)
    let overflows = rows.contains { ($0.progress ?? 0) > scale.upper + 1e-9 }

    var legend = ChartStatus.allCases.filter { status in rows.contains { $0.status == status } }.map {
      (key: LegendKey.status($0), words: statusNames[$0])
    }
    if rows.contains(where: { $0.pace != nil }) { legend.append((.paceMark, paceLabel)) }
    if overflows { legend.append((.overflow, "> \(Self.percent(scale.upper))")) }
    y = canvas.drawLegend(legend, top: y)

    let frame = BarFrame(
      scale: scale, labels: rows.map(\.label), categoryLabel: categoryLabel, endLabels: rows.map(\.valueLabel),
      top: y + 24)
    canvas.drawCategoryLabel(categoryLabel, frame: frame)
    canvas.drawGrid(frame)
    if scale.upper > 1 {
      let target = frame.x(1)
      canvas.add(
        "line",
        [
          ("class", "target-line"), ("x1", target.svg), ("y1", frame.top.svg), ("x2", target.svg),
          ("y2", frame.plotBottom.svg), ("stroke", ChartInk.muted), ("stroke-width", "1"),
        ])
    }
    if rows.isEmpty {
      canvas.drawNoData(noDataLabel, x: (frame.plotLeft + frame.plotRight) / 2, y: frame.top + BarFrame.emptyHeight / 2)
    }
    for (index, row) in rows.enumerated() {
      draw(row, at: index, in: frame, on: &canvas)
    }
    let height = canvas.drawValueAxis(frame, tickLabel: Self.percent, axisLabel: axisLabel)
    return canvas.rendered(height: height)
  }

  private func draw(_ row: Row, at index: Int, in frame: BarFrame, on canvas: inout ChartCanvas) {
    let barTop = frame.barTop(index)
    let ids = canvas.ids
    canvas.open(
      "g", [("class", "bar-row \(row.status.rawValue)")],
      tooltip: "\(row.label) · \(row.valueLabel) · \(statusNames[row.status])")
    canvas.drawRowLabel(row.label, row: index, frame: frame)
    var labelX: Double
    if let progress = row.progress {
      let end = frame.x(progress)
      canvas.add(
        "rect",
        [
          ("class", "bar"), ("x", frame.plotLeft.svg), ("y", barTop.svg), ("width", (end - frame.plotLeft).svg),
          ("height", BarFrame.barHeight.svg),
        ] + row.status.paint(ids))
      labelX = end + 6
      if progress > frame.scale.upper + 1e-9 {
        canvas.drawOverflowMark(x: end + 1, top: barTop, height: BarFrame.barHeight)
        labelX = end + 12
      }
    } else {
      let end = frame.x(1)
      canvas.add(
        "rect",
        [
          ("class", "bar no-data"), ("x", frame.plotLeft.svg), ("y", barTop.svg),
          ("width", (end - frame.plotLeft).svg), ("height", BarFrame.barHeight.svg),
        ] + ChartStatus.grey.paint(ids))
      labelX = end + 6
    }
    if let pace = row.pace {
      let x = frame.x(pace)
      let line = [
        ("x1", x.svg), ("y1", (barTop - 4).svg), ("x2", x.svg), ("y2", (barTop + BarFrame.barHeight + 4).svg),
      ]
      // A white halo keeps the mark visible on the darker fills.
      canvas.add("line", [("class", "pace-halo")] + line + [("stroke", "#FFFFFF"), ("stroke-width", "4")])
      canvas.add(
        "line", [("class", "pace-mark")] + line + [("stroke", ChartInk.text), ("stroke-width", "2")],
        tooltip: "\(paceLabel) \(Self.percent(pace))")
      labelX = max(labelX, x + 6)
    }
    canvas.text(
      row.valueLabel, x: labelX, y: frame.textBaseline(index), className: "value-label",
      maxWidth: BarFrame.maximumEndLabelWidth)
    canvas.close("g")
  }

  /// A fraction as a whole percentage: 0.625 → "63%".
  static func percent(_ fraction: Double) -> String {
    "\(ChartNumber.format(fraction * 100, fractionDigits: 0))%"
  }

  /// A bar as drawn: non-finite figures dropped, and the grey status when there is no progress.
  private struct Row {
    let label: String
    let progress: Double?
    let pace: Double?
    let status: ChartStatus
    let valueLabel: String

    init(_ bar: Bar) {
      label = bar.label
      progress = bar.progress.flatMap { $0.isFinite ? $0 : nil }
      pace = bar.pace.flatMap { $0.isFinite ? $0 : nil }
      status = progress == nil ? .grey : bar.status
      valueLabel = bar.valueLabel
    }
  }

  private var identity: ChartIDs {
    ChartIDs(explicit: id, kind: "progress") { content in
      for text in [title, axisLabel, categoryLabel, paceLabel, noDataLabel] { content.add(text) }
      for bar in bars {
        content.add(bar.label)
        content.add(bar.progress)
        content.add(bar.pace)
        content.add(bar.status.rawValue)
        content.add(bar.valueLabel)
      }
    }
  }
}
