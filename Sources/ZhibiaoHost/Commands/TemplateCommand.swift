import ArgumentParser
import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao template`: an org's data-entry workbook for a period.
struct TemplateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "生成数据填报模板 .xlsx (an org's data-entry workbook for a period).",
    discussion: """
      One row per figure the org reports in the period, with the indicator's name, the year-to-date
      target and, when the store holds it, the same period last year; the value and note cells are
      the only ones to fill in. Filled in with Excel, WPS or LibreOffice, it is imported with
      zhibiao ingest FILE.xlsx --as ORG.
      """)

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  @Option(name: .long, help: "填报单位 (the org, by id or Chinese name).")
  var org: String

  @Option(name: .long, help: "期间 (the period), e.g. 2025Q1 or 2025.")
  var period: String

  @Option(name: .long, help: "输出文件 (the .xlsx file to write).")
  var out: String

  @OptionGroup var force: ForceOption

  func run() async throws {
    try OutputFile.check(out, store: store, force: force.force)
    let workspace = try CommandWorkspace.load(options)
    let org = try CommandPlan.org(self.org, in: workspace.plan)
    let period = try CommandPlan.period(self.period, in: workspace.plan)
    let lastYear = try await storedValues(plan: workspace.plan.id)
    guard
      let template = DataEntryTemplate(
        workspace: workspace, org: org, period: period, lastYear: { lastYear?.value($0, $1, $2) })
    else {
      throw CommandFailure.domain(
        "\(org.name.zh) 在 \(period.zh) 没有需要报送的指标数据。", "\(org.name.en) reports no figures for \(period).")
    }
    try WorkbookOutput.write(template.content(), to: out)
    print(options.lang == .zh ? "已写入 \(out)" : "Wrote \(out)")
  }

  /// The store's figures, for last year's column; none when there is no store yet (a template
  /// does not create one).
  private func storedValues(plan: PlanID) async throws -> StoredValues? {
    guard StoreLocation.isPostgres(store.location) || FileManager.default.fileExists(atPath: store.location) else {
      return nil
    }
    do {
      return try await StoredValues(store: store.open(), plan: plan)
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure.file(path: store.location, LocalizedText(zh: "\(error)", en: "\(error)"))
    }
  }
}

/// Writes a workbook for a command, a failure naming the file.
enum WorkbookOutput {
  static func write(_ content: WorkbookContent, to path: String) throws {
    do {
      try XLSXWriter.write(content, to: path)
    } catch {
      throw CommandFailure.file(path: path, error.text)
    }
  }
}
