import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoSQLite
import ZhibiaoStore

/// `zhibiao demo`: the whole cycle on the bundled illustrative data — a fresh embedded store,
/// the target book, monitoring, the assessment, the annual report and the district letters.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "演示：用示例数据跑通分解、监测、考核与报告 (the whole cycle on the illustrative sample data).",
    discussion: """
      Builds zhibiao.sqlite in the output folder from Config/sample (replacing an earlier demo there), \
      then writes the annual report to report/, the next year's district target letters to letters/ and the \
      plan's evaluation at the year's end to evaluation/. When the sample holds the target year's figures \
      (observations-2025.csv, registers-2025.csv) and the year reported is earlier, it then reads them and \
      writes the final evaluation to final-evaluation/. Lateness is judged as of the 15th of the second month \
      after the year (e.g. 2025-02-15). With --serve \
      it then starts the web app on 127.0.0.1 over the demo store, with one account per org whose passwords \
      it prints.
      """)

  @Option(name: .long, help: "输出目录 (the folder to write).")
  var out = "zhibiao-demo"

  @Option(name: .long, help: "报告年度 (the year reported; the target year's figures are read after it).")
  var year = 2024

  @Flag(name: .long, help: "演示后启动网页服务，每个单位一个演示账号 (then serve the web app with one demo account per org).")
  var serve = false

  @Option(name: .long, help: "网页服务端口 (the port for --serve, on 127.0.0.1 only).")
  var port = 8080

  @OptionGroup var options: CommonOptions

  func run() async throws {
    let (workspace, store) = try await cycle()
    if serve { try await DemoServer.run(workspace: workspace, store: store, port: port, language: options.lang) }
  }

  /// The whole cycle; returns the workspace and the demo store it built.
  func cycle() async throws -> (Workspace, SQLiteStore) {
    let folder = URL(fileURLWithPath: out)
    let sample = URL(fileURLWithPath: options.config).appendingPathComponent("sample")
    let progress = Progress(language: options.lang, steps: Self.hasLaterYear(in: sample, than: year) ? 9 : 8)

    progress.step(1, "读取并校验配置", "Reading and checking the configuration")
    let workspace = try CommandWorkspace.load(options)
    let (plan, book) = (workspace.plan, workspace.book)
    progress.done(
      "\(plan.indicators.count) 项指标，\(plan.districts.count) 个区县",
      "\(plan.indicators.count) indicators, \(plan.districts.count) districts")

    progress.step(2, "分解目标", "Decomposing the targets")
    progress.done("目标分解表 \(book.entries.count) 条", "\(book.entries.count) targets in the book")

    progress.step(3, "建立示例数据库", "Building the store from the sample data")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let database = folder.appendingPathComponent("zhibiao.sqlite")
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: database.path + suffix)
    }
    let store = try SQLiteStore(path: database.path)
    // The target year's figures come in files of their own: read here when the year reported is the
    // target year, else after the report, for the final evaluation.
    let finalYear = Self.finalYearFiles(in: sample, plan: plan)
    var observations = try await SampleImport.run(sample.appendingPathComponent("observations.csv"), plan, store)
    var entries = try await SampleImport.run(sample.appendingPathComponent("registers.csv"), plan, store)
    if year >= plan.targetYear, let finalYear {
      observations += try await SampleImport.run(finalYear.observations, plan, store)
      entries += try await SampleImport.run(finalYear.registers, plan, store)
    }
    let taskFile = sample.appendingPathComponent("task-reports-\(year).csv")
    let tasks =
      FileManager.default.fileExists(atPath: taskFile.path)
      ? try await SampleTaskReports.run(taskFile, plan, store) : (reports: 0, returned: 0)
    progress.done(
      "实际值 \(observations) 行，名录 \(entries) 条，任务进展 \(tasks.reports) 条（退回 \(tasks.returned) 条）",
      "\(observations) observations, \(entries) register entries, \(tasks.reports) task reports (\(tasks.returned) returned)"
    )

    progress.step(4, "下达年度目标", "Issuing the year's targets")
    // Illustrative document numbers: the demo's versions cite them as a real issue would.
    var issued: [String] = []
    for target in Set([year, min(year + 1, plan.targetYear)]).sorted() {
      let issue = try await store.issueTargets(
        TargetIssueFiling(
          plan: plan.id, year: target, document: "示例〔\(target)〕1号", issuedOn: "\(target - 1)-12-20", reason: nil,
          entries: book.entries(year: target), by: plan.commission, role: .commission, at: Date()))
      issued.append("第\(issue.version)版《\(issue.document)》")
    }
    let issuedWorkspace = try await Pipeline(workspace: workspace, store: store).workspace
    progress.done(issued.joined(separator: "、"), "\(issued.count) versions")

    progress.step(5, "监测预警与综合考核", "Monitoring and assessment")
    let events = sample.appendingPathComponent("assessment-events-\(year).yaml")
    let inputs = try ReportRun.inputs(
      await Pipeline(workspace: workspace, store: store), scope: .year(year),
      events: FileManager.default.fileExists(atPath: events.path) ? events.path : nil,
      asOf: try CommandPlan.day(String(format: "%04d-02-15", year + 1)),
      caveat: LocalizedText(
        zh: "示例数据：本报告的实际值均为演示用的示意数据，不是官方统计，不得引用。",
        en: "Illustrative data: every actual figure in this report is invented for demonstration; it is not an "
          + "official statistic and must not be cited."))
    progress.done("\(inputs.monitoring.rows.count) 项监测", "\(inputs.monitoring.rows.count) rows monitored")

    progress.step(6, "撰写年度报告", "Writing the annual report")
    let reportFolder = folder.appendingPathComponent("report")
    try? FileManager.default.removeItem(at: reportFolder)
    try ReportRun.write(inputs, language: options.lang, to: reportFolder)
    progress.done("report/", "report/")

    progress.step(7, "下达目标责任书", "Writing the district target letters")
    let lettersFolder = folder.appendingPathComponent("letters")
    try? FileManager.default.removeItem(at: lettersFolder)
    let letterYear = min(year + 1, plan.targetYear)
    let letters = try LettersCommand.write(
      plan: plan, book: issuedWorkspace.book, scheme: inputs.assessment?.scheme, year: letterYear,
      language: options.lang, citation: issuedWorkspace.issue(of: letterYear)?.citation, to: lettersFolder)
    progress.done("letters/（\(letters.count - 1) 份）", "letters/ (\(letters.count - 1) letters)")

    progress.step(8, "规划评估", "Evaluating the plan")
    let evaluation = try await evaluate(year: year, store: store, workspace: workspace, to: folder, "evaluation")
    progress.done(
      "evaluation/（\(evaluation.kind.name.zh)，\(year) 年末）", "evaluation/ (\(evaluation.kind.name.en), end of \(year))")
    var evaluations = [(folder: "evaluation", kind: evaluation.kind)]

    if year < plan.targetYear, let finalYear {
      progress.step(9, "目标年数据与终期评估", "The target year's figures and the final evaluation")
      let added = try await SampleImport.run(finalYear.observations, plan, store)
      let addedEntries = try await SampleImport.run(finalYear.registers, plan, store)
      let final = try await evaluate(
        year: plan.targetYear, store: store, workspace: workspace, to: folder, "final-evaluation")
      evaluations.append((folder: "final-evaluation", kind: final.kind))
      progress.done(
        "实际值 \(added) 行，名录 \(addedEntries) 条；final-evaluation/（\(plan.targetYear) 年末）",
        "\(added) observations, \(addedEntries) register entries; final-evaluation/ (end of \(plan.targetYear))")
    }

    let notices = try await DemoNotices.cycle(
      workspace: workspace, store: store, sample: sample,
      asOf: try CommandPlan.day(String(format: "%04d-02-15", year + 1)))
    print(
      DemoSummary(
        inputs: inputs, language: options.lang, folder: out, letterYear: letterYear, evaluations: evaluations,
        notices: notices
      ).text, terminator: "")
    return (workspace, store)
  }

  /// Whether the sample holds a file of figures of a year after `year` (`observations-YYYY.csv`).
  static func hasLaterYear(in sample: URL, than year: Int) -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: sample.path)) ?? []
    return names.contains { name in
      guard name.hasPrefix("observations-"), name.hasSuffix(".csv") else { return false }
      return Int(name.dropFirst("observations-".count).dropLast(".csv".count)).map { $0 > year } ?? false
    }
  }

  /// The sample's files of the target year's figures and register changes, when it has both.
  static func finalYearFiles(in sample: URL, plan: Plan) -> (observations: URL, registers: URL)? {
    let observations = sample.appendingPathComponent("observations-\(plan.targetYear).csv")
    let registers = sample.appendingPathComponent("registers-\(plan.targetYear).csv")
    let present = [observations, registers].allSatisfy { FileManager.default.fileExists(atPath: $0.path) }
    return present ? (observations, registers) : nil
  }

  /// Evaluates the plan at the end of `year` (final at the target year, else mid-term) on the demo
  /// store, as of 15 February of the next year, and writes it to `name` in `folder`.
  func evaluate(
    year: Int, store: SQLiteStore, workspace: Workspace, to folder: URL, _ name: String
  ) async throws -> PlanEvaluation {
    let evaluationFolder = folder.appendingPathComponent(name)
    try? FileManager.default.removeItem(at: evaluationFolder)
    let evaluation = try await Pipeline(workspace: workspace, store: store).evaluation(
      year: year, asOf: try CommandPlan.day(String(format: "%04d-02-15", year + 1)))
    let document = EvaluationBuilder(
      evaluation, language: options.lang,
      caveat: LocalizedText(
        zh: "示例数据：本评估的实际值均为演示用的示意数据，不是官方统计，不得引用。",
        en: "Illustrative data: every actual figure in this evaluation is invented for demonstration.")
    )
    .build()
    try ReportRun.write(document, to: evaluationFolder)
    return evaluation
  }
}

