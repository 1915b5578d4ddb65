import Foundation
import ZhibiaoPlan

/// Which supervision notices exist, and where each stands: derived, deterministically, from the
/// plan's rules (`supervision:`), the monitoring history and what people did. Only the answers
/// and the commission's decisions are stored; a notice, its level, its deadline and its escalation
/// are computed again whenever they are read.
///
/// - A figure not in by its period's due day raises the late-submission level for the org and
///   period (one notice covering every late figure), at the first instant after the due day. It
///   recovers once every one of those figures is in.
/// - A red light for n consecutive monitored periods of a row (grey periods, without a figure,
///   neither count nor break the run) raises the level asking for n red periods, at the first
///   instant after the n-th period's due day. A higher level raised on the same run takes over
///   the lower notice; a green or yellow light ends the run and recovers its notices.
/// - The addressee has the level's `answer_days` from the raising (or from a return) to answer.
///   A deadline passed with no answer pending moves the notice up one level, with that level's
///   days to answer from the deadline missed, when the rules escalate; at the highest level it
///   stays overdue.
/// - The commission accepts or returns an answer, or closes the notice.
public enum Supervision {
  /// The notices as of `asOf`, ordered by id: raised from `tracks` (periods whose due day has
  /// passed by `asOf`) under `rules`, with `activity` up to `asOf` applied.
  public static func notices(
    rules: SupervisionRules, settings: MonitoringSettings, tracks: [SupervisionTrack], activity: [NoticeActivity],
    asOf: Date
  ) -> [Notice] {
    guard !rules.levels.isEmpty else { return [] }
    var dues = DueInstants(settings: settings)
    let raised =
      lateNotices(rules: rules, settings: settings, tracks: tracks, asOf: asOf, dues: &dues)
      + redNotices(rules: rules, settings: settings, tracks: tracks, asOf: asOf, dues: &dues)
    let byNotice = Dictionary(grouping: activity.filter { $0.time <= asOf }, by: \.notice)
    return raised.sorted { $0.notice.id < $1.notice.id }.map { draft in
      let events = (byNotice[draft.notice.id] ?? []).sorted { $0.time < $1.time }
      return draft.settled(events: events, rules: rules, asOf: asOf)
    }
  }

  /// A notice raised, before what people did is applied.
  struct Draft {
    var notice: Notice
    /// The level that raised it, by position.
    var start: Int
    /// The notice that took it over, and when.
    var supersededBy: (id: NoticeID, at: Date)?
    /// The period its light recovered at, or nil-in-optional for late figures now in.
    var recovered: Period??

    /// The notice with `events` applied up to `asOf` (or up to its takeover).
    func settled(events: [NoticeActivity], rules: SupervisionRules, asOf: Date) -> Notice {
      let end = supersededBy.map { min($0.at, asOf) } ?? asOf
      var life = NoticeLife(rules: rules, level: start, raisedAt: notice.raisedAt)
      for event in events where event.time <= end {
        life.apply(event)
        if life.closure != nil { break }
      }
      life.pass(until: end)
      var result = notice
      result.level = rules.levels[life.level].id
      result.deadline = life.deadline
      result.escalations = life.escalations
      result.missedDeadlines = life.missed
      result.waitsPastDeadline = life.missedSinceReturn > 0
      if let closure = life.closure {
        result.closure = closure
      } else if let superseded = supersededBy, superseded.at <= asOf {
        result.closure = .superseded(superseded.id)
      } else if let recovered {
        result.closure = .recovered(recovered)
      }
      result.state = result.closure != nil ? .closed : life.state(at: end)
      return result
    }
  }

  /// One late-submission notice per org and period with a late figure.
  static func lateNotices(
    rules: SupervisionRules, settings: MonitoringSettings, tracks: [SupervisionTrack], asOf: Date,
    dues: inout DueInstants
  ) -> [Draft] {
    guard let start = rules.levels.firstIndex(where: { $0.trigger == .lateSubmission }) else { return [] }
    struct Key: Hashable {
      var org: OrgID
      var period: Period
    }
    var late: [Key: (indicators: [IndicatorID], missing: Bool)] = [:]
    for track in tracks {
      for entry in track.entries where entry.late && dues(entry.period) <= asOf {
        let key = Key(org: track.org, period: entry.period)
        late[key, default: ([], false)].indicators.append(track.indicator)
        if entry.missing { late[key]?.missing = true }
      }
    }
    let level = rules.levels[start]
    return late.map { key, value in
      let raisedAt = dues(key.period)
      let dueDay = settings.dueDay(for: key.period)
      let count = value.indicators.count
      let notice = Notice(
        id: NoticeID(level: level.id, org: key.org, period: key.period, indicator: nil), level: level.id,
        raisedAt: raisedAt, deadline: raisedAt,
        reason: LocalizedText(
          zh: "\(key.period.zh)数据未按期报送（截止 \(dueDay)）：\(count) 项",
          en: "\(key.period) figures not reported by the due day (\(dueDay)): \(count)"),
        periods: [key.period], lateIndicators: value.indicators.sorted(), state: .open, closure: nil,
        escalations: [], missedDeadlines: 0)
      return Draft(notice: notice, start: start, supersededBy: nil, recovered: value.missing ? nil : .some(nil))
    }
  }

