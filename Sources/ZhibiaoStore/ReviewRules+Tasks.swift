import ZhibiaoKernel

/// The review workflow of task progress reports (重点任务进展), the figures' workflow applied
/// to tasks: an org reports on the tasks that name it; the task's lead org reviews (汇总) the
/// reports of the orgs it co-operates with, and the commission reviews the lead's own.
extension ReviewRules {
  /// What a submission does to one stored report.
  public enum TaskReportChange: Hashable, Sendable {
    /// Nothing: the same content, submitted or approved already.
    case unchanged
    /// A new revision, submitted for review (new content, or a returned report sent again).
    case write
  }

  /// Whether `actor` in `role` may report on `task` for `org`: a district or bureau its own
  /// reports on the tasks that name it, the commission any org's (it enters what arrives on
  /// paper); admins and viewers none.
  public func reportTask(_ task: KeyTask, org: OrgID, by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    guard task.orgs.contains(org) else {
      return ReviewRefusal(
        .forbidden, .taskReport, zh: "任务 \(task.id) 不涉及 \(orgName(org).zh)。",
        en: "The task \(task.id) does not name \(orgName(org).en).")
    }
    switch role {
    case .commission: return nil
    case .district where org == actor, .bureau where org == actor:
      return nil
    case .district, .bureau:
      return ReviewRefusal(
        .forbidden, .taskReport, zh: "\(orgName(actor).zh) 只能报送本单位的任务进展，不能报送 \(orgName(org).zh) 的。",
        en: "\(orgName(actor).en) reports only its own progress, not that of \(orgName(org).en).")
    case .admin, .viewer:
      return ReviewRefusal(
        .forbidden, .taskReport, zh: "\(role.name.zh)不能报送任务进展。",
        en: "An \(role.name.en) does not report task progress.")
    }
  }

  /// Whether `actor` in `role` may review `org`'s report on `task`: the task's lead org the
  /// reports of its co-operating orgs, never its own; the commission the lead's own report (its
  /// own included, when it leads: no one else could).
  public func reviewTask(_ task: KeyTask, org: OrgID, by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    let lead = task.lead
    if role == .commission, org == lead { return nil }
    if role != .admin, role != .viewer, actor == lead, org != actor { return nil }
    if actor == lead {
      return ReviewRefusal(
        .forbidden, .taskReview, zh: "\(orgName(actor).zh) 不能审核本单位的任务进展（\(task.id)）；由市发改委审核。",
        en: "\(orgName(actor).en) cannot review its own progress on \(task.id); the commission reviews it.")
    }
    let leadName = lead.map(orgName) ?? LocalizedText(zh: "牵头单位", en: "the lead org")
    return ReviewRefusal(
      .forbidden, .taskReview,
      zh: "\(orgName(actor).zh) 不能审核 \(orgName(org).zh) 的任务进展（\(task.id)）；由牵头单位 \(leadName.zh) 审核。",
      en:
        "\(orgName(actor).en) cannot review the progress of \(orgName(org).en) on \(task.id); its lead org, \(leadName.en), does."
    )
  }

  /// What submitting `report` does to `current`, the stored report of the same task, org and
  /// quarter: a new one or new content is a new revision, submitted; a returned report sent again
  /// unchanged is submitted again; an approved report is kept as it is — a change of it is
  /// refused, since its reviewer approved what it says (report the change in the next quarter).
  /// Nothing moves in a quarter the commission has locked for the org.
  public static func taskSubmission(current: TaskReport?, report: TaskProgress, locked: Bool) -> Result<
    TaskReportChange, ReviewRefusal
  > {
    let same = current.map { $0.progress.sameContent(as: report) } ?? false
    if same, current?.review == .approved || current?.review == .submitted { return .success(.unchanged) }
    if locked {
      return .failure(
        ReviewRefusal(
          .conflict, .locked,
          zh: "\(report.org) \(report.period) 已由市发改委锁定，任务进展不能再报送或修改。",
          en:
            "The quarter \(report.period) of '\(report.org)' is locked by the commission; its task progress cannot change."
        ))
    }
    guard let current else { return .success(.write) }
    switch current.review {
    case .approved:
      return .failure(
        ReviewRefusal(
          .conflict, .taskReportApproved,
          zh: "\(report.org) 对任务 \(report.task) 的 \(report.period) 进展已审核通过，不能再改；新的进展请在下一季度报送。",
          en:
            "The progress of '\(report.org)' on \(report.task) for \(report.period) is approved and cannot change; report what has changed for the next quarter."
        ))
    case .draft, .submitted, .returned: return .success(.write)
    }
  }

  /// A decision on a report revised since the reviewer saw it.
  public static func staleTaskRefusal(task: TaskID, org: OrgID, seen: Int, current: Int) -> ReviewRefusal {
    ReviewRefusal(
      .conflict, .stale,
      zh: "\(org) 对任务 \(task) 的进展在您查看之后已被修改（您看到的是第 \(seen) 版，现为第 \(current) 版）；请刷新后重新审核。",
      en:
        "The progress of '\(org)' on \(task) has changed since you saw it (you saw revision \(seen); it is now \(current)); reload it and review again."
    )
  }

  /// A decision on a report that was never sent.
  public static func unknownTaskReport(task: TaskID, org: OrgID, period: Period) -> ReviewRefusal {
    ReviewRefusal(
      .notFound, .taskReportUnknown, zh: "\(org) 未报送任务 \(task) 的 \(period) 进展。",
      en: "'\(org)' has sent no progress on \(task) for \(period).")
  }

  func orgName(_ org: OrgID) -> LocalizedText {
    plan.org(org)?.name ?? LocalizedText(zh: org.rawValue, en: org.rawValue)
  }
}
