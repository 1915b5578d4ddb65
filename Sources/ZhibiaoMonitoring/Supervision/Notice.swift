import Foundation
import ZhibiaoPlan

/// A supervision notice (督办单) as derived from the plan's rules, the monitoring history and what
/// people did about it: addressed to the responsible org, raised at a level, with a deadline for a
/// written remedy (整改措施), escalated while unanswered, closed when the light recovers or the
/// commission accepts the remedy.
public struct Notice: Hashable, Sendable {
  /// Where a notice is in its life.
  public enum State: String, Hashable, Sendable, CaseIterable, Codable {
    /// Waiting for the addressee's answer; the deadline has not passed.
    case open
    /// The commission returned the answer; a new one is due by the new deadline.
    case returned
    /// Answered; waiting for the commission.
    case answered
    /// Unanswered past its deadline, at the highest level it can reach.
    case overdue
    /// Closed: accepted, closed by the commission, recovered, or taken over by a higher notice.
    case closed

    /// The state in words.
    public var name: LocalizedText {
      switch self {
      case .open: LocalizedText(zh: "待答复", en: "awaiting answer")
      case .returned: LocalizedText(zh: "已退回", en: "returned")
      case .answered: LocalizedText(zh: "已答复待审", en: "answered")
      case .overdue: LocalizedText(zh: "逾期未答复", en: "overdue")
      case .closed: LocalizedText(zh: "已办结", en: "closed")
      }
    }
  }

  /// Why a notice is closed.
  public enum Closure: Hashable, Sendable {
    /// The commission accepted the remedy.
    case accepted(Date)
    /// The commission closed it.
    case closed(Date)
    /// The light recovered (or the late figures came in) by `period`, or as of the day derived.
    case recovered(Period?)
    /// A notice of a higher level was raised on the same run of red lights.
    case superseded(NoticeID)

    /// The closure in words.
    public var name: LocalizedText {
      switch self {
      case .accepted: LocalizedText(zh: "整改措施已采纳", en: "remedy accepted")
      case .closed: LocalizedText(zh: "委办销号", en: "closed by the commission")
      case .recovered(let period?):
        LocalizedText(zh: "\(period.zh)灯色恢复", en: "light recovered at \(period)")
      case .recovered(nil): LocalizedText(zh: "已补报", en: "figures received")
      case .superseded(let id):
        LocalizedText(zh: "已升级为 \(id.level) 督办", en: "superseded by the \(id.level) notice")
      }
    }
  }

  /// A move up one level, after a deadline missed.
  public struct Escalation: Hashable, Sendable {
    /// The level reached.
    public var level: String
    /// When: the deadline missed.
    public var at: Date

    /// Creates an escalation.
    public init(level: String, at: Date) {
      self.level = level
      self.at = at
    }
  }

  /// The stable identity.
  public var id: NoticeID
  /// The level now (the raising level, or higher after escalations).
  public var level: String
  /// When it was raised: the first instant after its period's due day.
  public var raisedAt: Date
  /// The deadline now: the first instant at which an answer is late.
  public var deadline: Date
  /// What raised it, in a sentence.
  public var reason: LocalizedText
  /// The periods of the red run (a red-light notice), or the period late (a late submission).
  public var periods: [Period]
  /// The indicators whose figures were late (a late submission); empty otherwise.
  public var lateIndicators: [IndicatorID]
  /// The state as of the day derived.
  public var state: Notice.State
  /// Why it is closed; nil while it is not.
  public var closure: Closure?
  /// Every escalation, oldest first.
  public var escalations: [Escalation]
  /// How many deadlines passed with no answer.
  public var missedDeadlines: Int
  /// Whether a deadline passed with no answer since the notice was raised or its answer returned.
  public var waitsPastDeadline = false

  /// The addressee.
  public var org: OrgID { id.org }
  /// Whether the notice waits for an answer past a deadline it missed (since it was raised or its
  /// answer returned): what the assessment deducts for.
  public var isUnanswered: Bool {
    waitsPastDeadline && (state == .open || state == .returned || state == .overdue)
  }
  /// Whether it is still to be dealt with.
  public var isOpen: Bool { state != .closed }
}
