import ZhibiaoKernel

/// Why the review workflow refuses a request, in both languages.
public struct ReviewRefusal: Error, Hashable, Sendable, CustomStringConvertible {
  /// How a caller answers it: the web app with 403, 404 or 409, the command line with exit 1.
  public enum Kind: String, Hashable, Sendable {
    /// The actor may not do this at all, whatever the figures' state.
    case forbidden
    /// The figures' state does not allow it now (locked, approved, a draft over a submitted
    /// figure, a return without a comment, a change request decided already).
    case conflict
    /// What the request names does not exist (a change request of another plan or none).
    case notFound
  }

  /// Which rule refused, so that refusals of many rows can be grouped.
  public enum Rule: String, Hashable, Sendable {
    case actorRole, report, review, lock, locked, approvedNeedsChangeRequest, draftOverReported, returnNeedsComment,
      stale
    /// Change requests: who decides, a reason to file, a comment to reject, one worth filing, not
    /// filed twice, decided once, and one that exists.
    case changeDecision, changeNeedsReason, rejectNeedsComment, changeNotNeeded, changeDuplicate, changeDecided,
      changeUnknown
    /// Issuing a year's targets: by the commission, with a document number, once per change.
    case issueTargets
    /// Task progress reports: who reports and reviews them, and an approved report kept as it is.
    case taskReport, taskReview, taskReportApproved, taskReportUnknown
    /// Assessment events: recorded and withdrawn by the commission, withdrawn once.
    case assessmentEvent
    /// Supervision notices: answered by the addressee, decided by the commission, in order.
    case noticeAnswer, noticeDecision, noticeState
  }

  /// Forbidden or a conflict.
  public var kind: Kind
  /// The rule.
  public var rule: Rule
  /// One sentence in Chinese and English.
  public var text: LocalizedText

  /// Creates a refusal.
  public init(_ kind: Kind, _ rule: Rule, zh: String, en: String) {
    self.kind = kind
    self.rule = rule
    self.text = LocalizedText(zh: zh, en: en)
  }

  public var description: String { text.en }
}

/// A reviewer's decision on submitted figures.
public enum ReviewDecision: String, Hashable, Sendable, CaseIterable, Codable {
  /// The figures are right: they become approved.
  case approve
  /// They go back to their reporter with a comment.
  case `return`
}

/// What a submission does to one figure, decided by ``ReviewRules/submission(current:sameValue:as:locked:org:period:)``.
public enum FigureChange: Hashable, Sendable {
  /// Nothing: the same value and note, or nothing to move.
  case unchanged
  /// A new value (a new revision) with this status.
  case write(ObservationStatus)
  /// The same value, moved on to this status (a draft or a returned figure submitted again).
  case promote(ObservationStatus)
}

/// The rules of the review workflow, as one pure value: who may report, review and lock which
/// figures, and how a figure's state moves. The command line uses them now and the web app will;
/// the store applies the transitions, so that no caller can skip them.
///
/// A figure (indicator × org × period) moves draft → submitted → approved or returned (with a
/// comment) → submitted again …; an approved figure, and any figure of a locked org's period,
/// changes only through a change request with a reason that the commission accepts, after which
/// it is submitted again and needs review; a draft never replaces a reported figure.
public struct ReviewRules: Sendable {
  /// The plan whose orgs and indicator owners the rules read.
  public let plan: Plan

  /// Rules over `plan`.
  public init(plan: Plan) { self.plan = plan }

  /// The role an org acts in when named on the command line (`--as`): the commission, a bureau
  /// (a co-operating bureau too: it reports its progress on the tasks that name it, and owns no
  /// indicator to report or review), a district, or a viewer (the leading group).
  public func role(of org: OrgID) -> Role {
    if org == plan.commission { return .commission }
    switch plan.org(org)?.kind {
    case .bureau?, .cooperatingBureau?: return .bureau
    case .district?: return .district
    default: return .viewer
    }
  }

  /// Refuses an actor whose role does not fit its org: a district account of a bureau, a
  /// commission account of anyone but the commission.
  public func actor(_ actor: OrgID, as role: Role) -> ReviewRefusal? {
    let kind = plan.org(actor)?.kind
    let fits: Bool
    switch role {
    case .commission: fits = actor == plan.commission
    case .bureau: fits = kind == .bureau || kind == .cooperatingBureau
    case .district: fits = kind == .district
    case .admin, .viewer: fits = kind != nil
    }
    guard !fits else { return nil }
    return ReviewRefusal(
      .forbidden, .actorRole, zh: "\(name(actor).zh) 不能以\(role.name.zh)身份操作。",
      en: "\(name(actor).en) cannot act as \(role.name.en).")
  }

