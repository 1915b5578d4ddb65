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
  /// The writes, new figures in the observation table's key order (see ``RowKeyOrder``).
  package var writes: [ObservationWrite] = []
  /// The order the stores make the writes in.
  package var order: WriteOrder
  /// The change requests it files: rows that change an approved figure or one in a locked
  /// period, in a submission with a reason, in the submission's order.
  package var changes: [ChangeFiling] = []
  package var result = SubmissionResult()

  /// Decides every row (see ``SubmissionDecider``); throws ``StoreError/refused(_:rows:)`` as
  /// ``SubmissionDecider/finish()`` does.
  package init(submission: Submission, current stored: CurrentObservations) throws {
    var decider = SubmissionDecider(submission: submission, current: stored)
    for position in decider.keyOrder { _ = decider.decide(position) }
    self = try decider.finish()
  }

  init(writes: [ObservationWrite], order: WriteOrder, changes: [ChangeFiling], result: SubmissionResult) {
    self.writes = writes
    self.order = order
    self.changes = changes
    self.result = result
  }
}

/// Decides a submission's rows one at a time, so that a store can write each new figure as it is
/// decided, and then says what the whole submission does.
///
/// Rows are decided in the observation table's key order (``keyOrder``), each figure's rows in
/// the submission's order, so that a figure given twice is added and then revised. What depends
/// on the order of the whole submission is put back in it by ``finish()``: the change requests,
/// the writes other than new figures, and which refusal is reported.
///
/// A row that a submission may not write files a change request when the submission gives a
/// reason (``ReviewRules/filesChangeRequest(_:status:reason:)``), unless the same change is
/// pending already, which leaves it unchanged. The figures as they stand are kept up to date row
/// by row only when a figure is given twice; otherwise each row's is the stored one, and a new
/// import into an empty store looks nothing up. Likewise the locks are looked up only when some
/// touched period is locked.
package struct SubmissionDecider {
  private let submission: Submission
  private let stored: CurrentObservations
  private let keys: RowKeyOrder
  private let anyLocked: Bool
  private var current: [ObservationKey: ObservationState]
  private var pending: [ObservationKey: [PendingChange]]
  private var writes: [ObservationWrite] = []
  private var positions: [Int] = []
  private var changes: [(position: Int, filing: ChangeFiling)] = []
  private var result = SubmissionResult()
  /// Refused rows by org's period and rule, with the refusal of the first of them.
  private var refused: [RefusedKey: (refusal: ReviewRefusal, first: Int, positions: [Int])] = [:]

  /// The rows' positions in the submission, in the order they are to be decided.
  package let keyOrder: [Int]

  package init(submission: Submission, current stored: CurrentObservations) {
    self.submission = submission
    self.stored = stored
    keys = RowKeyOrder(submission.rows)
    keyOrder = keys.positions
    current = stored.observations
    if keys.hasRepeats { current.reserveCapacity(current.count + submission.rows.count) }
    anyLocked = stored.locked.values.contains(true)
    pending = stored.pending
    writes.reserveCapacity(submission.rows.count)
    positions.reserveCapacity(submission.rows.count)
  }

  /// Decides the row at `position` of the submission; the write it makes, if any.
  package mutating func decide(_ position: Int) -> ObservationWrite? {
    let row = submission.rows[position]
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
        return nil
      }
      pending[key, default: []].append(PendingChange(id: 0, value: row.value, note: row.note, seenRevision: seen))
      changes.append(
        (
          position,
          ChangeFiling(
            filing: ChangeRequestFiling(
              plan: submission.plan, indicator: row.indicator, org: row.org, period: row.period, value: row.value,
              note: row.note, reason: submission.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
              filer: submission.submitter, role: submission.role,
              user: submission.user, source: submission.source, time: submission.time),
            seenRevision: seen, old: old)
        ))
      result.changeRequests += 1
      return nil
    case .failure(let refusal):
      let refusedKey = RefusedKey(orgPeriod: orgPeriod, rule: refusal.rule)
      refused[refusedKey, default: (refusal, position, [])].positions.append(position)
      if let first = refused[refusedKey]?.first, position < first {
        refused[refusedKey]?.refusal = refusal
        refused[refusedKey]?.first = position
      }
      return nil
    case .success(.unchanged):
      result.unchanged += 1
      return nil
    case .success(.promote(let status)):
      result.unchanged += 1
      guard var promoted = old else { return nil }
      promoted.status = status
      if keys.hasRepeats { current[key] = promoted }
      return made(ObservationWrite(kind: .promote, row: row, old: old, state: promoted), at: position)
    case .success(.write(let status)):
      let state = ObservationState(
        value: row.value, note: row.note, status: status, revision: (old?.revision ?? 0) + 1,
        changedAfterApproval: old?.changedAfterApproval ?? false)
      if keys.hasRepeats { current[key] = state }
      if old == nil { result.added += 1 } else { result.revised += 1 }
      return made(ObservationWrite(kind: old == nil ? .add : .revise, row: row, old: old, state: state), at: position)
    }
  }

  private mutating func made(_ write: ObservationWrite, at position: Int) -> ObservationWrite {
    writes.append(write)
    positions.append(position)
    return write
  }

  /// What the whole submission does, once every row is decided. Throws
  /// ``StoreError/refused(_:rows:)`` for the org's period and rule that refuse the submission's
  /// first refused row, naming the lines of every row they refuse, in the submission's order.
  package consuming func finish() throws -> SubmissionDecision {
    if let (_, first) = refused.min(by: { $0.value.first < $1.value.first }) {
      throw StoreError.refused(first.refusal, rows: first.positions.sorted().map { submission.rows[$0].line })
    }
    return SubmissionDecision(
      writes: writes, order: WriteOrder(writes, positions: positions, reason: submission.reason),
      changes: changes.sorted { $0.position < $1.position }.map(\.filing), result: result)
  }

  /// The org's period and the rule of refused rows, which are reported together.
  private struct RefusedKey: Hashable {
    var orgPeriod: OrgPeriod
    var rule: ReviewRefusal.Rule
  }
}
