import Foundation
import ZhibiaoKernel

/// An org's period within a plan: the unit that is locked.
package struct OrgPeriod: Hashable, Sendable {
  package var org: String
  package var year: Int
  package var quarter: Int

  package init(org: String, year: Int, quarter: Int) {
    self.org = org
    self.year = year
    self.quarter = quarter
  }

  package init(org: OrgID, period: Period) {
    self.org = org.rawValue
    self.year = period.year
    self.quarter = Stored.quarter(period)
  }
}

/// The key of an observation within a plan.
package struct ObservationKey: Hashable, Sendable {
  package var indicator: String
  package var orgPeriod: OrgPeriod

  package init(indicator: String, orgPeriod: OrgPeriod) {
    self.indicator = indicator
    self.orgPeriod = orgPeriod
  }
}

/// What is stored for one observation, or what an earlier row of the same submission left.
package struct ObservationState: Sendable {
  package var value: Decimal
  package var note: String?
  package var status: ObservationStatus
  package var revision: Int
  package var changedAfterApproval: Bool

  package init(value: Decimal, note: String?, status: ObservationStatus, revision: Int, changedAfterApproval: Bool) {
    self.value = value
    self.note = note
    self.status = status
    self.revision = revision
    self.changedAfterApproval = changedAfterApproval
  }
}

/// The stored state of every org's period a submission touches.
package struct CurrentObservations: Sendable {
  package init() {}

  /// Whether each touched org's period is locked.
  package var locked: [OrgPeriod: Bool] = [:]
  /// The current value of every observation of the touched org's periods.
  package var observations: [ObservationKey: ObservationState] = [:]
  /// The pending change requests of the touched org's periods; read only for a submission with a
  /// reason, the only kind that files them.
  package var pending: [ObservationKey: [PendingChange]] = [:]
}

/// One write a submission makes.
package struct ObservationWrite: Sendable {
  /// What kind of write.
  package enum Kind: Sendable {
    /// A new observation and its first revision.
    case add
    /// A new value of an existing observation, and its revision.
    case revise
    /// The same value re-sent with a further status (a draft or a returned figure submitted): the
    /// status only.
    case promote
  }

  package var kind: Kind
  package var row: ObservationInput
  /// The observation before the write; nil for a new one.
  package var old: ObservationState?
  /// The observation as it stands after the write.
  package var state: ObservationState
}

/// What a submission does to the store, decided in memory before anything is written.
package struct SubmissionDecision: Sendable {
  package var writes: [ObservationWrite] = []
  /// The order the stores make the writes in.
  package var order: WriteOrder
  /// The change requests it files: rows that change an approved figure or one in a locked
  /// period, in a submission with a reason.
  package var changes: [ChangeFiling] = []
  package var result = SubmissionResult()

  /// Decides every row in order, so that a key given twice is added and then revised.
  ///
  /// A row that a submission may not write files a change request when the submission gives a
  /// reason (``ReviewRules/filesChangeRequest(_:status:reason:)``), unless the same change is
  /// pending already, which leaves it unchanged. Throws ``StoreError/refused(_:rows:)`` for the
  /// first org's period and rule that refuses a row, naming the lines of every row it refuses there.
  ///
  /// The figures as they stand are kept up to date row by row only when a figure is given twice;
  /// otherwise each row's is the stored one, and a new import into an empty store looks nothing
  /// up. Likewise the locks are looked up only when some touched period is locked.
  package init(submission: Submission, current stored: CurrentObservations) throws {
    let keys = RowKeyOrder(submission.rows)
    var current = stored.observations
    if keys.hasRepeats { current.reserveCapacity(current.count + submission.rows.count) }
    let anyLocked = stored.locked.values.contains(true)
    var pending = stored.pending
    writes.reserveCapacity(submission.rows.count)
    var positions: [Int] = []
    positions.reserveCapacity(submission.rows.count)
    var refused: [RefusedKey: (refusal: ReviewRefusal, lines: [Int])] = [:]
    var firstRefused: RefusedKey?
    for (position, row) in submission.rows.enumerated() {
      let orgPeriod = OrgPeriod(org: row.org, period: row.period)
      let key = ObservationKey(indicator: row.indicator.rawValue, orgPeriod: orgPeriod)
      let old = current.isEmpty ? nil : current[key]
      let locked = anyLocked ? stored.locked[orgPeriod] ?? false : false
      let change = ReviewRules.submission(
        current: old?.status, sameValue: old.map { $0.value == row.value && $0.note == row.note } ?? false,
        as: submission.status, locked: locked, org: row.org, period: row.period)
      switch change {
      case .failure(let refusal)
      where ReviewRules.filesChangeRequest(refusal, status: submission.status, reason: submission.reason):
        let seen = old?.revision ?? 0
        if pending[key]?.contains(where: { $0.proposes(row.value, note: row.note, seen: seen) }) == true {
          result.unchanged += 1
          continue
        }
        pending[key, default: []].append(PendingChange(id: 0, value: row.value, note: row.note, seenRevision: seen))
        changes.append(
          ChangeFiling(
            filing: ChangeRequestFiling(
              plan: submission.plan, indicator: row.indicator, org: row.org, period: row.period, value: row.value,
              note: row.note, reason: submission.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
              filer: submission.submitter, role: submission.role,
              user: submission.user, source: submission.source, time: submission.time),
            seenRevision: seen, old: old))
        result.changeRequests += 1
      case .failure(let refusal):
        let refusedKey = RefusedKey(orgPeriod: orgPeriod, rule: refusal.rule)
        refused[refusedKey, default: (refusal, [])].lines.append(row.line)
        firstRefused = firstRefused ?? refusedKey
      case .success(.unchanged):
        result.unchanged += 1
      case .success(.promote(let status)):
        result.unchanged += 1
        guard var promoted = old else { continue }
        promoted.status = status
        if keys.hasRepeats { current[key] = promoted }
        writes.append(ObservationWrite(kind: .promote, row: row, old: old, state: promoted))
        positions.append(position)
      case .success(.write(let status)):
        let state = ObservationState(
          value: row.value, note: row.note, status: status, revision: (old?.revision ?? 0) + 1,
          changedAfterApproval: old?.changedAfterApproval ?? false)
        if keys.hasRepeats { current[key] = state }
        writes.append(ObservationWrite(kind: old == nil ? .add : .revise, row: row, old: old, state: state))
        positions.append(position)
        if old == nil { result.added += 1 } else { result.revised += 1 }
      }
    }
    if let firstRefused, let refusal = refused[firstRefused] {
      throw StoreError.refused(refusal.refusal, rows: refusal.lines)
    }
    order = WriteOrder(writes, positions: positions, keys: keys, reason: submission.reason)
  }

  /// The org's period and the rule of refused rows, which are reported together.
  private struct RefusedKey: Hashable {
    var orgPeriod: OrgPeriod
    var rule: ReviewRefusal.Rule
  }
}
