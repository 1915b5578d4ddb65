import Foundation
import Testing
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoTestSupport

/// Where python-docx is, to open Zhibiao's Word documents as another program would.
enum PythonDocx {
  static let script = Repository.url("Tools/docx-check/docx_check.py").path
  /// CI sets `ZHIBIAO_OPENPYXL=required` for the Python document checks, python-docx among them.
  static let python: String? = ["/usr/bin/python3", Repository.url(".build/xlsx-venv/bin/python").path].first {
    FileManager.default.isExecutableFile(atPath: $0) && (try? OpenPyXL.run($0, ["-c", "import docx"]).status) == 0
  }

  static var shouldRun: Bool { python != nil || OpenPyXL.required }

  /// What python-docx sees in a document.
  struct Description: Decodable {
    struct Page: Decodable {
      var width_mm, height_mm, top_mm, bottom_mm, left_mm, right_mm: Double
      var grid: String?
      var line_pitch: Int?
    }
    struct Paragraph: Decodable {
      var style: String
      var text: String
      var bold: [String]
    }
    struct Style: Decodable {
      var east_asia: String?
      var latin: String?
      var size_pt: Double?
    }
    struct Footer: Decodable {
      var text: String
      var page_field: Bool
    }
    var page: Page
    var even_and_odd_footers: Bool
    var paragraphs: [Paragraph]
    var tables: [[[String]]]
    var styles: [String: Style]
    var footers: [Footer]
    var font_fallbacks: [String: String?]
    var title: String
  }

  static func describe(_ path: String) throws -> Description {
    let python = try #require(python, "python-docx is missing; run Tools/bootstrap.sh")
    let result = try OpenPyXL.run(python, [script, "describe", path])
    try #require(result.status == 0, "docx_check.py describe \(path) failed")
    return try JSONDecoder().decode(Description.self, from: Data(result.output.utf8))
  }
}

@Suite("Target letters as Word documents (GB/T 9704)")
struct WordLetterTests {
  @Test(
    "letters --format docx: A4 with the standard's margins and grid, 小标宋 title and 仿宋 body with fallbacks, the tables and page numbers",
    .enabled(if: PythonDocx.shouldRun))
  func binjiang() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let written = try run.run(["letters", "--year", "2025", "--out", run.path("letters"), "--format", "docx"])
    #expect(written.status == 0, "\(written.errors)")
    #expect(written.output.contains("Word 文档 13 份"), "\(written.output)")
    let html = try run.run(["letters", "--year", "2025", "--out", run.path("html")])
    #expect(html.status == 0)
    let page = try String(contentsOfFile: run.path("html/district.binjiang.html"), encoding: .utf8)

