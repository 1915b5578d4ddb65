import Foundation
import Testing
import ZhibiaoTestSupport

/// A sixth domain (文化创意服务) added as one YAML file in a copy of the configuration, with no Swift
/// and no other file changed, goes through every step of the cycle.
@Suite("A sixth domain from one file")
struct SixthDomainTests {
  let run: Executable
  let config: URL

  init() throws {
    run = try Executable()
    config = run.folder.appendingPathComponent("Config")
    try FileManager.default.copyItem(at: Repository.config, to: config)
    let fixture = Repository.config.deletingLastPathComponent()
      .appendingPathComponent("Tests/ZhibiaoHostTests/Fixtures/culture.yaml")
    try FileManager.default.copyItem(at: fixture, to: config.appendingPathComponent("domains/culture.yaml"))
  }

  func zhibiao(_ arguments: [String]) throws -> Executable.Run {
    try run.run(arguments, config: config.path)
  }

  @Test("validate, list, decompose, monitor and assess all carry it")
  func wholeCycle() throws {
    defer { run.cleanUp() }
    let validate = try zhibiao(["validate"])
    #expect(validate.status == 0, "\(validate.errors)")
    #expect(validate.output.contains("6 个重点领域"), "\(validate.output)")

    let domains = try zhibiao(["list", "domains", "--format", "csv"])
    let lines = domains.output.split(whereSeparator: \.isNewline).map(String.init)
    #expect(lines.last?.hasPrefix("culture,文化创意服务,市文化广电旅游局") == true, "\(domains.output)")

    let indicators = try zhibiao(["list", "indicators", "--format", "json"])
    #expect(indicators.output.contains("\"id\" : \"culture.creative_revenue\""), "\(indicators.output.prefix(300))")
    #expect(indicators.output.contains("\"id\" : \"culture.creative_parks\""))

    // Whole parks for the 13 districts that add up to the city's 40.
    let book = try zhibiao(
      ["decompose", "--indicator", "culture.creative_parks", "--year", "2025", "--format", "json"])
    #expect(book.status == 0, "\(book.errors)")
    let rows = try #require(JSONSerialization.jsonObject(with: Data(book.output.utf8)) as? [[String: Any]])
    let districts = rows.filter { ($0["org"] as? String)?.hasPrefix("district.") == true }
    #expect(districts.count == 13)
    #expect(districts.compactMap { $0["target"] as? Int }.reduce(0, +) == 40, "\(book.output)")

    let ingest = try zhibiao([
      "ingest", config.appendingPathComponent("sample/observations.csv").path, "--db", "c.sqlite",
    ])
    #expect(ingest.status == 0, "\(ingest.errors)")
    let monitor = try zhibiao(
      [
        "monitor", "--period", "2024Q4", "--domain", "culture", "--db", "c.sqlite", "--format", "json", "--as-of",
        "2025-02-15",
      ])
    #expect(monitor.status == 0, "\(monitor.errors)")
    let monitored = try #require(JSONSerialization.jsonObject(with: Data(monitor.output.utf8)) as? [String: Any])
    let monitoredRows = try #require(monitored["rows"] as? [[String: Any]])
    // Two indicators, each for the owner bureau and the 13 districts; no figures reported yet.
    #expect(monitoredRows.count == 28)
    #expect(monitoredRows.allSatisfy { ($0["indicator"] as? String)?.hasPrefix("culture.") == true })

    let assess = try zhibiao(["assess", "--year", "2024", "--db", "c.sqlite", "--lang", "en"])
    #expect(assess.status == 0, "\(assess.errors)")
    #expect(assess.output.contains("Municipal Bureau of Culture"), "\(assess.output)")
  }
}

extension SixthDomainTests {
  @Test("A base-year figure given both in baselines.csv and in the domain file is refused at the second")
  func baselineGivenTwice() throws {
    defer { run.cleanUp() }
    let csv = config.appendingPathComponent("baselines.csv")
    let rows = try String(contentsOf: csv, encoding: .utf8)
    try (rows + "culture.creative_parks,bureau.culture,2021,25,illustrative,\n")
      .write(to: csv, atomically: true, encoding: .utf8)
    let csvLine = rows.split(separator: "\n", omittingEmptySubsequences: false).count
    let yaml = try String(contentsOf: config.appendingPathComponent("domains/culture.yaml"), encoding: .utf8)
    let lines = yaml.components(separatedBy: "\n")
    let parks = try #require(lines.firstIndex { $0.contains("- id: culture.creative_parks") })
    let city = try #require(lines[parks...].firstIndex { $0.contains("city: 25") }) + 1
    let validate = try zhibiao(["validate"])
    #expect(validate.status == 1)
    #expect(
      validate.errors.contains(
        "domains/culture.yaml:\(city):7: error: This row repeats the figure of 'culture.creative_parks' for "
          + "'bureau.culture' in 2021 given at \(config.path)/baselines.csv:\(csvLine):1."),
      "\(validate.errors)")
  }

  @Test("A base-year figure in the domain file is checked like a row of baselines.csv, at its own line")
  func baselineInTheDomainFileIsChecked() throws {
    defer { run.cleanUp() }
    let file = config.appendingPathComponent("domains/culture.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let edited = text.replacingOccurrences(of: "      district.jiande: 0\n", with: "      district.jiand: 0\n")
    try #require(edited != text)
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let line = try #require(edited.components(separatedBy: "\n").firstIndex { $0.contains("district.jiand:") }) + 1
    let validate = try zhibiao(["validate"])
    #expect(validate.status == 1)
    #expect(
      validate.errors.contains(
        "domains/culture.yaml:\(line):7: error: Unknown org 'district.jiand' (did you mean 'district.jiande'?)"),
      "\(validate.errors)")
  }
}
