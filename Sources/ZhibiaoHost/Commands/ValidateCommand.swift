import ArgumentParser
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// `zhibiao validate`: loads and checks every YAML file, reporting every problem.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "校验配置：报告每个错误与警告的文件、行、列 (check the configuration).")

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  func run() async throws {
    let report = ValidationReport(source: try options.configSource())
    let summary = report.summary(in: options.lang)
    guard report.isValid, let plan = report.plan, let book = report.targetBook else {
      throw CommandFailure.diagnostics(report.diagnostics, summary: LocalizedText(zh: summary, en: summary))
    }
    report.diagnostics.forEach { StandardError.write($0.description) }
    // With a store, the configuration is also checked against the targets issued into it.
    if let opened = try await store.openIfPresent() {
      let issued = try await IssuedTargets.read(plan: plan.id, from: opened)
      let warnings = IssuedTargetCheck.warnings(plan: plan, book: book, issued: issued)
      warnings.forEach { StandardError.write($0.description) }
      if !warnings.isEmpty {
        print(
          options.lang == .zh
            ? "\(summary)另有 \(warnings.count) 个警告：配置与已下达的目标不同。"
            : "\(summary) \(warnings.count) more warning(s): the configuration differs from the targets issued.")
        return
      }
    }
    print(summary)
  }
}
