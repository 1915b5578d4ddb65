import Foundation
import ZhibiaoPlan

extension AssessmentScheme {
  /// The keys of `assessment.yaml`: the scheme's header, the grade scale of qualitative items,
  /// and one section per kind of org assessed.
  static let fileKeys = ["scheme", "task_grades", "task_grading", "missing"] + sectionKinds.map(\.rawValue)
  /// The kinds of org that can have a section; the leading group is not assessed.
  static let sectionKinds: [Org.Kind] = Org.Kind.allCases.filter { $0 != .leadingGroup }
  static let schemeKeys = ["name", "note"]
  static let taskGradeKeys = ["id", "name", "value", "from"]
  static let sectionKeys = [
    "basic_points", "items", "owned", "bonus", "deduction", "notices", "veto", "grades", "tie_break",
  ]
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
    // Absent, a missing figure scores 0, as schemes did before the key existed; a wrong value is
    // logged as an error, which fails the whole decoding.
    let missing = mapping.optional("missing").flatMap { $0.oneOf(MissingFigureRule.self) } ?? .zero
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
    let grading = mapping.optional("task_grading").flatMap { $0.oneOf(TaskGrading.self) } ?? .events
    if grading == .milestones, let reader = mapping.optional("task_grading") {
      if !grades.contains(where: { $0.from == 0 }) {
        reader.error(
          "Grades computed from milestones need a task grade 'from: 0' in 'task_grades', so that every share of milestones completed earns a grade."
        )
      }
    }
    var scheme = AssessmentScheme(
      name: name, taskGrades: grades, sections: sections, missing: missing, location: root.location)
    scheme.taskGrading = grading
    return scheme
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
      let value = valueReader?.assessmentNumber()
      if let value, let valueReader, value < 0 || value > 1 {
        valueReader.error("The value of \(context) must lie between 0 and 1 (the share of the weight it earns).")
      }
      if let id, grades.contains(where: { $0.id == id }) {
        item.error("The task grade '\(id)' is defined twice.")
      }
      let fromReader = mapping.optional("from")
      let from = fromReader?.assessmentNumber()
      if let from, let fromReader, from < 0 || from > 1 {
        fromReader.error("'from' of \(context) must lie between 0 and 1 (the share of the milestones completed).")
      }
      if let from, let fromReader, grades.contains(where: { $0.from == from }) {
        fromReader.error("Two task grades start from \(AssessmentText.plain(from)); each share earns one grade.")
      }
      if let id, let name, let value {
        grades.append(AssessmentTaskGrade(id: id, name: name, value: value, from: from))
      }
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
    let notices = mapping.optional("notices").flatMap { noticePolicy($0, context: context) }
    let deduction = self.deduction(
      mapping.optional("deduction").flatMap { adjustment($0, what: "deduction", context: context) }, adding: notices,
      at: mapping.optional("deduction"))
    let gradesReader = mapping.required("grades", in: context)
    let grades = gradesReader.map { self.grades($0, context: context) } ?? []
    let veto = mapping.optional("veto").flatMap { self.veto($0, grades: grades, context: context) }
    let tieBreak = self.tieBreak(mapping.optional("tie_break"), items: items, complete: !incomplete, context: context)
    guard let basic else { return nil }
    let section = AssessmentSection(
      orgKind: kind, basicPoints: basic, items: items, owned: owned, bonus: bonus, deduction: deduction, veto: veto,
      grades: grades, tieBreak: tieBreak, notices: notices, location: reader.location)
    if let gradesReader, !grades.isEmpty {
      checkCoverage(grades, maximum: section.maximumTotal, kind: kind, at: gradesReader)
    }
    return section
  }

  // MARK: - Values

  /// A decimal above zero.
  func positive(_ reader: NodeReader, _ what: String) -> Decimal? {
    guard let value = reader.assessmentNumber() else { return nil }
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
