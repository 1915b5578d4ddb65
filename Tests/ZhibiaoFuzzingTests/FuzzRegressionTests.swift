import Foundation
import Testing
import ZhibiaoFuzzing
import ZhibiaoTestSupport

/// The fuzzing targets on the inputs that matter: every input a fuzzer found to crash, hang or
/// exhaust memory (kept in `Regressions/TARGET/`), and the seeds, whose outcomes are known.
@Suite("Fuzzing targets")
struct FuzzRegressionTests {
  /// The targets check against the repository's configuration, wherever the tests run from.
  init() { setenv("ZHIBIAO_CONFIG", Repository.config.path, 1) }

  static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Regressions")

  static func files(_ target: FuzzTarget) throws -> [URL] {
    let folder = regressions.appendingPathComponent(target.rawValue)
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
  }

  @Test("Every input a fuzzer found is read or refused, and nothing else", arguments: FuzzTarget.allCases)
  func regressions(_ target: FuzzTarget) throws {
    for file in try Self.files(target) {
      let outcome = target.run(try Data(contentsOf: file))
      if case .accepted = outcome { Issue.record("\(file.lastPathComponent) was accepted: \(outcome)") }
    }
  }

  static func seed(_ path: String) throws -> Data {
    try Data(contentsOf: Repository.root.appendingPathComponent(path))
  }

  @Test("The seeds come out as their files say: the sample events are read, the sample mistakes refused")
  func seeds() throws {
    #expect(FuzzTarget.yaml.run(try Self.seed("Config/sample/assessment-events-2024.yaml")) == .accepted(1))
    guard case .refused(let problems) = FuzzTarget.csv.run(try Self.seed("Config/sample/mistakes-gbk.csv")) else {
      Issue.record("the sample of mistakes was not refused")
      return
    }
    let expected = try String(
      contentsOf: Repository.config.appendingPathComponent("sample/mistakes-expected.txt"), encoding: .utf8)
    #expect(problems >= expected.split(separator: "\n").filter { $0.contains(": error:") }.count)
    let formula = try Self.seed("Tests/ZhibiaoDocumentsTests/Fixtures/openpyxl-formula.xlsx")
    guard case .refused = FuzzTarget.xlsx.run(formula) else {
      Issue.record("a formula without a cached value was not refused")
      return
    }
  }

  @Test("Bytes that are none of the formats are unreadable, not a crash", arguments: FuzzTarget.allCases)
  func garbage(_ target: FuzzTarget) {
    var generator = SystemRandomNumberGenerator()
    let noise = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0xFF, 0xFE, 0x00])
    let outcome = target.run(Data("\u{0}\u{FFFF}".utf8) + noise)
    if case .accepted = outcome { Issue.record("noise was accepted by \(target): \(outcome)") }
    #expect(FuzzTarget.xlsx.run(Data("PK\u{3}\u{4}".utf8) + noise) == .unreadable)
  }
}
