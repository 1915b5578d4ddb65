import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// `zhibiao backup DEST`: a consistent copy of the store while it is in use.
struct BackupCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup", abstract: "备份数据库（在用时亦一致）(a consistent copy of the store).")

  @Argument(help: "备份文件 (the copy to write).")
  var destination: String

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  func run() async throws {
    if FileManager.default.fileExists(atPath: destination) {
      throw CommandFailure.file(
        path: destination,
        LocalizedText(zh: "文件已存在，请另选一个新文件作备份。", en: "The file exists; choose a new file for the backup."))
    }
    let opened = try await store.openExisting()
    do {
      try await opened.backup(to: destination)
    } catch StoreError.unavailable(_, let reason) {
      throw CommandFailure.file(
        path: destination, LocalizedText(zh: "备份未完成：\(reason)。", en: "The backup was not made: \(reason)."))
    }
    print(
      options.lang == .zh ? "已备份 \(store.location) → \(destination)" : "Backed up \(store.location) → \(destination)")
  }
}
