import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore

/// What an account may read of the store, decided on the server for every page, download and API
/// answer that lists figures, targets or register entries.
enum ReadScope {
  /// The reported figures among `records` that `account` may read (`ReviewRules.read`): the
  /// commission and administrators every one; a bureau its own, those of the indicators it owns,
  /// and any org's once its period is locked; a district its own and locked ones; a viewer locked
  /// ones only.
  static func observations(
    _ records: [ObservationRecord], plan: Plan, store: any Store, account: AccountRecord
  ) async throws -> [ObservationRecord] {
    let rules = ReviewRules(plan: plan)
    var locks: [API.OrgPeriod: Bool] = [:]
    var readable: [ObservationRecord] = []
    for record in records {
      let key = API.OrgPeriod(org: record.org, period: record.period)
      if locks[key] == nil {
        locks[key] = try await store.isLocked(plan: plan.id, org: record.org, period: record.period)
      }
      if rules.read(record.indicator, org: record.org, locked: locks[key] ?? false, by: account.org, as: account.role) {
        readable.append(record)
      }
    }
    return readable
  }

  /// The targets among `entries` that `account` is shown: a district its own org's, anyone else
  /// every org's (targets are issued to all; a district answers for its own).
  static func targets(_ entries: [TargetBook.Entry], account: AccountRecord) -> [TargetBook.Entry] {
    account.role == .district ? entries.filter { $0.org == account.org } : entries
  }

  /// Whether `account` may read any register entry: every role but a viewer, which reads only
  /// figures of locked periods, and register entries belong to no period.
  static func readsRegisters(_ account: AccountRecord) -> Bool { account.role != .viewer }

  /// The register entries among `entries` that `account` may read: the commission and
  /// administrators every one; a district its own org's; a bureau its own org's and those of the
  /// registers its domain keeps or that count an indicator it owns (it reviews those counts).
  static func registers(_ entries: [RegisterEntry], plan: Plan, account: AccountRecord) -> [RegisterEntry] {
    switch account.role {
    case .commission, .admin: return entries
    case .viewer: return []
    case .district: return entries.filter { $0.org == account.org }
    case .bureau:
      let kept = Set(plan.registers(keptBy: account.org).map(\.id))
      return entries.filter { $0.org == account.org || kept.contains($0.register) }
    }
  }
}
