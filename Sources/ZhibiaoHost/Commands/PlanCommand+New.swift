import ArgumentParser
import Foundation
import ZhibiaoKernel

extension PlanCommand {
  /// `plan new --from ID --id NEW --years 2026-2030`: the next plan's configuration beside the old.
  struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "由上一规划生成下一规划的配置 (write the next plan's configuration from the previous one).",
      discussion: """
        Writes plans/<NEW>/ in the configuration: the previous plan's goals, domains, areas, indicators and \
        tasks under the new id and years, the orgs shared, every target left to be set (value: ~, which \
        validate lists as a warning with its position), the previous plan's quotes and dated milestones left \
        out, its assessment scheme and report layout copied, baselines.csv carried over from the previous \
        plan's figures at the end of the new base year in the store (basis previous_plan), and continues.yaml, \
        which says which old indicator each continues as. The bureaus then fill in the targets.
        """)

    @Option(name: .long, help: ArgumentHelp("上一规划 (the previous plan; default the current one).", valueName: "ID"))
    var from: String?

    @Option(name: .customLong("id"), help: ArgumentHelp("新规划的标识 (the new plan's id).", valueName: "NEW"))
    var newID: String

    @Option(name: .long, help: ArgumentHelp("新规划的年份 (the new plan's years), e.g. 2026-2030.", valueName: "FIRST-LAST"))
    var years: String

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
      _ = try Self.years(years)
      guard newID.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
        throw ValidationError(
          "The plan id '\(newID)' must be lowercase letters, digits and underscores, starting with a letter.")
      }
    }

    func run() async throws {
      let (first, last) = try Self.years(years)
      let catalogue = try PlanCatalogue.load(options.config)
      guard !catalogue.plans.contains(where: { $0.id == newID }) else {
        throw CommandFailure.domain(
          LocalizedText(zh: "规划“\(newID)”已存在。", en: "There is already a plan '\(newID)'."))
      }
      var previousOptions = options
      previousOptions.plan = from
      let previous = try CommandWorkspace.load(previousOptions)
      let plan = previous.plan
      let base = first - 1
      guard base > plan.baseYear, base <= plan.targetYear else {
        throw CommandFailure.domain(
          "新规划的基期 \(base) 须在上一规划的 \(plan.baseYear + 1)—\(plan.targetYear) 年之间。",
          "The new plan's base year \(base) must be one of the previous plan's years, "
            + "\(plan.baseYear + 1)–\(plan.targetYear).")
      }
      let pipeline = try await CommandWorkspace.pipeline(previous, store)
      let figures = try pipeline.yearEndFigures(year: base, asOf: Date())
      let successor = SuccessorPlan(id: newID, baseYear: base, targetYear: last)
      let root = URL(fileURLWithPath: options.config, isDirectory: true)
      let written: SuccessorPlan.Written
      do {
        written = try successor.write(
          previous: plan, baselines: previous.baselines?.entries ?? [], figures: figures,
          from: root.appendingPathComponent(catalogue.folder(of: from)),
          to: root.appendingPathComponent("\(PlanFolderSource.plansFolder)/\(newID)"))
      } catch {
        throw CommandFailure.file(
          path: "\(options.config)/\(PlanFolderSource.plansFolder)/\(newID)",
          LocalizedText(zh: "无法写入：\(error)", en: "cannot be written: \(error)"))
      }
      let zh = options.lang == .zh
      print(
        zh
          ? "已写入 \(options.config)/plans/\(newID)/：\(written.files) 个文件；基期 \(base) 年值 \(written.baselines) 条（取自数据库中“\(plan.id)”的 \(base) 年末数）。"
          : "Wrote \(options.config)/plans/\(newID)/: \(written.files) files; \(written.baselines) base-year figures of \(base) (the year-end figures of '\(plan.id)' in the store)."
      )
      for (indicator, org) in written.missing {
        print(
          zh
            ? "  无 \(base) 年末数：\(indicator) \(org)（请在 baselines.csv 中补填）"
            : "  no \(base) year-end figure: \(indicator) \(org) (fill it in baselines.csv)")
      }
      let report = ValidationReport(source: try PlanCatalogue.load(options.config).source(for: newID))
      for diagnostic in report.diagnostics where diagnostic.severity == .error { print(diagnostic.description) }
      let pending = report.diagnostics.filter { $0.message.contains("is not set yet") }.count
      print(
        zh
          ? "待填目标 \(pending) 项：各牵头部门填写后运行 zhibiao validate --plan \(newID)。"
          : "\(pending) targets to set: once the bureaus have filled them in, run zhibiao validate --plan \(newID).")
    }

    /// `2026-2030` as its first and last year.
    static func years(_ text: String) throws -> (Int, Int) {
      let parts = text.split(whereSeparator: { "-–—".contains($0) }).compactMap { Int($0) }
      guard parts.count == 2, parts[0] <= parts[1], parts[0] > 1949 else {
        throw ValidationError("Write --years as the first and last year, e.g. 2026-2030 (got '\(text)').")
      }
      return (parts[0], parts[1])
    }
  }
}
