import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao ingest FILE`: imports observations or register entries from CSV, all or nothing.
struct IngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "导入实际值或名录（CSV，全部成功或全部不导入）(import observations or register entries).",
    discussion: """
      Observations: indicator,org,period,value,unit,note — period 2024Q3, 2024 or 2024年1-9月;
      org by id or Chinese name; a value in 万元 for an indicator in 亿元 is converted.
      Registers: register,name,org,level,recognised_on,evidence.
      UTF-8, UTF-8 with BOM and GBK/GB18030 are read; every error is reported with its line.
      """)

  @Argument(help: "CSV 文件 (the file).")
  var file: String

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  @Option(
    name: .customLong("as"),
    help:
      "报送单位，仅供受信任的本机操作员使用 (who submits, for a trusted local operator only: not checked against an account); default the commission."
  )
  var submitter: String?

  @Option(name: .long, help: "utf-8 | gbk (default: detect).")
  var encoding: String?

  @Flag(name: .long, help: "只检查不写入 (check without writing).")
  var dryRun = false

  @Flag(name: .long, help: "存为草稿 (save as drafts, not submitted; a draft never replaces a reported figure).")
  var draft = false

  @Option(
    name: .long, help: "修改已审核数据的理由，修改后须重新审核 (why approved figures change; they then need review again).")
  var reason: String?

  func run() async throws {
    let plan = try CommandPlan.load(options)
    let sender = try submitter.map { try CommandPlan.org($0, in: plan) }?.id ?? plan.commission
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw CommandFailure.unreadable(file, error)
    }
    let requested = try encoding.map { name -> TextDecoding.Encoding in
      guard let encoding = TextDecoding.Encoding(name: name) else {
        throw ValidationError("未知编码 unknown encoding '\(name)'; use utf-8 or gbk")
      }
      return encoding
    }
    guard let (text, _) = TextDecoding.decode(data, as: requested) else {
      throw CommandFailure.diagnostics(
        [
          Diagnostic(
            .error, at: SourceLocation(file: file, line: 1, column: 1),
            "The file is not valid \(requested?.rawValue ?? "UTF-8 or GBK") text (try --encoding gbk or utf-8).")
        ], summary: nothingImported(errors: 1))
    }
    let store = try await self.store.open()
    let role = ReviewRules(plan: plan).role(of: sender)
    let (checked, diagnostics) = try await ImportFile.check(
      text, file: file, plan: plan, submitter: sender, store: store)
    try report(
      diagnostics + checked.refusals(file: file, plan: plan, submitter: sender, role: role, language: options.lang))
    let rowCount = checked.count
    if dryRun { return printDryRun(rowCount) }
    let result = try await submit {
      try await checked.submit(
        to: store, plan: plan, submitter: sender, role: role, source: name, status: draft ? .draft : .submitted,
        reason: reason)
    }
    if options.lang == .zh {
      print(
        "已导入 \(file)：\(rowCount) 行，新增 \(result.added)，修订 \(result.revised)，未变 \(result.unchanged)"
          + (result.changedAfterApproval > 0 ? "，审核后修改 \(result.changedAfterApproval)（须重新审核）" : "") + "。")
    } else {
      print(
        "Imported \(file): \(rowCount) rows, \(result.added) added, \(result.revised) revised, \(result.unchanged) unchanged"
          + (result.changedAfterApproval > 0
            ? ", \(result.changedAfterApproval) changed after approval (to be reviewed again)" : "") + ".")
    }
  }

  /// The source recorded with each revision: the file's name.
  private var name: String { URL(fileURLWithPath: file).lastPathComponent }

  private func report(_ diagnostics: [Diagnostic]) throws {
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
      throw CommandFailure.diagnostics(diagnostics, summary: nothingImported(errors: errors))
    }
    diagnostics.forEach { StandardError.write($0.description) }
  }

  private func nothingImported(errors: Int) -> LocalizedText {
    LocalizedText(
      zh: "未导入：\(errors) 个错误，文件中的数据均未写入。",
      en: "Nothing was imported: \(errors) error(s); no figure of the file was written.")
  }

  private func printDryRun(_ rows: Int) {
    print(
      options.lang == .zh
        ? "检查通过：\(file) 的 \(rows) 行均可导入（--dry-run，未写入）。"
        : "Checked: all \(rows) rows of \(file) can be imported (--dry-run, nothing written).")
  }

  private func submit(_ body: () async throws -> SubmissionResult) async throws -> SubmissionResult {
    do {
      return try await body()
    } catch let error as StoreError {
      guard case .refused(let refusal, let rows) = error else {
        throw CommandFailure.file(path: file, LocalizedText(zh: "\(error)", en: "\(error)"))
      }
      let hint =
        refusal.rule == .approvedNeedsReason
        ? LocalizedText(zh: "用 --reason 说明修改已审核数据的理由。", en: "Give the reason with --reason.")
        : LocalizedText(zh: "", en: "")
      let lines = rows.map(String.init)
      throw CommandFailure.file(
        path: file,
        LocalizedText(
          zh: refusal.text.zh + "（第 \(lines.joined(separator: "、")) 行）" + hint.zh,
          en: refusal.text.en + " (lines \(lines.joined(separator: ", ")))" + (hint.en.isEmpty ? "" : " " + hint.en)))
    }
  }
}
