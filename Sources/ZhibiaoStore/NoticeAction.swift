import Foundation
import ZhibiaoKernel

/// What someone did about a supervision notice (督办单), as the store keeps it: the addressee's
/// answer (a written remedy, 整改措施, with its evidence) or the commission's decision (accept,
/// return with a comment, close). Notices themselves are derived (`Supervision`); only these are
/// stored, numbered per notice from 1, never changed.
public struct NoticeAction: Hashable, Sendable {
  /// The plan.
  public var plan: PlanID
  /// The notice.
  public var notice: NoticeID
  /// Its number among the notice's actions, from 1: the notice's version after it.
  public var number: Int
  /// What was done.
  public var kind: NoticeActivity.Kind
  /// The remedy of an answer, or the commission's comment.
  public var text: String?
  /// An answer's evidence: a document number, a link, an attached file's name.
  public var evidence: String?
  /// Who acted, in which role, the signed-in account (nil from the command line) and when.
  public var actor: OrgID
  public var role: Role
  public var user: String?
  public var time: Date
  /// The file or form it came from.
  public var source: String

  /// Creates an action as the store holds it.
  public init(
    plan: PlanID, notice: NoticeID, number: Int, kind: NoticeActivity.Kind, text: String?, evidence: String? = nil,
    actor: OrgID, role: Role, user: String? = nil, time: Date, source: String
  ) {
    self.plan = plan
    self.notice = notice
    self.number = number
    self.kind = kind
    self.text = text
    self.evidence = evidence
    self.actor = actor
    self.role = role
    self.user = user
    self.time = time
    self.source = source
  }

  /// The action as the derivation reads it.
  public var activity: NoticeActivity { NoticeActivity(notice: notice, kind: kind, time: time) }

  /// The audit log's action for it.
  public var auditAction: AuditAction {
    switch kind {
    case .answer: .noticeAnswer
    case .accept: .noticeAccept
    case .return: .noticeReturn
    case .close: .noticeClose
    }
  }
}

/// An answer or decision to record: the action less its number, with the notice's version the
/// actor saw (the number of its last action, 0 for none). Recording it after someone else acted
/// on the notice is a stale request, refused as a conflict.
public struct NoticeActionFiling: Sendable {
  /// The action; its `number` is given by the store.
  public var action: NoticeAction
  /// The notice's version the actor saw.
  public var seenVersion: Int

  /// Creates a filing.
  public init(
    plan: PlanID, notice: NoticeID, kind: NoticeActivity.Kind, text: String?, evidence: String? = nil,
    seenVersion: Int, actor: OrgID, role: Role, user: String? = nil, time: Date, source: String
  ) {
    action = NoticeAction(
      plan: plan, notice: notice, number: seenVersion + 1, kind: kind, text: text, evidence: evidence, actor: actor,
      role: role, user: user, time: time, source: source)
    self.seenVersion = seenVersion
  }

  /// Refuses the filing against the notice's stored actions (oldest first): a stale version, an
  /// answer while one waits for the commission or after the notice was accepted or closed, an
  /// acceptance or return without an answer waiting, a return without a comment, an answer with
  /// no text, an action after the notice was closed.
  public func refusal(after actions: [NoticeAction]) -> ReviewRefusal? {
    let id = action.notice
    let current = actions.last?.number ?? 0
    if current != seenVersion {
      return ReviewRefusal(
        .conflict, .stale, zh: "督办单 \(id) 在您查看之后已有新的办理记录（您看到的是第 \(seenVersion) 版，现为第 \(current) 版）；请刷新后重试。",
        en:
          "Notice \(id) has been acted on since you saw it (you saw version \(seenVersion); it is now \(current)); reload it and try again."
      )
    }
    let last = actions.last?.kind
    if last == .accept || last == .close {
      return ReviewRefusal(
        .conflict, .noticeState, zh: "督办单 \(id) 已办结，不能再办理。", en: "Notice \(id) is closed already.")
    }
    switch action.kind {
    case .answer:
      if (action.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        return ReviewRefusal(
          .conflict, .noticeState, zh: "督办单 \(id) 的答复须写明整改措施。", en: "An answer to notice \(id) must state the remedy.")
      }
      if last == .answer {
        return ReviewRefusal(
          .conflict, .noticeState, zh: "督办单 \(id) 已答复，正待市发改委审核。",
          en: "Notice \(id) has been answered and waits for the commission.")
      }
    case .accept, .return:
      if last != .answer {
        return ReviewRefusal(
          .conflict, .noticeState, zh: "督办单 \(id) 没有待审核的答复。", en: "Notice \(id) has no answer waiting for a decision.")
      }
      if action.kind == .return, (action.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
        return ReviewRefusal(
          .conflict, .returnNeedsComment, zh: "退回督办单 \(id) 的答复须附意见。",
          en: "Returning the answer to notice \(id) needs a comment.")
      }
    case .close: break
    }
    return nil
  }
}

extension ReviewRules {
  /// Whether `actor` in `role` may answer notice `id`: its addressee only, as a district or a bureau.
  public func answerNotice(_ id: NoticeID, by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    guard actor == id.org, role == .district || role == .bureau || (role == .commission && id.org == actor) else {
      return ReviewRefusal(
        .forbidden, .noticeAnswer, zh: "督办单 \(id) 只能由 \(name(id.org).zh) 答复，\(name(actor).zh) 不能答复。",
        en: "Only \(name(id.org).en) answers notice \(id), not \(name(actor).en).")
    }
    return nil
  }

  /// Whether `actor` in `role` may accept, return or close a notice: the commission only.
  public func decideNotice(by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    guard role == .commission else {
      return ReviewRefusal(
        .forbidden, .noticeDecision, zh: "只有\(name(plan.commission).zh)可以审核、退回或销号督办单。",
        en: "Only \(name(plan.commission).en) accepts, returns or closes a notice.")
    }
    return nil
  }
}

extension NoticeActionFiling {
  /// The actions `filings` record, numbered on from `stored` (each notice's actions, oldest
  /// first) and from the filings before them; the first refusal refuses them all, with the
  /// filing's position (from 1) as its row.
  public static func actions(_ filings: [NoticeActionFiling], after stored: [NoticeAction]) throws -> [NoticeAction] {
    var history = Dictionary(grouping: stored, by: \.notice)
    var actions: [NoticeAction] = []
    for (index, filing) in filings.enumerated() {
      let before = history[filing.action.notice] ?? []
      if let refusal = filing.refusal(after: before) { throw StoreError.refused(refusal, rows: [index + 1]) }
      var action = filing.action
      action.number = (before.last?.number ?? 0) + 1
      history[action.notice, default: []].append(action)
      actions.append(action)
    }
    return actions
  }
}
