import ArgumentParser
import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao ingest FILE`: imports observations or register entries from CSV or an .xlsx workbook,
/// all or nothing.
struct IngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "导入实际值或名录（CSV 或 .xlsx，全部成功或全部不导入）(import observations or register entries).",
    discussion: """
      Observations: indicator,org,period,value,unit,note — period 2024Q3, 2024 or 2024年1-9月;
      org by id or Chinese name; a value in 万元 for an indicator in 亿元 is converted.
      Registers: register,name,org,level,recognised_on,evidence[,withdrawn_on,withdrawal_reason] —
      org is the district where the entity is located; a withdrawal gives its day and reason
      (撤销, 摘牌 or 迁出).
      UTF-8, UTF-8 with BOM and GBK/GB18030 are read; every error is reported with its line.
      An .xlsx workbook (Excel, WPS, LibreOffice) is read from its first sheet with a header row
      (a template's data sheet), or --sheet, with the
      same columns and checks; errors name the cell, e.g. Sheet1!D7. Save .xls and .xlsm as .xlsx.
      """)

  @Argument(help: "CSV 或 .xlsx 文件 (the file).")
  var file: String

  @Option(
    name: .long, help: "工作表名称，默认第一个有表头的工作表 (the sheet of an .xlsx workbook; default the first with a header row).")
  var sheet: String?

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
    name: .long,
    help: """
      变更理由：修改已审核或已锁定数据的行作为变更申请提交，经市发改委同意后修改，修改后须重新审核 \
      (rows that change approved figures or figures of a locked period are filed as change requests with this reason, \
      for the commission to accept; see zhibiao changes).
      """)
  var reason: String?

  func validate() throws {
    if draft, reason != nil {
      throw ValidationError("--reason 不能与 --draft 同用：草稿不提交变更申请 (a draft files no change request).")
    }
  }

  func run() async throws {
    let plan = try CommandPlan.load(options)
    let sender = try submitter.map { try CommandPlan.org($0, in: plan) }?.id ?? plan.commission
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw CommandFailure.unreadable(file, error)
    }
    if let refusal = Workbook.refusal(path: file, head: data.prefix(8)) {
      throw CommandFailure.file(path: file, refusal.text)
    }
    if Workbook.isWorkbook(path: file, head: data.prefix(4)) {
      let table = try workbookTable()
      return try await check(plan: plan, sender: sender) {
        try await ImportFile.check(table, plan: plan, submitter: sender, store: $0)
      }
    }
    if sheet != nil { throw ValidationError("--sheet 仅用于 .xlsx 工作簿 (--sheet applies to an .xlsx workbook only)") }
    let requested = try TextDecoding.Encoding.requested(encoding)
    guard let (text, _) = TextDecoding.decode(data, as: requested) else {
      throw CommandFailure.diagnostics(
        [
          Diagnostic(
            .error, at: SourceLocation(file: file, line: 1, column: 1),
            "The file is not valid \(requested?.rawValue ?? "UTF-8 or GBK") text (try --encoding gbk or utf-8).")
        ], summary: nothingImported(errors: 1))
    }
    try await check(plan: plan, sender: sender) {
      try await ImportFile.check(text, file: file, plan: plan, submitter: sender, store: $0)
    }
  }

  /// Checks the file with `checking` and, unless it is a dry run, imports it whole.
  private func check(
    plan: Plan, sender: OrgID, _ checking: (any Store) async throws -> (file: ImportFile, diagnostics: [Diagnostic])
  ) async throws {
    let store = try await self.store.open()
    let role = ReviewRules(plan: plan).role(of: sender)
    let (checked, diagnostics) = try await checking(store)
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
          + (result.changeRequests > 0 ? "，提交变更申请 \(result.changeRequests)（待市发改委处理）" : "") + "。")
    } else {
      print(
        "Imported \(file): \(rowCount) rows, \(result.added) added, \(result.revised) revised, \(result.unchanged) unchanged"
          + (result.changeRequests > 0
            ? ", \(result.changeRequests) change requests filed (for the commission to decide)" : "") + ".")
    }
  }

  /// The sheet to import as a table, or the failure that names the file or its bad cells.
  private func workbookTable() throws -> ImportTable {
    do {
      return try ImportFile.workbookTable(url: URL(fileURLWithPath: file), file: file, sheet: sheet)
    } catch let error as WorkbookError {
      throw CommandFailure.file(path: file, error.text)
    } catch let error as ConfigurationErrors {
      throw CommandFailure.diagnostics(error.diagnostics, summary: nothingImported(errors: error.errors.count))
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
        refusal.rule == .approvedNeedsChangeRequest || refusal.rule == .locked
        ? LocalizedText(
          zh: "用 --reason 说明理由，即可提交变更申请。", en: "Give the reason with --reason to file change requests.")
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
