import ZhibiaoKernel

extension DistrictLetter {
  /// The key tasks that name the district among their orgs, in the plan's order.
  var tasks: [KeyTask] { plan.tasks.filter { $0.orgs.contains(district.id) } }

  /// The key tasks graded under the scheme's qualitative district items.
  var assessedTasks: Set<TaskID> {
    Set(scheme?.section(for: .district)?.items.flatMap(\.tasks) ?? [])
  }

  /// 三、涉及本地的重点任务: each task in the plan's words, who leads, who co-operates, what is due
  /// this year, and whether it is graded in the assessment.
  func keyTasks() -> String {
    guard !tasks.isEmpty else { return "" }
    var table = LetterTable(
      className: "tasks",
      columns: [
        .init(heading: say("重点任务（方案原文）", "Key task (the plan's words)")), .init(heading: say("领域", "Domain")),
        .init(heading: say("牵头单位", "Lead")), .init(heading: say("配合单位", "Co-operating")),
        .init(heading: say("\(year)年节点", "Due in \(year)")), .init(heading: say("纳入考核", "Graded")),
      ])
    let graded = assessedTasks
    for task in tasks {
      let orgs = task.orgs.map { id in plan.org(id).map { name($0.name) } ?? id.rawValue }
      let milestones = task.milestones.filter { $0.isDue(in: year) }.map(\.text).joined(separator: "；")
      table.append(
        [
          task.text, plan.domain(task.domain).map { name($0.name) } ?? "", orgs.first ?? "",
          orgs.dropFirst().joined(separator: say("、", ", ")), milestones.isEmpty ? "—" : milestones,
          graded.contains(task.id) ? say("是", "yes") : say("否", "no"),
        ], id: task.id.rawValue)
    }
    // The plan's tasks exist in its Chinese words only.
    let note =
      language == .en ? LetterMarkup.element("p", "The tasks are quoted in the plan's words.", class: "muted") : ""
    return [
      "<section class=\"key-tasks\">", element("h2", "三、涉及本地的重点任务", "3. Key tasks naming the district"), note,
      table.html(), "</section>",
    ].filter { !$0.isEmpty }.joined(separator: "\n")
  }
}
