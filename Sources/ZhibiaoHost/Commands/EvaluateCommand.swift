import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoWorkspace

/// `zhibiao evaluate --final | --midterm`: the plan's final evaluation (终期评估) at its target
/// year, or a mid-term evaluation (中期评估) at an earlier year end, written like a report.
struct EvaluateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "规划评估：终期评估或中期评估报告 (the plan's final or mid-term evaluation).",
    discussion: """
      The final evaluation reads the target year's year-end figures; the mid-term one an earlier year's (--year,
      default the last year before the target year). Each target of the city, and each district's decomposed
      target, gets its baseline, target, actual, share achieved and category (已完成 / 基本完成 / 未完成; the band in
      report.yaml), required and actual average growth, and, mid-term, its category against the time elapsed.
      Written to --out as report.html, report.md and data/*.csv|json.
      """)

  @Flag(name: .customLong("final"), help: "终期评估：目标年年末数据 (the final evaluation, at the target year).")
  var final = false

  @Flag(name: .customLong("midterm"), help: "中期评估 (a mid-term evaluation).")
  var midterm = false

  @Option(name: .long, help: "中期评估的年份 (the year-end a mid-term evaluation reads), e.g. 2023.")
  var year: Int?

  @Option(name: .long, help: "输出目录 (the folder to write).")
  var out: String

  @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD (judge lateness as of this day; default today).")
  var asOf: String?

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions
  @OptionGroup var force: ForceOption

  func validate() throws {
    guard final != midterm else {
      throw ValidationError("须给出 --final 或 --midterm 之一 (give either --final or --midterm).")
    }
    if final, year != nil {
      throw ValidationError("终期评估读取目标年数据，不接受 --year (the final evaluation reads the target year).")
    }
  }

  func run() async throws {
    let workspace = try CommandWorkspace.load(options)
    let plan = workspace.plan
    let year = final ? plan.targetYear : (self.year ?? plan.targetYear - 1)
    try CommandPlan.year(year, in: plan)
    if midterm, year >= plan.targetYear {
      throw CommandFailure.domain(
        "中期评估须早于目标年 \(plan.targetYear) 年；目标年请用 --final。",
        "A mid-term evaluation comes before the target year \(plan.targetYear); use --final for it.")
    }
    let pipeline = try await CommandWorkspace.pipeline(workspace, store)
    let asOf = try CommandPlan.day(asOf)
    let evaluation = try CommandWorkspace.computing { try pipeline.evaluation(year: year, asOf: asOf) }
    let document = EvaluationBuilder(evaluation, language: options.lang).build()
    let folder = URL(fileURLWithPath: out)
    do {
      try ReportRun.write(document, to: folder, force: force.force)
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure.unreadable(out, error)
    }
    let lines = evaluation.cityLines.filter { $0.category != nil }
    let completed = lines.filter { $0.category == .completed }.count
    print(
      options.lang == .zh
        ? "\(evaluation.kind.name.zh)已写入 \(folder.path)/report.html（\(year) 年末：\(lines.count) 项目标，已完成 \(completed) 项）"
        : "The \(evaluation.kind.name.en) is written to \(folder.path)/report.html (end of \(year): \(lines.count) "
          + "targets, \(completed) completed)")
  }
}
