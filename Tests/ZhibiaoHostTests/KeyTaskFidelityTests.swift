// The key tasks of Config/ against the plan text: every task says when it is done, every dated
// milestone is the plan's own words and figure, and every org a task names is a registered org.

import Foundation
import Testing
import ZhibiaoHost
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Key tasks of the shipped plan")
struct KeyTaskFidelityTests {
  @Test("Every task has an indicator or a milestone, and a task without an indicator has yearly progress")
  func everyTaskSaysWhenItIsDone() throws {
    let plan = try HangzhouPlan.plan()
    #expect(plan.tasks.count == 83)
    for task in plan.tasks {
      #expect(!task.indicators.isEmpty || !task.milestones.isEmpty, "\(task.id) has neither")
      if task.indicators.isEmpty {
        #expect(task.milestones.contains { $0.kind == .yearly }, "\(task.id) has no indicator and no yearly progress")
      }
    }
  }

  @Test("Every task that drives an indicator with a target carries its dated milestone")
  func linkedTargetsAreMilestones() throws {
    let plan = try HangzhouPlan.plan()
    for task in plan.tasks {
      for id in task.indicators {
        let indicator = try #require(plan.indicator(id))
        for target in indicator.targets {
          #expect(
            task.milestones.contains { $0.indicator == id && $0.due == .year(target.year) && $0.value == target.value },
            "\(task.id) drives \(id) but has no milestone for its \(target.year) target")
        }
      }
    }
  }

  @Test("Every dated milestone quotes the plan verbatim and states its value in the indicator's unit")
  func datedMilestonesAreThePlansWords() throws {
    let plan = try HangzhouPlan.plan()
    let text = try FidelityFixture.planText()
    let dated = plan.tasks.flatMap(\.milestones).filter { $0.kind == .outcome }
    #expect(!dated.isEmpty)
    for milestone in dated {
      #expect(text.contains(milestone.text), "not in the plan text: \(milestone.text)")
      #expect(text.contains("到\(milestone.due?.year ?? 0)年"), "the plan sets nothing for \(milestone.due as Any)")
      guard let value = milestone.value else { continue }
      let indicator = try #require(milestone.indicator.flatMap(plan.indicator))
      let unit = try #require(indicator.unit)
      #expect(
        FidelityFigures.text(milestone.text, states: value, in: unit),
        "'\(milestone.text)' does not state \(value) \(unit)")
    }
  }

  @Test("Yearly progress is 年度推进, or what the plan asks for 每年")
  func yearlyProgressWords() throws {
    let plan = try HangzhouPlan.plan()
    let text = try FidelityFixture.planText()
    for task in plan.tasks {
      for milestone in task.milestones where milestone.kind == .yearly && milestone.text != "年度推进" {
        #expect(text.contains("每年" + milestone.text), "\(task.id): the plan does not ask 每年\(milestone.text)")
      }
    }
  }

  @Test("Every org a task names is a registered org, and a district or bureau")
  func taskOrgsAreRegistered() throws {
    let plan = try HangzhouPlan.plan()
    for task in plan.tasks {
      for id in task.orgs {
        let org = try #require(plan.org(id), "\(task.id) names the unregistered org \(id)")
        #expect(org.kind != .leadingGroup, "\(task.id) names the leading group")
      }
      #expect(plan.org(task.orgs[0])?.kind == .bureau, "\(task.id) is led by a district")
    }
  }

  /// The co-operating bureaus whose remit the plan's tasks and 保障措施 name, by id and name.
  static let cooperatingBureaus: [(String, String)] = [
    ("bureau.human_resources", "市人力社保局"), ("bureau.market_regulation", "市市场监管局"),
    ("bureau.transport", "市交通运输局"), ("bureau.postal", "市邮政管理局"), ("bureau.statistics", "市统计局"),
    ("bureau.public_finance", "市财政局"), ("bureau.data_resources", "市数据资源局"),
    ("bureau.culture_tourism", "市文化广电旅游局"), ("bureau.planning_resources", "市规划和自然资源局"),
  ]

  @Test("The co-operating bureaus are registered, owning no indicator", arguments: cooperatingBureaus)
  func cooperatingBureau(id: String, name: String) throws {
    let plan = try HangzhouPlan.plan()
    let org = try #require(plan.org(OrgID(id)), "missing \(id)")
    #expect(org.kind == .cooperatingBureau)
    #expect(org.name.zh == name)
    #expect(!plan.indicators.contains { $0.owner == org.id }, "\(id) co-operates; it owns no indicator")
    #expect(!org.name.en.isEmpty)
    #expect(!plan.domains.contains { $0.lead == org.id }, "\(id) co-operates; it leads no domain")
  }

  @Test("Tasks list their co-operating bureaus after the lead")
  func cooperatingBureausFollowTheLead() throws {
    let plan = try HangzhouPlan.plan()
    let task = { (id: TaskID) in plan.tasks.first { $0.id == id }?.orgs ?? [] }
    #expect(task("business.hr.industrial_park") == ["bureau.commerce", "bureau.human_resources"])
    #expect(task("logistics.express.upgrade") == ["bureau.drc", "bureau.postal"])
    #expect(task("logistics.green.waterways") == ["bureau.drc", "district.qiantang", "bureau.transport"])
    #expect(task("tech.testing.third_party") == ["bureau.sci_tech", "bureau.market_regulation"])
    #expect(task("business.hq.recognition") == ["bureau.commerce", "bureau.public_finance"])
    #expect(task("digital.content.exchange") == ["bureau.econ_info", "district.binjiang", "bureau.data_resources"])
  }
}
