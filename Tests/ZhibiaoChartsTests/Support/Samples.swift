import ZhibiaoCharts

/// Charts as the report draws them, in Chinese, and the same with hostile or missing content.
enum Samples {
  static let statusNames = StatusNames([.green: "绿灯", .yellow: "黄灯", .red: "红灯", .grey: "无数据"])
  static let hostile = "<script>alert(1)</script>&\"'"

  static func progress(title: String = "数字经济：完成年度目标进度（2025 年 3 季度）", bars: [ProgressChart.Bar]? = nil)
    -> ProgressChart
  {
    ProgressChart(
      title: title, axisLabel: "占年度目标 (%)", categoryLabel: "指标", paceLabel: "序时进度",
      bars: bars ?? [
        .init(label: "数字经济核心产业增加值", progress: 0.62, pace: 0.75, status: .yellow, valueLabel: "62% · 3,456 亿元"),
        .init(label: "软件业务收入", progress: 1.35, pace: 0.75, status: .green, valueLabel: "135% · 9,876 亿元"),
        .init(label: "规上服务业营收", progress: 0.31, pace: 0.75, status: .red, valueLabel: "31% · 1,234 亿元"),
        .init(label: "新增上云企业数", progress: nil, pace: 0.75, status: .red, valueLabel: "—"),
      ], statusNames: statusNames)
  }

  static func path(title: String = "软件业务收入：实际与目标路径", actual: [Double?]? = nil) -> PathChart {
    PathChart(
      title: title, periods: ["2021", "2022", "2023", "2024", "2025"], xAxisLabel: "年份",
      yAxisLabel: "亿元（累计新增）",
      target: .init(name: "目标路径", values: [6000, 6800, 7600, 8400, 9200]),
      actual: .init(name: "实际（年末）", values: actual ?? [6100, 6900, nil, 8800, nil]))
  }

  static func ranking(title: String = "区县综合考核得分与排名（2024年）", bars: [RankingChart.Bar]? = nil) -> RankingChart {
    RankingChart(
      title: title, axisLabel: "实得分（分）", categoryLabel: "区县",
      bars: bars ?? [
        .init(label: "1. 滨江区", value: 96.5, note: "优秀 ↑2", status: .green),
        .init(label: "2. 上城区", value: 91, note: "良好 —", status: .yellow),
        .init(label: "3. 淳安县", value: 72.25, note: "一般 ↓1", status: .red),
      ], maximum: 100, statusNames: statusNames)
  }

  static func tiles(title: String = "各区县指标灯色", tiles: [TileMap.Tile]? = nil) -> TileMap {
    TileMap(
      title: title, xAxisLabel: "方位示意（北在上）", yAxisLabel: "北",
      tiles: tiles ?? [
        .init(label: "余杭区", row: 0, column: 1, status: .green, detail: "红 0 · 黄 1"),
        .init(label: "临平区", row: 0, column: 2, status: .yellow, detail: "红 1 · 黄 2"),
        .init(label: "西湖区", row: 1, column: 1, status: .red, detail: "红 3 · 黄 2"),
        .init(label: "淳安县", row: 2, column: 0, status: .grey, detail: "未报送"),
      ], statusNames: statusNames)
  }

  /// One of each chart, rendered, with the title and axis labels it must show.
  static let all: [(kind: String, svg: String, title: String, x: String, y: String)] = [
    ("progress", progress().svg(), progress().title, "占年度目标 (%)", "指标"),
    ("path", path().svg(), path().title, "年份", "亿元（累计新增）"),
    ("ranking", ranking().svg(), ranking().title, "实得分（分）", "区县"),
    ("tiles", tiles().svg(), tiles().title, "方位示意（北在上）", "北"),
  ]

  /// Each chart with nothing to draw.
  static let empty: [(kind: String, svg: String)] = [
    ("progress", progress(bars: []).svg()),
    ("path", path(actual: [nil, nil, nil, nil, nil]).svgWithoutTarget()),
    ("ranking", ranking(bars: []).svg()),
    ("tiles", tiles(tiles: []).svg()),
  ]

  /// Each chart with every label hostile.
  static let hostileCharts: [(kind: String, svg: String)] = [
    (
      "progress",
      ProgressChart(
        title: hostile, axisLabel: hostile, categoryLabel: hostile, paceLabel: hostile,
        bars: [.init(label: hostile, progress: 0.5, pace: 0.5, status: .green, valueLabel: hostile)],
        statusNames: StatusNames([.green: hostile])
      ).svg()
    ),
    (
      "path",
      PathChart(
        title: hostile, periods: [hostile, "2025"], xAxisLabel: hostile, yAxisLabel: hostile,
        target: .init(name: hostile, values: [1, 2]), actual: .init(name: hostile, values: [1, 3])
      ).svg()
    ),
    (
      "ranking",
      RankingChart(
        title: hostile, axisLabel: hostile, categoryLabel: hostile,
        bars: [.init(label: hostile, value: 3, note: hostile, status: .red)], maximum: nil,
        statusNames: StatusNames([.red: hostile])
      ).svg()
    ),
    (
      "tiles",
      TileMap(
        title: hostile, xAxisLabel: hostile, yAxisLabel: hostile,
        tiles: [.init(label: hostile, row: 0, column: 0, status: .yellow, detail: hostile)],
        statusNames: StatusNames(Dictionary(uniqueKeysWithValues: ChartStatus.allCases.map { ($0, hostile) }))
      ).svg()
    ),
  ]
}

extension PathChart {
  /// The chart with the target series emptied as well, so that there is no value at all.
  fileprivate func svgWithoutTarget() -> String {
    var chart = self
    chart.target.values = chart.target.values.map { _ in nil }
    return chart.svg()
  }
}
