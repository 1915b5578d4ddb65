import ArgumentParser
import Foundation
import ZhibiaoKernel

extension PlanCommand {
  /// `plan baselines --plan NEW`: the plan's base-year figures carried over again from the
  /// previous plan's year-end figures in the store, by `continues.yaml`.
  struct Baselines: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "按接续关系重新带入上一规划的年末数作为基期值 (carry the previous plan's year-end figures over again).",
      discussion: """
        Reads continues.yaml of the plan named by --plan (which old indicator continues as which new one; ~ for \
        one retired), takes the previous plan's figures at the end of this plan's base year from the store, and \
        rewrites this plan's baselines.csv: one row for every indicator and org the previous plan had a \
        base-year figure of, under the indicator it continues as. Run it after renaming, merging or retiring \
        indicators, so that the new plan's baselines line up with the old plan's final figures.
        """)

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let catalogue = try PlanCatalogue.load(options.config)
      let source = try options.configSource()
      let next: Plan
      do {
        next = try PlanLoader.load(source: source)
      } catch {
        throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
      }
      let file = SuccessorPlan.continuesFile
      guard let data = try? source.contents(of: file) else {
        throw CommandFailure.file(
          path: source.displayName(of: file),
          LocalizedText(
            zh: "缺少接续关系文件（由 zhibiao plan new 生成）。",
            en: "The continuation file is missing (zhibiao plan new writes it)."))
      }
      let previousID = ConfigDocument.decode(data, file: file) {
        $0.mapping()?.optional("previous_plan")?.string()
      }.value
      var previousOptions = options
      previousOptions.plan = previousID
      let previous = try CommandWorkspace.load(previousOptions)
      let continuation: PlanContinuation
      do {
        continuation = try PlanContinuation.decode(
          data, file: source.displayName(of: file), previous: previous.plan, next: next)
      } catch {
        throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
      }
      let pipeline = try await CommandWorkspace.pipeline(previous, store)
      let figures = try pipeline.yearEndFigures(year: next.baseYear, asOf: Date())
      let successor = SuccessorPlan(id: next.id.rawValue, baseYear: next.baseYear, targetYear: next.targetYear)
      let carried = successor.baselines(
        previous: previous.plan, listed: previous.baselines?.entries ?? [], figures: figures,
        continues: continuation.map)
      let path = URL(fileURLWithPath: options.config, isDirectory: true)
        .appendingPathComponent(catalogue.folder(of: options.plan)).appendingPathComponent("baselines.csv")
      do {
        try Data(carried.csv.utf8).write(to: path, options: .atomic)
      } catch {
        throw CommandFailure.file(
          path: source.displayName(of: "baselines.csv"),
          LocalizedText(zh: "无法写入：\(error)", en: "cannot be written: \(error)"))
      }
      let rows = carried.csv.split(separator: "\n").filter { !$0.hasPrefix("#") }.count - 1
      let retired = continuation.continues.filter { $0.new == nil }.count
      print(
        options.lang == .zh
          ? "已写入 \(source.displayName(of: "baselines.csv"))：基期 \(next.baseYear) 年值 \(rows) 条（不再沿用的指标 \(retired) 项）。"
          : "Wrote \(source.displayName(of: "baselines.csv")): \(rows) base-year figures of \(next.baseYear) "
            + "(\(retired) indicators retired).")
      for (indicator, org) in carried.missing {
        print(
          options.lang == .zh
            ? "  无 \(next.baseYear) 年末数：\(indicator) \(org)（请在 baselines.csv 中补填）"
            : "  no \(next.baseYear) year-end figure: \(indicator) \(org) (fill it in baselines.csv)")
      }
    }
  }
}
