import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao store`: work on a store as a whole.
struct StoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store", abstract: "整库操作 (work on a whole store).", subcommands: [Copy.self, Migrate.self])

  /// `zhibiao store migrate [--db DB]`: brings an existing store's schema up to date, which commands
  /// that only read never do.
  struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "migrate", abstract: "升级数据库结构至本程序的版本 (bring an existing store's schema up to date).",
      discussion: """
        Commands that only read (monitor, assess, report, export, history …) never change a store, and refuse \
        one an older build left; this command, like any command that writes, applies the missing migrations, \
        each in its own transaction.
        """)

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let opened = try await store.openExisting(writing: true)
      let version = try await opened.schemaVersion()
      print(
        options.lang == .zh
          ? "数据库结构为第 \(version) 版（本程序的版本）：\(store.location)"
          : "The store's schema is at version \(version), this build's: \(store.location)")
    }
  }

  /// `zhibiao store copy --from SRC --to DST [--replace]`.
  struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "copy", abstract: "复制整个数据库 (copy a whole store, SQLite ⇄ PostgreSQL).",
      discussion: """
        Every table is read from the source and written to the target in one transaction, then read back \
        there and checked — row count and SHA-256 per table — before it commits: a copy that differs leaves \
        the target as it was. A target that holds data is refused unless --replace is given.
        """)

    @Option(name: .long, help: "源数据库 (the store to copy: a SQLite file or postgres://…).")
    var from: String

    @Option(name: .long, help: "目标数据库 (the store to write: a SQLite file or postgres://…).")
    var to: String

    @Flag(name: .long, help: "覆盖目标中已有的数据 (replace what the target holds).")
    var replace = false

    @OptionGroup var options: CommonOptions

    func validate() throws {
      guard from != to else { throw ValidationError("--from 与 --to 相同 (the source and the target are one store).") }
    }

    func run() async throws {
      let source = try await Self.open(from)
      let target = try await Self.open(to)
      let copied: [(table: StoreTable, digest: TableDigest)]
      do {
        copied = try await StoreCopy.copy(from: source, to: target, replacing: replace)
      } catch let error as StoreCopyError {
        throw CommandFailure.file(path: to, LocalizedText(zh: Self.chinese(error), en: error.description))
      }
      let zh = options.lang == .zh
      print(
        Listing(
          columns: [
            .init(key: "table", heading: zh ? "表" : "table"), .init(key: "rows", heading: zh ? "行数" : "rows"),
            .init(key: "sha256", heading: "SHA-256"),
          ],
          rows: copied.map { [$0.table.name, String($0.digest.rows), $0.digest.sha256] }
        ).render(.table), terminator: "")
      print(
        zh ? "已复制 \(from) → \(to)，各表行数与 SHA-256 核对一致。" : "Copied \(from) → \(to); every table's rows and SHA-256 match."
      )
    }

    private static func open(_ location: String) async throws -> any TableStore {
      let store: any Store
      do {
        store = try await StoreLocation.open(location)
      } catch {
        throw CommandFailure.file(path: location, LocalizedText(zh: "数据库无法打开：\(error)", en: "\(error)"))
      }
      guard let tables = store as? any TableStore else {
        throw CommandFailure.file(
          path: location, LocalizedText(zh: "此数据库不能整库复制。", en: "This store cannot be copied whole."))
      }
      return tables
    }

    private static func chinese(_ error: StoreCopyError) -> String {
      switch error {
      case .targetNotEmpty(let table, let rows):
        "目标数据库已有数据（\(table) 表 \(rows) 行）；如要覆盖，请加 --replace。"
      case .differs(let table, _, _):
        "复制后的 \(table) 表与源不一致，未写入任何数据。"
      }
    }
  }
}
