import Foundation
import ZhibiaoKernel

/// A pending change request as a filing compares it: the same value and note against the same
/// revision is the same request.
package struct PendingChange: Sendable {
  package var id: Int
  package var value: Decimal
  package var note: String?
  package var seenRevision: Int

  package init(id: Int, value: Decimal, note: String?, seenRevision: Int) {
    self.id = id
    self.value = value
    self.note = note
    self.seenRevision = seenRevision
  }

  /// Whether it proposes `value` and `note` for the revision `seen`.
  package func proposes(_ value: Decimal, note: String?, seen: Int) -> Bool {
    self.value == value && self.note == note && seenRevision == seen
  }
}

/// A change request to write, decided the same on every backend.
package struct ChangeFiling: Sendable {
  /// What was filed.
  package var filing: ChangeRequestFiling
  /// The figure's revision now; 0 when there is none.
  package var seenRevision: Int
  /// The figure now, for the audit entry; nil when there is none.
  package var old: ObservationState?

  package init(filing: ChangeRequestFiling, seenRevision: Int, old: ObservationState?) {
    self.filing = filing
    self.seenRevision = seenRevision
    self.old = old
  }

  /// Decides one filing against the figure's stored state: refused with
  /// ``StoreError/refused(_:rows:)`` when it has no reason, when the figure takes an ordinary
  /// submission, or when the same change is pending already.
  package init(
    _ filing: ChangeRequestFiling, current: ObservationState?, locked: Bool, pending: [PendingChange]
  ) throws {
    let sameValue = current.map { $0.value == filing.value && $0.note == filing.note } ?? false
    if let refusal = ReviewRules.changeRequest(
      current: current?.status, sameValue: sameValue, locked: locked, reason: filing.reason, org: filing.org,
      period: filing.period)
    {
      throw StoreError.refused(refusal, rows: [])
    }
    let seen = current?.revision ?? 0
    if let same = pending.first(where: { $0.proposes(filing.value, note: filing.note, seen: seen) }) {
      throw StoreError.refused(
        ReviewRules.duplicateChangeRefusal(
          id: same.id, indicator: filing.indicator, org: filing.org, period: filing.period),
        rows: [])
    }
    guard !filing.value.isNaN else {
      throw MalformedColumn(column: "change_request.value", text: "NaN", expected: "a decimal number")
    }
    var filing = filing
    filing.reason = filing.reason.trimmingCharacters(in: .whitespacesAndNewlines)
    self.init(filing: filing, seenRevision: seen, old: current)
  }
}

/// What the commission's decision on a change request does, the same on every backend.
package struct ChangeRequestDecider: Sendable {
  /// Accept or reject.
  package let decision: ChangeRequest.Decision
  /// The comment, trimmed; nil when there is none.
  package let comment: String?

  /// Refuses a rejection without a comment at once, before anything is read.
  package init(decision: ChangeRequest.Decision, comment: String?) throws {
    if decision == .reject, let refusal = ReviewRules.rejectNeedsComment(comment) {
      throw StoreError.refused(refusal, rows: [])
    }
    self.decision = decision
    let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
    self.comment = trimmed?.isEmpty == false ? trimmed : nil
  }

  /// The figure after the decision on `request`, whose figure stands at `current` (nil when it
  /// has none): for an acceptance, the proposed value as the next revision, submitted, flagged
  /// when it changes an approved figure; nil for a rejection, which leaves it as it is.
  ///
  /// A request decided already is refused, and so is an acceptance once the figure has moved on
  /// from the revision the request was filed against.
  package func figure(after request: ChangeRequest, current: ObservationState?) throws -> ObservationState? {
    guard request.state == .pending else {
      throw StoreError.refused(ReviewRules.decidedRefusal(id: request.id, state: request.state), rows: [])
    }
    guard decision == .accept else { return nil }
    let revision = current?.revision ?? 0
    guard revision == request.seenRevision else {
      throw StoreError.refused(
        ReviewRules.staleChangeRefusal(id: request.id, seen: request.seenRevision, current: revision), rows: [])
    }
    return ObservationState(
      value: request.value, note: request.note, status: .submitted, revision: revision + 1,
      changedAfterApproval: (current?.changedAfterApproval ?? false) || current?.status == .approved)
  }

  /// The request's state after the decision.
  package var state: ChangeRequest.State { decision == .accept ? .accepted : .rejected }

  /// The audit action.
  package var action: AuditAction { decision == .accept ? .acceptChange : .rejectChange }
}
