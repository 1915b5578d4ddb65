import Foundation
import Testing
import ZhibiaoTestSupport

/// The report as a reader's browser shows it. `Tools/BrowserCheck/check_report.py` loads a page in
/// headless Chromium and fails on console warnings and errors, on any request beyond the page
/// itself, and on a summary figure that differs from `summary.json`; the fixtures prove that it
/// can fail, each for its own reason.
@Suite("Browser check", .serialized)
struct BrowserCheckTests {
  /// A fixture page — `good.html` with one edit — and the failures the check must report on it,
  /// as the starts of its `FAIL` lines.
  struct Fixture: Sendable, CustomTestStringConvertible {
    let name: String
    /// The text of `good.html` to replace, and what replaces it; nil for the good page itself.
    let edit: (old: String, new: String)?
    let failures: [String]
    var testDescription: String { name }

    /// The page's text.
    func page(from good: String) throws -> String {
      guard let edit else { return good }
      let edited = good.replacingOccurrences(of: edit.old, with: edit.new)
      try #require(edited != good, "\(name): the edit does not apply to good.html")
      return edited
    }
  }

  static let script = #"<script>document.title = document.title + "（已加载）";</script>"#
  static let firms = #"<b data-figure="firms">1,234,567</b>"#
  static let ratio = #"  <div class="figure">比率<b data-figure="ratio">0.3</b></div>"# + "\n"

