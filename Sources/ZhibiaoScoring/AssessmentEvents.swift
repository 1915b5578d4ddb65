import Foundation
import ZhibiaoPlan

/// What the commission records for an assessment besides the figures: bonus and deduction
/// events, vetoes, the grades of qualitative items, and the ranks of the previous assessment.
/// Read from a file such as `Config/sample/assessment-events-2024.yaml` by
/// `decode(_:plan:scheme:year:)`, or built in code.
public struct AssessmentEvents: Hashable, Sendable {
  /// A bonus (加分) or deduction (扣分) event.
  public struct Adjustment: Hashable, Sendable {
    /// The org it is for.
    public var org: OrgID
    /// The category in the scheme, if it names one.
    public var category: String?
    /// The points, above zero.
    public var points: Decimal
    /// Why, in a sentence.
    public var reason: String
    /// Where it was written, if read from a file.
    public var location: SourceLocation?

    /// Creates an event.
    public init(org: OrgID, category: String? = nil, points: Decimal, reason: String, location: SourceLocation? = nil) {
      self.org = org
      self.category = category
      self.points = points
      self.reason = reason
      self.location = location
    }
  }

  /// A veto (一票否决) event.
  public struct Veto: Hashable, Sendable {
    /// The org it is for.
    public var org: OrgID
    /// The category in the scheme, if it names one.
    public var category: String?
    /// Why, in a sentence.
    public var reason: String
    /// Where it was written, if read from a file.
    public var location: SourceLocation?

    /// Creates a veto.
    public init(org: OrgID, category: String? = nil, reason: String, location: SourceLocation? = nil) {
      self.org = org
      self.category = category
      self.reason = reason
      self.location = location
    }
  }

  /// The year the events are for, when read from a file.
  public var year: Int?
  /// Bonus events.
  public var bonuses: [Adjustment]
  /// Deduction events.
  public var deductions: [Adjustment]
  /// Vetoes.
  public var vetoes: [Veto]
  /// The grade (an id of the scheme's task grades) of each qualitative item, by org and item id.
  public var grades: [OrgID: [String: String]]
  /// Each org's rank in the previous assessment, for the change in rank.
  public var previousRanks: [OrgID: Int]
  /// Qualitative items that do not apply to an org in the year, by org and item id, each with
  /// why: under `task_grading: milestones`, an item none of whose tasks has a milestone naming
  /// the org fall due. Their weight is shared among the org's other items. Set in code; a file
  /// never says it.
  public var inapplicable: [OrgID: [String: LocalizedText]] = [:]

  /// Creates a record.
  public init(
    year: Int? = nil, bonuses: [Adjustment] = [], deductions: [Adjustment] = [], vetoes: [Veto] = [],
    grades: [OrgID: [String: String]] = [:], previousRanks: [OrgID: Int] = [:]
  ) {
    self.year = year
    self.bonuses = bonuses
    self.deductions = deductions
    self.vetoes = vetoes
    self.grades = grades
    self.previousRanks = previousRanks
  }

  static let fileKeys = ["year", "note", "bonuses", "deductions", "vetoes", "grades", "previous_ranks"]
  static let adjustmentKeys = ["org", "category", "points", "reason"]
  static let vetoKeys = ["org", "category", "reason"]

  /// Reads the events file and checks it against the plan and the scheme: unknown orgs, orgs
  /// of a kind the scheme does not assess, unknown categories, items and grades (with "did you
  /// mean"), points that are not positive, and — when `year` is given — a file for another
  /// year. Problems go to the reader's log; returns nil when any is an error.
  public static func decode(
    _ root: NodeReader, plan: Plan, scheme: AssessmentScheme, year: Int? = nil
  ) -> AssessmentEvents? {
    let errorsBefore = root.log.diagnostics.filter { $0.severity == .error }.count
    let events = EventsDecoder(log: root.log, plan: plan, scheme: scheme).events(root, year: year)
    let errorsAfter = root.log.diagnostics.filter { $0.severity == .error }.count
    return errorsAfter == errorsBefore ? events : nil
  }
}

/// The graded items an org is scored on: the section's graded items, and for a bureau its
/// owned qualitative indicators when they are graded.
extension AssessmentSection {
  func gradedItemIDs(for org: OrgID, plan: Plan) -> [String] {
    var ids = items.filter { $0.rule.id == GradedScoring.description.id }.map(\.id)
    if let owned {
      ids += owned.indicators(of: org, in: plan)
        .filter { owned.rules[$0.kind]?.id == GradedScoring.description.id }.map(\.id.rawValue)
    }
    return ids
  }
}

