import Foundation
import ZhibiaoKernel

/// Where observations, registers, accounts and tokens are kept. The commands talk to this interface only, so
/// the embedded SQLite store and a shared PostgreSQL store are interchangeable.
///
/// Every key carries its plan, so one store can hold several plans side by side. Every write
/// is one transaction: it happens whole or not at all.
public protocol Store: AccountStore, SessionStore {
  /// Brings the schema up to date, applying every pending migration in order.
  func migrate() async throws
  /// The version of the schema the store is at (the number of migrations applied).
  func schemaVersion() async throws -> Int

  /// Writes a submission in one transaction — all rows or none, with their audit entries — and
  /// says what changed.
  ///
  /// Each row moves its figure as ``ReviewRules/submission(current:sameValue:as:locked:org:period:)``
  /// says. A row equal to the current value (same value and note) adds no revision, so importing
  /// the same file twice changes nothing. A draft never replaces a reported figure. A changed
  /// approved figure, and any change in a locked org's period, is never written: with the
  /// submission's `reason` the row files a change request (one identical to a pending request
  /// adds nothing), in the same transaction; without one it is refused. A refused row refuses the
  /// whole submission with ``StoreError/refused(_:rows:)``.
  func submit(_ submission: Submission) async throws -> SubmissionResult

  /// Files a change request of an approved figure, or of one in a locked org's period, in one
  /// transaction with its audit entry, recording the figure's current revision. Refused with
  /// ``StoreError/refused(_:rows:)`` without a reason, for a figure that an ordinary submission
  /// may change (or a proposal equal to the figure), and when the same change is pending already
  /// (``ReviewRules/changeRequest(current:sameValue:locked:reason:org:period:)``). Who may file
  /// is who reports the figure: the caller's to check with ``ReviewRules/report(_:org:by:as:)``.
  func fileChangeRequest(_ filing: ChangeRequestFiling) async throws -> ChangeRequest

  /// The change requests of `plan`, oldest first, optionally of one org and in one state.
  func changeRequests(plan: PlanID, org: OrgID?, state: ChangeRequest.State?) async throws -> [ChangeRequest]

  /// The commission accepts or rejects the pending change request `id` of `plan`, in one
  /// transaction with its audit entry, and returns it decided.
  ///
  /// Accepting writes the proposed value as the figure's next revision, submitted — even in a
  /// locked period, whose lock stays for everything else — so that it needs review again, flagged
  /// as changed after approval when it was approved. It is refused as stale when the figure's
  /// revision has moved since the request was filed. A rejection needs a comment and leaves the
  /// figure as it is. A request decided already is a conflict; an unknown one is not found. Who
  /// may decide is the caller's to check with ``ReviewRules/decideChange(by:as:)``.
  func decideChangeRequest(
    plan: PlanID, id: Int, decision: ChangeRequest.Decision, comment: String?, by commission: OrgID, user: String?,
    at time: Date
  ) async throws -> ChangeRequest

  /// The current value of every reported observation of `plan` that matches the filters:
  /// submitted, returned or approved, never a draft.
  func observations(
    plan: PlanID, indicator: IndicatorID?, org: OrgID?, period: Period?
  ) async throws -> [ObservationRecord]

  /// The drafts of `plan` (figures saved but never submitted), optionally of one org.
  func drafts(plan: PlanID, org: OrgID?) async throws -> [ObservationRecord]

  /// Every revision of one observation, oldest first.
  func history(plan: PlanID, indicator: IndicatorID, org: OrgID, period: Period) async throws -> [Revision]

  /// Approves or returns the submitted figures of `org` for `period` among `indicators`, in one
  /// transaction with their audit entries; figures in any other state stay as they are. Returns
  /// how many moved. Who may review is the caller's to check with ``ReviewRules``; a return
  /// without a comment and a locked period are refused here — but a figure that an accepted change
  /// request wrote is reviewed in a locked period too, since it must be reviewed again.
  ///
  /// `seen` holds the revision of each figure the reviewer saw: a figure revised since then is a
  /// stale decision, refused whole with ``ReviewRules/staleRefusal(indicator:seen:current:)``,
  /// never an approval of a value nobody looked at. Figures not in `seen` are not checked.
  func review(
    plan: PlanID, org: OrgID, period: Period, indicators: [IndicatorID], decision: ReviewDecision, comment: String?,
    seen: [IndicatorID: Int], by reviewer: OrgID, role: Role, user: String?, at time: Date
  ) async throws -> Int

  /// Locks `org`'s `period` for the commission, with its audit entry; nothing in it changes
  /// afterwards. Returns false when it was locked already (the first lock is kept).
  func lock(plan: PlanID, org: OrgID, period: Period, by commission: OrgID, user: String?, at time: Date) async throws
    -> Bool

  /// Whether `org`'s `period` is locked.
  func isLocked(plan: PlanID, org: OrgID, period: Period) async throws -> Bool

  /// The audit log of `plan`, oldest first, optionally of one org.
  func auditLog(plan: PlanID, org: OrgID?) async throws -> [AuditEntry]

  /// Writes register entries in one transaction; an entry identical to the stored one adds nothing.
  func submitRegister(_ submission: RegisterSubmission) async throws -> SubmissionResult

  /// The entries of a register (or of every register when nil).
  func registerEntries(plan: PlanID, register: RegisterID?) async throws -> [RegisterEntry]

  /// Issues a year's targets as the plan's next version, in one transaction, after
  /// ``TargetIssueFiling/check(against:)`` has passed against the versions issued before;
  /// refused with ``StoreError/refused(_:rows:)`` otherwise. An issued version is never changed.
  func issueTargets(_ filing: TargetIssueFiling) async throws -> TargetIssue

