import Foundation

extension AssessmentScheme {
  /// The keys of `assessment.yaml`: the scheme's header, the grade scale of qualitative items,
  /// and one section per kind of org assessed.
  static let fileKeys = ["scheme", "task_grades"] + sectionKinds.map(\.rawValue)
  /// The kinds of org that can have a section; the leading group is not assessed.
  static let sectionKinds: [Org.Kind] = Org.Kind.allCases.filter { $0 != .leadingGroup }
  static let schemeKeys = ["name", "note"]
  static let taskGradeKeys = ["id", "name", "value"]
  static let sectionKeys = ["basic_points", "items", "owned", "bonus", "deduction", "veto", "grades", "tie_break"]
  static let itemKeys = ["indicator", "id", "name", "weight", "rule", "headline", "tasks"]
  static let ownedKeys = ["points", "rules", "exclude"]
  static let adjustmentKeys = ["cap", "categories"]
  static let categoryKeys = ["id", "name", "points", "cap"]
  static let vetoKeys = ["max_grade", "categories"]
  static let gradeKeys = ["id", "name", "from", "to", "quota"]

  /// Reads a scheme from the root of `assessment.yaml` and checks it against `plan`: unknown
  /// indicator, task and org-kind names (with "did you mean"), weights that are not positive
  /// or do not add up to the basic points, rules that do not fit an indicator's kind, grade
  /// bands that leave a gap or do not reach the highest possible total, quotas outside 0…1.
  /// Every problem goes to the reader's log with its position; returns nil when any is an
  /// error.
  public static func decode(_ root: NodeReader, plan: Plan) -> AssessmentScheme? {
    let errorsBefore = root.log.diagnostics.filter { $0.severity == .error }.count
    let scheme = SchemeDecoder(log: root.log, plan: plan).scheme(root)
    let errorsAfter = root.log.diagnostics.filter { $0.severity == .error }.count
    return errorsAfter == errorsBefore ? scheme : nil
  }
}

/// Reads the scheme; every problem is logged and decoding goes on to find the next.
struct SchemeDecoder {
  let log: DiagnosticLog
  let plan: Plan
  var base: ConfigDecoder { ConfigDecoder(log: log) }

  func scheme(_ root: NodeReader) -> AssessmentScheme? {
    guard let mapping = root.mapping() else { return nil }
    mapping.allowOnly(AssessmentScheme.fileKeys, in: "the assessment scheme")
    var name: LocalizedText?
    if let header = mapping.required("scheme", in: "the assessment scheme")?.mapping() {
      header.allowOnly(AssessmentScheme.schemeKeys, in: "'scheme'")
      name = base.localizedText(header.required("name", in: "'scheme'"), in: "the assessment scheme")
      _ = header.optional("note")?.string()
    }
    let grades = mapping.optional("task_grades").map(taskGrades) ?? AssessmentTaskGrade.standard
    var sections: [AssessmentSection] = []
    for kind in AssessmentScheme.sectionKinds {
      guard let reader = mapping.optional(kind.rawValue) else { continue }
      if let section = section(reader, kind: kind, taskGrades: grades) { sections.append(section) }
    }
    if !AssessmentScheme.sectionKinds.contains(where: { mapping.has($0.rawValue) }) {
      root.error(
        "The assessment scheme has no section; add one for each kind of org assessed: "
          + AssessmentScheme.sectionKinds.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ".")
    }
    guard let name else { return nil }
    // Sections in the order written.
    let order = mapping.entries.map(\.key)
    sections.sort {
      (order.firstIndex(of: $0.orgKind.rawValue) ?? 0) < (order.firstIndex(of: $1.orgKind.rawValue) ?? 0)
    }
    return AssessmentScheme(name: name, taskGrades: grades, sections: sections, location: root.location)
  }

  // MARK: - Task grades

  func taskGrades(_ reader: NodeReader) -> [AssessmentTaskGrade] {
    var grades: [AssessmentTaskGrade] = []
    for item in reader.sequence() ?? [] {
      guard let mapping = item.mapping() else { continue }
      let id = mapping.required("id", in: "a task grade")?.string()
      let context = "task grade '\(id ?? "?")'"
      mapping.allowOnly(AssessmentScheme.taskGradeKeys, in: context)
      let name = base.localizedText(mapping.required("name", in: context), in: context)
      let valueReader = mapping.required("value", in: context)
      let value = valueReader?.decimal()
      if let value, let valueReader, value < 0 || value > 1 {
        valueReader.error("The value of \(context) must lie between 0 and 1 (the share of the weight it earns).")
      }
      if let id, grades.contains(where: { $0.id == id }) {
        item.error("The task grade '\(id)' is defined twice.")
      }
      if let id, let name, let value { grades.append(AssessmentTaskGrade(id: id, name: name, value: value)) }
    }
    if reader.sequence()?.isEmpty == true { reader.error("'task_grades' lists no grades.") }
    return grades.isEmpty ? AssessmentTaskGrade.standard : grades
  }