struct EventsDecoder {
  let log: DiagnosticLog
  let plan: Plan
  let scheme: AssessmentScheme
  var base: ConfigDecoder { ConfigDecoder(log: log) }

  func events(_ root: NodeReader, year expected: Int?) -> AssessmentEvents? {
    guard let mapping = root.mapping() else { return nil }
    mapping.allowOnly(AssessmentEvents.fileKeys, in: "the assessment events")
    var events = AssessmentEvents()
    if let yearReader = mapping.required("year", in: "the assessment events"), let year = yearReader.int() {
      events.year = year
      if let expected, year != expected {
        yearReader.error("The events are for \(year), but the assessment is for \(expected).")
      }
    }
    _ = mapping.optional("note")?.string()
    events.bonuses = adjustments(mapping.optional("bonuses"), what: "bonus", policy: \.bonus)
    events.deductions = adjustments(mapping.optional("deductions"), what: "deduction", policy: \.deduction)
    events.vetoes = vetoes(mapping.optional("vetoes"))
    events.grades = grades(mapping.optional("grades"))
    events.previousRanks = previousRanks(mapping.optional("previous_ranks"))
    return events
  }

  /// The org named by `reader`, which must exist and be of a kind the scheme assesses.
  func org(_ reader: NodeReader?) -> (OrgID, AssessmentSection)? {
    guard let reader, let id: OrgID = base.identifier(reader) else { return nil }
    guard let org = plan.org(id) else {
      reader.error(
        "Unknown org '\(id)'.", hint: Suggestion.hint(for: id.rawValue, among: plan.orgs.map(\.id.rawValue).sorted()))
      return nil
    }
    guard let section = scheme.section(for: org.kind) else {
      reader.error("The org '\(id)' is a \(org.kind.rawValue); the scheme assesses no \(org.kind.rawValue).")
      return nil
    }
    return (id, section)
  }

  func adjustments(
    _ reader: NodeReader?, what: String, policy: KeyPath<AssessmentSection, AssessmentAdjustmentPolicy?>
  ) -> [AssessmentEvents.Adjustment] {
    var adjustments: [AssessmentEvents.Adjustment] = []
    for item in reader?.sequence() ?? [] {
      guard let mapping = item.mapping() else { continue }
      let context = "a \(what)"
      mapping.allowOnly(AssessmentEvents.adjustmentKeys, in: context)
      let target = org(mapping.required("org", in: context))
      let reason = mapping.required("reason", in: context)?.string()
      let categoryReader = mapping.optional("category")
      let categoryID = categoryReader?.string()
      var points = mapping.optional("points").flatMap { reader -> Decimal? in
        guard let value = reader.assessmentNumber() else { return nil }
        if value <= 0 {
          reader.error("The points of \(context) must be positive; a \(what) is listed as a positive number.")
          return nil
        }
        return value
      }
      guard let (orgID, section) = target else { continue }
      guard let policy = section[keyPath: policy] else {
        item.error("The '\(section.orgKind.rawValue)' section gives no \(what) points.")
        continue
      }
      if let categoryID, let categoryReader {
        if let category = policy.category(categoryID) {
          points = points ?? category.points
        } else {
          categoryReader.error(
            "Unknown \(what) category '\(categoryID)'.",
            hint: Suggestion.hint(for: categoryID, among: policy.categories.map(\.id)))
          continue
        }
      }
      guard let points else {
        if !mapping.has("points") {
          item.error(
            "The \(what) for '\(orgID)' states no points"
              + (categoryID.map { ", and its category '\($0)' sets none." } ?? "."))
        }
        continue
      }
      guard let reason else { continue }
      adjustments.append(
        AssessmentEvents.Adjustment(
          org: orgID, category: categoryID, points: points, reason: reason, location: item.location))
    }
    return adjustments
  }

