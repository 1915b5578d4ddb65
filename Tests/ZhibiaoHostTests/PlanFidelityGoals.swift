// Fidelity of Config/ to the plan text: the goal groups, domains, districts and bureaus as read
// from the plan (the reading rules are in PlanFidelityTargets.swift).

import Testing

/// A goal group of the 1+4+3 system (二、发展目标).
struct FidelityGoal: Sendable, CustomTestStringConvertible {
  enum Kind: String, Sendable { case overall, centre, pioneer }
  let id: String
  let kind: Kind
  let indicators: Set<String>
  var testDescription: String { id }

  /// 一个总体目标 (the figures of 具体目标's first sentence), 四个中心, 三个争先.
  static let all: [FidelityGoal] = [
    FidelityGoal(
      id: "goal.overall", kind: .overall,
      indicators: [
        "plan.producer_services_va", "plan.producer_services_va_rank",
        "plan.producer_services_revenue",
      ]),
    FidelityGoal(
      id: "goal.centre.digital_trade", kind: .centre,
      indicators: ["digital.ict_revenue", "digital.digital_trade"]),
    FidelityGoal(id: "goal.centre.science", kind: .centre, indicators: ["tech.srts_revenue"]),
    FidelityGoal(id: "goal.centre.finance", kind: .centre, indicators: ["finance.finance_va"]),
    FidelityGoal(
      id: "goal.centre.logistics", kind: .centre, indicators: ["logistics.logistics_va"]),
    FidelityGoal(
      id: "goal.pioneer.integration", kind: .pioneer,
      indicators: ["plan.service_manufacturing_demos"]),
    FidelityGoal(
      id: "goal.pioneer.digital_empowerment", kind: .pioneer,
      indicators: ["plan.industrial_digitalisation_index", "plan.net_zero_rank"]),
    FidelityGoal(
      id: "goal.pioneer.model_innovation", kind: .pioneer, indicators: ["plan.new_business_models"]),
  ]
}

/// A 重点领域 with its lead (四、保障措施（一）) and its area subsections in the plan's order.
struct FidelityDomain: Sendable, CustomTestStringConvertible {
  let id: String
  let lead: String
  let areas: [String]
  /// Areas whose paragraph names its own 责任单位 different from the domain lead.
  let areaLeads: [String: String]
  var testDescription: String { id }

  static let all: [FidelityDomain] = [
    FidelityDomain(
      id: "digital", lead: FidelityOwners.econInfo,
      areas: ["digital.software", "digital.trade", "digital.live_commerce", "digital.content"],
      areaLeads: ["digital.trade": FidelityOwners.commerce]),
    FidelityDomain(
      id: "tech", lead: FidelityOwners.sciTech,
      areas: ["tech.research", "tech.professional", "tech.ip", "tech.testing", "tech.design"],
      areaLeads: [:]),
    FidelityDomain(
      id: "finance", lead: FidelityOwners.finance,
      areas: ["finance.fintech", "finance.scitech", "finance.green"], areaLeads: [:]),
    FidelityDomain(
      id: "logistics", lead: FidelityOwners.drc,
      areas: [
        "logistics.air", "logistics.express", "logistics.cold_chain", "logistics.green",
        "logistics.smart",
      ],
      areaLeads: [:]),
    FidelityDomain(
      id: "business", lead: FidelityOwners.commerce,
      areas: ["business.exhibition", "business.hr", "business.creative", "business.hq"],
      areaLeads: [:]),
  ]
}

/// One of Hangzhou's 13 区、县（市） with its 统计用区划代码.
struct FidelityDistrict: Sendable, CustomTestStringConvertible {
  let id: String
  let code: String
  let zh: String
  var testDescription: String { "\(id) \(code) \(zh)" }

  static let all: [FidelityDistrict] = [
    FidelityDistrict(id: "district.shangcheng", code: "330102", zh: "上城区"),
    FidelityDistrict(id: "district.gongshu", code: "330105", zh: "拱墅区"),
    FidelityDistrict(id: "district.xihu", code: "330106", zh: "西湖区"),
    FidelityDistrict(id: "district.binjiang", code: "330108", zh: "滨江区"),
    FidelityDistrict(id: "district.xiaoshan", code: "330109", zh: "萧山区"),
    FidelityDistrict(id: "district.yuhang", code: "330110", zh: "余杭区"),
    FidelityDistrict(id: "district.linping", code: "330113", zh: "临平区"),
    FidelityDistrict(id: "district.qiantang", code: "330114", zh: "钱塘区"),
    FidelityDistrict(id: "district.fuyang", code: "330111", zh: "富阳区"),
    FidelityDistrict(id: "district.linan", code: "330112", zh: "临安区"),
    FidelityDistrict(id: "district.tonglu", code: "330122", zh: "桐庐县"),
    FidelityDistrict(id: "district.chunan", code: "330127", zh: "淳安县"),
    FidelityDistrict(id: "district.jiande", code: "330182", zh: "建德市"),
  ]
}

/// The bureaus the plan names in 四、保障措施（一） and in 责任单位 notes, by their plan names.
let fidelityBureaus: [String: String] = [
  FidelityOwners.drc: "市发改委",
  FidelityOwners.econInfo: "市经信局",
  FidelityOwners.sciTech: "市科技局",
  FidelityOwners.finance: "市地方金融监管局",
  FidelityOwners.commerce: "市商务局",
]
