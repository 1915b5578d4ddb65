import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// The review workflow's rules as one pure value over the Hangzhou plan: every role and action,
/// allowed and refused.
@Suite("Review rules")
struct ReviewRulesTests {
  let plan: Plan
  let rules: ReviewRules
  let econ: OrgID = "bureau.econ_info"
  let finance: OrgID = "bureau.finance"
  let fuyang: OrgID = "district.fuyang"
  let binjiang: OrgID = "district.binjiang"
  /// An indicator 市经信局 owns, one 市金融局 owns, one the commission owns.
  let digital: IndicatorID
  let money: IndicatorID
  let logistics: IndicatorID

  init() throws {
    plan = try HangzhouPlan.plan()
    rules = ReviewRules(plan: plan)
    let commission = plan.commission
    let econ = self.econ
    let finance = self.finance
    digital = try #require(plan.indicators.first { $0.owner == econ }?.id)
    money = try #require(plan.indicators.first { $0.owner == finance }?.id)
    logistics = try #require(plan.indicators.first { $0.owner == commission }?.id)
  }

  @Test("Roles from orgs, and a role that does not fit its org is forbidden")
  func roles() {
    #expect(rules.role(of: plan.commission) == .commission)
    #expect(rules.role(of: econ) == .bureau)
    #expect(rules.role(of: fuyang) == .district)
    #expect(rules.role(of: "group.modern_services") == .viewer)
    #expect(rules.actor(fuyang, as: .district) == nil)
    #expect(rules.actor(fuyang, as: .bureau)?.kind == .forbidden)
    #expect(rules.actor(econ, as: .commission)?.kind == .forbidden)
    #expect(rules.actor(plan.commission, as: .bureau) == nil)
    #expect(rules.report(digital, org: fuyang, by: fuyang, as: .commission)?.rule == .actorRole)
  }

  @Test("Who reports: a district its own figures, a bureau the city figures it owns, the commission any")
  func report() {
    #expect(rules.report(digital, org: fuyang, by: fuyang, as: .district) == nil)
    #expect(rules.report(digital, org: binjiang, by: fuyang, as: .district)?.rule == .report)
    #expect(rules.report(digital, org: econ, by: econ, as: .bureau) == nil)
    #expect(rules.report(digital, org: fuyang, by: econ, as: .bureau)?.rule == .report)
    #expect(rules.report(money, org: finance, by: econ, as: .bureau)?.rule == .report)
    #expect(rules.report(money, org: fuyang, by: plan.commission, as: .commission) == nil)
    #expect(rules.report(digital, org: fuyang, by: fuyang, as: .viewer)?.kind == .forbidden)
    #expect(rules.report(digital, org: fuyang, by: plan.commission, as: .admin)?.kind == .forbidden)
  }

  @Test("Who reviews: the owning bureau, never its own figures; the commission also the bureaus' city figures")
  func review() {
    #expect(rules.review(digital, org: fuyang, by: econ, as: .bureau) == nil)
    #expect(rules.review(money, org: fuyang, by: econ, as: .bureau)?.rule == .review)
    #expect(rules.review(digital, org: econ, by: econ, as: .bureau)?.rule == .review)
    #expect(rules.review(digital, org: econ, by: plan.commission, as: .commission) == nil)
    #expect(rules.review(logistics, org: fuyang, by: plan.commission, as: .commission) == nil)
    #expect(rules.review(logistics, org: plan.commission, by: plan.commission, as: .commission) == nil)
    #expect(rules.review(digital, org: fuyang, by: plan.commission, as: .commission)?.rule == .review)
    for role in [Role.district, .admin, .viewer] {
      #expect(rules.review(digital, org: fuyang, by: fuyang, as: role)?.kind == .forbidden)
    }
    let econsShare = rules.reviewable(org: fuyang, by: econ, as: .bureau)
    #expect(!econsShare.isEmpty)
    #expect(econsShare.allSatisfy { plan.indicator($0)?.owner == econ })
    #expect(rules.reviewable(org: econ, by: econ, as: .bureau).isEmpty)
  }

