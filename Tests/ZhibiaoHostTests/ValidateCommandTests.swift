import Foundation
import Testing
import ZhibiaoKernel

@testable import ZhibiaoHost

@Suite("zhibiao validate")
struct ValidateCommandTests {
  @Test("The shipped configuration is valid and has no warnings")
  func shippedConfigIsValid() {
    let report = ValidationReport(configPath: RepositoryConfig.directory.path)
    #expect(report.isValid)
    #expect(report.diagnostics.map(\.description) == [])
    #expect(
      report.summary(in: .zh)
        == "配置有效：5 个重点领域，44 项目标指标（另有 7 项支撑指标），83 项重点任务，8 个目标组，"
        + "19 个责任单位（含 13 个区县市）；0 个警告。")
  }

  /// A copy of the real configuration with one mistake of each common kind, in three files.
  static func brokenConfig() throws -> InMemoryConfigSource {
    try RepositoryConfig.inMemory { files in
      files["domains/digital.yaml"] = files["domains/digital.yaml"]!
        .replacingFirst(
          "    targets:\n      - { year: 2025, comparator: at_least, value: 13000 }",
          with: "    targt:\n      - { year: 2025, comparator: at_least, value: 13000 }")
      files["domains/tech.yaml"] = files["domains/tech.yaml"]!
        .replacingFirst("owner: bureau.sci_tech", with: "owner: bureau.sci_tec")
        .replacingFirst("kind: stock", with: "kind: stok")
      files["plan.yaml"] = files["plan.yaml"]!
        .replacingFirst("indicators: [finance.finance_va]", with: "indicators: [finance.finance_value_added]")
    }
  }

  @Test("A broken copy reports every problem in compiler form, in file order")
  func brokenCopySnapshot() throws {
    let report = ValidationReport(source: try Self.brokenConfig())
    #expect(!report.isValid)
    let text = (report.diagnostics.map(\.description) + [report.summary(in: .en)]).joined(separator: "\n")
    assertSnapshot(text + "\n", named: "broken-copy")
    #expect(text.contains("error: Unknown key 'targt' in indicator"))
    #expect(text.contains("(did you mean 'targets'?)"))
    #expect(text.contains("(did you mean 'bureau.sci_tech'?)"))
    #expect(text.contains("(did you mean 'stock'?)"))
    #expect(text.contains("Unknown indicator 'finance.finance_value_added' in goal group 'goal.centre.finance'"))
  }

  @Test("The executable exits 1 and prints file:line:col for a misspelt key")
  func executableExitStatus() throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("zhibiao")
    try #require(
      FileManager.default.isExecutableFile(atPath: binary.path),
      "build the executable first (swift build) — looked for \(binary.path)")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-validate-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("domains"), withIntermediateDirectories: true)
    for (path, text) in try RepositoryConfig.files() {
      let edited = path == "domains/finance.yaml" ? text.replacingFirst("    frequency:", with: "    frequncy:") : text
      try edited.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }
    let expectedLine =
      try RepositoryConfig.files()["domains/finance.yaml"]!
      .components(separatedBy: "\n").firstIndex { $0.hasPrefix("    frequency:") }! + 1

    let process = Process()
    process.executableURL = binary
    process.arguments = ["validate", "--config", folder.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = Pipe()
    try process.run()
    let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(process.terminationStatus == 1)
    #expect(
      output.contains(
        "\(folder.path)/domains/finance.yaml:\(expectedLine):5: error: Unknown key 'frequncy' in indicator"))
    #expect(output.contains("(did you mean 'frequency'?)"))
  }
}