  func vetoes(_ reader: NodeReader?) -> [AssessmentEvents.Veto] {
    var vetoes: [AssessmentEvents.Veto] = []
    for item in reader?.sequence() ?? [] {
      guard let mapping = item.mapping() else { continue }
      mapping.allowOnly(AssessmentEvents.vetoKeys, in: "a veto")
      let target = org(mapping.required("org", in: "a veto"))
      let reason = mapping.required("reason", in: "a veto")?.string()
      let categoryReader = mapping.optional("category")
      let categoryID = categoryReader?.string()
      guard let (orgID, section) = target else { continue }
      guard let policy = section.veto else {
        item.error("The '\(section.orgKind.rawValue)' section has no veto.")
        continue
      }
      if let categoryID, let categoryReader, !policy.categories.contains(where: { $0.id == categoryID }) {
        categoryReader.error(
          "Unknown veto category '\(categoryID)'.",
          hint: Suggestion.hint(for: categoryID, among: policy.categories.map(\.id)))
        continue
      }
      guard let reason else { continue }
      vetoes.append(AssessmentEvents.Veto(org: orgID, category: categoryID, reason: reason, location: item.location))
    }
    return vetoes
  }

  /// The entries of a mapping keyed by org: each known org, its section, and the readers of its
  /// key and of its value. An unknown org is reported and left out.
  func orgEntries(
    _ reader: NodeReader?
  ) -> [(org: OrgID, section: AssessmentSection, key: NodeReader, value: NodeReader)] {
    guard let byOrg = reader?.mapping() else { return [] }
    return byOrg.entries.compactMap { entry in
      let keyReader = NodeReader(
        Node(.scalar(entry.key, .plain), at: entry.keyLocation), keyPath: "\(byOrg.reader.keyPath).\(entry.key)",
        log: log)
      guard let (orgID, section) = org(keyReader) else { return nil }
      return (orgID, section, keyReader, NodeReader(entry.value, keyPath: keyReader.keyPath, log: log))
    }
  }

  func grades(_ reader: NodeReader?) -> [OrgID: [String: String]] {
    var grades: [OrgID: [String: String]] = [:]
    let names = scheme.taskGrades.flatMap { [$0.id, $0.name.zh] }
    for (orgID, section, keyReader, valueReader) in orgEntries(reader) {
      guard let items = valueReader.mapping() else { continue }
      let allowed = section.gradedItemIDs(for: orgID, plan: plan)
      var orgGrades: [String: String] = [:]
      for itemEntry in items.entries {
        let gradeReader = NodeReader(itemEntry.value, keyPath: "\(keyReader.keyPath).\(itemEntry.key)", log: log)
        guard allowed.contains(itemEntry.key) else {
          log.error(
            "'\(orgID)' has no graded item '\(itemEntry.key)'; its graded items are "
              + (allowed.isEmpty ? "none" : allowed.map { "'\($0)'" }.joined(separator: ", ")) + ".",
            at: itemEntry.keyLocation, keyPath: gradeReader.keyPath,
            hint: Suggestion.hint(for: itemEntry.key, among: allowed))
          continue
        }
        if scheme.taskGrading == .milestones,
          section.items.contains(where: { $0.id == itemEntry.key && !$0.tasks.isEmpty })
        {
          log.error(
            "'\(itemEntry.key)' is graded from the milestones of its key tasks (the scheme's 'task_grading: milestones'), "
              + "not in the events file, which keeps bonuses, deductions and vetoes; remove this grade.",
            at: itemEntry.keyLocation, keyPath: gradeReader.keyPath)
          continue
        }
        guard let text = gradeReader.string() else { continue }
        guard let grade = AssessmentTaskGrade.find(text, in: scheme.taskGrades) else {
          gradeReader.error(
            "'\(text)' is not a task grade; expected one of "
              + scheme.taskGrades.map { "'\($0.name.zh)' ('\($0.id)')" }.joined(separator: ", ") + ".",
            hint: Suggestion.hint(for: text, among: names))
          continue
        }
        orgGrades[itemEntry.key] = grade.id
      }
      grades[orgID] = orgGrades
    }
    return grades
  }

  func previousRanks(_ reader: NodeReader?) -> [OrgID: Int] {
    var ranks: [OrgID: Int] = [:]
    for (orgID, _, _, valueReader) in orgEntries(reader) {
      guard let rank = valueReader.int() else { continue }
      if rank < 1 {
        valueReader.error("A rank starts at 1; '\(orgID)' is given \(rank).")
        continue
      }
      ranks[orgID] = rank
    }
    return ranks
  }
}
