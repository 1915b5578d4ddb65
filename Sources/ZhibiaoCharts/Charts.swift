/// The charts a report draws, as plain values. The module knows nothing of plans: callers pass
/// labels already in the reader's language, and each chart renders itself as one standalone
/// `<svg>` element with a title and labelled axes.

/// A status as a chart shows it: colour, pattern and a word, so that it survives colour-blind
/// reading and greyscale print.
public enum ChartStatus: String, Sendable, CaseIterable {
  case green
  case yellow
  case red
  case grey
}

/// What each status is called in the reader's language, for legends and tooltips.
public struct StatusNames: Sendable {
  public var names: [ChartStatus: String]

  public init(_ names: [ChartStatus: String]) { self.names = names }

  public subscript(status: ChartStatus) -> String { names[status] ?? status.rawValue }
}

/// Horizontal bars of progress towards the annual target, each with the pace mark (序时进度)
/// it is judged against.
public struct ProgressChart: Sendable {
  public struct Bar: Sendable {
    /// The row label, e.g. an indicator or a district.
    public var label: String
    /// Progress as a fraction of the annual target (0.62 = 62 %); nil when nothing is reported.
    public var progress: Double?
    /// Where the bar should have reached by now, as a fraction of the annual target.
    public var pace: Double?
    public var status: ChartStatus
    /// The figure printed beside the bar, e.g. "62% · 3,456 亿元".
    public var valueLabel: String

    public init(label: String, progress: Double?, pace: Double?, status: ChartStatus, valueLabel: String) {
      self.label = label
      self.progress = progress
      self.pace = pace
      self.status = status
      self.valueLabel = valueLabel
    }
  }

  public var title: String
  /// The label of the value axis, with its unit, e.g. "完成年度目标 (%)".
  public var axisLabel: String
  /// The label of the category axis, e.g. "指标".
  public var categoryLabel: String
  /// The name of the pace mark in the legend, e.g. "序时进度".
  public var paceLabel: String
  public var bars: [Bar]
  public var statusNames: StatusNames
  /// A name for the chart's element ids, unique on the page; nil derives one from the content, so
  /// two identical charts on one page need one.
  public var id: String? = nil
  /// The caption drawn when there is nothing to chart.
  public var noDataLabel = "暂无数据"

  public init(
    title: String, axisLabel: String, categoryLabel: String, paceLabel: String, bars: [Bar], statusNames: StatusNames
  ) {
    self.title = title
    self.axisLabel = axisLabel
    self.categoryLabel = categoryLabel
    self.paceLabel = paceLabel
    self.bars = bars
    self.statusNames = statusNames
  }
}

/// One indicator's actual path against its target path, year by year to the target year.
public struct PathChart: Sendable {
  public struct Series: Sendable {
    public var name: String
    /// One value per x label; nil where there is none (a gap in the line).
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
      self.name = name
      self.values = values
    }
  }

  public var title: String
  /// The x labels, e.g. ["2021", "2022", …, "2025"].
  public var periods: [String]
  public var xAxisLabel: String
  /// The y axis label with its unit, e.g. "亿元".
  public var yAxisLabel: String
  /// The target path (drawn dashed).
  public var target: Series
  /// The actual path (drawn solid, with markers).
  public var actual: Series
  /// A name for the chart's element ids, unique on the page; nil derives one from the content, so
  /// two identical charts on one page need one.
  public var id: String? = nil
  /// The caption drawn when there is nothing to chart.
  public var noDataLabel = "暂无数据"

  public init(title: String, periods: [String], xAxisLabel: String, yAxisLabel: String, target: Series, actual: Series)
  {
    self.title = title
    self.periods = periods
    self.xAxisLabel = xAxisLabel
    self.yAxisLabel = yAxisLabel
    self.target = target
    self.actual = actual
  }
}

/// A ranking as horizontal bars, best first.
public struct RankingChart: Sendable {
  public struct Bar: Sendable {
    public var label: String
    public var value: Double
    /// Printed after the value, e.g. the grade "优秀" and the rank change "↑2".
    public var note: String
    public var status: ChartStatus

    public init(label: String, value: Double, note: String, status: ChartStatus) {
      self.label = label
      self.value = value
      self.note = note
      self.status = status
    }
  }

  public var title: String
  /// The value axis label with its unit, e.g. "得分 (分)".
  public var axisLabel: String
  public var categoryLabel: String
  public var bars: [Bar]
  /// The top of the value axis, e.g. 100 points; nil to fit the largest value.
  public var maximum: Double?
  public var statusNames: StatusNames
  /// A name for the chart's element ids, unique on the page; nil derives one from the content, so
  /// two identical charts on one page need one.
  public var id: String? = nil
  /// The caption drawn when there is nothing to chart.
  public var noDataLabel = "暂无数据"

  public init(
    title: String, axisLabel: String, categoryLabel: String, bars: [Bar], maximum: Double?, statusNames: StatusNames
  ) {
    self.title = title
    self.axisLabel = axisLabel
    self.categoryLabel = categoryLabel
    self.bars = bars
    self.maximum = maximum
    self.statusNames = statusNames
  }
}

/// Districts as equal tiles laid out roughly as on the map, each coloured by its status.
public struct TileMap: Sendable {
  public struct Tile: Sendable {
    public var label: String
    /// Grid position, 0-based, row 0 at the top (north).
    public var row: Int
    public var column: Int
    public var status: ChartStatus
    /// A short second line, e.g. "红 3 · 黄 2".
    public var detail: String

    public init(label: String, row: Int, column: Int, status: ChartStatus, detail: String) {
      self.label = label
      self.row = row
      self.column = column
      self.status = status
      self.detail = detail
    }
  }

  public var title: String
  /// What the position means, e.g. "方位示意（北在上）"; shown where axes would be.
  public var xAxisLabel: String
  public var yAxisLabel: String
  public var tiles: [Tile]
  public var statusNames: StatusNames
  /// A name for the chart's element ids, unique on the page; nil derives one from the content, so
  /// two identical charts on one page need one.
  public var id: String? = nil
  /// The caption drawn when there is nothing to chart.
  public var noDataLabel = "暂无数据"

  public init(title: String, xAxisLabel: String, yAxisLabel: String, tiles: [Tile], statusNames: StatusNames) {
    self.title = title
    self.xAxisLabel = xAxisLabel
    self.yAxisLabel = yAxisLabel
    self.tiles = tiles
    self.statusNames = statusNames
  }
}
