import ZhibiaoKernel

/// Why a store refused a request.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Rows touch an org's approved period and the submission gives no reason.
  case approvedPeriodNeedsReason(org: OrgID, period: Period, rows: [Int])
  /// The store's schema is newer than this build understands.
  case schemaTooNew(found: Int, supported: Int)
  /// The store could not be opened or written.
  case unavailable(path: String, reason: String)

  public var description: String {
    switch self {
    case .approvedPeriodNeedsReason(let org, let period, let rows):
      "The figures of '\(org)' for \(period) are approved and locked; lines \(rows.map(String.init).joined(separator: ", ")) would change them; approved figures change only with a reason."
    case .schemaTooNew(let found, let supported):
      "The store's schema is version \(found), newer than the \(supported) this build supports; use a newer zhibiao."
    case .unavailable(let path, let reason):
      "The store at '\(path)' cannot be used: \(reason)."
    }
  }
}
