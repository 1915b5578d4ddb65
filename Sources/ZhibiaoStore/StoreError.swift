import ZhibiaoKernel

/// Why a store refused a request.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The review workflow refuses a request; `rows` are the lines of a submission it refuses
  /// (those of the first refused org's period and rule), empty for a review.
  case refused(ReviewRefusal, rows: [Int])
  /// The store's schema is newer than this build understands.
  case schemaTooNew(found: Int, supported: Int)
  /// The store's schema is older than this build reads, and it was opened only to read, which
  /// never migrates a store.
  case schemaTooOld(found: Int, supported: Int)
  /// The store could not be opened or written.
  case unavailable(path: String, reason: String)

  /// Whether the store could not be reached or used at all, rather than refusing a request.
  public var isUnavailable: Bool {
    if case .unavailable = self { true } else { false }
  }

  /// What went wrong, in Chinese and English, for the cases a person must act on differently;
  /// nil for the others, whose `description` says it.
  public var advice: LocalizedText? {
    switch self {
    case .schemaTooNew(let found, let supported):
      LocalizedText(
        zh: "数据库结构为第 \(found) 版，高于本程序支持的第 \(supported) 版；请使用更新版本的 zhibiao。", en: description)
    case .schemaTooOld(let found, let supported):
      LocalizedText(
        zh: "数据库结构为第 \(found) 版，低于本程序读取的第 \(supported) 版；只读命令不会升级数据库，"
          + "请先运行 zhibiao store migrate（或任一写入命令）。",
        en: description)
    default: nil
    }
  }

  public var description: String {
    switch self {
    case .refused(let refusal, let rows):
      refusal.text.en + (rows.isEmpty ? "" : " (lines \(rows.map(String.init).joined(separator: ", ")))")
    case .schemaTooNew(let found, let supported):
      "The store's schema is version \(found), newer than the \(supported) this build supports; use a newer zhibiao."
    case .schemaTooOld(let found, let supported):
      "The store's schema is version \(found), older than the \(supported) this build reads; a command that only "
        + "reads never upgrades a store: run zhibiao store migrate (or any command that writes) first."
    case .unavailable(let path, let reason):
      "The store at '\(path)' cannot be used: \(reason)."
    }
  }
}
