import Foundation
import ZhibiaoKernel

/// Prints a written HTML page to PDF with headless Chromium: A4, the page's own print styles
/// (a running header with its title, "page / pages" at the foot, no table row or chart split
/// across pages), and nothing of Chromium's own header and footer (which would show the file's
/// path on the page).
enum PDFPrinter {
  /// Where Chromium is looked for, in order; `ZHIBIAO_CHROMIUM` names the one to use instead.
  static var candidates: [String] {
    ProcessInfo.processInfo.environment["ZHIBIAO_CHROMIUM"].map { [$0] }
      ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
  }

  /// The Chromium found among `candidates`, or the failure that says which package to install.
  static func chromium(among candidates: [String] = candidates) throws -> String {
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw CommandFailure.domain(
        "生成 PDF 需要 Chromium，但本机没有找到（已查找 \(candidates.joined(separator: "、"))）。请安装：sudo apt-get install chromium（Debian/Ubuntu），或用 ZHIBIAO_CHROMIUM 指明其位置。",
        "Printing PDF needs Chromium, which was not found (looked for \(candidates.joined(separator: ", "))). Install it: sudo apt-get install chromium (Debian/Ubuntu), or name it with ZHIBIAO_CHROMIUM."
      )
    }
    return found
  }

  /// Prints `html` (a written page) to `pdf`, replacing it; a failure names the page.
  static func print(_ html: URL, to pdf: URL, chromium: String) throws {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let partial = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).partial")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
      "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
      "--virtual-time-budget=10000", "--print-to-pdf=\(partial.path)", html.absoluteURL.absoluteString,
    ]
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let said = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: partial.path) else {
      try? FileManager.default.removeItem(at: partial)
      let reason = String(decoding: said, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
      throw CommandFailure.file(
        path: html.path,
        LocalizedText(
          zh: "Chromium 未能打印为 PDF（退出码 \(process.terminationStatus)）：\(reason)",
          en: "Chromium could not print it to PDF (exit status \(process.terminationStatus)): \(reason)"))
    }
    _ = try? FileManager.default.removeItem(at: pdf)
    try FileManager.default.moveItem(at: partial, to: pdf)
  }
}