    let document = try PythonDocx.describe(run.path("letters/district.binjiang.docx"))
    #expect(document.page.width_mm == 210 && document.page.height_mm == 297)
    #expect(
      [document.page.top_mm, document.page.bottom_mm, document.page.left_mm, document.page.right_mm] == [
        37, 35, 28, 26,
      ])
    // 22 lines: the height between the margins over the line pitch, in twentieths of a point.
    #expect(document.page.grid == "lines" && document.page.line_pitch == 579)
    #expect(Int((297.0 - 37 - 35) / 25.4 * 1440) / 579 == 22)
    #expect(document.styles["Title"]?.east_asia == "方正小标宋简体" && document.styles["Title"]?.size_pt == 22)
    #expect(document.styles["Body"]?.east_asia == "仿宋_GB2312" && document.styles["Body"]?.size_pt == 16)
    #expect(document.styles["Heading1"]?.east_asia == "黑体" && document.styles["Heading2"]?.east_asia == "楷体_GB2312")
    #expect(document.font_fallbacks["方正小标宋简体"] == "宋体" && document.font_fallbacks["仿宋_GB2312"] == "仿宋")
    #expect(document.even_and_odd_footers && document.footers.allSatisfy { $0.page_field && $0.text == "— 1 —" })

    #expect(document.title == "滨江区2025年生产性服务业发展目标责任书")
    #expect(document.paragraphs.first?.style == "Title" && document.paragraphs.first?.text == document.title)
    let headings = document.paragraphs.filter { $0.style == "Heading1" }.map(\.text)
    #expect(headings.prefix(2) == ["一、年度目标", "二、季度累计目标（年初至季末）"])
    #expect(headings.contains("五、签署"))

    // The annual targets: the same headings and figures as the HTML letter.
    let annual = try #require(document.tables.first)
    #expect(annual.first == ["领域", "指标", "2025年目标", "单位", "牵头部门", "分解方法"])
    let row = try #require(annual.first { $0.count > 2 && $0[1] == "生产性服务业增加值" })
    #expect(page.contains("<td class=\"num\">\(row[2])</td>"), "\(row)")
    #expect(annual.count - 1 == page.components(separatedBy: "<tr data-id=").count - 1 - Self.otherRows(page))
    // The signature block: both parties side by side, each with its lines.
    let parties = try #require(document.tables.last?.first)
    #expect(parties.count == 2 && parties[0].contains("滨江区人民政府") && parties[1].contains("领导小组办公室"))
    #expect(parties.allSatisfy { $0.contains("日期：") })
  }

  /// Rows of the HTML letter's tables other than the annual targets.
  static func otherRows(_ page: String) -> Int {
    guard let start = page.range(of: "<table class=\"annual\">"),
      let end = page[start.upperBound...].range(of: "</table>")
    else { return 0 }
    let annual = page[start.upperBound..<end.lowerBound].components(separatedBy: "<tr data-id=").count - 1
    return page.components(separatedBy: "<tr data-id=").count - 1 - annual
  }

  @Test("--pdf prints the HTML letters only")
  func pdfNeedsHTML() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let refused = try run.run(["letters", "--year", "2025", "--out", run.path("x"), "--format", "docx", "--pdf"])
    #expect(refused.status == 64)
  }

  @Test("The markup reader: headings, entities, bold, lists with their marks, tables with figure columns, parties")
  func markup() {
    let html = """
      <!DOCTYPE html><html><head><title>ignored</title><style>p { color: red }</style></head><body>
      <h1>甲 &amp; 乙</h1><p class="caveat">注意&lt;示例&gt;</p><h2>一、目标</h2>
      <p>正文<strong>加粗</strong>&#39;完&#x3002;</p><ol><li>第一</li><li>第二</li></ol><ul><li>点</li></ul>
      <section class="page assessment"><h3>（一）表</h3><table class="t"><thead><tr><th>名称</th><th class="num">值</th></tr>
      </thead><tbody><tr data-id="a"><td>甲</td><td class="num">1.5</td></tr></tbody></table></section>
      <div class="parties"><div class="party"><p class="role">一方</p><p class="line">签字：<span class="blank"></span></p></div>
      <div class="party"><p>二方</p></div></div></body></html>
      """
    let document = WordDocument(markup: html, title: nil)
    #expect(document.title == "甲 & 乙")
    typealias P = WordDocument.Paragraph
    let expected: [WordDocument.Block] = [
      .paragraph(P(.title, "甲 & 乙")), .paragraph(P(.note, "注意<示例>")), .paragraph(P(.heading1, "一、目标")),
      .paragraph(P(.body, [.init("正文"), .init("加粗", bold: true), .init("'完。")])),
      .paragraph(P(.listItem, [.init("1. "), .init("第一")])), .paragraph(P(.listItem, [.init("2. "), .init("第二")])),
      .paragraph(P(.listItem, [.init("• "), .init("点")])), .pageBreak, .paragraph(P(.heading2, "（一）表")),
      .table(.init(headings: ["名称", "值"], rows: [[[P(.cell, "甲")], [P(.cell, "1.5")]]], numeric: [false, true])),
      .table(
        .init(
          headings: [],
          rows: [
            [
              [P(.cell, "一方"), P(.cell, [.init("签字："), .init(String(repeating: " ", count: 16), underlined: true)])],
              [P(.cell, "二方")],
            ]
          ], bordered: false)),
    ]
    #expect(document.blocks == expected)
  }
}
