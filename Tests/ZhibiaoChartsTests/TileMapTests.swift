import Testing
import ZhibiaoCharts

@Suite struct TileMapTests {
  @Test func placesEqualSquaresOnTheirGrid() throws {
    let root = parseSVG(Samples.tiles().svg())
    let tiles = root.elements(withClass: "tile").compactMap { $0.children.dropFirst().first }
    try #require(tiles.count == 4)
    let sizes = Set(tiles.compactMap { $0.number("width") } + tiles.compactMap { $0.number("height") })
    #expect(sizes.count == 1)
    let size = try #require(sizes.first)
    let (余杭, 临平, 西湖, 淳安) = (tiles[0], tiles[1], tiles[2], tiles[3])
    #expect(余杭.number("y") == 临平.number("y"))
    #expect((临平.number("x") ?? 0) - (余杭.number("x") ?? 0) == size + 6)
    #expect(西湖.number("x") == 余杭.number("x"))
    #expect((西湖.number("y") ?? 0) - (余杭.number("y") ?? 0) == size + 6)
    #expect((余杭.number("x") ?? 0) - (淳安.number("x") ?? 0) == size + 6)
  }

  @Test func printsLabelDetailAndStatusOnEachTile() {
    let root = parseSVG(Samples.tiles().svg())
    #expect(root.texts(withClasses: "tile-label") == ["余杭区", "临平区", "西湖区", "淳安县"])
    #expect(root.texts(withClasses: "tile-detail") == ["红 0 · 黄 1", "红 1 · 黄 2", "红 3 · 黄 2", "未报送"])
    let tooltips = root.elements(withClass: "tile").map { $0.children.first?.text ?? "" }
    #expect(tooltips[2] == "西湖区 · 红灯 · 红 3 · 黄 2")
    #expect(root.elements(withClass: "legend-item").map(\.allText) == ["绿灯", "黄灯", "红灯", "无数据"])
  }

  @Test func namesEveryStatusInTheLegendEvenWhenNoTileHasIt() {
    let tiles = [TileMap.Tile(label: "西湖区", row: 0, column: 0, status: .green, detail: "")]
    let root = parseSVG(Samples.tiles(tiles: tiles).svg())
    #expect(root.elements(withClass: "legend-item").map(\.allText) == ["绿灯", "黄灯", "红灯", "无数据"])
  }

  @Test func putsTheCaptionsAboveAndBelowTheGrid() throws {
    let root = parseSVG(Samples.tiles().svg())
    let rects = root.elements(withClass: "tile").compactMap { $0.children.dropFirst().first }
    let top = try #require(rects.compactMap { $0.number("y") }.min())
    let left = try #require(rects.compactMap { $0.number("x") }.min())
    let bottom = try #require(rects.compactMap { ($0.number("y") ?? 0) + ($0.number("height") ?? 0) }.max())
    let north = try #require(root.elements(withClass: "axis-label").first { $0.classes.contains("y") })
    let caption = try #require(root.elements(withClass: "axis-label").first { $0.classes.contains("x") })
    #expect((north.number("y") ?? .infinity) < top)
    #expect(north.number("x") == left)
    #expect((caption.number("y") ?? 0) > bottom)
  }

  @Test func fitsManyColumnsWithinTheWidth() throws {
    let tiles = (0..<14).map { TileMap.Tile(label: "区\($0)", row: 0, column: $0, status: .green, detail: "") }
    let root = parseSVG(Samples.tiles(tiles: tiles).svg())
    let viewWidth = try #require(root.attributes["viewBox"]?.split(separator: " ").dropFirst(2).first)
    let rects = root.elements(withClass: "tile").compactMap { $0.children.dropFirst().first }
    let right = rects.compactMap { ($0.number("x") ?? 0) + ($0.number("width") ?? 0) }.max() ?? 0
    #expect(right <= Double(viewWidth) ?? 0)
    #expect((rects.first?.number("x") ?? -1) >= 0)
  }
}
