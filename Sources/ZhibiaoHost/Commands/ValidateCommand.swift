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
    let source = try options.configSource()
    let report = ValidationReport(source: source)
    let missing = report.plan == nil ? nil : Self.missingScheme(report, source)
    let diagnostics = report.diagnostics + (missing.map { [$0] } ?? [])
    let invalid = missing?.severity == .error
    let errors = diagnostics.filter { $0.severity == .error }.count
    let summary =
      invalid
      ? (options.lang == .zh
        ? "配置无效：\(errors) 个错误，\(diagnostics.count - errors) 个警告。"
        : "The configuration is not valid: \(errors) error(s), \(diagnostics.count - errors) warning(s).")
      : report.summary(in: options.lang)
    guard report.isValid, !invalid, let plan = report.plan, let book = report.targetBook else {
      throw CommandFailure.diagnostics(diagnostics, summary: LocalizedText(zh: summary, en: summary))
    }
    diagnostics.forEach { StandardError.write($0.description) }
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

  /// A missing or empty assessment scheme: an error — the assessment, the reports and the letters
  /// need it — except in a successor plan's draft folder, where the previous plan's scheme waits
  /// to be confirmed and renamed (a warning that says so). Nil when the scheme is there.
  static func missingScheme(_ report: ValidationReport, _ source: any ConfigSource) -> Diagnostic? {
    guard report.scheme == nil,
      !report.diagnostics.contains(where: { $0.location.file.hasSuffix(ValidationReport.schemeFile) })
    else { return nil }
    let at = SourceLocation(file: source.displayName(of: ValidationReport.schemeFile), line: 1, column: 1)
    if (try? source.contents(of: SuccessorPlan.previousSchemeFile)) != nil {
      return Diagnostic(
        .warning, at: at,
        "The assessment scheme is missing: this plan's draft is \(SuccessorPlan.previousSchemeFile), the previous "
          + "plan's scheme; once the commission confirms it, rename it \(ValidationReport.schemeFile).")
    }
    return Diagnostic(
      .error, at: at,
      "The assessment scheme is missing or empty: the assessment, the reports and the letters need it.",
      hint: "write it in \(ValidationReport.schemeFile), as the repository's Config/assessment.yaml does")
  }
}
