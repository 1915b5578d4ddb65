import Testing
import ZhibiaoCharts

/// What every chart owes the report page: a well-formed, accessible, self-contained `<svg>`.
@Suite struct ChartDocumentTests {
  @Test(arguments: Samples.all.map(\.kind))
  func isOneAccessibleSVGElement(kind: String) throws {
    let sample = try #require(Samples.all.first { $0.kind == kind })
    let root = parseSVG(sample.svg)
    #expect(root.name == "svg")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(root.attributes["role"] == "img")
    #expect(root.attributes["width"] == "100%")
    let viewBox = try #require(root.attributes["viewBox"]).split(separator: " ").compactMap { Double($0) }
    #expect(viewBox.count == 4 && viewBox[2] > 0 && viewBox[3] > 0)
    let title = try #require(root.children.first)
    #expect(title.name == "title")
    #expect(title.text == sample.title)
    #expect(root.attributes["aria-labelledby"] == title.attributes["id"])
    #expect(root.texts(withClasses: "chart-title") == [sample.title])
    #expect(root.attributes["font-family"]?.hasPrefix("'Noto Sans CJK SC', 'Source Han Sans SC'") == true)
  }

  @Test(arguments: Samples.all.map(\.kind))
  func labelsBothAxes(kind: String) throws {
    let sample = try #require(Samples.all.first { $0.kind == kind })
    let root = parseSVG(sample.svg)
    #expect(root.texts(withClasses: "axis-label", "x") == [sample.x])
    #expect(root.texts(withClasses: "axis-label", "y") == [sample.y])
  }

  @Test(arguments: Samples.all.map(\.kind))
  func needsNothingFromOutside(kind: String) throws {
    let svg = try #require(Samples.all.first { $0.kind == kind }).svg
    #expect(!svg.contains("<script"))
    #expect(!svg.contains("href"))
    #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2)  // the namespace only
    #expect(!svg.contains("<style"))
    let root = parseSVG(svg)
    // Every url(#…) points at a pattern of this chart.
    let ids = Set(root.all.compactMap { $0.attributes["id"] })
    let references = root.all.compactMap { $0.attributes["fill"] }.filter { $0.hasPrefix("url(#") }
    #expect(references.isEmpty == (kind == "path"))
    for reference in references {
      #expect(ids.contains(String(reference.dropFirst(5).dropLast())), "dangling \(reference)")
    }
  }

  @Test(arguments: Samples.hostileCharts.map(\.kind))
  func escapesHostileLabels(kind: String) throws {
    let svg = try #require(Samples.hostileCharts.first { $0.kind == kind }).svg
    let root = parseSVG(svg)
    #expect(!svg.contains("<script"))
    #expect(root.elements(named: "script").isEmpty)
    // The hostile text comes back whole from the parser, in the visible title and the <title>.
    #expect(root.children.first?.text == Samples.hostile)
    #expect(root.texts(withClasses: "chart-title") == [Samples.hostile])
    #expect(root.texts(withClasses: "axis-label", "x") == [Samples.hostile])
    #expect(root.texts(withClasses: "axis-label", "y") == [Samples.hostile])
    #expect(root.elements(withClass: "legend-item").allSatisfy { $0.allText.contains(Samples.hostile) })
  }

  @Test(arguments: Samples.all.map(\.kind))
  func isTheSameBytesEveryTime(kind: String) throws {
    let first = try #require(Samples.all.first { $0.kind == kind }).svg
    let again: String =
      switch kind {
      case "progress": Samples.progress().svg()
      case "path": Samples.path().svg()
      case "ranking": Samples.ranking().svg()
      default: Samples.tiles().svg()
      }
    #expect(first == again)
  }

  @Test(arguments: Samples.empty.map(\.kind))
  func saysSoWhenThereIsNothingToDraw(kind: String) throws {
    let svg = try #require(Samples.empty.first { $0.kind == kind }).svg
    let root = parseSVG(svg)
    #expect(root.texts(withClasses: "no-data") == ["暂无数据"])
    #expect(root.texts(withClasses: "chart-title").count == 1)
    #expect(root.texts(withClasses: "axis-label", "x").count == 1)
  }

  @Test func drawsNoDataCaptionOnlyWhenEmpty() {
    for sample in Samples.all {
      #expect(parseSVG(sample.svg).texts(withClasses: "no-data").isEmpty, "\(sample.kind)")
    }
  }

  @Test func keepsIdsApartOnOnePage() {
    let page = [
      Samples.progress().svg(), Samples.progress(title: "科技服务：完成年度目标进度").svg(),
      Samples.path().svg(), Samples.path(title: "另一指标").svg(),
      Samples.ranking().svg(), Samples.ranking(title: "市直部门").svg(),
      Samples.tiles().svg(), Samples.tiles(title: "另一张图").svg(),
    ]
    let ids = page.flatMap { parseSVG($0).all.compactMap { $0.attributes["id"] } }
    #expect(ids.count >= page.count * 3)
    #expect(Set(ids).count == ids.count)
  }

  @Test func takesTheCallersIdWhenGiven() {
    var first = Samples.progress()
    first.id = "domain 1/数字"
    var second = first
    second.id = "domain-2"
    let firstIDs = parseSVG(first.svg()).all.compactMap { $0.attributes["id"] }
    let secondIDs = parseSVG(second.svg()).all.compactMap { $0.attributes["id"] }
    #expect(firstIDs.allSatisfy { $0.hasPrefix("zc-domain1-") })
    #expect(Set(firstIDs).isDisjoint(with: secondIDs))
  }

  @Test func definesAPatternForEachPatternedStatus() {
    let root = parseSVG(Samples.progress().svg())
    let patterns = root.elements(named: "pattern")
    #expect(patterns.count == 2)
    // Dots for yellow, hatch for red: the fills differ in shape, not only in colour.
    #expect(patterns.contains { $0.elements(named: "circle").count == 1 && $0.attributes["id"]!.hasSuffix("-yellow") })
    #expect(patterns.contains { $0.elements(named: "line").count == 1 && $0.attributes["id"]!.hasSuffix("-red") })
  }

  @Test func cutsLongLabelsAndKeepsThemWhole() throws {
    let long = String(repeating: "现代服务业与先进制造业深度融合发展", count: 3)
    let chart = Samples.progress(bars: [
      .init(label: long, progress: 0.5, pace: 0.5, status: .green, valueLabel: "50%")
    ])
    let root = parseSVG(chart.svg())
    let label = try #require(root.texts(withClasses: "row-label").first)
    #expect(label.hasSuffix("…"))
    #expect(label.count < long.count)
    let group = try #require(root.elements(withClass: "truncated").first { $0.allText.contains(label) })
    #expect(group.children.first?.name == "title")
    #expect(group.children.first?.text == long)
  }
}
