import Foundation
import Testing

/// The demo's notice cycle on the sample data, as of 2025-02-15: 33 notices raised from 2022 on;
/// the sample answers `notice-answers.csv` — 淳安县's (accepted) and 临安区's (returned) 2024Q3
/// red notices — leave 9 open, 8 of them unanswered past their deadline.
@Suite("The demo's supervision notices")
struct DemoNoticesTests {
  let demo = DemoRun.shared

  @Test("the summary counts the notices and prints the latest open ones")
  func summary() throws {
    #expect(demo.status == 0, "\(demo.errors)")
    #expect(demo.output.contains("督办单：共 33 件，未办结 9 件（红色督办 9），逾期未答复 8 件"))
    #expect(demo.output.contains("  红色督办 · 临安区 · 连续 3 个监测期红灯（2024年1-3月至2024年1-9月） · 已退回"))
    #expect(!demo.output.contains("淳安县 · 连续 3 个监测期红灯（2024年1-3月至2024年1-9月）"))
    #expect(try demo.text("report/report.md").contains("督办单：本年度下发 9 件（蓝色提醒 2、黄色督办 2、红色督办 5），未办结 7 件，其中逾期未答复 7 件。"))
  }
}

/// `notices print` on the demo's store: each open notice as one page of HTML, a Word document that
/// another program opens, or a one-page PDF.
@Suite("Printing supervision notices")
struct NoticePrintTests {
  let demo = DemoRun.shared

  func print(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let run = try #require(demo.executable)
    let result = try run.run(["notices", "print", "--db", "out/zhibiao.sqlite", "--as-of", "2025-02-15"] + arguments)
    return (result.status, result.output, result.errors)
  }

  func files(_ folder: String, _ suffix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: demo.folder.appendingPathComponent(folder).path)
      .filter { $0.hasSuffix(suffix) }.sorted()
  }

  @Test("HTML: one page per open notice, with its addressee, reason, deadline and request; --all adds the closed")
  func html() throws {
    #expect(demo.status == 0, "\(demo.errors)")
    let printed = try print(["--out", "notices-html"])
    #expect(printed.status == 0, "\(printed.errors)")
    #expect(printed.output.contains("已写出 9 份督办单"))
    let pages = try files("notices-html", ".html")
    #expect(pages.count == 9)
    let linan = try #require(pages.first { $0.contains("district.linan") && $0.contains("2024Q3") })
    let text = try String(
      contentsOf: demo.folder.appendingPathComponent("notices-html/\(linan)"), encoding: .utf8)
    for part in ["<h1>红色督办</h1>", "临安区", "连续 3 个监测期红灯", "答复期限", "请临安区于答复期限前报送书面整改措施", "办理记录"] {
      #expect(text.contains(part), "\(part) missing")
    }
    let all = try print(["--out", "notices-all", "--all"])
    #expect(all.status == 0 && all.output.contains("已写出 33 份督办单"), "\(all.output)\(all.errors)")
  }

  @Test(
    "Word: each notice a .docx that python-docx opens, the level as its title and the facts in a table",
    .enabled(if: PythonDocx.shouldRun))
  func docx() throws {
    let printed = try print(["--out", "notices-docx", "--format", "docx"])
    #expect(printed.status == 0, "\(printed.errors)")
    #expect(printed.output.contains("已写出 9 份督办单 Word 文档"))
    let documents = try files("notices-docx", ".docx")
    #expect(documents.count == 9)
    let linan = try #require(documents.first { $0.contains("district.linan") && $0.contains("2024Q3") })
    let described = try PythonDocx.describe(demo.folder.appendingPathComponent("notices-docx/\(linan)").path)
    #expect(described.title == "红色督办")
    #expect(described.paragraphs.first?.style == "Title" && described.paragraphs.first?.text == "红色督办")
    let rows = try #require(described.tables.first)
    #expect(rows.contains(["责任单位", "临安区"]))
    #expect(rows.contains { $0.first == "答复期限" })
    #expect(described.paragraphs.contains { $0.text.hasPrefix("请临安区于答复期限前报送书面整改措施") })
    let refused = try print(["--out", "x", "--format", "docx", "--pdf"])
    #expect(refused.status != 0 && refused.errors.contains("--pdf prints the HTML notices"))
  }

  @Test("PDF: each notice printed by Chromium on one A4 page", .enabled(if: PDFTests.shouldRun))
  func pdf() throws {
    try #require(PDFTests.available, "Chromium and poppler-utils (pdfinfo, pdftotext) are needed")
    let printed = try print(["--out", "notices-pdf", "--pdf"])
    #expect(printed.status == 0, "\(printed.errors)")
    #expect(printed.output.contains("已打印 PDF 9 份。"))
    let pdfs = try files("notices-pdf", ".pdf")
    #expect(pdfs.count == 9)
    let linan = try #require(pdfs.first { $0.contains("district.linan") && $0.contains("2024Q3") })
    try PDFTests.expectNumbered(
      demo.folder.appendingPathComponent("notices-pdf/\(linan)").path, header: "红色督办", minimum: 1)
    let info = try PDFTests.output(PDFTests.pdfinfo, [demo.folder.appendingPathComponent("notices-pdf/\(linan)").path])
    #expect(info.contains("Pages:           1"), "one page: \(info)")
  }
}
