import Foundation
import Testing

/// Errors by kind: argument misuse exits 64 with usage; a domain, file or store failure exits 1
/// with one clear message and no usage, in the language of `--lang`.
@Suite("Command errors")
struct CommandErrorTests {
  /// A failing run of one command, and the words its English message must hold.
  struct Failure: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let words: String
    var testDescription: String { arguments.prefix(2).joined(separator: " ") }
  }

  static let failures: [Failure] = [
    Failure(
      arguments: ["monitor", "--period", "2030Q1"], words: "2030Q1 is outside the plan: its years are 2022–2025."),
    Failure(arguments: ["assess", "--year", "2030"], words: "2030 is outside the plan: its years are 2022–2025."),
    Failure(arguments: ["report", "--year", "2030", "--out", "r"], words: "2030 is outside the plan"),
    Failure(arguments: ["letters", "--year", "2019", "--out", "l"], words: "2019 is outside the plan"),
    Failure(
      arguments: ["decompose", "--org", "district.binjing"],
      words: "Unknown org 'district.binjing' (did you mean 'district.binjiang'?)."),
    Failure(
      arguments: ["monitor", "--period", "2024Q3", "--domain", "finanse"],
      words: "Unknown domain 'finanse' (did you mean 'finance'?)."),
    Failure(
      arguments: ["history", "--indicator", "plan.gpd", "--org", "district.xihu", "--period", "2024Q3"],
      words: "Unknown indicator 'plan.gpd'"),
    Failure(arguments: ["approve", "--org", "nobody", "--period", "2024Q3"], words: "Unknown org 'nobody'."),
    Failure(arguments: ["ingest", "missing.csv"], words: "missing.csv: error: The file cannot be read"),
    Failure(arguments: ["backup", "taken.sqlite"], words: "taken.sqlite: error: The file exists"),
  ]

  @Test("A domain or file error exits 1 with one English sentence and no usage", arguments: failures)
  func domainError(_ failure: Failure) throws {
    let run = try Executable()
    defer { run.cleanUp() }
    try Data().write(to: run.folder.appendingPathComponent("taken.sqlite"))
    let store = ["decompose", "letters"].contains(failure.arguments[0]) ? [] : ["--db", "z.sqlite"]
    let result = try run.run(failure.arguments + ["--lang", "en"] + store)
    #expect(result.status == 1, "\(result.errors)")
    #expect(result.errors.contains(failure.words), "\(result.errors)")
    #expect(!result.errors.contains("Usage"), "\(result.errors)")
    #expect(!result.errors.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(result.errors)")
  }

  @Test("The same error in Chinese by default")
  func chineseByDefault() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(["monitor", "--period", "2030Q1", "--db", "z.sqlite"])
    #expect(result.status == 1)
    #expect(result.errors == "错误：2030Q1 不在规划期内：本方案的年份为 2022–2025 年。\n")
  }

  @Test("Argument misuse exits 64 with the usage text")
  func misuse() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(["monitor", "--period", "2024Q5", "--db", "z.sqlite"])
    #expect(result.status == 64)
    #expect(result.errors.contains("Usage: "), "\(result.errors)")
  }
}
