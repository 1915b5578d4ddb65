import Foundation
import Synchronization
import ZhibiaoKernel
import ZhibiaoStore

/// A store that answers as `base` until it is taken down: then every call fails as a store that
/// cannot be reached does (`StoreError.unavailable`) — the figures only, so that accounts and
/// sessions still answer and the pages' own handlers meet the failure, or everything.
final class OutageStore: Store {
  /// What fails.
  enum Outage {
    case none, figures, everything
  }

  let base: any Store
  let outage = Mutex(Outage.none)

  init(base: any Store) { self.base = base }

  /// Fails when the outage covers the figures (`figures` true) or the accounts and sessions.
  private func check(figures: Bool) throws {
    let outage = outage.withLock { $0 }
    guard outage == .everything || (figures && outage == .figures) else { return }
    throw StoreError.unavailable(path: "test", reason: "the database is restarting")
  }

  private func figures<T>(_ call: () async throws -> T) async throws -> T {
    try check(figures: true)
    return try await call()
  }

  private func accounts<T>(_ call: () async throws -> T) async throws -> T {
    try check(figures: false)
    return try await call()
  }

  func migrate() async throws { try await figures { try await base.migrate() } }
  func schemaVersion() async throws -> Int { try await figures { try await base.schemaVersion() } }
  func submit(_ submission: Submission) async throws -> SubmissionResult {
    try await figures { try await base.submit(submission) }
  }
  func fileChangeRequest(_ filing: ChangeRequestFiling) async throws -> ChangeRequest {
    try await figures { try await base.fileChangeRequest(filing) }
  }
  func changeRequests(plan: PlanID, org: OrgID?, state: ChangeRequest.State?) async throws -> [ChangeRequest] {
    try await figures { try await base.changeRequests(plan: plan, org: org, state: state) }
  }
  func decideChangeRequest(
    plan: PlanID, id: Int, decision: ChangeRequest.Decision, comment: String?, by commission: OrgID, user: String?,
    at time: Date
  ) async throws -> ChangeRequest {
    try await figures {
      try await base.decideChangeRequest(
        plan: plan, id: id, decision: decision, comment: comment, by: commission, user: user, at: time)
    }
  }
  func observations(
    plan: PlanID, indicator: IndicatorID?, org: OrgID?, period: Period?
  ) async throws -> [ObservationRecord] {
    try await figures { try await base.observations(plan: plan, indicator: indicator, org: org, period: period) }
  }
  func drafts(plan: PlanID, org: OrgID?) async throws -> [ObservationRecord] {
    try await figures { try await base.drafts(plan: plan, org: org) }
  }
  func history(plan: PlanID, indicator: IndicatorID, org: OrgID, period: Period) async throws -> [Revision] {
    try await figures { try await base.history(plan: plan, indicator: indicator, org: org, period: period) }
  }
  func review(
    plan: PlanID, org: OrgID, period: Period, indicators: [IndicatorID], decision: ReviewDecision, comment: String?,
    seen: [IndicatorID: Int], by reviewer: OrgID, role: Role, user: String?, at time: Date
  ) async throws -> Int {
    try await figures {
      try await base.review(
        plan: plan, org: org, period: period, indicators: indicators, decision: decision, comment: comment, seen: seen,
        by: reviewer, role: role, user: user, at: time)
    }
  }
  func lock(
    plan: PlanID, org: OrgID, period: Period, by commission: OrgID, user: String?, at time: Date
  ) async throws -> Bool {
    try await figures {
      try await base.lock(plan: plan, org: org, period: period, by: commission, user: user, at: time)
    }
  }
  func isLocked(plan: PlanID, org: OrgID, period: Period) async throws -> Bool {
    try await figures { try await base.isLocked(plan: plan, org: org, period: period) }
  }
  func auditLog(plan: PlanID, org: OrgID?) async throws -> [AuditEntry] {
    try await figures { try await base.auditLog(plan: plan, org: org) }
  }
  func submitRegister(_ submission: RegisterSubmission) async throws -> SubmissionResult {
    try await figures { try await base.submitRegister(submission) }
  }
  func registerEntries(plan: PlanID, register: RegisterID?) async throws -> [RegisterEntry] {
    try await figures { try await base.registerEntries(plan: plan, register: register) }
  }
  func issueTargets(_ filing: TargetIssueFiling) async throws -> TargetIssue {
    try await figures { try await base.issueTargets(filing) }
  }
  func targetIssues(plan: PlanID) async throws -> [TargetIssue] {
    try await figures { try await base.targetIssues(plan: plan) }
  }
  func issuedTargets(plan: PlanID, version: Int) async throws -> [TargetBook.Entry] {
    try await figures { try await base.issuedTargets(plan: plan, version: version) }
  }
  func submitTaskReports(_ submission: TaskReportSubmission) async throws -> SubmissionResult {
    try await figures { try await base.submitTaskReports(submission) }
  }
  func taskReports(plan: PlanID, task: TaskID?, org: OrgID?, period: Period?) async throws -> [TaskReport] {
    try await figures { try await base.taskReports(plan: plan, task: task, org: org, period: period) }
  }
  func reviewTaskReports(_ review: TaskReportReview) async throws -> Int {
    try await figures { try await base.reviewTaskReports(review) }
  }
  func taskReportLog(plan: PlanID, task: TaskID?, org: OrgID?) async throws -> [TaskReportEvent] {
    try await figures { try await base.taskReportLog(plan: plan, task: task, org: org) }
  }
  func addAssessmentEvent(
    plan: PlanID, year: Int, entry: AssessmentEventEntry, by actor: OrgID, role: Role, user: String?, at time: Date
  ) async throws -> AssessmentEventRecord {
    try await figures {
      try await base.addAssessmentEvent(
        plan: plan, year: year, entry: entry, by: actor, role: role, user: user, at: time)
    }
  }
  func assessmentEvents(plan: PlanID, year: Int?) async throws -> [AssessmentEventRecord] {
    try await figures { try await base.assessmentEvents(plan: plan, year: year) }
  }
  func withdrawAssessmentEvent(
    plan: PlanID, id: Int, reason: String, by actor: OrgID, user: String?, at time: Date
  ) async throws -> AssessmentEventRecord {
    try await figures {
      try await base.withdrawAssessmentEvent(plan: plan, id: id, reason: reason, by: actor, user: user, at: time)
    }
  }
  func changeMark() async throws -> String { try await figures { try await base.changeMark() } }
  func changesElsewhere() -> AsyncStream<StoreChange> { base.changesElsewhere() }
  func backup(to path: String) async throws { try await figures { try await base.backup(to: path) } }
  func recordNoticeActions(_ filings: [NoticeActionFiling]) async throws -> [NoticeAction] {
    try await figures { try await base.recordNoticeActions(filings) }
  }
  func noticeActions(plan: PlanID, org: OrgID?) async throws -> [NoticeAction] {
    try await figures { try await base.noticeActions(plan: plan, org: org) }
  }

