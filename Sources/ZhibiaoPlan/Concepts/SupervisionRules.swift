/// What the commission sets for supervision notices (督办单) (`plan.yaml`, key `supervision:`):
/// the levels of notice, least severe first, what raises each, how many days the addressee has to
/// answer with a written remedy (整改措施), and whether an unanswered notice escalates.
///
/// A level is raised by one trigger: a late submission (a figure not in by its period's due day),
/// or a red light for a number of consecutive monitored periods. Escalation moves a notice left
/// unanswered past its deadline to the next level in the list, with that level's days to answer.
public struct SupervisionRules: Hashable, Sendable {
  /// What raises a notice of a level.
  public enum Trigger: Hashable, Sendable {
    /// A figure not reported by its period's due day (`monitoring: due_days`).
    case lateSubmission
    /// A red light for this many consecutive monitored periods.
    case consecutiveRed(Int)
  }

  /// A level of notice: 蓝色提醒, 黄色督办, 红色督办.
  public struct Level: Hashable, Sendable {
    /// The level's id, e.g. `yellow`.
    public var id: String
    /// Its name, e.g. 黄色督办 / yellow supervision notice.
    public var name: LocalizedText
    /// What raises it; nil for a level reached only by escalation.
    public var trigger: Trigger?
    /// Days the addressee has to answer, from the day the notice is raised (or returned).
    public var answerDays: Int

    /// Creates a level.
    public init(id: String, name: LocalizedText, trigger: Trigger?, answerDays: Int) {
      self.id = id
      self.name = name
      self.trigger = trigger
      self.answerDays = answerDays
    }
  }

  /// The levels, least severe first.
  public var levels: [Level]
  /// Whether a notice left unanswered past its deadline moves up one level.
  public var escalates: Bool

  /// Rules with `levels`; no levels means no notices.
  public init(levels: [Level] = [], escalates: Bool = true) {
    self.levels = levels
    self.escalates = escalates
  }

  /// The level with `id`.
  public func level(_ id: String) -> Level? { levels.first { $0.id == id } }

  /// The position of the level `id`, least severe first.
  public func rank(of id: String) -> Int? { levels.firstIndex { $0.id == id } }
}
