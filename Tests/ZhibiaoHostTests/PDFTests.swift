// The report and the target letters printed to PDF by headless Chromium: A4, every page numbered
// "n / total" under a running header, and a clear sentence when there is no Chromium.

import Foundation
import Testing
import ZhibiaoTestSupport

@testable import ZhibiaoHost

@Suite("Printing to PDF", .serialized)
struct PDFTests {
  static let pdfinfo = "/usr/bin/pdfinfo"
  static let pdftotext = "/usr/bin/pdftotext"
  /// Whether the tools are here: Chromium and poppler's pdfinfo and pdftotext.
  static let available =
    [PDFPrinter.candidates.first ?? "", pdfinfo, pdftotext].allSatisfy {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  static var shouldRun: Bool { available || BrowserTools.required }

  /// What `tool` prints for `arguments`.
  static func output(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// Expects `pdf` to be A4, of at least `minimum` pages, each carrying "n / total" and `header`.
  static func expectNumbered(
    _ pdf: String, header: String, minimum: Int, sourceLocation: SourceLocation = #_sourceLocation
  )
    throws
  {
    let info = try output(pdfinfo, [pdf])
    let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
    #expect(pages >= minimum, "\(pdf) has \(pages) pages", sourceLocation: sourceLocation)
    #expect(info.contains("(A4)"), "\(info)", sourceLocation: sourceLocation)
    for page in 1...max(pages, 1) {
      let text = try output(pdftotext, ["-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"])
      // The extracted text may or may not keep the spaces around the slash.
      let number = text.split(separator: "\n").contains { line in
        line.replacingOccurrences(of: " ", with: "") == "\(page)/\(pages)"
      }
      #expect(number, "page \(page) of \(pdf) carries no number", sourceLocation: sourceLocation)
      #expect(text.contains(header), "page \(page) of \(pdf) has no running header", sourceLocation: sourceLocation)
    }
  }

  @Test(
    "report --pdf prints the annual report: A4, each page numbered under the report's title", .enabled(if: shouldRun))
  func report() async throws {
    try #require(Self.available, "Chromium and poppler-utils (pdfinfo, pdftotext) are needed")
    let run = try Executable()
    defer { run.cleanUp() }
    let demo = try run.run(["demo", "--out", run.path("demo")])
    try #require(demo.status == 0, "\(demo.errors)")
    let printed = try run.run([
      "report", "--year", "2024", "--db", run.path("demo/zhibiao.sqlite"), "--out", run.path("r"), "--pdf",
    ])
    try #require(printed.status == 0, "\(printed.errors)")
    try Self.expectNumbered(run.path("r/report.pdf"), header: "2024年度发展报告", minimum: 10)
  }

  @Test("letters --pdf prints each district's letter, numbered", .enabled(if: shouldRun))
  func letters() async throws {
    try #require(Self.available, "Chromium and poppler-utils (pdfinfo, pdftotext) are needed")
    let run = try Executable()
    defer { run.cleanUp() }
    let printed = try run.run(["letters", "--year", "2025", "--out", run.path("letters"), "--pdf"])
    try #require(printed.status == 0, "\(printed.errors)")
    let pdfs = try FileManager.default.contentsOfDirectory(atPath: run.path("letters")).filter { $0.hasSuffix(".pdf") }
    #expect(pdfs.count == 13)
    try Self.expectNumbered(run.path("letters/district.xihu.pdf"), header: "西湖区", minimum: 1)
  }

  @Test("Without Chromium, the failure names the package to install")
  func missing() throws {
    #expect {
      _ = try PDFPrinter.chromium(among: ["/nonexistent/chromium"])
    } throws: { error in
      guard case .domain(let text)? = error as? CommandFailure else { return false }
      return text.zh.contains("apt-get install chromium") && text.en.contains("apt-get install chromium")
    }
  }
}