  @Test("Who locks: the commission only")
  func lock() {
    #expect(rules.lock(by: plan.commission, as: .commission) == nil)
    #expect(rules.lock(by: plan.commission, as: .bureau)?.rule == .lock)
    #expect(rules.lock(by: econ, as: .bureau)?.rule == .lock)
    #expect(rules.lock(by: fuyang, as: .district)?.kind == .forbidden)
    #expect(rules.lock(by: fuyang, as: .viewer)?.kind == .forbidden)
  }

  @Test("Transitions of a submission, each status × value × lock")
  func submissionTransitions() {
    let q1 = Period.quarter(1, of: 2024)
    func change(
      _ current: ObservationStatus?, same: Bool = false, as status: ObservationStatus = .submitted,
      locked: Bool = false
    ) -> FigureChange? {
      try? ReviewRules.submission(
        current: current, sameValue: same, as: status, locked: locked, org: fuyang, period: q1
      ).get()
    }
    func rule(
      _ current: ObservationStatus?, same: Bool = false, as status: ObservationStatus = .submitted,
      locked: Bool = false
    ) -> ReviewRefusal.Rule? {
      guard
        case .failure(let refusal) = ReviewRules.submission(
          current: current, sameValue: same, as: status, locked: locked, org: fuyang, period: q1)
      else { return nil }
      return refusal.rule
    }
    #expect(change(nil) == .write(.submitted))
    #expect(change(nil, as: .draft) == .write(.draft))
    #expect(change(nil, as: .approved) == .write(.submitted))
    #expect(change(.draft) == .write(.submitted))
    #expect(change(.draft, same: true) == .promote(.submitted))
    #expect(change(.draft, as: .draft) == .write(.draft))
    #expect(change(.submitted) == .write(.submitted))
    #expect(change(.submitted, same: true) == .unchanged)
    #expect(change(.returned) == .write(.submitted))
    #expect(change(.returned, same: true) == .promote(.submitted))
    #expect(change(.approved, same: true) == .unchanged)
    // A changed approved figure is never written over the approval: it takes a change request.
    #expect(rule(.approved) == .approvedNeedsChangeRequest)
    #expect(ReviewRules.approvedRefusal(org: fuyang, period: q1).kind == .conflict)
    #expect(ReviewRules.approvedRefusal(org: fuyang, period: q1).text.zh.contains("变更申请"))
    #expect(ReviewRules.approvedRefusal(org: fuyang, period: q1).text.en.contains("file a change request"))
    for status in [ObservationStatus.submitted, .returned, .approved] {
      #expect(rule(status, as: .draft) == .draftOverReported)
      #expect(change(status, same: true, as: .draft) == .unchanged)
      #expect(rule(status, locked: true) == .locked)
    }
    #expect(rule(nil, locked: true) == .locked)
    #expect(rule(.draft, same: true, locked: true) == .locked)
    #expect(change(.approved, same: true, locked: true) == .unchanged)
    #expect(ReviewRules.lockedRefusal(org: fuyang, period: q1).kind == .conflict)
    #expect(ReviewRules.lockedRefusal(org: fuyang, period: q1).text.zh.contains("变更申请"))
    #expect(!ReviewRules.lockedRefusal(org: fuyang, period: q1).text.en.contains("not available"))
  }

