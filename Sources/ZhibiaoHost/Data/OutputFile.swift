import ArgumentParser
import Foundation
import ZhibiaoKernel

/// `--force`: replace a file that is already there.
struct ForceOption: ParsableArguments {
  @Flag(name: .long, help: "覆盖已有文件 (replace the output file when it exists already).")
  var force = false
}

/// The file a command writes (`--out`, `--xlsx`): never the store it reads — nor that store's
/// journal files — even with `--force`, and never a file that is already there unless `--force`
/// says to replace it.
enum OutputFile {
  static func check(_ path: String, store: StoreOptions?, force: Bool) throws {
    let target = resolved(path)
    if let store, !StoreLocation.isPostgres(store.location) {
      let database = resolved(store.location)
      if [database, database + "-wal", database + "-shm", database + "-journal"].contains(target) {
        throw CommandFailure.file(
          path: path,
          LocalizedText(
            zh: "这是正在读取的数据库，不能写入输出；请换一个文件名。",
            en: "This is the store being read; the output cannot go there. Choose another file."))
      }
    }
    if !force, FileManager.default.fileExists(atPath: path) {
      throw CommandFailure.file(
        path: path,
        LocalizedText(
          zh: "文件已存在，未作改动；如需覆盖请加 --force。",
          en: "The file exists already and was left as it is; give --force to replace it."))
    }
  }

  private static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
