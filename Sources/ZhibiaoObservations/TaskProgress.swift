import ZhibiaoPlan

/// One org's progress report on one key task for one quarter (重点任务进展): where the task
/// stands, how far along it is where a share fits, in a few words, with the evidence that shows
/// it (a document number, a link, or an attached file's name).
public struct TaskProgress: Hashable, Sendable {
  /// Where a task stands, as the org reports it.
  public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
    /// 未启动: not started.
    case notStarted = "not_started"
    /// 推进中: under way.
    case inProgress = "in_progress"
    /// 已完成: done.
    case completed
    /// 滞后: behind its schedule.
    case lagging

    /// The name in both languages.
    public var name: LocalizedText {
      switch self {
      case .notStarted: LocalizedText(zh: "未启动", en: "not started")
      case .inProgress: LocalizedText(zh: "推进中", en: "in progress")
      case .completed: LocalizedText(zh: "已完成", en: "completed")
      case .lagging: LocalizedText(zh: "滞后", en: "lagging")
      }
    }

    /// The status written as `text`: its id (`in_progress`) or its Chinese name (`推进中`).
    public init?(text: String) {
      guard let status = Self.allCases.first(where: { $0.rawValue == text || $0.name.zh == text }) else {
        return nil
      }
      self = status
    }
  }

  /// The longest text a report may have, in characters: a few sentences, not a document.
  public static let maximumText = 500

  /// The task.
  public var task: TaskID
  /// The org reporting: the task's lead or one of its co-operating orgs.
  public var org: OrgID
  /// The quarter reported on.
  public var period: Period
  /// Where the task stands.
  public var status: Status
  /// How far along, in whole percent (0–100), where a share fits.
  public var progress: Int?
  /// What was done, in a few words.
  public var text: String
  /// A document number, a link or a file's name, if any.
  public var evidence: String?

  /// Creates a report.
  public init(
    task: TaskID, org: OrgID, period: Period, status: Status, progress: Int? = nil, text: String,
    evidence: String? = nil
  ) {
    self.task = task
    self.org = org
    self.period = period
    self.status = status
    self.progress = progress
    self.text = text
    self.evidence = evidence
  }

  /// Whether the reported content equals `other`'s (the key aside).
  public func sameContent(as other: TaskProgress) -> Bool {
    status == other.status && progress == other.progress && text == other.text && evidence == other.evidence
  }
}
