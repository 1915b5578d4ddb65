extension PathChart {
  static let plotHeight = 220.0

  /// The chart as one standalone `<svg>` element.
  ///
  /// Periods sit at equal steps along x; the y axis covers both series with nice ticks and need
  /// not start at zero. Each run of values without a gap is one line: the target dashed, the
  /// actual solid with a marker on every value. Values beyond the last period are ignored and
  /// non-finite values are gaps.
  public func svg() -> String {
    let count = periods.count
    let targetValues = Self.cleaned(target.values, count: count)
    let actualValues = Self.cleaned(actual.values, count: count)
    let all = (targetValues + actualValues).compactMap(\.self)

    var canvas = ChartCanvas(kind: "path-chart", title: title, ids: identity)
    var y = canvas.drawTitle()
    y = canvas.drawLegend([(.targetLine, target.name), (.actualLine, actual.name)], top: y)

    let scale = all.isEmpty ? NiceScale(covering: 0, 1) : NiceScale(covering: all.min()!, all.max()!)
    // Without values the ticks would be made up, so the axis stays bare.
    let tickLabels = all.isEmpty ? [] : scale.ticks.map { ChartNumber.format($0, fractionDigits: scale.fractionDigits) }
    let tickWidth = tickLabels.map { TextWidth.of($0, fontSize: 11) }.max() ?? 0
    let frame = Frame(
      scale: scale, left: ChartCanvas.margin + max(tickWidth, 20) + 8,
      right: ChartCanvas.width - ChartCanvas.margin - 8,
      top: y + 26, count: count)

    canvas.text(
      yAxisLabel, x: ChartCanvas.margin, y: y + 12, bold: true, className: "axis-label y",
      maxWidth: ChartCanvas.width - 2 * ChartCanvas.margin)
    drawValueAxis(frame, tickLabels: tickLabels, on: &canvas)
    drawPeriodAxis(frame, on: &canvas)
    if all.isEmpty {
      canvas.drawNoData(noDataLabel, x: (frame.left + frame.right) / 2, y: frame.top + Self.plotHeight / 2)
    }
    drawTarget(targetValues, frame: frame, on: &canvas)
    drawActual(actualValues, frame: frame, digits: scale.fractionDigits + 2, on: &canvas)
    return canvas.rendered(height: frame.bottom + 38 + ChartCanvas.margin)
  }

  private func drawValueAxis(_ frame: Frame, tickLabels: [String], on canvas: inout ChartCanvas) {
    canvas.open("g", [("class", "axis y")])
    for (tick, label) in zip(frame.scale.ticks, tickLabels) {
      let y = frame.y(tick)
      let isZero = tick == 0 && frame.scale.lower < 0
      canvas.add(
        "line",
        [
          ("x1", frame.left.svg), ("y1", y.svg), ("x2", frame.right.svg), ("y2", y.svg),
          ("stroke", isZero ? ChartInk.axis : ChartInk.grid), ("stroke-width", "1"),
        ])
      canvas.text(label, x: frame.left - 6, y: y + 4, anchor: .end, size: 11, className: "tick-label")
    }
    canvas.add(
      "line",
      [
        ("x1", frame.left.svg), ("y1", frame.top.svg), ("x2", frame.left.svg), ("y2", frame.bottom.svg),
        ("stroke", ChartInk.axis), ("stroke-width", "1"),
      ])
    canvas.close("g")
  }

  /// The periods under the plot, every one if they fit and every second, third… one if not.
  private func drawPeriodAxis(_ frame: Frame, on canvas: inout ChartCanvas) {
    canvas.open("g", [("class", "axis x")])
    canvas.add(
      "line",
      [
        ("x1", frame.left.svg), ("y1", frame.bottom.svg), ("x2", frame.right.svg), ("y2", frame.bottom.svg),
        ("stroke", ChartInk.axis), ("stroke-width", "1"),
      ])
    let widest = periods.map { TextWidth.of($0, fontSize: 11) }.max() ?? 0
    let every = max(1, Int(((widest + 8) / frame.band).rounded(.up)))
    for (index, period) in periods.enumerated() where index % every == 0 {
      let x = frame.x(index)
      canvas.add(
        "line",
        [
          ("x1", x.svg), ("y1", frame.bottom.svg), ("x2", x.svg), ("y2", (frame.bottom + 4).svg),
          ("stroke", ChartInk.axis),
        ])
      canvas.text(
        period, x: x, y: frame.bottom + 17, anchor: .middle, size: 11, className: "tick-label",
        maxWidth: frame.band * Double(every) - 4)
    }
    canvas.close("g")
    canvas.text(
      xAxisLabel, x: (frame.left + frame.right) / 2, y: frame.bottom + 38, anchor: .middle, bold: true,
      className: "axis-label x", maxWidth: frame.right - frame.left)
  }

  private func drawTarget(_ values: [Double?], frame: Frame, on canvas: inout ChartCanvas) {
    canvas.open("g", [("class", "series target")], tooltip: target.name)
    for run in Self.runs(values) {
      if run.count == 1, let index = run.first {
        // A lone value has no line to show it.
        canvas.add(
          "circle",
          [
            ("cx", frame.x(index).svg), ("cy", frame.y(values[index]!).svg), ("r", "3"), ("fill", "#FFFFFF"),
            ("stroke", ChartInk.target), ("stroke-width", "1.5"),
          ])
      } else {
        canvas.add(
          "path",
          [
            ("d", frame.path(run, values)), ("fill", "none"), ("stroke", ChartInk.target), ("stroke-width", "2"),
            ("stroke-dasharray", "6 4"),
          ])
      }
    }
    canvas.close("g")
  }

  private func drawActual(_ values: [Double?], frame: Frame, digits: Int, on canvas: inout ChartCanvas) {
    canvas.open("g", [("class", "series actual")], tooltip: actual.name)
    for run in Self.runs(values) where run.count > 1 {
      canvas.add(
        "path",
        [("d", frame.path(run, values)), ("fill", "none"), ("stroke", ChartInk.actual), ("stroke-width", "2.5")])
    }
    for (index, value) in values.enumerated() {
      guard let value else { continue }
      canvas.add(
        "circle",
        [
          ("class", "marker"), ("cx", frame.x(index).svg), ("cy", frame.y(value).svg), ("r", "3.5"),
          ("fill", ChartInk.actual), ("stroke", "#FFFFFF"), ("stroke-width", "1"),
        ],
        tooltip: "\(actual.name) \(periods[index]): \(ChartNumber.format(value, fractionDigits: digits))")
    }
    canvas.close("g")
  }

  /// One value per period: missing ones and non-finite ones are nil.
  private static func cleaned(_ values: [Double?], count: Int) -> [Double?] {
    (0..<count).map { index in
      index < values.count ? values[index].flatMap { $0.isFinite ? $0 : nil } : nil
    }
  }

  /// The indices of each run of consecutive values.
  static func runs(_ values: [Double?]) -> [[Int]] {
    var runs = [[Int]]()
    var current = [Int]()
    for (index, value) in values.enumerated() {
      if value == nil {
        if !current.isEmpty { runs.append(current) }
        current = []
      } else {
        current.append(index)
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// The plot area and its mapping from (period, value) to user units.
  private struct Frame {
    let scale: NiceScale
    let left: Double
    let right: Double
    let top: Double
    let count: Int

    var bottom: Double { top + PathChart.plotHeight }
    var band: Double { (right - left) / Double(max(count, 1)) }

    func x(_ index: Int) -> Double { left + band * (Double(index) + 0.5) }

    func y(_ value: Double) -> Double {
      bottom - (value - scale.lower) / (scale.upper - scale.lower) * PathChart.plotHeight
    }

    func path(_ run: [Int], _ values: [Double?]) -> String {
      run.enumerated().map { step, index in
        "\(step == 0 ? "M" : "L")\(x(index).svg) \(y(values[index]!).svg)"
      }.joined()
    }
  }

  private var identity: ChartIDs {
    ChartIDs(explicit: id, kind: "path") { content in
      for text in [title, xAxisLabel, yAxisLabel, noDataLabel, target.name, actual.name] { content.add(text) }
      content.add(periods.count)
      for period in periods { content.add(period) }
      for series in [target, actual] {
        content.add(series.values.count)
        for value in series.values { content.add(value) }
      }
    }
  }
}
