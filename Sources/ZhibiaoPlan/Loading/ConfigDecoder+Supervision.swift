import Foundation

extension ConfigDecoder {
  static let supervisionKeys = ["escalation", "levels"]
  static let supervisionLevelKeys = ["id", "name", "trigger", "quarters", "answer_days"]

  /// How an unanswered notice escalates (`escalation:`).
  enum SupervisionEscalation: String, CaseIterable {
    /// One level up after each deadline missed.
    case oneLevel = "one_level"
    /// Never: the notice stays at its level, overdue.
    case none
  }

  /// What raises a level (`trigger:`).
  enum SupervisionTrigger: String, CaseIterable {
    case lateSubmission = "late_submission"
    case consecutiveRed = "consecutive_red"
  }

  /// `plan.yaml`'s `supervision:` rules: the levels of notice, least severe first, their
  /// triggers and days to answer, and the escalation of an unanswered notice.
  func supervisionRules(_ reader: NodeReader) -> SupervisionRules {
    var rules = SupervisionRules()
    guard let mapping = reader.mapping() else { return rules }
    mapping.allowOnly(Self.supervisionKeys, in: "'supervision'")
    if let escalation = mapping.optional("escalation")?.oneOf(SupervisionEscalation.self) {
      rules.escalates = escalation == .oneLevel
    }
    guard let levelsReader = mapping.required("levels", in: "'supervision'"), let items = levelsReader.sequence()
    else { return rules }
    if items.isEmpty { levelsReader.error("'supervision' lists no levels; omit 'supervision' for no notices.") }
    var redQuarters: [(quarters: Int, reader: NodeReader)] = []
    var lateLevels = 0
    for item in items {
      guard let level = supervisionLevel(item) else { continue }
      if rules.levels.contains(where: { $0.id == level.id }) {
        item.error("The supervision level '\(level.id)' is defined twice.")
        continue
      }
      switch level.trigger {
      case .consecutiveRed(let quarters)?:
        if let last = redQuarters.last, quarters <= last.quarters {
          item.error(
            "The supervision level '\(level.id)' is raised after \(quarters) red quarters, not more than the "
              + "level before it (\(last.quarters)); levels are listed least severe first.",
            hint: "list the levels in order of severity, each asking for more consecutive red quarters")
        }
        redQuarters.append((quarters, item))
      case .lateSubmission?:
        lateLevels += 1
        if lateLevels > 1 { item.error("Only one supervision level can be raised by a late submission.") }
      case nil: break
      }
      rules.levels.append(level)
    }
    return rules
  }

  /// One level of `supervision: levels`.
  func supervisionLevel(_ reader: NodeReader) -> SupervisionRules.Level? {
    guard let mapping = reader.mapping() else { return nil }
    let idReader = mapping.required("id", in: "a supervision level")
    let id = idReader?.string()
    let context = "supervision level '\(id ?? "?")'"
    mapping.allowOnly(Self.supervisionLevelKeys, in: context)
    if let id, let idReader, !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) {
      idReader.error(
        "The id '\(id)' of a supervision level is not well formed.", hint: "use lower-case letters, e.g. 'yellow'")
    }
    let name = localizedText(mapping.required("name", in: context), in: context)
    let daysReader = mapping.required("answer_days", in: context)
    let days = daysReader?.int()
    if let days, let daysReader, days < 1 {
      daysReader.error("'answer_days' of \(context) must be at least 1.")
    }
    var trigger: SupervisionRules.Trigger?
    let quartersReader = mapping.optional("quarters")
    switch mapping.optional("trigger")?.oneOf(SupervisionTrigger.self) {
    case .lateSubmission?:
      trigger = .lateSubmission
      quartersReader?.error("'quarters' of \(context) counts red quarters; a late submission has none.")
    case .consecutiveRed?:
      guard let quartersReader else {
        reader.error("The \(context) is raised by consecutive red quarters but does not say how many ('quarters').")
        return nil
      }
      guard let quarters = quartersReader.int() else { return nil }
      if quarters < 1 {
        quartersReader.error("'quarters' of \(context) must be at least 1.")
        return nil
      }
      trigger = .consecutiveRed(quarters)
    case nil:
      if mapping.has("trigger") { return nil }
      quartersReader?.error("'quarters' of \(context) needs 'trigger: consecutive_red'.")
    }
    guard let id, let name, let days, days >= 1 else { return nil }
    return SupervisionRules.Level(id: id, name: name, trigger: trigger, answerDays: days)
  }
}