/// The lines `demo` ends with: the goal groups, the top and bottom districts, the red warnings,
/// and where the report is.
struct DemoSummary {
  let inputs: ReportInputs
  let language: Language
  let folder: String
  let letterYear: Int
  /// The evaluations written: their folder and kind.
  var evaluations: [(folder: String, kind: PlanEvaluation.Kind)] = []
  /// The supervision notices as of the demo's day.
  var notices: [Notice] = []

  private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  var text: String {
    let plan = inputs.plan
    let year = inputs.scope.period.year
    var lines = [
      t("\n指标 · \(plan.name.zh) · \(year)年（示例数据）", "\nZhibiao · \(plan.name.en) · \(year) (illustrative data)")
    ]
    lines.append(t("目标体系完成情况：", "The 1+4+3 goals:"))
    let city = inputs.monitoring.rows.filter(\.isCity)
    for goal in plan.goals {
      let rows = city.filter { goal.indicators.contains($0.indicator) }
      let lights = PaceStatus.allCases.compactMap { status -> String? in
        let count = rows.filter { $0.status == status }.count
        return count == 0 ? nil : "\(language == .zh ? status.zh : status.rawValue) \(count)"
      }.joined(separator: " ")
      let met = inputs.assessment?.view.groups.first { $0.goal == goal.id }?.summary.text(in: language) ?? ""
      let bracket = lights.isEmpty ? "" : t("（\(lights)）", " (\(lights))")
      lines.append("  \(goal.name.text(in: language))\(t("：", ": "))\(met)\(bracket)")
    }
    if let section = inputs.assessment?.result.section(for: .district), section.scorecards.count >= 2 {
      func describe(_ cards: ArraySlice<Scorecard>) -> String {
        cards.map {
          let mark = $0.isProvisional ? t("暂估，", "provisional, ") : ""
          return "\($0.orgName.text(in: language)) \($0.total)"
            + t("（\(mark)\($0.grade.name.zh)）", " (\(mark)\($0.grade.name.en))")
        }
        .joined(separator: t("、", ", "))
      }
      lines.append(t("领先区县：", "Leading districts: ") + describe(section.scorecards.prefix(3)))
      lines.append(t("落后区县：", "Lagging districts: ") + describe(section.scorecards.suffix(3).reversed()[...]))
      for card in section.scorecards {
        guard let note = card.missingNote else { continue }
        lines.append(
          t("缺报：", "Missing figures: ") + "\(card.orgName.text(in: language))" + t("，", ", ")
            + note.text(in: language)
            + t("（\(card.total) 分，\(card.grade.name.zh)）", " (\(card.total), \(card.grade.name.en))"))
      }
    }
    let red = inputs.monitoring.rows.filter { $0.status == .red }.count
    lines.append(t("红灯预警：\(red) 项", "Red warnings: \(red)"))
    let standing = TaskStanding(plan: plan, monitoring: inputs.monitoring, reports: inputs.taskReports)
    let due = standing.lines.filter { $0.state != .notDue }.count
    lines.append(
      t(
        "重点任务：到期节点 \(due) 项，已完成 \(standing.count(.completed))，逾期 \(standing.count(.overdue))，"
          + "滞后 \(standing.count(.lagging))，待审核 \(standing.count(.awaitingReview))，待报送 \(standing.count(.awaitingReport))；"
          + "本季度未报送进展的任务 \(standing.unreported.count) 项",
        "Key tasks: \(due) milestones due, \(standing.count(.completed)) completed, \(standing.count(.overdue)) overdue, "
          + "\(standing.count(.lagging)) lagging, \(standing.count(.awaitingReview)) awaiting review, "
          + "\(standing.count(.awaitingReport)) awaiting a report; \(standing.unreported.count) tasks unreported this quarter"
      ))
    lines += DemoNotices.summary(notices, plan: plan, language: language)
    lines.append(
      t(
        "报告：\(folder)/report/report.html（另有 report.md 与 data/ 下的 CSV、JSON）",
        "Report: \(folder)/report/report.html (also report.md, and CSV and JSON under data/)"))
    lines.append(
      t(
        "\(letterYear)年目标责任书：\(folder)/letters/index.html（\(inputs.plan.districts.count) 个区县）",
        "Target letters for \(letterYear): \(folder)/letters/index.html (\(inputs.plan.districts.count) districts)"))
    for evaluation in evaluations {
      lines.append(
        t(
          "\(evaluation.kind.name.zh)：\(folder)/\(evaluation.folder)/report.html",
          "\(evaluation.kind.name.en.prefix(1).uppercased() + evaluation.kind.name.en.dropFirst()): "
            + "\(folder)/\(evaluation.folder)/report.html"))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Step lines on standard error while a terminal watches; nothing otherwise.
final class Progress {
  let language: Language
  /// How many steps there are.
  let steps: Int
  let enabled = isatty(STDERR_FILENO) == 1
  private var started = Date()

  init(language: Language, steps: Int) {
    self.language = language
    self.steps = steps
  }

  func step(_ number: Int, _ zh: String, _ en: String) {
    started = Date()
    guard enabled else { return }
    FileHandle.standardError.write(Data("[\(number)/\(steps)] \(language == .zh ? zh : en) … ".utf8))
  }

  func done(_ zh: String, _ en: String) {
    guard enabled else { return }
    let seconds = String(format: "%.1f s", Date().timeIntervalSince(started))
    FileHandle.standardError.write(Data("\(language == .zh ? zh : en)（\(seconds)）\n".utf8))
  }
}

/// Imports the bundled sample files as the commission, each all or nothing.
enum SampleImport {
  /// Imports `file` (observations or register entries), and returns how many rows it held.
  static func run(_ file: URL, _ plan: Plan, _ store: any Store) async throws -> Int {
    guard let (text, _) = TextDecoding.decode(try Data(contentsOf: file), as: nil) else {
      throw CommandFailure.file(
        path: file.path, LocalizedText(zh: "不是 UTF-8 或 GBK 文本。", en: "The file is not UTF-8 or GBK text."))
    }
    let (checked, diagnostics) = try await ImportFile.check(
      text, file: file.path, plan: plan, submitter: plan.commission, store: store)
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw CommandFailure.diagnostics(diagnostics, summary: nil)
    }
    _ = try await checked.submit(
      to: store, plan: plan, submitter: plan.commission, role: .commission, source: file.lastPathComponent)
    return checked.count
  }
}