  func addAccount(_ account: AccountRecord) async throws { try await accounts { try await base.addAccount(account) } }
  func accounts() async throws -> [AccountRecord] { try await accounts { try await base.accounts() } }
  func account(named name: String) async throws -> AccountRecord? {
    try await accounts { try await base.account(named: name) }
  }
  func setDisabled(_ disabled: Bool, account name: String, at time: Date) async throws {
    try await accounts { try await base.setDisabled(disabled, account: name, at: time) }
  }
  func setPasswordHash(_ hash: String, account name: String, at time: Date) async throws {
    try await accounts { try await base.setPasswordHash(hash, account: name, at: time) }
  }
  func addToken(_ token: TokenRecord) async throws { try await accounts { try await base.addToken(token) } }
  func tokens() async throws -> [TokenRecord] { try await accounts { try await base.tokens() } }
  func account(forTokenHash hash: String) async throws -> AccountRecord? {
    try await accounts { try await base.account(forTokenHash: hash) }
  }
  func revokeToken(named name: String, at time: Date) async throws {
    try await accounts { try await base.revokeToken(named: name, at: time) }
  }
  func addSession(_ session: SessionRecord) async throws { try await accounts { try await base.addSession(session) } }
  func session(idHash: String) async throws -> SessionRecord? {
    try await accounts { try await base.session(idHash: idHash) }
  }
  func touchSession(idHash: String, at time: Date) async throws {
    try await accounts { try await base.touchSession(idHash: idHash, at: time) }
  }
  func deleteSession(idHash: String) async throws {
    try await accounts { try await base.deleteSession(idHash: idHash) }
  }
  func deleteSessions(account: String) async throws {
    try await accounts { try await base.deleteSessions(account: account) }
  }
  func recordLoginFailure(account: String, address: String, at time: Date) async throws {
    try await accounts { try await base.recordLoginFailure(account: account, address: address, at: time) }
  }
  func loginFailures(
    account: String, address: String, since time: Date
  ) async throws -> (account: Int, address: Int) {
    try await accounts { try await base.loginFailures(account: account, address: address, since: time) }
  }
}