  @Test("A change request is for approved and locked figures only, with a reason")
  func changeRequestRules() {
    let q1 = Period.quarter(1, of: 2024)
    func refusal(
      _ current: ObservationStatus?, same: Bool = false, locked: Bool = false, reason: String? = "统计局反馈修正"
    ) -> ReviewRefusal.Rule? {
      ReviewRules.changeRequest(
        current: current, sameValue: same, locked: locked, reason: reason, org: fuyang, period: q1)?.rule
    }
    #expect(refusal(.approved) == nil)
    for status in [ObservationStatus?.none, .draft, .submitted, .returned, .approved] {
      #expect(refusal(status, locked: true) == nil)
      #expect(refusal(status, locked: true, reason: nil) == .changeNeedsReason)
      #expect(refusal(status, locked: true, reason: " \n　") == .changeNeedsReason)
    }
    // A draft or returned figure of a locked period sent as it stands is a move: it takes a request too.
    #expect(refusal(.returned, same: true, locked: true) == nil)
    for status in [ObservationStatus?.none, .draft, .submitted, .returned] {
      #expect(refusal(status) == .changeNotNeeded)
    }
    #expect(refusal(.approved, same: true) == .changeNotNeeded)
    #expect(refusal(.approved, same: true, locked: true) == .changeNotNeeded)
    // A submission's rows become requests only with a reason, and never as drafts.
    let approved = ReviewRules.approvedRefusal(org: fuyang, period: q1)
    let locked = ReviewRules.lockedRefusal(org: fuyang, period: q1)
    #expect(ReviewRules.filesChangeRequest(approved, status: .submitted, reason: "修正"))
    #expect(ReviewRules.filesChangeRequest(locked, status: .submitted, reason: "修正"))
    #expect(!ReviewRules.filesChangeRequest(locked, status: .draft, reason: "修正"))
    #expect(!ReviewRules.filesChangeRequest(approved, status: .submitted, reason: "  "))
    #expect(!ReviewRules.filesChangeRequest(approved, status: .submitted, reason: nil))
    let draft = ReviewRules.submission(
      current: .approved, sameValue: false, as: .draft, locked: false, org: fuyang, period: q1)
    if case .failure(let refusal) = draft {
      #expect(!ReviewRules.filesChangeRequest(refusal, status: .submitted, reason: "修正"))
    } else {
      Issue.record("a draft over an approved figure is refused")
    }
    #expect(ReviewRules.rejectNeedsComment(nil)?.rule == .rejectNeedsComment)
    #expect(ReviewRules.rejectNeedsComment(" ")?.kind == .conflict)
    #expect(ReviewRules.rejectNeedsComment("口径无误") == nil)
    #expect(ReviewRules.staleChangeRefusal(id: 3, seen: 2, current: 3).rule == .stale)
    #expect(ReviewRules.staleChangeRefusal(id: 3, seen: 2, current: 3).kind == .conflict)
    #expect(ReviewRules.decidedRefusal(id: 3, state: .accepted).kind == .conflict)
    #expect(ReviewRules.unknownChangeRefusal(id: 3).kind == .notFound)
  }

  @Test("Who decides change requests: the commission only")
  func decideChange() {
    #expect(rules.decideChange(by: plan.commission, as: .commission) == nil)
    #expect(rules.decideChange(by: plan.commission, as: .bureau)?.rule == .changeDecision)
    #expect(rules.decideChange(by: econ, as: .bureau)?.rule == .changeDecision)
    #expect(rules.decideChange(by: econ, as: .commission)?.rule == .actorRole)
    for role in [Role.district, .viewer] {
      #expect(rules.decideChange(by: fuyang, as: role)?.kind == .forbidden)
    }
    #expect(rules.decideChange(by: fuyang, as: .district)?.text.zh.contains("只有市发改委") == true)
  }

  @Test("Transitions of a review: only submitted figures move; a return needs a comment")
  func reviewTransitions() throws {
    let q1 = Period.quarter(1, of: 2024)
    func next(_ current: ObservationStatus, _ decision: ReviewDecision, comment: String? = "请核对", locked: Bool = false)
      -> Result<ObservationStatus?, ReviewRefusal>
    {
      ReviewRules.review(
        current: current, decision: decision, comment: comment, locked: locked, org: fuyang, period: q1)
    }
    #expect(try next(.submitted, .approve).get() == .approved)
    #expect(try next(.submitted, .return).get() == .returned)
    for status in [ObservationStatus.draft, .approved, .returned] {
      #expect(try next(status, .approve).get() == nil)
    }
    #expect(throws: ReviewRefusal.self) { try next(.submitted, .return, comment: nil).get() }
    #expect(throws: ReviewRefusal.self) { try next(.submitted, .approve, locked: true).get() }
    #expect(try next(.approved, .approve, locked: true).get() == nil)
  }
}
