import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// Options of every command that reads or writes data.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help:
      "数据库 (the store): a SQLite file path or postgres://USER@HOST:PORT/DB; default $ZHIBIAO_DB, else zhibiao.sqlite.")
  var db: String?

  @Option(
    name: .long,
    help: ArgumentHelp("PostgreSQL 连接数上限 (the most connections to a PostgreSQL store).", valueName: "N"))
  var dbConnections = 20

  func validate() throws {
    guard (1...1000).contains(dbConnections) else {
      throw ValidationError("--db-connections 须在 1–1000 之间 (a number of connections): \(dbConnections)")
    }
  }

  /// The store's location: the option, else `ZHIBIAO_DB`, else `zhibiao.sqlite` here.
  var location: String {
    db ?? ProcessInfo.processInfo.environment["ZHIBIAO_DB"] ?? "zhibiao.sqlite"
  }

  /// Opens the store, bringing its schema up to date.
  func open() async throws -> any Store {
    do {
      return try await StoreLocation.open(location, connections: dbConnections)
    } catch {
      throw failure(error)
    }
  }

  /// Opens the store a command only reads: a SQLite file must exist already (a read never
  /// creates a store), and neither it nor a PostgreSQL database is migrated or changed in any way
  /// (a store an older build left is refused with what to run). With `writing`, the existing store
  /// is opened to be written, and brought up to date.
  func openExisting(writing: Bool = false) async throws -> any Store {
    if !StoreLocation.isPostgres(location), !FileManager.default.fileExists(atPath: location) {
      throw CommandFailure.file(
        path: location,
        LocalizedText(
          zh: "没有这个数据库（读取命令不会新建数据库）；请用 --db 指明数据库，或先用 zhibiao ingest 导入数据。",
          en: "There is no store here (a command that only reads never creates one); name the store with --db, or "
            + "import figures first with zhibiao ingest."))
    }
    if writing { return try await open() }
    do {
      return try await StoreLocation.openReading(location, connections: dbConnections)
    } catch {
      throw failure(error)
    }
  }

  /// Opens the store when there is one to read: one named by `--db` or `ZHIBIAO_DB` (which must
  /// exist, as for ``openExisting()``), or the default file when it exists; nil otherwise, so that
  /// a command that only may read issued targets never creates a store.
  func openIfPresent() async throws -> (any Store)? {
    guard
      db != nil || ProcessInfo.processInfo.environment["ZHIBIAO_DB"] != nil
        || FileManager.default.fileExists(atPath: location)
    else { return nil }
    return try await openExisting()
  }

  /// The workspace with the target versions issued in the store in force, when there is a store.
  func issuing(_ workspace: Workspace) async throws -> Workspace {
    guard let store = try await openIfPresent() else { return workspace }
    do {
      return workspace.issuing(try await IssuedTargets.read(plan: workspace.plan.id, from: store))
    } catch {
      throw failure(error)
    }
  }

  /// Opens the store, waiting for a database server that cannot be reached yet — a server
  /// started before its database — and saying so on standard error at each try, with back-off
  /// from 1 to 30 seconds. A store that refuses this build (a newer schema) fails at once.
  func openWaiting(language: Language) async throws -> any Store {
    var delay = 1
    while true {
      do {
        return try await StoreLocation.open(location, connections: dbConnections)
      } catch let error as StoreError where StoreLocation.isPostgres(location) && error.isUnavailable {
        StandardError.write(
          language == .zh
            ? "数据库暂不可用，\(delay) 秒后重试：\(error)" : "The store is unavailable; trying again in \(delay) s: \(error)")
        try await Task.sleep(for: .seconds(delay))
        delay = min(delay * 2, 30)
      } catch {
        throw failure(error)
      }
    }
  }

  private func failure(_ error: any Error) -> CommandFailure {
    if let advice = (error as? StoreError)?.advice { return CommandFailure.file(path: location, advice) }
    return CommandFailure.file(path: location, LocalizedText(zh: "数据库无法打开：\(error)", en: "\(error)"))
  }
}

/// Loads the plan for a command, printing every problem and failing when it does not load.
enum CommandPlan {
  static func load(_ options: CommonOptions) throws -> Plan {
    let source = try options.configSource()
    do {
      return try PlanLoader.load(source: source)
    } catch {
      throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
    }
  }

  /// An org given by id or Chinese name.
  static func org(_ text: String, in plan: Plan) throws -> Org {
    if let org = plan.org(OrgID(text)) ?? plan.orgs.first(where: { $0.name.zh == text }) { return org }
    let suggestion = Suggestion.hint(for: text, among: plan.orgs.map(\.id.rawValue))
    throw CommandFailure.domain(
      "未知责任单位 '\(text)'\(suggestion.map { "（\($0)）" } ?? "")。",
      "Unknown org '\(text)'\(suggestion.map { " (\($0))" } ?? "").")
  }

  /// An indicator given by id, with a suggestion when it is misspelt.
  static func indicator(_ text: String, in plan: Plan) throws -> Indicator {
    if let indicator = plan.indicator(IndicatorID(text)) { return indicator }
    let suggestion = Suggestion.hint(for: text, among: plan.indicators.map(\.id.rawValue))
    throw CommandFailure.domain(
      "未知指标 '\(text)'\(suggestion.map { "（\($0)）" } ?? "")。",
      "Unknown indicator '\(text)'\(suggestion.map { " (\($0))" } ?? "").")
  }

  /// The day given as `--as-of YYYY-MM-DD`, at noon in China; today when not given.
  static func day(_ text: String?) throws -> Date {
    guard let text else { return Date() }
    guard let date = ObservationImport.noonInChina(text) else {
      throw ValidationError("--as-of 须写作 YYYY-MM-DD (a date): '\(text)'")
    }
    return date
  }

  /// A period written 2024Q3, 2024 or 2024年1-9月; a text that is not a period is argument misuse.
  static func period(_ text: String) throws -> Period {
    guard let period = PeriodText.parse(text) else {
      throw ValidationError("期间须写作 2024Q3、2024 或 2024年1-9月 (a period such as 2024Q3): '\(text)'")
    }
    return period
  }

  /// A period of the plan: written as `period(_:)` reads it, and in one of the plan's years.
  static func period(_ text: String, in plan: Plan) throws -> Period {
    let period = try period(text)
    try year(period.year, in: plan, named: text)
    return period
  }

  /// Refuses a year outside the plan's years (base year + 1 to the target year).
  static func year(_ year: Int, in plan: Plan, named text: String? = nil) throws {
    let years = "\(plan.baseYear + 1)–\(plan.targetYear)"
    guard plan.years.contains(year) else {
      let name = text ?? String(year)
      throw CommandFailure.domain(
        "\(name) 不在规划期内：本方案的年份为 \(years) 年。", "\(name) is outside the plan: its years are \(years).")
    }
  }
}
