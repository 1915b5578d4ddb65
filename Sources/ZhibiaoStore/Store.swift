import Foundation
import ZhibiaoKernel

/// Where observations, registers, accounts and tokens are kept. The commands talk to this interface only, so
/// the embedded SQLite store and a shared PostgreSQL store are interchangeable.
///
/// Every key carries its plan, so one store can hold several plans side by side. Every write
/// is one transaction: it happens whole or not at all.
public protocol Store: AccountStore, SessionStore {
  /// Brings the schema up to date, applying every pending migration in order.
  func migrate() throws
  /// The version of the schema the store is at (the number of migrations applied).
  func schemaVersion() throws -> Int

  /// Writes a submission in one transaction — all rows or none — and says what changed.
  ///
  /// A row equal to the current value (same value and note) adds no revision, so importing
  /// the same file twice changes nothing. A row for an org and period that is approved is
  /// refused unless the submission gives a `reason`; with one, it is written and flagged as a
  /// change after approval, and the period stays approved.
  func submit(_ submission: Submission) throws -> SubmissionResult

  /// The current value of every observation of `plan` that matches the filters.
  func observations(
    plan: PlanID, indicator: IndicatorID?, org: OrgID?, period: Period?
  ) throws -> [ObservationRecord]

  /// Every revision of one observation, oldest first.
  func history(plan: PlanID, indicator: IndicatorID, org: OrgID, period: Period) throws -> [Revision]

  /// Approves every submitted observation of `org` for `period` (locking them); returns how many.
  func approve(plan: PlanID, org: OrgID, period: Period, by approver: OrgID, at time: Date) throws -> Int

  /// Whether `org`'s `period` is approved (locked).
  func isApproved(plan: PlanID, org: OrgID, period: Period) throws -> Bool

  /// Writes register entries in one transaction; an entry identical to the stored one adds nothing.
  func submitRegister(_ submission: RegisterSubmission) throws -> SubmissionResult

  /// The entries of a register (or of every register when nil).
  func registerEntries(plan: PlanID, register: RegisterID?) throws -> [RegisterEntry]

  /// Writes a consistent copy of the whole store to `path` while it stays in use.
  func backup(to path: String) throws
}

/// Filters default to everything.
extension Store {
  /// Every current observation of `plan`.
  public func observations(plan: PlanID) throws -> [ObservationRecord] {
    try observations(plan: plan, indicator: nil, org: nil, period: nil)
  }
}
