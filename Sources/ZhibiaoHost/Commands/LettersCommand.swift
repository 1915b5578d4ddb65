import ArgumentParser
import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoReport

/// `zhibiao letters --year 2025 --out DIR`: the district target letters (目标责任书) — one
/// printable HTML page per district with its annual and quarterly targets, owner bureaus, key
/// tasks and the assessment rules that apply to it, and an index linking them.
struct LettersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "letters",
    abstract: "区县目标责任书：每个区、县(市)一页可打印的 HTML (the district target letters).")

  @Option(name: .long, help: "目标年度 (the year of the targets), e.g. 2025.")
  var year: Int

  @Option(name: .long, help: "输出目录，不存在则创建 (the folder to write; created if missing).")
  var out: String

  @Flag(name: .long, help: "同时用 Chromium 把每份责任书打印为 PDF (also print each letter to PDF with headless Chromium).")
  var pdf = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "html | docx：网页（含索引）或 Word 文档，按党政机关公文格式排版 (HTML pages with an index, or Word documents laid out "
        + "as an official document, GB/T 9704).", valueName: "FORMAT"))
  var format: LetterFormat = .html

  /// What the letters are written as.
  enum LetterFormat: String, ExpressibleByArgument, CaseIterable {
    case html
    case docx
  }

  func validate() throws {
    if pdf && format == .docx {
      throw ValidationError(
        "--pdf prints the HTML letters: leave out --format docx, or --pdf (Word and WPS print a .docx).")
    }
  }

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions
  @OptionGroup var force: ForceOption

  func run() async throws {
    let chromium = pdf ? try PDFPrinter.chromium() : nil
    let workspace = try await store.issuing(CommandWorkspace.load(options))
    let (plan, book) = (workspace.plan, workspace.book)
    try CommandPlan.year(year, in: plan)
    let scheme = try CommandWorkspace.scheme(workspace)
    let folder = URL(fileURLWithPath: out)
    if format == .docx {
      let documents = try Self.write(
        plan: plan, book: book, scheme: scheme, year: year, language: options.lang,
        citation: workspace.issue(of: year)?.citation, as: .docx, to: folder, force: force.force)
      print(
        options.lang == .zh
          ? "已写入 \(year) 年区县目标责任书 Word 文档 \(documents.count) 份：\(folder.path)"
          : "Wrote \(documents.count) district target letters for \(year) as Word documents: \(folder.path)")
      return
    }
    let written = try Self.write(
      plan: plan, book: book, scheme: scheme, year: year, language: options.lang,
      citation: workspace.issue(of: year)?.citation, to: folder, force: force.force)
    let letters = written.count - 1
    let index = folder.appendingPathComponent(DistrictLetters.indexName).path
    print(
      options.lang == .zh
        ? "已写入 \(year) 年区县目标责任书 \(letters) 份及索引：\(index)"
        : "Wrote \(letters) district target letters for \(year) and their index: \(index)")
    if let chromium {
      for page in written where page.lastPathComponent != DistrictLetters.indexName {
        try PDFPrinter.print(page, to: page.deletingPathExtension().appendingPathExtension("pdf"), chromium: chromium)
      }
      print(options.lang == .zh ? "已打印 PDF \(letters) 份。" : "Printed \(letters) PDFs.")
    }
  }

  /// Writes the letters of `year` into `folder` (created if missing), each page replaced
  /// atomically, and returns the files written, the index first. As Word documents (`docx`),
  /// each district's letter is read from the same page as the HTML letter
  /// (`district.binjiang.docx`), and there is no index.
  @discardableResult
  static func write(
    plan: Plan, book: TargetBook, scheme: AssessmentScheme?, year: Int, language: Language,
    caveat: LocalizedText? = nil, citation: TargetCitation? = nil, as format: LetterFormat = .html, to folder: URL,
    force: Bool = false
  ) throws -> [URL] {
    let letters = DistrictLetters(
      plan: plan, book: book, scheme: scheme, year: year, language: language, caveat: caveat, citation: citation)
    let pages = format == .docx ? letters.files().filter { $0.name != DistrictLetters.indexName } : letters.files()
    func name(_ page: LetterFile) -> String {
      format == .docx ? (page.name as NSString).deletingPathExtension + ".docx" : page.name
    }
    let output = try OutputFolder(folder, writing: pages.map(name), force: force)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let written = try pages.map { page in
      let url = folder.appendingPathComponent(name(page))
      if format == .docx {
        try WordDocument(markup: page.html, title: nil, language: language == .zh ? "zh-CN" : "en-US").write(to: url)
      } else {
        try Data(page.html.utf8).write(to: url, options: .atomic)
      }
      return url
    }
    try output.finish(wrote: pages.map(name))
    return written
  }
}
