import Testing
import ZhibiaoCharts

@Suite struct PathChartTests {
  @Test func drawsTheTargetDashedAndTheActualSolidWithMarkers() throws {
    let root = parseSVG(Samples.path().svg())
    let target = try #require(root.elements(withClass: "target").first)
    let actual = try #require(root.elements(withClass: "actual").first)
    let targetPaths = target.elements(named: "path")
    #expect(targetPaths.count == 1)
    #expect(targetPaths.first?.attributes["stroke-dasharray"] != nil)
    #expect(actual.elements(named: "path").allSatisfy { $0.attributes["stroke-dasharray"] == nil })
    // 6,100 and 6,900, a gap, then 8,800 alone: one line of two points and three markers.
    #expect(actual.elements(named: "path").count == 1)
    #expect(actual.elements(named: "path").first?.attributes["d"]?.filter { $0 == "L" }.count == 1)
    #expect(
      actual.elements(withClass: "marker").map { $0.children.first?.text ?? "" } == [
        "实际（年末） 2021: 6,100", "实际（年末） 2022: 6,900", "实际（年末） 2024: 8,800",
      ])
    #expect(root.elements(withClass: "legend-item").map(\.allText) == ["目标路径", "实际（年末）"])
  }

  @Test func putsTheYTicksOnNiceNumbers() {
    // 6,000…9,200: 1,000 needs 4 intervals (6 to 10), 500 would need 7.
    let root = parseSVG(Samples.path().svg())
    let ticks = root.elements(withClass: "axis").filter { $0.classes.contains("y") }
      .flatMap { $0.texts(withClasses: "tick-label") }
    #expect(ticks == ["6,000", "7,000", "8,000", "9,000", "10,000"])
  }

  @Test func placesPointsOnTheScale() throws {
    let root = parseSVG(Samples.path().svg())
    let labels = root.elements(withClass: "tick-label")
    let y6000 = try #require(labels.first { $0.text == "6,000" }?.number("y")) - 4
    let y10000 = try #require(labels.first { $0.text == "10,000" }?.number("y")) - 4
    let first = try #require(root.elements(withClass: "marker").first?.number("cy"))
    #expect(abs(first - (y6000 + (y10000 - y6000) * 0.025)) < 0.2)
  }

  @Test func labelsEveryPeriod() {
    let root = parseSVG(Samples.path().svg())
    let periods = root.elements(withClass: "axis").filter { $0.classes.contains("x") }
      .flatMap { $0.texts(withClasses: "tick-label") }
    #expect(periods == ["2021", "2022", "2023", "2024", "2025"])
  }

  @Test func thinsPeriodLabelsThatWouldCollide() {
    let periods = (0..<60).map { "2025-\($0 % 12 + 1)月" }
    let chart = PathChart(
      title: "月度", periods: periods, xAxisLabel: "月份", yAxisLabel: "亿元",
      target: .init(name: "目标", values: periods.map { _ in 1 }), actual: .init(name: "实际", values: []))
    let root = parseSVG(chart.svg())
    let shown = root.elements(withClass: "axis").filter { $0.classes.contains("x") }
      .flatMap { $0.elements(withClass: "tick-label") }
    #expect(shown.count < periods.count && shown.count > 1)
    let xs = shown.compactMap { $0.number("x") }
    let widest = shown.map { Double($0.text.count) * 11 }.max() ?? 0
    #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 >= widest * 0.55 })
  }

  @Test func showsAllMissingAsNoData() {
    let chart = PathChart(
      title: "空", periods: ["2021", "2022"], xAxisLabel: "年份", yAxisLabel: "亿元",
      target: .init(name: "目标", values: [nil, .nan]), actual: .init(name: "实际", values: [.infinity]))
    let root = parseSVG(chart.svg())
    #expect(root.texts(withClasses: "no-data") == ["暂无数据"])
    #expect(root.elements(withClass: "marker").isEmpty)
    #expect(root.elements(withClass: "series").allSatisfy { $0.elements(named: "path").isEmpty })
    // No made-up scale: the value axis has no ticks, the periods still show.
    let axes = root.elements(withClass: "axis")
    #expect(axes.filter { $0.classes.contains("y") }.flatMap { $0.texts(withClasses: "tick-label") }.isEmpty)
    #expect(
      axes.filter { $0.classes.contains("x") }.flatMap { $0.texts(withClasses: "tick-label") } == ["2021", "2022"])
  }

  @Test func drawsNoPeriodsAtAll() {
    let chart = PathChart(
      title: "空", periods: [], xAxisLabel: "年份", yAxisLabel: "亿元", target: .init(name: "目标", values: [1]),
      actual: .init(name: "实际", values: [2]))
    #expect(parseSVG(chart.svg()).texts(withClasses: "no-data") == ["暂无数据"])
  }
}
