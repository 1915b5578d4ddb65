import ArgumentParser
import ZhibiaoKernel

/// `zhibiao`: the plan's target system on the command line.
public struct ZhibiaoCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "zhibiao",
    abstract: "指标 — 生产性服务业目标体系：指标、任务、责任单位、分解、监测与考核。",
    discussion: "Zhibiao carries a city plan's target system: indicators, tasks and responsible units.",
    subcommands: [
      ValidateCommand.self, ListCommand.self, DecomposeCommand.self, IngestCommand.self, ReviewCommand.self,
      ApproveCommand.self, LockCommand.self, ChangesCommand.self,
      HistoryCommand.self, ExportCommand.self, BackupCommand.self, MonitorCommand.self, AssessCommand.self,
      ReportCommand.self, DemoCommand.self,
      LettersCommand.self, ServeCommand.self, UsersCommand.self, TokensCommand.self, StoreCommand.self,
      TemplateCommand.self, TargetsCommand.self, EvaluateCommand.self, PlanCommand.self,
      TasksCommand.self,
      NoticesCommand.self,
    ]
  )

  public init() {}
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
  @Option(name: .long, help: "配置目录 (the configuration folder).")
  var config = "Config"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "规划 (the plan: the configuration's own, or one under plans/; default the current one, see plans.yaml).",
      valueName: "ID"))
  var plan: String?

  @Option(name: .long, help: "界面语言 zh|en (language of headings and messages).")
  var lang: Language = .zh
}

extension CommonOptions {
  /// The configuration of the plan chosen with `--plan` (else the current one) in `--config`.
  func configSource() throws -> any ConfigSource {
    let catalogue = try PlanCatalogue.load(config)
    do {
      return try catalogue.source(for: plan)
    } catch {
      throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
    }
  }
}

extension PlanCatalogue {
  /// The plans of the configuration folder `config`; the problems of `plans.yaml` as a failure.
  static func load(_ config: String) throws -> PlanCatalogue {
    do {
      return try PlanCatalogue(configPath: config)
    } catch {
      throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
    }
  }
}

extension Language: ExpressibleByArgument {}
