import Foundation

extension ConfigDecoder {
  func task(_ reader: NodeReader, domain: DomainID) -> KeyTask? {
    guard let mapping = reader.mapping() else { return nil }
    let id: TaskID? = identifier(mapping.required("id", in: "a task"))
    let context = "task '\(id?.rawValue ?? "?")'"
    mapping.allowOnly(Keys.task, in: context)
    var positions: [String: SourceLocation] = [:]
    let areaReader = mapping.optional("area")
    let area: AreaID? = identifier(areaReader)
    positions["area"] = areaReader?.location
    let text = mapping.required("text", in: context)?.string()
    let orgs: [OrgID]? = identifiers(mapping.required("orgs", in: context), field: "orgs", positions: &positions)
    if let orgs, orgs.isEmpty {
      reader.error("The \(context) names no org; the first org listed leads it.")
    }
    let indicators: [IndicatorID] =
      identifiers(mapping.optional("indicators"), field: "indicators", positions: &positions) ?? []
    let milestones = (mapping.optional("milestones")?.sequence() ?? []).compactMap {
      milestone($0, of: context)
    }
    guard let id, let text, let orgs, !orgs.isEmpty else { return nil }
    return KeyTask(
      id: id, domain: domain, area: area, text: text, orgs: orgs, indicators: indicators,
      milestones: milestones, location: reader.location, positions: positions)
  }

  /// A milestone: `{ due: 2025, text: …, indicator: …, value: 10 }` for a dated outcome (a quarter
  /// such as `2024Q2` when the plan gives one), `{ every: year, text: 年度推进 }` for yearly progress.
  private func milestone(_ reader: NodeReader, of task: String) -> KeyTask.Milestone? {
    guard let mapping = reader.mapping() else { return nil }
    let context = "a milestone of \(task)"
    mapping.allowOnly(Keys.milestone, in: context)
    var positions: [String: SourceLocation] = [:]
    let text = mapping.required("text", in: context)?.string()
    let indicatorReader = mapping.optional("indicator")
    let indicator: IndicatorID? = identifier(indicatorReader)
    positions["indicator"] = indicatorReader?.location
    let valueReader = mapping.optional("value")
    let value = valueReader?.decimal()
    positions["value"] = valueReader?.location
    if let valueReader, indicatorReader == nil {
      valueReader.error(
        "The value of \(context) names no indicator ('indicator') to be measured by.",
        hint: "add the indicator whose figure settles it, or remove 'value'")
    }

    let dueReader = mapping.optional("due")
    let everyReader = mapping.optional("every")
    switch (dueReader, everyReader) {
    case (let dueReader?, nil):
      positions["due"] = dueReader.location
      guard let written = dueReader.string() else { return nil }
      guard let due = Period(written) else {
        dueReader.error(
          "The due period '\(written)' of \(context) is neither a year nor a quarter.",
          hint: "write a year such as 2025, or a quarter such as 2024Q2")
        return nil
      }
      guard let text else { return nil }
      return .outcome(
        due: due, text: text, indicator: indicator, value: value, location: reader.location, positions: positions)
    case (nil, let everyReader?):
      positions["every"] = everyReader.location
      guard let every = everyReader.string() else { return nil }
      if every != "year" {
        everyReader.error(
          "'\(every)' is not a recurrence of \(context); milestones recur every 'year'.",
          hint: "write 'every: year', or give a dated milestone with 'due'")
      }
      if let valueReader {
        valueReader.error(
          "Yearly progress in \(context) has no 'value'; the plan states values for dated outcomes.",
          hint: "give the value to a milestone with 'due'")
      }
      guard let text, every == "year" else { return nil }
      return .yearly(text: text, indicator: indicator, location: reader.location, positions: positions)
    case (_?, _?):
      reader.error(
        "A milestone of \(task) has both 'due' and 'every'; a milestone is either dated or yearly.",
        hint: "keep 'due' for a dated outcome, or 'every: year' for yearly progress")
      return nil
    case (nil, nil):
      reader.error(
        "A milestone of \(task) says neither when it is due ('due') nor that it recurs ('every: year').",
        hint: "write 'due: 2025' (or a quarter such as 2024Q2), or 'every: year'")
      return nil
    }
  }
}
