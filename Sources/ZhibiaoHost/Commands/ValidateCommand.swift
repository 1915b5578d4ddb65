import ArgumentParser
import ZhibiaoKernel

/// `zhibiao validate`: loads and checks every YAML file, reporting every problem.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "校验配置：报告每个错误与警告的文件、行、列 (check the configuration).")

  @OptionGroup var options: CommonOptions

  func run() async throws {
    let report = ValidationReport(configPath: options.config)
    let summary = report.summary(in: options.lang)
    guard report.isValid else {
      throw CommandFailure.diagnostics(report.diagnostics, summary: LocalizedText(zh: summary, en: summary))
    }
    report.diagnostics.forEach { StandardError.write($0.description) }
    print(summary)
  }
}