  /// The notices of each row's runs of red lights.
  static func redNotices(
    rules: SupervisionRules, settings: MonitoringSettings, tracks: [SupervisionTrack], asOf: Date,
    dues: inout DueInstants
  ) -> [Draft] {
    let redLevels = rules.levels.indices.compactMap { index -> (index: Int, quarters: Int)? in
      if case .consecutiveRed(let quarters)? = rules.levels[index].trigger { return (index, quarters) }
      return nil
    }
    guard !redLevels.isEmpty else { return [] }
    var drafts: [Draft] = []
    for track in tracks {
      var run: [Period] = []
      var runDrafts: [Int] = []
      for entry in track.entries {
        let due = dues(entry.period)
        guard due <= asOf else { break }
        switch entry.light {
        case .grey: continue
        case .red:
          run.append(entry.period)
          for red in redLevels where red.quarters == run.count {
            let level = rules.levels[red.index]
            let id = NoticeID(level: level.id, org: track.org, period: entry.period, indicator: track.indicator)
            for earlier in runDrafts where drafts[earlier].supersededBy == nil {
              drafts[earlier].supersededBy = (id, due)
            }
            let (first, last) = (run[0], entry.period)
            drafts.append(
              Draft(
                notice: Notice(
                  id: id, level: level.id, raisedAt: due, deadline: due,
                  reason: LocalizedText(
                    zh: "连续 \(run.count) 个监测期红灯（\(first.zh)至\(last.zh)）",
                    en: "red for \(run.count) consecutive periods (\(first)–\(last))"),
                  periods: run, lateIndicators: [], state: .open, closure: nil, escalations: [], missedDeadlines: 0),
                start: red.index, supersededBy: nil, recovered: nil))
            runDrafts.append(drafts.count - 1)
          }
        case .green, .yellow:
          for index in runDrafts { drafts[index].recovered = .some(entry.period) }
          run = []
          runDrafts = []
        }
      }
    }
    return drafts
  }
}

/// A notice's course through its deadlines, answers and decisions.
struct NoticeLife {
  let rules: SupervisionRules
  var level: Int
  var deadline: Date
  var escalations: [Notice.Escalation] = []
  var missed = 0
  /// Deadlines missed since the notice was raised or its answer returned.
  var missedSinceReturn = 0
  /// An answer waits for the commission.
  var pending = false
  /// The last decision was a return.
  var returned = false
  var closure: Notice.Closure?
  /// The deadline last counted as missed, so that one at the highest level counts once.
  private var lastMissed: Date?

  init(rules: SupervisionRules, level: Int, raisedAt: Date) {
    self.rules = rules
    self.level = level
    self.deadline = Self.after(raisedAt, days: rules.levels[level].answerDays)
  }

  static func after(_ time: Date, days: Int) -> Date { time.addingTimeInterval(Double(days) * 86_400) }

  /// Counts the deadlines that pass by `time` with no answer pending, escalating at each.
  mutating func pass(until time: Date) {
    while !pending, closure == nil, deadline <= time, lastMissed != deadline {
      missed += 1
      missedSinceReturn += 1
      lastMissed = deadline
      guard rules.escalates, level + 1 < rules.levels.count else { return }
      level += 1
      returned = false
      escalations.append(Notice.Escalation(level: rules.levels[level].id, at: deadline))
      deadline = Self.after(deadline, days: rules.levels[level].answerDays)
    }
  }

  /// Applies what someone did at its time.
  mutating func apply(_ event: NoticeActivity) {
    pass(until: event.time)
    switch event.kind {
    case .answer:
      pending = true
      returned = false
    case .return:
      pending = false
      returned = true
      lastMissed = nil
      missedSinceReturn = 0
      deadline = Self.after(event.time, days: rules.levels[level].answerDays)
    case .accept: closure = .accepted(event.time)
    case .close: closure = .closed(event.time)
    }
  }

  /// The state at `time`, when not closed.
  func state(at time: Date) -> Notice.State {
    if pending { return .answered }
    if deadline <= time { return .overdue }
    return returned ? .returned : .open
  }
}

/// The due instants of the periods asked for, each worked out once: a notice's rules ask for the
/// same few quarters for every indicator and org, and each answer is a calendar's work.
struct DueInstants {
  let settings: MonitoringSettings
  private var known: [Period: Date] = [:]

  init(settings: MonitoringSettings) {
    self.settings = settings
  }

  /// `settings.dueInstant(for: period)`.
  mutating func callAsFunction(_ period: Period) -> Date {
    if let due = known[period] { return due }
    let due = settings.dueInstant(for: period)
    known[period] = due
    return due
  }
}
