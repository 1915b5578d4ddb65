import Foundation
import ZhibiaoKernel

/// A folder a command writes several files into (a report, an evaluation, the letters). It keeps
/// a list of what it wrote (`.zhibiao-files`), so that writing again replaces its own files and
/// removes those it no longer writes, while a file someone else put there is never replaced
/// without `--force`, nor ever removed.
struct OutputFolder {
  /// The list of files written, one path relative to the folder per line.
  static let manifest = ".zhibiao-files"

  let folder: URL
  /// The files written here before, by the list.
  let written: Set<String>

  /// The folder, checked before anything is written: a file among `names` that is already there
  /// and that no earlier run wrote is refused unless `force`.
  init(_ folder: URL, writing names: [String], force: Bool) throws {
    self.folder = folder
    let list = (try? String(contentsOf: folder.appendingPathComponent(Self.manifest), encoding: .utf8)) ?? ""
    written = Set(list.split(separator: "\n").map(String.init))
    guard !force else { return }
    let foreign = names.filter { name in
      !written.contains(name) && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
    }
    guard let first = foreign.first else { return }
    throw CommandFailure.file(
      path: folder.appendingPathComponent(first).path,
      LocalizedText(
        zh: "文件已存在且不是此前由本程序写入的（共 \(foreign.count) 个），未作改动；如需覆盖请加 --force，或换一个输出目录。",
        en: "The file exists and was not written here before (\(foreign.count) such), so nothing was changed; give "
          + "--force to replace them, or choose another folder."))
  }

  /// After writing `names`: removes what the earlier run wrote and this one did not, and keeps
  /// the new list.
  func finish(wrote names: [String]) throws {
    for stale in written.subtracting(names) where !stale.contains("..") && !stale.hasPrefix("/") {
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(stale))
    }
    try Data((names.sorted().joined(separator: "\n") + "\n").utf8)
      .write(to: folder.appendingPathComponent(Self.manifest), options: .atomic)
  }
}