  /// Whether `actor` in `role` may report `indicator` for `org`: a district its own figures, a
  /// bureau the city figures of the indicators it owns, the commission any figure (it enters
  /// what others send on paper); admins and viewers none.
  public func report(_ indicator: IndicatorID, org: OrgID, by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    let owner = plan.indicator(indicator)?.owner
    switch role {
    case .commission: return nil
    case .district where org == actor: return nil
    case .bureau where owner == actor && org == actor: return nil
    case .district:
      return ReviewRefusal(
        .forbidden, .report, zh: "\(name(actor).zh) 只能报送本单位的数据，不能报送 \(name(org).zh) 的数据。",
        en: "\(name(actor).en) reports only its own figures, not those of \(name(org).en).")
    case .bureau:
      return ReviewRefusal(
        .forbidden, .report, zh: "\(name(actor).zh) 只能报送其牵头指标的全市数据，不能报送 \(indicator) × \(name(org).zh)。",
        en:
          "\(name(actor).en) reports only the city figures of the indicators it owns, not \(indicator) × \(name(org).en)."
      )
    case .admin, .viewer:
      return ReviewRefusal(
        .forbidden, .report, zh: "\(role.name.zh)不能报送数据。", en: "An \(role.name.en) does not report figures.")
    }
  }

  /// Whether `actor` in `role` may review `indicator` for `org`: the bureau that owns the
  /// indicator, never for its own figures; the commission also reviews the city figures of the
  /// bureaus (a figure whose org is a bureau, its own city figures included: no one else could).
  public func review(_ indicator: IndicatorID, org: OrgID, by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    let owns = plan.indicator(indicator)?.owner == actor
    switch role {
    case .bureau where owns && org != actor: return nil
    case .commission where (owns && org != actor) || plan.org(org)?.kind == .bureau: return nil
    case .bureau where owns:
      return ReviewRefusal(
        .forbidden, .review, zh: "\(name(actor).zh) 不能审核本单位报送的数据（\(indicator)）；由市发改委审核。",
        en: "\(name(actor).en) cannot review its own figures (\(indicator)); the commission reviews them.")
    case .bureau, .commission:
      return ReviewRefusal(
        .forbidden, .review, zh: "\(name(actor).zh) 不牵头指标 \(indicator)，不能审核 \(name(org).zh) 的该项数据。",
        en: "\(name(actor).en) does not own \(indicator) and cannot review that figure of \(name(org).en).")
    case .district, .admin, .viewer:
      return ReviewRefusal(
        .forbidden, .review, zh: "\(role.name.zh)不能审核数据；由牵头部门审核其牵头的指标。",
        en: "A \(role.name.en) does not review figures; the bureau that owns an indicator reviews it.")
    }
  }

  /// The indicators whose figures of `org` the actor may review, in the plan's order.
  public func reviewable(org: OrgID, by actor: OrgID, as role: Role) -> [IndicatorID] {
    plan.indicators.map(\.id).filter { review($0, org: org, by: actor, as: role) == nil }
  }

  /// Whether `actor` in `role` may lock a period: the commission only.
  public func lock(by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    guard role != .commission else { return nil }
    return ReviewRefusal(
      .forbidden, .lock, zh: "只有市发改委可以锁定期间，\(name(actor).zh) 不能。",
      en: "Only the commission locks periods; \(name(actor).en) cannot.")
  }

  /// Whether `actor` in `role` may accept or reject a change request: the commission only. Who
  /// files one is who reports the figure (``report(_:org:by:as:)``).
  public func decideChange(by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    guard role != .commission else { return nil }
    return ReviewRefusal(
      .forbidden, .changeDecision, zh: "只有市发改委可以受理变更申请，\(name(actor).zh) 不能。",
      en: "Only the commission accepts or rejects change requests; \(name(actor).en) cannot.")
  }

  func name(_ org: OrgID) -> LocalizedText {
    plan.org(org)?.name ?? LocalizedText(zh: org.rawValue, en: org.rawValue)
  }
}
