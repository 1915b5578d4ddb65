import Foundation
import ZhibiaoPlan

/// Reading a section's items, the scoring rules they are scored by, and the indicators a bureau
/// owns.
extension SchemeDecoder {
  // MARK: - Items

  func item(_ reader: NodeReader, kind: Org.Kind, taskGrades: [AssessmentTaskGrade]) -> AssessmentItem? {
    guard let mapping = reader.mapping() else { return nil }
    let sectionContext = "the '\(kind.rawValue)' section"
    var indicator: Indicator?
    var id: String?
    var name: LocalizedText?
    if let indicatorReader = mapping.optional("indicator") {
      if let indicatorID: IndicatorID = base.identifier(indicatorReader) {
        id = indicatorID.rawValue
        indicator = plan.indicator(indicatorID)
        if indicator == nil {
          indicatorReader.error(
            "Unknown indicator '\(indicatorID)' in \(sectionContext).",
            hint: Suggestion.hint(for: indicatorID.rawValue, among: plan.indicators.map(\.id.rawValue).sorted()))
        }
      }
      if let idReader = mapping.optional("id") {
        idReader.error("An indicator item is known by its indicator; remove 'id'.")
      }
      name = indicator?.name
      if let nameReader = mapping.optional("name") { name = base.localizedText(nameReader, in: "item '\(id ?? "?")'") }
    } else {
      id = mapping.required("id", in: "an item of \(sectionContext) that is not an indicator")?.string()
      name = base.localizedText(mapping.required("name", in: "item '\(id ?? "?")'"), in: "item '\(id ?? "?")'")
    }
    let context = "item '\(id ?? "?")'"
    let weightReader = mapping.required("weight", in: context)
    let weight = weightReader.flatMap { positive($0, "The weight of \(context)") }
    let headline = mapping.optional("headline").flatMap { bool($0) } ?? false
    var tasks: [TaskID] = []
    if let tasksReader = mapping.optional("tasks"), tasksReader.node.scalar == "all" {
      // Every key task of the plan: each org is graded on those that name it.
      tasks = plan.tasks.map(\.id)
    } else if let tasksReader = mapping.optional("tasks") {
      var positions: [String: SourceLocation] = [:]
      let ids: [TaskID] = base.identifiers(tasksReader, field: "tasks", positions: &positions) ?? []
      let known = plan.tasks.map(\.id.rawValue).sorted()
      for (index, task) in ids.enumerated() where !plan.tasks.contains(where: { $0.id == task }) {
        log.error(
          "Unknown task '\(task)' in \(context).", at: positions["tasks[\(index)]"] ?? tasksReader.location,
          keyPath: tasksReader.keyPath, hint: Suggestion.hint(for: task.rawValue, among: known))
      }
      tasks = ids
    }
    if let indicator {
      if kind == .district, indicator.aggregation == .cityOnly {
        reader.error(
          "The indicator '\(indicator.id)' has only a city figure; \(kind.rawValue)s cannot be scored on it.",
          hint: "score it in the 'bureau' section, where the owner is assessed on the city figure")
      }
      if !indicator.isTarget {
        reader.error("The indicator '\(indicator.id)' has no target to be scored against.")
      }
    }
    let rule = self.rule(
      mapping, kind: indicator?.kind ?? (mapping.has("indicator") ? nil : .qualitative),
      extraKeys: AssessmentScheme.itemKeys,
      context: context, taskGrades: taskGrades)
    if !tasks.isEmpty, let rule, rule.id != GradedScoring.description.id, let tasksReader = mapping.optional("tasks") {
      tasksReader.error("Only a graded item lists 'tasks'; \(context) is scored by '\(rule.id)'.")
    }
    guard let id, let name, let weight, let rule else { return nil }
    return AssessmentItem(
      id: id, indicator: indicator?.id, name: name, weight: weight, rule: rule, headline: headline, tasks: tasks,
      location: reader.location)
  }

