import Foundation

/// What people did about a notice, as the derivation reads it: the addressee answered with a
/// remedy, or the commission accepted it, returned it, or closed the notice. The store keeps the
/// texts, evidence and who acted; the derivation needs only what and when.
public struct NoticeActivity: Hashable, Sendable {
  /// What was done.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
    /// The addressee answered with a written remedy (整改措施).
    case answer
    /// The commission accepted the remedy: the notice is closed.
    case accept
    /// The commission returned the remedy with a comment: a new answer is due.
    case `return`
    /// The commission closed the notice (the light has recovered, or for another stated reason).
    case close
  }

  /// The notice.
  public var notice: NoticeID
  /// What was done.
  public var kind: Kind
  /// When.
  public var time: Date

  /// Creates an activity.
  public init(notice: NoticeID, kind: Kind, time: Date) {
    self.notice = notice
    self.kind = kind
    self.time = time
  }
}
