import ArgumentParser
import ZhibiaoKernel

extension ListSubject: ExpressibleByArgument {}

/// `zhibiao list domains|orgs|indicators|tasks|goals|registers`: what the plan contains.
struct ListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "列出重点领域、责任单位、指标、任务、目标或名录 (list what the plan contains).")

  @Argument(help: "domains | orgs | indicators | tasks | goals | registers")
  var subject: ListSubject

  @OptionGroup var options: CommonOptions

  @Option(name: .long, help: "table | json | csv | md")
  var format: OutputFormat = .table

  func run() async throws {
    let plan: Plan
    let source = try options.configSource()
    do {
      plan = try PlanLoader.load(source: source)
    } catch {
      throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
    }
    print(PlanListing(plan: plan, language: options.lang).render(subject, as: format), terminator: "")
  }
}
