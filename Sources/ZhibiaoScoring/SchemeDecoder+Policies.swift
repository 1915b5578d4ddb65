import Foundation
import ZhibiaoPlan

/// Reading a section's bonus, deduction and veto policies, its grades and quotas, and how ties
/// are broken.
extension SchemeDecoder {
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
      let from = fromReader?.assessmentNumber()
      if let from, let fromReader, from < 0 { fromReader.error("The grade '\(id ?? "?")' cannot start below 0.") }
      let toReader = mapping.optional("to")
      let to = toReader?.assessmentNumber()
      if let from, let to, let toReader, to <= from {
        toReader.error(
          "The grade '\(id ?? "?")' ends at \(AssessmentText.plain(to)), not above its start "
            + "\(AssessmentText.plain(from)).")
      }
      let quotaReader = mapping.optional("quota")
      let quota = quotaReader?.assessmentNumber()
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
}
