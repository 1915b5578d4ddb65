import Testing
import ZhibiaoCharts

@Suite struct RankingChartTests {
  @Test func keepsTheRankedOrderAndPrintsValueAndNote() {
    let root = parseSVG(Samples.ranking().svg())
    #expect(root.texts(withClasses: "row-label") == ["1. 滨江区", "2. 上城区", "3. 淳安县"])
    #expect(root.texts(withClasses: "value-label") == ["96.5 优秀 ↑2", "91 良好 —", "72.25 一般 ↓1"])
  }

  @Test func runsTheAxisToTheMaximum() throws {
    let root = parseSVG(Samples.ranking().svg())
    #expect(root.texts(withClasses: "tick-label") == ["0", "20", "40", "60", "80", "100"])
    let labels = root.elements(withClass: "tick-label")
    let zero = try #require(labels.first?.number("x"))
    let hundred = try #require(labels.last?.number("x"))
    let widths = root.elements(withClass: "bar").compactMap { $0.number("width") }
    #expect(zip(widths, [96.5, 91, 72.25]).allSatisfy { abs($0 - $1 / 100 * (hundred - zero)) < 0.1 })
  }

  @Test func fitsANiceCeilingWithoutAMaximum() {
    var chart = Samples.ranking()
    chart.maximum = nil
    chart.bars = [.init(label: "甲", value: 1234, note: "", status: .green)]
    let root = parseSVG(chart.svg())
    // 0…1234 in at most 6: 500 is the first step that fits.
    #expect(root.texts(withClasses: "tick-label") == ["0", "500", "1,000", "1,500"])
    #expect(root.texts(withClasses: "value-label") == ["1,234"])
  }

  @Test func cutsAValueAboveTheMaximumAndMarksIt() {
    var chart = Samples.ranking()
    chart.bars.append(.init(label: "4. 加分区", value: 104, note: "含加分", status: .green))
    let root = parseSVG(chart.svg())
    let rows = root.elements(withClass: "bar-row")
    #expect(rows.last?.elements(withClass: "overflow-mark").count == 1)
    #expect(rows.dropLast().allSatisfy { $0.elements(withClass: "overflow-mark").isEmpty })
    #expect(root.elements(withClass: "legend-item").contains { $0.allText == "> 100" })
  }

  @Test func drawsNegativeScoresLeftOfZero() throws {
    var chart = Samples.ranking()
    chart.bars = [
      .init(label: "甲", value: 30, note: "", status: .green), .init(label: "乙", value: -10, note: "", status: .red),
    ]
    let root = parseSVG(chart.svg())
    let zero = try #require(root.elements(withClass: "zero-line").first?.number("x1"))
    let bars = root.elements(withClass: "bar")
    #expect(bars[0].number("x") == zero)
    #expect(abs((bars[1].number("x") ?? 0) + (bars[1].number("width") ?? 0) - zero) < 0.1)
  }

  @Test func treatsANonFiniteValueAsNone() {
    var chart = Samples.ranking()
    chart.bars = [.init(label: "甲", value: .nan, note: "未考核", status: .green)]
    let root = parseSVG(chart.svg())
    #expect(root.elements(withClass: "no-data").count == 1)
    #expect(root.texts(withClasses: "value-label") == ["— 未考核"])
    #expect(root.elements(withClass: "bar-row").first?.classes.contains("grey") == true)
  }
}
