import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// Options of every command that reads or writes data.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "数据库 (the store): a SQLite file path, default zhibiao.sqlite or $ZHIBIAO_DB; postgres://… later.")
  var db: String?

  /// The store's location: the option, else `ZHIBIAO_DB`, else `zhibiao.sqlite` here.
  var location: String {
    db ?? ProcessInfo.processInfo.environment["ZHIBIAO_DB"] ?? "zhibiao.sqlite"
  }

  /// Opens the store, bringing its schema up to date.
  func open() throws -> any Store {
    do {
      return try StoreLocation.open(location)
    } catch {
      StandardError.write("\(location): error: \(error)")
      throw ExitCode(1)
    }
  }
}

/// Loads the plan for a command, printing every problem and failing when it does not load.
enum CommandPlan {
  static func load(_ options: CommonOptions) throws -> Plan {
    do {
      return try PlanLoader.load(configPath: options.config)
    } catch {
      error.diagnostics.forEach { StandardError.write($0.description) }
      throw ExitCode(1)
    }
  }

  /// An org given by id or Chinese name.
  static func org(_ text: String, in plan: Plan) throws -> Org {
    if let org = plan.org(OrgID(text)) ?? plan.orgs.first(where: { $0.name.zh == text }) { return org }
    let hint = Suggestion.hint(for: text, among: plan.orgs.map(\.id.rawValue)).map { " (\($0))" } ?? ""
    throw ValidationError("未知责任单位 unknown org '\(text)'\(hint)")
  }

  /// The day given as `--as-of YYYY-MM-DD`, at noon in China; today when not given.
  static func day(_ text: String?) throws -> Date {
    guard let text else { return Date() }
    guard let date = ObservationImport.noonInChina(text) else {
      throw ValidationError("--as-of 须写作 YYYY-MM-DD (a date): '\(text)'")
    }
    return date
  }

  /// A period written 2024Q3, 2024 or 2024年1-9月.
  static func period(_ text: String) throws -> Period {
    guard let period = PeriodText.parse(text) else {
      throw ValidationError("期间须写作 2024Q3、2024 或 2024年1-9月 (a period such as 2024Q3): '\(text)'")
    }
    return period
  }
}
