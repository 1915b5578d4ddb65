import ZhibiaoKernel

/// Why a store refused a request.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The review workflow refuses a request; `rows` are the lines of a submission it refuses
  /// (those of the first refused org's period and rule), empty for a review.
  case refused(ReviewRefusal, rows: [Int])
  /// The store's schema is newer than this build understands.
  case schemaTooNew(found: Int, supported: Int)
  /// The store could not be opened or written.
  case unavailable(path: String, reason: String)

  /// Whether the store could not be reached or used at all, rather than refusing a request.
  public var isUnavailable: Bool {
    if case .unavailable = self { true } else { false }
  }

  public var description: String {
    switch self {
    case .refused(let refusal, let rows):
      refusal.text.en + (rows.isEmpty ? "" : " (lines \(rows.map(String.init).joined(separator: ", ")))")
    case .schemaTooNew(let found, let supported):
      "The store's schema is version \(found), newer than the \(supported) this build supports; use a newer zhibiao."
    case .unavailable(let path, let reason):
      "The store at '\(path)' cannot be used: \(reason)."
    }
  }
}
