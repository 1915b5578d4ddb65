import Foundation

extension CrossReferenceChecker {
  /// A task's area, orgs and indicators exist, and something tells when it is done.
  func check(_ task: KeyTask) {
    let context = "task '\(task.id)'"
    if let areaID = task.area {
      let location = task.positions["area"] ?? task.location
      if let area = areas[areaID] {
        if area.domain != task.domain {
          log.error(
            "The \(context) is in domain '\(task.domain)' but its area '\(areaID)' is in '\(area.domain)'.",
            at: location)
        }
      } else {
        log.error(
          "The \(context) names the unknown area '\(areaID)'.", at: location,
          hint: suggestion(areaID.rawValue, among: areas.keys.map(\.rawValue)))
      }
    }
    for (index, orgID) in task.orgs.enumerated() {
      org(orgID, at: task.positions["orgs[\(index)]"] ?? task.location, for: context)
    }
    if Set(task.orgs).count != task.orgs.count {
      log.warning("The \(context) lists an org twice.", at: task.location)
    }
    for (index, indicatorID) in task.indicators.enumerated() {
      indicator(indicatorID, at: task.positions["indicators[\(index)]"] ?? task.location, for: context)
    }
    if task.indicators.isEmpty, task.milestones.isEmpty {
      log.warning(
        "The \(context) has neither an indicator nor a milestone, so nothing tells when it is done.",
        at: task.location,
        hint: "link the indicators it drives ('indicators'), add the plan's dated milestones ('due'), "
          + "or add yearly progress: '{ every: year, text: 年度推进 }'")
    }
  }

  /// A milestone is due within the plan's years and names an indicator that exists; a warning when
  /// its task does not list that indicator, or its value is not the indicator's target for the
  /// year it is due (both quote the plan, so one of them has drifted).
  func checkMilestones(_ task: KeyTask) {
    for milestone in task.milestones {
      let context = "milestone '\(milestone.text)' of task '\(task.id)'"
      if let due = milestone.due, !plan.years.contains(due.year) {
        log.error(
          "The \(context) is due in \(due), outside the plan's years \(plan.baseYear + 1)–\(plan.targetYear).",
          at: milestone.positions["due"] ?? milestone.location)
      }
      guard let indicatorID = milestone.indicator else { continue }
      let location = milestone.positions["indicator"] ?? milestone.location
      guard let indicator = indicator(indicatorID, at: location, for: "the \(context)") else { continue }
      if !task.indicators.contains(indicatorID) {
        log.warning(
          "The \(context) is settled by '\(indicatorID)', which the task does not list under 'indicators'.",
          at: location, hint: "add '\(indicatorID)' to the task's 'indicators'")
      }
      guard let value = milestone.value else { continue }
      let valueLocation = milestone.positions["value"] ?? milestone.location
      if indicator.kind == .qualitative {
        log.error(
          "The \(context) gives a value to the qualitative indicator '\(indicatorID)', which has aims, not figures.",
          at: valueLocation)
        continue
      }
      // A year's milestone restates the plan's target for that year; a quarter's has none to match.
      guard let due = milestone.due, due.quarter == nil else { continue }
      let stated = indicator.targets.filter { $0.year == due.year }.compactMap(\.value)
      if !stated.isEmpty, !stated.contains(value) {
        let figures = stated.map { "\($0)" }.joined(separator: ", ")
        log.warning(
          "The \(context) gives \(value) for '\(indicatorID)', but the indicator's \(due.year) target is \(figures).",
          at: valueLocation, hint: "quote the plan's figure, the same in both places")
      }
    }
  }
}