  static let fixtures: [Fixture] = [
    Fixture(name: "good", edit: nil, failures: []),
    Fixture(
      name: "console-error", edit: (script, #"<script>console.error("图表数据缺失：chart-3");</script>"#),
      failures: ["console SEVERE (console-api):"]),
    Fixture(
      name: "console-warning", edit: (script, #"<script>console.warn("旧版图例，将在下一版删除");</script>"#),
      failures: ["console WARNING (console-api):"]),
    // Chromium refuses port 9 before connecting, and logs that refusal as a console error too.
    Fixture(
      name: "network",
      edit: (script, #"<p><img alt="外部图片" width="1" height="1" src="http://127.0.0.1:9/x.png"></p>"# + "\n" + script),
      failures: [
        "network request: http://127.0.0.1:9/x.png",
        "console SEVERE (network): http://127.0.0.1:9/x.png",
      ]),
    Fixture(
      name: "mismatch", edit: (firms, #"<b data-figure="firms">1,234,576</b>"#),
      failures: [#"figure mismatch: data-figure="firms" shows "1,234,576""#]),
    Fixture(
      name: "missing", edit: (ratio, ""), failures: [#"figure missing from page: summary.json figure "ratio""#]),
    Fixture(
      name: "unlisted", edit: (ratio, ratio + #"  <div class="figure">红灯<b data-figure="red">2 项</b></div>"# + "\n"),
      failures: [#"figure missing from summary.json: data-figure="red""#]),
  ]

  static let fixtureFolder = Repository.url("Tests/ZhibiaoHostTests/Fixtures/browser")

  @Test(
    "The check passes the good page and fails each broken one for its own reason",
    .enabled(if: BrowserTools.shouldRun, BrowserTools.skipReason), arguments: fixtures)
  func fixturePage(_ fixture: Fixture) throws {
    let tools = try BrowserTools.require()
    let directory = try TemporaryDirectory()
    let folder = directory.url
    let screenshot = folder.appendingPathComponent("page.png")
    let good = try String(contentsOf: Self.fixtureFolder.appendingPathComponent("good.html"), encoding: .utf8)
    let page = folder.appendingPathComponent("\(fixture.name).html")
    try fixture.page(from: good).write(to: page, atomically: true, encoding: .utf8)
    let run = try tools.check(
      page: page, summary: Self.fixtureFolder.appendingPathComponent("good-summary.json"), screenshot: screenshot)

    #expect(run.status == (fixture.failures.isEmpty ? 0 : 1), "check_report.py said:\n\(run.output)")
    let failLines = run.output.split(separator: "\n").filter { $0.hasPrefix("FAIL ") }.map { $0.dropFirst(5) }
    for expected in fixture.failures {
      #expect(failLines.contains { $0.hasPrefix(expected) }, "no failure '\(expected)' in:\n\(run.output)")
    }
    for line in failLines {
      #expect(fixture.failures.contains { line.hasPrefix($0) }, "unexpected failure on \(fixture.name): \(line)")
    }
    if fixture.failures.isEmpty {
      #expect(run.output.contains("good.html passed: 7 figures equal summary.json"), "\(run.output)")
    }
    // Written either way, so that a failing page can be looked at.
    #expect(try BrowserTools.pngWidth(of: screenshot) == 1280)
  }

  @Test(
    "The demo report passes the browser check in each language, and its screenshot is kept",
    .enabled(if: BrowserTools.shouldRun, BrowserTools.skipReason), arguments: ["zh", "en"])
  func demoReportInBrowser(language: String) throws {
    let tools = try BrowserTools.require()
    let executable = try Executable()
    defer { executable.cleanUp() }
    let out = executable.path("demo-\(language)")
    let demo = try executable.run(["demo", "--out", out, "--lang", language])
    try #require(demo.status == 0, "zhibiao demo --lang \(language) failed:\n\(demo.errors)\(demo.output)")

    let report = URL(fileURLWithPath: out).appendingPathComponent("report")
    let screenshot = BrowserTools.artefacts.appendingPathComponent("report-\(language).png")
    let run = try tools.check(
      page: report.appendingPathComponent("report.html"),
      summary: report.appendingPathComponent("data/summary.json"), screenshot: screenshot,
      pdf: BrowserTools.artefacts.appendingPathComponent("report-\(language).pdf"))
    #expect(run.status == 0, "the \(language) report fails the browser check:\n\(run.output)")
    #expect(try BrowserTools.pngWidth(of: screenshot) == 1280)
  }
}

/// Headless Chromium, chromedriver and a Python that imports Selenium, as `Tools/bootstrap.sh`
/// installs them.
struct BrowserTools: Sendable {
  let python: String

  static let chromium = "/usr/bin/chromium"
  static let chromedriver = "/usr/bin/chromedriver"
  static let script = Repository.url("Tools/BrowserCheck/check_report.py")

  /// CI sets `ZHIBIAO_BROWSER=required`, so that a missing browser fails instead of skipping.
  static let required = ProcessInfo.processInfo.environment["ZHIBIAO_BROWSER"] == "required"

  /// Where screenshots kept as CI artefacts go: `ZHIBIAO_ARTEFACTS`, else `.build/artefacts`.
  static let artefacts =
    ProcessInfo.processInfo.environment["ZHIBIAO_ARTEFACTS"].map { URL(fileURLWithPath: $0) }
    ?? Repository.url(".build/artefacts")

  /// Debian's Selenium for the system Python, or the virtual environment bootstrap makes from PyPI.
  static let pythonCandidates = [
    "/usr/bin/python3", Repository.url(".build/browser-venv/bin/python3").path,
  ]

  /// What is missing, in words; empty when the check can run.
  static let missing: [String] = {
    var missing: [String] = []
    for path in [chromium, chromedriver] where !FileManager.default.isExecutableFile(atPath: path) {
      missing.append(path)
    }
    if seleniumPython == nil {
      missing.append("Selenium for \(pythonCandidates.joined(separator: " or "))")
    }
    return missing
  }()

  static let seleniumPython: String? = pythonCandidates.first { python in
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    return (try? run(python, ["-c", "import selenium"]).status) == 0
  }

  static var shouldRun: Bool { missing.isEmpty || required }

  static var skipReason: Comment {
    "missing \(missing.joined(separator: ", ")); run Tools/bootstrap.sh, or set ZHIBIAO_BROWSER=required to fail"
  }

  /// The tools, or a failure that says what is missing and how to install it.
  static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> BrowserTools {
    try #require(
      missing.isEmpty,
      "ZHIBIAO_BROWSER=required but \(missing.joined(separator: ", ")) missing; run Tools/bootstrap.sh",
      sourceLocation: sourceLocation)
    return BrowserTools(python: try #require(seleniumPython, sourceLocation: sourceLocation))
  }

  /// Runs check_report.py on a page; the output holds its standard output and error together.
  func check(page: URL, summary: URL, screenshot: URL, pdf: URL? = nil) throws -> (status: Int32, output: String) {
    var arguments = [Self.script.path, page.path, summary.path, "--screenshot", screenshot.path]
    if let pdf { arguments += ["--print-pdf", pdf.path] }
    return try Self.run(python, arguments)
  }

  /// Runs `executable`; the output holds its standard error too unless `withErrors` is false.
  static func run(
    _ executable: String, _ arguments: [String], withErrors: Bool = true
  ) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = withErrors ? output : FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// The width a PNG file declares in its IHDR chunk.
  static func pngWidth(of file: URL) throws -> Int {
    let bytes = [UInt8](try Data(contentsOf: file).prefix(24))
    try #require(
      bytes.count == 24 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
      "\(file.path) is no PNG")
    return bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
  }
}
