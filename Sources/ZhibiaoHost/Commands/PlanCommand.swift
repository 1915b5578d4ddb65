import ArgumentParser
import Foundation
import ZhibiaoKernel

/// `zhibiao plan`: the plans of a configuration side by side — the configuration's own plan and
/// one per folder under `plans/`, one of them current (`plans.yaml`).
struct PlanCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "规划：列出配置中的各个规划 (the plans of the configuration, side by side).",
    discussion: """
      A configuration holds its own plan (plan.yaml, domains/, baselines.csv … at its top) and any number of \
      further plans, each in a folder plans/<plan-id>/ with the same files. The further plans share the orgs \
      the configuration's own plan declares (the districts with their division codes, the bureaus), so that \
      they are declared once. plans.yaml names the current plan (current: <plan-id>); every command reads \
      the current plan unless --plan names another, and the store keeps each plan's figures apart.
      """,
    subcommands: [List.self, New.self, Baselines.self])

  /// `plan list`: every plan with its years, folder and whether it is current.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "列出各规划及当前规划 (list the plans and which one is current).")

    @Option(name: .long, help: "table | json | csv | md")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions

    func run() async throws {
      let catalogue = try PlanCatalogue.load(options.config)
      let records = catalogue.plans.map { entry in
        let plan = try? PlanLoader.load(source: catalogue.source(for: entry.id))
        return PlanRecord(
          id: entry.id, name: plan?.name, folder: entry.folder ?? ".", current: entry.isCurrent,
          base_year: plan?.baseYear, target_year: plan?.targetYear, loads: plan != nil)
      }
      print(render(records), terminator: "")
    }

    func render(_ records: [PlanRecord]) -> String {
      if format == .json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(records)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
      }
      let zh = options.lang == .zh
      let rows = records.map { record in
        [
          record.current ? "*" : "", record.id, record.name?.text(in: options.lang) ?? (zh ? "（配置无效）" : "(not valid)"),
          record.base_year.map(String.init) ?? "", record.target_year.map(String.init) ?? "", record.folder,
        ]
      }
      return Listing(
        keys: ["current", "id", "name", "base_year", "target_year", "folder"],
        headings: zh
          ? ["当前", "规划", "名称", "基期", "目标年", "目录"] : ["current", "plan", "name", "base year", "target year", "folder"],
        wide: ["name"], width: 40, rows: rows
      ).render(format)
    }
  }
}

/// One plan of `plan list --format json`.
struct PlanRecord: Encodable {
  var id: String
  var name: LocalizedText?
  var folder: String
  var current: Bool
  var base_year: Int?
  var target_year: Int?
  /// Whether its configuration loads.
  var loads: Bool
}
