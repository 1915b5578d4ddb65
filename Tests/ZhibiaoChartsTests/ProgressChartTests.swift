import Testing
import ZhibiaoCharts

@Suite struct ProgressChartTests {
  /// The x of each percentage tick, read back from the tick labels.
  private func tickX(_ root: SVGNode) -> [String: Double] {
    Dictionary(
      uniqueKeysWithValues: root.elements(withClass: "tick-label").map { ($0.text, $0.number("x") ?? .nan) })
  }

  private func rows(_ root: SVGNode) -> [SVGNode] { root.elements(withClass: "bar-row") }

  @Test func runsTheAxisToTheCeilingWhenABarPassesIt() throws {
    let root = parseSVG(Samples.progress().svg())
    let ticks = root.elements(withClass: "tick-label").map(\.text)
    #expect(ticks == ["0%", "20%", "40%", "60%", "80%", "100%", "120%"])
  }

  @Test func stopsTheAxisAtTheTargetWhenNothingPassesIt() {
    let chart = Samples.progress(bars: [
      .init(label: "甲", progress: 0.4, pace: 0.5, status: .red, valueLabel: "40%"),
      .init(label: "乙", progress: 0.9, pace: 0.5, status: .green, valueLabel: "90%"),
    ])
    let root = parseSVG(chart.svg())
    #expect(root.elements(withClass: "tick-label").map(\.text) == ["0%", "20%", "40%", "60%", "80%", "100%"])
    #expect(root.elements(withClass: "overflow-mark").isEmpty)
    #expect(root.elements(withClass: "target-line").isEmpty)
  }

  @Test func drawsBarsToScaleAndCutsOneBeyondTheCeilingWithAMark() throws {
    let root = parseSVG(Samples.progress().svg())
    let x = tickX(root)
    let zero = try #require(x["0%"])
    let full = try #require(x["100%"]) - zero
    let bars = rows(root).map { $0.elements(withClass: "bar").first }
    let widths = bars.map { $0?.number("width") ?? -1 }
    #expect(abs(widths[0] - 0.62 * full) < 0.1)
    #expect(abs(widths[2] - 0.31 * full) < 0.1)
    // 135 % is drawn to 120 % and marked, with its own figure printed after the mark.
    #expect(abs(widths[1] - 1.2 * full) < 0.1)
    let overflow = rows(root)[1].elements(withClass: "overflow-mark")
    #expect(overflow.count == 1)
    #expect(rows(root).filter { !$0.elements(withClass: "overflow-mark").isEmpty }.count == 1)
    #expect(rows(root)[1].texts(withClasses: "value-label") == ["135% · 9,876 亿元"])
    let labelX = try #require(rows(root)[1].elements(withClass: "value-label").first?.number("x"))
    #expect(labelX > zero + 1.2 * full + 7)
    #expect(root.elements(withClass: "legend-item").contains { $0.allText == "> 120%" })
  }

  @Test func drawsNoProgressAsAnEmptyGreyOutline() throws {
    let root = parseSVG(Samples.progress().svg())
    let row = rows(root)[3]
    #expect(row.classes.contains("grey"))  // even though the caller said red
    let bar = try #require(row.elements(withClass: "bar").first)
    #expect(bar.classes.contains("no-data"))
    #expect(bar.attributes["fill"] == "#FFFFFF")
    #expect(bar.attributes["stroke-dasharray"] != nil)
    #expect(row.texts(withClasses: "value-label") == ["—"])
    // The grey status joins the legend with its word.
    #expect(root.elements(withClass: "legend-item").contains { $0.allText == "无数据" })
  }

  @Test func treatsNonFiniteProgressAsNone() {
    let root = parseSVG(
      Samples.progress(bars: [.init(label: "甲", progress: .nan, pace: .infinity, status: .green, valueLabel: "?")])
        .svg())
    #expect(rows(root).first?.elements(withClass: "no-data").count == 1)
    #expect(root.elements(withClass: "pace-mark").isEmpty)
    #expect(!root.allText.contains("nan") && !root.allText.contains("inf"))
  }

  @Test func marksThePaceOnEveryBar() throws {
    let root = parseSVG(Samples.progress().svg())
    let x = tickX(root)
    let zero = try #require(x["0%"])
    let full = try #require(x["100%"]) - zero
    let marks = root.elements(withClass: "pace-mark")
    #expect(marks.count == 4)
    for mark in marks {
      #expect(abs((mark.number("x1") ?? 0) - (zero + 0.75 * full)) < 0.1)
      #expect(mark.children.first?.text == "序时进度 75%")
    }
    #expect(root.elements(withClass: "legend-item").contains { $0.allText == "序时进度" })
  }

  @Test func fillsEachStatusWithItsOwnPatternAndNamesIt() {
    let root = parseSVG(Samples.progress().svg())
    let fills = rows(root).compactMap { $0.elements(withClass: "bar").first?.attributes["fill"] }
    #expect(fills[0].hasPrefix("url(#") && fills[0].hasSuffix("-yellow)"))
    #expect(fills[1] == "#009E73")
    #expect(fills[2].hasPrefix("url(#") && fills[2].hasSuffix("-red)"))
    let legend = root.elements(withClass: "legend-item").map(\.allText)
    #expect(legend == ["绿灯", "黄灯", "红灯", "无数据", "序时进度", "> 120%"])
  }

  @Test func keepsRowLabelsClearOfThePlot() throws {
    let root = parseSVG(Samples.progress().svg())
    let zero = try #require(tickX(root)["0%"])
    for label in root.elements(withClass: "row-label") {
      let right = try #require(label.number("x"))
      #expect(label.attributes["text-anchor"] == "end")
      #expect(right < zero)
      // Right-aligned, so the estimated width must fit between the margin and the label's end.
      #expect(right - Double(label.text.count) * 12 >= 0)
    }
  }
}