  // MARK: - Sections

  func section(_ reader: NodeReader, kind: Org.Kind, taskGrades: [AssessmentTaskGrade]) -> AssessmentSection? {
    guard let mapping = reader.mapping() else { return nil }
    let context = "the '\(kind.rawValue)' section"
    mapping.allowOnly(AssessmentScheme.sectionKeys, in: context)
    let basicReader = mapping.required("basic_points", in: context)
    let basic = basicReader.flatMap { positive($0, "The basic points of \(context)") }

    var items: [AssessmentItem] = []
    var seen: [String: SourceLocation] = [:]
    // An item that could not be read has been reported; the checks of the whole (weights add
    // up, a headline item exists) would only repeat it.
    var incomplete = false
    for itemReader in mapping.optional("items")?.sequence() ?? [] {
      guard let item = item(itemReader, kind: kind, taskGrades: taskGrades) else {
        incomplete = true
        continue
      }
      if let first = seen[item.id] {
        itemReader.error(
          "The item '\(item.id)' is listed twice in \(context); it was first listed at line \(first.line).")
        continue
      }
      seen[item.id] = item.location
      items.append(item)
    }
    var owned: AssessmentOwnedIndicators?
    if let ownedReader = mapping.optional("owned") {
      if kind == .bureau {
        owned = self.owned(ownedReader, taskGrades: taskGrades)
        incomplete = incomplete || owned == nil
      } else {
        ownedReader.error("Only bureaus own indicators; 'owned' cannot be used in \(context).")
      }
    }
    if !mapping.has("items") && !mapping.has("owned") {
      reader.error("The \(context.dropFirst(4)) lists no items.")
    }
    if let basic, let basicReader, !incomplete {
      let sum = items.reduce(Decimal(0)) { $0 + $1.weight } + (owned?.points ?? 0)
      if sum != basic {
        basicReader.error(
          "The weights of \(context) add up to \(AssessmentText.plain(sum)), not its basic points "
            + "\(AssessmentText.plain(basic)).",
          hint: "make the items' weights\(kind == .bureau ? " and 'owned.points'" : "") add up to 'basic_points'")
      }
    }
    let bonus = mapping.optional("bonus").flatMap { adjustment($0, what: "bonus", context: context) }
    let deduction = mapping.optional("deduction").flatMap { adjustment($0, what: "deduction", context: context) }
    let gradesReader = mapping.required("grades", in: context)
    let grades = gradesReader.map { self.grades($0, context: context) } ?? []
    let veto = mapping.optional("veto").flatMap { self.veto($0, grades: grades, context: context) }
    let tieBreak = self.tieBreak(mapping.optional("tie_break"), items: items, complete: !incomplete, context: context)
    guard let basic else { return nil }
    let section = AssessmentSection(
      orgKind: kind, basicPoints: basic, items: items, owned: owned, bonus: bonus, deduction: deduction, veto: veto,
      grades: grades, tieBreak: tieBreak, location: reader.location)
    if let gradesReader, !grades.isEmpty {
      checkCoverage(grades, maximum: section.maximumTotal, kind: kind, at: gradesReader)
    }
    return section
  }

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
    if let tasksReader = mapping.optional("tasks") {
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
      if let reader = mapping.optional("cap"), let cap = reader.decimal() {
        if cap < 1 {
          reader.error("The cap of \(context) must be at least 1, so that meeting the target earns full points.")
        }
        rule.cap = cap
      }
      if let reader = mapping.optional("floor"), let floor = reader.decimal() {
        if floor <= 0 || floor >= 1 { reader.error("The floor of \(context) must lie between 0 and 1.") }
        rule.floor = floor
      }
      return .completion(rule)
    case GapScoring.description.id:
      guard let perPointReader = mapping.required("per_point", in: "\(context) (rule 'gap')"),
        let perPoint = positive(perPointReader, "'per_point' of \(context)")
      else { return nil }
      var rule = GapScoring(perPoint: perPoint)
      if let reader = mapping.optional("per_point_above"), let value = reader.decimal() {
        if value < 0 { reader.error("'per_point_above' of \(context) cannot be negative.") }
        rule.perPointAbove = value
      }
      if let reader = mapping.optional("cap"), let cap = reader.decimal() {
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
      if let reader = mapping.optional("max_above"), let value = reader.decimal() {
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

  // MARK: - Bonuses, deductions, veto

  func adjustment(_ reader: NodeReader, what: String, context: String) -> AssessmentAdjustmentPolicy? {
    guard let mapping = reader.mapping() else { return nil }
    let policyContext = "'\(what)' of \(context)"
    mapping.allowOnly(AssessmentScheme.adjustmentKeys, in: policyContext)
    let cap = mapping.required("cap", in: policyContext).flatMap { positive($0, "The cap of \(policyContext)") }
    let categories = self.categories(mapping.optional("categories"), withPoints: true, context: policyContext)
    guard let cap else { return nil }
    return AssessmentAdjustmentPolicy(cap: cap, categories: categories)
  }

  func veto(_ reader: NodeReader, grades: [AssessmentGrade], context: String) -> AssessmentVetoPolicy? {
    guard let mapping = reader.mapping() else { return nil }
    let vetoContext = "'veto' of \(context)"
    mapping.allowOnly(AssessmentScheme.vetoKeys, in: vetoContext)
    let gradeReader = mapping.required("max_grade", in: vetoContext)
    let maxGrade = gradeReader?.string()
    if let maxGrade, let gradeReader, !grades.isEmpty {
      if let index = grades.firstIndex(where: { $0.id == maxGrade }) {
        if index == 0 {
          gradeReader.warning("A veto that allows the best grade '\(maxGrade)' has no effect.")
        }
      } else {
        gradeReader.error(
          "Unknown grade '\(maxGrade)' in \(vetoContext).",
          hint: Suggestion.hint(for: maxGrade, among: grades.map(\.id)))
      }
    }
    let categories = self.categories(mapping.optional("categories"), withPoints: false, context: vetoContext)
    guard let maxGrade else { return nil }
    return AssessmentVetoPolicy(maxGrade: maxGrade, categories: categories)
  }

  func categories(_ reader: NodeReader?, withPoints: Bool, context: String) -> [AssessmentEventCategory] {
    var categories: [AssessmentEventCategory] = []
    for item in reader?.sequence() ?? [] {
      guard let mapping = item.mapping() else { continue }
      let id = mapping.required("id", in: "a category of \(context)")?.string()
      let categoryContext = "category '\(id ?? "?")' of \(context)"
      mapping.allowOnly(
        withPoints ? AssessmentScheme.categoryKeys : ["id", "name"], in: categoryContext)
      let name = base.localizedText(mapping.required("name", in: categoryContext), in: categoryContext)
      let points = mapping.optional("points").flatMap { positive($0, "The points of \(categoryContext)") }
      let cap = mapping.optional("cap").flatMap { positive($0, "The cap of \(categoryContext)") }
      if let id, categories.contains(where: { $0.id == id }) {
        item.error("The category '\(id)' is defined twice in \(context).")
      }
      if let id, let name {
        categories.append(AssessmentEventCategory(id: id, name: name, points: points, cap: cap))
      }
    }
    return categories
  }

  // MARK: - Grades, quotas, ties

  func grades(_ reader: NodeReader, context: String) -> [AssessmentGrade] {
    var grades: [AssessmentGrade] = []
    var readers: [NodeReader] = []
    for item in reader.sequence() ?? [] {
      guard let mapping = item.mapping() else { continue }
      let id = mapping.required("id", in: "a grade of \(context)")?.string()
      let gradeContext = "grade '\(id ?? "?")' of \(context)"
      mapping.allowOnly(AssessmentScheme.gradeKeys, in: gradeContext)
      let name = base.localizedText(mapping.required("name", in: gradeContext), in: gradeContext)
      let fromReader = mapping.required("from", in: gradeContext)
      let from = fromReader?.decimal()
      if let from, let fromReader, from < 0 { fromReader.error("The grade '\(id ?? "?")' cannot start below 0.") }
      let toReader = mapping.optional("to")
      let to = toReader?.decimal()
      if let from, let to, let toReader, to <= from {
        toReader.error(
          "The grade '\(id ?? "?")' ends at \(AssessmentText.plain(to)), not above its start "
            + "\(AssessmentText.plain(from)).")
      }
      let quotaReader = mapping.optional("quota")
      let quota = quotaReader?.decimal()
      if let quota, let quotaReader, quota < 0 || quota > 1 {
        quotaReader.error(
          "The quota of grade '\(id ?? "?")' must lie between 0 and 1 (a share of the orgs assessed).",
          hint: "write 0.15 for 15%")
      }
      if let id, grades.contains(where: { $0.id == id }) {
        item.error("The grade '\(id)' is defined twice in \(context).")
      }
      if let id, let name, let from {
        grades.append(AssessmentGrade(id: id, name: name, from: from, to: to, quota: quota))
        readers.append(item)
      }
    }
    if reader.sequence()?.isEmpty == true {
      reader.error("\(context.prefix(1).uppercased() + context.dropFirst()) lists no grades.")
    }
    for index in grades.indices.dropFirst() where grades[index].from >= grades[index - 1].from {
      readers[index].error(
        "Grades are listed best first, each starting below the one before: '\(grades[index].id)' starts at "
          + "\(AssessmentText.plain(grades[index].from)), not below '\(grades[index - 1].id)' "
          + "(\(AssessmentText.plain(grades[index - 1].from))).")
    }
    if let last = grades.last, last.quota != nil, let lastReader = readers.last {
      lastReader.error("The lowest grade '\(last.id)' cannot have a quota: nobody could be moved below it.")
    }
    if let last = grades.last, last.from != 0, let lastReader = readers.last {
      lastReader.error(
        "The lowest grade '\(last.id)' starts at \(AssessmentText.plain(last.from)); the grades must cover every "
          + "total from 0.")
    }
    for index in grades.indices.dropFirst() {
      guard let to = grades[index].to else { continue }
      let better = grades[index - 1]
      if to < better.from {
        readers[index].error(
          "Totals from \(AssessmentText.plain(to)) to \(AssessmentText.plain(better.from)) fall in no grade: "
            + "'\(grades[index].id)' ends at \(AssessmentText.plain(to)) but '\(better.id)' starts at "
            + "\(AssessmentText.plain(better.from)).")
      } else if to > better.from {
        readers[index].error(
          "The grades '\(grades[index].id)' (to \(AssessmentText.plain(to))) and '\(better.id)' "
            + "(from \(AssessmentText.plain(better.from))) overlap.")
      }
    }
    return grades
  }

  /// The best grade must reach the highest total an org can score.
  func checkCoverage(_ grades: [AssessmentGrade], maximum: Decimal, kind: Org.Kind, at reader: NodeReader) {
    guard let best = grades.first, let to = best.to, to < maximum else { return }
    let items = reader.sequence() ?? []
    (items.first ?? reader).error(
      "Totals from \(AssessmentText.plain(to)) to \(AssessmentText.plain(maximum)) fall in no grade: the best grade "
        + "'\(best.id)' ends at \(AssessmentText.plain(to)), but a \(kind.rawValue) can score up to "
        + "\(AssessmentText.plain(maximum)).",
      hint: "raise its 'to' to at least \(AssessmentText.plain(maximum)) or leave 'to' out")
  }

  func tieBreak(
    _ reader: NodeReader?, items: [AssessmentItem], complete: Bool, context: String
  ) -> [AssessmentTieBreak] {
    let hasHeadline = items.contains(where: \.headline)
    guard let reader else { return hasHeadline ? [.headline, .basic, .id] : [.basic, .id] }
    var criteria: [AssessmentTieBreak] = []
    for item in reader.sequence() ?? [] {
      guard let criterion = item.oneOf(AssessmentTieBreak.self) else { continue }
      if criteria.contains(criterion) {
        item.error("'\(criterion.rawValue)' is listed twice in 'tie_break' of \(context).")
      } else if criteria.contains(.id) {
        item.warning("'\(criterion.rawValue)' comes after 'id', which already orders every org; it has no effect.")
      }
      if criterion == .headline, !hasHeadline, complete {
        item.error("'tie_break' of \(context) compares headline items, but no item is marked 'headline: true'.")
      }
      criteria.append(criterion)
    }
    return criteria
  }

  // MARK: - Values

  /// A decimal above zero.
  func positive(_ reader: NodeReader, _ what: String) -> Decimal? {
    guard let value = reader.decimal() else { return nil }
    if value <= 0 {
      reader.error("\(what) must be positive.")
      return nil
    }
    return value
  }

  func bool(_ reader: NodeReader) -> Bool? {
    guard let text = reader.string() else { return nil }
    switch text {
    case "true": return true
    case "false": return false
    default:
      reader.error("Expected true or false for '\(reader.keyPath)', found '\(text)'.")
      return nil
    }
  }
}