  /// The rule written in `mapping` (its `rule:` and the rule's own keys), checked against the
  /// indicator `kind` it scores (nil when the indicator is unknown: its kind is not checked).
  func rule(
    _ mapping: MappingReader, kind: Indicator.Kind?, extraKeys: [String], context: String,
    taskGrades: [AssessmentTaskGrade]
  ) -> ScoringRule? {
    let ids = ScoringRule.all.map(\.id)
    var ruleID: String?
    if let ruleReader = mapping.optional("rule"), let text = ruleReader.string() {
      if ids.contains(text) {
        ruleID = text
      } else {
        ruleReader.error(
          "'\(text)' is not a scoring rule; expected one of \(ids.map { "'\($0)'" }.joined(separator: ", ")).",
          hint: Suggestion.hint(for: text, among: ids))
      }
    } else if !mapping.has("rule") {
      ruleID =
        switch kind {
        case .ratio, .growthRate: GapScoring.description.id
        case .qualitative: GradedScoring.description.id
        default: CompletionScoring.description.id
        }
    } else {
      return nil
    }
    guard let ruleID, let description = ScoringRule.all.first(where: { $0.id == ruleID }) else {
      mapping.allowOnly(extraKeys + ScoringRule.all.flatMap { $0.parameters.map(\.key) }, in: context)
      return nil
    }
    mapping.allowOnly(extraKeys + description.parameters.map(\.key), in: context)
    if let kind, !description.kinds.contains(kind) {
      let kinds = description.kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      let fitting = ScoringRule.all.filter { $0.kinds.contains(kind) }.map { "'\($0.id)'" }
      let at = mapping.optional("rule") ?? mapping.reader
      let what = kind == .qualitative ? "qualitative" : "a '\(kind.rawValue)'"
      at.error(
        "The '\(ruleID)' rule scores \(kinds) items; \(context) is \(what).",
        hint: "use \(fitting.joined(separator: " or "))")
      return nil
    }
    switch ruleID {
    case CompletionScoring.description.id:
      var rule = CompletionScoring()
      if let reader = mapping.optional("cap"), let cap = reader.assessmentNumber() {
        if cap < 1 {
          reader.error("The cap of \(context) must be at least 1, so that meeting the target earns full points.")
        }
        rule.cap = cap
      }
      if let reader = mapping.optional("floor"), let floor = reader.assessmentNumber() {
        if floor <= 0 || floor >= 1 { reader.error("The floor of \(context) must lie between 0 and 1.") }
        rule.floor = floor
      }
      return .completion(rule)
    case GapScoring.description.id:
      guard let perPointReader = mapping.required("per_point", in: "\(context) (rule 'gap')"),
        let perPoint = positive(perPointReader, "'per_point' of \(context)")
      else { return nil }
      var rule = GapScoring(perPoint: perPoint)
      if let reader = mapping.optional("per_point_above"), let value = reader.assessmentNumber() {
        if value < 0 { reader.error("'per_point_above' of \(context) cannot be negative.") }
        rule.perPointAbove = value
      }
      if let reader = mapping.optional("cap"), let cap = reader.assessmentNumber() {
        if cap < 1 {
          reader.error("The cap of \(context) must be at least 1, so that meeting the target earns full points.")
        }
        rule.cap = cap
      }
      return .gap(rule)
    case PiecewiseScoring.description.id:
      guard let perPointReader = mapping.required("per_point", in: "\(context) (rule 'piecewise')"),
        let perPoint = positive(perPointReader, "'per_point' of \(context)")
      else { return nil }
      var rule = PiecewiseScoring(perPoint: perPoint)
      if let reader = mapping.optional("max_above"), let value = reader.assessmentNumber() {
        if value < 0 { reader.error("'max_above' of \(context) cannot be negative.") }
        rule.maxAbove = value
      }
      if let reader = mapping.optional("max_below") {
        rule.maxBelow = positive(reader, "'max_below' of \(context)")
      }
      return .piecewise(rule)
    default:
      return .graded(GradedScoring(highest: taskGrades.map(\.value).max() ?? 1))
    }
  }

  // MARK: - Owned indicators

  func owned(_ reader: NodeReader, taskGrades: [AssessmentTaskGrade]) -> AssessmentOwnedIndicators? {
    guard let mapping = reader.mapping() else { return nil }
    let context = "'owned' of the 'bureau' section"
    mapping.allowOnly(AssessmentScheme.ownedKeys, in: context)
    let points = mapping.required("points", in: context).flatMap { positive($0, "The points of \(context)") }
    var rules: [Indicator.Kind: ScoringRule] = [:]
    let rulesReader = mapping.required("rules", in: context)
    if let byKind = rulesReader?.mapping() {
      byKind.allowOnly(Indicator.Kind.allCases.map(\.rawValue), in: "'owned.rules'")
      for entry in byKind.entries {
        guard let kind = Indicator.Kind(rawValue: entry.key) else { continue }
        let entryReader = NodeReader(entry.value, keyPath: "\(byKind.reader.keyPath).\(entry.key)", log: log)
        guard let ruleMapping = entryReader.mapping() else { continue }
        if let rule = rule(
          ruleMapping, kind: kind, extraKeys: ["rule"], context: "the rule for '\(kind.rawValue)' indicators",
          taskGrades: taskGrades)
        {
          rules[kind] = rule
        }
      }
    }
    var exclude: [IndicatorID] = []
    if let excludeReader = mapping.optional("exclude") {
      var positions: [String: SourceLocation] = [:]
      exclude = base.identifiers(excludeReader, field: "exclude", positions: &positions) ?? []
      for (index, id) in exclude.enumerated() where plan.indicator(id) == nil {
        log.error(
          "Unknown indicator '\(id)' in \(context).", at: positions["exclude[\(index)]"] ?? excludeReader.location,
          keyPath: excludeReader.keyPath,
          hint: Suggestion.hint(for: id.rawValue, among: plan.indicators.map(\.id.rawValue).sorted()))
      }
    }
    guard let points else { return nil }
    let owned = AssessmentOwnedIndicators(points: points, rules: rules, exclude: exclude)
    if let rulesReader, rulesReader.node.scalar == nil {
      var reported: Set<Indicator.Kind> = []
      for bureau in plan.orgs where bureau.kind == .bureau {
        for indicator in owned.indicators(of: bureau.id, in: plan)
        where rules[indicator.kind] == nil && !reported.contains(indicator.kind) {
          reported.insert(indicator.kind)
          rulesReader.error(
            "The bureau '\(bureau.id)' owns '\(indicator.id)' (\(indicator.kind.rawValue)), but 'owned.rules' "
              + "gives no rule for '\(indicator.kind.rawValue)'.",
            hint: "add a rule for '\(indicator.kind.rawValue)' or list the indicator under 'exclude'")
        }
      }
    }
    return owned
  }
}