  /// Every version issued of `plan`, oldest first.
  func targetIssues(plan: PlanID) async throws -> [TargetIssue]

  /// The targets of version `version` of `plan`, ordered as ``TargetIssue/canonicalText(plan:year:entries:)``
  /// orders them; empty for a version never issued.
  func issuedTargets(plan: PlanID, version: Int) async throws -> [TargetBook.Entry]

  /// Writes task progress reports in one transaction — all or none, each step kept in the
  /// reports' log — and says what changed: a new report, or new content, is a new revision
  /// submitted for review; a report equal to the stored one adds nothing; a returned report sent
  /// again is submitted again. A change of an approved report refuses the whole submission with
  /// ``StoreError/refused(_:rows:)``, its rows numbered by their place in the submission from 1
  /// (``ReviewRules/taskSubmission(current:report:)``). Who may report is the caller's to check
  /// with ``ReviewRules/reportTask(_:org:by:as:)``.
  func submitTaskReports(_ submission: TaskReportSubmission) async throws -> SubmissionResult

  /// The task progress reports of `plan` that match the filters, by quarter, task and org.
  func taskReports(plan: PlanID, task: TaskID?, org: OrgID?, period: Period?) async throws -> [TaskReport]

  /// Approves or returns submitted task progress reports of one quarter, in one transaction with
  /// their log; reports in any other state stay as they are. Returns how many moved. A return
  /// without a comment is refused, as is a report that does not exist and one revised since the
  /// revision the reviewer saw (stale). Who may review is the caller's to check with
  /// ``ReviewRules/reviewTask(_:org:by:as:)``.
  func reviewTaskReports(_ review: TaskReportReview) async throws -> Int

  /// Every step of `plan`'s task progress reports, oldest first, optionally of one task and org.
  func taskReportLog(plan: PlanID, task: TaskID?, org: OrgID?) async throws -> [TaskReportEvent]

  /// Records a checked bonus, deduction or veto of `year`'s assessment, in one transaction, and
  /// returns it numbered. Who may is the caller's to check with ``ReviewRules/recordEvents(by:as:)``.
  func addAssessmentEvent(
    plan: PlanID, year: Int, entry: AssessmentEventEntry, by actor: OrgID, role: Role, user: String?, at time: Date
  ) async throws -> AssessmentEventRecord

  /// The events recorded for `year`'s assessment of `plan` (every year when nil), withdrawn ones
  /// included, by number.
  func assessmentEvents(plan: PlanID, year: Int?) async throws -> [AssessmentEventRecord]

  /// Withdraws event `id` with a reason; refused as a conflict when it is withdrawn already, and
  /// as not found when `plan` has no such event.
  func withdrawAssessmentEvent(
    plan: PlanID, id: Int, reason: String, by actor: OrgID, user: String?, at time: Date
  ) async throws -> AssessmentEventRecord

  /// A short text that changes whenever anything is written to the store — a figure, a review, a
  /// lock, a change request, a register entry, an issued target version — and stays the same while nothing is, so that a
  /// reader can tell cheaply whether what it computed from the store still holds.
  func changeMark() async throws -> String

  /// The writes other processes make to the store from now on, for as long as the stream is
  /// read: a shared store tells of them as they commit; the embedded store, which one process
  /// serves, tells of none (readers rely on ``changeMark()`` instead).
  func changesElsewhere() -> AsyncStream<StoreChange>

  /// Writes a consistent copy of the whole store to `path` while it stays in use.
  func backup(to path: String) async throws

  // MARK: Supervision notices

  /// Records answers to and decisions on supervision notices in one transaction, each with its
  /// audit entry — all or none: a filing that ``NoticeActionFiling/refusal(after:)`` refuses
  /// against the notice's stored actions (and the filings before it) refuses the whole batch with
  /// ``StoreError/refused(_:rows:)``, its position in `rows`. Who may act is the caller's to check
  /// with ``ReviewRules/answerNotice(_:by:as:)`` and ``ReviewRules/decideNotice(by:as:)``.
  func recordNoticeActions(_ filings: [NoticeActionFiling]) async throws -> [NoticeAction]

  /// The notice actions of `plan`, by notice then number, optionally of notices addressed to one org.
  func noticeActions(plan: PlanID, org: OrgID?) async throws -> [NoticeAction]
}

/// Filters default to everything; an actor without an account (the command line's `--as`) names
/// no user.
extension Store {
  /// Reviews as ``review(plan:org:period:indicators:decision:comment:seen:by:role:user:at:)``,
  /// checking no revisions.
  public func review(
    plan: PlanID, org: OrgID, period: Period, indicators: [IndicatorID], decision: ReviewDecision, comment: String?,
    by reviewer: OrgID, role: Role, user: String? = nil, at time: Date
  ) async throws -> Int {
    try await review(
      plan: plan, org: org, period: period, indicators: indicators, decision: decision, comment: comment, seen: [:],
      by: reviewer, role: role, user: user, at: time)
  }

  /// Locks as ``lock(plan:org:period:by:user:at:)`` with no user.
  public func lock(plan: PlanID, org: OrgID, period: Period, by commission: OrgID, at time: Date) async throws -> Bool {
    try await lock(plan: plan, org: org, period: period, by: commission, user: nil, at: time)
  }

  /// Every current observation of `plan`.
  public func observations(plan: PlanID) async throws -> [ObservationRecord] {
    try await observations(plan: plan, indicator: nil, org: nil, period: nil)
  }

  /// Every change request of `plan`.
  public func changeRequests(plan: PlanID) async throws -> [ChangeRequest] {
    try await changeRequests(plan: plan, org: nil, state: nil)
  }
}
